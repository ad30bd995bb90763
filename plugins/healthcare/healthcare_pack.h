// Healthcare role pack: the healthcare AI specialist and the roles a clinical AI project needs
// (clinical validation lead, clinical safety officer, privacy officer, clinical lead), with rules
// for patient-data privacy, independent clinical validation and clinician accountability.
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

namespace steward::healthcare {

inline constexpr char kPluginId[] = "healthcare";

// Keys the rules look for. They are stored in PostgreSQL and named in RACI entries, so they are
// part of the pack's contract and never renamed.
namespace keys {
inline constexpr std::string_view kSpecialist = "healthcare.ai-specialist";
inline constexpr std::string_view kValidationLead = "healthcare.clinical-validation-lead";
inline constexpr std::string_view kSafetyOfficer = "healthcare.clinical-safety-officer";
inline constexpr std::string_view kPrivacyOfficer = "healthcare.privacy-officer";
inline constexpr std::string_view kClinicalLead = "healthcare.clinical-lead";
inline constexpr std::string_view kClinicalValidation =
    "healthcare.clinical-validation-lead.validate-clinical-performance";
inline constexpr std::string_view kApproveClinicalDeployment =
    "healthcare.clinical-lead.approve-clinical-deployment";
inline constexpr std::string_view kClinicalSafetyTraining = "healthcare.clinical-safety-for-ai";
} // namespace keys

namespace codes {
inline constexpr std::string_view kNoPrivacyOfficer = "HEALTHCARE_NO_PRIVACY_OFFICER";
inline constexpr std::string_view kValidationNotIndependent =
    "HEALTHCARE_VALIDATION_NOT_INDEPENDENT";
inline constexpr std::string_view kNoClinicianAccountable = "HEALTHCARE_NO_CLINICIAN_ACCOUNTABLE";
} // namespace codes

inline constexpr std::string_view kTagPatientData = "patient-data";
inline constexpr std::string_view kTagClinicalUse = "clinical-use";

std::vector<RoleSpec> healthcareRoles();
// Clinical risk management training (DCB0129/DCB0160-style), which the clinical safety officer
// role requires.
std::vector<QualificationSpec> healthcareQualifications();
std::vector<QualificationRequirementSpec> healthcareQualificationRequirements();
std::vector<std::shared_ptr<const Rule>> healthcareRules();

// Patient data is special-category data: a project that handles it needs a named privacy officer
// on the project, not just a policy.
class PrivacyOfficerRule final : public ScopedRule {
public:
    std::string key() const override;
    std::string description() const override;
    std::vector<Finding> check(const ProjectStaffing& staffing) const override;
    RuleInputs inputs() const override;
};

// Clinical evidence is only credible when it comes from outside the team that built the model.
class ClinicalValidationIndependenceRule final : public ScopedRule {
public:
    std::string key() const override;
    std::string description() const override;
    std::vector<Finding> check(const ProjectStaffing& staffing) const override;
    RuleInputs inputs() const override;
};

// Once a system is used in patient care, a clinician answers for that use.
class ClinicianAccountableRule final : public ScopedRule {
public:
    std::string key() const override;
    std::string description() const override;
    std::vector<Finding> check(const ProjectStaffing& staffing) const override;
    RuleInputs inputs() const override;
};

} // namespace steward::healthcare
