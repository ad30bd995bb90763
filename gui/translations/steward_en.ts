<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>steward::gui::AuditRunner</name>
    <message numerus="yes">
        <source>%1 of %n applicable item(s) assessed; score %2</source>
        <translation>
            <numerusform>%1 of %n applicable item assessed; score %2</numerusform>
            <numerusform>%1 of %n applicable items assessed; score %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Evidence (%n)</source>
        <translation>
            <numerusform>Evidence (%n)</numerusform>
            <numerusform>Evidence (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Findings (%n)</source>
        <translation>
            <numerusform>Findings (%n)</numerusform>
            <numerusform>Findings (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other offer(s) for this item.</source>
        <translation>
            <numerusform>%n other offer for this item.</numerusform>
            <numerusform>%n other offers for this item.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::AuditsScreen</name>
    <message numerus="yes">
        <source>%n audit(s)</source>
        <translation>
            <numerusform>%n audit</numerusform>
            <numerusform>%n audits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue finding(s)</source>
        <translation>
            <numerusform>%n overdue finding</numerusform>
            <numerusform>%n overdue findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open finding(s)</source>
        <translation>
            <numerusform>%n open finding</numerusform>
            <numerusform>%n open findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n overdue</source>
        <translation>
            <numerusform>%1, %n overdue</numerusform>
            <numerusform>%1, %n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue findings (%n)</source>
        <translation>
            <numerusform>Overdue findings (%n)</numerusform>
            <numerusform>Overdue findings (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open findings (%n)</source>
        <translation>
            <numerusform>Open findings (%n)</numerusform>
            <numerusform>Open findings (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::FindingListModel</name>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::ImportPeopleDialog</name>
    <message numerus="yes">
        <source>Imported %n people.</source>
        <translation>
            <numerusform>Imported %n person.</numerusform>
            <numerusform>Imported %n people.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found. The file is imported as a whole or not at all: correct the rows below and open it again.</source>
        <translation>
            <numerusform>%n problem found. The file is imported as a whole or not at all: correct the rows below and open it again.</numerusform>
            <numerusform>%n problems found. The file is imported as a whole or not at all: correct the rows below and open it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::OverviewReminders</name>
    <message numerus="yes">
        <source>Nothing due in the next %n day(s)</source>
        <translation>
            <numerusform>Nothing due in the next %n day</numerusform>
            <numerusform>Nothing due in the next %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) for the next %1 days, %2 overdue</source>
        <translation>
            <numerusform>%n reminder for the next %1 days, %2 overdue</numerusform>
            <numerusform>%n reminders for the next %1 days, %2 overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::OverviewScreen</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coverage error(s)</source>
        <translation>
            <numerusform>%n coverage error</numerusform>
            <numerusform>%n coverage errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n checked project(s) fully covered</source>
        <translation>
            <numerusform>%1 of %n checked project fully covered</numerusform>
            <numerusform>%1 of %n checked projects fully covered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue audit finding(s)</source>
        <translation>
            <numerusform>%n overdue audit finding</numerusform>
            <numerusform>%n overdue audit findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n day(s) overdue
%3</source>
        <translation>
            <numerusform>%1 · %2 · %n day overdue
%3</numerusform>
            <numerusform>%1 · %2 · %n days overdue
%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::PeopleScreen</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::PersonPage</name>
    <message numerus="yes">
        <source>%1 (overdue by %n day(s))</source>
        <translation>
            <numerusform>%1 (overdue by %n day)</numerusform>
            <numerusform>%1 (overdue by %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open findings owned: %n, %1 overdue</source>
        <translation>
            <numerusform>Open findings owned: %n, %1 overdue</numerusform>
            <numerusform>Open findings owned: %n, %1 overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open findings owned: %n</source>
        <translation>
            <numerusform>Open findings owned: %n</numerusform>
            <numerusform>Open findings owned: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing due in the next %n day(s)</source>
        <translation>
            <numerusform>Nothing due in the next %n day</numerusform>
            <numerusform>Nothing due in the next %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due in the next %n day(s): %1, %2 overdue</source>
        <translation>
            <numerusform>Due in the next %n day: %1, %2 overdue</numerusform>
            <numerusform>Due in the next %n days: %1, %2 overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::PersonPicker</name>
    <message numerus="yes">
        <source>Showing the first %n matches; type more to narrow the search.</source>
        <translation>
            <numerusform>Showing the first %n match; type more to narrow the search.</numerusform>
            <numerusform>Showing the first %n matches; type more to narrow the search.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::PersonQualifications</name>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>Expires in %n day</numerusform>
            <numerusform>Expires in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expired %n day(s) ago</source>
        <translation>
            <numerusform>Expired %n day ago</numerusform>
            <numerusform>Expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Qualifications: %n recorded, %1 valid today</source>
        <translation>
            <numerusform>Qualifications: %n recorded, %1 valid today</numerusform>
            <numerusform>Qualifications: %n recorded, %1 valid today</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::PluginsScreen</name>
    <message numerus="yes">
        <source>%n role(s)</source>
        <translation>
            <numerusform>%n role</numerusform>
            <numerusform>%n roles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n responsibilities</source>
        <translation>
            <numerusform>%n responsibility</numerusform>
            <numerusform>%n responsibilities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n rule</numerusform>
            <numerusform>%n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checklist(s)</source>
        <translation>
            <numerusform>%n checklist</numerusform>
            <numerusform>%n checklists</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::ProjectPage</name>
    <message numerus="yes">
        <source>Audits (%n)</source>
        <translation>
            <numerusform>Audits (%n)</numerusform>
            <numerusform>Audits (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::ProjectsScreen</name>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::QualificationsScreen</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::RaciEditor</name>
    <message numerus="yes">
        <source>Saved %n change(s) to the RACI matrix of %1.</source>
        <translation>
            <numerusform>Saved %n change to the RACI matrix of %1.</numerusform>
            <numerusform>Saved %n changes to the RACI matrix of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coverage finding(s) with these edits</source>
        <translation>
            <numerusform>%n coverage finding with these edits</numerusform>
            <numerusform>%n coverage findings with these edits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::gui::ReminderTable</name>
    <message numerus="yes">
        <source>%1 (overdue by %n day(s))</source>
        <translation type="unfinished">
            <numerusform>%1 (overdue by %n day)</numerusform>
            <numerusform>%1 (overdue by %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (in %n day(s))</source>
        <translation>
            <numerusform>%1 (in %n day)</numerusform>
            <numerusform>%1 (in %n days)</numerusform>
        </translation>
    </message>
</context>
</TS>
