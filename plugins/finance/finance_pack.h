// Finance role pack: the finance AI specialist, the model-risk roles around a financial model
// (owner, developer, independent validator, compliance officer) and the rules that keep model
// validation independent and regulated decisions under a compliance officer's accountability.
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

namespace steward::finance {

inline constexpr char kPluginId[] = "finance";

// Keys the rules look for. They are stored in PostgreSQL and named in RACI entries, so they are
// part of the pack's contract and never renamed.
namespace keys {
inline constexpr std::string_view kSpecialist = "finance.ai-specialist";
inline constexpr std::string_view kModelOwner = "finance.model-owner";
inline constexpr std::string_view kModelDeveloper = "finance.model-developer";
inline constexpr std::string_view kModelValidator = "finance.model-validator";
inline constexpr std::string_view kComplianceOfficer = "finance.compliance-officer";
inline constexpr std::string_view kDevelopModel = "finance.model-developer.develop-model";
inline constexpr std::string_view kValidateModel = "finance.model-validator.validate-model";
inline constexpr std::string_view kRegulatoryCompliance =
    "finance.compliance-officer.ensure-regulatory-compliance";
} // namespace keys

namespace codes {
inline constexpr std::string_view kValidatorNotIndependent = "FINANCE_VALIDATOR_NOT_INDEPENDENT";
inline constexpr std::string_view kNoComplianceAccountable = "FINANCE_NO_COMPLIANCE_ACCOUNTABLE";
} // namespace codes

// Project tags that make a project a regulated automated decision.
inline constexpr std::string_view kTagAutomatedTrading = "automated-trading";
inline constexpr std::string_view kTagCreditDecision = "credit-decision";

std::vector<RoleSpec> financeRoles();
std::vector<std::shared_ptr<const Rule>> financeRules();

// Model risk management rests on effective challenge: whoever validates a model (holds the
// validator role or is R/A for validating it) must not also be building it.
class ValidatorIndependenceRule final : public ScopedRule {
public:
    std::string key() const override;
    std::string description() const override;
    std::vector<Finding> check(const ProjectStaffing& staffing) const override;
    RuleInputs inputs() const override;
};

// Automated trading and credit decisions are regulated activities: a compliance officer on the
// project must be the one Accountable for regulatory compliance.
class ComplianceAccountabilityRule final : public ScopedRule {
public:
    std::string key() const override;
    std::string description() const override;
    std::vector<Finding> check(const ProjectStaffing& staffing) const override;
    RuleInputs inputs() const override;
};

} // namespace steward::finance
