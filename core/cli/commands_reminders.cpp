// steward reminders: what is due or overdue, per person and per project, as text, JSON or an
// iCalendar file to subscribe to.
#include "command.h"
#include "db/session.h"
#include "error.h"
#include "io/icalendar.h"
#include "mail_delivery.h"
#include "services/reminder_service.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <set>

namespace steward {
namespace {

QJsonObject toJson(const Reminder& r, const QString& uid, QDate asOf)
{
    return {{QStringLiteral("kind"), r.kind},
            {QStringLiteral("id"), r.id},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("due"), r.due.toString(Qt::ISODate)},
            {QStringLiteral("overdue"), r.overdueOn(asOf)},
            {QStringLiteral("person"), r.personEmail},
            {QStringLiteral("person_name"), r.personName},
            {QStringLiteral("project"), r.projectKey},
            {QStringLiteral("project_name"), r.projectName},
            {QStringLiteral("summary"), r.summary},
            {QStringLiteral("detail"), r.detail},
            {QStringLiteral("uid"), uid}};
}

void printText(QTextStream& out, const std::vector<Reminder>& reminders, QDate asOf)
{
    QString person;
    for (const Reminder& r : reminders) {
        if (r.personEmail != person) {
            person = r.personEmail;
            out << (&r == &reminders.front() ? "" : "\n") << r.personName << " <" << person
                << ">\n";
        }
        out << "  " << r.due.toString(Qt::ISODate)
            << (r.overdueOn(asOf) ? "  OVERDUE  " : "           ")
            << (r.projectKey.isEmpty() ? QStringLiteral("-") : r.projectKey) << "  " << r.summary
            << '\n';
    }
}

} // namespace

void registerReminderCommands(CommandLine& cli)
{
    cli.add({{QStringLiteral("reminders")},
             QStringLiteral("List what is due or overdue: findings, audits, assignments ending, "
                            "qualifications lapsing"),
             QStringLiteral(
                 "Open findings and unfinished audits due within --days (overdue ones always), "
                 "assignments ending within --days, and qualifications that lapse within --days "
                 "(lapsed ones always) and were not renewed, of people who hold a role; per "
                 "person (the finding's owner, the audit's lead, the holder) and project. --ics "
                 "writes them as an iCalendar file (RFC 5545) "
                 "with one all-day event each; its event ids stay the same from one export to the "
                 "next, so a calendar subscribed to the file updates its events instead of adding "
                 "them again. --mail sends each person their own digest (with their events as an "
                 "attached .ics file) through the SMTP server of `steward mail configure`; it "
                 "prints a line per recipient and exits with 1 when any message failed."),
             {option(QStringLiteral("days"), QStringLiteral("How many days ahead (default 30)."),
                     QStringLiteral("n")),
              option(QStringLiteral("person"), QStringLiteral("Only this person's reminders."),
                     QStringLiteral("email")),
              option(QStringLiteral("as-of"),
                     QStringLiteral("The day to list them for, YYYY-MM-DD (default today)."),
                     QStringLiteral("date")),
              option(QStringLiteral("ics"),
                     QStringLiteral("Write the reminders to FILE as an iCalendar file."),
                     QStringLiteral("FILE")),
              option(QStringLiteral("mail"),
                     QStringLiteral("E-mail each person their own digest.")),
              option(QStringLiteral("dry-run"),
                     QStringLiteral("With --mail: print the digests instead of sending them."))},
             {},
             true,
             [](Invocation& inv) {
                 if (inv.isSet(QStringLiteral("dry-run")) && !inv.isSet(QStringLiteral("mail")))
                     throw UsageError(QStringLiteral("--dry-run: only with --mail"));
                 if (inv.isSet(QStringLiteral("mail")) && inv.isSet(QStringLiteral("ics")))
                     throw UsageError(QStringLiteral("--mail and --ics: choose one"));
                 ReminderFilter filter;
                 filter.asOf =
                     inv.dateOption(QStringLiteral("as-of")).value_or(QDate::currentDate());
                 filter.days = inv.intOption(QStringLiteral("days"), 30);
                 filter.personEmail = inv.value(QStringLiteral("person")).trimmed();
                 ReminderService service(inv.session().db());
                 const std::vector<Reminder> reminders = service.due(filter);
                 const QString organisation = service.organisationId();
                 if (inv.isSet(QStringLiteral("mail"))) {
                     return mailReminderDigests(inv, reminders, filter, organisation);
                 }

                 if (inv.isSet(QStringLiteral("ics"))) {
                     const QString path = inv.value(QStringLiteral("ics"));
                     const QByteArray calendar = writeICalendar(
                         reminders, organisation, QDateTime::currentDateTimeUtc(),
                         filter.personEmail.isEmpty()
                             ? QStringLiteral("Steward reminders")
                             : QStringLiteral("Steward reminders for %1").arg(filter.personEmail));
                     QSaveFile file(path);
                     if (!file.open(QIODevice::WriteOnly) ||
                         file.write(calendar) != calendar.size() || !file.commit())
                         throw validationError(
                             QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
                     if (!inv.json()) {
                         inv.out()
                             << "Wrote " << reminders.size() << " reminder(s) to " << path << ".\n";
                         return exit_code::Success;
                     }
                 }
                 if (inv.json()) {
                     QJsonArray list;
                     for (const Reminder& r : reminders)
                         list.append(toJson(r, reminderUid(r, organisation), filter.asOf));
                     inv.printJson(list);
                     return exit_code::Success;
                 }
                 printText(inv.out(), reminders, filter.asOf);
                 std::set<QString> people, projects;
                 int overdue = 0;
                 for (const Reminder& r : reminders) {
                     people.insert(r.personEmail);
                     if (!r.projectKey.isEmpty())
                         projects.insert(r.projectKey);
                     overdue += r.overdueOn(filter.asOf) ? 1 : 0;
                 }
                 inv.out() << (reminders.empty() ? "" : "\n") << reminders.size()
                           << " reminder(s) for " << people.size() << " person(s) on "
                           << projects.size() << " project(s) as of "
                           << filter.asOf.toString(Qt::ISODate) << ", " << filter.days
                           << " day(s) ahead: " << overdue << " overdue.\n";
                 return exit_code::Success;
             }});
}

} // namespace steward
