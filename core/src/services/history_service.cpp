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

HistoryVerification HistoryService::verify(const QString& expectedHead)
{
    HistoryVerification v;
    // The server recomputes each digest with the same function the sealing trigger used, and
    // checks each row links to its predecessor; one pass over the table, in id order.
    QSqlQuery q = m_db.exec(QStringLiteral(
        "SELECT count(*), min(id) FILTER (WHERE NOT ok), max(id) FROM ("
        " SELECT h.id, h.hash = sha256(history_digest_input(h))"
        "   AND h.prev_hash = coalesce(lag(h.hash) OVER (ORDER BY h.id), '\\x'::bytea) AS ok"
        " FROM history h) checked"));
    q.next();
    v.rowsChecked = q.value(0).toLongLong();
    if (!q.value(2).isNull())
        v.lastId = q.value(2).toLongLong();
    if (!q.value(1).isNull()) {
        // Which of the two checks the first bad entry fails, and what precedes it.
        const qint64 id = q.value(1).toLongLong();
        v.intact = false;
        v.firstBadId = id;
        QSqlQuery bad = m_db.exec(QStringLiteral("SELECT h.hash = sha256(history_digest_input(h)),"
                                                 " (SELECT max(id) FROM history WHERE id < h.id)"
                                                 " FROM history h WHERE h.id = ?"),
                                  {id});
        bad.next();
        if (!bad.value(0).toBool()) {
            v.problem =
                QStringLiteral("entry %1 was altered: its content does not match its hash").arg(id);
        } else if (bad.value(1).isNull()) {
            v.problem = QStringLiteral("entry %1 is the oldest present but does not start the "
                                       "chain: the entries before it were removed")
                            .arg(id);
        } else {
            v.problem = QStringLiteral("entry %1 does not follow entry %2: the entries between "
                                       "them were removed, or entry %2 was altered")
                            .arg(id)
                            .arg(bad.value(1).toLongLong());
        }
    }

    QSqlQuery head =
        m_db.exec(QStringLiteral("SELECT encode(last_hash, 'hex'), last_id FROM history_chain"));
    if (head.next()) {
        v.headHash = head.value(0).toString();
        if (!head.value(1).isNull())
            v.headId = head.value(1).toLongLong();
    }
    QSqlQuery last = m_db.exec(
        QStringLiteral("SELECT encode(hash, 'hex') FROM history ORDER BY id DESC LIMIT 1"));
    const QString lastHash = last.next() ? last.value(0).toString() : QString();
    if (v.intact && lastHash != v.headHash) {
        v.intact = false; // rows were removed from the end
        const QString removed = v.lastId
                                    ? QStringLiteral("the entries after entry %1").arg(*v.lastId)
                                    : QStringLiteral("every entry");
        v.problem = v.headId ? QStringLiteral("the newest entries are missing: the chain's head "
                                              "is entry %1, so %2 up to entry %1 were removed")
                                   .arg(*v.headId)
                                   .arg(removed)
                             : QStringLiteral("the newest entries are missing: the newest entry "
                                              "present is not the chain's head");
    }

    if (!expectedHead.isEmpty()) {
        QSqlQuery expected =
            m_db.exec(QStringLiteral("SELECT id FROM history WHERE hash = decode(?, 'hex')"),
                      {expectedHead.trimmed().toLower()});
        if (expected.next()) {
            v.expectedHeadId = expected.value(0).toLongLong();
        } else if (v.intact) {
            v.intact = false;
            v.problem = QStringLiteral("no entry has the head hash %1 recorded earlier: the "
                                       "history was rewritten or cut back to before it")
                            .arg(expectedHead.trimmed());
        }
    }
    return v;
}

} // namespace steward
