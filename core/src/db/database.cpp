#include "db/database.h"

#include "db/conninfo.h"
#include "error.h"

#include <QAtomicInteger>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

#include <libpq-fe.h>

#include <memory>
#include <pwd.h>
#include <unistd.h>

namespace steward {
namespace {

QAtomicInteger<quint64> g_connectionCounter;

struct ParsedConninfo {
    QString keyValues; // normalised key='value' form that QPSQL passes on to PQconnectdb
    QString description;
};

// Normalises a conninfo string or URI with libpq's own parser, so URIs work through QPSQL (which
// only takes key=value options) and errors name the offending part.
ParsedConninfo parseConninfo(const QString& conninfo)
{
    ParsedConninfo parsed;
    QString user, host, port, dbname;
    bool hasApplicationName = false;
    for (const auto& [key, value] : parseConninfoOptions(conninfo)) {
        if (value.contains(QLatin1Char(';')))
            throw Error(ErrorKind::Validation,
                        QStringLiteral("database connection option '%1' contains ';', which the Qt "
                                       "PostgreSQL driver cannot pass on; use a service file or "
                                       "PG* environment variable for it")
                            .arg(key));
        parsed.keyValues += key + QLatin1Char('=') + quoteConninfoValue(value) + QLatin1Char(' ');
        if (key == QLatin1String("user"))
            user = value;
        else if (key == QLatin1String("host"))
            host = value;
        else if (key == QLatin1String("port"))
            port = value;
        else if (key == QLatin1String("dbname"))
            dbname = value;
        else if (key == QLatin1String("application_name"))
            hasApplicationName = true;
    }
    if (!hasApplicationName)
        parsed.keyValues += QStringLiteral("application_name='steward'");
    const auto env = [](const char* name) {
        return qEnvironmentVariable(name);
    };
    if (user.isEmpty())
        user = env("PGUSER");
    if (host.isEmpty())
        host = env("PGHOST");
    if (port.isEmpty())
        port = env("PGPORT");
    if (dbname.isEmpty())
        dbname = env("PGDATABASE");
    parsed.description = QStringLiteral("%1@%2:%3/%4")
                             .arg(user.isEmpty() ? QStringLiteral("(default user)") : user,
                                  host.isEmpty() ? QStringLiteral("(default host)") : host,
                                  port.isEmpty() ? QStringLiteral("5432") : port,
                                  dbname.isEmpty() ? QStringLiteral("(default database)") : dbname);
    return parsed;
}

// Friendly sentences for the constraints people run into; anything else reports the server text.
QString explainConstraint(const QString& serverText)
{
    static const std::pair<const char*, const char*> known[] = {
        {"person_email_key", "a person with this e-mail address already exists"},
        {"person_external_id_key", "a person with this external id already exists"},
        {"project_key_key", "a project with this key already exists"},
        {"org_unit_name_key", "an org unit with this name already exists"},
        {"raci_one_accountable",
         "this responsibility already has an Accountable person on the project"},
        {"raci_entry_project_id_responsibility_key_person_id_kind_key",
         "this person already has that RACI letter for the responsibility"},
        {"assignment_no_overlap",
         "the person already holds this role on the project for an overlapping period"},
        {"assignment_allocation_percent_check", "allocation must be between 1 and 100 percent"},
        {"assignment_to_date_check", "the end date is before the start date"},
    };
    for (const auto& [constraint, sentence] : known) {
        if (serverText.contains(QLatin1String(constraint)))
            return QString::fromUtf8(sentence);
    }
    return serverText;
}

// The server's text as a person reads it: without the "ERROR:" severity prefix, the PL/pgSQL
// CONTEXT lines (which name our functions, not the user's mistake) and the SQLSTATE that Qt
// appends in parentheses. DETAIL and HINT lines stay.
QString serverSentence(const QString& text)
{
    static const QRegularExpression severity(QStringLiteral("^(ERROR|FATAL):\\s+"));
    static const QRegularExpression sqlState(QStringLiteral("^\\([0-9A-Z]{5}\\)$"));
    QStringList kept;
    bool context = false;
    for (QString line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("CONTEXT:")))
            context = true;
        else if (line.startsWith(QLatin1String("DETAIL:")) ||
                 line.startsWith(QLatin1String("HINT:")))
            context = false;
        if (context || sqlState.match(line.trimmed()).hasMatch())
            continue;
        kept << line.remove(severity).trimmed();
    }
    kept.removeAll(QString());
    return kept.join(QLatin1Char('\n'));
}

