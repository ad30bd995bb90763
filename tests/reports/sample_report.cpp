#include "sample_report.h"

#include "audit/audit_service.h"

#include <QTimeZone>

namespace steward::test {
namespace {

struct SectionSpec {
    const char* id;
    const char* title;
    int items;
};

// The NIST AI RMF 1.0 Core's subcategory counts per function: 19 + 18 + 22 + 13 = 72.
constexpr SectionSpec kSections[] = {{"GOVERN", "Govern", 19},
                                     {"MAP", "Map", 18},
                                     {"MEASURE", "Measure", 22},
                                     {"MANAGE", "Manage", 13}};

QDateTime utc(int y, int m, int d, int h = 9, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}

Audit baseAudit()
{
    Audit a;
    a.id = 42;
    a.projectKey = QStringLiteral("credit-scoring");
    a.projectName = QStringLiteral("Credit scoring <v2> & limits");
    a.checklistKey = QStringLiteral("nist-ai-rmf");
    a.checklistTitle = QStringLiteral("NIST AI RMF 1.0 Core");
    a.checklistVersionId = 7;
    a.checklistVersionLabel = QStringLiteral("1.0.0");
    a.leadEmail = QStringLiteral("ada.lovelace@example.org");
    a.leadName = QStringLiteral("Ada Lovelace");
    a.status = AuditStatus::InProgress;
    a.dueDate = QDate(2026, 12, 15);
    a.createdAt = utc(2026, 10, 1);
    a.version = 3;
    return a;
}

AuditReportData baseData()
{
    AuditReportData data;
    data.audit = baseAudit();
    data.projectIndustry = QStringLiteral("finance");
    data.projectRiskTier = QStringLiteral("high");
    data.projectAiActRole = QStringLiteral("provider");
    data.checklistFramework = QStringLiteral("NIST AI RMF 1.0 (NIST AI 100-1)");
    data.checklistSource = QStringLiteral("https://doi.org/10.6028/NIST.AI.100-1");
    data.checklistLicence = QStringLiteral("Public domain (US government work)");
    data.generatedAt = utc(2026, 11, 28, 15, 30);
    return data;
}

} // namespace

AuditReportData sampleReport()
{
    AuditReportData data = baseData();
    Audit& a = data.audit;
    a.status = AuditStatus::Closed;
    a.closedAt = utc(2026, 11, 20, 16, 45);
    a.signedOffBy = a.leadEmail;
    a.signOffStatement =
        QStringLiteral("Reviewed with the model risk committee; findings F1-F4 tracked.");

    for (int e = 1; e <= 6; ++e) {
        Evidence ev;
        ev.id = e;
        if (e % 2 == 1) {
            ev.kind = QStringLiteral("file");
            ev.location = QStringLiteral("/srv/evidence/policy %1 (signed).pdf").arg(e);
            ev.sha256 = QStringLiteral("%1").arg(e).repeated(64).left(64);
            ev.sizeBytes = 12'345 * e;
        } else {
            ev.kind = QStringLiteral("url");
            ev.location =
                QStringLiteral("https://wiki.example.org/ai/credit-scoring?page=%1&v=2").arg(e);
        }
        ev.effectiveDate = QDate(2026, 9, e);
        ev.recordedAt = utc(2026, 10, 2 + e);
        ev.recordedBy = QStringLiteral("grace.hopper@example.org");
        ev.description = QStringLiteral("Evidence number %1").arg(e);
        data.evidence.push_back(ev);
    }

    int n = 0;
    for (const SectionSpec& section : kSections) {
        for (int i = 1; i <= section.items; ++i, ++n) {
            AuditItem item;
            item.id = 1000 + n;
            item.sectionId = QString::fromLatin1(section.id);
            item.sectionTitle = QString::fromLatin1(section.title);
            item.itemId = QStringLiteral("%1 %2.%3")
                              .arg(item.sectionId)
                              .arg((i - 1) / 4 + 1)
                              .arg((i - 1) % 4 + 1);
            item.text = QStringLiteral("Processes, procedures and practices for requirement %1 are "
                                       "in place, transparent and "
                                       "implemented effectively across the organisation.")
                            .arg(item.itemId);
            item.roleKey = QStringLiteral("ai-governance-lead");
            item.respondentEmail = QStringLiteral("grace.hopper@example.org");
            switch (n % 6) {
            case 0:
            case 1:
            case 2:
                item.result = ItemResult::Satisfied;
                break;
            case 3:
                item.result = ItemResult::PartiallySatisfied;
                break;
            case 4:
                item.result = ItemResult::NotSatisfied;
                break;
            case 5:
                item.result = n % 12 == 5 ? ItemResult::NotApplicable : ItemResult::Satisfied;
                break;
            }
            if (item.result == ItemResult::NotApplicable) {
                item.notApplicableReason = QStringLiteral("Applies to deployers only");
            } else {
                item.assessedBy = a.leadEmail;
                item.assessedAt = utc(2026, 11, 1 + n % 20, 10, n % 60);
                item.note =
                    QStringLiteral(
                        "Checked the register, \"section %1\", with the team.\nSecond line.")
                        .arg(n);
            }
            if (item.result == ItemResult::Satisfied ||
                item.result == ItemResult::PartiallySatisfied)
                item.evidenceIds = {qint64(n % 6 + 1), qint64((n + 3) % 6 + 1)};
            data.items.push_back(item);
        }
    }
    // Markup in user text must be escaped by every human-readable format.
    data.items[1].note = QStringLiteral("<script>alert('x')</script> & <b>bold</b>, \"quoted\"");

    const FindingStatus statuses[] = {FindingStatus::Open, FindingStatus::InProgress,
                                      FindingStatus::Resolved, FindingStatus::RiskAccepted};
    qint64 findingId = 1;
    for (const AuditItem& item : data.items) {
        if (item.result != ItemResult::NotSatisfied &&
            item.result != ItemResult::PartiallySatisfied)
            continue;
        AuditFinding f;
        f.id = findingId++;
        f.auditId = a.id;
        f.itemId = item.itemId;
        f.severity = static_cast<FindingSeverity>(f.id % 4);
        f.description =
            QStringLiteral("Gap in %1: the procedure is not documented.").arg(item.itemId);
        f.remediation = QStringLiteral("Write and approve the procedure.");
        f.ownerEmail = QStringLiteral("alan.turing@example.org");
        f.ownerName = QStringLiteral("Alan Turing");
        f.dueDate = QDate(2027, 1, 1).addDays(f.id);
        f.status = statuses[f.id % 4];
        if (f.status == FindingStatus::RiskAccepted) {
            f.riskAcceptanceJustification = QStringLiteral("Compensating manual review");
            f.riskAcceptedBy = a.leadEmail;
        }
        f.projectKey = a.projectKey;
        data.findings.push_back(f);
    }

    // Scored as the service scores a stored audit.
    AuditScores scores = computeScores(data.items);
    data.sectionScores = std::move(scores.sections);
    data.overall = scores.overall;
    data.trend = {{17, 41.5}, {29, 63.0}};
    return data;
}

AuditReportData plannedReport()
{
    AuditReportData data = baseData();
    data.audit.status = AuditStatus::Planned;
    for (int i = 1; i <= 3; ++i) {
        AuditItem item;
        item.id = i;
        item.sectionId = QStringLiteral("Art. 9");
        item.sectionTitle = QStringLiteral("Risk management system");
        item.itemId = QStringLiteral("Art. 9(%1)").arg(i);
        item.text =
            QStringLiteral("A risk management system is established (paragraph %1).").arg(i);
        data.items.push_back(item);
    }
    AuditScores scores = computeScores(data.items);
    data.sectionScores = std::move(scores.sections);
    data.overall = scores.overall;
    return data;
}

} // namespace steward::test
