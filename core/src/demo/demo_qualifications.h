// The demo organisation's training records: nearly everyone took the AI-literacy course every role
// requires, the governance specialist on the clinical triage system was trained for human
// oversight, and three gaps are left on purpose (see intendedCoreGaps()):
//   - Elena's oversight training on CARDIO-TRIAGE, a high-risk system in clinical use, lapsed a
//     month ago: NO_HUMAN_OVERSIGHT, and UNQUALIFIED_HOLDER for her;
//   - Fatima, a data scientist on SEPSIS-ALERT and POLICY-ASSIST, never took the AI-literacy
//     course: UNQUALIFIED_HOLDER on both;
//   - Hannah's AI literacy lapses in a fortnight: QUALIFICATION_EXPIRING on her two projects.
#pragma once

#include <QDate>

namespace steward {

class Database;

// Records the completions through the qualification service, dated relative to `today`, and the
// clinical triage project's own requirement; returns how many records. Runs inside the demo's
// transaction, after its people, projects and staffing exist. Completions of a pack's
// qualification are skipped when the pack is not synchronised.
int loadDemoQualifications(Database& db, const QDate& today);

} // namespace steward
