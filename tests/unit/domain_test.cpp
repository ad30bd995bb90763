#include "domain/validation.h"

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

// Found by fuzz-fields: an address with a next-line character (U+0085), a no-break space or a
// zero-width joiner looks like another one; each is refused, naming the character.
TEST(Validation, AnEmailWithAnInvisibleOrUnicodeSpaceIsRefused)
{
    EXPECT_TRUE(checkEmail(QStringLiteral("ada@example.org")).isEmpty());
    for (const char16_t c : {u'\u0085', u'\u00A0', u'\u200D', u'\u2028', u'\t'}) {
        const QString problem = checkEmail(QStringLiteral("ada@example.org") + QChar(c));
        EXPECT_TRUE(problem.contains(
            QStringLiteral("(U+%1)").arg(QString::number(c, 16).rightJustified(4, u'0').toUpper())))
            << problem.toStdString();
    }
}

} // namespace
} // namespace steward
