// The demo organisation against a real PostgreSQL database: it loads, it looks like an
// organisation, and its coverage report says exactly what the demo documents and nothing else.
#include "catalog/catalog_sync.h"
#include "db/database.h"
#include "db/migrator.h"
#include "demo/demo_organisation.h"
#include "error.h"
#include "plugins/pluginhost.h"
#include "services/coverage_service.h"
#include "services/person_service.h"
#include "services/project_service.h"
#include "test_support.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace steward {
namespace {

using Key = std::tuple<std::string, std::string, std::string>; // code, project, subject

std::vector<Key> keysOf(const std::vector<IntendedGap>& gaps)
{
    std::vector<Key> keys;
    for (const IntendedGap& g : gaps)
        keys.emplace_back(g.code.toStdString(), g.projectKey.toStdString(),
                          g.subject.toStdString());
    std::sort(keys.begin(), keys.end());
    return keys;
}

std::vector<Key> keysOf(const CoverageReport& report)
{
    std::vector<Key> keys;
    for (const Finding& f : report.findings)
        keys.emplace_back(f.code, f.projectKey, f.subject);
    std::sort(keys.begin(), keys.end());
    return keys;
}

std::string describe(const CoverageReport& report)
{
    std::string out;
    for (const Finding& f : report.findings)
        out += "  " + f.code + " " + f.projectKey + " " + f.subject + ": " + f.message + "\n";
    return out;
}

qint64 countOf(Database& db, const QString& sql)
{
    QSqlQuery q = db.exec(sql);
    q.next();
    return q.value(0).toLongLong();
}

std::map<QString, qint64> rowCounts(Database& db)
{
    std::map<QString, qint64> counts;
    for (const char* table :
         {"org_unit", "person", "project", "assignment", "raci_entry", "history"})
        counts[QString::fromLatin1(table)] =
            countOf(db, QStringLiteral("SELECT count(*) FROM ") + QString::fromLatin1(table));
    return counts;
}

class DemoOrganisationTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        TestCluster::setTemplatePreparer([](const QString& conninfo) {
            Database db(conninfo);
            Migrator(db).migrate();
            syncBuiltinCatalogue(db);
        });
    }

    TestDatabase m_testDb;
    Database m_db{m_testDb.conninfo(), QStringLiteral("demo-test")};
    const QDate m_today = QDate::currentDate();
};

TEST_F(DemoOrganisationTest, LoadsARealisticOrganisation)
{
    const DemoLoadResult result = DemoOrganisation::load(m_db, m_today);

    EXPECT_GE(result.people, 35);
    EXPECT_LE(result.people, 45);
    EXPECT_EQ(PersonService(m_db).count(), result.people);
    EXPECT_GE(result.orgUnits, 5);
    EXPECT_LE(result.orgUnits, 7);
    EXPECT_EQ(static_cast<int>(PersonService(m_db).orgUnits().size()), result.orgUnits);
    PersonFilter inactive;
    inactive.active = false;
    const qint64 leavers = PersonService(m_db).count(inactive);
    EXPECT_GE(leavers, 1);
    EXPECT_LE(leavers, 2);
    EXPECT_EQ(
        countOf(m_db,
                QStringLiteral(
                    "SELECT count(*) FROM person WHERE email NOT LIKE '%@demo.steward.example'")),
        0);

    const std::vector<Project> projects = ProjectService(m_db).list();
    EXPECT_EQ(static_cast<int>(projects.size()), result.projects);
    EXPECT_GE(projects.size(), 6u);
    std::set<Industry> industries;
    std::set<RiskTier> tiers;
    std::set<ProjectStage> stages;
    for (const Project& p : projects) {
        industries.insert(p.industry);
        tiers.insert(p.riskTier);
        stages.insert(p.stage);
        EXPECT_FALSE(p.description.isEmpty()) << p.key.toStdString();
        EXPECT_FALSE(p.ownerEmail.isEmpty()) << p.key.toStdString();
        ASSERT_TRUE(p.startDate.has_value()) << p.key.toStdString();
        EXPECT_LE(*p.startDate, m_today) << p.key.toStdString();
    }
    for (Industry industry : {Industry::Healthcare, Industry::Finance, Industry::Marketing})
        EXPECT_TRUE(industries.count(industry)) << toString(industry);
    EXPECT_GE(tiers.size(), 3u);
    EXPECT_GE(stages.size(), 4u);

    EXPECT_EQ(countOf(m_db, QStringLiteral("SELECT count(*) FROM assignment")), result.assignments);
    EXPECT_EQ(countOf(m_db, QStringLiteral("SELECT count(*) FROM raci_entry")), result.raciEntries);
    EXPECT_GE(result.assignments, 60);
    // Without the role packs synchronised, their roles are skipped, not half-staffed.
    EXPECT_TRUE(result.packRolesStaffed.isEmpty());
    EXPECT_FALSE(result.packRolesSkipped.isEmpty());
    EXPECT_EQ(
        countOf(m_db, QStringLiteral("SELECT count(*) FROM assignment WHERE role_key LIKE '%.%'")),
        0);
}

