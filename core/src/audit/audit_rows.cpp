#include "audit/audit_rows.h"

#include "audit/audit_service.h"
#include "db/database.h"
#include "error.h"
#include "services/row_access.h"
#include "services/sql_values.h"

namespace steward::audit_rows {

const QString kAuditSelect = QStringLiteral(
    "SELECT a.id, p.key, p.name, cv.checklist_key, cv.title, cv.id, cv.label, l.email, l.name, "
    "a.status, a.due_date, a.created_at, a.closed_at, s.email, a.sign_off_statement, a.version "
    "FROM audit a JOIN project p ON p.id = a.project_id "
    "JOIN checklist_version cv ON cv.id = a.checklist_version_id "
    "JOIN person l ON l.id = a.lead_id LEFT JOIN person s ON s.id = a.signed_off_by ");

const QString kItemSelect = QStringLiteral(
    "SELECT ai.id, s.section_id, s.title, ci.item_id, ci.text, ci.guidance, ci.expected_evidence, "
    "ci.role_key, ci.reference, ai.result, ai.not_applicable_reason, ai.note, r.email, ab.email, "
    "ai.assessed_at, ai.version, (SELECT string_agg(l.evidence_id::text, ',' ORDER BY "
    "l.evidence_id) "
    "FROM audit_item_evidence l WHERE l.audit_item_id = ai.id) "
    "FROM audit_item ai JOIN checklist_item ci ON ci.id = ai.checklist_item_id "
    "JOIN checklist_section s ON s.id = ci.section_id "
    "LEFT JOIN person r ON r.id = ai.respondent_id LEFT JOIN person ab ON ab.id = ai.assessed_by ");

const QString kFindingSelect = QStringLiteral(
    "SELECT f.id, f.audit_id, ci.item_id, f.severity, f.description, f.remediation, o.email, "
    "o.name, "
    "f.due_date, f.status, f.risk_acceptance_justification, ra.email, p.key, f.version "
    "FROM audit_finding f JOIN audit_item ai ON ai.id = f.audit_item_id "
    "JOIN checklist_item ci ON ci.id = ai.checklist_item_id JOIN person o ON o.id = f.owner_id "
    "LEFT JOIN person ra ON ra.id = f.risk_accepted_by JOIN audit a ON a.id = f.audit_id "
    "JOIN project p ON p.id = a.project_id ");

const QString kEvidenceSelect = QStringLiteral(
    "SELECT e.id, e.kind, e.location, e.sha256, e.size_bytes, e.effective_date, e.recorded_at, "
    "rb.email, e.description FROM evidence e LEFT JOIN person rb ON rb.id = e.recorded_by ");

Audit readAudit(const QSqlQuery& q)
{
    Audit a;
    a.id = q.value(0).toLongLong();
    a.projectKey = q.value(1).toString();
    a.projectName = q.value(2).toString();
    a.checklistKey = q.value(3).toString();
    a.checklistTitle = q.value(4).toString();
    a.checklistVersionId = q.value(5).toLongLong();
    a.checklistVersionLabel = q.value(6).toString();
    a.leadEmail = q.value(7).toString();
    a.leadName = q.value(8).toString();
    a.status = enumFromSql(parseAuditStatus, q.value(9));
    a.dueDate = q.value(10).toDate();
    a.createdAt = q.value(11).toDateTime();
    a.closedAt = q.value(12).toDateTime();
    a.signedOffBy = q.value(13).toString();
    a.signOffStatement = q.value(14).toString();
    a.version = q.value(15).toInt();
    return a;
}

AuditItem readItem(const QSqlQuery& q)
{
    AuditItem i;
    i.id = q.value(0).toLongLong();
    i.sectionId = q.value(1).toString();
    i.sectionTitle = q.value(2).toString();
    i.itemId = q.value(3).toString();
    i.text = q.value(4).toString();
    i.guidance = q.value(5).toString();
    i.expectedEvidence = q.value(6).toString();
    i.roleKey = q.value(7).toString();
    i.reference = q.value(8).toString();
    i.result = enumFromSql(parseItemResult, q.value(9));
    i.notApplicableReason = q.value(10).toString();
    i.note = q.value(11).toString();
    i.respondentEmail = q.value(12).toString();
    i.assessedBy = q.value(13).toString();
    i.assessedAt = q.value(14).toDateTime();
    i.version = q.value(15).toInt();
    for (const QString& id : q.value(16).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        i.evidenceIds.push_back(id.toLongLong());
    return i;
}

AuditFinding readFinding(const QSqlQuery& q)
{
    AuditFinding f;
    f.id = q.value(0).toLongLong();
    f.auditId = q.value(1).toLongLong();
    f.itemId = q.value(2).toString();
    f.severity = enumFromSql(parseFindingSeverity, q.value(3));
    f.description = q.value(4).toString();
    f.remediation = q.value(5).toString();
    f.ownerEmail = q.value(6).toString();
    f.ownerName = q.value(7).toString();
    f.dueDate = q.value(8).toDate();
    f.status = enumFromSql(parseFindingStatus, q.value(9));
    f.riskAcceptanceJustification = q.value(10).toString();
    f.riskAcceptedBy = q.value(11).toString();
    f.projectKey = q.value(12).toString();
    f.version = q.value(13).toInt();
    return f;
}

Evidence readEvidence(const QSqlQuery& q)
{
    Evidence e;
    e.id = q.value(0).toLongLong();
    e.kind = q.value(1).toString();
    e.location = q.value(2).toString();
    e.sha256 = q.value(3).toString();
    e.sizeBytes = q.value(4).isNull() ? -1 : q.value(4).toLongLong();
    e.effectiveDate = q.value(5).toDate();
    e.recordedAt = q.value(6).toDateTime();
    e.recordedBy = q.value(7).toString();
    e.description = q.value(8).toString();
    return e;
}

PersonRef person(Database& db, const QString& email, const QString& field)
{
    if (email.trimmed().isEmpty())
        throw validationError(QStringLiteral("%1: an e-mail address is required").arg(field));
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT id, email, active FROM person WHERE lower(email) = lower(?)"),
        {email.trimmed()});
    if (!q.next())
        throw notFoundError(QStringLiteral("%1: no person with e-mail %2").arg(field, email));
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toBool()};
}

