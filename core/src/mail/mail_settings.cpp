#include "mail/mail_settings.h"

#include "db/database.h"
#include "error.h"
#include "services/row_version.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QUrl>

namespace steward {
namespace {

MailSettings read(QSqlQuery& q)
{
    MailSettings s;
    s.smtpUrl = q.value(0).toString();
    s.fromAddress = q.value(1).toString();
    s.fromName = q.value(2).toString();
    s.username = q.value(3).toString();
    s.starttlsRequired = q.value(4).toString() == QLatin1String("required");
    s.version = q.value(5).toInt();
    s.updatedAt = q.value(6).toDateTime();
    return s;
}

const QString kColumns =
    QStringLiteral("smtp_url, from_address, from_name, username, starttls, version, updated_at");

} // namespace

QString mailSettingsProblem(const MailSettings& s)
{
    // The same rules as the table's CHECKs, said in words a person can act on.
    static const QRegularExpression url(QStringLiteral("^smtps?://[^/@:\\s]+(:[0-9]{1,5})?/?$"));
    static const QRegularExpression address(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+$"));
    if (s.smtpUrl.contains(u'@'))
        return QStringLiteral("--smtp: '%1' carries credentials; give the user with --user and "
                              "the password in STEWARD_SMTP_PASSWORD or ~/.netrc, never in the "
                              "database")
            .arg(s.smtpUrl);
    if (!url.match(s.smtpUrl).hasMatch())
        return QStringLiteral("--smtp: '%1' is not smtp://HOST[:PORT] or smtps://HOST[:PORT]")
            .arg(s.smtpUrl);
    const int port = QUrl(s.smtpUrl).port();
    if (port == 0 || port > 65535)
        return QStringLiteral("--smtp: port %1 is out of range").arg(port);
    if (!address.match(s.fromAddress).hasMatch())
        return QStringLiteral("--from: '%1' is not an e-mail address").arg(s.fromAddress);
    if (s.fromName.contains(u'\n') || s.fromName.contains(u'\r'))
        return QStringLiteral("--from-name: a line break is not allowed in a header");
    if (s.username.contains(u'\n') || s.username.contains(u'\r'))
        return QStringLiteral("--user: a line break is not allowed");
    return {};
}

MailSettingsService::MailSettingsService(Database& db)
    : m_db(db)
{
}

std::optional<MailSettings> MailSettingsService::current()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT %1 FROM mail_settings").arg(kColumns));
    if (!q.next())
        return std::nullopt;
    return read(q);
}

MailSettings MailSettingsService::configure(const MailSettings& settings,
                                            std::optional<int> expectedVersion)
{
    if (const QString problem = mailSettingsProblem(settings); !problem.isEmpty())
        throw validationError(problem);
    Transaction tx(m_db);
    requireVersion(m_db, QStringLiteral("mail_settings"), QStringLiteral("singleton"), true,
                   expectedVersion, QStringLiteral("the mail settings"));
    QSqlQuery q = m_db.exec(
        QStringLiteral("INSERT INTO mail_settings (smtp_url, from_address, from_name, username, "
                       "starttls) VALUES (?, ?, ?, ?, ?) ON CONFLICT (singleton) DO UPDATE SET "
                       "smtp_url = EXCLUDED.smtp_url, from_address = EXCLUDED.from_address, "
                       "from_name = EXCLUDED.from_name, username = EXCLUDED.username, "
                       "starttls = EXCLUDED.starttls RETURNING %1")
            .arg(kColumns),
        {settings.smtpUrl, settings.fromAddress, settings.fromName, settings.username,
         settings.starttlsRequired ? QStringLiteral("required") : QStringLiteral("optional")});
    q.next();
    MailSettings stored = read(q);
    tx.commit();
    return stored;
}

} // namespace steward
