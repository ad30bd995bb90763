// steward mail: the organisation's SMTP server (stored once for everybody, without the password)
// and sending through it.
#include "command.h"
#include "db/session.h"
#include "error.h"
#include "io/icalendar.h"
#include "mail/mail_settings.h"
#include "mail/reminder_digest.h"
#include "mail/smtp_mailer.h"
#include "mail_delivery.h"

#include <QJsonArray>
#include <QJsonObject>

namespace steward {
namespace {

const QString kPasswordVariable = QStringLiteral("STEWARD_SMTP_PASSWORD");

MailSettings configured(Invocation& inv)
{
    std::optional<MailSettings> settings = MailSettingsService(inv.session().db()).current();
    if (!settings)
        throw validationError(QStringLiteral(
            "mail is not configured for this organisation; an administrator sets the SMTP server "
            "with `steward mail configure --smtp smtp://HOST:PORT --from ADDRESS`"));
    return *settings;
}

SmtpMailer mailerFor(const MailSettings& settings)
{
    return SmtpMailer(settings, qEnvironmentVariable(kPasswordVariable.toLatin1().constData()));
}

QJsonObject toJson(const MailSettings& s)
{
    return {{QStringLiteral("smtp_url"), s.smtpUrl},
            {QStringLiteral("from_address"), s.fromAddress},
            {QStringLiteral("from_name"), s.fromName},
            {QStringLiteral("username"), s.username},
            {QStringLiteral("starttls"),
             s.starttlsRequired ? QStringLiteral("required") : QStringLiteral("optional")},
            {QStringLiteral("version"), s.version},
            {QStringLiteral("updated_at"), s.updatedAt.toUTC().toString(Qt::ISODate)}};
}

void printSettings(QTextStream& out, const MailSettings& s)
{
    out << "SMTP server:  " << s.smtpUrl << '\n'
        << "From:         " << QString::fromUtf8(mailbox(s.fromName, s.fromAddress)) << '\n'
        << "User:         " << (s.username.isEmpty() ? QStringLiteral("(none)") : s.username)
        << '\n'
        << "STARTTLS:     " << (s.starttlsRequired ? "required" : "optional") << '\n'
        << "Version:      " << s.version << '\n'
        << "Password:     not stored; from " << kPasswordVariable << " or ~/.netrc when sending\n";
}

} // namespace

int mailReminderDigests(Invocation& inv, const std::vector<Reminder>& reminders,
                        const ReminderFilter& filter, const QString& organisation)
{
    const MailSettings settings = configured(inv);
    const std::vector<ReminderDigest> digests =
        reminderDigests(reminders, filter.asOf, filter.days);
    const bool dryRun = inv.isSet(QStringLiteral("dry-run"));
    std::optional<SmtpMailer> mailer;
    if (!dryRun)
        mailer.emplace(settings, qEnvironmentVariable(kPasswordVariable.toLatin1().constData()));
    int failed = 0;
    QJsonArray results;
    for (const ReminderDigest& d : digests) {
        MailMessage message{d.personEmail, d.personName, d.subject, d.body, {}};
        message.attachments.push_back(
            {QStringLiteral("steward-reminders.ics"),
             QStringLiteral("text/calendar; charset=UTF-8; method=PUBLISH"),
             writeICalendar(d.reminders, organisation, QDateTime::currentDateTimeUtc(),
                            QStringLiteral("Steward reminders for %1").arg(d.personEmail))});
        QString status = dryRun ? QStringLiteral("would send") : QStringLiteral("sent");
        QString error;
        if (!dryRun) {
            try {
                mailer->send(message);
            } catch (const MailError& e) {
                status = QStringLiteral("failed");
                error = e.message();
                ++failed;
            }
        }
        if (inv.json()) {
            results.append(
                QJsonObject{{QStringLiteral("to"), d.personEmail},
                            {QStringLiteral("subject"), d.subject},
                            {QStringLiteral("items"), static_cast<qint64>(d.reminders.size())},
                            {QStringLiteral("overdue"), d.overdue},
                            {QStringLiteral("status"), status},
                            {QStringLiteral("error"), error}});
            continue;
        }
        inv.out() << status << "  " << d.personEmail << "  " << d.subject << '\n';
        if (dryRun)
            inv.out() << '\n' << d.body << '\n';
        if (!error.isEmpty())
            inv.err() << "steward: " << error << '\n';
    }
    if (inv.json()) {
        inv.printJson(results);
    } else {
        inv.out() << digests.size() << " digest(s) as of " << filter.asOf.toString(Qt::ISODate);
        if (dryRun)
            inv.out() << " would go through " << settings.smtpUrl << " (dry run: none sent).\n";
        else
            inv.out() << " through " << settings.smtpUrl << ": "
                      << static_cast<int>(digests.size()) - failed << " sent, " << failed
                      << " failed.\n";
    }
    return failed == 0 ? exit_code::Success : exit_code::Refused;
}

void registerMailCommands(CommandLine& cli)
{
    cli.add({{QStringLiteral("mail"), QStringLiteral("configure")},
             QStringLiteral("Set the organisation's SMTP server for reminder digests"),
             QStringLiteral(
                 "Stored in the database, so every member's `steward` sends through the same "
                 "server; administrators only. The password is never stored: whoever sends gives "
                 "it in STEWARD_SMTP_PASSWORD, or curl reads it from ~/.netrc. smtp:// upgrades "
                 "with STARTTLS (--starttls required refuses a server that does not offer it); "
                 "smtps:// uses TLS from the start."),
             {option(QStringLiteral("smtp"),
                     QStringLiteral("The server: smtp://HOST[:PORT] or smtps://HOST[:PORT]."),
                     QStringLiteral("url")),
              option(QStringLiteral("from"), QStringLiteral("The sender's address."),
                     QStringLiteral("address")),
              option(QStringLiteral("from-name"), QStringLiteral("The sender's display name."),
                     QStringLiteral("name")),
              option(QStringLiteral("user"), QStringLiteral("The SMTP login, if it needs one."),
                     QStringLiteral("user")),
              option(QStringLiteral("starttls"),
                     QStringLiteral("required (default) or optional, for smtp:// URLs."),
                     QStringLiteral("mode")),
              expectVersionOption(QStringLiteral("the mail settings"))},
             {},
             true,
             [](Invocation& inv) {
                 MailSettings s;
                 s.smtpUrl = inv.required(QStringLiteral("smtp")).trimmed();
                 s.fromAddress = inv.required(QStringLiteral("from")).trimmed();
                 s.fromName = inv.value(QStringLiteral("from-name")).trimmed();
                 s.username = inv.value(QStringLiteral("user"));
                 const QString starttls = inv.isSet(QStringLiteral("starttls"))
                                              ? inv.value(QStringLiteral("starttls"))
                                              : QStringLiteral("required");
                 if (starttls != QLatin1String("required") && starttls != QLatin1String("optional"))
                     throw UsageError(
                         QStringLiteral("--starttls: '%1' is neither required nor optional")
                             .arg(starttls));
                 s.starttlsRequired = starttls == QLatin1String("required");
                 if (const QString problem = mailSettingsProblem(s); !problem.isEmpty())
                     throw UsageError(problem);
                 const MailSettings stored =
                     MailSettingsService(inv.session().db()).configure(s, inv.expectedVersion());
                 if (inv.json())
                     inv.printJson(toJson(stored));
                 else
                     inv.out() << "Mail settings stored (version " << stored.version << ").\n";
                 return exit_code::Success;
             }});

    cli.add({{QStringLiteral("mail"), QStringLiteral("show")},
             QStringLiteral("Show the organisation's SMTP settings"),
             {},
             {},
             {},
             true,
             [](Invocation& inv) {
                 const MailSettings s = configured(inv);
                 if (inv.json())
                     inv.printJson(toJson(s));
                 else
                     printSettings(inv.out(), s);
                 return exit_code::Success;
             }});

    cli.add({{QStringLiteral("mail"), QStringLiteral("test")},
             QStringLiteral("Send one test message through the configured SMTP server"),
             {},
             {option(QStringLiteral("to"), QStringLiteral("Who receives the test message."),
                     QStringLiteral("address"))},
             {},
             false,
             [](Invocation& inv) {
                 const QString to = inv.required(QStringLiteral("to")).trimmed();
                 const MailSettings s = configured(inv);
                 SmtpMailer mailer = mailerFor(s);
                 try {
                     mailer.send({to,
                                  {},
                                  QStringLiteral("Steward: test message"),
                                  QStringLiteral("This message from `steward mail test` shows "
                                                 "that Steward can send through %1.\n")
                                      .arg(s.smtpUrl),
                                  {}});
                 } catch (const MailError& e) {
                     throw validationError(e.message());
                 }
                 inv.out() << "Sent a test message to " << to << " through " << s.smtpUrl << ".\n";
                 return exit_code::Success;
             }});
}

} // namespace steward
