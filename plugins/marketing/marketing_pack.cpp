#include "marketing_pack.h"

#include <steward/builtin_keys.h>
#include <steward/rule_support.h>

#include <algorithm>
#include <cstdint>

namespace steward::marketing {
std::vector<RoleSpec> marketingRoles()
{
    using enum LifecycleStage;
    std::vector<RoleSpec> roles;

    roles.push_back(RoleSpec{
        std::string(keys::kSpecialist),
        "Marketing AI Specialist",
        "Uses AI to understand customers, personalise what they are offered and improve "
        "engagement and growth.",
        "domain",
        Industry::Marketing,
        {
            responsibility(
                keys::kSpecialist, "build-recommendation-systems", Build,
                "Build recommendation systems that personalise what each customer is shown."),
            responsibility(
                keys::kSpecialist, "analyse-customer-behaviour", Analysis,
                "Analyse customer behaviour and preferences to find segments and unmet needs."),
            responsibility(
                keys::kSpecialist, "predict-churn-and-lifetime-value", Build,
                "Predict which customers are likely to leave and how much each customer is "
                "worth over time."),
            responsibility(
                keys::kSpecialist, "optimise-campaigns", Operate,
                "Improve campaigns with insight from models and measure what each change "
                "achieves."),
            responsibility(keys::kSpecialist, "automate-customer-experience", Operate,
                           "Improve the customer experience by automating routine interactions."),
        }});

    roles.push_back(RoleSpec{
        std::string(keys::kPersonalisationLead),
        "Personalisation Lead",
        "Owns how AI personalises offers, content and prices for customers, and its effect on "
        "them.",
        "domain",
        Industry::Marketing,
        {
            responsibility(
                keys::kPersonalisationLead, "define-personalisation-policy", Align,
                "Decide which signals personalisation may use and which it must never use, "
                "such as health, ethnicity or signs of financial difficulty."),
            responsibility(
                keys::kPersonalisationLead, "review-targeting-fairness", Govern,
                "Before each launch, review targeting and personalisation for unfair exclusion, "
                "discriminatory pricing and pressure on vulnerable customers.",
                true),
            responsibility(
                keys::kPersonalisationLead, "measure-customer-impact", Operate,
                "Measure how personalisation affects customers, through complaints, opt-outs "
                "and satisfaction, as well as revenue."),
        }});

    roles.push_back(RoleSpec{
        std::string(keys::kConsentManager),
        "Consent and Preference Manager",
        "Keeps customers' marketing consents and preferences accurate and makes every system "
        "respect them.",
        "ethics-governance",
        Industry::Marketing,
        {
            responsibility(
                keys::kConsentManager, "manage-consent-and-opt-out", Govern,
                "Make sure consent is obtained where the law requires it before customer data "
                "is used for profiling or personalisation, and that opt-outs take effect "
                "promptly in every channel and model."),
            responsibility(
                keys::kConsentManager, "keep-preference-records", Data,
                "Keep an auditable record of each customer's consents and preferences and how "
                "they changed."),
            responsibility(
                keys::kConsentManager, "suppress-opted-out-customers", Operate,
                "Check that customers who opted out are left out of scoring runs and campaign "
                "audiences, and out of training data where consent was the basis for using "
                "it."),
        }});

    roles.push_back(RoleSpec{
        std::string(keys::kPrivacyOwner),
        "Customer Data Privacy Owner",
        "Answers for how the project collects, uses, shares and keeps customer data.",
        "ethics-governance",
        Industry::Marketing,
        {
            responsibility(
                keys::kPrivacyOwner, "approve-customer-data-use", Govern,
                "Approve each source of customer data the project uses, with its purpose and "
                "legal basis on record.",
                true),
            responsibility(keys::kPrivacyOwner, "minimise-and-retain", Data,
                           "Make sure models use only the customer data they need and that data is "
                           "deleted when its retention period ends."),
            responsibility(
                keys::kPrivacyOwner, "assess-profiling-impact", Govern,
                "Carry out a data protection impact assessment before customers are profiled "
                "at scale."),
            responsibility(
                keys::kPrivacyOwner, "honour-customer-rights", Operate,
                "Make sure customers' requests to see, delete or stop the use of their data are "
                "carried out in the project's data and models."),
        }});

    return roles;
}

std::vector<std::shared_ptr<const Rule>> marketingRules()
{
    return {std::make_shared<ConsentAccountableRule>(), std::make_shared<PrivacyOwnerRule>()};
}

std::string ConsentAccountableRule::key() const
{
    return "consent-accountable";
}

std::string ConsentAccountableRule::description() const
{
    return "A marketing project tagged personalisation or churn-prediction has someone on the "
           "project Accountable for consent and opt-out.";
}

RuleInputs ConsentAccountableRule::inputs() const
{
    // isOnProject() looks at every assignment of the Accountable person on the project: the
    // inputs include those for everyone they name.
    return {{Industry::Marketing}, {}, {std::string(keys::kConsentAndOptOut)}};
}

std::vector<Finding> ConsentAccountableRule::check(const ProjectStaffing& s) const
{
    if (s.project.industry != Industry::Marketing)
        return {};
    std::vector<std::string> triggers;
    for (std::string_view tag : {kTagPersonalisation, kTagChurnPrediction}) {
        if (s.project.hasTag(tag))
            triggers.emplace_back(tag);
    }
    if (triggers.empty())
        return {};

    const std::vector<std::int64_t> accountable =
        s.raciHolders(keys::kConsentAndOptOut, RaciKind::Accountable);
    if (std::any_of(accountable.begin(), accountable.end(),
                    [&](std::int64_t id) { return isOnProject(s, id); }))
        return {};

    const std::string project =
        "Project " + s.project.key + " is tagged " + joinWithAnd(triggers) + " but ";
    std::string message;
    if (accountable.empty()) {
        message = project + "no one is Accountable for consent and opt-out (" +
                  std::string(keys::kConsentAndOptOut) + ").";
    } else {
        std::vector<std::string> names;
        for (std::int64_t id : accountable)
            names.push_back(describePerson(s, id));
        message = project + "the person Accountable for consent and opt-out, " +
                  joinWithAnd(names) + ", is no longer active on the project.";
    }
    return {makeFinding(s, kPluginId, codes::kNoConsentAccountable, Severity::Error,
                        std::string(keys::kConsentAndOptOut), std::move(message),
                        "Make someone on the project, usually the consent and preference manager "
                        "(" +
                            std::string(keys::kConsentManager) + "), Accountable for " +
                            std::string(keys::kConsentAndOptOut) + ".")};
}

std::string PrivacyOwnerRule::key() const
{
    return "privacy-owner";
}

std::string PrivacyOwnerRule::description() const
{
    return "A marketing project tagged customer-data has a customer data privacy owner assigned "
           "to it.";
}

RuleInputs PrivacyOwnerRule::inputs() const
{
    return {{Industry::Marketing}, {std::string(keys::kPrivacyOwner)}, {}};
}

std::vector<Finding> PrivacyOwnerRule::check(const ProjectStaffing& s) const
{
    if (s.project.industry != Industry::Marketing || !s.project.hasTag(kTagCustomerData))
        return {};
    if (!activeHolders(s, keys::kPrivacyOwner).empty())
        return {};
    return {makeFinding(
        s, kPluginId, codes::kNoPrivacyOwner, Severity::Warning, std::string(keys::kPrivacyOwner),
        "Project " + s.project.key + " holds customer data but no active person holds the " +
            std::string(keys::kPrivacyOwner) + " role on it.",
        "Assign a customer data privacy owner (" + std::string(keys::kPrivacyOwner) +
            ") to the project.")};
}

} // namespace steward::marketing
