// Runs the real `steward` program against a fresh database per test and checks what a user or a
// script sees: exit codes, messages on stderr, and JSON that parses into the documented shape.
#include "cli_run.h"
#include "database_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <map>

namespace steward {
namespace {

class Cli : public DatabaseTest {
protected:
    CliRun steward(QStringList args, bool withDatabase = true,
                   const QMap<QString, QString>& extraEnv = {})
    {
        if (withDatabase)
            args.prepend(QStringLiteral("--database=") + conninfo());
        return runSteward(QStringLiteral(STEWARD_CLI_PATH), args, extraEnv);
    }

    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
        return path;
    }

    QTemporaryDir m_dir;
};

TEST_F(Cli, VersionAndHelpNeedNoDatabase)
{
    CliRun r = steward({QStringLiteral("--version")}, false);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("steward "))) << r.out.toStdString();
    r = steward({QStringLiteral("--help")}, false);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(QStringLiteral("coverage")));
}

TEST_F(Cli, EveryCommandHasHelp)
{
    const CliRun overview = steward({QStringLiteral("--help")}, false);
    static const QRegularExpression line(QStringLiteral("^  ([a-z]+(?: [a-z]+)?)  "),
                                         QRegularExpression::MultilineOption);
    int commands = 0;
    for (auto it = line.globalMatch(overview.out); it.hasNext();) {
        const QStringList path = it.next().captured(1).split(QLatin1Char(' '));
        const CliRun r = steward(path + QStringList{QStringLiteral("--help")}, false);
        EXPECT_EQ(r.exitCode, 0) << path.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.out.contains(QStringLiteral("Usage:")))
            << path.join(QLatin1Char(' ')).toStdString();
        ++commands;
    }
    EXPECT_GE(commands, 25);
}

