// Reminders against a real database: what is due or overdue for whom, as the service lists it and
// as the `steward reminders --ics` file a calendar subscribes to, parsed by an independent
// iCalendar reader (python3-icalendar) rather than by our own writer's idea of the format.
#include "audit_fixture.h"
#include "cli_run.h"
#include "io/icalendar.h"
#include "services/reminder_service.h"
#include "services/staffing_service.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace steward {
namespace {

class RemindersTest : public AuditTest {
protected:
    void SetUp() override
    {
        AuditTest::SetUp();
        AuditService audits(db());
        m_audit = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("nist-ai-rmf")); // due +30
        const std::vector<AuditItem> items = audits.items(m_audit.id);
        audits.assess(m_audit.id, items[0].itemId, QStringLiteral("not-satisfied"), {}, kLead);
        audits.assess(m_audit.id, items[1].itemId, QStringLiteral("not-satisfied"), {}, kLead);
        // Anna's finding is due in 5 days: overdue on the day the list is for (+10).
        m_dueFinding = audits.raiseFinding(
            m_audit.id, {items[0].itemId, QStringLiteral("high"),
                         QStringLiteral("Drift, bias; and \"data\" are unmonitored"),
                         QStringLiteral("Monitor them weekly"), kAnna, today().addDays(5)});
        // A resolved finding reminds nobody.
        const AuditFinding resolved = audits.raiseFinding(
            m_audit.id, {items[1].itemId, QStringLiteral("low"), QStringLiteral("d"),
                         QStringLiteral("r"), kAnna, today().addDays(6)});
        audits.updateFinding(resolved.id, QStringLiteral("resolved"), {}, kLead);
        // Zed's assignment ends in 12 days; Otto's in 200, beyond the window.
        StaffingService staffing(db());
        for (const auto& [email, days] : {std::pair{kZed, 12}, std::pair{kOwner, 200}}) {
            Assignment a;
            a.projectKey = QStringLiteral("AD-COPY");
            a.personEmail = email;
            a.roleKey = QStringLiteral("ai-engineer");
            a.from = today().addDays(-100);
            a.to = today().addDays(days);
            a.allocationPercent = 20;
            staffing.assign(a);
        }
    }

    ReminderFilter onDay10() const
    {
        ReminderFilter f;
        f.asOf = today().addDays(10);
        f.days = 30;
        return f;
    }

    CliRun cli(QStringList args)
    {
        args.prepend(QStringLiteral("--database=") + conninfo());
        return runSteward(QStringLiteral(STEWARD_CLI_PATH), args);
    }

    Audit m_audit;
    AuditFinding m_dueFinding;
};

TEST_F(RemindersTest, ListsWhatIsDueOrOverdueByPersonAndDay)
{
    ReminderService service(db());
    const std::vector<Reminder> list = service.due(onDay10());
    ASSERT_EQ(list.size(), 3u);
    // By person (e-mail), then by day.
    EXPECT_EQ(list[0].personEmail, kAnna);
    EXPECT_EQ(list[0].kind, QStringLiteral("finding"));
    EXPECT_EQ(list[0].id, m_dueFinding.id);
    EXPECT_EQ(list[0].projectKey, QStringLiteral("LOAN-RISK"));
    EXPECT_TRUE(list[0].overdueOn(onDay10().asOf));
    EXPECT_TRUE(list[0].detail.contains(QStringLiteral("Monitor them weekly")));
    EXPECT_EQ(list[1].personEmail, kLead);
    EXPECT_EQ(list[1].kind, QStringLiteral("audit"));
    EXPECT_EQ(list[1].due, today().addDays(30));
    EXPECT_FALSE(list[1].overdueOn(onDay10().asOf));
    EXPECT_EQ(list[2].personEmail, kZed);
    EXPECT_EQ(list[2].kind, QStringLiteral("assignment"));
    EXPECT_EQ(list[2].due, today().addDays(12));
    EXPECT_EQ(list[2].projectKey, QStringLiteral("AD-COPY"));

    // A shorter window leaves the audit out but keeps what is overdue.
    ReminderFilter soon = onDay10();
    soon.days = 5;
    const std::vector<Reminder> fewer = service.due(soon);
    ASSERT_EQ(fewer.size(), 2u);
    EXPECT_EQ(fewer[0].kind, QStringLiteral("finding"));
    EXPECT_EQ(fewer[1].kind, QStringLiteral("assignment"));

    // One person's, whatever the case of the address.
    ReminderFilter zed = onDay10();
    zed.personEmail = kZed.toUpper();
    const std::vector<Reminder> his = service.due(zed);
    ASSERT_EQ(his.size(), 1u);
    EXPECT_EQ(his[0].personEmail, kZed);

    // An ended assignment and a closed audit remind nobody.
    ReminderFilter later = onDay10();
    later.asOf = today().addDays(13);
    for (const Reminder& r : service.due(later))
        EXPECT_NE(r.kind, QStringLiteral("assignment"));

    ReminderFilter negative = onDay10();
    negative.days = -1;
    EXPECT_THROW(service.due(negative), Error);
}

