// Completions from a learning-management export: all or nothing with every problem named by line
// and column, an export that imports back unchanged, and the `steward qualification` commands as a
// user runs them.
#include "cli_run.h"
#include "database_fixture.h"
#include "error.h"
#include "io/csv_export.h"
#include "io/qualification_import.h"
#include "services/person_service.h"
#include "services/project_service.h"
#include "services/staffing_service.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

namespace steward {
namespace {

const QDate kToday(2026, 6, 15);

QByteArray fixture(const char* name)
{
    QFile f(QStringLiteral(STEWARD_QUALIFICATION_FIXTURES "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        ADD_FAILURE() << "missing fixture " << name;
    return f.readAll();
}

class QualificationImportTest : public DatabaseTest {
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        for (const char* who : {"ann", "bo"}) {
            Person p;
            p.email = QLatin1String(who) + QStringLiteral("@example.org");
            p.name = QLatin1String(who);
            PersonService(db()).add(p);
        }
    }
    int records()
    {
        return scalar(QStringLiteral("SELECT count(*) FROM qualification_record")).toInt();
    }
    QStringList problemsOf(const char* name)
    {
        try {
            importQualificationRecords(db(), fixture(name), QLatin1String(name), kToday);
            ADD_FAILURE() << name << " was accepted";
        } catch (const ImportRefused& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Validation);
            // The same problems, structured, for the GUI's dialog.
            refused = e.problems();
            QStringList texts;
            for (const ImportProblem& p : refused)
                texts << p.text;
            EXPECT_EQ(texts, e.details());
            return e.details();
        }
        return {};
    }
    std::vector<ImportProblem> refused;
    CliRun cli(QStringList args)
    {
        args.prepend(QStringLiteral("--database=") + conninfo());
        return runSteward(QStringLiteral(STEWARD_CLI_PATH), args);
    }
};

TEST_F(QualificationImportTest, AnLmsExportImportsAndImportsAgainWithoutChange)
{
    const ImportResult first = importQualificationRecords(db(), fixture("lms-export.csv"),
                                                          QStringLiteral("lms.csv"), kToday);
    EXPECT_EQ(first.inserted, 3);
    EXPECT_EQ(records(), 3);
    // Derived from the 24 months of the course; given explicitly for the oversight training.
    EXPECT_EQ(scalar(QStringLiteral("SELECT expires_on FROM qualification_record WHERE "
                                    "external_id = 'LMS-2'"))
                  .toDate(),
              QDate(2027, 7, 1));
    EXPECT_EQ(scalar(QStringLiteral("SELECT expires_on FROM qualification_record WHERE "
                                    "external_id = 'LMS-3'"))
                  .toDate(),
              QDate(2026, 12, 31));
    EXPECT_EQ(scalar(QStringLiteral("SELECT note FROM qualification_record WHERE external_id = "
                                    "'LMS-2'"))
                  .toString(),
              QStringLiteral("Passed, 92%"));
    const qint64 history =
        scalar(QStringLiteral(
                   "SELECT count(*) FROM history WHERE table_name = 'qualification_record'"))
            .toLongLong();
    EXPECT_EQ(history, 3);

    QBuffer exported;
    exported.open(QIODevice::WriteOnly);
    EXPECT_EQ(exportQualificationRecords(db(), &exported), 3);
    const ImportResult again =
        importQualificationRecords(db(), exported.data(), QStringLiteral("export.csv"), kToday);
    EXPECT_EQ(again.unchanged, 3);
    EXPECT_EQ(again.inserted + again.updated, 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM history WHERE table_name = "
                                    "'qualification_record'"))
                  .toLongLong(),
              history)
        << "an unchanged row was written";
}

