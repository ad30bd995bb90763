// `steward checklist import` and `export` as a user runs them: a file published, a bad one refused
// with FILE:LINE on stderr and exit code 1, the export importing back as nothing new.
#include "cli_run.h"
#include "database_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace steward {
namespace {

class ChecklistCli : public DatabaseTest {
protected:
    CliRun steward(QStringList args)
    {
        args.prepend(QStringLiteral("--database=") + conninfo());
        return runSteward(QStringLiteral(STEWARD_CLI_PATH), args);
    }
    static QString fixture(const char* name)
    {
        return QStringLiteral(STEWARD_CHECKLIST_FIXTURES "/files/") + QString::fromLatin1(name);
    }
    QTemporaryDir m_dir;
};

TEST_F(ChecklistCli, ImportsExportsAndRefusesABadFile)
{
    const QString file = fixture("acme-ai-policy.yaml");
    CliRun r = steward(
        {QStringLiteral("checklist"), QStringLiteral("import"), QStringLiteral("--dry-run"), file});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Would do (nothing written): publishes the new "
                                              "checklist acme-ai-policy, version 1")))
        << r.out.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM checklist WHERE key = "
                                    "'acme-ai-policy'"))
                  .toInt(),
              0);

    r = steward({QStringLiteral("checklist"), QStringLiteral("import"), file});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("publishes the new checklist acme-ai-policy")));
    r = steward({QStringLiteral("checklist"), QStringLiteral("import"), file});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(QStringLiteral("is unchanged"))) << r.out.toStdString();

    r = steward({QStringLiteral("checklist"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    bool listed = false;
    for (const QJsonValue& v : r.json().array())
        if (v[QStringLiteral("key")] == QStringLiteral("acme-ai-policy")) {
            listed = true;
            EXPECT_TRUE(v[QStringLiteral("plugin")].isNull());
            EXPECT_EQ(v[QStringLiteral("file")], QStringLiteral("acme-ai-policy.yaml"));
        }
    EXPECT_TRUE(listed);
    r = steward({QStringLiteral("checklist"), QStringLiteral("show"),
                 QStringLiteral("acme-ai-policy"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject shown = r.json().object();
    EXPECT_EQ(shown[QStringLiteral("file")], QStringLiteral("acme-ai-policy.yaml"));
    EXPECT_EQ(shown[QStringLiteral("file_sha256")].toString().size(), 64);
    EXPECT_TRUE(shown[QStringLiteral("plugin")].isNull());
    EXPECT_EQ(shown[QStringLiteral("items")].toInt(), 4);

    for (const char* format : {"steward", "oscal"}) {
        SCOPED_TRACE(format);
        const QString out = m_dir.filePath(QStringLiteral("export-%1").arg(QLatin1String(format)));
        r = steward({QStringLiteral("checklist"), QStringLiteral("export"),
                     QStringLiteral("acme-ai-policy"), QStringLiteral("--format"),
                     QString::fromLatin1(format), QStringLiteral("--output"), out});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        r = steward({QStringLiteral("checklist"), QStringLiteral("import"), out});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_TRUE(r.out.contains(QStringLiteral("is unchanged"))) << r.out.toStdString();
    }
    r = steward({QStringLiteral("checklist"), QStringLiteral("export"),
                 QStringLiteral("acme-ai-policy"), QStringLiteral("--format"),
                 QStringLiteral("xml")});
    EXPECT_EQ(r.exitCode, 2);

    const QString historyBefore =
        scalar(QStringLiteral("SELECT count(*) || '/' || max(id) FROM history")).toString();
    const QString broken = fixture("acme-ai-policy-broken.yaml");
    r = steward({QStringLiteral("checklist"), QStringLiteral("import"), broken});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("is not imported: 8 problems")))
        << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(broken + QStringLiteral(":12: item GOV-1 is already declared on "
                                                       "line 9")))
        << r.err.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) || '/' || max(id) FROM history")).toString(),
              historyBefore)
        << "a refused import wrote history";
}

// The OSCAL export is a catalog by NIST's official schema; a broken copy is not, so the check
// cannot pass vacuously.
TEST_F(ChecklistCli, TheOscalExportValidatesAgainstTheCatalogSchema)
{
    CliRun r = steward({QStringLiteral("checklist"), QStringLiteral("import"),
                        QStringLiteral(STEWARD_BUNDLED_CHECKLISTS "/iso-iec-42001-2023.yaml")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString exported = m_dir.filePath(QStringLiteral("iso.oscal.json"));
    r = steward({QStringLiteral("checklist"), QStringLiteral("export"),
                 QStringLiteral("iso-iec-42001"), QStringLiteral("--format"),
                 QStringLiteral("oscal"), QStringLiteral("--output"), exported});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const auto validate = [](const QString& document) {
        QProcess p;
        p.start(QStringLiteral(STEWARD_PYTHON3), {QStringLiteral(STEWARD_OSCAL_VALIDATOR),
                                                  QStringLiteral(STEWARD_OSCAL_CATALOG_SCHEMA),
                                                  QStringLiteral("--document"), document});
        EXPECT_TRUE(p.waitForFinished(120000));
        return std::pair{p.exitCode(),
                         QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
    };
    const auto [ok, okOutput] = validate(exported);
    EXPECT_EQ(ok, 0) << okOutput.toStdString();

    QFile f(exported);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QByteArray broken = f.readAll();
    f.close();
    broken.replace("\"id\": \"A.2.2\"", "\"id\": \"A 2.2\""); // not a token
    const QString brokenPath = m_dir.filePath(QStringLiteral("broken.oscal.json"));
    QFile b(brokenPath);
    ASSERT_TRUE(b.open(QIODevice::WriteOnly));
    b.write(broken);
    b.close();
    const auto [bad, badOutput] = validate(brokenPath);
    EXPECT_NE(bad, 0) << badOutput.toStdString();
}

TEST_F(ChecklistCli, TheBundledIso42001ChecklistImports)
{
    const CliRun r =
        steward({QStringLiteral("checklist"), QStringLiteral("import"),
                 QStringLiteral(STEWARD_BUNDLED_CHECKLISTS "/iso-iec-42001-2023.yaml")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("publishes the new checklist iso-iec-42001, version "
                                              "1: 16 sections, 65 items")))
        << r.out.toStdString();
}

} // namespace
} // namespace steward
