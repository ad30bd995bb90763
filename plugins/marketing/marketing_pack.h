// Marketing role pack: the marketing AI specialist and the roles that govern personalisation and
// customer data (personalisation lead, consent and preference manager, customer data privacy
// owner), with rules for consent accountability and a named privacy owner.
//
// Pure content and logic over the SDK types, so the unit tests compile it directly; plugin.cpp
// only wraps it in a Plugin.
#pragma once

#include <steward/catalog.h>
#include <steward/staffing.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace steward::marketing {

inline constexpr char kPluginId[] = "marketing";

// Keys the rules look for. They are stored in PostgreSQL and named in RACI entries, so they are
// part of the pack's contract and never renamed.
namespace keys {
inline constexpr std::string_view kSpecialist = "marketing.ai-specialist";
inline constexpr std::string_view kPersonalisationLead = "marketing.personalisation-lead";
inline constexpr std::string_view kConsentManager = "marketing.consent-manager";
inline constexpr std::string_view kPrivacyOwner = "marketing.customer-data-privacy-owner";
inline constexpr std::string_view kConsentAndOptOut =
    "marketing.consent-manager.manage-consent-and-opt-out";
} // namespace keys

namespace codes {
inline constexpr std::string_view kNoConsentAccountable = "MARKETING_NO_CONSENT_ACCOUNTABLE";
inline constexpr std::string_view kNoPrivacyOwner = "MARKETING_NO_PRIVACY_OWNER";
} // namespace codes

inline constexpr std::string_view kTagPersonalisation = "personalisation";
inline constexpr std::string_view kTagChurnPrediction = "churn-prediction";
inline constexpr std::string_view kTagCustomerData = "customer-data";

std::vector<RoleSpec> marketingRoles();
std::vector<std::shared_ptr<const Rule>> marketingRules();

// Profiling customers to personalise offers or predict churn depends on their consent and on
// honouring opt-outs, so someone on the project must answer for both.
class ConsentAccountableRule final : public ScopedRule {
public:
    std::string key() const override;
    std::string description() const override;
    std::vector<Finding> check(const ProjectStaffing& staffing) const override;
    RuleInputs inputs() const override;
};

// A project that holds customer data needs a named person who owns its privacy.
class PrivacyOwnerRule final : public ScopedRule {
public:
    std::string key() const override;
    std::string description() const override;
    std::vector<Finding> check(const ProjectStaffing& staffing) const override;
    RuleInputs inputs() const override;
};

} // namespace steward::marketing