TEST_F(QualificationImportTest, ABadFileIsRejectedWholeWithEveryProblemByLineAndColumn)
{
    const QStringList problems = problemsOf("lms-export-bad.csv");
    const QStringList expected{
        QStringLiteral("lms-export-bad.csv:3: email: no person with e-mail nobody@example.org"),
        QStringLiteral("lms-export-bad.csv:4: qualification: no qualification with key "
                       "no-such-course (steward qualification list shows them)"),
        QStringLiteral(
            "lms-export-bad.csv:5: completed_on: '01/03/2026' is not a date (YYYY-MM-DD)"),
        QStringLiteral("lms-export-bad.csv:6: expires_on: 2026-02-01 is not after the completion "
                       "on 2026-03-01"),
        QStringLiteral("lms-export-bad.csv:7: completed_on: repeats line 2: the same completion of "
                       "ai-literacy-basics by ann@example.org"),
        QStringLiteral("lms-export-bad.csv:8: completed_on: 2099-01-01 is in the future (today is "
                       "2026-06-15)"),
        QStringLiteral("lms-export-bad.csv:8: evidence_url: 'not a url' is not an absolute URL "
                       "(e.g. https://lms.example.org/certificates/123)"),
    };
    EXPECT_EQ(problems, expected);
    ASSERT_EQ(refused.size(), 7u);
    EXPECT_EQ(refused[0].line, 3);
    EXPECT_EQ(refused[0].column, QStringLiteral("email"));
    EXPECT_EQ(refused[0].what, QStringLiteral("no person with e-mail nobody@example.org"));
    EXPECT_EQ(refused[6].line, 8);
    EXPECT_EQ(refused[6].column, QStringLiteral("evidence_url"));
    EXPECT_EQ(records(), 0) << "line 2 was fine, but nothing of a bad file is stored";

    const QStringList unknown = problemsOf("lms-export-unknown-column.csv");
    ASSERT_EQ(unknown.size(), 1);
    EXPECT_TRUE(unknown[0].startsWith(QLatin1String("lms-export-unknown-column.csv:1: score")))
        << unknown[0].toStdString();
}

TEST_F(QualificationImportTest, ASyntaxErrorStillReportsTheRowsBeforeIt)
{
    const QStringList problems = problemsOf("lms-export-unterminated.csv");
    ASSERT_EQ(problems.size(), 2) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(problems[0],
              QStringLiteral("lms-export-unterminated.csv:2: email: no person with e-mail "
                             "nobody@example.org"));
    EXPECT_TRUE(problems[1].startsWith(QLatin1String("lms-export-unterminated.csv:3:")))
        << problems[1].toStdString();
    EXPECT_EQ(records(), 0);
}

