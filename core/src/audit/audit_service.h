// The audit workflow: plan an audit of a project against a checklist version, assign and assess
// its items, attach evidence, raise and follow findings, review and sign off. The database keeps
// the same rules (sql/0003_audits.sql), so a closed audit stays closed whatever client writes.
#pragma once

#include "audit/audit_records.h"

#include <steward/export.h>

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace steward {

class Database;

struct AuditPlan {
    QString projectKey;
    QString checklistKey;
    std::optional<int> checklistVersion; // the version number; default: the checklist's current one
    QString leadEmail;
    QDate dueDate;
    // Re-auditing: copy this earlier audit's evidence links onto the items with the same item ids.
    std::optional<qint64> copyEvidenceFrom;
};

struct EvidenceInput {
    QString url;         // either a URL ...
    QString filePath;    // ... or a file that exists now; hashed and measured when attached
    QDate effectiveDate; // invalid: the day it is attached
    QString description;
};

struct FindingInput {
    QString itemId;
    QString severity; // "low" ... "critical"
    QString description;
    QString remediation;
    QString ownerEmail;
    QDate dueDate;
};

struct AuditScores {
    std::vector<Score> sections; // in checklist order
    Score overall;
};

class STEWARD_CORE_API AuditService {
public:
    // `today` decides which due dates are in the past and who holds a role now; tests and the
    // demo pass their own.
    explicit AuditService(Database& db, QDate today = QDate::currentDate());

    // Plans an audit. Items the project is out of scope for are marked not applicable with the
    // reason; each other item gets the project's current holder of its role as respondent.
    Audit create(const AuditPlan& plan);

    Audit audit(qint64 auditId);
    std::vector<Audit> list(const QString& projectKey = {});
    std::vector<AuditItem> items(qint64 auditId);
    std::vector<Evidence> evidence(qint64 auditId);
    std::vector<AuditFinding> findings(qint64 auditId);

    // Every change below takes an optional `expectedVersion` of the row it changes (the item,
    // the finding, the audit): given, the change is refused with a Conflict naming both versions
    // unless the row is still at it.
    AuditItem assign(qint64 auditId, const QString& itemId, const QString& respondentEmail,
                     std::optional<int> expectedVersion = std::nullopt);
    // Records a result; `actorEmail` is the assessor. Moves a planned audit to in progress.
    AuditItem assess(qint64 auditId, const QString& itemId, const QString& result,
                     const QString& note, const QString& actorEmail,
                     std::optional<int> expectedVersion = std::nullopt);
    Evidence attachEvidence(qint64 auditId, const QStringList& itemIds, const EvidenceInput& input,
                            const QString& actorEmail);

    AuditFinding raiseFinding(qint64 auditId, const FindingInput& input);
    // Moves a finding's status on; risk acceptance needs a justification and records the actor
    // as the one who accepted it.
    AuditFinding updateFinding(qint64 findingId, const QString& status,
                               const QString& justification, const QString& actorEmail,
                               std::optional<int> expectedVersion = std::nullopt);
    // Open and in-progress findings across the organisation; with `asOf`, only those due before it.
    std::vector<AuditFinding> openFindings(std::optional<QDate> overdueAsOf = std::nullopt);

    // Only the lead or an admin (a superuser or a member of steward_admin) may review and close.
    Audit submitForReview(qint64 auditId, const QString& actorEmail,
                          std::optional<int> expectedVersion = std::nullopt);
    Audit close(qint64 auditId, const QString& statement, const QString& actorEmail,
                std::optional<int> expectedVersion = std::nullopt);

    AuditScores scores(qint64 auditId);
    // Every audit of the same project and checklist, oldest first: id and overall percent.
    std::vector<std::pair<qint64, double>> trend(qint64 auditId);
    AuditReportData reportData(qint64 auditId);

    // Whether the connected database user may act as an audit admin.
    bool isAdmin();

private:
    Database& m_db;
    QDate m_today;
};

// Scores computed from items: per section in order of first appearance, and overall.
STEWARD_CORE_API AuditScores computeScores(const std::vector<AuditItem>& items);

} // namespace steward
