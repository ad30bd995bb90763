// steward audit ..., steward finding update, steward findings: the audit workflow from the command
// line. Audit steps record the acting person, which is the global --actor given as an e-mail.
#include "audit/audit_service.h"
#include "command.h"
#include "db/database.h"
#include "db/session.h"

#include <QJsonArray>
#include <QJsonObject>

namespace steward {
namespace {

const QString kActorNote =
    QStringLiteral("The acting person is the global --actor, given as your e-mail address "
                   "(e.g. steward --actor ada@example.org audit ...).");

QJsonValue orNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}
QJsonValue orNull(const QDate& d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue();
}
QJsonValue orNull(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject toJson(const Audit& a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("project"), a.projectKey},
            {QStringLiteral("project_name"), a.projectName},
            {QStringLiteral("checklist"), a.checklistKey},
            {QStringLiteral("checklist_title"), a.checklistTitle},
            {QStringLiteral("checklist_version"), a.checklistVersionLabel},
            {QStringLiteral("lead"), a.leadEmail},
            {QStringLiteral("status"), toText(a.status)},
            {QStringLiteral("due_date"), orNull(a.dueDate)},
            {QStringLiteral("created_at"), orNull(a.createdAt)},
            {QStringLiteral("closed_at"), orNull(a.closedAt)},
            {QStringLiteral("signed_off_by"), orNull(a.signedOffBy)},
            {QStringLiteral("sign_off_statement"), orNull(a.signOffStatement)},
            {QStringLiteral("version"), a.version}};
}

QJsonObject toJson(const AuditItem& i)
{
    QJsonArray evidence;
    for (qint64 id : i.evidenceIds)
        evidence.append(id);
    return {{QStringLiteral("item"), i.itemId},
            {QStringLiteral("section"), i.sectionId},
            {QStringLiteral("text"), i.text},
            {QStringLiteral("role"), orNull(i.roleKey)},
            {QStringLiteral("result"), toText(i.result)},
            {QStringLiteral("not_applicable_reason"), orNull(i.notApplicableReason)},
            {QStringLiteral("note"), orNull(i.note)},
            {QStringLiteral("respondent"), orNull(i.respondentEmail)},
            {QStringLiteral("assessed_by"), orNull(i.assessedBy)},
            {QStringLiteral("assessed_at"), orNull(i.assessedAt)},
            {QStringLiteral("evidence"), evidence}};
}

QJsonObject toJson(const Evidence& e)
{
    return {
        {QStringLiteral("id"), e.id},
        {QStringLiteral("kind"), e.kind},
        {QStringLiteral("location"), e.location},
        {QStringLiteral("sha256"), orNull(e.sha256)},
        {QStringLiteral("size_bytes"), e.sizeBytes < 0 ? QJsonValue() : QJsonValue(e.sizeBytes)},
        {QStringLiteral("effective_date"), orNull(e.effectiveDate)},
        {QStringLiteral("recorded_at"), orNull(e.recordedAt)},
        {QStringLiteral("recorded_by"), orNull(e.recordedBy)},
        {QStringLiteral("description"), orNull(e.description)}};
}

QJsonObject toJson(const AuditFinding& f)
{
    return {
        {QStringLiteral("id"), f.id},
        {QStringLiteral("audit"), f.auditId},
        {QStringLiteral("project"), f.projectKey},
        {QStringLiteral("item"), f.itemId},
        {QStringLiteral("severity"), toText(f.severity)},
        {QStringLiteral("description"), f.description},
        {QStringLiteral("remediation"), f.remediation},
        {QStringLiteral("owner"), f.ownerEmail},
        {QStringLiteral("due_date"), orNull(f.dueDate)},
        {QStringLiteral("status"), toText(f.status)},
        {QStringLiteral("risk_acceptance_justification"), orNull(f.riskAcceptanceJustification)},
        {QStringLiteral("risk_accepted_by"), orNull(f.riskAcceptedBy)},
        {QStringLiteral("version"), f.version}};
}

