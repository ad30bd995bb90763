#include "services/reminder_service.h"

#include "db/database.h"
#include "error.h"

#include <QSqlQuery>

namespace steward {

ReminderService::ReminderService(Database& db)
    : m_db(db)
{
}

std::vector<Reminder> ReminderService::due(const ReminderFilter& filter)
{
    if (filter.days < 0)
        throw validationError(
            QStringLiteral("days: %1 is negative; give 0 or more").arg(filter.days));
    const QDate asOf = filter.asOf.isValid() ? filter.asOf : QDate::currentDate();
    const QDate until = asOf.addDays(filter.days);
    // One statement, so the list is one snapshot.
    QSqlQuery q = m_db.exec(
        QStringLiteral(
            "WITH due AS ("
            " SELECT 'finding' AS kind, f.id, f.version, f.due_date AS due, f.owner_id AS person,"
            "        a.project_id AS project,"
            "        format('Finding %s (%s) of audit %s due', f.id, f.severity, a.id) AS summary,"
            "        format(E'%s\\nRemediation: %s\\nStatus: %s', f.description, f.remediation,"
            "               f.status) AS detail"
            " FROM audit_finding f JOIN audit a ON a.id = f.audit_id"
            " WHERE f.status IN ('open', 'in-progress') AND f.due_date <= ?"
            " UNION ALL"
            " SELECT 'audit', a.id, a.version, a.due_date, a.lead_id, a.project_id,"
            "        format('Audit %s (%s) due', a.id, v.title),"
            "        format('The audit is %s; closing it needs every applicable item assessed, "
            "the review and the sign-off.', a.status)"
            " FROM audit a JOIN checklist_version v ON v.id = a.checklist_version_id"
            " WHERE a.status <> 'closed' AND a.due_date <= ?"
            " UNION ALL"
            " SELECT 'assignment', s.id, s.version, s.to_date, s.person_id, s.project_id,"
            "        format('Assignment as %s ends', r.name),"
            "        format('%s holds %s at %s%% until this day; extend it or hand the duties "
            "over.', p.name, r.name, s.allocation_percent)"
            " FROM assignment s JOIN role r ON r.key = s.role_key JOIN person p ON p.id = "
            "s.person_id"
            " WHERE s.to_date BETWEEN ? AND ?"
            // A person's latest completion of a qualification that lapses, while they hold a
            // role; not tied to one project.
            " UNION ALL"
            " SELECT 'qualification', r.id, r.version, r.expires_on, r.person_id, NULL::bigint,"
            "        format('%s expires', q.name),"
            "        format('%s''s %s, completed on %s, no longer counts from this day; renew it "
            "and record the new completion.', pe.name, q.name, r.completed_on)"
            " FROM qualification_record r JOIN qualification q ON q.key = r.qualification_key"
            " JOIN person pe ON pe.id = r.person_id"
            " WHERE r.expires_on <= ? AND pe.active AND q.retired_at IS NULL"
            "   AND NOT EXISTS (SELECT FROM qualification_record n WHERE n.person_id = r.person_id"
            "       AND n.qualification_key = r.qualification_key AND (n.expires_on IS NULL OR"
            "       n.expires_on > r.expires_on))"
            "   AND EXISTS (SELECT FROM assignment s WHERE s.person_id = r.person_id AND"
            "       s.from_date <= ? AND (s.to_date IS NULL OR s.to_date >= ?)))"
            " SELECT d.kind, d.id, d.version, d.due, p.email, p.name, coalesce(j.key, ''),"
            "        coalesce(j.name, ''), d.summary, d.detail"
            " FROM due d JOIN person p ON p.id = d.person LEFT JOIN project j ON j.id = d.project"
            " WHERE (? = '' OR lower(p.email) = lower(?))"
            " ORDER BY p.email, d.due, d.kind, d.id"),
        {until, until, asOf, until, until, asOf, asOf, filter.personEmail, filter.personEmail});
    std::vector<Reminder> result;
    while (q.next()) {
        Reminder r;
        r.kind = q.value(0).toString();
        r.id = q.value(1).toLongLong();
        r.version = q.value(2).toInt();
        r.due = q.value(3).toDate();
        r.personEmail = q.value(4).toString();
        r.personName = q.value(5).toString();
        r.projectKey = q.value(6).toString();
        r.projectName = q.value(7).toString();
        r.summary = q.value(8).toString();
        r.detail = q.value(9).toString();
        result.push_back(std::move(r));
    }
    return result;
}

QString ReminderService::organisationId()
{
    QSqlQuery q = m_db.exec(QStringLiteral(
        "SELECT encode(hash, 'hex') FROM history WHERE id = (SELECT min(id) FROM history)"));
    // Every database Steward made has history from its first migration on.
    if (!q.next())
        throw Error(ErrorKind::Internal, QStringLiteral("the database has no history"));
    return q.value(0).toString().left(16);
}

} // namespace steward
