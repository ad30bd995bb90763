// The client's side of the row-level security of sql/0011: a refusal names the rule rather than
// PostgreSQL's "row-level security policy", or a write that silently changed nothing, or "not
// found" for a row the login may read but not change.
#pragma once

#include "db/database.h"
#include "error.h"

#include <QSqlQuery>

namespace steward {

// After a write or a row lock found nothing: when the row exists (the login reads every row),
// row-level security hid it from the change, and this throws a permission error saying `rule`
// ("audit 3: only its lead ... may change it") and naming the login. Returns when there is no
// such row, for the caller to report.
inline void refuseIfHidden(Database& db, const QString& table, qint64 id, const QString& rule)
{
    QSqlQuery q =
        db.exec(QStringLiteral("SELECT session_user FROM %1 WHERE id = ?").arg(table), {id});
    if (q.next())
        throw permissionError(QStringLiteral("%1, and the login %2 is none of them")
                                  .arg(rule, q.value(0).toString()));
}

// Throws a permission error naming the project and the login unless the login may change it.
inline void requireManagesProject(Database& db, qint64 projectId, const QString& projectKey)
{
    QSqlQuery q = db.exec(QStringLiteral("SELECT steward_may_manage_project(id), session_user "
                                         "FROM project WHERE id = ?"),
                          {projectId});
    // A project that is gone is the caller's to report: their "not found" says more.
    if (q.next() && !q.value(0).toBool())
        throw permissionError(
            QStringLiteral("project %1: only its owner, a current AI project manager on it or an "
                           "administrator may change it, its staffing or its audits, and the "
                           "login %2 is none of them")
                .arg(projectKey, q.value(1).toString()));
}

// The same for the project of an assignment, by the assignment's id; NotFound when there is none.
inline void requireManagesProjectOfAssignment(Database& db, qint64 assignmentId)
{
    QSqlQuery q = db.exec(QStringLiteral("SELECT p.id, p.key FROM assignment a JOIN project p "
                                         "ON p.id = a.project_id WHERE a.id = ?"),
                          {assignmentId});
    if (!q.next())
        throw notFoundError(QStringLiteral("no assignment with id %1").arg(assignmentId));
    requireManagesProject(db, q.value(0).toLongLong(), q.value(1).toString());
}

} // namespace steward
