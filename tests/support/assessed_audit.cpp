#include "assessed_audit.h"

#include "audit/audit_service.h"
#include "db/database.h"

#include <QSqlQuery>

#include <stdexcept>
#include <vector>

namespace steward {

qint64 createAssessedAudit(Database& db, const QString& projectKey, const QString& checklistKey,
                           const QDate& today)
{
    QSqlQuery lead = db.exec(QStringLiteral("SELECT pe.email FROM assignment a JOIN project p ON "
                                            "p.id = a.project_id JOIN person pe ON pe.id = "
                                            "a.person_id WHERE p.key = ? AND pe.active ORDER BY "
                                            "pe.email LIMIT 1"),
                             {projectKey});
    if (!lead.next())
        throw std::runtime_error("nobody active is assigned to " + projectKey.toStdString());
    const QString leadEmail = lead.value(0).toString();

    AuditService audits(db, today);
    AuditPlan plan;
    plan.projectKey = projectKey;
    plan.checklistKey = checklistKey;
    plan.leadEmail = leadEmail;
    plan.dueDate = today.addDays(30);
    const Audit audit = audits.create(plan);

    int assessed = 0;
    for (const AuditItem& item : audits.items(audit.id)) {
        if (item.result != ItemResult::NotAssessed)
            continue;
        const QString by = item.respondentEmail.isEmpty() ? leadEmail : item.respondentEmail;
        const int n = assessed++;
        const QString result = n % 9 == 4   ? QStringLiteral("not-satisfied")
                               : n % 9 == 7 ? QStringLiteral("partially-satisfied")
                                            : QStringLiteral("satisfied");
        audits.assess(audit.id, item.itemId, result,
                      QStringLiteral("Reviewed with %1 against the project's records.").arg(by),
                      by);
        if (n % 3 == 0) {
            EvidenceInput evidence;
            evidence.url = QStringLiteral("https://wiki.example.org/%1/evidence/%2")
                               .arg(projectKey.toLower())
                               .arg(n);
            evidence.effectiveDate = today.addDays(-20);
            evidence.description = QStringLiteral("Records for %1").arg(item.itemId);
            audits.attachEvidence(audit.id, {item.itemId}, evidence, by);
        }
        if (result != QLatin1String("satisfied")) {
            FindingInput f;
            f.itemId = item.itemId;
            f.severity = n % 2 == 0 ? QStringLiteral("high") : QStringLiteral("medium");
            f.description =
                QStringLiteral("%1 falls short: %2").arg(item.itemId, item.text.left(80));
            f.remediation = QStringLiteral("Complete the controls and document them.");
            f.ownerEmail = by;
            f.dueDate = today.addDays(n % 4 == 0 ? -3 : 45);
            audits.raiseFinding(audit.id, f);
        }
    }
    if (assessed == 0)
        throw std::runtime_error("no item of " + checklistKey.toStdString() + " applies to " +
                                 projectKey.toStdString());
    audits.submitForReview(audit.id, leadEmail);
    audits.close(audit.id, QStringLiteral("Reviewed; the findings have owners and due dates."),
                 leadEmail);
    return audit.id;
}

} // namespace steward
