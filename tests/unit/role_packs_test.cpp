// The healthcare, finance and marketing role packs: their content is well formed, and each of
// their rules fires on the staffing it is about and stays silent otherwise. The packs' content
// and rules are compiled in directly; loading them as plugins is the plugin suite's concern.
#include "finance/finance_pack.h"
#include "healthcare/healthcare_pack.h"
#include "marketing/marketing_pack.h"

#include <steward/catalog.h>
#include <steward/staffing.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace steward {
namespace {

using namespace std::chrono_literals;
using std::chrono::April;
using std::chrono::January;
using std::chrono::June;
using std::chrono::March;

// ---------------------------------------------------------------------------------------------
// Content

struct Pack {
    std::string id;
    Industry industry;
    std::string specialistKey;
    std::vector<RoleSpec> roles;
    std::vector<std::shared_ptr<const Rule>> rules;
    std::vector<std::string> ruleKeys;      // the stable keys the pack promises
    std::vector<std::string_view> keysUsed; // role and responsibility keys its rules look for
};

std::vector<Pack> allPacks()
{
    namespace hc = healthcare::keys;
    namespace fi = finance::keys;
    namespace mk = marketing::keys;
    return {
        {"healthcare",
         Industry::Healthcare,
         std::string(hc::kSpecialist),
         healthcare::healthcareRoles(),
         healthcare::healthcareRules(),
         {"privacy-officer", "clinical-validation-independence", "clinician-accountable"},
         {hc::kSpecialist, hc::kValidationLead, hc::kSafetyOfficer, hc::kPrivacyOfficer,
          hc::kClinicalLead, hc::kClinicalValidation, hc::kApproveClinicalDeployment}},
        {"finance",
         Industry::Finance,
         std::string(fi::kSpecialist),
         finance::financeRoles(),
         finance::financeRules(),
         {"validator-independence", "compliance-accountable"},
         {fi::kSpecialist, fi::kModelOwner, fi::kModelDeveloper, fi::kModelValidator,
          fi::kComplianceOfficer, fi::kDevelopModel, fi::kValidateModel,
          fi::kRegulatoryCompliance}},
        {"marketing",
         Industry::Marketing,
         std::string(mk::kSpecialist),
         marketing::marketingRoles(),
         marketing::marketingRules(),
         {"consent-accountable", "privacy-owner"},
         {mk::kSpecialist, mk::kPersonalisationLead, mk::kConsentManager, mk::kPrivacyOwner,
          mk::kConsentAndOptOut}},
    };
}

const std::regex kKeyPattern{"^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$"};

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

TEST(RolePacks, KeysAreWellFormedAndCarryTheirPackAndRolePrefix)
{
    for (const Pack& pack : allPacks()) {
        SCOPED_TRACE(pack.id);
        ASSERT_FALSE(pack.roles.empty());
        for (const RoleSpec& role : pack.roles) {
            EXPECT_TRUE(std::regex_match(role.key, kKeyPattern)) << role.key;
            EXPECT_TRUE(startsWith(role.key, pack.id + ".")) << role.key;
            EXPECT_EQ(std::count(role.key.begin(), role.key.end(), '.'), 1) << role.key;
            ASSERT_FALSE(role.responsibilities.empty()) << role.key;
            for (const ResponsibilitySpec& r : role.responsibilities) {
                EXPECT_TRUE(std::regex_match(r.key, kKeyPattern)) << r.key;
                EXPECT_TRUE(startsWith(r.key, role.key + ".")) << r.key;
                EXPECT_EQ(std::count(r.key.begin(), r.key.end(), '.'), 2) << r.key;
            }
        }
    }
}

TEST(RolePacks, EveryKeyIsUniqueAcrossAllPacks)
{
    std::set<std::string> seen;
    for (const Pack& pack : allPacks()) {
        for (const RoleSpec& role : pack.roles) {
            EXPECT_TRUE(seen.insert(role.key).second) << "duplicate " << role.key;
            for (const ResponsibilitySpec& r : role.responsibilities)
                EXPECT_TRUE(seen.insert(r.key).second) << "duplicate " << r.key;
        }
    }
}

TEST(RolePacks, RolesBelongToTheirIndustryAndReadAsSentences)
{
    const std::set<std::string> categories{
        "engineering",       "data",       "research", "operations",
        "ethics-governance", "management", "advisory", "domain"};
    for (const Pack& pack : allPacks()) {
        for (const RoleSpec& role : pack.roles) {
            SCOPED_TRACE(role.key);
            EXPECT_EQ(role.industry, pack.industry);
            EXPECT_TRUE(categories.contains(role.category)) << role.category;
            EXPECT_FALSE(role.name.empty());
            EXPECT_TRUE(role.summary.ends_with('.')) << role.summary;
            for (const ResponsibilitySpec& r : role.responsibilities) {
                EXPECT_TRUE(r.text.ends_with('.')) << r.key;
                EXPECT_TRUE(std::isupper(static_cast<unsigned char>(r.text.front()))) << r.key;
            }
        }
    }
}

TEST(RolePacks, EachSpecialistHasTheFiveResponsibilitiesOfTheReferenceText)
{
    for (const Pack& pack : allPacks()) {
        SCOPED_TRACE(pack.id);
        const auto specialist =
            std::find_if(pack.roles.begin(), pack.roles.end(),
                         [&](const RoleSpec& r) { return r.key == pack.specialistKey; });
        ASSERT_NE(specialist, pack.roles.end());
        EXPECT_EQ(specialist->responsibilities.size(), 5u);
    }
}

TEST(RolePacks, OnlyAFewResponsibilitiesAreRequiredOfEveryProject)
{
    for (const Pack& pack : allPacks()) {
        SCOPED_TRACE(pack.id);
        std::size_t required = 0;
        for (const RoleSpec& role : pack.roles)
            required += static_cast<std::size_t>(
                std::count_if(role.responsibilities.begin(), role.responsibilities.end(),
                              [](const ResponsibilitySpec& r) { return r.required; }));
        EXPECT_GE(required, 2u);
        EXPECT_LE(required, 4u);
    }
}

TEST(RolePacks, EveryKeyARuleLooksForIsInThePack)
{
    for (const Pack& pack : allPacks()) {
        std::set<std::string, std::less<>> declared;
        for (const RoleSpec& role : pack.roles) {
            declared.insert(role.key);
            for (const ResponsibilitySpec& r : role.responsibilities)
                declared.insert(r.key);
        }
        for (std::string_view key : pack.keysUsed)
            EXPECT_TRUE(declared.contains(key)) << pack.id << " does not declare " << key;
    }
}

TEST(RolePacks, RulesHaveTheirStableKeysAndADescription)
{
    for (const Pack& pack : allPacks()) {
        SCOPED_TRACE(pack.id);
        std::vector<std::string> keys;
        for (const auto& rule : pack.rules) {
            ASSERT_NE(rule, nullptr);
            keys.push_back(rule->key());
            EXPECT_TRUE(rule->description().ends_with('.')) << rule->key();
        }
        EXPECT_EQ(keys, pack.ruleKeys);
    }
}

// ---------------------------------------------------------------------------------------------
// Rules

constexpr Date kAsOf = 2026y / June / 1d;
constexpr Date kProjectStart = 2026y / January / 1d;

// One project's staffing, built the way the core assembles it from the database.
class Staffing {
public:
    Staffing(std::string key, Industry industry, std::vector<std::string> tags = {},
             ProjectStage stage = ProjectStage::Development)
    {
        s_.project.id = 1;
        s_.project.key = std::move(key);
        s_.project.name = s_.project.key;
        s_.project.industry = industry;
        s_.project.stage = stage;
        s_.project.status = ProjectStatus::Active;
        s_.project.tags = std::move(tags);
        s_.asOf = kAsOf;
    }

