#include "healthcare_pack.h"

#include <steward/builtin_keys.h>
#include <steward/rule_support.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

namespace steward::healthcare {
namespace {

// Roles whose holders build the model; a validator who holds one of them on the same project is
// validating their own work.
constexpr std::array<std::string_view, 4> kDeveloperRoles = {
    builtin::roles::kAiEngineer, builtin::roles::kMachineLearningEngineer,
    builtin::roles::kDataScientist, keys::kSpecialist};

} // namespace

std::vector<RoleSpec> healthcareRoles()
{
    using enum LifecycleStage;
    std::vector<RoleSpec> roles;

    roles.push_back(RoleSpec{
        std::string(keys::kSpecialist),
        "Healthcare AI Specialist",
        "Builds AI that helps diagnose, treat and care for patients, working with clinicians and "
        "keeping patient data safe.",
        "domain",
        Industry::Healthcare,
        {
            responsibility(
                keys::kSpecialist, "develop-diagnostic-models", Build,
                "Develop models that support medical diagnosis and predict patient outcomes."),
            responsibility(
                keys::kSpecialist, "work-with-clinicians", Align,
                "Work with doctors and other healthcare professionals so that models answer "
                "real clinical questions."),
            responsibility(
                keys::kSpecialist, "protect-patient-data", Data,
                "Keep patient data private and secure throughout model development and use."),
            responsibility(keys::kSpecialist, "validate-with-clinical-data", Analysis,
                           "Check models against clinical data before their results inform care."),
            responsibility(
                keys::kSpecialist, "support-personalised-care", Align,
                "Support personalised and preventive care with model results clinicians can act "
                "on."),
        }});

    roles.push_back(RoleSpec{
        std::string(keys::kValidationLead),
        "Clinical Validation Lead",
        "Plans and runs the clinical validation of a model, independently of the people who "
        "developed it.",
        "research",
        Industry::Healthcare,
        {
            responsibility(
                keys::kValidationLead, "validate-clinical-performance", Analysis,
                "Validate the model's clinical performance on representative patient data, "
                "independently of its developers, and sign off the evidence.",
                true),
            responsibility(
                keys::kValidationLead, "set-acceptance-criteria", Analysis,
                "Set the clinical performance a model must reach before use, including for "
                "each relevant patient group."),
            responsibility(
                keys::kValidationLead, "review-real-world-performance", Operate,
                "Compare performance in clinical use with the validation results and call for "
                "revalidation when they drift apart."),
        }});

    roles.push_back(RoleSpec{
        std::string(keys::kSafetyOfficer),
        "Clinical Safety Officer",
        "A clinically qualified person who manages the patient-safety risks of the system over "
        "its whole life.",
        "ethics-governance",
        Industry::Healthcare,
        {
            responsibility(
                keys::kSafetyOfficer, "maintain-hazard-log", Govern,
                "Keep the hazard log: how the system could harm patients, how likely and severe "
                "each hazard is, and how it is controlled.",
                true),
            responsibility(
                keys::kSafetyOfficer, "sign-safety-case", Govern,
                "Write and sign the clinical safety case that shows, with evidence, that the "
                "system is acceptably safe for its intended use."),
            responsibility(
                keys::kSafetyOfficer, "investigate-safety-incidents", Operate,
                "Investigate incidents and near misses involving the system and feed what is "
                "learnt back into the hazard log."),
        }});

    roles.push_back(RoleSpec{
        std::string(keys::kPrivacyOfficer),
        "Privacy Officer",
        "Answers for how the project collects, uses and protects patient data.",
        "ethics-governance",
        Industry::Healthcare,
        {
            responsibility(
                keys::kPrivacyOfficer, "assess-data-protection-impact", Govern,
                "Carry out a data protection impact assessment before patient data is used to "
                "train, validate or run a model."),
            responsibility(
                keys::kPrivacyOfficer, "confirm-lawful-basis", Govern,
                "Confirm the legal basis, and any consent or ethics approval needed, for every "
                "use of patient data."),
            responsibility(
                keys::kPrivacyOfficer, "control-patient-data-access", Data,
                "Make sure patient data is de-identified where possible, seen only by those who "
                "need it, and that every access is logged."),
            responsibility(
                keys::kPrivacyOfficer, "lead-breach-response", Operate,
                "Lead the response to a patient data breach, including telling the regulator "
                "and patients when the law requires it."),
        }});

    roles.push_back(RoleSpec{
        std::string(keys::kClinicalLead),
        "Clinical Lead",
        "A practising clinician who answers for how the system is used in patient care.",
        "domain",
        Industry::Healthcare,
        {
            responsibility(
                keys::kClinicalLead, "define-intended-use", Align,
                "Define the clinical question, intended use and patient population of the "
                "system with the clinicians who will use it."),
            responsibility(
                keys::kClinicalLead, "approve-clinical-deployment", Govern,
                "Approve the system for use in patient care once validation and the safety case "
                "are complete, and withdraw approval when they no longer hold."),
            responsibility(
                keys::kClinicalLead, "oversee-clinical-use", Operate,
                "Make sure clinicians using the system are trained, know its limits and keep "
                "the final decision."),
        }});

    return roles;
}

std::vector<QualificationSpec> healthcareQualifications()
{
    return {{std::string(keys::kClinicalSafetyTraining), "Clinical safety for AI systems", "",
             "Clinical risk management for health IT with AI components: hazard identification, "
             "the safety case and post-deployment surveillance.",
             36}};
}

std::vector<QualificationRequirementSpec> healthcareQualificationRequirements()
{
    return {{std::string(keys::kClinicalSafetyTraining), std::string(keys::kSafetyOfficer), ""}};
}

std::vector<std::shared_ptr<const Rule>> healthcareRules()
{
    return {std::make_shared<PrivacyOfficerRule>(),
            std::make_shared<ClinicalValidationIndependenceRule>(),
            std::make_shared<ClinicianAccountableRule>()};
}

std::string PrivacyOfficerRule::key() const
{
    return "privacy-officer";
}

std::string PrivacyOfficerRule::description() const
{
    return "A healthcare project tagged patient-data has a privacy officer assigned to it.";
}

RuleInputs PrivacyOfficerRule::inputs() const
{
    return {{Industry::Healthcare}, {std::string(keys::kPrivacyOfficer)}, {}};
}

std::vector<Finding> PrivacyOfficerRule::check(const ProjectStaffing& s) const
{
    if (s.project.industry != Industry::Healthcare || !s.project.hasTag(kTagPatientData))
        return {};
    if (!activeHolders(s, keys::kPrivacyOfficer).empty())
        return {};
    return {makeFinding(s, kPluginId, codes::kNoPrivacyOfficer, Severity::Warning,
                        std::string(keys::kPrivacyOfficer),
                        "Project " + s.project.key +
                            " handles patient data but no active person holds the " +
                            std::string(keys::kPrivacyOfficer) + " role on it.",
                        "Assign a privacy officer (" + std::string(keys::kPrivacyOfficer) +
                            ") to the project before it uses patient data.")};
}

std::string ClinicalValidationIndependenceRule::key() const
{
    return "clinical-validation-independence";
}

std::string ClinicalValidationIndependenceRule::description() const
{
    return "On a healthcare project, nobody who validates the model clinically also holds a "
           "role that develops it.";
}

RuleInputs ClinicalValidationIndependenceRule::inputs() const
{
    // Only validators' developer roles matter, and the inputs hold every assignment of the people
    // they name: the developer roles need not be read for everyone.
    return {{Industry::Healthcare},
            {std::string(keys::kValidationLead)},
            {std::string(keys::kClinicalValidation)}};
}

std::vector<Finding> ClinicalValidationIndependenceRule::check(const ProjectStaffing& s) const
{
    if (s.project.industry != Industry::Healthcare)
        return {};

    // Ordered by person id so that findings come out in a stable order.
    std::map<std::int64_t, std::vector<std::string>> validating;
    for (std::int64_t id : s.holdersOf(keys::kValidationLead))
        validating[id].push_back("holds the " + std::string(keys::kValidationLead) + " role");
    for (std::int64_t id : s.raciHolders(keys::kClinicalValidation, RaciKind::Responsible))
        validating[id].push_back("is Responsible for " + std::string(keys::kClinicalValidation));
    for (std::int64_t id : s.raciHolders(keys::kClinicalValidation, RaciKind::Accountable))
        validating[id].push_back("is Accountable for " + std::string(keys::kClinicalValidation));

    std::map<std::int64_t, std::vector<std::string>> developing;
    for (std::string_view role : kDeveloperRoles) {
        for (std::int64_t id : s.holdersOf(role))
            developing[id].push_back("the " + std::string(role) + " role");
    }

    std::vector<Finding> findings;
    for (const auto& [id, asValidator] : validating) {
        const auto dev = developing.find(id);
        if (dev == developing.end())
            continue;
        findings.push_back(makeFinding(
            s, kPluginId, codes::kValidationNotIndependent, Severity::Error, personSubject(s, id),
            describePerson(s, id) + " validates the model of project " + s.project.key +
                " clinically (" + joinWithAnd(asValidator) + ") but also develops it (holds " +
                joinWithAnd(dev->second) + ").",
            "Have the clinical validation done by someone outside the development team, or take "
            "this person off the roles that develop the model."));
    }
    return findings;
}

std::string ClinicianAccountableRule::key() const
{
    return "clinician-accountable";
}

std::string ClinicianAccountableRule::description() const
{
    return "A healthcare project tagged clinical-use that is in deployment or operation has a "
           "clinical lead Accountable for approving clinical deployment.";
}

RuleInputs ClinicianAccountableRule::inputs() const
{
    return {{Industry::Healthcare},
            {std::string(keys::kClinicalLead)},
            {std::string(keys::kApproveClinicalDeployment)}};
}

std::vector<Finding> ClinicianAccountableRule::check(const ProjectStaffing& s) const
{
    if (s.project.industry != Industry::Healthcare || !s.project.hasTag(kTagClinicalUse))
        return {};
    if (s.project.stage != ProjectStage::Deployment && s.project.stage != ProjectStage::Operation)
        return {};

    const std::vector<std::int64_t> accountable =
        s.raciHolders(keys::kApproveClinicalDeployment, RaciKind::Accountable);
    const std::vector<std::int64_t> clinicians = activeHolders(s, keys::kClinicalLead);
    if (std::any_of(accountable.begin(), accountable.end(), [&](std::int64_t id) {
            return std::find(clinicians.begin(), clinicians.end(), id) != clinicians.end();
        }))
        return {};

    const std::string project = "Project " + s.project.key + " is in clinical use (stage " +
                                std::string(toString(s.project.stage)) + ") but ";
    std::string message;
    if (accountable.empty()) {
        message = project + "no one is Accountable for approving its clinical deployment (" +
                  std::string(keys::kApproveClinicalDeployment) + ").";
    } else {
        std::vector<std::string> names;
        for (std::int64_t id : accountable)
            names.push_back(describePerson(s, id));
        message = project + "the person Accountable for approving its clinical deployment, " +
                  joinWithAnd(names) + ", does not currently hold the " +
                  std::string(keys::kClinicalLead) + " role on it.";
    }
    return {makeFinding(s, kPluginId, codes::kNoClinicianAccountable, Severity::Error,
                        std::string(keys::kApproveClinicalDeployment), std::move(message),
                        "Assign a clinician as clinical lead (" + std::string(keys::kClinicalLead) +
                            ") and make them Accountable for " +
                            std::string(keys::kApproveClinicalDeployment) + ".")};
}

} // namespace steward::healthcare
