#include "services/history_service.h"

#include "db/database.h"

#include <QSqlQuery>

namespace steward {

HistoryService::HistoryService(Database& db)
    : m_db(db)
{
}

std::vector<HistoryEntry> HistoryService::list(const HistoryFilter& f)
{
    QStringList where;
    QVariantList params;
    if (!f.table.isEmpty()) {
        where << QStringLiteral("table_name = ?");
        params << f.table;
    }
    if (!f.rowKey.isEmpty()) {
        where << QStringLiteral("row_key = ?");
        params << f.rowKey;
    }
    if (!f.actor.isEmpty()) {
        where << QStringLiteral("actor = ?");
        params << f.actor;
    }
    QString sql =
        QStringLiteral("SELECT id, at, actor, db_user, table_name, row_key, operation, "
                       "coalesce(before::text, ''), coalesce(after::text, '') FROM history ");
    if (!where.isEmpty())
        sql += QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    params << (f.limit > 0 ? f.limit : 100);
    QSqlQuery q = m_db.exec(sql, params);
    std::vector<HistoryEntry> entries;
    while (q.next()) {
        HistoryEntry e;
        e.id = q.value(0).toLongLong();
        e.at = q.value(1).toDateTime();
        e.actor = q.value(2).toString();
        e.dbUser = q.value(3).toString();
        e.table = q.value(4).toString();
        e.rowKey = q.value(5).toString();
        e.operation = q.value(6).toString();
        e.before = q.value(7).toString();
        e.after = q.value(8).toString();
        entries.push_back(std::move(e));
    }
    return entries;
}

qint64 HistoryService::count()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT count(*) FROM history"));
    q.next();
    return q.value(0).toLongLong();
}

HistoryVerification HistoryService::verify()
{
    // The server recomputes each digest with the same function the sealing trigger used, and
    // checks each row links to its predecessor.
    QSqlQuery q = m_db.exec(QStringLiteral(
        "SELECT count(*), min(id) FILTER (WHERE NOT ok) FROM ("
        " SELECT h.id, h.hash = sha256(history_digest_input(h))"
        "   AND h.prev_hash = coalesce(lag(h.hash) OVER (ORDER BY h.id), '\\x'::bytea) AS ok"
        " FROM history h) checked"));
    q.next();
    HistoryVerification v;
    v.rowsChecked = q.value(0).toLongLong();
    if (!q.value(1).isNull()) {
        v.intact = false;
        v.firstBadId = q.value(1).toLongLong();
    }
    QSqlQuery head =
        m_db.exec(QStringLiteral("SELECT encode(last_hash, 'hex') FROM history_chain"));
    if (head.next())
        v.headHash = head.value(0).toString();
    QSqlQuery last = m_db.exec(
        QStringLiteral("SELECT encode(hash, 'hex') FROM history ORDER BY id DESC LIMIT 1"));
    if (last.next() && last.value(0).toString() != v.headHash)
        v.intact = false; // rows were removed from the end
    return v;
}

} // namespace steward