TEST_F(RemindersTest, TheCommandPrintsTextAndJson)
{
    const QString asOf = QStringLiteral("--as-of=") + today().addDays(10).toString(Qt::ISODate);
    const CliRun text = cli({QStringLiteral("reminders"), asOf});
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Anna Able <anna@example.org>")))
        << text.out.toStdString();
    EXPECT_TRUE(
        text.out.contains(QStringLiteral("OVERDUE  LOAN-RISK  Finding %1 (high) of audit %2 due")
                              .arg(m_dueFinding.id)
                              .arg(m_audit.id)))
        << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("3 reminder(s) for 3 person(s) on 2 project(s)")))
        << text.out.toStdString();

    const CliRun json = cli({QStringLiteral("reminders"), asOf, QStringLiteral("--json"),
                             QStringLiteral("--person=") + kLead});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonArray list = json.json().array();
    ASSERT_EQ(list.size(), 1);
    const QJsonObject audit = list[0].toObject();
    EXPECT_EQ(audit[QStringLiteral("kind")].toString(), QStringLiteral("audit"));
    EXPECT_EQ(audit[QStringLiteral("id")].toInteger(), m_audit.id);
    EXPECT_EQ(audit[QStringLiteral("due")].toString(), today().addDays(30).toString(Qt::ISODate));
    EXPECT_FALSE(audit[QStringLiteral("overdue")].toBool());
    EXPECT_TRUE(audit[QStringLiteral("uid")].toString().startsWith(
        QStringLiteral("steward-audit-%1-").arg(m_audit.id)));

    const CliRun bad = cli({QStringLiteral("reminders"), QStringLiteral("--days=soon")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("--days: 'soon' is not a whole number")))
        << bad.err.toStdString();
}

// The events as python3-icalendar reads them: UID, SEQUENCE, DTSTART, SUMMARY, DESCRIPTION, one
// line each, tab-separated.
QStringList eventsOf(const QString& path)
{
    QProcess python;
    python.start(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import sys, icalendar\n"
                        "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
                        "assert cal['VERSION'] == '2.0', cal['VERSION']\n"
                        "for e in cal.walk('VEVENT'):\n"
                        "    print('\\t'.join([str(e['UID']), str(e['SEQUENCE']), "
                        "e['DTSTART'].dt.isoformat(), str(e['SUMMARY']), "
                        "str(e['DESCRIPTION']).replace('\\n', '|')]))\n"),
         path});
    EXPECT_TRUE(python.waitForFinished(30000));
    EXPECT_EQ(python.exitCode(), 0) << python.readAllStandardError().toStdString();
    return QString::fromUtf8(python.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

TEST_F(RemindersTest, TheIcsFileParsesAsICalendarAndKeepsItsEventIds)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reminders.ics"));
    const QString asOf = QStringLiteral("--as-of=") + today().addDays(10).toString(Qt::ISODate);
    const CliRun first = cli({QStringLiteral("reminders"), asOf, QStringLiteral("--ics"), path});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.contains(QStringLiteral("Wrote 3 reminder(s) to ")));
    const QStringList before = eventsOf(path);
    ASSERT_EQ(before.size(), 3) << before.join(u'\n').toStdString();
    const QStringList finding = before[0].split(u'\t');
    ASSERT_EQ(finding.size(), 5);
    EXPECT_TRUE(finding[0].startsWith(QStringLiteral("steward-finding-%1-").arg(m_dueFinding.id)));
    EXPECT_EQ(finding[1], QStringLiteral("0"));
    EXPECT_EQ(finding[2], today().addDays(5).toString(Qt::ISODate));
    EXPECT_EQ(finding[3], QStringLiteral("LOAN-RISK: Finding %1 (high) of audit %2 due")
                              .arg(m_dueFinding.id)
                              .arg(m_audit.id));
    // Commas, semicolons, quotes and line breaks come back as they were stored.
    EXPECT_TRUE(finding[4].startsWith(
        QStringLiteral("Drift, bias; and \"data\" are unmonitored|Remediation: Monitor them weekly|"
                       "Status: open|Project LOAN-RISK (Loan risk model). For Anna Able")))
        << finding[4].toStdString();

    // The finding moves on: the next export is the same event (same UID), a later revision.
    AuditService(db()).updateFinding(m_dueFinding.id, QStringLiteral("in-progress"), {}, kLead);
    const CliRun second = cli({QStringLiteral("reminders"), asOf, QStringLiteral("--ics"), path});
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    const QStringList after = eventsOf(path);
    ASSERT_EQ(after.size(), 3);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(after[i].split(u'\t')[0], before[i].split(u'\t')[0]) << "event " << i;
    EXPECT_EQ(after[0].split(u'\t')[1], QStringLiteral("1"));
    EXPECT_EQ(after[1].split(u'\t')[1], before[1].split(u'\t')[1]);

    // A file that cannot be written is named, and nothing is half-written.
    const CliRun refused = cli({QStringLiteral("reminders"), QStringLiteral("--ics"),
                                dir.filePath(QStringLiteral("no/such/folder/r.ics"))});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("cannot write"))) << refused.err.toStdString();
}

