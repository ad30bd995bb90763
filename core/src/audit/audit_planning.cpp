// Planning an audit: which checklist version it applies, which items do not apply to the project
// and why, who answers each item, and which evidence carries over from an earlier audit.
#include "audit/audit_rows.h"
#include "audit/audit_service.h"
#include "db/database.h"
#include "error.h"
#include "services/row_access.h"

#include <QSqlQuery>

#include <map>

namespace steward {
namespace {

using audit_rows::person;
using audit_rows::PersonRef;

QStringList listOf(const QString& commaSeparated)
{
    return commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QString actorWord(const QString& actor, bool plural)
{
    if (actor == QLatin1String("provider"))
        return plural ? QStringLiteral("providers") : QStringLiteral("a provider");
    if (actor == QLatin1String("deployer"))
        return plural ? QStringLiteral("deployers") : QStringLiteral("a deployer");
    return plural ? QStringLiteral("providers that also deploy")
                  : QStringLiteral("a provider and deployer");
}

struct ProjectScope {
    qint64 id = 0;
    QString key;
    QString industry;
    QString riskTier;
    QString actor;
};

// Why an item with these applicability lists does not apply to the project; empty when it does.
QString notApplicableReason(const ProjectScope& p, const QStringList& tiers,
                            const QStringList& actors, const QStringList& industries)
{
    QStringList reasons;
    if (!tiers.isEmpty() && !tiers.contains(p.riskTier)) {
        QStringList names;
        for (const QString& t : tiers)
            names << t + QStringLiteral("-risk");
        reasons << QStringLiteral("applies to %1 systems; %2 is %3-risk")
                       .arg(names.join(QStringLiteral(" or ")), p.key, p.riskTier);
    }
    // A provider that also deploys carries both sets of obligations.
    const bool actorApplies = actors.isEmpty() || actors.contains(p.actor) ||
                              (p.actor == QLatin1String("provider-and-deployer") &&
                               (actors.contains(QStringLiteral("provider")) ||
                                actors.contains(QStringLiteral("deployer"))));
    if (!actorApplies) {
        QStringList names;
        for (const QString& a : actors)
            names << actorWord(a, true);
        reasons << QStringLiteral("applies to %1; %2 is %3")
                       .arg(names.join(QStringLiteral(" or ")), p.key, actorWord(p.actor, false));
    }
    if (!industries.isEmpty() && !industries.contains(p.industry))
        reasons << QStringLiteral("applies to %1 projects; %2 is in %3")
                       .arg(industries.join(QStringLiteral(" or ")), p.key, p.industry);
    return reasons.join(QStringLiteral("; "));
}

} // namespace

Audit AuditService::create(const AuditPlan& plan)
{
    if (!plan.dueDate.isValid())
        throw validationError(QStringLiteral("due: a due date is required"));
    if (plan.dueDate < m_today)
        throw validationError(
            QStringLiteral("due: %1 is in the past (today is %2)")
                .arg(plan.dueDate.toString(Qt::ISODate), m_today.toString(Qt::ISODate)));
    if (plan.checklistVersion && *plan.checklistVersion <= 0)
        throw validationError(
            QStringLiteral("version: %1 is not a version number").arg(*plan.checklistVersion));

    Transaction tx(m_db);
    ProjectScope project;
    {
        QSqlQuery q = m_db.exec(
            QStringLiteral(
                "SELECT id, key, industry, risk_tier, ai_act_role FROM project WHERE key = ?"),
            {plan.projectKey.trimmed()});
        if (!q.next())
            throw notFoundError(
                QStringLiteral("project: no project with key %1").arg(plan.projectKey));
        project = {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                   q.value(3).toString(), q.value(4).toString()};
    }
    qint64 versionId = 0;
    {
        QSqlQuery c =
            m_db.exec(QStringLiteral("SELECT current_version_id FROM checklist WHERE key = ?"),
                      {plan.checklistKey.trimmed()});
        if (!c.next())
            throw notFoundError(
                QStringLiteral("checklist: no checklist with key %1 (see `steward checklist list`)")
                    .arg(plan.checklistKey));
        if (plan.checklistVersion) {
            QSqlQuery v = m_db.exec(
                QStringLiteral(
                    "SELECT id FROM checklist_version WHERE checklist_key = ? AND number = ?"),
                {plan.checklistKey.trimmed(), *plan.checklistVersion});
            if (!v.next())
                throw notFoundError(
                    QStringLiteral(
                        "checklist: %1 has no version %2 (see `steward checklist show %1`)")
                        .arg(plan.checklistKey)
                        .arg(*plan.checklistVersion));
            versionId = v.value(0).toLongLong();
        } else {
            if (c.value(0).isNull())
                throw notFoundError(QStringLiteral("checklist: %1 has no published version")
                                        .arg(plan.checklistKey));
            versionId = c.value(0).toLongLong();
        }
    }
    requireManagesProject(m_db, project.id, project.key);
    const PersonRef lead = person(m_db, plan.leadEmail, QStringLiteral("lead"));
    if (!lead.active)
        throw validationError(
            QStringLiteral("lead: %1 is inactive and cannot lead an audit").arg(lead.email));
    if (plan.copyEvidenceFrom) {
        QSqlQuery q = m_db.exec(
            QStringLiteral(
                "SELECT a.project_id, cv.checklist_key FROM audit a JOIN checklist_version cv "
                "ON cv.id = a.checklist_version_id WHERE a.id = ?"),
            {*plan.copyEvidenceFrom});
        if (!q.next())
            throw notFoundError(
                QStringLiteral("copy evidence: no audit with id %1").arg(*plan.copyEvidenceFrom));
        if (q.value(0).toLongLong() != project.id ||
            q.value(1).toString() != plan.checklistKey.trimmed())
            throw validationError(
                QStringLiteral("copy evidence: audit %1 is not an audit of %2 against %3")
                    .arg(*plan.copyEvidenceFrom)
                    .arg(project.key, plan.checklistKey));
    }

    QSqlQuery ins = m_db.exec(
        QStringLiteral("INSERT INTO audit (project_id, checklist_version_id, lead_id, due_date) "
                       "VALUES (?, ?, ?, ?) RETURNING id"),
        {project.id, versionId, lead.id, plan.dueDate});
    ins.next();
    const qint64 auditId = ins.value(0).toLongLong();

    QSqlQuery items =
        m_db.exec(QStringLiteral("SELECT id, role_key, array_to_string(risk_tiers, ','), "
                                 "array_to_string(actors, ','), array_to_string(industries, ',') "
                                 "FROM checklist_item WHERE version_id = ? ORDER BY position"),
                  {versionId});
    struct Pending {
        qint64 id;
        QString role;
        QString reason;
    };
    std::vector<Pending> pending;
    while (items.next())
        pending.push_back({items.value(0).toLongLong(), items.value(1).toString(),
                           notApplicableReason(project, listOf(items.value(2).toString()),
                                               listOf(items.value(3).toString()),
                                               listOf(items.value(4).toString()))});
    std::map<QString, QVariant> respondents; // per role: the first current holder by name
    for (const Pending& p : pending) {
        QVariant respondent(QMetaType(QMetaType::LongLong));
        if (p.reason.isEmpty() && !p.role.isEmpty()) {
            auto it = respondents.find(p.role);
            if (it == respondents.end()) {
                QSqlQuery h = m_db.exec(
                    QStringLiteral(
                        "SELECT pe.id FROM assignment a JOIN person pe ON pe.id = a.person_id "
                        "WHERE a.project_id = ? AND a.role_key = ? AND pe.active "
                        "AND a.from_date <= ? AND (a.to_date IS NULL OR a.to_date >= ?) "
                        "ORDER BY lower(pe.name), pe.id LIMIT 1"),
                    {project.id, p.role, m_today, m_today});
                it = respondents.emplace(p.role, h.next() ? h.value(0) : respondent).first;
            }
            respondent = it->second;
        }
        m_db.exec(
            QStringLiteral("INSERT INTO audit_item (audit_id, checklist_item_id, result, "
                           "not_applicable_reason, "
                           "respondent_id) VALUES (?, ?, ?, ?, ?)"),
            {auditId, p.id,
             p.reason.isEmpty() ? QStringLiteral("not-assessed") : QStringLiteral("not-applicable"),
             p.reason, respondent});
    }
    if (plan.copyEvidenceFrom)
        m_db.exec(QStringLiteral(
                      "INSERT INTO audit_item_evidence (audit_item_id, evidence_id) "
                      "SELECT n.id, l.evidence_id FROM audit_item o "
                      "JOIN checklist_item oci ON oci.id = o.checklist_item_id "
                      "JOIN audit_item_evidence l ON l.audit_item_id = o.id "
                      "JOIN checklist_item nci ON nci.item_id = oci.item_id AND nci.version_id = ? "
                      "JOIN audit_item n ON n.checklist_item_id = nci.id AND n.audit_id = ? "
                      "WHERE o.audit_id = ? ON CONFLICT DO NOTHING"),
                  {versionId, auditId, *plan.copyEvidenceFrom});
    tx.commit();
    return audit(auditId);
}

} // namespace steward
