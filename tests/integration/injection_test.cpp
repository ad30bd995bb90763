// Every text field of the command line and every import column receives SQL and shell
// metacharacters, bytes that are not UTF-8, NUL bytes and oversized values: each is stored verbatim
// (through parameters, never SQL text or a shell) or refused with a message naming the field, and a
// refusal leaves the database as it was. A command-line argument cannot hold a NUL byte or more
// than 128 KiB (the kernel's limit), so those two reach Steward through import files.
#include "audit_fixture.h"
#include "cli_run.h"
#include "services/history_service.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

namespace steward {
namespace {

class InjectionTest : public AuditTest {
protected:
    void SetUp() override
    {
        AuditTest::SetUp();
        ASSERT_TRUE(m_dir.isValid());
        // Were any of these executed by a shell, this file would appear.
        m_canary = m_dir.filePath(QStringLiteral("pwned"));
        m_hostile = QStringLiteral("Robert'); DROP TABLE person;-- $(touch %1) `touch %1` | & ; \\ "
                                   "\"q\" %s %n \u00e9\u4e2d\u202e\t\n$HOME ${PATH} '--")
                        .arg(m_canary);
    }

    CliRun steward(QStringList args, const QString& actor = kLead)
    {
        args.prepend(QStringLiteral("--actor=") + actor);
        args.prepend(QStringLiteral("--database=") + conninfo());
        return runSteward(
            QStringLiteral(STEWARD_CLI_PATH), args,
            {{QStringLiteral("STEWARD_PLUGIN_PATH"), QStringLiteral(STEWARD_TEST_PLUGIN_DIR)}});
    }

    QString text(const QString& sql, const QVariantList& params = {})
    {
        return scalar(sql, params).toString();
    }

    QString file(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
        return path;
    }

    // Everything the tests could change, to show that a refusal changed nothing.
    QString world()
    {
        QStringList parts;
        for (const char* t : {"person", "org_unit", "project", "assignment", "raci_entry", "audit",
                              "audit_item", "evidence", "audit_finding", "history"})
            parts << text(QStringLiteral("SELECT count(*) || ':' || coalesce(md5(string_agg("
                                         "t::text, '|' ORDER BY t::text)), '') FROM %1 t")
                              .arg(QLatin1String(t)));
        return parts.join(QLatin1Char(' '));
    }

    // Runs `args` and expects a refusal (exit 1 or 2) naming `field`, with nothing changed.
    void expectRefused(const QStringList& args, const QString& field)
    {
        const QString before = world();
        const CliRun r = steward(args);
        EXPECT_TRUE(r.exitCode == 1 || r.exitCode == 2)
            << args.join(QLatin1Char(' ')).toStdString() << " exited " << r.exitCode;
        EXPECT_TRUE(r.err.contains(field))
            << "refusal of " << args.join(QLatin1Char(' ')).toStdString() << " does not name "
            << field.toStdString() << ": " << r.err.toStdString();
        EXPECT_EQ(world(), before) << args.join(QLatin1Char(' ')).toStdString();
    }

