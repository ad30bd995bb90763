// An audit with everything a report shows, made through the audit service on an organisation the
// tests or benchmarks generated: every applicable item of a checklist assessed (some falling
// short), evidence on every third item, a finding per shortfall, reviewed and signed off. The
// report benchmark times its reports, and the plans test checks the report's statements on it.
#pragma once

#include <QDate>
#include <QString>

namespace steward {

class Database;

// Audits `projectKey` against `checklistKey` (its current version, which must be published),
// led by an active person on the project; returns the audit's id.
qint64 createAssessedAudit(Database& db, const QString& projectKey, const QString& checklistKey,
                           const QDate& today);

} // namespace steward