TEST_F(Cli, UsageMistakesExitWithTwo)
{
    EXPECT_EQ(steward({QStringLiteral("frobnicate")}, false).exitCode, 2);
    EXPECT_EQ(steward({QStringLiteral("person")}, false).exitCode, 2);
    EXPECT_EQ(steward({QStringLiteral("person"), QStringLiteral("list"),
                       QStringLiteral("--no-such-option")},
                      false)
                  .exitCode,
              2);
    const CliRun r = steward({QStringLiteral("person"), QStringLiteral("add"),
                              QStringLiteral("--name"), QStringLiteral("Ada")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--email is required"))) << r.err.toStdString();
    EXPECT_EQ(steward({QStringLiteral("coverage"), QStringLiteral("--as-of"),
                       QStringLiteral("yesterday")})
                  .exitCode,
              2);
    EXPECT_EQ(steward({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--key"),
                       QStringLiteral("P"), QStringLiteral("--name"), QStringLiteral("x"),
                       QStringLiteral("--risk-tier"), QStringLiteral("extreme")})
                  .exitCode,
              2);
}

TEST_F(Cli, RefusedRequestsExitWithOneAndNameTheInput)
{
    CliRun r = steward({QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--email"),
                        QStringLiteral("not-an-address"), QStringLiteral("--name"),
                        QStringLiteral("Ada")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("email: 'not-an-address' is not an e-mail address")))
        << r.err.toStdString();
    r = steward(
        {QStringLiteral("person"), QStringLiteral("show"), QStringLiteral("nobody@example.org")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("nobody@example.org")));
    EXPECT_TRUE(r.out.isEmpty());
}

TEST_F(Cli, AnUnreachableDatabaseExitsWithThree)
{
    const CliRun r = steward(
        {QStringLiteral("--database"),
         QStringLiteral("host=/nonexistent-steward-socket dbname=steward connect_timeout=2"),
         QStringLiteral("person"), QStringLiteral("list")},
        false);
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.err.contains(QStringLiteral("cannot connect"))) << r.err.toStdString();
}

// The test database's connection parameters, keyword by keyword.
std::map<QString, QString> connectionParameters(const QString& conninfo)
{
    std::map<QString, QString> result;
    PQconninfoOption* options = PQconninfoParse(conninfo.toUtf8().constData(), nullptr);
    for (PQconninfoOption* o = options; o && o->keyword; ++o)
        if (o->val)
            result[QString::fromUtf8(o->keyword)] = QString::fromUtf8(o->val);
    PQconninfoFree(options);
    return result;
}

TEST_F(Cli, AConfiguredServerIsReachedWithOrdinaryLibpqSettings)
{
    auto params = connectionParameters(conninfo());
    ASSERT_TRUE(params.count(QStringLiteral("host")) && params.count(QStringLiteral("password")));

    // PG* variables alone, selected by an empty URI in STEWARD_DATABASE.
    CliRun r =
        steward({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--json")}, false,
                {{QStringLiteral("STEWARD_DATABASE"), QStringLiteral("postgresql://")},
                 {QStringLiteral("PGHOST"), params[QStringLiteral("host")]},
                 {QStringLiteral("PGPORT"), params[QStringLiteral("port")]},
                 {QStringLiteral("PGUSER"), params[QStringLiteral("user")]},
                 {QStringLiteral("PGDATABASE"), params[QStringLiteral("dbname")]},
                 {QStringLiteral("PGPASSWORD"), params[QStringLiteral("password")]}});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().object().value(QStringLiteral("origin")).toString(),
              QStringLiteral("STEWARD_DATABASE"));

    // A service file names the server; the password comes from a .pgpass file.
    const QString services =
        writeFile(QStringLiteral("pg_service.conf"),
                  QStringLiteral("[steward-test]\nhost=%1\nport=%2\nuser=%3\ndbname=%4\n")
                      .arg(params[QStringLiteral("host")], params[QStringLiteral("port")],
                           params[QStringLiteral("user")], params[QStringLiteral("dbname")])
                      .toUtf8());
    const QString pgpass =
        writeFile(QStringLiteral("pgpass"),
                  QStringLiteral("*:*:*:%1:%2\n")
                      .arg(params[QStringLiteral("user")], params[QStringLiteral("password")])
                      .toUtf8());
    QFile::setPermissions(pgpass, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    r = steward(
        {QStringLiteral("--database"), QStringLiteral("service=steward-test"),
         QStringLiteral("person"), QStringLiteral("list"), QStringLiteral("--json")},
        false,
        {{QStringLiteral("PGSERVICEFILE"), services}, {QStringLiteral("PGPASSFILE"), pgpass}});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.json().isArray());

    // Without the password file the same service is refused as unavailable, naming the server.
    r = steward({QStringLiteral("--database"), QStringLiteral("service=steward-test"),
                 QStringLiteral("person"), QStringLiteral("list")},
                false,
                {{QStringLiteral("PGSERVICEFILE"), services},
                 {QStringLiteral("PGPASSFILE"), m_dir.filePath(QStringLiteral("none"))}});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.err.contains(params[QStringLiteral("host")])) << r.err.toStdString();
}

