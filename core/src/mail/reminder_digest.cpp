#include "mail/reminder_digest.h"

#include <QTextStream>

namespace steward {
namespace {

QString subjectFor(int items, int overdue)
{
    QString s = QStringLiteral("Steward: %1 %2 due")
                    .arg(items)
                    .arg(items == 1 ? QStringLiteral("item") : QStringLiteral("items"));
    if (overdue > 0)
        s += QStringLiteral(", %1 overdue").arg(overdue);
    return s;
}

QString bodyFor(const ReminderDigest& d, QDate asOf, int days)
{
    QString text;
    QTextStream out(&text);
    out << "Hello " << d.personName << ",\n\n"
        << "this is what is due for you in Steward as of " << asOf.toString(Qt::ISODate)
        << " (overdue items and the next " << days << " day(s)):\n\n";
    for (const Reminder& r : d.reminders) {
        out << "- " << r.due.toString(Qt::ISODate) << (r.overdueOn(asOf) ? " OVERDUE " : " ")
            << r.projectKey << ": " << r.summary << '\n';
        // The detail may span lines; indent them under the item.
        for (const QString& line : r.detail.split(u'\n', Qt::SkipEmptyParts))
            out << "    " << line << '\n';
    }
    out << "\nThe attached calendar file holds the same items as all-day events.\n"
        << "Sent by `steward reminders --mail`.\n";
    return text;
}

} // namespace

std::vector<ReminderDigest> reminderDigests(const std::vector<Reminder>& reminders, QDate asOf,
                                            int days)
{
    std::vector<ReminderDigest> digests;
    for (const Reminder& r : reminders) {
        // The service lists by person; compare case-insensitively as it does for --person.
        if (digests.empty() ||
            digests.back().personEmail.compare(r.personEmail, Qt::CaseInsensitive) != 0)
            digests.push_back({r.personEmail, r.personName, {}, 0, {}, {}});
        ReminderDigest& d = digests.back();
        d.reminders.push_back(r);
        d.overdue += r.overdueOn(asOf) ? 1 : 0;
    }
    for (ReminderDigest& d : digests) {
        d.subject = subjectFor(static_cast<int>(d.reminders.size()), d.overdue);
        d.body = bodyFor(d, asOf, days);
    }
    return digests;
}

} // namespace steward
