#include "catalog/builtin_catalogue.h"

#include <steward/builtin_keys.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace steward {
namespace {

// The same patterns as the CHECK constraints on role.key and responsibility.key in sql/.
const std::regex kRoleKey{"^[a-z0-9]+(-[a-z0-9]+)*$"};
const std::regex kResponsibilityKey{R"(^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$)"};

// The SDK's named keys (steward/builtin_keys.h) are the catalogue's, both ways: a rule that uses
// a constant names a role that exists, and every role and responsibility has its constant.
TEST(BuiltinCatalogue, TheSdkKeyConstantsAreExactlyTheCataloguesKeys)
{
    std::set<std::string> roles, responsibilities;
    for (const RoleSpec& r : builtinRoles()) {
        roles.insert(r.key);
        for (const ResponsibilitySpec& d : r.responsibilities)
            responsibilities.insert(d.key);
    }
    const std::set<std::string> roleConstants(builtin::roles::kAll.begin(),
                                              builtin::roles::kAll.end());
    const std::set<std::string> responsibilityConstants(builtin::responsibilities::kAll.begin(),
                                                        builtin::responsibilities::kAll.end());
    EXPECT_EQ(roleConstants, roles);
    EXPECT_EQ(responsibilityConstants, responsibilities);
    EXPECT_EQ(roleConstants.size(), builtin::roles::kAll.size()) << "a role constant is repeated";
    EXPECT_EQ(responsibilityConstants.size(), builtin::responsibilities::kAll.size())
        << "a responsibility constant is repeated";
    EXPECT_EQ(builtin::responsibilities::kAiProjectManagerDefineGoalsAndScope,
              "ai-project-manager.define-goals-and-scope");
}

TEST(BuiltinCatalogue, HoldsExactlyTheTwelveGenericRoles)
{
    std::vector<std::string> keys;
    for (const RoleSpec& r : builtinRoles())
        keys.push_back(r.key);
    const std::vector<std::string> expected{
        "ai-engineer",        "machine-learning-engineer",
        "data-scientist",     "data-engineer",
        "ai-researcher",      "mlops-engineer",
        "ai-ethicist",        "ai-risk-governance-specialist",
        "ai-project-manager", "ai-product-manager",
        "prompt-engineer",    "ai-consultant",
    };
    EXPECT_EQ(keys, expected);
}

TEST(BuiltinCatalogue, KeysAreWellFormedUniqueAndScopedToTheirRole)
{
    std::set<std::string> seen;
    for (const RoleSpec& r : builtinRoles()) {
        EXPECT_TRUE(std::regex_match(r.key, kRoleKey)) << r.key;
        EXPECT_TRUE(seen.insert(r.key).second) << "duplicate key " << r.key;
        for (const ResponsibilitySpec& d : r.responsibilities) {
            EXPECT_TRUE(std::regex_match(d.key, kResponsibilityKey)) << d.key;
            EXPECT_TRUE(d.key.starts_with(r.key + '.')) << d.key << " is not under " << r.key;
            EXPECT_TRUE(seen.insert(d.key).second) << "duplicate key " << d.key;
        }
    }
}

TEST(BuiltinCatalogue, EveryRoleHasTheResponsibilitiesTheReferenceTextGivesIt)
{
    // Bullet counts under "Key Responsibilities" in reference/ai-roles-and-responsibilities.txt.
    // Several lists end with a closing bullet that describes the role instead of a duty (machine
    // learning engineer "This role is critical...", data scientist, data engineer, researcher,
    // ethicist and project manager); those are not counted. The risk and governance specialist
    // has one duty more than the text: human oversight of high-risk systems in use, which the EU
    // AI Act (Art. 26(2)) asks a deployer to assign and the NO_HUMAN_OVERSIGHT rule looks for.
    const std::map<std::string, std::size_t> expected{
        {"ai-engineer", 9},        {"machine-learning-engineer", 6},
        {"data-scientist", 8},     {"data-engineer", 5},
        {"ai-researcher", 7},      {"mlops-engineer", 6},
        {"ai-ethicist", 7},        {"ai-risk-governance-specialist", 6},
        {"ai-project-manager", 7}, {"ai-product-manager", 6},
        {"prompt-engineer", 4},    {"ai-consultant", 5},
    };
    std::size_t total = 0;
    for (const RoleSpec& r : builtinRoles()) {
        ASSERT_TRUE(expected.contains(r.key)) << r.key;
        EXPECT_EQ(r.responsibilities.size(), expected.at(r.key)) << r.key;
        total += r.responsibilities.size();
    }
    EXPECT_EQ(total, 76u);
}

TEST(BuiltinCatalogue, QualificationsMatchTheirKeysAndEveryRequirementNamesOne)
{
    std::set<std::string> keys;
    for (const QualificationSpec& q : builtinQualifications()) {
        EXPECT_TRUE(keys.insert(q.key).second) << "duplicate " << q.key;
        EXPECT_FALSE(q.name.empty()) << q.key;
        ASSERT_TRUE(q.validityMonths.has_value()) << q.key << ": refresher training lapses";
        EXPECT_GE(*q.validityMonths, 1) << q.key;
    }
    EXPECT_EQ(keys, (std::set<std::string>(builtin::qualifications::kAll.begin(),
                                           builtin::qualifications::kAll.end())));
    std::set<std::string> duties;
    for (const RoleSpec& r : builtinRoles())
        for (const ResponsibilitySpec& d : r.responsibilities)
            duties.insert(d.key);
    bool everyone = false;
    bool oversight = false;
    for (const QualificationRequirementSpec& r : builtinQualificationRequirements()) {
        EXPECT_TRUE(keys.count(r.qualificationKey)) << r.qualificationKey;
        EXPECT_TRUE(r.responsibilityKey.empty() || duties.count(r.responsibilityKey))
            << r.responsibilityKey;
        everyone |= r.roleKey.empty() && r.responsibilityKey.empty() &&
                    r.qualificationKey == builtin::qualifications::kAiLiteracyBasics;
        oversight |= r.responsibilityKey == builtin::responsibilities::kHumanOversight &&
                     r.qualificationKey == builtin::qualifications::kHumanOversightOfHighRiskAi;
    }
    EXPECT_TRUE(everyone) << "every role requires AI literacy (EU AI Act Art. 4)";
    EXPECT_TRUE(oversight) << "human oversight requires its training (Art. 26(2))";
}

TEST(BuiltinCatalogue, RolesAreDescribedAndCategorised)
{
    const std::set<std::string> categories{"engineering",      "data",       "research",
                                           "operations",       "management", "advisory",
                                           "ethics-governance"};
    for (const RoleSpec& r : builtinRoles()) {
        EXPECT_FALSE(r.name.empty()) << r.key;
        EXPECT_GE(r.summary.size(), 40u) << r.key << " needs a real summary";
        EXPECT_TRUE(r.summary.ends_with('.')) << r.key;
        EXPECT_TRUE(categories.contains(r.category)) << r.key << ": " << r.category;
        EXPECT_EQ(r.industry, std::nullopt) << r.key << " is generic, not an industry specialist";
    }
}

TEST(BuiltinCatalogue, ResponsibilitiesAreSingleImperativeSentences)
{
    for (const RoleSpec& r : builtinRoles()) {
        for (const ResponsibilitySpec& d : r.responsibilities) {
            ASSERT_FALSE(d.text.empty()) << d.key;
            EXPECT_TRUE(std::isupper(static_cast<unsigned char>(d.text.front()))) << d.key;
            EXPECT_TRUE(d.text.ends_with('.')) << d.key;
            EXPECT_EQ(std::count(d.text.begin(), d.text.end(), '.'), 1) << d.key;
            // The reference text uses gerunds ("Designing ..."); ours are instructions.
            const std::string firstWord = d.text.substr(0, d.text.find(' '));
            EXPECT_FALSE(firstWord.ends_with("ing")) << d.key << ": " << d.text;
        }
    }
}

TEST(BuiltinCatalogue, RequiredSetIsSmallAndSpansTheLifecycle)
{
    std::size_t required = 0;
    std::set<LifecycleStage> stages;
    for (const RoleSpec& r : builtinRoles()) {
        for (const ResponsibilitySpec& d : r.responsibilities) {
            if (!d.required)
                continue;
            ++required;
            stages.insert(d.stage);
            EXPECT_NE(d.stage, LifecycleStage::Research)
                << d.key << ": research duties are never demanded of every project";
        }
    }
    EXPECT_GE(required, 12u);
    EXPECT_LE(required, 16u);
    for (LifecycleStage s :
         {LifecycleStage::Data, LifecycleStage::Analysis, LifecycleStage::Build,
          LifecycleStage::Operate, LifecycleStage::Govern, LifecycleStage::Align})
        EXPECT_TRUE(stages.contains(s)) << "no required responsibility at stage " << toString(s);
}

TEST(BuiltinCatalogue, StagesFollowHowTheRolesWorkTogether)
{
    // Spot checks of the per-responsibility judgement: the role's usual stage, except where a
    // duty plainly belongs elsewhere.
    std::map<std::string, LifecycleStage> stageOf;
    for (const RoleSpec& r : builtinRoles())
        for (const ResponsibilitySpec& d : r.responsibilities)
            stageOf.emplace(d.key, d.stage);
    EXPECT_EQ(stageOf.at("ai-researcher.explore-methods"), LifecycleStage::Research);
    EXPECT_EQ(stageOf.at("data-engineer.build-data-pipelines"), LifecycleStage::Data);
    EXPECT_EQ(stageOf.at("data-scientist.analyse-patterns"), LifecycleStage::Analysis);
    EXPECT_EQ(stageOf.at("ai-engineer.develop-models"), LifecycleStage::Build);
    EXPECT_EQ(stageOf.at("ai-engineer.monitor-systems"), LifecycleStage::Operate);
    EXPECT_EQ(stageOf.at("mlops-engineer.detect-drift"), LifecycleStage::Operate);
    EXPECT_EQ(stageOf.at("ai-ethicist.detect-bias"), LifecycleStage::Govern);
    EXPECT_EQ(stageOf.at("ai-consultant.develop-strategy"), LifecycleStage::Align);
}

} // namespace
} // namespace steward