TEST_F(DemoOrganisationTest, CoverageReportListsExactlyTheIntendedGaps)
{
    DemoOrganisation::load(m_db, m_today);
    const CoverageReport report = CoverageService(m_db).checkAll(m_today);
    EXPECT_EQ(keysOf(report), keysOf(intendedCoreGaps())) << "findings:\n" << describe(report);
    // The completed project is staffed in the past and left out of the check.
    EXPECT_EQ(std::count(report.projectKeys.begin(), report.projectKeys.end(), "LEAD-SCORE"), 0);
    EXPECT_GE(report.projectKeys.size(), 6u);
}

TEST_F(DemoOrganisationTest, GapsDoNotDependOnTheDayItIsLoaded)
{
    // Everything is relative to the load date, so a demo loaded on any day tells the same story.
    const QDate someDay(2031, 2, 28);
    DemoOrganisation::load(m_db, someDay);
    const CoverageReport report = CoverageService(m_db).checkAll(someDay);
    EXPECT_EQ(keysOf(report), keysOf(intendedCoreGaps())) << "findings:\n" << describe(report);
}

TEST_F(DemoOrganisationTest, SecondLoadIsRefusedAndChangesNothing)
{
    DemoOrganisation::load(m_db, m_today);
    const auto before = rowCounts(m_db);
    try {
        DemoOrganisation::load(m_db, m_today);
        FAIL() << "a second load was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
        EXPECT_TRUE(e.message().contains(QStringLiteral("already holds data")))
            << e.message().toStdString();
    }
    EXPECT_EQ(rowCounts(m_db), before);
}

TEST_F(DemoOrganisationTest, RefusesADatabaseWithSomeoneInIt)
{
    Person p;
    p.email = QStringLiteral("someone@example.org");
    p.name = QStringLiteral("Someone Real");
    p.title = QStringLiteral("Analyst");
    PersonService(m_db).add(p);
    EXPECT_THROW(DemoOrganisation::load(m_db, m_today), Error);
    EXPECT_EQ(PersonService(m_db).count(), 1);
    EXPECT_EQ(countOf(m_db, QStringLiteral("SELECT count(*) FROM project")), 0);
}

TEST_F(DemoOrganisationTest, HistoryRecordsTheDemoData)
{
    const DemoLoadResult result = DemoOrganisation::load(m_db, m_today);
    auto inserts = [&](const char* table) {
        return countOf(
            m_db,
            QStringLiteral("SELECT count(*) FROM history WHERE operation = 'INSERT' AND actor = "
                           "'demo-test' AND table_name = '%1'")
                .arg(QString::fromLatin1(table)));
    };
    EXPECT_EQ(inserts("person"), result.people);
    EXPECT_EQ(inserts("project"), result.projects);
    EXPECT_EQ(inserts("assignment"), result.assignments);
    EXPECT_EQ(inserts("raci_entry"), result.raciEntries);
    // The leavers were made inactive by an update, which the history keeps with before and after.
    EXPECT_EQ(
        countOf(
            m_db,
            QStringLiteral(
                "SELECT count(*) FROM history WHERE table_name = 'person' AND operation = "
                "'UPDATE' AND (before->>'active')::boolean AND NOT (after->>'active')::boolean")),
        countOf(m_db, QStringLiteral("SELECT count(*) FROM person WHERE NOT active")));
}

// With the healthcare, finance and marketing packs synchronised before the demo, their roles are
// staffed too, and the packs' rules find exactly the documented pack gaps on top of the core ones.
TEST_F(DemoOrganisationTest, WithRolePacksTheirRulesFindTheIntendedPackGaps)
{
    PluginHostOptions options;
    options.searchStandardLocations = false;
    options.searchEnvironment = false;
    options.directories = {QStringLiteral(STEWARD_TEST_PLUGIN_DIR)};
    PluginHost host(options);
    host.discover();
    host.loadAll();
    const std::set<std::string> packs = {"healthcare", "finance", "marketing"};
    std::set<std::string> synced;
    for (const PluginContent& content : host.contents()) {
        if (!packs.count(content.pluginId))
            continue;
        CatalogSync(m_db).syncPack(QString::fromStdString(content.pluginId),
                                   QString::fromStdString(content.pluginName),
                                   QString::fromStdString(content.pluginVersion), content.roles);
        synced.insert(content.pluginId);
    }
    std::string states;
    for (const PluginRecord& r : host.plugins())
        states += "  " + r.id + ": " + std::string(toString(r.state)) + " " +
                  r.error.toStdString() + "\n";
    ASSERT_EQ(synced, packs) << "plugins in " << STEWARD_TEST_PLUGIN_DIR << ":\n" << states;

    const DemoLoadResult result = DemoOrganisation::load(m_db, m_today);
    EXPECT_TRUE(result.packRolesSkipped.isEmpty())
        << result.packRolesSkipped.join(QStringLiteral(", ")).toStdString();
    EXPECT_GE(result.packRolesStaffed.size(), 10);

    std::vector<std::shared_ptr<const Rule>> rules;
    for (const auto& rule : host.rules())
        rules.push_back(rule);
    const CoverageReport report = CoverageService(m_db, rules).checkAll(m_today);
    std::vector<IntendedGap> expected = intendedCoreGaps();
    for (const IntendedGap& g : intendedPackGaps())
        expected.push_back(g);
    EXPECT_EQ(keysOf(report), keysOf(expected)) << "findings:\n" << describe(report);
}

} // namespace
} // namespace steward
