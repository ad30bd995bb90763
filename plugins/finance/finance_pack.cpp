#include "finance_pack.h"

#include <steward/builtin_keys.h>
#include <steward/rule_support.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

namespace steward::finance {
namespace {

// Generic catalogue roles whose holders build models; a validator holding one of them on the same
// project is reviewing their own work.
constexpr std::array<std::string_view, 5> kDeveloperRoles = {
    keys::kModelDeveloper, keys::kSpecialist, builtin::roles::kAiEngineer,
    builtin::roles::kMachineLearningEngineer, builtin::roles::kDataScientist};

} // namespace

std::vector<RoleSpec> financeRoles()
{
    using enum LifecycleStage;
    std::vector<RoleSpec> roles;

    roles.push_back(RoleSpec{
        std::string(keys::kSpecialist),
        "Finance AI Specialist",
        "Applies AI to financial work such as fraud detection, risk analysis, forecasting and "
        "trading, within the rules that govern financial services.",
        "domain",
        Industry::Finance,
        {
            responsibility(
                keys::kSpecialist, "build-fraud-and-risk-models", Build,
                "Build models that detect fraud and assess credit, market and operational risk."),
            responsibility(
                keys::kSpecialist, "analyse-financial-trends", Analysis,
                "Analyse financial trends and produce forecasts the business can plan with."),
            responsibility(
                keys::kSpecialist, "support-automated-trading", Operate,
                "Support automated trading systems with models that run inside agreed limits "
                "and controls."),
            responsibility(
                keys::kSpecialist, "meet-financial-regulation", Govern,
                "Design and use models so that they meet the financial regulation that applies "
                "to them."),
            responsibility(
                keys::kSpecialist, "automate-operations", Build,
                "Make financial operations faster and more accurate by automating manual work "
                "with AI."),
        }});

    roles.push_back(RoleSpec{
        std::string(keys::kModelOwner),
        "Model Owner",
        "The business owner of a model: answers for its use, its performance and the risk it "
        "leaves behind.",
        "management",
        Industry::Finance,
        {
            responsibility(
                keys::kModelOwner, "register-model", Govern,
                "Record the model in the model inventory with its purpose, limitations, risk "
                "rating and owner, and keep the entry current.",
                true),
            responsibility(
                keys::kModelOwner, "approve-model-use", Govern,
                "Approve the model for use only within the scope it was validated for, and "
                "accept its remaining risk on the record.",
                true),
            responsibility(
                keys::kModelOwner, "monitor-model-performance", Operate,
                "Track the model against agreed performance thresholds and act when one is "
                "breached."),
            responsibility(
                keys::kModelOwner, "retire-model", Operate,
                "Withdraw the model when it no longer performs or is no longer needed, and "
                "see that its decisions stay explainable afterwards."),
        }});

    roles.push_back(RoleSpec{
        std::string(keys::kModelDeveloper),
        "Model Developer",
        "Designs, builds and documents a financial model, and fixes what validation finds.",
        "engineering",
        Industry::Finance,
        {
            responsibility(
                keys::kModelDeveloper, "develop-model", Build,
                "Design, build and test the model, documenting its theory, data, assumptions "
                "and limitations."),
            responsibility(
                keys::kModelDeveloper, "remediate-validation-findings", Build,
                "Fix the issues that independent validation raises and record how each one "
                "was resolved."),
        }});

    roles.push_back(RoleSpec{
        std::string(keys::kModelValidator),
        "Independent Model Validator",
        "Challenges a model independently of the people who built it, before first use and "
        "whenever it changes materially.",
        "ethics-governance",
        Industry::Finance,
        {
            responsibility(
                keys::kModelValidator, "validate-model", Analysis,
                "Independently test the model's conceptual soundness, data, implementation and "
                "outcomes before first use and after every material change.",
                true),
            responsibility(
                keys::kModelValidator, "review-ongoing-performance", Operate,
                "Review monitoring and back-testing results on a set cycle and decide when the "
                "model must be revalidated."),
            responsibility(
                keys::kModelValidator, "set-usage-conditions", Govern,
                "Set the conditions and limits under which the model may be used, based on the "
                "weaknesses validation found."),
        }});

    roles.push_back(RoleSpec{
        std::string(keys::kComplianceOfficer),
        "Compliance Officer",
        "Makes sure AI in regulated financial activities, such as trading and lending, meets the "
        "law and the regulator's expectations.",
        "ethics-governance",
        Industry::Finance,
        {
            responsibility(
                keys::kComplianceOfficer, "ensure-regulatory-compliance", Govern,
                "Confirm that the system meets the financial regulation that applies to it, "
                "such as consumer credit, market abuse and anti-money-laundering rules, before "
                "launch and while it runs."),
            responsibility(
                keys::kComplianceOfficer, "explain-adverse-decisions", Govern,
                "Make sure customers refused credit or otherwise adversely affected by the "
                "model receive the reasons they are entitled to."),
            responsibility(
                keys::kComplianceOfficer, "keep-audit-trail", Operate,
                "Keep records of model decisions, trades and approvals that a regulator can "
                "inspect."),
        }});

    return roles;
}

std::vector<std::shared_ptr<const Rule>> financeRules()
{
    return {std::make_shared<ValidatorIndependenceRule>(),
            std::make_shared<ComplianceAccountabilityRule>()};
}

std::string ValidatorIndependenceRule::key() const
{
    return "validator-independence";
}

std::string ValidatorIndependenceRule::description() const
{
    return "On a finance project, nobody who validates the model also holds a role that "
           "develops it.";
}

RuleInputs ValidatorIndependenceRule::inputs() const
{
    // Only validators' developer roles matter, and the inputs hold every assignment of the people
    // they name: the developer roles need not be read for everyone.
    return {{Industry::Finance},
            {std::string(keys::kModelValidator)},
            {std::string(keys::kValidateModel), std::string(keys::kDevelopModel)}};
}

std::vector<Finding> ValidatorIndependenceRule::check(const ProjectStaffing& s) const
{
    if (s.project.industry != Industry::Finance)
        return {};

    // Ordered by person id so that findings come out in a stable order.
    std::map<std::int64_t, std::vector<std::string>> validating;
    for (std::int64_t id : s.holdersOf(keys::kModelValidator))
        validating[id].push_back("holds the " + std::string(keys::kModelValidator) + " role");
    for (RaciKind kind : {RaciKind::Responsible, RaciKind::Accountable}) {
        for (std::int64_t id : s.raciHolders(keys::kValidateModel, kind))
            validating[id].push_back("is " + std::string(raciWord(kind)) + " for " +
                                     std::string(keys::kValidateModel));
    }

    std::map<std::int64_t, std::vector<std::string>> developing;
    for (std::string_view role : kDeveloperRoles) {
        for (std::int64_t id : s.holdersOf(role))
            developing[id].push_back("holds the " + std::string(role) + " role");
    }
    for (std::int64_t id : s.raciHolders(keys::kDevelopModel, RaciKind::Responsible))
        developing[id].push_back("is Responsible for " + std::string(keys::kDevelopModel));

    std::vector<Finding> findings;
    for (const auto& [id, asValidator] : validating) {
        const auto dev = developing.find(id);
        if (dev == developing.end())
            continue;
        findings.push_back(makeFinding(
            s, kPluginId, codes::kValidatorNotIndependent, Severity::Error, personSubject(s, id),
            describePerson(s, id) + " validates the model of project " + s.project.key + " (" +
                joinWithAnd(asValidator) + ") but is also one of its developers (" +
                joinWithAnd(dev->second) + ").",
            "Give the validation to someone outside the development team, or take this person "
            "off the roles that develop the model."));
    }
    return findings;
}

std::string ComplianceAccountabilityRule::key() const
{
    return "compliance-accountable";
}

std::string ComplianceAccountabilityRule::description() const
{
    return "A finance project tagged automated-trading or credit-decision has a compliance "
           "officer Accountable for regulatory compliance.";
}

RuleInputs ComplianceAccountabilityRule::inputs() const
{
    return {{Industry::Finance},
            {std::string(keys::kComplianceOfficer)},
            {std::string(keys::kRegulatoryCompliance)}};
}

std::vector<Finding> ComplianceAccountabilityRule::check(const ProjectStaffing& s) const
{
    if (s.project.industry != Industry::Finance)
        return {};
    std::vector<std::string> triggers;
    for (std::string_view tag : {kTagAutomatedTrading, kTagCreditDecision}) {
        if (s.project.hasTag(tag))
            triggers.emplace_back(tag);
    }
    if (triggers.empty())
        return {};

    const std::vector<std::int64_t> accountable =
        s.raciHolders(keys::kRegulatoryCompliance, RaciKind::Accountable);
    const std::vector<std::int64_t> officers = activeHolders(s, keys::kComplianceOfficer);
    if (std::any_of(accountable.begin(), accountable.end(), [&](std::int64_t id) {
            return std::find(officers.begin(), officers.end(), id) != officers.end();
        }))
        return {};

    const std::string project =
        "Project " + s.project.key + " is tagged " + joinWithAnd(triggers) + " but ";
    std::string message;
    if (accountable.empty()) {
        message = project + "no one is Accountable for regulatory compliance (" +
                  std::string(keys::kRegulatoryCompliance) + ").";
    } else {
        std::vector<std::string> names;
        for (std::int64_t id : accountable)
            names.push_back(describePerson(s, id));
        message = project + "the person Accountable for regulatory compliance, " +
                  joinWithAnd(names) + ", does not currently hold the " +
                  std::string(keys::kComplianceOfficer) + " role on it.";
    }
    return {makeFinding(s, kPluginId, codes::kNoComplianceAccountable, Severity::Error,
                        std::string(keys::kRegulatoryCompliance), std::move(message),
                        "Assign a compliance officer (" + std::string(keys::kComplianceOfficer) +
                            ") to the project and make them Accountable for " +
                            std::string(keys::kRegulatoryCompliance) + ".")};
}

} // namespace steward::finance
