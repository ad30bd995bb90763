// The set-based organisation-wide check (CoverageService::checkAll) against the per-project one
// (checkAllProjectByProject, every project's whole staffing through every rule): on generated
// organisations, with the bundled role packs' rules, on several days and after changes that give
// every core rule something to find, the two reports agree finding for finding, field for field,
// in the same order.
#include "catalog/catalog_sync.h"
#include "database_fixture.h"
#include "demo/demo_generator.h"
#include "demo/demo_organisation.h"
#include "plugins/pluginhost.h"
#include "services/coverage_service.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace steward {
namespace {

const QDate kReferenceDay(2026, 1, 1); // the generator's dates are relative to it

std::string describe(const Finding& f)
{
    return f.projectKey + " " + f.code + " [" + std::string(toString(f.severity)) + "] " +
           f.subject + " (" + f.source + "): " + f.message + " / " + f.remedy;
}

class CoverageEquality : public DatabaseTest {
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        PluginHostOptions options;
        options.searchStandardLocations = false;
        options.searchEnvironment = false;
        options.directories = {QStringLiteral(STEWARD_TEST_PLUGIN_DIR)};
        m_host = std::make_unique<PluginHost>(options);
        m_host->discover();
        m_host->loadAll();
        for (const PluginContent& content : m_host->contents())
            if (!content.roles.empty())
                CatalogSync(db()).syncPack(QString::fromStdString(content.pluginId),
                                           QString::fromStdString(content.pluginName),
                                           QString::fromStdString(content.pluginVersion),
                                           content.roles);
        for (const auto& rule : m_host->rules())
            m_rules.push_back(rule);
        ASSERT_GE(m_rules.size(), 7u)
            << "the role packs' rules were not loaded from " << STEWARD_TEST_PLUGIN_DIR;
    }

    // Gives every core rule something to find: people who left while staffed, people allocated
    // twice over, Responsible entries whose assignment is gone, duties that lost their
    // Accountable or Responsible entry, a retired role.
    void disturb()
    {
        db().exec(QStringLiteral("UPDATE person SET active = false WHERE id % 29 = 0"));
        db().exec(QStringLiteral(
            "INSERT INTO assignment (project_id, person_id, role_key, from_date, to_date, "
            "allocation_percent) SELECT DISTINCT ON (a.person_id) p.id, a.person_id, "
            "'ai-ethicist', a.from_date + 10, NULL, 70 FROM assignment a JOIN project p ON p.id = "
            "(SELECT min(q.id) FROM project q WHERE q.id > a.project_id) WHERE a.person_id % 17 = "
            "0 AND a.to_date IS NULL ORDER BY a.person_id, a.id ON CONFLICT DO NOTHING"));
        db().exec(QStringLiteral("DELETE FROM assignment WHERE id % 23 = 0"));
        db().exec(
            QStringLiteral("DELETE FROM raci_entry WHERE id % 31 = 0 AND kind IN ('A', 'R')"));
        db().exec(
            QStringLiteral("UPDATE raci_entry SET kind = 'C' WHERE id % 37 = 0 AND kind = 'R'"));
        db().exec(
            QStringLiteral("UPDATE role SET retired_at = now() WHERE key = (SELECT r.role_key FROM "
                           "responsibility r WHERE r.required ORDER BY r.role_key DESC LIMIT 1)"));
    }

    // Both checks on `day`; returns how many findings they agreed on.
    std::size_t expectSameReports(const QDate& day)
    {
        CoverageService service(db(), m_rules);
        const CoverageReport setBased = service.checkAll(day);
        const CoverageReport perProject = service.checkAllProjectByProject(day);
        EXPECT_EQ(setBased.projectKeys, perProject.projectKeys)
            << "on " << qPrintable(day.toString());
        EXPECT_EQ(setBased.findings.size(), perProject.findings.size())
            << "on " << qPrintable(day.toString());
        const std::size_t n = std::min(setBased.findings.size(), perProject.findings.size());
        for (std::size_t i = 0; i < n; ++i) {
            const Finding& a = setBased.findings[i];
            const Finding& b = perProject.findings[i];
            if (describe(a) != describe(b)) {
                ADD_FAILURE() << "on " << qPrintable(day.toString()) << ", finding " << i
                              << " differs:\n  set-based:   " << describe(a)
                              << "\n  per project: " << describe(b);
                return i;
            }
        }
        return n;
    }

    // Findings of each code in the per-project report, to show the comparison covered them.
    std::map<std::string, int> codesOn(const QDate& day)
    {
        std::map<std::string, int> codes;
        for (const Finding& f :
             CoverageService(db(), m_rules).checkAllProjectByProject(day).findings)
            ++codes[f.code];
        return codes;
    }

    void compareAround(std::set<std::string>& seen)
    {
        for (const QDate& day : {kReferenceDay, kReferenceDay.addDays(-40),
                                 kReferenceDay.addDays(200), kReferenceDay.addDays(900)}) {
            EXPECT_GT(expectSameReports(day), 0u);
            for (const auto& [code, n] : codesOn(day))
                seen.insert(code);
        }
    }

    std::unique_ptr<PluginHost> m_host;
    std::vector<std::shared_ptr<const Rule>> m_rules;
};

