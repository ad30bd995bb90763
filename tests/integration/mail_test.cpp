// Reminder digests by e-mail against a real SMTP server: the test starts a local aiosmtpd sink
// (tests/support/smtp_sink.py), `steward reminders --mail` sends through it with libcurl, and
// Python's email and icalendar packages read what arrived, independently of our own writer.
#include "audit_fixture.h"
#include "cli_run.h"
#include "services/reminder_service.h"
#include "services/staffing_service.h"
#include "test_support.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <map>

namespace steward {
namespace {

// The local SMTP server: up on a free port from construction, killed on destruction.
class SmtpSink {
public:
    SmtpSink()
    {
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral(STEWARD_SMTP_SINK), m_dir.path()});
        if (!m_process.waitForReadyRead(30000))
            throw std::runtime_error("the SMTP sink did not start: " +
                                     m_process.readAllStandardError().toStdString());
        m_port = m_process.readLine().trimmed().toInt();
    }
    ~SmtpSink()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
    QString url() const { return QStringLiteral("smtp://127.0.0.1:%1").arg(m_port); }

    // Every message received, as Python's email package reads it: envelope recipients, To,
    // From, Subject (decoded), the text body and each attached calendar's events.
    QJsonArray messages() const
    {
        QProcess python;
        python.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import sys, os, json, email, email.policy, icalendar\n"
                 "d = sys.argv[1]\n"
                 "out = []\n"
                 "for n in sorted(int(f[:-4]) for f in os.listdir(d) if f.endswith('.eml')):\n"
                 "    m = email.message_from_bytes(open(os.path.join(d, '%d.eml' % n), "
                 "'rb').read(),"
                 " policy=email.policy.default)\n"
                 "    cals = []\n"
                 "    for a in m.iter_attachments():\n"
                 "        assert a.get_content_type() == 'text/calendar', a.get_content_type()\n"
                 "        cal = icalendar.Calendar.from_ical(a.get_content())\n"
                 "        cals.append({'file': a.get_filename(), 'events': [[str(e['SUMMARY']), "
                 "str(e['ATTENDEE'])] for e in cal.walk('VEVENT')]})\n"
                 "    out.append({'rcpt': open(os.path.join(d, '%d.rcpt' % n)).read().split(),"
                 " 'to': m['To'].addresses[0].addr_spec, 'to_name': "
                 "m['To'].addresses[0].display_name,"
                 " 'from': str(m['From']), 'subject': str(m['Subject']),"
                 " 'body': m.get_body(('plain',)).get_content(), 'calendars': cals})\n"
                 "print(json.dumps(out))\n"),
             m_dir.path()});
        EXPECT_TRUE(python.waitForFinished(30000));
        EXPECT_EQ(python.exitCode(), 0) << python.readAllStandardError().toStdString();
        return QJsonDocument::fromJson(python.readAllStandardOutput()).array();
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

class MailTest : public AuditTest {
protected:
    void SetUp() override
    {
        AuditTest::SetUp();
        AuditService audits(db());
        m_audit = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("nist-ai-rmf")); // due +30
        const std::vector<AuditItem> items = audits.items(m_audit.id);
        audits.assess(m_audit.id, items[0].itemId, QStringLiteral("not-satisfied"), {}, kLead);
        audits.assess(m_audit.id, items[1].itemId, QStringLiteral("not-satisfied"), {}, kLead);
        // Anna: one finding overdue on day 10, one due on day 20. Lena leads the audit (day 30);
        // Zed's assignment ends on day 12.
        audits.raiseFinding(m_audit.id,
                            {items[0].itemId, QStringLiteral("high"),
                             QStringLiteral("Drift is unmonitored"),
                             QStringLiteral("Monitor weekly"), kAnna, today().addDays(5)});
        audits.raiseFinding(m_audit.id, {items[1].itemId, QStringLiteral("low"),
                                         QStringLiteral("Ünclear owner"),
                                         QStringLiteral("Name one"), kAnna, today().addDays(20)});
        Assignment a;
        a.projectKey = QStringLiteral("AD-COPY");
        a.personEmail = kZed;
        a.roleKey = QStringLiteral("ai-engineer");
        a.from = today().addDays(-100);
        a.to = today().addDays(12);
        a.allocationPercent = 20;
        StaffingService(db()).assign(a);
    }

    CliRun cli(QStringList args, const QString& database = {})
    {
        args.prepend(QStringLiteral("--database=") + (database.isEmpty() ? conninfo() : database));
        return runSteward(QStringLiteral(STEWARD_CLI_PATH), args);
    }
    CliRun configure(const QString& url, const QStringList& more = {})
    {
        return cli(QStringList{QStringLiteral("mail"), QStringLiteral("configure"),
                               QStringLiteral("--smtp"), url, QStringLiteral("--from"),
                               QStringLiteral("steward@example.org"), QStringLiteral("--from-name"),
                               QStringLiteral("Steward Bot")} +
                   more);
    }
    QString asOf() const
    {
        return QStringLiteral("--as-of=") + today().addDays(10).toString(Qt::ISODate);
    }

    Audit m_audit;
};

