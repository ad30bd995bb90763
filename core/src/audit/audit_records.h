// Value types of the audit workflow: an audit (a checklist version applied to a project), its
// item results, evidence, findings, scores and the data a report is rendered from. Services fill
// them (audit_service.h); reports and exports only read them (core/src/reports/).
#pragma once

#include <steward/export.h>

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace steward {

enum class AuditStatus { Planned, InProgress, InReview, Closed };
enum class ItemResult { NotAssessed, Satisfied, PartiallySatisfied, NotSatisfied, NotApplicable };
enum class FindingStatus { Open, InProgress, Resolved, RiskAccepted };
enum class FindingSeverity { Low, Medium, High, Critical };

// Text forms, as stored in PostgreSQL and printed by --json: "planned", "in-progress",
// "in-review", "closed"; "not-assessed", "satisfied", "partially-satisfied", "not-satisfied",
// "not-applicable"; "open", "in-progress", "resolved", "risk-accepted"; "low" ... "critical".
STEWARD_CORE_API QString toText(AuditStatus v);
STEWARD_CORE_API QString toText(ItemResult v);
STEWARD_CORE_API QString toText(FindingStatus v);
STEWARD_CORE_API QString toText(FindingSeverity v);
STEWARD_CORE_API std::optional<AuditStatus> parseAuditStatus(const QString& s);
STEWARD_CORE_API std::optional<ItemResult> parseItemResult(const QString& s);
STEWARD_CORE_API std::optional<FindingStatus> parseFindingStatus(const QString& s);
STEWARD_CORE_API std::optional<FindingSeverity> parseFindingSeverity(const QString& s);

struct Audit {
    qint64 id = 0;
    QString projectKey;
    QString projectName;
    QString checklistKey;
    QString checklistTitle;
    qint64 checklistVersionId = 0;
    QString checklistVersionLabel;
    QString leadEmail;
    QString leadName;
    AuditStatus status = AuditStatus::Planned;
    QDate dueDate;
    QDateTime createdAt;
    QDateTime closedAt;
    QString signedOffBy; // e-mail of who closed it
    QString signOffStatement;
    int version = 0;
};

struct Evidence {
    qint64 id = 0;
    QString kind;          // "url" or "file"
    QString location;      // the URL, or the absolute file path at the time it was attached
    QString sha256;        // hex; files only
    qint64 sizeBytes = -1; // files only
    QDate effectiveDate;   // when the evidence was true, separate from when it was recorded
    QDateTime recordedAt;
    QString recordedBy;
    QString description;
};

struct AuditItem {
    qint64 id = 0;
    QString sectionId;
    QString sectionTitle;
    QString itemId; // e.g. "GOVERN 1.1"
    QString text;
    QString guidance;
    QString expectedEvidence;
    QString roleKey; // the role that usually answers it
    QString reference;
    ItemResult result = ItemResult::NotAssessed;
    QString notApplicableReason; // set when applicability ruled it out
    QString note;
    QString respondentEmail; // suggested from the project's holder of roleKey; reassignable
    QString assessedBy;
    QDateTime assessedAt;
    std::vector<qint64> evidenceIds;
    int version = 0;
};

struct AuditFinding {
    qint64 id = 0;
    qint64 auditId = 0;
    QString itemId;
    FindingSeverity severity = FindingSeverity::Medium;
    QString description;
    QString remediation;
    QString ownerEmail;
    QString ownerName;
    QDate dueDate;
    FindingStatus status = FindingStatus::Open;
    QString riskAcceptanceJustification;
    QString riskAcceptedBy;
    QString projectKey;
    int version = 0;
};

// Share of applicable items satisfied; a partially satisfied item counts half. Not-applicable
// items are left out; not-assessed ones count as not satisfied.
struct Score {
    QString sectionId; // empty for the whole audit
    QString sectionTitle;
    int applicable = 0;
    int satisfied = 0;
    int partial = 0;
    int notSatisfied = 0;
    int notAssessed = 0;
    double percent = 0.0; // 0..100
};

// Everything a report shows, read in one consistent snapshot.
struct AuditReportData {
    Audit audit;
    QString projectIndustry;
    QString projectRiskTier;
    QString projectAiActRole;
    QString checklistFramework;
    QString checklistSource;
    QString checklistLicence;
    std::vector<AuditItem> items; // in checklist order
    std::vector<Evidence> evidence;
    std::vector<AuditFinding> findings;
    std::vector<Score> sectionScores;
    Score overall;
    std::vector<std::pair<qint64, double>>
        trend; // earlier audits of the same project and checklist: id, overall percent
    QDateTime generatedAt;
};

} // namespace steward
