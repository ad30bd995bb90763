// Reminders: what is due or overdue for whom, on which project. Governance work is deadlines:
// findings to remediate, audits to finish, assignments that end. `steward reminders` lists them,
// writes them as an iCalendar file people subscribe to, and the same list is what a digest holds.
#pragma once

#include <steward/export.h>

#include <QDate>
#include <QString>

#include <vector>

namespace steward {

class Database;

struct Reminder {
    QString kind;    // "finding", "audit", "assignment", "qualification"
    qint64 id = 0;   // of the finding, audit, assignment or qualification record
    int version = 0; // of that row: a changed row is a changed event (its SEQUENCE)
    QDate due;
    QString personEmail; // whose it is: the finding's owner, the audit's lead, the holder
    QString personName;
    QString projectKey; // empty for a qualification: it is the person's, on every project
    QString projectName;
    QString summary; // one line: "Finding 12 (high) of audit 3 due"
    QString detail;  // what to do, for the description of the event

    bool overdueOn(QDate day) const { return due < day; }
};

struct ReminderFilter {
    QDate asOf;          // the day the list is for (today by default)
    int days = 30;       // how far ahead; overdue items are always listed
    QString personEmail; // only this person's, when given
};

class STEWARD_CORE_API ReminderService {
public:
    explicit ReminderService(Database& db);

    // Open findings and unfinished audits due by asOf + days (overdue ones included),
    // assignments ending between asOf and asOf + days, and qualifications lapsing by asOf + days
    // (lapsed ones included) that their holder has not renewed, while they hold a role; by
    // person, then due date. What a login may not read (row-level security) is not listed.
    std::vector<Reminder> due(const ReminderFilter& filter);

    // A stable identity of this organisation's database (from the first entry of its history),
    // so that calendar event ids differ between organisations and stay the same between runs.
    QString organisationId();

private:
    Database& m_db;
};

} // namespace steward