TEST_F(MailTest, EachPersonReceivesOnlyTheirOwnDigest)
{
    SmtpSink sink;
    const CliRun configured =
        configure(sink.url(), {QStringLiteral("--starttls"), QStringLiteral("optional")});
    ASSERT_EQ(configured.exitCode, 0) << configured.err.toStdString();
    // Recorded in the hash-chained history like every change.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM history WHERE table_name = "
                                    "'mail_settings' AND operation = 'INSERT'"))
                  .toInt(),
              1);

    const CliRun run = cli({QStringLiteral("reminders"), QStringLiteral("--mail"), asOf()});
    ASSERT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("sent  anna@example.org  Steward: 2 items due, "
                                                "1 overdue")))
        << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("3 digest(s) as of ")) &&
                run.out.contains(QStringLiteral(": 3 sent, 0 failed.")))
        << run.out.toStdString();

    ReminderFilter filter;
    filter.asOf = today().addDays(10);
    const std::vector<Reminder> all = ReminderService(db()).due(filter);
    ASSERT_EQ(all.size(), 4u);

    const QJsonArray messages = sink.messages();
    ASSERT_EQ(messages.size(), 3);
    const std::map<QString, QString> subjects = {
        {kAnna, QStringLiteral("Steward: 2 items due, 1 overdue")},
        {kLead, QStringLiteral("Steward: 1 item due")},
        {kZed, QStringLiteral("Steward: 1 item due")}};
    std::set<QString> recipients;
    for (const QJsonValue& value : messages) {
        const QJsonObject m = value.toObject();
        const QString to = m[QStringLiteral("to")].toString();
        recipients.insert(to);
        EXPECT_EQ(m[QStringLiteral("rcpt")].toArray(), QJsonArray{to});
        EXPECT_EQ(m[QStringLiteral("from")].toString(),
                  QStringLiteral("Steward Bot <steward@example.org>"));
        ASSERT_TRUE(subjects.count(to)) << to.toStdString();
        EXPECT_EQ(m[QStringLiteral("subject")].toString(), subjects.at(to));
        // The body lists exactly this person's items; the calendar holds the same ones.
        const QString body = m[QStringLiteral("body")].toString();
        const QJsonArray calendars = m[QStringLiteral("calendars")].toArray();
        ASSERT_EQ(calendars.size(), 1);
        const QJsonArray events = calendars[0].toObject()[QStringLiteral("events")].toArray();
        int own = 0;
        for (const Reminder& r : all) {
            const bool mine = r.personEmail == to;
            own += mine ? 1 : 0;
            EXPECT_EQ(body.contains(r.summary), mine)
                << to.toStdString() << ": " << r.summary.toStdString() << "\n"
                << body.toStdString();
        }
        ASSERT_EQ(events.size(), own);
        for (const QJsonValue& e : events)
            EXPECT_EQ(e.toArray()[1].toString(), QStringLiteral("mailto:") + to);
    }
    EXPECT_EQ(recipients, (std::set<QString>{kAnna, kLead, kZed}));
    // Non-ASCII text survives the trip (quoted-printable UTF-8).
    for (const QJsonValue& value : messages) {
        if (value.toObject()[QStringLiteral("to")].toString() == kAnna) {
            EXPECT_TRUE(value.toObject()[QStringLiteral("body")].toString().contains(
                QStringLiteral("Ünclear owner")));
        }
    }

    // One person's digest only, and a dry run that sends nothing.
    const CliRun zed = cli({QStringLiteral("reminders"), QStringLiteral("--mail"), asOf(),
                            QStringLiteral("--person"), kZed});
    ASSERT_EQ(zed.exitCode, 0) << zed.err.toStdString();
    const CliRun dry = cli({QStringLiteral("reminders"), QStringLiteral("--mail"),
                            QStringLiteral("--dry-run"), asOf()});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.contains(QStringLiteral("would send  zed@example.org")));
    EXPECT_TRUE(dry.out.contains(QStringLiteral("(dry run: none sent).")));
    const QJsonArray after = sink.messages();
    ASSERT_EQ(after.size(), 4);
    EXPECT_EQ(after[3].toObject()[QStringLiteral("to")].toString(), kZed);

    // The test message.
    const CliRun test = cli({QStringLiteral("mail"), QStringLiteral("test"), QStringLiteral("--to"),
                             QStringLiteral("someone@example.org")});
    ASSERT_EQ(test.exitCode, 0) << test.err.toStdString();
    const QJsonArray withTest = sink.messages();
    ASSERT_EQ(withTest.size(), 5);
    EXPECT_EQ(withTest[4].toObject()[QStringLiteral("subject")].toString(),
              QStringLiteral("Steward: test message"));
}

