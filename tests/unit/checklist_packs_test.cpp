// The NIST AI RMF, EU AI Act and ethics checklist packs: their content is complete, well formed
// and applies to the right projects. The content functions are compiled in directly; loading the
// packs as plugins is the plugin suite's concern.
#include "checklist-ethics/ethics_checklist.h"
#include "checklist-eu-ai-act/eu_ai_act_checklist.h"
#include "checklist-nist-ai-rmf/nist_ai_rmf_checklist.h"

#include <steward/checklist.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace steward {
namespace {

// The twelve generic roles of the built-in catalogue: the only roles a checklist bundled with
// Steward may name, because every organisation has them whatever role packs it loads.
const std::set<std::string> kBuiltinRoles = {"ai-engineer",        "machine-learning-engineer",
                                             "data-scientist",     "data-engineer",
                                             "ai-researcher",      "mlops-engineer",
                                             "ai-ethicist",        "ai-risk-governance-specialist",
                                             "ai-project-manager", "ai-product-manager",
                                             "prompt-engineer",    "ai-consultant"};

std::vector<ChecklistSpec> allChecklists()
{
    return {nistAiRmfChecklist(), euAiActChecklist(), ethicsChecklist()};
}

std::vector<const ChecklistItem*> itemsOf(const ChecklistSpec& spec)
{
    std::vector<const ChecklistItem*> items;
    for (const auto& section : spec.sections)
        for (const auto& item : section.items)
            items.push_back(&item);
    return items;
}

// id -> statement, as exported from the NIST reference data (one "id<TAB>statement" per line,
// in the order of the AI RMF Core tables).
std::vector<std::pair<std::string, std::string>> expectedNistSubcategories()
{
    const std::string path =
        std::string(STEWARD_CHECKLIST_FIXTURES) + "/nist-ai-rmf-1.0-subcategories.tsv";
    std::ifstream in(path);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::vector<std::pair<std::string, std::string>> rows;
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        EXPECT_NE(tab, std::string::npos) << "malformed fixture line: " << line;
        if (tab != std::string::npos)
            rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return rows;
}

// ---------------------------------------------------------------------------------------------
// Every pack

TEST(ChecklistPacks, EveryChecklistCarriesItsProvenance)
{
    for (const auto& spec : allChecklists()) {
        SCOPED_TRACE(spec.key);
        EXPECT_FALSE(spec.key.empty());
        EXPECT_FALSE(spec.title.empty());
        EXPECT_FALSE(spec.framework.empty());
        EXPECT_FALSE(spec.version.empty());
        EXPECT_FALSE(spec.source.empty());
        EXPECT_FALSE(spec.licence.empty());
    }
    const auto keys = allChecklists();
    EXPECT_EQ(keys[0].key, "nist-ai-rmf");
    EXPECT_EQ(keys[1].key, "eu-ai-act");
    EXPECT_EQ(keys[2].key, "ethics");
}

TEST(ChecklistPacks, SectionsAndItemsAreCompleteAndUnique)
{
    for (const auto& spec : allChecklists()) {
        SCOPED_TRACE(spec.key);
        ASSERT_FALSE(spec.sections.empty());
        std::set<std::string> sectionIds;
        std::set<std::string> itemIds;
        for (const auto& section : spec.sections) {
            SCOPED_TRACE(section.id);
            EXPECT_TRUE(sectionIds.insert(section.id).second) << "duplicate section id";
            EXPECT_FALSE(section.title.empty());
            EXPECT_FALSE(section.description.empty());
            EXPECT_FALSE(section.items.empty()) << "empty section";
            for (const auto& item : section.items) {
                SCOPED_TRACE(item.id);
                EXPECT_TRUE(itemIds.insert(item.id).second) << "duplicate item id";
                EXPECT_FALSE(item.text.empty());
                EXPECT_FALSE(item.guidance.empty());
                EXPECT_FALSE(item.expectedEvidence.empty());
                EXPECT_FALSE(item.reference.empty());
                EXPECT_TRUE(kBuiltinRoles.contains(item.roleKey))
                    << "'" << item.roleKey << "' is not a built-in role";
            }
        }
    }
}

TEST(ChecklistPacks, GuidanceIsWrittenPerItemNotCopiedAcrossThePack)
{
    // One generic sentence pasted everywhere would pass every other check; an auditor needs
    // guidance about the item in front of them.
    for (const auto& spec : allChecklists()) {
        SCOPED_TRACE(spec.key);
        std::set<std::string> guidance;
        const auto items = itemsOf(spec);
        for (const auto* item : items)
            guidance.insert(item->guidance);
        EXPECT_EQ(guidance.size(), items.size());
    }
}

// ---------------------------------------------------------------------------------------------
// NIST AI RMF 1.0

TEST(NistAiRmfChecklist, HasExactlyTheNineteenCategoriesOfTheCore)
{
    const auto spec = nistAiRmfChecklist();
    std::vector<std::string> sectionIds;
    for (const auto& section : spec.sections)
        sectionIds.push_back(section.id);
    const std::vector<std::string> expected = {
        "GOVERN 1",  "GOVERN 2", "GOVERN 3", "GOVERN 4", "GOVERN 5",  "GOVERN 6",  "MAP 1",
        "MAP 2",     "MAP 3",    "MAP 4",    "MAP 5",    "MEASURE 1", "MEASURE 2", "MEASURE 3",
        "MEASURE 4", "MANAGE 1", "MANAGE 2", "MANAGE 3", "MANAGE 4"};
    EXPECT_EQ(sectionIds, expected);
    EXPECT_EQ(spec.sections.front().title, "Govern \u2014 GOVERN 1");
    EXPECT_EQ(spec.sections.back().description,
              "Risk treatments, including response and recovery, and communication plans for the "
              "identified and measured AI risks are documented and monitored regularly.");
}

TEST(NistAiRmfChecklist, HasExactlyTheSeventyTwoSubcategoriesWithNistsStatements)
{
    const auto expected = expectedNistSubcategories();
    ASSERT_EQ(expected.size(), 72u);

    const auto spec = nistAiRmfChecklist();
    const auto items = itemsOf(spec);
    ASSERT_EQ(items.size(), 72u);
    for (std::size_t i = 0; i < items.size(); ++i) {
        SCOPED_TRACE(expected[i].first);
        EXPECT_EQ(items[i]->id, expected[i].first);
        EXPECT_EQ(items[i]->text, expected[i].second);
    }
}

TEST(NistAiRmfChecklist, QuotesStatementsVerbatim)
{
    std::map<std::string, std::string> text;
    const auto spec = nistAiRmfChecklist();
    for (const auto* item : itemsOf(spec))
        text[item->id] = item->text;
    EXPECT_EQ(text["GOVERN 1.1"],
              "Legal and regulatory requirements involving AI are understood, managed, and "
              "documented.");
    EXPECT_EQ(text["MANAGE 4.3"],
              "Incidents and errors are communicated to relevant AI actors, including affected "
              "communities. Processes for tracking, responding to, and recovering from incidents "
              "and errors are followed and documented.");
    // NIST's typography survives: a typographic apostrophe and en dashes.
    EXPECT_NE(text["GOVERN 1.3"].find("organization\u2019s risk tolerance"), std::string::npos);
    EXPECT_NE(text["MAP 1.4"].find(" \u2013 in the case of assessing existing AI systems \u2013 "),
              std::string::npos);
}

TEST(NistAiRmfChecklist, CitesTheCoreTableOfEachFunctionAndAppliesToEveryProject)
{
    const auto spec = nistAiRmfChecklist();
    const std::map<std::string, std::string> tableOf = {
        {"GOVERN", "Table 1"}, {"MAP", "Table 2"}, {"MEASURE", "Table 3"}, {"MANAGE", "Table 4"}};
    for (const auto* item : itemsOf(spec)) {
        SCOPED_TRACE(item->id);
        const std::string function = item->id.substr(0, item->id.find(' '));
        ASSERT_TRUE(tableOf.contains(function));
        EXPECT_EQ(item->reference, "NIST AI 100-1, " + tableOf.at(function));
        EXPECT_TRUE(item->applies.riskTiers.empty());
        EXPECT_TRUE(item->applies.actors.empty());
        EXPECT_TRUE(item->applies.industries.empty());
    }
}

// ---------------------------------------------------------------------------------------------
// EU AI Act

// The article number an item id such as "Art. 17(1)(a)" names.
int articleOf(const std::string& itemId)
{
    static const std::regex pattern(R"(^Art\. (\d+)(\(\d+\)(\([a-z]\))?)?$)");
    std::smatch m;
    if (!std::regex_match(itemId, m, pattern))
        return -1;
    return std::stoi(m[1]);
}

TEST(EuAiActChecklist, CoversEveryRequiredArticleOnceAsASection)
{
    const auto spec = euAiActChecklist();
    std::vector<int> articles;
    for (const auto& section : spec.sections) {
        const int number = articleOf(section.id);
        EXPECT_GT(number, 0) << "section id " << section.id;
        EXPECT_EQ(section.title.rfind("Article " + std::to_string(number) + " \u2014 ", 0), 0u)
            << section.title;
        articles.push_back(number);
    }
    const std::vector<int> required = {4, 9, 10, 11, 12, 13, 14, 15, 17, 26, 27, 50, 72, 73};
    EXPECT_EQ(articles, required);

    std::map<int, std::string> titles;
    for (const auto& section : spec.sections)
        titles[articleOf(section.id)] = section.title;
    EXPECT_EQ(titles[9], "Article 9 \u2014 Risk management system");
    EXPECT_EQ(titles[27],
              "Article 27 \u2014 Fundamental rights impact assessment for high-risk AI systems");
    EXPECT_EQ(titles[72], "Article 72 \u2014 Post-market monitoring by providers and post-market "
                          "monitoring plan for high-risk AI systems");
}

TEST(EuAiActChecklist, EveryItemCitesItsOwnArticleAndParagraph)
{
    const auto spec = euAiActChecklist();
    for (const auto& section : spec.sections) {
        for (const auto& item : section.items) {
            SCOPED_TRACE(item.id);
            const int number = articleOf(item.id);
            ASSERT_GT(number, 0) << "item id is not of the form 'Art. N(p)'";
            EXPECT_EQ(number, articleOf(section.id)) << "item filed under another article";
            const std::string provision = item.id.substr(std::string("Art. ").size());
            EXPECT_EQ(item.reference, "Regulation (EU) 2024/1689, Article " + provision);
        }
    }
    // Paragraph-level items, not one item per article.
    EXPECT_GE(itemsOf(spec).size(), 60u);
}

TEST(EuAiActChecklist, AppliesByActorAndRiskTier)
{
    const std::set<int> providerArticles = {9, 10, 11, 12, 13, 14, 15, 17, 72, 73};
    const std::set<int> deployerArticles = {26, 27};
    const auto spec = euAiActChecklist();
    std::map<std::string, const ChecklistItem*> byId;
    for (const auto* item : itemsOf(spec)) {
        SCOPED_TRACE(item->id);
        byId[item->id] = item;
        const int article = articleOf(item->id);
        const auto& applies = item->applies;
        EXPECT_EQ(std::count(applies.actors.begin(), applies.actors.end(),
                             AiActRole::ProviderAndDeployer),
                  0)
            << "list Provider or Deployer; the audit maps provider-and-deployer projects";
        if (providerArticles.contains(article)) {
            EXPECT_EQ(applies.actors, std::vector<AiActRole>{AiActRole::Provider});
            EXPECT_EQ(applies.riskTiers, std::vector<RiskTier>{RiskTier::High});
        } else if (deployerArticles.contains(article)) {
            EXPECT_EQ(applies.actors, std::vector<AiActRole>{AiActRole::Deployer});
            EXPECT_EQ(applies.riskTiers, std::vector<RiskTier>{RiskTier::High});
        } else if (article == 4) {
            EXPECT_TRUE(applies.riskTiers.empty()) << "AI literacy binds every risk tier";
            EXPECT_EQ(applies.actors,
                      (std::vector<AiActRole>{AiActRole::Provider, AiActRole::Deployer}));
        } else {
            ASSERT_EQ(article, 50);
            EXPECT_EQ(applies.riskTiers,
                      (std::vector<RiskTier>{RiskTier::Limited, RiskTier::High}));
        }
    }
    // Article 50 splits by paragraph: 1-2 bind providers, 3-4 deployers, 5 both.
    ASSERT_TRUE(byId.contains("Art. 50(1)") && byId.contains("Art. 50(3)") &&
                byId.contains("Art. 50(5)"));
    EXPECT_EQ(byId["Art. 50(1)"]->applies.actors, std::vector<AiActRole>{AiActRole::Provider});
    EXPECT_EQ(byId["Art. 50(3)"]->applies.actors, std::vector<AiActRole>{AiActRole::Deployer});
    EXPECT_EQ(byId["Art. 50(5)"]->applies.actors,
              (std::vector<AiActRole>{AiActRole::Provider, AiActRole::Deployer}));
    // Registration of use (26(8)) binds only public authorities.
    ASSERT_TRUE(byId.contains("Art. 26(8)"));
    EXPECT_EQ(byId["Art. 26(8)"]->applies.industries,
              std::vector<Industry>{Industry::PublicSector});
    ASSERT_TRUE(byId.contains("Art. 4"));
    EXPECT_TRUE(byId["Art. 4"]->applies.industries.empty());
}

TEST(EuAiActChecklist, HasTheParagraphsThatCarryTheCoreObligations)
{
    const auto spec = euAiActChecklist();
    std::set<std::string> ids;
    for (const auto* item : itemsOf(spec))
        ids.insert(item->id);
    for (const char* id :
         {"Art. 9(2)", "Art. 10(2)", "Art. 10(3)", "Art. 11(1)", "Art. 12(1)", "Art. 13(3)",
          "Art. 14(4)", "Art. 15(5)", "Art. 17(1)(m)", "Art. 26(2)", "Art. 26(6)", "Art. 27(1)",
          "Art. 50(2)", "Art. 50(4)", "Art. 72(3)", "Art. 73(2)", "Art. 73(4)"})
        EXPECT_TRUE(ids.contains(id)) << id;
    // Paragraphs that bind only the Commission or authorities are not audit items.
    for (const char* id : {"Art. 11(3)", "Art. 15(2)", "Art. 27(5)", "Art. 73(7)"})
        EXPECT_FALSE(ids.contains(id)) << id;
}

// ---------------------------------------------------------------------------------------------
// Ethics

TEST(EthicsChecklist, CoversEveryAreaWithThreeToFiveItems)
{
    const auto spec = ethicsChecklist();
    const std::vector<std::string> expected = {"ETH-BIAS",  "ETH-TRANS",  "ETH-RISK",
                                               "ETH-GUIDE", "ETH-LEGAL",  "ETH-SEC",
                                               "ETH-GOV",   "ETH-LAWMON", "ETH-EDU"};
    std::vector<std::string> sectionIds;
    for (const auto& section : spec.sections) {
        SCOPED_TRACE(section.id);
        sectionIds.push_back(section.id);
        EXPECT_GE(section.items.size(), 3u);
        EXPECT_LE(section.items.size(), 5u);
        for (std::size_t i = 0; i < section.items.size(); ++i) {
            const auto& item = section.items[i];
            EXPECT_EQ(item.id, section.id + "-" + std::to_string(i + 1));
            EXPECT_TRUE(item.applies.riskTiers.empty() && item.applies.actors.empty() &&
                        item.applies.industries.empty())
                << item.id << " should apply to every project";
        }
    }
    EXPECT_EQ(sectionIds, expected);
}

TEST(EthicsChecklist, IsAnsweredMostlyByTheEthicsAndGovernanceRoles)
{
    // The audit is built from these two roles' duties; other roles answer where the work sits
    // with them (for example fairness metrics with the data scientist).
    const auto spec = ethicsChecklist();
    const auto items = itemsOf(spec);
    const auto owned = std::count_if(items.begin(), items.end(), [](const ChecklistItem* item) {
        return item->roleKey == "ai-ethicist" || item->roleKey == "ai-risk-governance-specialist";
    });
    EXPECT_GT(owned * 2, static_cast<std::ptrdiff_t>(items.size()));
}

} // namespace
} // namespace steward
