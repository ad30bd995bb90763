#include "services/user_service.h"

#include "db/database.h"
#include "error.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include <libpq-fe.h>

#include <memory>

namespace steward {
namespace {

const QString kSelect = QStringLiteral(
    "SELECT u.login, p.email, p.name, u.access, u.disabled_at, u.version FROM steward_user u "
    "JOIN person p ON p.id = u.person_id ");

StewardUser readUser(const QSqlQuery& q)
{
    StewardUser u;
    u.login = q.value(0).toString();
    u.email = q.value(1).toString();
    u.name = q.value(2).toString();
    u.access = q.value(3).toString();
    if (!q.value(4).isNull())
        u.disabledAt = q.value(4).toDateTime();
    u.version = q.value(5).toInt();
    return u;
}

struct FreeMemory {
    void operator()(char* p) const { PQfreemem(p); }
};

} // namespace

UserService::UserService(Database& db)
    : m_db(db)
{
}

QString UserService::suggestedLogin(const QString& email)
{
    QString login = email.section(QLatin1Char('@'), 0, 0).trimmed().toLower();
    static const QRegularExpression notAllowed(QStringLiteral("[^a-z0-9_.-]"));
    login.replace(notAllowed, QStringLiteral("_"));
    if (login.isEmpty() || !(login.front().isLetter() || login.front() == QLatin1Char('_')))
        login.prepend(QLatin1Char('_'));
    return login.left(63);
}

StewardUser UserService::add(const QString& email, const QString& access, const QString& login,
                             const std::optional<QString>& password)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z_][a-z0-9_.-]{0,62}$"));
    if (!loginPattern.match(login).hasMatch())
        throw validationError(
            QStringLiteral("login: '%1' is not a login; use lower-case letters, digits, '_', '.' "
                           "and '-', starting with a letter or '_', at most 63 characters")
                .arg(login));
    QVariant verifier = QVariant(QMetaType(QMetaType::QString));
    if (password) {
        if (password->isEmpty())
            throw validationError(QStringLiteral("password: is empty"));
        // The server never sees the password itself, nor does its statement log.
        const std::unique_ptr<char, FreeMemory> encrypted(
            PQencryptPasswordConn(m_db.native(), password->toUtf8().constData(),
                                  login.toUtf8().constData(), "scram-sha-256"));
        if (!encrypted)
            throw Error(ErrorKind::Internal,
                        QStringLiteral("cannot encrypt the password: %1")
                            .arg(QString::fromUtf8(PQerrorMessage(m_db.native())).trimmed()));
        verifier = QString::fromUtf8(encrypted.get());
    }
    m_db.exec(QStringLiteral("SELECT steward_user_add(?, ?, ?, ?)"),
              {login, email.trimmed(), access, verifier});
    return get(login);
}

StewardUser UserService::link(const QString& email, const QString& access, const QString& login)
{
    m_db.exec(QStringLiteral("SELECT steward_user_link(?, ?, ?)"),
              {login.trimmed(), email.trimmed(), access});
    return get(login.trimmed());
}

StewardUser UserService::setAccess(const QString& user, const QString& access,
                                   std::optional<int> expectedVersion)
{
    const StewardUser current = get(user);
    Transaction tx(m_db);
    expectVersion(current.login, expectedVersion);
    m_db.exec(QStringLiteral("SELECT steward_user_set_access(?, ?)"), {current.login, access});
    tx.commit();
    return get(current.login);
}

StewardUser UserService::disable(const QString& user, std::optional<int> expectedVersion)
{
    const StewardUser current = get(user);
    Transaction tx(m_db);
    expectVersion(current.login, expectedVersion);
    m_db.exec(QStringLiteral("SELECT steward_user_disable(?)"), {current.login});
    tx.commit();
    return get(current.login);
}

void UserService::expectVersion(const QString& login, std::optional<int> expectedVersion)
{
    // Administrators may not lock steward_user rows themselves (sql/0012 does it for them).
    if (expectedVersion)
        m_db.exec(QStringLiteral("SELECT steward_user_expect_version(?, ?)"),
                  {login, *expectedVersion});
}

std::vector<StewardUser> UserService::list()
{
    std::vector<StewardUser> users;
    QSqlQuery q = m_db.exec(kSelect + QStringLiteral("ORDER BY u.login"));
    while (q.next())
        users.push_back(readUser(q));
    return users;
}

StewardUser UserService::get(const QString& user)
{
    QSqlQuery q =
        m_db.exec(kSelect + QStringLiteral("WHERE u.login = ? OR lower(p.email) = lower(?)"),
                  {user.trimmed(), user.trimmed()});
    if (!q.next())
        throw notFoundError(
            QStringLiteral("user: no Steward user has the login or e-mail %1").arg(user.trimmed()));
    return readUser(q);
}

} // namespace steward