TEST_F(MailTest, FailuresNameTheServerAndExitNonZero)
{
    // Not configured yet.
    const CliRun unconfigured = cli({QStringLiteral("reminders"), QStringLiteral("--mail")});
    EXPECT_EQ(unconfigured.exitCode, 1);
    EXPECT_TRUE(unconfigured.err.contains(QStringLiteral("mail is not configured")))
        << unconfigured.err.toStdString();

    // A server that is not running: every recipient fails, each named with the server.
    QString deadUrl;
    {
        SmtpSink gone;
        deadUrl = gone.url();
    }
    ASSERT_EQ(
        configure(deadUrl, {QStringLiteral("--starttls"), QStringLiteral("optional")}).exitCode, 0);
    const CliRun down = cli({QStringLiteral("reminders"), QStringLiteral("--mail"), asOf()});
    EXPECT_EQ(down.exitCode, 1);
    EXPECT_TRUE(down.out.contains(QStringLiteral("failed  anna@example.org")))
        << down.out.toStdString();
    EXPECT_TRUE(down.out.contains(QStringLiteral("0 sent, 3 failed."))) << down.out.toStdString();
    EXPECT_TRUE(down.err.contains(
        QStringLiteral("cannot send to zed@example.org through %1: ").arg(deadUrl)))
        << down.err.toStdString();

    // STARTTLS required, and the server does not offer it: nothing goes out in clear text.
    SmtpSink plain;
    ASSERT_EQ(
        configure(plain.url(), {QStringLiteral("--expect-version"), QStringLiteral("1")}).exitCode,
        0);
    const CliRun clear =
        cli({QStringLiteral("mail"), QStringLiteral("test"), QStringLiteral("--to"), kZed});
    EXPECT_EQ(clear.exitCode, 1);
    EXPECT_TRUE(clear.err.contains(QStringLiteral("through %1: ").arg(plain.url())))
        << clear.err.toStdString();
    EXPECT_EQ(plain.messages().size(), 0);
}

TEST_F(MailTest, SettingsAreCheckedVersionedAndForAdministratorsOnly)
{
    ASSERT_EQ(configure(QStringLiteral("smtps://mail.example.org:465")).exitCode, 0);
    const CliRun shown =
        cli({QStringLiteral("mail"), QStringLiteral("show"), QStringLiteral("--json")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    const QJsonObject s = shown.json().object();
    EXPECT_EQ(s[QStringLiteral("smtp_url")].toString(),
              QStringLiteral("smtps://mail.example.org:465"));
    EXPECT_EQ(s[QStringLiteral("starttls")].toString(), QStringLiteral("required"));
    EXPECT_EQ(s[QStringLiteral("version")].toInt(), 1);

    const auto stored = [this] {
        return scalar(QStringLiteral("SELECT row_to_json(m)::text FROM mail_settings m"))
            .toString();
    };
    const QString before = stored();
    // Credentials in the URL are refused: they would be readable by every group.
    const CliRun secret = configure(QStringLiteral("smtp://bob:hunter2@mail.example.org"));
    EXPECT_EQ(secret.exitCode, 2);
    EXPECT_TRUE(secret.err.contains(QStringLiteral("carries credentials")))
        << secret.err.toStdString();
    const CliRun scheme = configure(QStringLiteral("http://mail.example.org"));
    EXPECT_EQ(scheme.exitCode, 2);
    EXPECT_TRUE(scheme.err.contains(QStringLiteral("--smtp: 'http://mail.example.org' is not")));
    const CliRun stale = configure(QStringLiteral("smtp://other.example.org"),
                                   {QStringLiteral("--expect-version"), QStringLiteral("7")});
    EXPECT_EQ(stale.exitCode, 1);
    EXPECT_TRUE(
        stale.err.contains(QStringLiteral("you read version 7, the stored one is version 1")))
        << stale.err.toStdString();
    EXPECT_EQ(stored(), before);

    // A viewer reads the settings but PostgreSQL refuses them a change.
    const QString viewer = createLoginRole(conninfo(), QStringLiteral("steward_viewer"));
    const CliRun read = cli({QStringLiteral("mail"), QStringLiteral("show")}, viewer);
    EXPECT_EQ(read.exitCode, 0) << read.err.toStdString();
    EXPECT_TRUE(read.out.contains(QStringLiteral("smtps://mail.example.org:465")));
    const CliRun refused = cli({QStringLiteral("mail"), QStringLiteral("configure"),
                                QStringLiteral("--smtp"), QStringLiteral("smtp://evil.example.org"),
                                QStringLiteral("--from"), QStringLiteral("x@example.org")},
                               viewer);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("permission denied")))
        << refused.err.toStdString();
    EXPECT_EQ(stored(), before);
}

} // namespace
} // namespace steward
