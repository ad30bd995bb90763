// The synthetic organisation behind `steward demo generate`: its shape, its consistency with the
// coverage rules, its history, its determinism, and the refusals.
#include "cli_run.h"
#include "database_fixture.h"
#include "demo/demo_generator.h"
#include "error.h"
#include "services/coverage_service.h"
#include "services/history_service.h"
#include "test_support.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

#include <set>

namespace steward {
namespace {

// The day the generated dates are relative to: checked on it, the staffing is as generated.
const QDate kReferenceDay(2026, 1, 1);

class DemoGeneratorTest : public DatabaseTest {
protected:
    qint64 count(const QString& table)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table)).toLongLong();
    }

    CliRun steward(QStringList args)
    {
        args.prepend(QStringLiteral("--database=") + conninfo());
        return runSteward(QStringLiteral(STEWARD_CLI_PATH), args);
    }
};

TEST_F(DemoGeneratorTest, SmallSizeHasItsAdvertisedShape)
{
    const GenerateResult r = DemoGenerator::generate(db(), GeneratedSize::Small, 7);
    const GeneratedShape shape = shapeOf(GeneratedSize::Small);
    EXPECT_EQ(r.orgUnits, shape.orgUnits);
    EXPECT_EQ(r.people, shape.people);
    EXPECT_EQ(r.projects, shape.projects);
    EXPECT_EQ(r.raciEntries, qint64{shape.projects} * shape.raciPerProject);
    // About twenty role assignments per project.
    EXPECT_GT(r.assignments, 15 * shape.projects);
    EXPECT_LT(r.assignments, 25 * shape.projects);

    EXPECT_EQ(count(QStringLiteral("org_unit")), r.orgUnits);
    EXPECT_EQ(count(QStringLiteral("person")), r.people);
    EXPECT_EQ(count(QStringLiteral("project")), r.projects);
    EXPECT_EQ(count(QStringLiteral("assignment")), r.assignments);
    EXPECT_EQ(count(QStringLiteral("raci_entry")), r.raciEntries);
    // Plausible variety, not one value repeated.
    EXPECT_GE(scalar(QStringLiteral("SELECT count(DISTINCT industry) FROM project")).toInt(), 4);
    EXPECT_GE(scalar(QStringLiteral("SELECT count(DISTINCT stage) FROM project")).toInt(), 4);
    EXPECT_GE(scalar(QStringLiteral("SELECT count(DISTINCT kind) FROM raci_entry")).toInt(), 4);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT count(*) FROM person WHERE org_unit_id IS NULL")).toInt(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM project WHERE owner_id IS NULL")).toInt(),
              0);
}

TEST_F(DemoGeneratorTest, CoverageFindsOnlyTheIntendedKindsOfGap)
{
    DemoGenerator::generate(db(), GeneratedSize::Small, 11);
    // Whoever is Accountable or Responsible holds the responsibility's role on the project, nobody
    // is over-allocated and nobody who left is staffed: the only findings are the deliberate
    // missing Accountable or Responsible, the people who never took the AI-literacy course, and
    // high-risk systems in use whose team has no governance specialist to oversee them.
    const CoverageReport report = CoverageService(db()).checkAll(kReferenceDay);
    EXPECT_FALSE(report.projectKeys.empty());
    std::set<std::string> codes;
    for (const Finding& f : report.findings)
        codes.insert(f.code);
    for (const std::string& code : codes)
        EXPECT_TRUE(code == "NO_ACCOUNTABLE" || code == "NO_RESPONSIBLE" ||
                    code == "UNQUALIFIED_HOLDER" || code == "NO_HUMAN_OVERSIGHT")
            << code;
    EXPECT_LT(report.findings.size(), report.projectKeys.size());
}

