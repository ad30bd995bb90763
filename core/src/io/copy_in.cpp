#include "io/copy_in.h"

#include "db/database.h"
#include "error.h"

#include <libpq-fe.h>

#include <memory>

namespace steward {
namespace {

constexpr qsizetype kFlushThreshold = 256 * 1024;

struct ResultClearer {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultClearer>;

// COPY's text format: backslash escapes for the characters that delimit fields and rows.
void appendEscaped(QByteArray& out, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out.append("\\\\");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        default:
            out.append(c);
        }
    }
}

QString connectionMessage(PGconn* conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
}

} // namespace

CopyIn::CopyIn(Database& db, const QString& copyStatement)
    : m_db(db)
    , m_statement(copyStatement)
{
    PGconn* conn = m_db.native();
    const Result result(PQexec(conn, m_statement.toUtf8().constData()));
    if (PQresultStatus(result.get()) != PGRES_COPY_IN)
        throw Error(
            ErrorKind::Internal,
            QStringLiteral("%1: %2").arg(
                m_statement, QString::fromUtf8(PQresultErrorMessage(result.get())).trimmed()));
    m_open = true;
    m_buffer.reserve(kFlushThreshold + 4096);
}

CopyIn::~CopyIn()
{
    if (!m_open)
        return;
    PGconn* conn = m_db.native();
    if (PQputCopyEnd(conn, "abandoned by the client") == 1) {
        while (PGresult* r = PQgetResult(conn))
            PQclear(r);
    }
}

void CopyIn::putRow(const std::vector<std::optional<QString>>& values)
{
    if (!m_open)
        throw Error(ErrorKind::Internal, QStringLiteral("COPY row sent after the stream ended"));
    bool first = true;
    for (const auto& value : values) {
        if (!first)
            m_buffer.append('\t');
        first = false;
        if (value)
            appendEscaped(m_buffer, *value);
        else
            m_buffer.append("\\N");
    }
    m_buffer.append('\n');
    if (m_buffer.size() >= kFlushThreshold)
        flush();
}

void CopyIn::flush()
{
    if (m_buffer.isEmpty())
        return;
    // A blocking connection: PQputCopyData waits until libpq has room, so 1 or -1 only.
    if (PQputCopyData(m_db.native(), m_buffer.constData(), static_cast<int>(m_buffer.size())) != 1)
        fail(connectionMessage(m_db.native()));
    m_buffer.resize(0);
}

qint64 CopyIn::finish()
{
    if (!m_open)
        throw Error(ErrorKind::Internal, QStringLiteral("COPY finished twice"));
    flush();
    PGconn* conn = m_db.native();
    m_open = false;
    if (PQputCopyEnd(conn, nullptr) != 1)
        fail(connectionMessage(conn));
    qint64 rows = 0;
    QString failure;
    // The COPY's own result, then the end of the command; collect all so the connection is idle.
    while (PGresult* raw = PQgetResult(conn)) {
        const Result r(raw);
        if (PQresultStatus(r.get()) == PGRES_COMMAND_OK)
            rows += QByteArray(PQcmdTuples(r.get())).toLongLong();
        else if (failure.isEmpty())
            failure = QString::fromUtf8(PQresultErrorMessage(r.get())).trimmed();
    }
    if (!failure.isEmpty())
        fail(failure);
    return rows;
}

void CopyIn::fail(const QString& what)
{
    throw Error(ErrorKind::Internal, QStringLiteral("%1: %2").arg(m_statement, what));
}

} // namespace steward
