// The healthcare role pack as a loadable plugin; the content lives in healthcare_pack.cpp.
#include "healthcare_pack.h"

#include <steward/plugin.h>

namespace {

class HealthcarePlugin final : public steward::Plugin {
public:
    std::vector<steward::RoleSpec> roles() const override
    {
        return steward::healthcare::healthcareRoles();
    }
    std::vector<std::shared_ptr<const steward::Rule>> rules() const override
    {
        return steward::healthcare::healthcareRules();
    }
    std::vector<steward::QualificationSpec> qualifications() const override
    {
        return steward::healthcare::healthcareQualifications();
    }
    std::vector<steward::QualificationRequirementSpec> qualificationRequirements() const override
    {
        return steward::healthcare::healthcareQualificationRequirements();
    }
};

} // namespace

STEWARD_PLUGIN(HealthcarePlugin, steward::healthcare::kPluginId, "1.0.0", "Healthcare AI role pack",
               "Steward project",
               "The healthcare AI specialist and the roles a clinical AI project needs (clinical "
               "validation lead, clinical safety officer, privacy officer, clinical lead), with "
               "rules for patient-data privacy, independent clinical validation and clinician "
               "accountability.")
