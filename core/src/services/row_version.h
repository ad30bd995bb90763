// Optimistic locking for a change that names a stored row: the user read the row at some version
// (every editable table has a `version` column that a trigger bumps on each update), and the
// change is refused if someone else changed the row since.
#pragma once

#include "db/database.h"
#include "error.h"

#include <QSqlQuery>

#include <optional>

namespace steward {

// Locks the row (`keyColumn` = `key` in `table`) for the rest of the transaction and throws a
// Conflict naming `what` and both versions unless it is still at `expected`. Nothing to check
// without an expectation; a row that is gone, or hidden by row-level security, is left to the
// change itself to report.
inline void requireVersion(Database& db, const QString& table, const QString& keyColumn,
                           const QVariant& key, std::optional<int> expected, const QString& what)
{
    if (!expected)
        return;
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT version FROM %1 WHERE %2 = ? FOR UPDATE").arg(table, keyColumn),
        {key});
    if (q.next() && q.value(0).toInt() != *expected)
        throw conflictError(QStringLiteral("%1 was changed by someone else since you read it (you "
                                           "read version %2, the stored one is version %3); "
                                           "reload and apply your change again")
                                .arg(what)
                                .arg(*expected)
                                .arg(q.value(0).toInt()));
}

} // namespace steward