QString operatingSystemUser()
{
    if (const passwd* pw = getpwuid(geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return QStringLiteral("uid %1").arg(geteuid());
}

} // namespace

[[noreturn]] void throwDatabaseError(const QSqlError& error, const QString& context)
{
    const QString state = error.nativeErrorCode();
    const QString text =
        serverSentence(error.databaseText().trimmed().isEmpty() ? error.text().trimmed()
                                                                : error.databaseText().trimmed());
    const QString message = context.isEmpty()
                                ? explainConstraint(text)
                                : QStringLiteral("%1: %2").arg(context, explainConstraint(text));
    if (state == QLatin1String("23505") || state == QLatin1String("23P01") ||
        state == QLatin1String("40001") || state == QLatin1String("40P01"))
        throw Error(ErrorKind::Conflict, message);
    if (state.startsWith(QLatin1String("23")) || state.startsWith(QLatin1String("22")))
        throw Error(ErrorKind::Validation, message);
    if (state == QLatin1String("P0002")) // no_data_found, raised by our own functions
        throw Error(ErrorKind::NotFound, message);
    if (state == QLatin1String("42710")) // duplicate_object: a role that already exists
        throw Error(ErrorKind::Conflict, message);
    if (state == QLatin1String("42501"))
        throw permissionError(message);
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")) ||
        error.type() == QSqlError::ConnectionError)
        throw Error(ErrorKind::Unavailable, message);
    // The server could not write the change: its disk is full (53100), or a file reached a size
    // limit, which PostgreSQL reports from the same place without a dedicated SQLSTATE.
    if (state.startsWith(QLatin1String("53")) ||
        text.contains(QLatin1String("could not extend file")) ||
        text.contains(QLatin1String("could not write to file")))
        throw Error(ErrorKind::Unavailable,
                    QStringLiteral("the database server could not store the change (its disk is "
                                   "full, or a file reached its size limit), so nothing of it was "
                                   "saved: %1")
                        .arg(message));
    throw Error(ErrorKind::Internal, message);
}

Database::Database(const QString& conninfo, const QString& actor)
    : m_connectionName(QStringLiteral("steward-%1").arg(++g_connectionCounter))
    , m_conninfo(conninfo)
{
    const ParsedConninfo parsed = parseConninfo(conninfo);
    m_description = parsed.description;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!m_db.isValid()) {
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw Error(ErrorKind::Unavailable,
                    QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed; install "
                                   "the Debian package libqt6sql6-psql"));
    }
    m_db.setConnectOptions(parsed.keyValues);
    if (!m_db.open()) {
        const QString reason = m_db.lastError().text().trimmed();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw Error(
            ErrorKind::Unavailable,
            QStringLiteral("cannot connect to the database %1: %2").arg(m_description, reason));
    }
    m_actor = actor.isEmpty() ? operatingSystemUser() : actor;
    prepareSession();
}

void Database::prepareSession()
{
    // Server notices ("relation already exists, skipping") are diagnostics, not output.
    PQsetNoticeProcessor(
        native(), [](void*, const char* message) { qDebug("PostgreSQL: %s", message); }, nullptr);
    exec(QStringLiteral("SELECT set_config('steward.actor', ?, false)"), {m_actor});
    exec(QStringLiteral("SET TIME ZONE 'UTC'"));
}

