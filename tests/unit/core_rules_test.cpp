// The core coverage rules on hand-made snapshots: shapes the database would refuse to store
// (two Accountable people) still have to be recognised, e.g. in an unsaved edit.
#include "coverage/core_rules.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace steward {
namespace {

using namespace std::chrono;

ProjectStaffing snapshot()
{
    ProjectStaffing s;
    s.project.key = "P1";
    s.asOf = year{2026} / 6 / 15;
    s.people = {{1, "ada@x.org", "Ada", true, "", "", {}},
                {2, "bob@x.org", "Bob", true, "", "", {}}};
    s.assignments = {{1, 1, "P1", "data-engineer", year{2026} / 1 / 1, std::nullopt, 50},
                     {2, 2, "P1", "data-engineer", year{2026} / 1 / 1, std::nullopt, 50}};
    s.responsibilities = {{"data-engineer.pipelines", "data-engineer", "Build pipelines.",
                           LifecycleStage::Data, true}};
    s.raci = {{1, "data-engineer.pipelines", RaciKind::Accountable},
              {2, "data-engineer.pipelines", RaciKind::Responsible}};
    return s;
}

std::vector<Finding> check(const ProjectStaffing& s)
{
    std::vector<Finding> all;
    for (const auto& rule : coreCoverageRules()) {
        auto f = rule->check(s);
        all.insert(all.end(), f.begin(), f.end());
    }
    return all;
}

TEST(CoreRules, AWellShapedSnapshotPasses)
{
    EXPECT_TRUE(check(snapshot()).empty());
}

TEST(CoreRules, TwoAccountablePeopleAreAnError)
{
    ProjectStaffing s = snapshot();
    s.raci.push_back({2, "data-engineer.pipelines", RaciKind::Accountable});
    const auto fs = check(s);
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_EQ(fs[0].code, coverage_code::MultipleAccountable);
    EXPECT_EQ(fs[0].severity, Severity::Error);
    EXPECT_NE(fs[0].message.find("Ada"), std::string::npos);
    EXPECT_NE(fs[0].message.find("Bob"), std::string::npos);
}

TEST(CoreRules, TwoAccountableIsWrongEvenForAnOptionalResponsibility)
{
    ProjectStaffing s = snapshot();
    s.responsibilities[0].required = false;
    s.raci = {{1, "data-engineer.pipelines", RaciKind::Accountable},
              {2, "data-engineer.pipelines", RaciKind::Accountable}};
    const auto fs = check(s);
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_EQ(fs[0].code, coverage_code::MultipleAccountable);
}

TEST(CoreRules, AllocationPeaksAreFoundWhereAssignmentsOverlap)
{
    ProjectStaffing s = snapshot();
    s.otherAssignments = {
        {3, 1, "P2", "data-engineer", year{2026} / 3 / 1, year{2026} / 5 / 31, 60},
        {4, 1, "P3", "data-engineer", year{2026} / 9 / 1, std::nullopt, 40}};
    EXPECT_TRUE(check(s).empty())
        << "the P2 overload ended before the snapshot date; P3 brings Ada to 90 %";
    s.otherAssignments.push_back(
        {5, 1, "P4", "data-engineer", year{2026} / 10 / 1, year{2026} / 10 / 31, 20});
    const auto fs = check(s);
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_EQ(fs[0].code, coverage_code::OverAllocated);
    EXPECT_NE(fs[0].message.find("110 %"), std::string::npos) << fs[0].message;
    EXPECT_NE(fs[0].message.find("2026-10-01"), std::string::npos) << fs[0].message;
}

TEST(CoreRules, OverloadOnlyElsewhereIsNotThisProjectsFinding)
{
    ProjectStaffing s = snapshot();
    s.assignments[0].to = year{2026} / 6 / 30;
    s.otherAssignments = {{3, 1, "P2", "data-engineer", year{2026} / 7 / 1, std::nullopt, 60},
                          {4, 1, "P3", "data-engineer", year{2026} / 7 / 1, std::nullopt, 60}};
    EXPECT_TRUE(check(s).empty());
}

} // namespace
} // namespace steward
