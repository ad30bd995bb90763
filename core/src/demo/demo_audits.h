// The demo organisation's audits: one closed and signed off, one in progress, so that the audit
// screens, `steward audit show` and the reports have real content from the first start.
#pragma once

#include <QDate>

namespace steward {

class Database;

// Whether the checklists the demo audits use are in the database (their plugins synchronised).
bool demoAuditChecklistsAvailable(Database& db);

// Adds the audits through the audit service, dated relative to `today`; returns how many. Runs
// inside the demo's transaction, after its people, projects and staffing exist.
//   closed:      eu-ai-act on CREDIT-SCORE, every applicable item assessed, three findings (one
//                overdue, one being remediated, one risk accepted), signed off by its lead
//   in progress: nist-ai-rmf on CARDIO-TRIAGE, its first sections assessed with evidence, one
//                open finding
int loadDemoAudits(Database& db, const QDate& today);

} // namespace steward
