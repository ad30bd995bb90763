// The demo organisation behind `steward demo load` and `./dev.sh run`: a mid-sized company with
// about forty people in seven org units and eight AI projects across healthcare, finance and
// marketing, staffed almost completely. A handful of gaps are left on purpose so that the coverage
// report has something true to say; they are listed below so that tests and documentation name
// exactly the same gaps the data contains.
#pragma once

#include <steward/export.h>

#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace steward {

class Database;

// One finding the demo is built to produce, identified the way a coverage finding is:
// its code, its project and its subject (a responsibility key, a role key or a person's e-mail).
struct IntendedGap {
    QString code;
    QString projectKey;
    QString subject;
    QString why; // the story behind it, one sentence

    friend bool operator==(const IntendedGap& a, const IntendedGap& b)
    {
        return a.code == b.code && a.projectKey == b.projectKey && a.subject == b.subject;
    }
};

// The core coverage findings of the demo, checked on the day it was loaded and without role
// packs: exactly these and nothing else.
//   NO_ACCOUNTABLE     SEPSIS-ALERT        ai-ethicist.detect-bias
//   NO_RESPONSIBLE     FRAUD-WATCH         mlops-engineer.detect-drift
//   RACI_WITHOUT_ROLE  CREDIT-SCORE        mateo.rossi@demo.steward.example
//   OVER_ALLOCATED     CHURN-PREDICT       kwame.mensah@demo.steward.example
//   OVER_ALLOCATED     PERSONALISE-OFFERS  kwame.mensah@demo.steward.example
//   INACTIVE_ASSIGNEE  PERSONALISE-OFFERS  ravi.shankar@demo.steward.example
STEWARD_CORE_API std::vector<IntendedGap> intendedCoreGaps();

// The role-pack rule findings the demo is built to produce once the healthcare, finance and
// marketing packs are synchronised before the demo is loaded and their rules take part in the
// check. They come on top of intendedCoreGaps(); the pack staffing adds no core finding.
//   HEALTHCARE_NO_PRIVACY_OFFICER     SEPSIS-ALERT        healthcare.privacy-officer
//   FINANCE_VALIDATOR_NOT_INDEPENDENT CREDIT-SCORE        arjun.mehta@demo.steward.example
//   MARKETING_NO_CONSENT_ACCOUNTABLE  PERSONALISE-OFFERS
//   marketing.consent-manager.manage-consent-and-opt-out
STEWARD_CORE_API std::vector<IntendedGap> intendedPackGaps();

struct DemoLoadResult {
    int people = 0;
    int orgUnits = 0;
    int projects = 0;
    int assignments = 0;
    int raciEntries = 0;
    int audits = 0; // 0 when the checklist plugins are not synchronised
    int qualificationRecords = 0;
    // Pack roles that were staffed, and those skipped because their pack is not synchronised
    // (or no longer offers them).
    QStringList packRolesStaffed;
    QStringList packRolesSkipped;
};

class STEWARD_CORE_API DemoOrganisation {
public:
    // Creates the demo organisation through the services, so validation and the history apply as
    // for any user's edits. Every date is relative to `today`: loaded on any day, the demo shows
    // the same picture on that day (current projects, ended and future assignments, and the
    // intended gaps). Deterministic: the same `today` always gives the same data.
    //
    // Pack roles (healthcare.*, finance.*, marketing.*) are staffed only when they are in the role
    // catalogue; without them the demo is complete for the built-in catalogue.
    //
    // Throws Error(Conflict) when the database already holds people or projects: the demo never
    // mixes with real data, and loading it twice would duplicate nothing but refuse instead.
    static DemoLoadResult load(Database& db, const QDate& today);
};

} // namespace steward