void Database::reconnectIfLost()
{
    // Never inside a transaction: what it did is gone with the connection, and whether to do it
    // again is the user's decision, not something to replay behind their back.
    if (m_transactionDepth > 0 || PQstatus(native()) != CONNECTION_BAD)
        return;
    // LISTEN ends with the session: the new one listens on the same channels (the windows'
    // change feeds keep their connections to the same driver).
    const QStringList channels = m_db.driver()->subscribedToNotifications();
    m_db.close();
    if (!m_db.open())
        throw Error(ErrorKind::Unavailable,
                    QStringLiteral("the connection to the database %1 was lost and could not be "
                                   "opened again: %2")
                        .arg(m_description, m_db.lastError().text().trimmed()));
    prepareSession();
    for (const QString& channel : channels)
        m_db.driver()->subscribeToNotification(channel);
}

void Database::fail(const QSqlError& error)
{
    // A connection the server ended (a restart, pg_terminate_backend, a network fault) does not
    // always come with an SQLSTATE; its state says so.
    if (PQstatus(native()) == CONNECTION_BAD)
        throw Error(ErrorKind::Unavailable,
                    QStringLiteral("the connection to the database %1 was lost (%2); the "
                                   "interrupted operation was not saved, and Steward connects "
                                   "again for the next one")
                        .arg(m_description, serverSentence(error.text().trimmed())));
    throwDatabaseError(error, {});
}

Database::~Database()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

PGconn* Database::native() const
{
    const QVariant handle = m_db.driver()->handle();
    // Qt 6 names the type after the struct behind libpq's typedef ("pg_conn*").
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        throw Error(ErrorKind::Internal,
                    QStringLiteral("the QPSQL driver did not expose its connection"));
    return *static_cast<PGconn* const*>(handle.constData());
}

QString Database::user() const
{
    return QString::fromUtf8(PQuser(native()));
}

QSqlQuery Database::exec(const QString& statement, const QVariantList& params)
{
    reconnectIfLost();
    QSqlQuery query(m_db);
    if (params.isEmpty()) {
        if (!query.exec(statement))
            fail(query.lastError());
        return query;
    }
    if (!query.prepare(statement))
        fail(query.lastError());
    for (const QVariant& p : params) {
        // QPSQL sends a null QString as SQL NULL; an empty text is not "no value" in our schema.
        // Deliberate NULLs are null variants (see nullable()).
        if (!p.isNull() && p.metaType().id() == QMetaType::QString && p.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(p);
    }
    if (!query.exec())
        fail(query.lastError());
    return query;
}

void Database::execScript(const QString& script, const QString& origin)
{
    PGresult* result = PQexec(native(), script.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        PQclear(result);
        return;
    }
    QString message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    if (const char* line = PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION)) {
        const int position = QByteArray(line).toInt();
        const int lineNo = script.left(position).count(QLatin1Char('\n')) + 1;
        message = QStringLiteral("%1:%2: %3").arg(origin).arg(lineNo).arg(message);
    } else {
        message = QStringLiteral("%1: %2").arg(origin, message);
    }
    PQclear(result);
    throw Error(ErrorKind::Internal, message);
}

Transaction::Transaction(Database& db)
    : m_db(db)
{
    if (m_db.m_transactionDepth == 0) {
        m_db.reconnectIfLost();
        if (!m_db.sql().transaction())
            m_db.fail(m_db.sql().lastError());
    } else {
        m_savepoint = QStringLiteral("steward_sp_%1").arg(m_db.m_transactionDepth);
        m_db.exec(QStringLiteral("SAVEPOINT ") + m_savepoint);
    }
    ++m_db.m_transactionDepth;
    m_open = true;
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    --m_db.m_transactionDepth;
    if (m_savepoint.isEmpty()) {
        m_db.sql().rollback();
        return;
    }
    try {
        m_db.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_savepoint);
    } catch (const Error&) {
        // The enclosing transaction is failing as a whole; it rolls back everything.
    }
}

void Transaction::commit()
{
    if (!m_open)
        throw Error(ErrorKind::Internal, QStringLiteral("transaction committed twice"));
    m_open = false;
    --m_db.m_transactionDepth;
    if (!m_savepoint.isEmpty()) {
        m_db.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
        return;
    }
    if (!m_db.sql().commit())
        m_db.fail(m_db.sql().lastError());
}

} // namespace steward
