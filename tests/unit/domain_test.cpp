#include <steward/domain.h>

#include <gtest/gtest.h>

namespace steward {
namespace {

TEST(Domain, EveryRiskTierRoundTripsThroughItsText)
{
    for (RiskTier t :
         {RiskTier::Minimal, RiskTier::Limited, RiskTier::High, RiskTier::Unacceptable})
        EXPECT_EQ(parseRiskTier(toString(t)), t);
    EXPECT_EQ(parseRiskTier("High"), std::nullopt) << "text forms are lower case and exact";
    EXPECT_EQ(parseRiskTier(""), std::nullopt);
}

TEST(Domain, RaciKindsUseTheirLetters)
{
    EXPECT_EQ(toString(RaciKind::Accountable), "A");
    EXPECT_EQ(parseRaciKind("R"), RaciKind::Responsible);
    EXPECT_EQ(parseRaciKind("X"), std::nullopt);
}

TEST(Domain, ProjectStatusUsesHyphenatedText)
{
    EXPECT_EQ(toString(ProjectStatus::OnHold), "on-hold");
    EXPECT_EQ(parseProjectStatus("on-hold"), ProjectStatus::OnHold);
    EXPECT_EQ(toString(AiActRole::ProviderAndDeployer), "provider-and-deployer");
}

} // namespace
} // namespace steward
