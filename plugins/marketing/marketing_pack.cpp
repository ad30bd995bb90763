#include "marketing_pack.h"

#include <algorithm>
#include <cstdint>

namespace steward::marketing {
namespace {

std::string describePerson(const ProjectStaffing& s, std::int64_t id)
{
    if (const PersonInfo* p = s.person(id))
        return p->name + " (" + p->email + ")";
    return "person #" + std::to_string(id);
}

std::string joinWithAnd(const std::vector<std::string>& parts)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += i + 1 == parts.size() ? " and " : ", ";
        out += parts[i];
    }
    return out;
}

bool isActive(const ProjectStaffing& s, std::int64_t id)
{
    const PersonInfo* p = s.person(id);
    return p != nullptr && p->active;
}

// Holders of a role on the snapshot date who are still active: someone who has left cannot be
// the project's privacy owner.
std::vector<std::int64_t> activeHolders(const ProjectStaffing& s, std::string_view roleKey)
{
    std::vector<std::int64_t> ids = s.holdersOf(roleKey);
    std::erase_if(ids, [&](std::int64_t id) { return !isActive(s, id); });
    return ids;
}

// A RACI entry outlives the assignment behind it; an Accountable who is no longer on the project
// (in any role) on the snapshot date answers for nothing.
bool isOnProject(const ProjectStaffing& s, std::int64_t id)
{
    return isActive(s, id) &&
           std::any_of(s.assignments.begin(), s.assignments.end(), [&](const AssignmentInfo& a) {
               return a.personId == id && a.coversDate(s.asOf);
           });
}

Finding makeFinding(std::string_view code, Severity severity, const ProjectStaffing& s,
                    std::string subject, std::string message, std::string remedy)
{
    return Finding{.code = std::string(code),
                   .severity = severity,
                   .projectKey = s.project.key,
                   .subject = std::move(subject),
                   .message = std::move(message),
                   .remedy = std::move(remedy),
                   .source = std::string(kPluginId)};
}

ResponsibilitySpec resp(std::string_view roleKey, std::string_view slug, LifecycleStage stage,
                        std::string text, bool required = false)
{
    return ResponsibilitySpec{std::string(roleKey) + "." + std::string(slug), std::move(text),
                              stage, required};
}

} // namespace

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
            resp(keys::kSpecialist, "build-recommendation-systems", Build,
                 "Build recommendation systems that personalise what each customer is shown."),
            resp(keys::kSpecialist, "analyse-customer-behaviour", Analysis,
                 "Analyse customer behaviour and preferences to find segments and unmet needs."),
            resp(keys::kSpecialist, "predict-churn-and-lifetime-value", Build,
                 "Predict which customers are likely to leave and how much each customer is "
                 "worth over time."),
            resp(keys::kSpecialist, "optimise-campaigns", Operate,
                 "Improve campaigns with insight from models and measure what each change "
                 "achieves."),
            resp(keys::kSpecialist, "automate-customer-experience", Operate,
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
            resp(keys::kPersonalisationLead, "define-personalisation-policy", Align,
                 "Decide which signals personalisation may use and which it must never use, "
                 "such as health, ethnicity or signs of financial difficulty."),
            resp(keys::kPersonalisationLead, "review-targeting-fairness", Govern,
                 "Before each launch, review targeting and personalisation for unfair exclusion, "
                 "discriminatory pricing and pressure on vulnerable customers.",
                 true),
            resp(keys::kPersonalisationLead, "measure-customer-impact", Operate,
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
            resp(keys::kConsentManager, "manage-consent-and-opt-out", Govern,
                 "Make sure consent is obtained where the law requires it before customer data "
                 "is used for profiling or personalisation, and that opt-outs take effect "
                 "promptly in every channel and model."),
            resp(keys::kConsentManager, "keep-preference-records", Data,
                 "Keep an auditable record of each customer's consents and preferences and how "
                 "they changed."),
            resp(keys::kConsentManager, "suppress-opted-out-customers", Operate,
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
            resp(keys::kPrivacyOwner, "approve-customer-data-use", Govern,
                 "Approve each source of customer data the project uses, with its purpose and "
                 "legal basis on record.",
                 true),
            resp(keys::kPrivacyOwner, "minimise-and-retain", Data,
                 "Make sure models use only the customer data they need and that data is "
                 "deleted when its retention period ends."),
            resp(keys::kPrivacyOwner, "assess-profiling-impact", Govern,
                 "Carry out a data protection impact assessment before customers are profiled "
                 "at scale."),
            resp(keys::kPrivacyOwner, "honour-customer-rights", Operate,
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
    return {makeFinding(codes::kNoConsentAccountable, Severity::Error, s,
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
        codes::kNoPrivacyOwner, Severity::Warning, s, std::string(keys::kPrivacyOwner),
        "Project " + s.project.key + " holds customer data but no active person holds the " +
            std::string(keys::kPrivacyOwner) + " role on it.",
        "Assign a customer data privacy owner (" + std::string(keys::kPrivacyOwner) +
            ") to the project.")};
}

} // namespace steward::marketing
