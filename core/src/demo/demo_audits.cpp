#include "demo/demo_audits.h"

#include "audit/audit_service.h"
#include "db/database.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace steward {
namespace {

const QString kLead = QStringLiteral("elena.popescu@demo.steward.example");

// Who answers an item in the demo: its suggested respondent, or the lead when nobody holds the
// role.
QString answerer(const AuditItem& item)
{
    return item.respondentEmail.isEmpty() ? kLead : item.respondentEmail;
}

QString evidenceUrl(const QString& project, const AuditItem& item)
{
    QString slug = item.itemId.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    return QStringLiteral("https://wiki.demo.steward.example/%1/governance/%2")
        .arg(project.toLower(), slug);
}

void closedCreditScoreAudit(AuditService& audits, const QDate& today)
{
    AuditPlan plan;
    plan.projectKey = QStringLiteral("CREDIT-SCORE");
    plan.checklistKey = QStringLiteral("eu-ai-act");
    plan.leadEmail = kLead;
    plan.dueDate = today.addDays(7);
    const Audit audit = audits.create(plan);

    std::vector<AuditItem> open;
    for (const AuditItem& item : audits.items(audit.id))
        if (item.result == ItemResult::NotAssessed)
            open.push_back(item);
    // Every seventh item falls short, alternating partially and not satisfied; the rest hold.
    std::vector<AuditItem> shortfalls;
    for (std::size_t i = 0; i < open.size(); ++i) {
        const AuditItem& item = open[i];
        QString result = QStringLiteral("satisfied");
        QString note = QStringLiteral("Seen in the model documentation pack.");
        if (i % 7 == 3) {
            result = shortfalls.size() % 2 == 0 ? QStringLiteral("partially-satisfied")
                                                : QStringLiteral("not-satisfied");
            note =
                QStringLiteral("Documented for the scoring model but not for the limit proposal.");
            shortfalls.push_back(item);
        }
        audits.assess(audit.id, item.itemId, result, note, answerer(item));
        if (i % 4 == 0) {
            EvidenceInput evidence;
            evidence.url = evidenceUrl(plan.projectKey, item);
            evidence.effectiveDate = today.addDays(-30);
            evidence.description = QStringLiteral("Governance wiki page for %1").arg(item.itemId);
            audits.attachEvidence(audit.id, {item.itemId}, evidence, answerer(item));
        }
    }
    std::vector<qint64> findings;
    const FindingSeverity severities[] = {FindingSeverity::High, FindingSeverity::Medium,
                                          FindingSeverity::Low};
    const int dueInDays[] = {-5, 30, 60}; // the first is overdue
    for (std::size_t i = 0; i < shortfalls.size() && i < 3; ++i) {
        FindingInput f;
        f.itemId = shortfalls[i].itemId;
        f.severity = toText(severities[i]);
        f.description = QStringLiteral("%1 is only partly met: %2")
                            .arg(shortfalls[i].itemId, shortfalls[i].text.left(120));
        f.remediation =
            QStringLiteral("Extend the documentation and controls to the credit-limit proposal.");
        f.ownerEmail = answerer(shortfalls[i]);
        f.dueDate = today.addDays(dueInDays[i]);
        findings.push_back(audits.raiseFinding(audit.id, f).id);
    }
    audits.submitForReview(audit.id, kLead);
    audits.close(
        audit.id,
        QStringLiteral(
            "The credit scoring model meets the high-risk obligations reviewed, with the findings "
            "listed; their owners have agreed the remediation dates."),
        kLead);
    if (findings.size() > 1)
        audits.updateFinding(findings[1], QStringLiteral("in-progress"), {}, kLead);
    if (findings.size() > 2)
        audits.updateFinding(findings[2], QStringLiteral("risk-accepted"),
                             QStringLiteral("The affected product is withdrawn next quarter."),
                             kLead);
}

void inProgressCardioAudit(AuditService& audits, const QDate& today)
{
    AuditPlan plan;
    plan.projectKey = QStringLiteral("CARDIO-TRIAGE");
    plan.checklistKey = QStringLiteral("nist-ai-rmf");
    plan.leadEmail = kLead;
    plan.dueDate = today.addDays(45);
    const Audit audit = audits.create(plan);
    const std::vector<AuditItem> items = audits.items(audit.id);
    // The first fifteen items are assessed; one shortfall gets a finding.
    EvidenceInput policy;
    policy.url =
        QStringLiteral("https://wiki.demo.steward.example/cardio-triage/governance/ai-policy");
    policy.effectiveDate = today.addDays(-90);
    policy.description = QStringLiteral("AI governance policy, approved by the board");
    QStringList policyItems;
    for (std::size_t i = 0; i < items.size() && i < 15; ++i) {
        const AuditItem& item = items[i];
        if (item.result != ItemResult::NotAssessed)
            continue;
        const bool shortfall = i == 6;
        audits.assess(audit.id, item.itemId,
                      shortfall ? QStringLiteral("not-satisfied") : QStringLiteral("satisfied"),
                      shortfall ? QStringLiteral("No documented process for this yet.")
                                : QStringLiteral("Confirmed in interview."),
                      answerer(item));
        if (i < 4)
            policyItems << item.itemId;
        if (shortfall) {
            FindingInput f;
            f.itemId = item.itemId;
            f.severity = QStringLiteral("medium");
            f.description = QStringLiteral("%1 has no documented process.").arg(item.itemId);
            f.remediation = QStringLiteral("Write and approve the process; train the team on it.");
            f.ownerEmail = answerer(item);
            f.dueDate = today.addDays(60);
            audits.raiseFinding(audit.id, f);
        }
    }
    if (!policyItems.isEmpty())
        audits.attachEvidence(audit.id, policyItems, policy, kLead);
}

} // namespace

bool demoAuditChecklistsAvailable(Database& db)
{
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT count(*) FROM checklist WHERE key IN ('eu-ai-act', 'nist-ai-rmf') "
                       "AND current_version_id IS NOT NULL"));
    q.next();
    return q.value(0).toInt() == 2;
}

int loadDemoAudits(Database& db, const QDate& today)
{
    AuditService audits(db, today);
    closedCreditScoreAudit(audits, today);
    inProgressCardioAudit(audits, today);
    return 2;
}

} // namespace steward