TEST_F(CoverageEquality, SmallGeneratedOrganisation)
{
    DemoGenerator::generate(db(), GeneratedSize::Small, 5);
    std::set<std::string> seen;
    compareAround(seen);
    disturb();
    compareAround(seen);
    for (const char* code : {"NO_ACCOUNTABLE", "NO_RESPONSIBLE", "RACI_WITHOUT_ROLE",
                             "OVER_ALLOCATED", "INACTIVE_ASSIGNEE"})
        EXPECT_TRUE(seen.count(code)) << code << " never came up, so it was not compared";
}

TEST_F(CoverageEquality, MediumGeneratedOrganisation)
{
    DemoGenerator::generate(db(), GeneratedSize::Medium, 1);
    std::set<std::string> seen;
    compareAround(seen);
    disturb();
    EXPECT_GT(expectSameReports(kReferenceDay), 0u);
    EXPECT_GT(expectSameReports(kReferenceDay.addDays(200)), 0u);
    for (const auto& [code, n] : codesOn(kReferenceDay))
        seen.insert(code);
    for (const char* code : {"NO_ACCOUNTABLE", "NO_RESPONSIBLE", "RACI_WITHOUT_ROLE",
                             "OVER_ALLOCATED", "INACTIVE_ASSIGNEE"})
        EXPECT_TRUE(seen.count(code)) << code << " never came up, so it was not compared";
}

// The hand-written demo has a finding of every pack rule as well.
TEST_F(CoverageEquality, DemoOrganisationWithPackRules)
{
    DemoOrganisation::load(db(), kReferenceDay);
    EXPECT_GT(expectSameReports(kReferenceDay), 5u);
    std::set<std::string> sources;
    for (const Finding& f : CoverageService(db(), m_rules).checkAll(kReferenceDay).findings)
        sources.insert(f.source);
    EXPECT_TRUE(sources.count("healthcare") && sources.count("finance") &&
                sources.count("marketing"))
        << "the pack rules found nothing to compare";
}

// A rule that declares no inputs still sees every project's whole staffing, and one that declares
// them sees only its industries.
TEST_F(CoverageEquality, RulesWithoutDeclaredInputsStillSeeWholeStaffing)
{
    DemoGenerator::generate(db(), GeneratedSize::Small, 9);
    class CountsEverything final : public Rule {
    public:
        std::string key() const override { return "counts"; }
        std::string description() const override { return "reports the size of the snapshot"; }
        std::vector<Finding> check(const ProjectStaffing& s) const override
        {
            return {{"TEST_SIZE", Severity::Info, s.project.key, "size",
                     std::to_string(s.raci.size()) + " entries, " +
                         std::to_string(s.assignments.size()) + " assignments, " +
                         std::to_string(s.otherAssignments.size()) + " elsewhere, " +
                         std::to_string(s.people.size()) + " people",
                     "", "test"}};
        }
    };
    class FinanceOnly final : public ScopedRule {
    public:
        explicit FinanceOnly(std::shared_ptr<int> calls)
            : m_calls(std::move(calls))
        {
        }
        std::string key() const override { return "finance-only"; }
        std::string description() const override { return "names each finance project"; }
        RuleInputs inputs() const override { return {{Industry::Finance}, {}, {}}; }
        std::vector<Finding> check(const ProjectStaffing& s) const override
        {
            ++*m_calls;
            if (s.project.industry != Industry::Finance)
                return {};
            return {{"TEST_FINANCE", Severity::Info, s.project.key, "project", "seen", "", "test"}};
        }

    private:
        std::shared_ptr<int> m_calls;
    };
    auto calls = std::make_shared<int>(0);
    CoverageService service(
        db(), {std::make_shared<CountsEverything>(), std::make_shared<FinanceOnly>(calls)});
    const CoverageReport setBased = service.checkAll(kReferenceDay);
    const int setBasedCalls = *calls;
    const CoverageReport perProject = service.checkAllProjectByProject(kReferenceDay);
    ASSERT_EQ(setBased.findings.size(), perProject.findings.size());
    int sizes = 0;
    for (std::size_t i = 0; i < setBased.findings.size(); ++i) {
        EXPECT_EQ(describe(setBased.findings[i]), describe(perProject.findings[i]));
        sizes += setBased.findings[i].code == "TEST_SIZE" ? 1 : 0;
    }
    EXPECT_EQ(static_cast<std::size_t>(sizes), setBased.projectKeys.size());
    const int finance =
        scalar(QStringLiteral("SELECT count(*) FROM project WHERE industry = 'finance' AND status "
                              "NOT IN ('completed', 'cancelled')"))
            .toInt();
    EXPECT_GT(finance, 0);
    int seen = 0;
    for (const Finding& f : setBased.findings)
        seen += f.code == "TEST_FINANCE" ? 1 : 0;
    EXPECT_EQ(seen, finance);
    // Called on the finance projects only, where the per-project check calls it on every one.
    EXPECT_EQ(setBasedCalls, finance);
    EXPECT_EQ(*calls - setBasedCalls, static_cast<int>(perProject.projectKeys.size()));
}

} // namespace
} // namespace steward