    QString m_canary;
    QString m_hostile;
};

TEST_F(InjectionTest, EveryFreeTextFieldIsStoredVerbatim)
{
    const QString h = m_hostile;
    // Just under the kernel's 128 KiB limit for one argument.
    const QString large = QString(120000, QLatin1Char('x')) + h;
    CliRun r = steward({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--key"),
                        QStringLiteral("INJ-1"), QStringLiteral("--name"), h,
                        QStringLiteral("--description"), large});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(text(QStringLiteral("SELECT name FROM project WHERE key = 'INJ-1'")), h);
    EXPECT_EQ(text(QStringLiteral("SELECT description FROM project WHERE key = 'INJ-1'")), large);

    // An external id holds at most 100 characters (the hostile text is longer): a short one.
    const QString externalId = QStringLiteral("'; DROP TABLE person;-- $(id) `id` \\ \u00e9");
    r = steward({QStringLiteral("person"), QStringLiteral("update"), kAnna,
                 QStringLiteral("--title"), h, QStringLiteral("--external-id"), externalId,
                 QStringLiteral("--org-unit"), h});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(text(QStringLiteral("SELECT title FROM person WHERE email = ?"), {kAnna}), h);
    EXPECT_EQ(text(QStringLiteral("SELECT external_id FROM person WHERE email = ?"), {kAnna}),
              externalId);
    EXPECT_EQ(text(QStringLiteral("SELECT u.name FROM person p JOIN org_unit u ON u.id = "
                                  "p.org_unit_id WHERE p.email = ?"),
                   {kAnna}),
              h);

    // An audit's texts: note, evidence, finding, risk acceptance.
    r = steward({QStringLiteral("audit"), QStringLiteral("create"), QStringLiteral("--project"),
                 QStringLiteral("AD-COPY"), QStringLiteral("--checklist"), QStringLiteral("ethics"),
                 QStringLiteral("--lead"), kLead, QStringLiteral("--due"),
                 today().addDays(20).toString(Qt::ISODate), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString id = QString::number(r.json().object().value(QStringLiteral("id")).toInteger());
    const QString item = itemIds(AuditService(db()).audit(id.toLongLong())).value(0);
    r = steward({QStringLiteral("audit"), QStringLiteral("assess"), id, QStringLiteral("--item"),
                 item, QStringLiteral("--result"), QStringLiteral("not-satisfied"),
                 QStringLiteral("--note"), large});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(
        text(QStringLiteral("SELECT note FROM audit_item WHERE audit_id = ? AND note <> ''"), {id}),
        large);
    // A URL holds no spaces (refused by name, below); every other metacharacter is kept.
    const QString url =
        QStringLiteral("https://example.org/a?b=';DROP%20TABLE%20evidence;--&c=$(id)");
    r = steward({QStringLiteral("audit"), QStringLiteral("evidence"), id, QStringLiteral("--item"),
                 item, QStringLiteral("--url"), url, QStringLiteral("--description"), h});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const CliRun spaced =
        steward({QStringLiteral("audit"), QStringLiteral("evidence"), id, QStringLiteral("--item"),
                 item, QStringLiteral("--url"), QStringLiteral("https://example.org/a b")});
    EXPECT_EQ(spaced.exitCode, 1);
    EXPECT_TRUE(spaced.err.contains(QStringLiteral("url: "))) << spaced.err.toStdString();
    EXPECT_EQ(text(QStringLiteral("SELECT location || '|' || description FROM evidence")),
              url + QLatin1Char('|') + h);
    r = steward({QStringLiteral("audit"), QStringLiteral("finding"), id, QStringLiteral("--item"),
                 item, QStringLiteral("--severity"), QStringLiteral("high"),
                 QStringLiteral("--description"), h, QStringLiteral("--remediation"), large,
                 QStringLiteral("--owner"), kAnna, QStringLiteral("--due"),
                 today().addDays(9).toString(Qt::ISODate), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString finding =
        QString::number(r.json().object().value(QStringLiteral("id")).toInteger());
    EXPECT_EQ(text(QStringLiteral("SELECT description FROM audit_finding")), h);
    EXPECT_EQ(text(QStringLiteral("SELECT remediation FROM audit_finding")), large);
    r = steward({QStringLiteral("finding"), QStringLiteral("update"), finding,
                 QStringLiteral("--status"), QStringLiteral("risk-accepted"),
                 QStringLiteral("--justification"), h});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(text(QStringLiteral("SELECT risk_acceptance_justification FROM audit_finding")), h);

    // Reading it all back prints it, and nothing was ever run by a shell.
    r = steward({QStringLiteral("audit"), QStringLiteral("show"), id, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("DROP TABLE person")));
    EXPECT_FALSE(QFile::exists(m_canary));
    EXPECT_TRUE(HistoryService(db()).verify().intact);
}

TEST_F(InjectionTest, EveryKeyDateAndChoiceIsRefusedByName)
{
    const QString h = m_hostile;
    const QString due = today().addDays(20).toString(Qt::ISODate);
    expectRefused({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--key"), h,
                   QStringLiteral("--name"), QStringLiteral("X")},
                  QStringLiteral("key:"));
    expectRefused({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--key"),
                   QStringLiteral("INJ-2"), QStringLiteral("--name"), QStringLiteral("X"),
                   QStringLiteral("--industry"), h},
                  QStringLiteral("industry"));
    expectRefused({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--key"),
                   QStringLiteral("INJ-2"), QStringLiteral("--name"), QStringLiteral("X"),
                   QStringLiteral("--start"), h},
                  QStringLiteral("start"));
    expectRefused({QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--email"), h,
                   QStringLiteral("--name"), QStringLiteral("X")},
                  QStringLiteral("email:"));
    expectRefused({QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--email"),
                   QStringLiteral("x@example.org"), QStringLiteral("--name"),
                   QString(120000, QLatin1Char('n'))},
                  QStringLiteral("name: is longer than 200 characters"));
    // Over the schema's limits: refused by the field's name, not by a constraint's.
    expectRefused({QStringLiteral("person"), QStringLiteral("update"), kAnna,
                   QStringLiteral("--external-id"), QString(101, QLatin1Char('e'))},
                  QStringLiteral("external_id: is longer than 100 characters"));
    expectRefused({QStringLiteral("person"), QStringLiteral("update"), kAnna,
                   QStringLiteral("--title"), QString(201, QLatin1Char('t'))},
                  QStringLiteral("title: is longer than 200 characters"));
    expectRefused({QStringLiteral("person"), QStringLiteral("update"), kAnna,
                   QStringLiteral("--org-unit"), QString(201, QLatin1Char('u'))},
                  QStringLiteral("org_unit: is longer than 200 characters"));
    expectRefused({QStringLiteral("assign"), QStringLiteral("add"), QStringLiteral("--project"),
                   QStringLiteral("AD-COPY"), QStringLiteral("--person"), kAnna,
                   QStringLiteral("--role"), h},
                  QStringLiteral("role"));
    expectRefused({QStringLiteral("assign"), QStringLiteral("add"), QStringLiteral("--project"), h,
                   QStringLiteral("--person"), kAnna, QStringLiteral("--role"),
                   QStringLiteral("ai-engineer")},
                  QStringLiteral("project"));
    expectRefused({QStringLiteral("raci"), QStringLiteral("set"), QStringLiteral("--project"),
                   QStringLiteral("AD-COPY"), QStringLiteral("--responsibility"), h,
                   QStringLiteral("--person"), kAnna, QStringLiteral("--kind"),
                   QStringLiteral("R")},
                  QStringLiteral("responsibility"));
    expectRefused({QStringLiteral("raci"), QStringLiteral("set"), QStringLiteral("--project"),
                   QStringLiteral("AD-COPY"), QStringLiteral("--responsibility"),
                   QStringLiteral("ai-engineer.develop-models"), QStringLiteral("--person"), kAnna,
                   QStringLiteral("--kind"), h},
                  QStringLiteral("kind"));
    expectRefused({QStringLiteral("audit"), QStringLiteral("create"), QStringLiteral("--project"),
                   QStringLiteral("AD-COPY"), QStringLiteral("--checklist"), h,
                   QStringLiteral("--lead"), kLead, QStringLiteral("--due"), due},
                  QStringLiteral("checklist"));
    expectRefused({QStringLiteral("audit"), QStringLiteral("create"), QStringLiteral("--project"),
                   QStringLiteral("AD-COPY"), QStringLiteral("--checklist"),
                   QStringLiteral("ethics"), QStringLiteral("--lead"), kLead,
                   QStringLiteral("--due"), h},
                  QStringLiteral("due"));
    // A filter is a value too: it matches nothing and changes nothing.
    const QString before = world();
    const CliRun r = steward({QStringLiteral("history"), QStringLiteral("--table"), h});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out.count(QLatin1Char('\n')), 1) << "only the header: " << r.out.toStdString();
    EXPECT_EQ(world(), before);
    EXPECT_FALSE(QFile::exists(m_canary));
}

// The command line refuses bytes that are not UTF-8 in any argument, as a shell passes them on.
TEST_F(InjectionTest, ArgumentsThatAreNotUtf8AreRefused)
{
    const QString before = world();
    for (const QString& command :
         {QStringLiteral("project add --key INJ-3 --name \"$(printf 'Caf\\351')\""),
          QStringLiteral("person update anna@example.org --title \"$(printf '\\377\\376')\""),
          QStringLiteral("findings --overdue --as-of \"$(printf 'x\\300\\257')\"")}) {
        QProcess shell;
        shell.start(QStringLiteral("/bin/sh"),
                    {QStringLiteral("-c"), QStringLiteral("exec \"$0\" \"$1\" ") + command,
                     QStringLiteral(STEWARD_CLI_PATH), QStringLiteral("--database=") + conninfo()});
        ASSERT_TRUE(shell.waitForFinished(120000));
        EXPECT_EQ(shell.exitCode(), 2) << command.toStdString();
        EXPECT_TRUE(QString::fromUtf8(shell.readAllStandardError())
                        .contains(QStringLiteral("is not valid UTF-8")))
            << command.toStdString();
    }
    EXPECT_EQ(world(), before);
}

// Import columns: hostile text is stored verbatim; a NUL byte, bytes that are not UTF-8 and a
// value over a column's limit (1 MB in a column of at most 200 characters) refuse the whole file
// with the line and column.
TEST_F(InjectionTest, ImportColumnsAreStoredVerbatimOrRefusedWithTheirLine)
{
    const QByteArray h = m_hostile.toUtf8().replace('"', "\"\"");
    const QByteArray megabyte(1 << 20, 't');
    const QString people =
        file(QStringLiteral("people.csv"), "email,name,org_unit,title,external_id\n"
                                           "eve@example.org,\"" +
                                               h + "\",\"" + h + "\",\"" + h +
                                               "\",\"$(id) `id`; DROP TABLE x;--\"\"\"\n");
    CliRun r = steward({QStringLiteral("import"), QStringLiteral("people"), people});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(text(QStringLiteral("SELECT name FROM person WHERE email = 'eve@example.org'")),
              m_hostile);
    EXPECT_EQ(text(QStringLiteral("SELECT title FROM person WHERE email = 'eve@example.org'")),
              m_hostile);
    EXPECT_EQ(text(QStringLiteral("SELECT external_id FROM person WHERE email = "
                                  "'eve@example.org'")),
              QStringLiteral("$(id) `id`; DROP TABLE x;--\""));

    const QString before = world();
    const auto refused = [&](const char* kind, const QString& path, const QString& expected) {
        const CliRun run = steward({QStringLiteral("import"), QLatin1String(kind), path});
        EXPECT_EQ(run.exitCode, 1) << kind << ": " << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(expected))
            << kind << ": expected " << expected.toStdString() << " in " << run.err.toStdString();
        EXPECT_EQ(world(), before) << kind;
    };
    const QString nul =
        file(QStringLiteral("nul.csv"),
             QByteArray("email,name\nnul@example.org,Nu", 29) + QByteArray(1, '\0') + "l\n");
    refused("people", nul, nul + QStringLiteral(":2: a NUL byte"));
    const QString latin1 =
        file(QStringLiteral("latin1.csv"), "email,name\nrene@example.org,Ren\xe9\n");
    refused("people", latin1, latin1 + QStringLiteral(":2:"));
    const QString longName = file(QStringLiteral("long.csv"),
                                  "email,name\nlong@example.org," + QByteArray(300000, 'n') + "\n");
    refused("people", longName, longName + QStringLiteral(":2: name: is longer than 200"));
    const QString hugeTitle = file(QStringLiteral("huge.csv"),
                                   "email,name,title\nhuge@example.org,Huge," + megabyte + "\n");
    refused("people", hugeTitle, hugeTitle + QStringLiteral(":2: title: is longer than 200"));

    // Assignments: every column of a row of hostile values is refused by name and line.
    const QString assignments =
        file(QStringLiteral("assignments.csv"), "email,project,role,from,to,allocation\n"
                                                "\"" +
                                                    h + "\",\"" + h + "\",\"" + h + "\",\"" + h +
                                                    "\",\"" + h + "\",\"" + h + "\"\n");
    const CliRun run =
        steward({QStringLiteral("import"), QStringLiteral("assignments"), assignments});
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    for (const char* column : {"email", "from", "allocation"})
        EXPECT_TRUE(run.err.contains(assignments + QStringLiteral(":2: ") + QLatin1String(column)))
            << column << " in " << run.err.toStdString();
    EXPECT_EQ(world(), before);
    EXPECT_FALSE(QFile::exists(m_canary));
}

} // namespace
} // namespace steward
