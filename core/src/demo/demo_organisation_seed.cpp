// The data of the demo organisation, a table per kind, and the gaps it is built to produce
// (intendedCoreGaps() and intendedPackGaps() of demo_organisation.h), kept next to the rows that
// make them.
#include "demo/demo_organisation_seed.h"

#include "demo/demo_organisation.h"

namespace steward {
namespace demo_seed {
namespace {

const QString kDomain = QStringLiteral("@demo.steward.example");

} // namespace

QString email(const char* local)
{
    return QString::fromUtf8(local) + kDomain;
}
QString text(const char* s)
{
    return QString::fromUtf8(s);
}

// People ------------------------------------------------------------------------------------------

const std::vector<PersonSeed>& people()
{
    static const std::vector<PersonSeed> seeds = {
        // Data & AI Platform: the engineers, data scientists and operators every project draws on.
        {"amara.okafor", "Amara Okafor", "Data & AI Platform", "Head of AI Engineering"},
        {"lukas.becker", "Lukas Becker", "Data & AI Platform", "Senior AI Engineer"},
        {"sofia.marquez", "Sofía Márquez", "Data & AI Platform", "AI Engineer"},
        {"oliver.brennan", "Oliver Brennan", "Data & AI Platform", "AI Engineer"},
        {"chen.wei", "Chen Wei", "Data & AI Platform", "Machine Learning Engineer"},
        {"ravi.shankar", "Ravi Shankar", "Data & AI Platform", "Senior Machine Learning Engineer"},
        {"priya.raman", "Priya Raman", "Data & AI Platform", "Lead Data Scientist"},
        {"mateo.rossi", "Mateo Rossi", "Data & AI Platform", "Data Scientist"},
        {"fatima.elamrani", "Fatima Zahra El Amrani", "Data & AI Platform", "Data Scientist"},
        {"ingrid.johansson", "Ingrid Johansson", "Data & AI Platform", "Senior Data Engineer"},
        {"kwame.mensah", "Kwame Mensah", "Data & AI Platform", "Data Engineer"},
        {"hannah.schmidt", "Hannah Schmidt", "Data & AI Platform", "Data Engineer"},
        {"yuki.tanaka", "Yuki Tanaka", "Data & AI Platform", "MLOps Engineer"},
        {"daniel.novak", "Daniel Novák", "Data & AI Platform", "MLOps Engineer"},
        {"nadia.petrova", "Nadia Petrova", "Data & AI Platform", "Prompt Engineer"},
        // Clinical Informatics: clinicians and clinical-safety staff for the hospital products.
        {"aisha.rahman", "Aisha Rahman", "Clinical Informatics",
         "Consultant Cardiologist and Clinical Lead"},
        {"grace.adeyemi", "Grace Adeyemi", "Clinical Informatics",
         "Consultant in Intensive Care Medicine"},
        {"tomas.herrera", "Tomás Herrera", "Clinical Informatics", "Clinical Safety Officer"},
        {"eleanor.whitfield", "Eleanor Whitfield", "Clinical Informatics",
         "Clinical Validation Lead"},
        {"jonas.lindqvist", "Jonas Lindqvist", "Clinical Informatics", "Healthcare AI Specialist"},
        {"meilin.ho", "Mei Lin Ho", "Clinical Informatics", "Clinical Data Scientist"},
        // Risk & Compliance: model risk, financial compliance and AI governance.
        {"catherine.dubois", "Catherine Dubois", "Risk & Compliance", "Head of Model Risk"},
        {"arjun.mehta", "Arjun Mehta", "Risk & Compliance", "Model Validator"},
        {"samuel.osei", "Samuel Osei", "Risk & Compliance", "Compliance Officer"},
        {"zainab.hussain", "Zainab Hussain", "Risk & Compliance", "Quantitative Model Developer"},
        {"elena.popescu", "Elena Popescu", "Risk & Compliance",
         "AI Risk and Governance Specialist"},
        {"marcus.weber", "Marcus Weber", "Risk & Compliance", "AI Risk and Governance Specialist"},
        // Marketing Analytics.
        {"isabella.conti", "Isabella Conti", "Marketing Analytics", "Head of Marketing Analytics"},
        {"noah.fischer", "Noah Fischer", "Marketing Analytics", "Marketing AI Specialist"},
        {"leila.haddad", "Leila Haddad", "Marketing Analytics", "Marketing Data Scientist"},
        {"pieter.devries", "Pieter de Vries", "Marketing Analytics",
         "Consent and Preference Manager"},
        {"chloe.martin", "Chloé Martin", "Marketing Analytics", "Campaign Analyst"},
        // Product: the owners of the AI products.
        {"sarah.kim", "Sarah Kim", "Product", "Principal AI Product Manager"},
        {"benjamin.clarke", "Benjamin Clarke", "Product", "Product Director, Lending"},
        {"ana.sousa", "Ana Sousa", "Product", "Product Owner, Clinical Products"},
        {"erik.nilsson", "Erik Nilsson", "Product", "Product Manager, Growth"},
        // Legal & Privacy: data protection and AI ethics.
        {"maya.goldberg", "Maya Goldberg", "Legal & Privacy", "Data Protection Officer"},
        {"hugo.laurent", "Hugo Laurent", "Legal & Privacy", "Privacy Counsel"},
        {"imani.brooks", "Imani Brooks", "Legal & Privacy", "AI Ethicist"},
        {"tariq.aziz", "Tariq Aziz", "Legal & Privacy", "Responsible AI Lead"},
        // PMO.
        {"rebecca.thompson", "Rebecca Thompson", "PMO", "Senior AI Project Manager"},
        {"kenji.watanabe", "Kenji Watanabe", "PMO", "AI Project Manager"},
        {"olga.ivanova", "Olga Ivanova", "PMO", "AI Project Manager"},
        {"luis.fernandez", "Luis Fernández", "PMO", "Head of PMO"},
    };
    return seeds;
}

namespace {

// People who have left. They are made inactive after the staffing is written, because nobody can
// be given a role once inactive: Erik's assignments were ended when he left (as they should be),
// Ravi's on PERSONALISE-OFFERS was not (an intended gap).
const char* const kLeavers[] = {"erik.nilsson", "ravi.shankar"};

} // namespace

std::span<const char* const> leavers()
{
    return kLeavers;
}

// Projects ----------------------------------------------------------------------------------------

const std::vector<ProjectSeed>& projects()
{
    using enum Industry;
    using enum RiskTier;
    using enum ProjectStage;
    using enum ProjectStatus;
    using enum AiActRole;
    static const std::vector<ProjectSeed> seeds = {
        {"CARDIO-TRIAGE", "Cardiology triage assistant",
         "Ranks incoming cardiology referrals by urgency from the referral letter, ECG summary and "
         "recent lab results, so that the sickest patients are seen first. In clinical use at two "
         "hospitals; a cardiologist confirms every ranking.",
         Healthcare, High, Operation, Active, ProviderAndDeployer,
         "patient-data,clinical-use,medical-device", "ana.sousa", -540, std::nullopt},
        {"SEPSIS-ALERT", "Early sepsis warning",
         "Predicts sepsis up to six hours before onset from vital signs and lab values on the ward "
         "and alerts the rapid-response team. In retrospective and silent-mode clinical "
         "validation.",
         Healthcare, High, Validation, Active, Provider, "patient-data,clinical-use,early-warning",
         "ana.sousa", -300, std::nullopt},
        {"CREDIT-SCORE", "Consumer credit scoring model",
         "Scores applications for personal loans and credit cards and proposes a limit; credit "
         "officers decide. Replaces the scorecard from 2016.",
         Finance, High, Development, Active, ProviderAndDeployer, "credit-decision,customer-data",
         "benjamin.clarke", -200, std::nullopt},
        {"FRAUD-WATCH", "Card fraud monitoring",
         "Flags card transactions that look fraudulent in real time and queues them for the fraud "
         "team; customers are contacted before a card is blocked.",
         Finance, Minimal, Deployment, Active, ProviderAndDeployer, "transaction-data,real-time",
         "benjamin.clarke", -420, std::nullopt},
        {"CHURN-PREDICT", "Subscriber churn prediction",
         "Predicts which subscribers are likely to cancel in the next 90 days so that the "
         "retention "
         "team can contact them with a relevant offer.",
         Marketing, Minimal, Operation, Active, ProviderAndDeployer,
         "churn-prediction,customer-data", "sarah.kim", -480, std::nullopt},
        {"PERSONALISE-OFFERS", "Personalised offers",
         "Chooses the offer and the wording each customer sees in the app and in e-mails, using a "
         "recommender and a generative model for the copy.",
         Marketing, Limited, Development, Active, ProviderAndDeployer,
         "personalisation,customer-data,generative-ai", "sarah.kim", -120, std::nullopt},
        {"POLICY-ASSIST", "Internal policy assistant",
         "A chat assistant that answers staff questions about internal policies, citing the policy "
         "text it relied on. Proposed; scope and data sources are being agreed.",
         General, Limited, Concept, Proposed, Deployer, "generative-ai,internal", "luis.fernandez",
         -30, std::nullopt},
        {"LEAD-SCORE", "B2B lead scoring (retired)",
         "Scored inbound business leads for the sales team. Retired when the CRM vendor's own "
         "scoring replaced it.",
         Marketing, Minimal, Retirement, Completed, Deployer, "customer-data", "erik.nilsson", -900,
         -200},
    };
    return seeds;
}

// Assignments -------------------------------------------------------------------------------------

// Allocations are planned so that nobody but Kwame exceeds 100 % at any time, with or without the
// pack roles. Built-in roles first, then each project's pack roles.
const std::vector<AssignmentSeed>& assignments()
{
    constexpr std::optional<int> open;
    static const std::vector<AssignmentSeed> seeds = {
        // CARDIO-TRIAGE: complete, including the clinical roles. Mateo moved to CREDIT-SCORE;
        // Daniel joins next month as a second MLOps engineer.
        {"CARDIO-TRIAGE", "rebecca.thompson", "ai-project-manager", -540, open, 40},
        {"CARDIO-TRIAGE", "ana.sousa", "ai-product-manager", -540, open, 20},
        {"CARDIO-TRIAGE", "amara.okafor", "ai-engineer", -540, open, 30},
        {"CARDIO-TRIAGE", "lukas.becker", "ai-engineer", -500, open, 50},
        {"CARDIO-TRIAGE", "priya.raman", "data-scientist", -540, open, 40},
        {"CARDIO-TRIAGE", "mateo.rossi", "data-scientist", -540, -201, 50},
        {"CARDIO-TRIAGE", "ingrid.johansson", "data-engineer", -540, open, 40},
        {"CARDIO-TRIAGE", "yuki.tanaka", "mlops-engineer", -300, open, 50},
        {"CARDIO-TRIAGE", "daniel.novak", "mlops-engineer", 30, open, 30},
        {"CARDIO-TRIAGE", "imani.brooks", "ai-ethicist", -540, open, 20},
        {"CARDIO-TRIAGE", "elena.popescu", "ai-risk-governance-specialist", -540, open, 25},
        {"CARDIO-TRIAGE", "jonas.lindqvist", "healthcare.ai-specialist", -540, open, 50},
        {"CARDIO-TRIAGE", "eleanor.whitfield", "healthcare.clinical-validation-lead", -420, open,
         40},
        {"CARDIO-TRIAGE", "tomas.herrera", "healthcare.clinical-safety-officer", -540, open, 30},
        {"CARDIO-TRIAGE", "maya.goldberg", "healthcare.privacy-officer", -540, open, 20},
        {"CARDIO-TRIAGE", "aisha.rahman", "healthcare.clinical-lead", -540, open, 20},

        // SEPSIS-ALERT: no privacy officer yet (pack gap) and nobody Accountable for bias
        // detection (core gap, see the RACI exceptions).
        {"SEPSIS-ALERT", "kenji.watanabe", "ai-project-manager", -300, open, 40},
        {"SEPSIS-ALERT", "ana.sousa", "ai-product-manager", -300, open, 20},
        {"SEPSIS-ALERT", "oliver.brennan", "ai-engineer", -300, open, 60},
        {"SEPSIS-ALERT", "chen.wei", "machine-learning-engineer", -280, open, 50},
        {"SEPSIS-ALERT", "fatima.elamrani", "data-scientist", -300, open, 50},
        {"SEPSIS-ALERT", "hannah.schmidt", "data-engineer", -300, open, 50},
        {"SEPSIS-ALERT", "tariq.aziz", "ai-ethicist", -300, open, 20},
        {"SEPSIS-ALERT", "marcus.weber", "ai-risk-governance-specialist", -300, open, 25},
        {"SEPSIS-ALERT", "meilin.ho", "healthcare.ai-specialist", -300, open, 60},
        {"SEPSIS-ALERT", "eleanor.whitfield", "healthcare.clinical-validation-lead", -90, open, 30},
        {"SEPSIS-ALERT", "tomas.herrera", "healthcare.clinical-safety-officer", -300, open, 30},
        {"SEPSIS-ALERT", "grace.adeyemi", "healthcare.clinical-lead", -300, open, 20},

        // CREDIT-SCORE: Arjun validates the model he also helped build (pack gap); Mateo is
        // Responsible for data quality without the data-engineer role (core gap).
        {"CREDIT-SCORE", "olga.ivanova", "ai-project-manager", -200, open, 50},
        {"CREDIT-SCORE", "sofia.marquez", "ai-engineer", -200, open, 60},
        {"CREDIT-SCORE", "mateo.rossi", "data-scientist", -200, open, 60},
        {"CREDIT-SCORE", "hannah.schmidt", "data-engineer", -200, open, 40},
        {"CREDIT-SCORE", "imani.brooks", "ai-ethicist", -200, open, 20},
        {"CREDIT-SCORE", "elena.popescu", "ai-risk-governance-specialist", -200, open, 25},
        {"CREDIT-SCORE", "benjamin.clarke", "finance.model-owner", -200, open, 20},
        {"CREDIT-SCORE", "zainab.hussain", "finance.model-developer", -200, open, 50},
        {"CREDIT-SCORE", "arjun.mehta", "finance.model-developer", -200, open, 20},
        {"CREDIT-SCORE", "arjun.mehta", "finance.model-validator", -60, open, 40},
        {"CREDIT-SCORE", "samuel.osei", "finance.compliance-officer", -200, open, 30},

        // FRAUD-WATCH: drift detection has an Accountable but nobody Responsible (core gap).
        // Erik was its product manager until he left.
        {"FRAUD-WATCH", "olga.ivanova", "ai-project-manager", -420, open, 30},
        {"FRAUD-WATCH", "erik.nilsson", "ai-product-manager", -420, -60, 30},
        {"FRAUD-WATCH", "lukas.becker", "ai-engineer", -420, open, 40},
        {"FRAUD-WATCH", "chen.wei", "machine-learning-engineer", -420, open, 40},
        {"FRAUD-WATCH", "priya.raman", "data-scientist", -420, open, 40},
        {"FRAUD-WATCH", "ingrid.johansson", "data-engineer", -420, open, 40},
        {"FRAUD-WATCH", "daniel.novak", "mlops-engineer", -150, open, 60},
        {"FRAUD-WATCH", "tariq.aziz", "ai-ethicist", -420, open, 20},
        {"FRAUD-WATCH", "marcus.weber", "ai-risk-governance-specialist", -420, open, 25},
        {"FRAUD-WATCH", "benjamin.clarke", "finance.model-owner", -420, open, 20},
        {"FRAUD-WATCH", "zainab.hussain", "finance.model-developer", -420, open, 40},
        {"FRAUD-WATCH", "catherine.dubois", "finance.model-validator", -300, open, 40},
        {"FRAUD-WATCH", "samuel.osei", "finance.compliance-officer", -420, open, 20},

        // CHURN-PREDICT: complete, but Kwame is also on PERSONALISE-OFFERS at 60 % (core gap on
        // both projects).
        {"CHURN-PREDICT", "kenji.watanabe", "ai-project-manager", -480, open, 30},
        {"CHURN-PREDICT", "sarah.kim", "ai-product-manager", -480, open, 30},
        {"CHURN-PREDICT", "oliver.brennan", "ai-engineer", -480, open, 30},
        {"CHURN-PREDICT", "leila.haddad", "data-scientist", -480, open, 60},
        {"CHURN-PREDICT", "kwame.mensah", "data-engineer", -480, open, 60},
        {"CHURN-PREDICT", "yuki.tanaka", "mlops-engineer", -360, open, 40},
        {"CHURN-PREDICT", "imani.brooks", "ai-ethicist", -480, open, 20},
        {"CHURN-PREDICT", "elena.popescu", "ai-risk-governance-specialist", -480, open, 25},
        {"CHURN-PREDICT", "noah.fischer", "marketing.ai-specialist", -480, open, 50},
        {"CHURN-PREDICT", "isabella.conti", "marketing.personalisation-lead", -480, open, 30},
        {"CHURN-PREDICT", "pieter.devries", "marketing.consent-manager", -480, open, 40},
        {"CHURN-PREDICT", "hugo.laurent", "marketing.customer-data-privacy-owner", -480, open, 30},

        // PERSONALISE-OFFERS: Ravi left without handing over (core gap), Kwame is over-allocated
        // (core gap) and nobody answers for consent and opt-out (pack gap).
        {"PERSONALISE-OFFERS", "rebecca.thompson", "ai-project-manager", -120, open, 40},
        {"PERSONALISE-OFFERS", "sarah.kim", "ai-product-manager", -120, open, 30},
        {"PERSONALISE-OFFERS", "sofia.marquez", "ai-engineer", -120, open, 30},
        {"PERSONALISE-OFFERS", "ravi.shankar", "machine-learning-engineer", -120, open, 50},
        {"PERSONALISE-OFFERS", "nadia.petrova", "prompt-engineer", -90, open, 40},
        {"PERSONALISE-OFFERS", "leila.haddad", "data-scientist", -120, open, 30},
        {"PERSONALISE-OFFERS", "kwame.mensah", "data-engineer", -120, open, 60},
        {"PERSONALISE-OFFERS", "tariq.aziz", "ai-ethicist", -120, open, 20},
        {"PERSONALISE-OFFERS", "marcus.weber", "ai-risk-governance-specialist", -120, open, 25},
        {"PERSONALISE-OFFERS", "noah.fischer", "marketing.ai-specialist", -120, open, 40},
        {"PERSONALISE-OFFERS", "isabella.conti", "marketing.personalisation-lead", -120, open, 30},
        {"PERSONALISE-OFFERS", "hugo.laurent", "marketing.customer-data-privacy-owner", -120, open,
         30},

        // POLICY-ASSIST: a proposal, staffed lightly but completely for its stage.
        {"POLICY-ASSIST", "luis.fernandez", "ai-project-manager", -30, open, 30},
        {"POLICY-ASSIST", "luis.fernandez", "ai-consultant", -30, open, 20},
        {"POLICY-ASSIST", "sarah.kim", "ai-product-manager", -30, open, 20},
        {"POLICY-ASSIST", "nadia.petrova", "prompt-engineer", -30, open, 40},
        {"POLICY-ASSIST", "amara.okafor", "ai-engineer", -30, open, 30},
        {"POLICY-ASSIST", "fatima.elamrani", "data-scientist", -30, open, 30},
        {"POLICY-ASSIST", "ingrid.johansson", "data-engineer", -30, open, 15},
        {"POLICY-ASSIST", "imani.brooks", "ai-ethicist", -30, open, 20},
        {"POLICY-ASSIST", "elena.popescu", "ai-risk-governance-specialist", -30, open, 20},

        // LEAD-SCORE: completed; every assignment ended with the project.
        {"LEAD-SCORE", "kenji.watanabe", "ai-project-manager", -900, -200, 30},
        {"LEAD-SCORE", "erik.nilsson", "ai-product-manager", -900, -200, 40},
        {"LEAD-SCORE", "oliver.brennan", "ai-engineer", -900, -200, 40},
        {"LEAD-SCORE", "leila.haddad", "data-scientist", -900, -200, 40},
        {"LEAD-SCORE", "kwame.mensah", "data-engineer", -800, -200, 30},
        {"LEAD-SCORE", "imani.brooks", "ai-ethicist", -900, -200, 20},
        {"LEAD-SCORE", "marcus.weber", "ai-risk-governance-specialist", -900, -200, 20},
    };
    return seeds;
}

// RACI exceptions ---------------------------------------------------------------------------------

namespace {

const Omission kOmissions[] = {
    // The ethicist does the bias review, but nobody has agreed to answer for it.
    {"SEPSIS-ALERT", "ai-ethicist.detect-bias", RaciKind::Accountable},
    // The drift on-call rota was disbanded in a reorganisation; Daniel still answers for it.
    {"FRAUD-WATCH", "mlops-engineer.detect-drift", RaciKind::Responsible},
};

} // namespace

std::span<const Omission> omissions()
{
    return kOmissions;
}

const std::vector<RaciSeed>& raciExtras()
{
    using enum RaciKind;
    static const std::vector<RaciSeed> seeds = {
        // Human oversight of the triage system in clinical use (EU AI Act Art. 26(2)) is
        // Elena's; her oversight training has lapsed (an intended gap, demo_qualifications.h).
        {"CARDIO-TRIAGE", "ai-risk-governance-specialist.exercise-human-oversight", "elena.popescu",
         Accountable},
        {"CARDIO-TRIAGE", "ai-risk-governance-specialist.exercise-human-oversight", "elena.popescu",
         Responsible},
        // Mateo cleans the data himself while the data engineers are busy: Responsible without the
        // role (an intended gap).
        {"CREDIT-SCORE", "data-engineer.assure-data-quality", "mateo.rossi", Responsible},
        // Model development on the finance models; on CREDIT-SCORE Arjun still helps build the
        // model he now validates.
        {"CREDIT-SCORE", "finance.model-developer.develop-model", "zainab.hussain", Accountable},
        {"CREDIT-SCORE", "finance.model-developer.develop-model", "zainab.hussain", Responsible},
        {"CREDIT-SCORE", "finance.model-developer.develop-model", "arjun.mehta", Responsible},
        {"FRAUD-WATCH", "finance.model-developer.develop-model", "zainab.hussain", Accountable},
        {"FRAUD-WATCH", "finance.model-developer.develop-model", "zainab.hussain", Responsible},
        // Regulated decisions: the compliance officer answers for regulatory compliance.
        {"CREDIT-SCORE", "finance.compliance-officer.ensure-regulatory-compliance", "samuel.osei",
         Accountable},
        {"CREDIT-SCORE", "finance.compliance-officer.ensure-regulatory-compliance", "samuel.osei",
         Responsible},
        {"CREDIT-SCORE", "finance.compliance-officer.explain-adverse-decisions", "samuel.osei",
         Accountable},
        {"CREDIT-SCORE", "finance.compliance-officer.explain-adverse-decisions", "benjamin.clarke",
         Consulted},
        {"FRAUD-WATCH", "finance.compliance-officer.ensure-regulatory-compliance", "samuel.osei",
         Accountable},
        {"FRAUD-WATCH", "finance.compliance-officer.ensure-regulatory-compliance", "samuel.osei",
         Responsible},
        // Clinical use: the clinical lead approves deployment into patient care.
        {"CARDIO-TRIAGE", "healthcare.clinical-lead.approve-clinical-deployment", "aisha.rahman",
         Accountable},
        {"CARDIO-TRIAGE", "healthcare.clinical-lead.approve-clinical-deployment", "aisha.rahman",
         Responsible},
        {"CARDIO-TRIAGE", "healthcare.clinical-lead.approve-clinical-deployment", "tomas.herrera",
         Consulted},
        {"CARDIO-TRIAGE", "healthcare.privacy-officer.assess-data-protection-impact",
         "maya.goldberg", Accountable},
        {"CARDIO-TRIAGE", "healthcare.privacy-officer.assess-data-protection-impact",
         "maya.goldberg", Responsible},
        {"SEPSIS-ALERT", "healthcare.clinical-lead.define-intended-use", "grace.adeyemi",
         Accountable},
        {"SEPSIS-ALERT", "healthcare.clinical-lead.define-intended-use", "grace.adeyemi",
         Responsible},
        {"SEPSIS-ALERT", "ai-ethicist.detect-bias", "ana.sousa", Informed},
        // Profiling customers: the consent manager answers for consent and opt-out on churn.
        {"CHURN-PREDICT", "marketing.consent-manager.manage-consent-and-opt-out", "pieter.devries",
         Accountable},
        {"CHURN-PREDICT", "marketing.consent-manager.manage-consent-and-opt-out", "pieter.devries",
         Responsible},
        {"CHURN-PREDICT", "marketing.customer-data-privacy-owner.assess-profiling-impact",
         "hugo.laurent", Accountable},
        {"CHURN-PREDICT", "marketing.customer-data-privacy-owner.assess-profiling-impact",
         "hugo.laurent", Responsible},
        {"PERSONALISE-OFFERS", "marketing.personalisation-lead.define-personalisation-policy",
         "isabella.conti", Accountable},
        {"PERSONALISE-OFFERS", "marketing.personalisation-lead.define-personalisation-policy",
         "isabella.conti", Responsible},
        {"PERSONALISE-OFFERS", "marketing.personalisation-lead.define-personalisation-policy",
         "hugo.laurent", Consulted},
        // Generative copy and an assistant: the prompt engineers do the prompt work.
        {"PERSONALISE-OFFERS", "prompt-engineer.design-prompts", "nadia.petrova", Accountable},
        {"PERSONALISE-OFFERS", "prompt-engineer.design-prompts", "nadia.petrova", Responsible},
        {"POLICY-ASSIST", "prompt-engineer.design-prompts", "nadia.petrova", Accountable},
        {"POLICY-ASSIST", "prompt-engineer.design-prompts", "nadia.petrova", Responsible},
        {"POLICY-ASSIST", "ai-consultant.identify-opportunities", "luis.fernandez", Accountable},
        {"POLICY-ASSIST", "ai-consultant.identify-opportunities", "luis.fernandez", Responsible},
    };
    return seeds;
}

} // namespace demo_seed

using demo_seed::email;

std::vector<IntendedGap> intendedCoreGaps()
{
    return {
        {QStringLiteral("NO_ACCOUNTABLE"), QStringLiteral("SEPSIS-ALERT"),
         QStringLiteral("ai-ethicist.detect-bias"),
         QStringLiteral("The ethicist reviews the sepsis model for bias, but nobody has agreed to "
                        "be Accountable for it.")},
        {QStringLiteral("NO_RESPONSIBLE"), QStringLiteral("FRAUD-WATCH"),
         QStringLiteral("mlops-engineer.detect-drift"),
         QStringLiteral("Drift detection lost its Responsible on-call rota in a reorganisation; "
                        "only the Accountable is left.")},
        {QStringLiteral("RACI_WITHOUT_ROLE"), QStringLiteral("CREDIT-SCORE"), email("mateo.rossi"),
         QStringLiteral("A data scientist is Responsible for data quality without holding the "
                        "data-engineer role.")},
        {QStringLiteral("OVER_ALLOCATED"), QStringLiteral("CHURN-PREDICT"), email("kwame.mensah"),
         QStringLiteral("Kwame is a data engineer at 60 % on both CHURN-PREDICT and "
                        "PERSONALISE-OFFERS (120 %).")},
        {QStringLiteral("OVER_ALLOCATED"), QStringLiteral("PERSONALISE-OFFERS"),
         email("kwame.mensah"),
         QStringLiteral("The same over-allocation, reported on the other project it involves.")},
        {QStringLiteral("INACTIVE_ASSIGNEE"), QStringLiteral("PERSONALISE-OFFERS"),
         email("ravi.shankar"),
         QStringLiteral("Ravi left the company, but his machine-learning-engineer assignment was "
                        "never ended.")},
        {QStringLiteral("NO_HUMAN_OVERSIGHT"), QStringLiteral("CARDIO-TRIAGE"),
         QStringLiteral("ai-risk-governance-specialist.exercise-human-oversight"),
         QStringLiteral("The triage system is high-risk and in clinical use; Elena answers for its "
                        "human oversight, but her oversight training lapsed a month ago.")},
        {QStringLiteral("UNQUALIFIED_HOLDER"), QStringLiteral("CARDIO-TRIAGE"),
         email("elena.popescu"),
         QStringLiteral("The same lapsed training, reported on Elena herself.")},
        {QStringLiteral("UNQUALIFIED_HOLDER"), QStringLiteral("SEPSIS-ALERT"),
         email("fatima.elamrani"),
         QStringLiteral("Fatima works as a data scientist on the sepsis model but never took the "
                        "AI-literacy course every role requires.")},
        {QStringLiteral("UNQUALIFIED_HOLDER"), QStringLiteral("POLICY-ASSIST"),
         email("fatima.elamrani"),
         QStringLiteral("The same missing course, reported on the policy assistant she also works "
                        "on.")},
        {QStringLiteral("QUALIFICATION_EXPIRING"), QStringLiteral("SEPSIS-ALERT"),
         email("hannah.schmidt"),
         QStringLiteral("Hannah's AI literacy lapses in about two weeks.")},
        {QStringLiteral("QUALIFICATION_EXPIRING"), QStringLiteral("CREDIT-SCORE"),
         email("hannah.schmidt"),
         QStringLiteral("The same renewal, reported on her other project.")},
    };
}

std::vector<IntendedGap> intendedPackGaps()
{
    return {
        {QStringLiteral("HEALTHCARE_NO_PRIVACY_OFFICER"), QStringLiteral("SEPSIS-ALERT"),
         QStringLiteral("healthcare.privacy-officer"),
         QStringLiteral("The sepsis model is trained on patient records, but no privacy officer is "
                        "named on the project.")},
        {QStringLiteral("FINANCE_VALIDATOR_NOT_INDEPENDENT"), QStringLiteral("CREDIT-SCORE"),
         email("arjun.mehta"),
         QStringLiteral("Arjun validates the credit model while still holding the model-developer "
                        "role on it.")},
        {QStringLiteral("MARKETING_NO_CONSENT_ACCOUNTABLE"), QStringLiteral("PERSONALISE-OFFERS"),
         QStringLiteral("marketing.consent-manager.manage-consent-and-opt-out"),
         QStringLiteral("Offers are personalised, but nobody on the project is Accountable for "
                        "consent and opt-out.")},
    };
}
} // namespace steward