TEST_F(Cli, PeopleAndProjectsRoundTripThroughJson)
{
    ASSERT_EQ(steward({QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--email"),
                       QStringLiteral("ada@example.org"), QStringLiteral("--name"),
                       QStringLiteral("Ada Lovelace"), QStringLiteral("--org-unit"),
                       QStringLiteral("Research")})
                  .exitCode,
              0);
    CliRun r =
        steward({QStringLiteral("person"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0);
    const QJsonArray people = r.json().array();
    ASSERT_EQ(people.size(), 1);
    const QJsonObject ada = people.at(0).toObject();
    EXPECT_EQ(ada.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.org"));
    EXPECT_EQ(ada.value(QStringLiteral("org_unit")).toString(), QStringLiteral("Research"));
    EXPECT_TRUE(ada.value(QStringLiteral("external_id")).isNull());
    EXPECT_EQ(ada.value(QStringLiteral("version")).toInt(), 1);

    ASSERT_EQ(
        steward({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--key"),
                 QStringLiteral("FRAUD-WATCH"), QStringLiteral("--name"),
                 QStringLiteral("Fraud watch"), QStringLiteral("--industry"),
                 QStringLiteral("finance"), QStringLiteral("--risk-tier"), QStringLiteral("high"),
                 QStringLiteral("--tag"), QStringLiteral("credit-decision"),
                 QStringLiteral("--owner"), QStringLiteral("ada@example.org")})
            .exitCode,
        0);
    r = steward({QStringLiteral("project"), QStringLiteral("show"), QStringLiteral("FRAUD-WATCH"),
                 QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0);
    const QJsonObject project = r.json().object();
    EXPECT_EQ(project.value(QStringLiteral("risk_tier")).toString(), QStringLiteral("high"));
    EXPECT_EQ(project.value(QStringLiteral("tags")).toArray().at(0).toString(),
              QStringLiteral("credit-decision"));
    EXPECT_TRUE(project.value(QStringLiteral("findings")).isArray());

    // Optimistic locking from the command line.
    r = steward({QStringLiteral("person"), QStringLiteral("update"),
                 QStringLiteral("ada@example.org"), QStringLiteral("--title"),
                 QStringLiteral("Engineer"), QStringLiteral("--expect-version"),
                 QStringLiteral("7")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("changed by someone else"))) << r.err.toStdString();
}

TEST_F(Cli, TheDemoCoverageReportListsTheDeliberateGaps)
{
    ASSERT_EQ(steward({QStringLiteral("demo"), QStringLiteral("load")}).exitCode, 0);
    EXPECT_EQ(steward({QStringLiteral("demo"), QStringLiteral("load")}).exitCode, 1)
        << "a second load is refused";
    EXPECT_EQ(
        steward({QStringLiteral("demo"), QStringLiteral("load"), QStringLiteral("--if-empty")})
            .exitCode,
        0);

    CliRun r = steward({QStringLiteral("coverage"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << "gaps alone do not fail without --fail-on-gaps";
    const QJsonObject report = r.json().object();
    EXPECT_GT(
        report.value(QStringLiteral("summary")).toObject().value(QStringLiteral("error")).toInt(),
        0);
    QStringList codes;
    for (const QJsonValue& f : report.value(QStringLiteral("findings")).toArray())
        codes << f.toObject().value(QStringLiteral("code")).toString();
    EXPECT_TRUE(codes.contains(QStringLiteral("NO_ACCOUNTABLE")));
    EXPECT_TRUE(codes.contains(QStringLiteral("OVER_ALLOCATED")));
    EXPECT_EQ(steward({QStringLiteral("coverage"), QStringLiteral("--fail-on-gaps")}).exitCode, 1);
    // The triage system's one gap is Elena's lapsed oversight training; recording her renewal
    // closes it.
    EXPECT_EQ(steward({QStringLiteral("coverage"), QStringLiteral("--project"),
                       QStringLiteral("CARDIO-TRIAGE"), QStringLiteral("--fail-on-gaps")})
                  .exitCode,
              1);
    r = steward({QStringLiteral("qualification"), QStringLiteral("record"),
                 QStringLiteral("elena.popescu@demo.steward.example"),
                 QStringLiteral("human-oversight-high-risk-ai"),
                 QStringLiteral("--completed=") + QDate::currentDate().toString(Qt::ISODate)});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(steward({QStringLiteral("coverage"), QStringLiteral("--project"),
                       QStringLiteral("CARDIO-TRIAGE"), QStringLiteral("--fail-on-gaps")})
                  .exitCode,
              0);

    r = steward({QStringLiteral("overview"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_GE(r.json().object().value(QStringLiteral("people")).toInt(), 40);
    r = steward({QStringLiteral("history"), QStringLiteral("verify"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.json().object().value(QStringLiteral("intact")).toBool());
    const QString head = r.json().object().value(QStringLiteral("head_hash")).toString();
    const qint64 headId =
        r.json().object().value(QStringLiteral("head_id")).toVariant().toLongLong();
    r = steward({QStringLiteral("history"), QStringLiteral("verify"),
                 QStringLiteral("--expect-head"), head});
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("The head recorded earlier is entry %1").arg(headId)))
        << r.out.toStdString();
    r = steward({QStringLiteral("history"), QStringLiteral("verify"),
                 QStringLiteral("--expect-head"), QString(64, QLatin1Char('0'))});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.contains(QStringLiteral("History BROKEN: no entry has the head hash 000")))
        << r.out.toStdString();
    r = steward({QStringLiteral("history"), QStringLiteral("verify"),
                 QStringLiteral("--expect-head"), QStringLiteral("'; DROP TABLE history; --")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("is not a SHA-256 hash"))) << r.err.toStdString();
    r = steward({QStringLiteral("history"), QStringLiteral("--table"), QStringLiteral("person"),
                 QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.json().array().size(), 5);
}

// Text reaches the database verbatim through parameters, never through SQL or a shell; bytes that
// are not UTF-8 are refused rather than silently replaced; an oversized value is refused naming
// its field. Each refusal leaves the database as it was.
TEST_F(Cli, TextIsStoredVerbatimOrRefused)
{
    const QString hostile = QStringLiteral(
        "Robert'); DROP TABLE person;-- $(rm -rf /) `id` | & ; \\ \"q\" %s %n \u00e9\u4e2d");
    CliRun r = steward({QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--email"),
                        QStringLiteral("rob@example.org"), QStringLiteral("--name"), hostile,
                        QStringLiteral("--title"), QStringLiteral("x' OR '1'='1")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString csv = writeFile(QStringLiteral("hostile.csv"),
                                  "email,name,title\n"
                                  "eve@example.org,\"Eve\"\"; DELETE FROM history; --\","
                                  "\"$(reboot)\n`halt`\"\n");
    r = steward({QStringLiteral("import"), QStringLiteral("people"), csv});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const auto people = [this] {
        std::map<QString, QJsonObject> byEmail;
        const CliRun list =
            steward({QStringLiteral("person"), QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue& p : list.json().array())
            byEmail[p.toObject().value(QStringLiteral("email")).toString()] = p.toObject();
        return byEmail;
    };
    auto stored = people();
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_EQ(stored[QStringLiteral("rob@example.org")].value(QStringLiteral("name")).toString(),
              hostile);
    EXPECT_EQ(stored[QStringLiteral("rob@example.org")].value(QStringLiteral("title")).toString(),
              QStringLiteral("x' OR '1'='1"));
    EXPECT_EQ(stored[QStringLiteral("eve@example.org")].value(QStringLiteral("name")).toString(),
              QStringLiteral("Eve\"; DELETE FROM history; --"));
    EXPECT_EQ(stored[QStringLiteral("eve@example.org")].value(QStringLiteral("title")).toString(),
              QStringLiteral("$(reboot)\n`halt`"));
    const QVariant historyBefore = scalar(QStringLiteral("SELECT count(*) FROM history"));

    // A name with a byte that is not UTF-8 (a Latin-1 e-acute), as a shell passes it on.
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("exec \"$0\" \"$1\" person add --email bad@example.org --name "
                                "\"$(printf 'Ren\\351')\""),
                 QStringLiteral(STEWARD_CLI_PATH), QStringLiteral("--database=") + conninfo()});
    ASSERT_TRUE(shell.waitForFinished(120000));
    EXPECT_EQ(shell.exitCode(), 2);
    const QString refusal = QString::fromUtf8(shell.readAllStandardError());
    EXPECT_TRUE(refusal.contains(QStringLiteral("(Ren\\xE9) is not valid UTF-8")))
        << refusal.toStdString();

    r = steward({QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--email"),
                 QStringLiteral("long@example.org"), QStringLiteral("--name"),
                 QString(100000, QLatin1Char('x'))});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("name: is longer than 200 characters")))
        << r.err.toStdString();

    EXPECT_EQ(people().size(), 2u);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM history")), historyBefore);
}

TEST_F(Cli, ImportIsAllOrNothingAndExportReadsBack)
{
    const QString good =
        writeFile(QStringLiteral("people.csv"),
                  "\xEF\xBB\xBF"
                  "email,name,org_unit\r\nada@example.org,\"Lovelace, Ada\",Research\r\n"
                  "bob@example.org,Bob,Research\r\n");
    CliRun r = steward(
        {QStringLiteral("import"), QStringLiteral("people"), good, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().object().value(QStringLiteral("inserted")).toInt(), 2);

    const QVariant historyBefore = scalar(QStringLiteral("SELECT count(*) FROM history"));
    const QString bad = writeFile(QStringLiteral("bad.csv"),
                                  "email,name\ncarol@example.org,Carol\nnot-an-address,Dan\n");
    r = steward({QStringLiteral("import"), QStringLiteral("people"), bad});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(bad + QStringLiteral(":3: email"))) << r.err.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM history")), historyBefore);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM person")).toInt(), 2)
        << "Carol's good row was not imported either";

    r = steward({QStringLiteral("import"), QStringLiteral("people"),
                 m_dir.filePath(QStringLiteral("missing.csv"))});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("no such file")));

    const QString exported = m_dir.filePath(QStringLiteral("export.csv"));
    ASSERT_EQ(steward({QStringLiteral("export"), QStringLiteral("people"), exported}).exitCode, 0);
    r = steward(
        {QStringLiteral("import"), QStringLiteral("people"), exported, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().object().value(QStringLiteral("unchanged")).toInt(), 2);
}

TEST_F(Cli, StaffingCommandsWork)
{
    steward({QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--email"),
             QStringLiteral("ada@example.org"), QStringLiteral("--name"), QStringLiteral("Ada")});
    steward({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--key"),
             QStringLiteral("P1"), QStringLiteral("--name"), QStringLiteral("One")});
    CliRun r = steward(
        {QStringLiteral("assign"), QStringLiteral("add"), QStringLiteral("--project"),
         QStringLiteral("P1"), QStringLiteral("--person"), QStringLiteral("ada@example.org"),
         QStringLiteral("--role"), QStringLiteral("ai-project-manager"),
         QStringLiteral("--allocation"), QStringLiteral("40"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().object().value(QStringLiteral("allocation_percent")).toInt(), 40);
    r = steward({QStringLiteral("raci"), QStringLiteral("set"), QStringLiteral("--project"),
                 QStringLiteral("P1"), QStringLiteral("--responsibility"),
                 QStringLiteral("ai-project-manager.define-goals-and-scope"),
                 QStringLiteral("--person"), QStringLiteral("ada@example.org"),
                 QStringLiteral("--kind"), QStringLiteral("A")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = steward({QStringLiteral("raci"), QStringLiteral("show"), QStringLiteral("--project"),
                 QStringLiteral("P1"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0);
    ASSERT_EQ(r.json().array().size(), 1);
    EXPECT_EQ(r.json().array().at(0).toObject().value(QStringLiteral("kind")).toString(),
              QStringLiteral("A"));
    r = steward({QStringLiteral("role"), QStringLiteral("list"), QStringLiteral("--pack"),
                 QStringLiteral("builtin"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.json().array().size(), 12);
    r = steward({QStringLiteral("export"), QStringLiteral("raci"), QStringLiteral("--project"),
                 QStringLiteral("P1")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("ai-project-manager.define-goals-and-scope")));
    r = steward({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.json().object().value(QStringLiteral("schema_version")).toInt(),
              r.json().object().value(QStringLiteral("latest_known_version")).toInt());
}

} // namespace
} // namespace steward
