#include "services/staffing_service.h"

#include "db/database.h"
#include "domain/validation.h"
#include "error.h"
#include "services/row_access.h"
#include "services/row_version.h"
#include "services/sql_values.h"

#include <QSqlQuery>

namespace steward {
namespace {

const QString kAssignmentSelect =
    QStringLiteral("SELECT a.id, pr.key, pe.email, pe.name, a.role_key, a.from_date, a.to_date, "
                   "a.allocation_percent, "
                   "a.version FROM assignment a JOIN project pr ON pr.id = a.project_id "
                   "JOIN person pe ON pe.id = a.person_id ");

const QString kRaciSelect = QStringLiteral(
    "SELECT r.id, pr.key, r.responsibility_key, pe.email, pe.name, r.kind, r.version "
    "FROM raci_entry r JOIN project pr ON pr.id = r.project_id JOIN person pe ON pe.id = "
    "r.person_id ");

Assignment readAssignment(const QSqlQuery& q)
{
    Assignment a;
    a.id = q.value(0).toLongLong();
    a.projectKey = q.value(1).toString();
    a.personEmail = q.value(2).toString();
    a.personName = q.value(3).toString();
    a.roleKey = q.value(4).toString();
    a.from = q.value(5).toDate();
    if (!q.value(6).isNull())
        a.to = q.value(6).toDate();
    a.allocationPercent = q.value(7).toInt();
    a.version = q.value(8).toInt();
    return a;
}

RaciEntry readRaci(const QSqlQuery& q)
{
    RaciEntry r;
    r.id = q.value(0).toLongLong();
    r.projectKey = q.value(1).toString();
    r.responsibilityKey = q.value(2).toString();
    r.personEmail = q.value(3).toString();
    r.personName = q.value(4).toString();
    r.kind = enumFromSql(parseRaciKind, q.value(5));
    r.version = q.value(6).toInt();
    return r;
}

qint64 projectId(Database& db, const QString& key)
{
    QSqlQuery q = db.exec(QStringLiteral("SELECT id FROM project WHERE key = ?"), {key});
    if (!q.next())
        throw notFoundError(QStringLiteral("project: no project with key %1").arg(key));
    return q.value(0).toLongLong();
}

struct PersonRef {
    qint64 id;
    bool active;
};

PersonRef personRef(Database& db, const QString& email)
{
    QSqlQuery q =
        db.exec(QStringLiteral("SELECT id, active FROM person WHERE lower(email) = lower(?)"),
                {email.trimmed()});
    if (!q.next())
        throw notFoundError(QStringLiteral("person: no person with e-mail %1").arg(email));
    return {q.value(0).toLongLong(), q.value(1).toBool()};
}

} // namespace

StaffingService::StaffingService(Database& db)
    : m_db(db)
{
}

Assignment StaffingService::assign(const Assignment& a)
{
    require(QStringLiteral("allocation"), checkAllocation(a.allocationPercent));
    if (!a.from.isValid())
        require(QStringLiteral("from"), QStringLiteral("is not a date"));
    if (a.to && *a.to < a.from)
        require(QStringLiteral("to"),
                QStringLiteral("%1 is before the start date %2")
                    .arg(a.to->toString(Qt::ISODate), a.from.toString(Qt::ISODate)));
    Transaction tx(m_db);
    const qint64 project = projectId(m_db, a.projectKey);
    requireManagesProject(m_db, project, a.projectKey);
    const PersonRef person = personRef(m_db, a.personEmail);
    if (!person.active)
        throw validationError(
            QStringLiteral("person: %1 is inactive and cannot take on a role").arg(a.personEmail));
    QSqlQuery role = m_db.exec(
        QStringLiteral("SELECT retired_at IS NOT NULL FROM role WHERE key = ?"), {a.roleKey});
    if (!role.next())
        throw notFoundError(
            QStringLiteral("role: no role with key %1 (see `steward role list`)").arg(a.roleKey));
    if (role.value(0).toBool())
        throw validationError(
            QStringLiteral("role: %1 is retired and no longer offered for new assignments")
                .arg(a.roleKey));
    QSqlQuery q;
    try {
        q = m_db.exec(
            QStringLiteral(
                "INSERT INTO assignment (project_id, person_id, role_key, from_date, to_date, "
                "allocation_percent) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
            {project, person.id, a.roleKey, a.from, dateOrNull(a.to), a.allocationPercent});
    } catch (const Error& e) {
        throw Error(e.kind(), QStringLiteral("cannot assign %1 as %2 on %3: %4")
                                  .arg(a.personEmail, a.roleKey, a.projectKey, e.message()));
    }
    q.next();
    const qint64 id = q.value(0).toLongLong();
    tx.commit();
    QSqlQuery r = m_db.exec(kAssignmentSelect + QStringLiteral("WHERE a.id = ?"), {id});
    r.next();
    return readAssignment(r);
}

Assignment StaffingService::endAssignment(qint64 id, const QDate& to, int expectedVersion)
{
    Transaction tx(m_db);
    requireManagesProjectOfAssignment(m_db, id);
    QSqlQuery cur =
        m_db.exec(kAssignmentSelect + QStringLiteral("WHERE a.id = ? FOR UPDATE OF a"), {id});
    if (!cur.next())
        throw notFoundError(QStringLiteral("no assignment with id %1").arg(id));
    const Assignment current = readAssignment(cur);
    if (current.version != expectedVersion)
        throw conflictError(
            QStringLiteral("assignment %1 was changed by someone else (you read version %2, "
                           "the stored one is version %3)")
                .arg(id)
                .arg(expectedVersion)
                .arg(current.version));
    if (to < current.from)
        require(QStringLiteral("to"),
                QStringLiteral("%1 is before the start date %2")
                    .arg(to.toString(Qt::ISODate), current.from.toString(Qt::ISODate)));
    m_db.exec(QStringLiteral("UPDATE assignment SET to_date = ? WHERE id = ?"), {to, id});
    tx.commit();
    QSqlQuery r = m_db.exec(kAssignmentSelect + QStringLiteral("WHERE a.id = ?"), {id});
    r.next();
    return readAssignment(r);
}

void StaffingService::removeAssignment(qint64 id)
{
    requireManagesProjectOfAssignment(m_db, id);
    QSqlQuery q = m_db.exec(QStringLiteral("DELETE FROM assignment WHERE id = ?"), {id});
    if (q.numRowsAffected() == 0)
        throw notFoundError(QStringLiteral("no assignment with id %1").arg(id));
}

std::vector<Assignment> StaffingService::assignments(const QString& projectKey)
{
    const qint64 project = projectId(m_db, projectKey);
    QSqlQuery q = m_db.exec(
        kAssignmentSelect +
            QStringLiteral(
                "WHERE a.project_id = ? ORDER BY a.role_key, lower(pe.name), a.from_date"),
        {project});
    std::vector<Assignment> result;
    while (q.next())
        result.push_back(readAssignment(q));
    return result;
}

std::vector<Assignment> StaffingService::assignmentsOf(const QString& personEmail)
{
    const PersonRef person = personRef(m_db, personEmail);
    QSqlQuery q = m_db.exec(
        kAssignmentSelect + QStringLiteral("WHERE a.person_id = ? ORDER BY pr.key, a.from_date"),
        {person.id});
    std::vector<Assignment> result;
    while (q.next())
        result.push_back(readAssignment(q));
    return result;
}

std::vector<Assignment> StaffingService::currentHoldersOf(const QString& roleKey)
{
    QSqlQuery q = m_db.exec(
        kAssignmentSelect +
            QStringLiteral(
                "WHERE a.role_key = ? AND (a.to_date IS NULL OR a.to_date >= current_date) "
                "ORDER BY pr.key, lower(pe.name)"),
        {roleKey});
    std::vector<Assignment> result;
    while (q.next())
        result.push_back(readAssignment(q));
    return result;
}

RaciEntry StaffingService::setRaci(const QString& projectKey, const QString& responsibilityKey,
                                   const QString& personEmail, RaciKind kind)
{
    Transaction tx(m_db);
    const qint64 project = projectId(m_db, projectKey);
    requireManagesProject(m_db, project, projectKey);
    const PersonRef person = personRef(m_db, personEmail);
    QSqlQuery resp =
        m_db.exec(QStringLiteral("SELECT retired_at IS NOT NULL FROM responsibility WHERE key = ?"),
                  {responsibilityKey});
    if (!resp.next())
        throw notFoundError(
            QStringLiteral("responsibility: no responsibility with key %1").arg(responsibilityKey));
    if (resp.value(0).toBool())
        throw validationError(
            QStringLiteral("responsibility: %1 is retired").arg(responsibilityKey));
    if (kind == RaciKind::Accountable) {
        QSqlQuery a =
            m_db.exec(QStringLiteral(
                          "SELECT pe.email FROM raci_entry r JOIN person pe ON pe.id = r.person_id "
                          "WHERE r.project_id = ? AND r.responsibility_key = ? AND r.kind = 'A' "
                          "AND r.person_id <> ?"),
                      {project, responsibilityKey, person.id});
        if (a.next())
            throw conflictError(
                QStringLiteral("%1 on %2 already has %3 as Accountable; only one person can be "
                               "Accountable: remove that entry first")
                    .arg(responsibilityKey, projectKey, a.value(0).toString()));
    }
    try {
        m_db.exec(QStringLiteral(
                      "INSERT INTO raci_entry (project_id, responsibility_key, person_id, kind) "
                      "VALUES (?, ?, ?, ?) ON CONFLICT (project_id, responsibility_key, person_id, "
                      "kind) DO NOTHING"),
                  {project, responsibilityKey, person.id, qs(toString(kind))});
    } catch (const Error& e) {
        throw Error(e.kind(), QStringLiteral("cannot record %1 as %2 for %3 on %4: %5")
                                  .arg(personEmail, qs(toString(kind)), responsibilityKey,
                                       projectKey, e.message()));
    }
    tx.commit();
    QSqlQuery r = m_db.exec(
        kRaciSelect + QStringLiteral("WHERE r.project_id = ? AND r.responsibility_key = ? "
                                     "AND r.person_id = ? AND r.kind = ?"),
        {project, responsibilityKey, person.id, qs(toString(kind))});
    r.next();
    return readRaci(r);
}

bool StaffingService::removeRaci(const QString& projectKey, const QString& responsibilityKey,
                                 const QString& personEmail, RaciKind kind,
                                 std::optional<int> expectedVersion)
{
    Transaction tx(m_db);
    const qint64 project = projectId(m_db, projectKey);
    requireManagesProject(m_db, project, projectKey);
    const PersonRef person = personRef(m_db, personEmail);
    QSqlQuery entry = m_db.exec(
        QStringLiteral("SELECT id FROM raci_entry WHERE project_id = ? AND responsibility_key = ? "
                       "AND person_id = ? AND kind = ?"),
        {project, responsibilityKey, person.id, qs(toString(kind))});
    if (!entry.next())
        return false;
    const qint64 id = entry.value(0).toLongLong();
    requireVersion(m_db, QStringLiteral("raci_entry"), QStringLiteral("id"), id, expectedVersion,
                   QStringLiteral("the %1 of %2 for %3 on %4")
                       .arg(qs(toString(kind)), personEmail, responsibilityKey, projectKey));
    QSqlQuery q = m_db.exec(QStringLiteral("DELETE FROM raci_entry WHERE id = ?"), {id});
    tx.commit();
    return q.numRowsAffected() > 0;
}

std::vector<RaciEntry> StaffingService::raci(const QString& projectKey)
{
    const qint64 project = projectId(m_db, projectKey);
    QSqlQuery q = m_db.exec(
        kRaciSelect + QStringLiteral("WHERE r.project_id = ? ORDER BY r.responsibility_key, "
                                     "position(r.kind IN 'RACI'), lower(pe.name)"),
        {project});
    std::vector<RaciEntry> result;
    while (q.next())
        result.push_back(readRaci(q));
    return result;
}

std::vector<RaciEntry> StaffingService::raciOf(const QString& personEmail)
{
    const PersonRef person = personRef(m_db, personEmail);
    QSqlQuery q = m_db.exec(
        kRaciSelect + QStringLiteral("WHERE r.person_id = ? ORDER BY pr.key, r.responsibility_key"),
        {person.id});
    std::vector<RaciEntry> result;
    while (q.next())
        result.push_back(readRaci(q));
    return result;
}

} // namespace steward
