// A COPY ... FROM STDIN stream on a Database's own libpq connection, so bulk rows land inside the
// transaction the caller has open (QtSql emulates batches row by row; COPY is one round trip).
#pragma once

#include <steward/export.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace steward {

class Database;

class STEWARD_CORE_API CopyIn {
public:
    // Starts `copyStatement` ("COPY t (a, b) FROM STDIN", text format) on db.native(). Throws
    // Error when the server refuses it.
    CopyIn(Database& db, const QString& copyStatement);
    // Abandons an unfinished COPY: the server discards the rows and fails the statement, which
    // leaves the caller's transaction aborted, as an exception unwinding through it expects.
    ~CopyIn();
    CopyIn(const CopyIn&) = delete;
    CopyIn& operator=(const CopyIn&) = delete;

    // One row, one value per column of the statement; nullopt is SQL NULL. Rows are buffered and
    // sent in large chunks.
    void putRow(const std::vector<std::optional<QString>>& values);
    // Sends the rest and ends the COPY; returns the number of rows the server stored. Throws Error
    // with the server's message (e.g. a value the column type refuses) on failure.
    qint64 finish();

private:
    void flush();
    [[noreturn]] void fail(const QString& what);

    Database& m_db;
    QString m_statement;
    QByteArray m_buffer;
    bool m_open = false;
};

} // namespace steward