PersonRef actor(Database& db, const QString& email)
{
    if (email.trimmed().isEmpty())
        throw validationError(
            QStringLiteral("actor: this step records who did it; give your e-mail as the actor "
                           "(steward --actor EMAIL ...)"));
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT id, email, active FROM person WHERE lower(email) = lower(?)"),
        {email.trimmed()});
    if (!q.next())
        throw notFoundError(
            QStringLiteral("actor: no person with e-mail %1 (the actor of an audit step is a "
                           "person's e-mail)")
                .arg(email));
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toBool()};
}

AuditLock lockOpenAudit(Database& db, qint64 auditId)
{
    QSqlQuery q = db.exec(
        QStringLiteral(
            "SELECT a.status, a.lead_id, l.email, s.email, a.closed_at FROM audit a "
            "JOIN person l ON l.id = a.lead_id LEFT JOIN person s ON s.id = a.signed_off_by "
            "WHERE a.id = ? FOR UPDATE OF a"),
        {auditId});
    if (!q.next()) {
        refuseIfHidden(db, QStringLiteral("audit"), auditId,
                       QStringLiteral("audit %1: only its lead, the respondents of its items or "
                                      "an administrator may change it")
                           .arg(auditId));
        throw notFoundError(
            QStringLiteral("audit: no audit with id %1 (see `steward audit list`)").arg(auditId));
    }
    const AuditStatus status = enumFromSql(parseAuditStatus, q.value(0));
    if (status == AuditStatus::Closed)
        throw conflictError(
            QStringLiteral("audit %1 is closed (signed off by %2 on %3): a closed audit and its "
                           "results can no longer be changed; start a new audit to re-assess")
                .arg(auditId)
                .arg(q.value(3).toString(), q.value(4).toDateTime().date().toString(Qt::ISODate)));
    return {status, q.value(1).toLongLong(), q.value(2).toString()};
}

qint64 auditItemId(Database& db, qint64 auditId, const QString& itemId)
{
    QSqlQuery q = db.exec(QStringLiteral("SELECT ai.id FROM audit_item ai JOIN checklist_item ci "
                                         "ON ci.id = ai.checklist_item_id "
                                         "WHERE ai.audit_id = ? AND ci.item_id = ?"),
                          {auditId, itemId.trimmed()});
    if (q.next())
        return q.value(0).toLongLong();
    QSqlQuery v = db.exec(
        QStringLiteral("SELECT cv.checklist_key, cv.label FROM audit a JOIN checklist_version cv "
                       "ON cv.id = a.checklist_version_id WHERE a.id = ?"),
        {auditId});
    if (!v.next())
        throw notFoundError(
            QStringLiteral("audit: no audit with id %1 (see `steward audit list`)").arg(auditId));
    throw notFoundError(
        QStringLiteral("item: '%1' is not an item of checklist %2 version %3 that audit %4 uses "
                       "(see `steward audit show %4`)")
            .arg(itemId, v.value(0).toString(), v.value(1).toString())
            .arg(auditId));
}

void updateItem(Database& db, const QString& sql, const QVariantList& values, qint64 auditId,
                const QString& itemId)
{
    if (db.exec(sql, values).numRowsAffected() > 0)
        return;
    QSqlQuery login = db.exec(QStringLiteral("SELECT session_user"));
    login.next();
    throw permissionError(QStringLiteral("audit %1, item %2: only the audit's lead, the item's "
                                         "respondent or an administrator may change it, and the "
                                         "login %3 is none of them")
                              .arg(auditId)
                              .arg(itemId.trimmed(), login.value(0).toString()));
}

void requireLeadOrAdmin(AuditService& service, const AuditLock& lock, const PersonRef& who,
                        qint64 auditId, const QString& what)
{
    if (who.id != lock.leadId && !service.isAdmin())
        throw conflictError(
            QStringLiteral("only the audit's lead (%1) or an admin can %2 audit %3; %4 is neither")
                .arg(lock.leadEmail, what)
                .arg(auditId)
                .arg(who.email));
}

} // namespace steward::audit_rows