TEST_F(QualificationImportTest, TheCommandsRecordListExportAndRemindAsAUserRunsThem)
{
    Project p;
    p.key = QStringLiteral("P");
    p.name = QStringLiteral("P");
    p.status = ProjectStatus::Active;
    ProjectService(db()).add(p);
    Assignment a;
    a.projectKey = QStringLiteral("P");
    a.personEmail = QStringLiteral("bo@example.org");
    a.roleKey = QStringLiteral("data-scientist");
    a.from = QDate::currentDate().addDays(-30);
    a.allocationPercent = 20;
    StaffingService(db()).assign(a);

    // Bo holds a role without the AI literacy every role requires.
    CliRun coverage =
        cli({QStringLiteral("coverage"), QStringLiteral("--project=P"), QStringLiteral("--json")});
    ASSERT_EQ(coverage.exitCode, 0) << coverage.err.toStdString();
    EXPECT_TRUE(coverage.out.contains(QLatin1String("UNQUALIFIED_HOLDER")))
        << coverage.out.toStdString();

    // Completed 24 months less 20 days ago: valid for 20 more days, so it warns and reminds.
    const QString completed = QDate::currentDate().addMonths(-24).addDays(20).toString(Qt::ISODate);
    CliRun rec = cli({QStringLiteral("qualification"), QStringLiteral("record"),
                      QStringLiteral("bo@example.org"), QStringLiteral("ai-literacy-basics"),
                      QStringLiteral("--completed=") + completed,
                      QStringLiteral("--evidence-url=https://lms.example.org/c/9")});
    ASSERT_EQ(rec.exitCode, 0) << rec.err.toStdString();
    EXPECT_TRUE(rec.out.startsWith(QLatin1String("Recorded AI literacy basics for bo")))
        << rec.out.toStdString();
    coverage =
        cli({QStringLiteral("coverage"), QStringLiteral("--project=P"), QStringLiteral("--json")});
    EXPECT_FALSE(coverage.out.contains(QLatin1String("UNQUALIFIED_HOLDER")));
    EXPECT_TRUE(coverage.out.contains(QLatin1String("QUALIFICATION_EXPIRING")))
        << coverage.out.toStdString();
    // A future date shows what will have lapsed by then.
    coverage =
        cli({QStringLiteral("coverage"), QStringLiteral("--project=P"), QStringLiteral("--json"),
             QStringLiteral("--as-of=") + QDate::currentDate().addMonths(2).toString(Qt::ISODate)});
    EXPECT_TRUE(coverage.out.contains(QLatin1String("UNQUALIFIED_HOLDER")))
        << coverage.out.toStdString();

    const CliRun reminders =
        cli({QStringLiteral("reminders"), QStringLiteral("--days=40"), QStringLiteral("--json")});
    ASSERT_EQ(reminders.exitCode, 0) << reminders.err.toStdString();
    const QJsonArray due = reminders.json().array();
    const auto qualification = std::find_if(due.begin(), due.end(), [](const QJsonValue& v) {
        return v.toObject().value(QStringLiteral("kind")).toString() ==
               QLatin1String("qualification");
    });
    ASSERT_NE(qualification, due.end()) << reminders.out.toStdString();
    EXPECT_EQ(qualification->toObject().value(QStringLiteral("person")).toString(),
              QStringLiteral("bo@example.org"));

    // In the calendar it is the person's, named without a project.
    QTemporaryDir calendarDir;
    const QString ics = calendarDir.filePath(QStringLiteral("bo.ics"));
    ASSERT_EQ(cli({QStringLiteral("reminders"), QStringLiteral("--days=40"),
                   QStringLiteral("--ics=") + ics})
                  .exitCode,
              0);
    QFile calendar(ics);
    ASSERT_TRUE(calendar.open(QIODevice::ReadOnly));
    const QString events = QString::fromUtf8(calendar.readAll());
    EXPECT_TRUE(events.contains(QLatin1String("SUMMARY:AI literacy basics expires\r\n")))
        << events.toStdString();
    EXPECT_TRUE(events.contains(QLatin1String("CATEGORIES:QUALIFICATION"))) << events.toStdString();
    EXPECT_FALSE(events.contains(QLatin1String("Project  ("))) << events.toStdString();

    const CliRun listed =
        cli({QStringLiteral("qualification"), QStringLiteral("records"),
             QStringLiteral("--person=bo@example.org"), QStringLiteral("--json")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    const QJsonArray rows = listed.json().array();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_TRUE(rows[0].toObject().value(QStringLiteral("valid")).toBool());

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("lms.csv"));
    ASSERT_EQ(cli({QStringLiteral("export"), QStringLiteral("qualifications"), file}).exitCode, 0);
    const CliRun back = cli({QStringLiteral("import"), QStringLiteral("qualifications"), file});
    ASSERT_EQ(back.exitCode, 0) << back.err.toStdString();
    EXPECT_TRUE(back.out.contains(QLatin1String("0 added, 0 updated, 1 unchanged")))
        << back.out.toStdString();

    // A bad file: exit code 1, every problem on stderr, nothing stored.
    const CliRun bad = cli({QStringLiteral("import"), QStringLiteral("qualifications"),
                            QStringLiteral(STEWARD_QUALIFICATION_FIXTURES "/lms-export-bad.csv")});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains(QLatin1String(
        "lms-export-bad.csv:4: qualification: no qualification with key no-such-course")))
        << bad.err.toStdString();
    EXPECT_EQ(records(), 1);

    // A viewer of the catalogue: the built-in courses, and who holds them.
    const CliRun catalogue = cli({QStringLiteral("qualification"), QStringLiteral("list")});
    ASSERT_EQ(catalogue.exitCode, 0);
    EXPECT_TRUE(catalogue.out.contains(QLatin1String("human-oversight-high-risk-ai")));
}

} // namespace
} // namespace steward