TEST_F(DemoGeneratorTest, HistoryRecordsTheGenerationAndStaysIntact)
{
    const qint64 before = count(QStringLiteral("history"));
    const GenerateResult r = DemoGenerator::generate(db(), GeneratedSize::Small, 3);
    // One entry per table, not one per row.
    EXPECT_EQ(count(QStringLiteral("history")), before + 6);
    EXPECT_EQ(scalar(QStringLiteral("SELECT (after ->> 'rows')::bigint FROM history WHERE "
                                    "table_name = 'raci_entry' AND row_key = 'generated:small:3'"))
                  .toLongLong(),
              r.raciEntries);
    const HistoryVerification v = HistoryService(db()).verify();
    EXPECT_TRUE(v.intact);
    EXPECT_EQ(v.rowsChecked, before + 6);
    // The per-row history is back on for everything that follows.
    db().exec(QStringLiteral("UPDATE person SET title = 'Changed' WHERE id = (SELECT min(id) FROM "
                             "person)"));
    EXPECT_EQ(count(QStringLiteral("history")), before + 7);
    EXPECT_TRUE(HistoryService(db()).verify().intact);
}

TEST_F(DemoGeneratorTest, SameSeedSameContentOtherSeedOtherContent)
{
    DemoGenerator::generate(db(), GeneratedSize::Small, 42);
    const QString first = DemoGenerator::contentChecksum(db());
    EXPECT_EQ(first.size(), 64);

    TestDatabase again;
    Database db2(again.conninfo(), QStringLiteral("tester"));
    // Ids differ from the first database's when the identity sequences have moved on.
    db2.exec(QStringLiteral("SELECT nextval(pg_get_serial_sequence('person', 'id')) FROM "
                            "generate_series(1, 17)"));
    DemoGenerator::generate(db2, GeneratedSize::Small, 42);
    EXPECT_EQ(DemoGenerator::contentChecksum(db2), first);

    TestDatabase other;
    Database db3(other.conninfo(), QStringLiteral("tester"));
    DemoGenerator::generate(db3, GeneratedSize::Small, 43);
    EXPECT_NE(DemoGenerator::contentChecksum(db3), first);
}

TEST_F(DemoGeneratorTest, RefusesAnOrganisationThatAlreadyHoldsData)
{
    DemoGenerator::generate(db(), GeneratedSize::Small, 1);
    const QString checksum = DemoGenerator::contentChecksum(db());
    const qint64 history = count(QStringLiteral("history"));
    try {
        DemoGenerator::generate(db(), GeneratedSize::Small, 2);
        FAIL() << "a second generation was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
        EXPECT_TRUE(e.message().contains(QStringLiteral("already holds data")))
            << e.message().toStdString();
    }
    EXPECT_EQ(DemoGenerator::contentChecksum(db()), checksum);
    EXPECT_EQ(count(QStringLiteral("history")), history);
}

TEST_F(DemoGeneratorTest, CommandGeneratesAndExplainsBadArguments)
{
    CliRun r = steward({QStringLiteral("demo"), QStringLiteral("generate"),
                        QStringLiteral("--size"), QStringLiteral("huge")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("small, medium or large"))) << r.err.toStdString();
    r = steward({QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--size"),
                 QStringLiteral("small"), QStringLiteral("--seed"), QStringLiteral("-3")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--seed must be a whole number")))
        << r.err.toStdString();
    r = steward({QStringLiteral("demo"), QStringLiteral("generate")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("size"))) << r.err.toStdString();
    EXPECT_EQ(count(QStringLiteral("person")), 0);

    r = steward({QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--size"),
                 QStringLiteral("small"), QStringLiteral("--seed"), QStringLiteral("5")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("500 people in 10 org units")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(DemoGenerator::contentChecksum(db()))) << r.out.toStdString();

    r = steward({QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--size"),
                 QStringLiteral("small")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("already holds data"))) << r.err.toStdString();
    r = steward({QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--size"),
                 QStringLiteral("small"), QStringLiteral("--if-empty")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("nothing was generated"))) << r.out.toStdString();

    r = steward({QStringLiteral("history"), QStringLiteral("verify")});
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString();
}

} // namespace
} // namespace steward