    std::int64_t person(std::string name, std::string email, bool active = true)
    {
        const auto id = static_cast<std::int64_t>(s_.people.size()) + 100;
        s_.people.push_back(PersonInfo{id, std::move(email), std::move(name), active, "", "", {}});
        return id;
    }

    Staffing& assign(std::int64_t person, std::string_view role, Date from = kProjectStart,
                     std::optional<Date> to = std::nullopt)
    {
        const auto id = static_cast<std::int64_t>(s_.assignments.size()) + 1;
        s_.assignments.push_back(
            AssignmentInfo{id, person, s_.project.key, std::string(role), from, to, 50});
        return *this;
    }

    Staffing& raci(std::int64_t person, std::string_view responsibility, RaciKind kind)
    {
        s_.raci.push_back(RaciInfo{person, std::string(responsibility), kind});
        return *this;
    }

    Staffing& industry(Industry i)
    {
        s_.project.industry = i;
        return *this;
    }

    Staffing& tags(std::vector<std::string> t)
    {
        s_.project.tags = std::move(t);
        return *this;
    }

    Staffing& stage(ProjectStage st)
    {
        s_.project.stage = st;
        return *this;
    }

    const ProjectStaffing& get() const { return s_; }

private:
    ProjectStaffing s_;
};

void expectFinding(const std::vector<Finding>& findings, std::string_view code, Severity severity,
                   std::string_view project, std::string_view subject, std::string_view source)
{
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings.front();
    EXPECT_EQ(f.code, code);
    EXPECT_EQ(f.severity, severity);
    EXPECT_EQ(f.projectKey, project);
    EXPECT_EQ(f.subject, subject);
    EXPECT_EQ(f.source, source);
    EXPECT_TRUE(f.message.ends_with('.')) << f.message;
    EXPECT_FALSE(f.remedy.empty());
}

bool mentions(const Finding& f, std::string_view text)
{
    return f.message.find(text) != std::string::npos;
}

// --- healthcare: privacy officer -------------------------------------------------------------

namespace hc = healthcare;

class HealthcarePrivacyOfficer : public ::testing::Test {
protected:
    Staffing staffing{"CARDIO-RISK", Industry::Healthcare, {"patient-data"}};
    std::int64_t engineer = staffing.person("Ana Ruiz", "ana@example.org");
    std::int64_t privacy = staffing.person("Ben Okafor", "ben@example.org");
    hc::PrivacyOfficerRule rule;
};

TEST_F(HealthcarePrivacyOfficer, FiresWhenPatientDataHasNoPrivacyOfficer)
{
    staffing.assign(engineer, "ai-engineer");
    const auto findings = rule.check(staffing.get());
    expectFinding(findings, hc::codes::kNoPrivacyOfficer, Severity::Warning, "CARDIO-RISK",
                  hc::keys::kPrivacyOfficer, "healthcare");
    EXPECT_TRUE(mentions(findings[0], hc::keys::kPrivacyOfficer)) << findings[0].message;
}

TEST_F(HealthcarePrivacyOfficer, IsSatisfiedByAPrivacyOfficerOnTheProject)
{
    staffing.assign(engineer, "ai-engineer").assign(privacy, hc::keys::kPrivacyOfficer);
    EXPECT_TRUE(rule.check(staffing.get()).empty());
}

TEST_F(HealthcarePrivacyOfficer, SaysNothingAboutOtherIndustriesOrProjectsWithoutPatientData)
{
    staffing.assign(engineer, "ai-engineer");
    EXPECT_TRUE(rule.check(Staffing(staffing).industry(Industry::Finance).get()).empty());
    EXPECT_TRUE(rule.check(Staffing(staffing).tags({"clinical-use"}).get()).empty());
}

TEST_F(HealthcarePrivacyOfficer, DoesNotCountAnOfficerWhoseAssignmentEndedOrWhoLeft)
{
    staffing.assign(privacy, hc::keys::kPrivacyOfficer, kProjectStart, 2026y / March / 31d);
    EXPECT_EQ(rule.check(staffing.get()).size(), 1u) << "assignment ended before the snapshot";

    Staffing inactive{"CARDIO-RISK", Industry::Healthcare, {"patient-data"}};
    const auto gone = inactive.person("Ben Okafor", "ben@example.org", false);
    inactive.assign(gone, hc::keys::kPrivacyOfficer);
    EXPECT_EQ(rule.check(inactive.get()).size(), 1u) << "person no longer active";
}

// --- healthcare: independent clinical validation ---------------------------------------------

class HealthcareValidationIndependence : public ::testing::Test {
protected:
    Staffing staffing{"SEPSIS-ALERT", Industry::Healthcare};
    std::int64_t developer = staffing.person("Chen Wei", "chen@example.org");
    std::int64_t validator = staffing.person("Dana Moss", "dana@example.org");
    hc::ClinicalValidationIndependenceRule rule;
};

TEST_F(HealthcareValidationIndependence, FiresWhenADeveloperIsResponsibleForValidation)
{
    staffing.assign(developer, "machine-learning-engineer")
        .raci(developer, hc::keys::kClinicalValidation, RaciKind::Responsible);
    const auto findings = rule.check(staffing.get());
    expectFinding(findings, hc::codes::kValidationNotIndependent, Severity::Error, "SEPSIS-ALERT",
                  "chen@example.org", "healthcare");
    EXPECT_TRUE(mentions(findings[0], "Chen Wei")) << findings[0].message;
    EXPECT_TRUE(mentions(findings[0], "machine-learning-engineer")) << findings[0].message;
    EXPECT_TRUE(mentions(findings[0], hc::keys::kClinicalValidation)) << findings[0].message;
}

TEST_F(HealthcareValidationIndependence, FiresWhenTheValidationLeadAlsoDevelops)
{
    staffing.assign(validator, hc::keys::kValidationLead)
        .assign(validator, hc::keys::kSpecialist)
        .raci(developer, hc::keys::kClinicalValidation, RaciKind::Accountable);
    const auto findings = rule.check(staffing.get());
    expectFinding(findings, hc::codes::kValidationNotIndependent, Severity::Error, "SEPSIS-ALERT",
                  "dana@example.org", "healthcare");
    EXPECT_TRUE(mentions(findings[0], hc::keys::kValidationLead)) << findings[0].message;
    EXPECT_TRUE(mentions(findings[0], hc::keys::kSpecialist)) << findings[0].message;
}

TEST_F(HealthcareValidationIndependence, IsSatisfiedWhenValidatorsDoNotDevelop)
{
    staffing.assign(developer, "data-scientist")
        .assign(validator, hc::keys::kValidationLead)
        .raci(validator, hc::keys::kClinicalValidation, RaciKind::Accountable)
        .raci(validator, hc::keys::kClinicalValidation, RaciKind::Responsible)
        .raci(developer, hc::keys::kClinicalValidation, RaciKind::Consulted);
    EXPECT_TRUE(rule.check(staffing.get()).empty());
}

TEST_F(HealthcareValidationIndependence, SaysNothingAboutOtherIndustries)
{
    staffing.assign(developer, "ai-engineer")
        .raci(developer, hc::keys::kClinicalValidation, RaciKind::Responsible);
    EXPECT_TRUE(rule.check(staffing.industry(Industry::Marketing).get()).empty());
}

TEST_F(HealthcareValidationIndependence, IgnoresADeveloperRoleThatEndedBeforeTheSnapshot)
{
    staffing.assign(validator, hc::keys::kValidationLead)
        .assign(validator, "ai-engineer", kProjectStart, 2026y / April / 30d);
    EXPECT_TRUE(rule.check(staffing.get()).empty());
}

// --- healthcare: clinician accountable for clinical use --------------------------------------

class HealthcareClinicianAccountable : public ::testing::Test {
protected:
    Staffing staffing{
        "TRIAGE-AI", Industry::Healthcare, {"clinical-use"}, ProjectStage::Deployment};
    std::int64_t clinician = staffing.person("Dr Eva Lind", "eva@example.org");
    std::int64_t manager = staffing.person("Femi Ade", "femi@example.org");
    hc::ClinicianAccountableRule rule;
};

TEST_F(HealthcareClinicianAccountable, FiresWhenNobodyIsAccountable)
{
    staffing.assign(clinician, hc::keys::kClinicalLead);
    const auto findings = rule.check(staffing.get());
    expectFinding(findings, hc::codes::kNoClinicianAccountable, Severity::Error, "TRIAGE-AI",
                  hc::keys::kApproveClinicalDeployment, "healthcare");
    EXPECT_TRUE(mentions(findings[0], "no one is Accountable")) << findings[0].message;
}

TEST_F(HealthcareClinicianAccountable, FiresWhenTheAccountablePersonIsNotAClinician)
{
    staffing.assign(manager, "ai-project-manager")
        .raci(manager, hc::keys::kApproveClinicalDeployment, RaciKind::Accountable);
    const auto findings = rule.check(staffing.stage(ProjectStage::Operation).get());
    expectFinding(findings, hc::codes::kNoClinicianAccountable, Severity::Error, "TRIAGE-AI",
                  hc::keys::kApproveClinicalDeployment, "healthcare");
    EXPECT_TRUE(mentions(findings[0], "Femi Ade")) << findings[0].message;
    EXPECT_TRUE(mentions(findings[0], hc::keys::kClinicalLead)) << findings[0].message;
}

TEST_F(HealthcareClinicianAccountable, IsSatisfiedByTheClinicalLeadBeingAccountable)
{
    staffing.assign(clinician, hc::keys::kClinicalLead)
        .raci(clinician, hc::keys::kApproveClinicalDeployment, RaciKind::Accountable);
    EXPECT_TRUE(rule.check(staffing.get()).empty());
}

TEST_F(HealthcareClinicianAccountable, SaysNothingBeforeDeploymentOrWithoutClinicalUse)
{
    EXPECT_TRUE(rule.check(Staffing(staffing).stage(ProjectStage::Validation).get()).empty());
    EXPECT_TRUE(rule.check(Staffing(staffing).tags({"patient-data"}).get()).empty());
    EXPECT_TRUE(rule.check(Staffing(staffing).industry(Industry::Finance).get()).empty());
}

TEST_F(HealthcareClinicianAccountable, DoesNotCountAClinicianWhoseAssignmentEnded)
{
    staffing.assign(clinician, hc::keys::kClinicalLead, kProjectStart, 2026y / March / 31d)
        .raci(clinician, hc::keys::kApproveClinicalDeployment, RaciKind::Accountable);
    const auto findings = rule.check(staffing.get());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_TRUE(mentions(findings[0], "Dr Eva Lind")) << findings[0].message;
}

// --- finance: independent model validation ---------------------------------------------------

namespace fi = finance;

class FinanceValidatorIndependence : public ::testing::Test {
protected:
    Staffing staffing{"CREDIT-SCORE", Industry::Finance};
    std::int64_t developer = staffing.person("Gil Haas", "gil@example.org");
    std::int64_t validator = staffing.person("Hana Sato", "hana@example.org");
    fi::ValidatorIndependenceRule rule;
};

TEST_F(FinanceValidatorIndependence, FiresWhenTheValidatorAlsoDevelopsTheModel)
{
    staffing.assign(validator, fi::keys::kModelValidator)
        .assign(validator, fi::keys::kModelDeveloper)
        .assign(developer, fi::keys::kModelDeveloper);
    const auto findings = rule.check(staffing.get());
    expectFinding(findings, fi::codes::kValidatorNotIndependent, Severity::Error, "CREDIT-SCORE",
                  "hana@example.org", "finance");
    EXPECT_TRUE(mentions(findings[0], "Hana Sato")) << findings[0].message;
    EXPECT_TRUE(mentions(findings[0], fi::keys::kModelValidator)) << findings[0].message;
    EXPECT_TRUE(mentions(findings[0], fi::keys::kModelDeveloper)) << findings[0].message;
}

TEST_F(FinanceValidatorIndependence, FiresWhenTheDeveloperIsResponsibleForValidation)
{
    staffing.assign(validator, fi::keys::kModelValidator)
        .assign(developer, "data-scientist")
        .raci(developer, fi::keys::kValidateModel, RaciKind::Responsible)
        .raci(developer, fi::keys::kDevelopModel, RaciKind::Responsible);
    const auto findings = rule.check(staffing.get());
    expectFinding(findings, fi::codes::kValidatorNotIndependent, Severity::Error, "CREDIT-SCORE",
                  "gil@example.org", "finance");
    EXPECT_TRUE(mentions(findings[0], "data-scientist")) << findings[0].message;
    EXPECT_TRUE(mentions(findings[0], fi::keys::kValidateModel)) << findings[0].message;
}

TEST_F(FinanceValidatorIndependence, IsSatisfiedByAValidatorOutsideTheDevelopmentTeam)
{
    staffing.assign(validator, fi::keys::kModelValidator)
        .assign(developer, fi::keys::kModelDeveloper)
        .raci(validator, fi::keys::kValidateModel, RaciKind::Accountable)
        .raci(developer, fi::keys::kDevelopModel, RaciKind::Responsible)
        .raci(developer, fi::keys::kValidateModel, RaciKind::Consulted);
    EXPECT_TRUE(rule.check(staffing.get()).empty());
}

TEST_F(FinanceValidatorIndependence, SaysNothingAboutOtherIndustries)
{
    staffing.assign(validator, fi::keys::kModelValidator).assign(validator, "ai-engineer");
    EXPECT_TRUE(rule.check(staffing.industry(Industry::Healthcare).get()).empty());
}

TEST_F(FinanceValidatorIndependence, IgnoresADeveloperRoleThatEndedBeforeTheSnapshot)
{
    staffing.assign(validator, fi::keys::kModelValidator)
        .assign(validator, fi::keys::kModelDeveloper, kProjectStart, 2026y / March / 31d);
    EXPECT_TRUE(rule.check(staffing.get()).empty());
}

// --- finance: compliance officer accountable -------------------------------------------------

class FinanceComplianceAccountable : public ::testing::Test {
protected:
    Staffing staffing{"LOAN-DECIDE", Industry::Finance, {"credit-decision"}};
    std::int64_t officer = staffing.person("Ines Costa", "ines@example.org");
    std::int64_t owner = staffing.person("Jon Berg", "jon@example.org");
    fi::ComplianceAccountabilityRule rule;
};

TEST_F(FinanceComplianceAccountable, FiresWhenNobodyIsAccountable)
{
    staffing.assign(officer, fi::keys::kComplianceOfficer);
    const auto findings = rule.check(staffing.get());
    expectFinding(findings, fi::codes::kNoComplianceAccountable, Severity::Error, "LOAN-DECIDE",
                  fi::keys::kRegulatoryCompliance, "finance");
    EXPECT_TRUE(mentions(findings[0], "credit-decision")) << findings[0].message;
}

TEST_F(FinanceComplianceAccountable, FiresWhenTheAccountablePersonIsNotAComplianceOfficer)
{
    staffing.tags({"automated-trading"})
        .assign(owner, fi::keys::kModelOwner)
        .raci(owner, fi::keys::kRegulatoryCompliance, RaciKind::Accountable);
    const auto findings = rule.check(staffing.get());
    expectFinding(findings, fi::codes::kNoComplianceAccountable, Severity::Error, "LOAN-DECIDE",
                  fi::keys::kRegulatoryCompliance, "finance");
    EXPECT_TRUE(mentions(findings[0], "Jon Berg")) << findings[0].message;
    EXPECT_TRUE(mentions(findings[0], fi::keys::kComplianceOfficer)) << findings[0].message;
}

TEST_F(FinanceComplianceAccountable, IsSatisfiedByAComplianceOfficerBeingAccountable)
{
    staffing.assign(officer, fi::keys::kComplianceOfficer)
        .raci(officer, fi::keys::kRegulatoryCompliance, RaciKind::Accountable);
    EXPECT_TRUE(rule.check(staffing.get()).empty());
}

TEST_F(FinanceComplianceAccountable, SaysNothingWithoutARegulatedTagOrInAnotherIndustry)
{
    EXPECT_TRUE(rule.check(Staffing(staffing).tags({"fraud-detection"}).get()).empty());
    EXPECT_TRUE(rule.check(Staffing(staffing).industry(Industry::Marketing).get()).empty());
}

TEST_F(FinanceComplianceAccountable, DoesNotCountAnOfficerWhoseAssignmentEnded)
{
    staffing.assign(officer, fi::keys::kComplianceOfficer, kProjectStart, 2026y / March / 31d)
        .raci(officer, fi::keys::kRegulatoryCompliance, RaciKind::Accountable);
    const auto findings = rule.check(staffing.get());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_TRUE(mentions(findings[0], "Ines Costa")) << findings[0].message;
}

// --- marketing: consent and opt-out accountable ----------------------------------------------

namespace mk = marketing;

class MarketingConsentAccountable : public ::testing::Test {
protected:
    Staffing staffing{"NEXT-OFFER", Industry::Marketing, {"personalisation"}};
    std::int64_t consent = staffing.person("Kai Voss", "kai@example.org");
    std::int64_t specialist = staffing.person("Lea Park", "lea@example.org");
    mk::ConsentAccountableRule rule;
};

TEST_F(MarketingConsentAccountable, FiresWhenNobodyIsAccountableForConsent)
{
    staffing.tags({"churn-prediction"}).assign(specialist, mk::keys::kSpecialist);
    const auto findings = rule.check(staffing.get());
    expectFinding(findings, mk::codes::kNoConsentAccountable, Severity::Error, "NEXT-OFFER",
                  mk::keys::kConsentAndOptOut, "marketing");
    EXPECT_TRUE(mentions(findings[0], "churn-prediction")) << findings[0].message;
    EXPECT_TRUE(mentions(findings[0], mk::keys::kConsentAndOptOut)) << findings[0].message;
}

TEST_F(MarketingConsentAccountable, IsSatisfiedBySomeoneOnTheProjectBeingAccountable)
{
    staffing.assign(consent, mk::keys::kConsentManager)
        .raci(consent, mk::keys::kConsentAndOptOut, RaciKind::Accountable);
    EXPECT_TRUE(rule.check(staffing.get()).empty());
}

TEST_F(MarketingConsentAccountable, SaysNothingWithoutTheTagsOrInAnotherIndustry)
{
    EXPECT_TRUE(rule.check(Staffing(staffing).tags({"customer-data"}).get()).empty());
    EXPECT_TRUE(rule.check(Staffing(staffing).industry(Industry::Finance).get()).empty());
}

TEST_F(MarketingConsentAccountable, DoesNotCountAnAccountableWhoHasLeftTheProject)
{
    staffing.assign(consent, mk::keys::kConsentManager, kProjectStart, 2026y / March / 31d)
        .raci(consent, mk::keys::kConsentAndOptOut, RaciKind::Accountable);
    const auto findings = rule.check(staffing.get());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_TRUE(mentions(findings[0], "Kai Voss")) << findings[0].message;
}

// --- marketing: privacy owner ----------------------------------------------------------------

class MarketingPrivacyOwner : public ::testing::Test {
protected:
    Staffing staffing{"CHURN-WATCH", Industry::Marketing, {"customer-data"}};
    std::int64_t owner = staffing.person("Mia Novak", "mia@example.org");
    mk::PrivacyOwnerRule rule;
};

TEST_F(MarketingPrivacyOwner, FiresWhenCustomerDataHasNoPrivacyOwner)
{
    const auto findings = rule.check(staffing.get());
    expectFinding(findings, mk::codes::kNoPrivacyOwner, Severity::Warning, "CHURN-WATCH",
                  mk::keys::kPrivacyOwner, "marketing");
    EXPECT_TRUE(mentions(findings[0], mk::keys::kPrivacyOwner)) << findings[0].message;
}

TEST_F(MarketingPrivacyOwner, IsSatisfiedByAPrivacyOwnerOnTheProject)
{
    staffing.assign(owner, mk::keys::kPrivacyOwner);
    EXPECT_TRUE(rule.check(staffing.get()).empty());
}

TEST_F(MarketingPrivacyOwner, SaysNothingWithoutCustomerDataOrInAnotherIndustry)
{
    EXPECT_TRUE(rule.check(Staffing(staffing).tags({"personalisation"}).get()).empty());
    EXPECT_TRUE(rule.check(Staffing(staffing).industry(Industry::Healthcare).get()).empty());
}

TEST_F(MarketingPrivacyOwner, DoesNotCountAnOwnerWhoseAssignmentEndedOrHasNotStarted)
{
    staffing.assign(owner, mk::keys::kPrivacyOwner, kProjectStart, 2026y / March / 31d)
        .assign(owner, mk::keys::kPrivacyOwner, 2026y / June / 2d);
    EXPECT_EQ(rule.check(staffing.get()).size(), 1u);
}

} // namespace
} // namespace steward
