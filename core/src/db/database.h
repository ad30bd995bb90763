// One PostgreSQL connection, owned. Everything the services do goes through a Database.
#pragma once

#include <steward/export.h>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>

using PGconn = struct pg_conn;

namespace steward {

class STEWARD_CORE_API Database {
public:
    // Connects with a libpq conninfo string ("host=... dbname=...") or URI ("postgresql://...").
    // Keys the string leaves out come from the usual PG* variables, service file and .pgpass,
    // exactly as for psql. `actor` names the person behind the changes in the history; empty
    // means the operating-system user. Throws Error(Unavailable) when the server cannot be reached.
    explicit Database(const QString& conninfo, const QString& actor = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase& sql() { return m_db; }
    // The libpq connection underneath, for what QtSql cannot do (COPY, multi-statement scripts).
    PGconn* native() const;

    // The connection string this Database was opened with, secrets included: for opening another
    // connection to the same database, e.g. on a worker thread (a connection belongs to its
    // thread). Never show it.
    QString conninfo() const { return m_conninfo; }
    // "user@host:port/dbname", without secrets: for status bars and error messages.
    QString description() const { return m_description; }
    QString user() const;
    QString actor() const { return m_actor; }

    // Runs one parameterised statement (positional '?' placeholders) and returns the active
    // query. Database errors become steward::Error with a kind that matches the SQLSTATE.
    QSqlQuery exec(const QString& statement, const QVariantList& params = {});
    // Runs a script of several statements (a migration) as-is.
    void execScript(const QString& script, const QString& origin);

private:
    friend class Transaction;
    void prepareSession();
    // Opens the connection again if the server ended it, outside any transaction.
    void reconnectIfLost();
    // Throws the steward::Error for a failed statement; Unavailable when the connection is gone.
    [[noreturn]] void fail(const QSqlError& error);
    int m_transactionDepth = 0;
    QString m_connectionName;
    QString m_conninfo;
    QString m_description;
    QString m_actor;
    QSqlDatabase m_db;
};

// A database transaction: begun on construction, rolled back on destruction unless committed.
// Inside another Transaction on the same Database it becomes a savepoint, so a service that is
// all-or-nothing on its own can also be one step of a larger all-or-nothing operation.
class STEWARD_CORE_API Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& m_db;
    QString m_savepoint; // empty for the outermost transaction
    bool m_open = false;
};

// Converts a QtSql error into the steward::Error a client can act on. `context` says what was
// being done ("adding person ada@example.org").
[[noreturn]] STEWARD_CORE_API void throwDatabaseError(const QSqlError& error,
                                                      const QString& context);

// SQL NULL for an absent value.
inline QVariant nullable(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

} // namespace steward