QJsonObject toJson(const Score& s)
{
    QJsonObject o{{QStringLiteral("applicable"), s.applicable},
                  {QStringLiteral("satisfied"), s.satisfied},
                  {QStringLiteral("partially_satisfied"), s.partial},
                  {QStringLiteral("not_satisfied"), s.notSatisfied},
                  {QStringLiteral("not_assessed"), s.notAssessed},
                  {QStringLiteral("percent"), s.percent}};
    if (!s.sectionId.isEmpty()) {
        o.insert(QStringLiteral("section"), s.sectionId);
        o.insert(QStringLiteral("title"), s.sectionTitle);
    }
    return o;
}

qint64 idArgument(Invocation& inv, const QString& what)
{
    bool ok = false;
    const qint64 id = inv.positional().at(0).toLongLong(&ok);
    if (!ok || id <= 0)
        throw UsageError(QStringLiteral("'%1' is not %2 id").arg(inv.positional().at(0), what));
    return id;
}

QString percentText(const Score& s)
{
    return s.applicable == 0 ? QStringLiteral("n/a")
                             : QString::number(s.percent, 'f', 1) + QLatin1Char('%');
}

QString actorOf(Invocation& inv)
{
    return inv.session().db().actor();
}

void printFindings(Invocation& inv, const std::vector<AuditFinding>& findings)
{
    if (inv.json()) {
        QJsonArray list;
        for (const AuditFinding& f : findings)
            list.append(toJson(f));
        inv.printJson(list);
        return;
    }
    if (findings.empty()) {
        inv.out() << "No findings.\n";
        return;
    }
    TextTable table({QStringLiteral("ID"), QStringLiteral("AUDIT"), QStringLiteral("PROJECT"),
                     QStringLiteral("ITEM"), QStringLiteral("SEVERITY"), QStringLiteral("STATUS"),
                     QStringLiteral("OWNER"), QStringLiteral("DUE"),
                     QStringLiteral("DESCRIPTION")});
    for (const AuditFinding& f : findings)
        table.addRow({QString::number(f.id), QString::number(f.auditId), f.projectKey, f.itemId,
                      toText(f.severity), toText(f.status), f.ownerEmail,
                      f.dueDate.toString(Qt::ISODate), f.description});
    table.print(inv.out());
}

const QPair<QString, QString> kAuditId{QStringLiteral("ID"),
                                       QStringLiteral("The audit id (see `steward audit list`).")};

} // namespace