// RFC 5545 3.1: content lines end with CRLF and are folded at 75 octets, never inside a UTF-8
// character; the folded text unfolds to the original.
TEST(ICalendar, FoldsLongLinesWithoutSplittingCharacters)
{
    Reminder r;
    r.kind = QStringLiteral("finding");
    r.id = 7;
    r.version = 3;
    r.due = QDate(2027, 3, 1);
    r.personEmail = QStringLiteral("zoë@example.org");
    r.personName = QStringLiteral("Zoë Ängström, Jr.");
    r.projectKey = QStringLiteral("P");
    r.projectName = QStringLiteral("Projekt");
    r.summary = QString(40, QChar(0x00E9)) + QStringLiteral(" — ") + QString(40, QChar(0x4E2D));
    r.detail = QStringLiteral("a\nb");
    const QByteArray ics =
        writeICalendar({r}, QStringLiteral("org"),
                       QDateTime(QDate(2027, 1, 1), QTime(8, 0), Qt::UTC), QStringLiteral("Team"));
    EXPECT_TRUE(ics.endsWith("END:VCALENDAR\r\n"));
    QByteArray unfolded;
    for (const QByteArray& line : ics.split('\n')) {
        if (line.isEmpty())
            continue;
        ASSERT_TRUE(line.endsWith('\r')) << line.toStdString();
        const QByteArray content = line.chopped(1);
        EXPECT_LE(content.size(), 75) << content.toStdString();
        EXPECT_TRUE(QString::fromUtf8(content).toUtf8() == content)
            << "a line split a character: " << content.toStdString();
        if (content.startsWith(' '))
            unfolded.append(content.mid(1));
        else
            unfolded.append('\n').append(content);
    }
    EXPECT_TRUE(unfolded.contains(("\nSUMMARY:P: " + r.summary).toUtf8()));
    EXPECT_TRUE(unfolded.contains("\nUID:steward-finding-7-org@steward\n"));
    EXPECT_TRUE(unfolded.contains("\nSEQUENCE:2\n"));
    EXPECT_TRUE(unfolded.contains("\nDTSTAMP:20270101T080000Z\n"));
    EXPECT_TRUE(unfolded.contains("\nDTSTART;VALUE=DATE:20270301\n"));
    EXPECT_TRUE(unfolded.contains("\nDTEND;VALUE=DATE:20270302\n"));
    EXPECT_TRUE(unfolded.contains(QStringLiteral("\nATTENDEE;CN=\"Zoë Ängström, Jr.\":mailto:"
                                                 "zoë@example.org\n")
                                      .toUtf8()));
    EXPECT_TRUE(unfolded.contains("\nDESCRIPTION:a\\nb\\nProject P (Projekt)."));
}

} // namespace
} // namespace steward