void registerAuditCommands(CommandLine& cli)
{
    cli.add(
        {{QStringLiteral("audit"), QStringLiteral("create")},
         QStringLiteral("Plan an audit of a project against a checklist."),
         QStringLiteral("Items the project is out of scope for (risk tier, AI Act role, industry) "
                        "are marked not "
                        "applicable with the reason; each other item gets the project's current "
                        "holder of its role "
                        "as suggested respondent."),
         {option(QStringLiteral("project"), QStringLiteral("The project key."),
                 QStringLiteral("key")),
          option(QStringLiteral("checklist"),
                 QStringLiteral("The checklist key (see `steward checklist list`)."),
                 QStringLiteral("key")),
          option(QStringLiteral("version"),
                 QStringLiteral("The checklist version number (default: the current one)."),
                 QStringLiteral("n")),
          option(QStringLiteral("lead"), QStringLiteral("E-mail of the audit's lead."),
                 QStringLiteral("email")),
          option(QStringLiteral("due"), QStringLiteral("Due date, YYYY-MM-DD (not in the past)."),
                 QStringLiteral("date")),
          option(QStringLiteral("copy-evidence-from"),
                 QStringLiteral(
                     "Re-audit: link the evidence of this earlier audit to the same items."),
                 QStringLiteral("id"))},
         {},
         true,
         [](Invocation& inv) {
             AuditPlan plan;
             plan.projectKey = inv.required(QStringLiteral("project"));
             plan.checklistKey = inv.required(QStringLiteral("checklist"));
             plan.leadEmail = inv.required(QStringLiteral("lead"));
             inv.required(QStringLiteral("due"));
             plan.dueDate = *inv.dateOption(QStringLiteral("due"));
             if (inv.isSet(QStringLiteral("version")))
                 plan.checklistVersion = inv.intOption(QStringLiteral("version"), 0);
             if (inv.isSet(QStringLiteral("copy-evidence-from")))
                 plan.copyEvidenceFrom = inv.intOption(QStringLiteral("copy-evidence-from"), 0);
             AuditService service(inv.session().db());
             const Audit a = service.create(plan);
             if (inv.json()) {
                 inv.printJson(toJson(a));
             } else {
                 const AuditScores s = service.scores(a.id);
                 inv.out() << "Planned audit " << a.id << " of " << a.projectKey << " against "
                           << a.checklistKey << " " << a.checklistVersionLabel << ": "
                           << s.overall.applicable << " applicable item(s), "
                           << (service.items(a.id).size() -
                               static_cast<std::size_t>(s.overall.applicable))
                           << " not applicable.\n";
             }
             return exit_code::Success;
         }});

    cli.add({{QStringLiteral("audit"), QStringLiteral("list")},
             QStringLiteral("List audits."),
             {},
             {option(QStringLiteral("project"), QStringLiteral("Only this project's audits."),
                     QStringLiteral("key"))},
             {},
             true,
             [](Invocation& inv) {
                 AuditService service(inv.session().db());
                 const std::vector<Audit> audits =
                     service.list(inv.value(QStringLiteral("project")));
                 if (inv.json()) {
                     QJsonArray list;
                     for (const Audit& a : audits) {
                         QJsonObject o = toJson(a);
                         o.insert(QStringLiteral("score"), toJson(service.scores(a.id).overall));
                         list.append(o);
                     }
                     inv.printJson(list);
                     return exit_code::Success;
                 }
                 if (audits.empty()) {
                     inv.out() << "No audits.\n";
                     return exit_code::Success;
                 }
                 TextTable table({QStringLiteral("ID"), QStringLiteral("PROJECT"),
                                  QStringLiteral("CHECKLIST"), QStringLiteral("STATUS"),
                                  QStringLiteral("LEAD"), QStringLiteral("DUE"),
                                  QStringLiteral("SCORE")});
                 for (const Audit& a : audits)
                     table.addRow({QString::number(a.id), a.projectKey,
                                   a.checklistKey + QLatin1Char(' ') + a.checklistVersionLabel,
                                   toText(a.status), a.leadEmail, a.dueDate.toString(Qt::ISODate),
                                   percentText(service.scores(a.id).overall)});
                 table.print(inv.out());
                 return exit_code::Success;
             }});

    cli.add(
        {{QStringLiteral("audit"), QStringLiteral("show")},
         QStringLiteral(
             "Show an audit: items with results and respondents, evidence, findings and scores."),
         {},
         {},
         {kAuditId},
         true,
         [](Invocation& inv) {
             const qint64 id = idArgument(inv, QStringLiteral("an audit"));
             AuditService service(inv.session().db());
             const AuditReportData d = service.reportData(id);
             if (inv.json()) {
                 QJsonObject o = toJson(d.audit);
                 QJsonArray items, evidence, findings, sections, trend;
                 for (const AuditItem& i : d.items)
                     items.append(toJson(i));
                 for (const Evidence& e : d.evidence)
                     evidence.append(toJson(e));
                 for (const AuditFinding& f : d.findings)
                     findings.append(toJson(f));
                 for (const Score& s : d.sectionScores)
                     sections.append(toJson(s));
                 for (const auto& [audit, percent] : d.trend)
                     trend.append(QJsonObject{{QStringLiteral("audit"), audit},
                                              {QStringLiteral("percent"), percent}});
                 o.insert(QStringLiteral("items"), items);
                 o.insert(QStringLiteral("evidence"), evidence);
                 o.insert(QStringLiteral("findings"), findings);
                 o.insert(QStringLiteral("section_scores"), sections);
                 o.insert(QStringLiteral("score"), toJson(d.overall));
                 o.insert(QStringLiteral("trend"), trend);
                 inv.printJson(o);
                 return exit_code::Success;
             }
             const Audit& a = d.audit;
             QTextStream& out = inv.out();
             out << "Audit " << a.id << ": " << a.projectKey << " (" << a.projectName
                 << ") against " << a.checklistTitle << " [" << a.checklistKey << ' '
                 << a.checklistVersionLabel << "]\n"
                 << "Status: " << toText(a.status) << "   Lead: " << a.leadEmail
                 << "   Due: " << a.dueDate.toString(Qt::ISODate)
                 << "\nScore: " << percentText(d.overall) << " (" << d.overall.satisfied
                 << " satisfied, " << d.overall.partial << " partially, " << d.overall.notSatisfied
                 << " not satisfied, " << d.overall.notAssessed << " not assessed, of "
                 << d.overall.applicable << " applicable)\n";
             if (a.status == AuditStatus::Closed)
                 out << "Signed off by " << a.signedOffBy << " on "
                     << a.closedAt.toString(Qt::ISODate) << ": " << a.signOffStatement << '\n';
             out << "\nSections:\n";
             TextTable sections({QStringLiteral("SECTION"), QStringLiteral("TITLE"),
                                 QStringLiteral("APPLICABLE"), QStringLiteral("SCORE")});
             for (const Score& s : d.sectionScores)
                 sections.addRow(
                     {s.sectionId, s.sectionTitle, QString::number(s.applicable), percentText(s)});
             sections.print(out);
             out << "\nItems:\n";
             TextTable items({QStringLiteral("ITEM"), QStringLiteral("RESULT"),
                              QStringLiteral("RESPONDENT"), QStringLiteral("EVIDENCE"),
                              QStringLiteral("NOTE")});
             for (const AuditItem& i : d.items)
                 items.addRow(
                     {i.itemId, toText(i.result),
                      i.respondentEmail.isEmpty() ? QStringLiteral("-") : i.respondentEmail,
                      QString::number(i.evidenceIds.size()),
                      i.notApplicableReason.isEmpty() ? i.note : i.notApplicableReason});
             items.print(out);
             if (!d.findings.empty()) {
                 out << "\nFindings:\n";
                 printFindings(inv, d.findings);
             }
             return exit_code::Success;
         }});

    cli.add({{QStringLiteral("audit"), QStringLiteral("assign")},
             QStringLiteral("Make a person the respondent of an audit item."),
             {},
             {option(QStringLiteral("item"), QStringLiteral("The item id, e.g. \"GOVERN 1.1\"."),
                     QStringLiteral("item")),
              option(QStringLiteral("person"), QStringLiteral("The respondent's e-mail."),
                     QStringLiteral("email")),
              expectVersionOption(QStringLiteral("the item"))},
             {kAuditId},
             true,
             [](Invocation& inv) {
                 const qint64 id = idArgument(inv, QStringLiteral("an audit"));
                 const AuditItem i =
                     AuditService(inv.session().db())
                         .assign(id, inv.required(QStringLiteral("item")),
                                 inv.required(QStringLiteral("person")), inv.expectedVersion());
                 if (inv.json())
                     inv.printJson(toJson(i));
                 else
                     inv.out() << "Item " << i.itemId << " of audit " << id
                               << " is now answered by " << i.respondentEmail << ".\n";
                 return exit_code::Success;
             }});

    cli.add(
        {{QStringLiteral("audit"), QStringLiteral("assess")},
         QStringLiteral("Record an item's result."),
         kActorNote +
             QStringLiteral(
                 " The actor is recorded as the assessor. A planned audit moves to in-progress."),
         {option(QStringLiteral("item"), QStringLiteral("The item id, e.g. \"GOVERN 1.1\"."),
                 QStringLiteral("item")),
          option(QStringLiteral("result"),
                 QStringLiteral("satisfied, partially-satisfied, not-satisfied or not-applicable."),
                 QStringLiteral("result")),
          option(QStringLiteral("note"), QStringLiteral("What was seen."), QStringLiteral("text")),
          expectVersionOption(QStringLiteral("the item"))},
         {kAuditId},
         true,
         [](Invocation& inv) {
             const qint64 id = idArgument(inv, QStringLiteral("an audit"));
             const AuditItem i = AuditService(inv.session().db())
                                     .assess(id, inv.required(QStringLiteral("item")),
                                             inv.required(QStringLiteral("result")),
                                             inv.value(QStringLiteral("note")), actorOf(inv),
                                             inv.expectedVersion());
             if (inv.json())
                 inv.printJson(toJson(i));
             else
                 inv.out() << "Item " << i.itemId << " of audit " << id << ": " << toText(i.result)
                           << ".\n";
             return exit_code::Success;
         }});

    cli.add(
        {{QStringLiteral("audit"), QStringLiteral("evidence")},
         QStringLiteral("Attach evidence (a URL or a file) to one or more items."),
         kActorNote +
             QStringLiteral(
                 " A file is recorded by its absolute path, SHA-256 and size as they are now. "
                 "Repeat --item to link the evidence to several items."),
         {option(QStringLiteral("item"), QStringLiteral("An item id; repeat for several."),
                 QStringLiteral("item")),
          option(QStringLiteral("url"), QStringLiteral("Evidence at a URL."),
                 QStringLiteral("url")),
          option(QStringLiteral("file"), QStringLiteral("Evidence in a file, which must exist."),
                 QStringLiteral("path")),
          option(QStringLiteral("effective"),
                 QStringLiteral("The date the evidence speaks for (default: today)."),
                 QStringLiteral("date")),
          option(QStringLiteral("description"), QStringLiteral("What the evidence is."),
                 QStringLiteral("text"))},
         {kAuditId},
         true,
         [](Invocation& inv) {
             const qint64 id = idArgument(inv, QStringLiteral("an audit"));
             inv.required(QStringLiteral("item"));
             if (inv.isSet(QStringLiteral("url")) == inv.isSet(QStringLiteral("file")))
                 throw UsageError(QStringLiteral("give exactly one of --url and --file"));
             EvidenceInput input;
             input.url = inv.value(QStringLiteral("url"));
             input.filePath = inv.value(QStringLiteral("file"));
             if (const auto d = inv.dateOption(QStringLiteral("effective")))
                 input.effectiveDate = *d;
             input.description = inv.value(QStringLiteral("description"));
             const Evidence e = AuditService(inv.session().db())
                                    .attachEvidence(id, inv.args().values(QStringLiteral("item")),
                                                    input, actorOf(inv));
             if (inv.json())
                 inv.printJson(toJson(e));
             else
                 inv.out() << "Recorded evidence " << e.id << " (" << e.kind << ' ' << e.location
                           << (e.sha256.isEmpty() ? QString()
                                                  : QStringLiteral(", sha256 ") + e.sha256)
                           << ").\n";
             return exit_code::Success;
         }});

    cli.add(
        {{QStringLiteral("audit"), QStringLiteral("finding")},
         QStringLiteral("Raise a finding on a partially or not satisfied item."),
         {},
         {option(QStringLiteral("item"), QStringLiteral("The item id."), QStringLiteral("item")),
          option(QStringLiteral("severity"), QStringLiteral("low, medium, high or critical."),
                 QStringLiteral("severity")),
          option(QStringLiteral("description"), QStringLiteral("What is wrong."),
                 QStringLiteral("text")),
          option(QStringLiteral("remediation"), QStringLiteral("What will be done about it."),
                 QStringLiteral("text")),
          option(QStringLiteral("owner"),
                 QStringLiteral("E-mail of the person who owns the remediation."),
                 QStringLiteral("email")),
          option(QStringLiteral("due"), QStringLiteral("When the remediation is due, YYYY-MM-DD."),
                 QStringLiteral("date"))},
         {kAuditId},
         true,
         [](Invocation& inv) {
             const qint64 id = idArgument(inv, QStringLiteral("an audit"));
             FindingInput input;
             input.itemId = inv.required(QStringLiteral("item"));
             input.severity = inv.required(QStringLiteral("severity"));
             input.description = inv.required(QStringLiteral("description"));
             input.remediation = inv.required(QStringLiteral("remediation"));
             input.ownerEmail = inv.required(QStringLiteral("owner"));
             inv.required(QStringLiteral("due"));
             input.dueDate = *inv.dateOption(QStringLiteral("due"));
             const AuditFinding f = AuditService(inv.session().db()).raiseFinding(id, input);
             if (inv.json())
                 inv.printJson(toJson(f));
             else
                 inv.out() << "Raised finding " << f.id << " on " << f.itemId << ", owned by "
                           << f.ownerEmail << ", due " << f.dueDate.toString(Qt::ISODate) << ".\n";
             return exit_code::Success;
         }});

    cli.add({{QStringLiteral("audit"), QStringLiteral("review")},
             QStringLiteral("Submit an audit for review (its lead or an admin)."),
             kActorNote,
             {expectVersionOption(QStringLiteral("the audit"))},
             {kAuditId},
             true,
             [](Invocation& inv) {
                 const qint64 id = idArgument(inv, QStringLiteral("an audit"));
                 const Audit a = AuditService(inv.session().db())
                                     .submitForReview(id, actorOf(inv), inv.expectedVersion());
                 if (inv.json())
                     inv.printJson(toJson(a));
                 else
                     inv.out() << "Audit " << a.id << " is in review.\n";
                 return exit_code::Success;
             }});

    cli.add(
        {{QStringLiteral("audit"), QStringLiteral("close")},
         QStringLiteral("Sign off and close an audit in review (its lead or an admin)."),
         kActorNote +
             QStringLiteral(
                 " Every applicable item must be assessed. A closed audit can no longer change."),
         {option(QStringLiteral("statement"), QStringLiteral("The sign-off statement."),
                 QStringLiteral("text")),
          expectVersionOption(QStringLiteral("the audit"))},
         {kAuditId},
         true,
         [](Invocation& inv) {
             const qint64 id = idArgument(inv, QStringLiteral("an audit"));
             const Audit a = AuditService(inv.session().db())
                                 .close(id, inv.required(QStringLiteral("statement")), actorOf(inv),
                                        inv.expectedVersion());
             if (inv.json())
                 inv.printJson(toJson(a));
             else
                 inv.out() << "Audit " << a.id << " is closed, signed off by " << a.signedOffBy
                           << ".\n";
             return exit_code::Success;
         }});

    cli.add(
        {{QStringLiteral("finding"), QStringLiteral("update")},
         QStringLiteral("Move a finding's status on (open, in-progress, resolved, risk-accepted)."),
         kActorNote + QStringLiteral(" Accepting a risk needs --justification and records the "
                                     "actor as who accepted it. "
                                     "This works on findings of closed audits too."),
         {option(QStringLiteral("status"),
                 QStringLiteral("open, in-progress, resolved or risk-accepted."),
                 QStringLiteral("status")),
          option(QStringLiteral("justification"), QStringLiteral("Why the risk is accepted."),
                 QStringLiteral("text")),
          expectVersionOption(QStringLiteral("the finding"))},
         {{QStringLiteral("FINDING_ID"),
           QStringLiteral("The finding id (see `steward findings`).")}},
         true,
         [](Invocation& inv) {
             const qint64 id = idArgument(inv, QStringLiteral("a finding"));
             const AuditFinding f = AuditService(inv.session().db())
                                        .updateFinding(id, inv.required(QStringLiteral("status")),
                                                       inv.value(QStringLiteral("justification")),
                                                       actorOf(inv), inv.expectedVersion());
             if (inv.json())
                 inv.printJson(toJson(f));
             else
                 inv.out() << "Finding " << f.id << " is " << toText(f.status) << ".\n";
             return exit_code::Success;
         }});

    cli.add({{QStringLiteral("findings")},
             QStringLiteral("List open audit findings across the organisation."),
             {},
             {option(QStringLiteral("overdue"), QStringLiteral("Only those past their due date.")),
              option(QStringLiteral("as-of"),
                     QStringLiteral("With --overdue: the day to judge by (default: today)."),
                     QStringLiteral("date"))},
             {},
             true,
             [](Invocation& inv) {
                 std::optional<QDate> asOf;
                 if (inv.isSet(QStringLiteral("overdue")))
                     asOf = inv.dateOption(QStringLiteral("as-of")).value_or(QDate::currentDate());
                 printFindings(inv, AuditService(inv.session().db()).openFindings(asOf));
                 return exit_code::Success;
             }});
}

} // namespace steward
