#include "eu_ai_act_checklist.h"

#include <initializer_list>
#include <string>
#include <utility>

// Paragraphs without an obligation for the provider or deployer are left out: 9(7) (permits
// real-world testing; folded into 9(8)), 11(3), 15(2), 27(5) and 73(7) to (11) (duties and powers
// of the Commission, the AI Office and authorities), 26(3) (a saving clause), 50(6) and 50(7)
// (relation to other law; codes of practice).
namespace steward {
namespace {

// One obligation as the checklist asks about it. `provision` is the article with its paragraph
// and point as the Regulation numbers them ("9(2)", "17(1)(a)"); the item id and the citation
// are both derived from it so they cannot drift apart. Questions are our own words, not the
// legal text.
struct Provision {
    const char* provision;
    const char* question;
    const char* guidance;
    const char* evidence;
    const char* role;
};

ChecklistItem item(const Provision& p, const Applicability& applies)
{
    ChecklistItem result;
    result.id = std::string("Art. ") + p.provision;
    result.text = p.question;
    result.guidance = p.guidance;
    result.expectedEvidence = p.evidence;
    result.roleKey = p.role;
    result.reference = std::string("Regulation (EU) 2024/1689, Article ") + p.provision;
    result.applies = applies;
    return result;
}

void add(ChecklistSection& section, const Applicability& applies,
         std::initializer_list<Provision> provisions)
{
    for (const Provision& p : provisions)
        section.items.push_back(item(p, applies));
}

ChecklistSection article(int number, const char* officialTitle, const char* description)
{
    ChecklistSection section;
    section.id = "Art. " + std::to_string(number);
    section.title = "Article " + std::to_string(number) + " \u2014 " + officialTitle;
    section.description = description;
    return section;
}

// Chapter III obligations bind only high-risk systems. An item lists Provider or Deployer, never
// ProviderAndDeployer: the audit applies a Provider item (or a Deployer item) to projects whose
// organisation is both.
const Applicability kHighRiskProvider{{RiskTier::High}, {AiActRole::Provider}, {}};
const Applicability kHighRiskDeployer{{RiskTier::High}, {AiActRole::Deployer}, {}};
// Article 26(8) and 26(10) bind only public authorities and law-enforcement users.
const Applicability kHighRiskPublicDeployer{
    {RiskTier::High}, {AiActRole::Deployer}, {Industry::PublicSector}};
// Article 4 binds every provider and deployer whatever the system's risk.
const Applicability kEveryProviderAndDeployer{{}, {AiActRole::Provider, AiActRole::Deployer}, {}};

// Article 50 attaches to what a system does (talks to people, generates content, recognises
// emotions, makes deep fakes), not to its Chapter III classification; 50(6) says it applies on top
// of the high-risk requirements. In the four-tier model those functions are what makes a system
// "limited risk", so the items apply to the Limited and High tiers. A Minimal project has, by its
// classification, none of these functions; an Unacceptable (prohibited) system may not be placed
// on the market or used at all, so auditing its disclosures would be beside the point.
const Applicability kTransparencyProvider{
    {RiskTier::Limited, RiskTier::High}, {AiActRole::Provider}, {}};
const Applicability kTransparencyDeployer{
    {RiskTier::Limited, RiskTier::High}, {AiActRole::Deployer}, {}};
const Applicability kTransparencyBoth{
    {RiskTier::Limited, RiskTier::High}, {AiActRole::Provider, AiActRole::Deployer}, {}};

ChecklistSection article4()
{
    auto s =
        article(4, "AI literacy",
                "Providers and deployers of any AI system make sure that their staff and others "
                "operating or using AI systems on their behalf have enough AI literacy for the "
                "context of use. Applies since 2 February 2025.");
    add(s, kEveryProviderAndDeployer,
        {{"4",
          "Has the organisation taken measures so that staff and other people who operate or use "
          "this AI system on its behalf have a sufficient level of AI literacy, considering their "
          "technical knowledge, experience, education and training, the context of use and the "
          "people the system is used on?",
          "Ask who operates or uses the system (including contractors) and what each group was "
          "taught. Check that the content fits the role (operators learn limits, failure modes and "
          "automation bias; managers learn accountability) and the people affected, that new "
          "joiners are covered, and that completion is tracked.",
          "AI literacy programme or training plan by role; completion records for the people "
          "using this system; training materials specific to the system; onboarding checklist.",
          "ai-project-manager"}});
    return s;
}

ChecklistSection article9()
{
    auto s = article(9, "Risk management system",
                     "A documented, continuous and iterative risk management process across the "
                     "whole lifecycle of the high-risk system: identify, estimate and evaluate "
                     "risks, adopt measures, and test.");
    add(s, kHighRiskProvider,
        {{"9(1)",
          "Is a risk management system for this high-risk AI system established, implemented, "
          "documented and maintained?",
          "Ask for the risk management procedure and the system's risk file. Check that they are "
          "specific to this system, approved, under version control and updated at least at each "
          "release.",
          "Risk management procedure; risk management file for the system with version history; "
          "approval record.",
          "ai-risk-governance-specialist"},
         {"9(2)",
          "Does the risk management process run throughout the lifecycle with regular review, and "
          "does it cover identifying known and foreseeable risks to health, safety and fundamental "
          "rights, estimating risks under intended use and reasonably foreseeable misuse, "
          "evaluating risks surfaced by post-market monitoring, and adopting targeted measures?",
          "Walk through the risk register: every risk should have a source (analysis, misuse "
          "scenario or post-market data), an estimate and an evaluation, and a measure. Look for "
          "at least one update driven by post-market monitoring data once the system is live.",
          "Risk register with identification, estimation and evaluation; misuse scenarios; minutes "
          "of periodic risk reviews; link to post-market monitoring reports.",
          "ai-risk-governance-specialist"},
         {"9(3)",
          "Does the risk management focus on risks that can reasonably be reduced or eliminated "
          "through the system's development or design, or through adequate technical information?",
          "Check that risks are traced to design changes or to information given to deployers, and "
          "that risks outside the provider's control are identified as such rather than silently "
          "dropped.",
          "Risk register showing the treatment route (design, development or information) for each "
          "risk.",
          "ai-risk-governance-specialist"},
         {"9(4)",
          "Do the risk management measures take account of how the high-risk requirements "
          "(data, documentation, logging, transparency, oversight, accuracy, robustness, "
          "cybersecurity) interact, so that risks are minimised effectively and in balance?",
          "Ask for an example where a measure for one requirement affected another (for example "
          "more logging versus privacy, or robustness versus accuracy) and how the trade-off was "
          "decided and recorded.",
          "Design decision records on trade-offs between requirements; risk review minutes.",
          "ai-risk-governance-specialist"},
         {"9(5)",
          "Is the residual risk of each hazard and the overall residual risk judged acceptable, "
          "with measures chosen in the required order: eliminate or reduce by design, then "
          "mitigate "
          "and control what remains, then inform and, where appropriate, train deployers?",
          "Check that residual risk is rated per hazard and overall, that someone accountable "
          "accepted it, and that information and training for deployers reflects the deployer's "
          "expected knowledge and context of use.",
          "Residual risk evaluation and acceptance; list of mitigation and control measures; "
          "deployer information and training material.",
          "ai-risk-governance-specialist"},
         {"9(6)",
          "Is the system tested to find the most appropriate risk management measures and to show "
          "that it performs consistently for its intended purpose and meets the high-risk "
          "requirements?",
          "Check that the test plan is derived from the risk register and the requirements, and "
          "that test results were used to choose or confirm measures.",
          "Test plan traced to risks and requirements; test reports; decisions taken on the "
          "results.",
          "machine-learning-engineer"},
         {"9(8)",
          "Is testing done at suitable points during development and in any case before the "
          "system is placed on the market or put into service, against metrics and probabilistic "
          "thresholds defined in advance and suited to the intended purpose? Where real-world "
          "testing is used, does it follow Article 60 (see 9(7))?",
          "Compare the dates on which acceptance metrics and thresholds were fixed with the dates "
          "of the test runs: thresholds must predate the tests. Confirm the final pre-release test "
          "and, for tests in real-world conditions, the Article 60 plan and safeguards.",
          "Versioned acceptance criteria with thresholds; dated test reports; release approval; "
          "real-world testing plan where used.",
          "machine-learning-engineer"},
         {"9(9)",
          "Has the provider considered whether the system, given its intended purpose, is likely "
          "to adversely affect people under 18 or, as appropriate, other vulnerable groups?",
          "Check the risk analysis explicitly addresses minors and other vulnerable groups (for "
          "example older people, people with disabilities, people in financial hardship), with a "
          "reasoned conclusion even where the answer is 'not likely'.",
          "Section of the risk analysis on minors and vulnerable groups; resulting measures.",
          "ai-ethicist"},
         {"9(10)",
          "Where the provider already runs internal risk management under other Union law (for "
          "example as a regulated financial institution), are the AI risk management aspects "
          "integrated into or combined with those procedures consistently?",
          "Only relevant if other Union law already imposes risk management. Check the mapping "
          "between the two processes so that nothing required by Article 9 falls between them; "
          "otherwise record 'not applicable' with the reason.",
          "Mapping of Article 9 steps to the existing risk framework; integrated procedure.",
          "ai-risk-governance-specialist"}});
    return s;
}

ChecklistSection article10()
{
    auto s = article(10, "Data and data governance",
                     "Training, validation and testing data of high-risk systems are governed and "
                     "are relevant, representative, as error-free and complete as possible, with "
                     "biases examined and mitigated.");
    add(s, kHighRiskProvider,
        {{"10(1)",
          "If the system is trained on data, were the training, validation and testing data sets "
          "developed to meet the quality criteria of Article 10(2) to (5)?",
          "Identify every data set used for training, validation and testing and confirm each has "
          "been checked against the criteria below; data sets added late (for example for "
          "fine-tuning) are easy to miss.",
          "Inventory of data sets with their use (training, validation, testing) and quality "
          "sign-off.",
          "data-engineer"},
         {"10(2)",
          "Are the data sets subject to documented governance and management practices covering "
          "design choices, collection processes and origin (and the original purpose for personal "
          "data), preparation (annotation, labelling, cleaning, enrichment, aggregation), "
          "assumptions, availability and suitability, examination and mitigation of biases "
          "(including feedback loops), and identified data gaps?",
          "Take one data set and trace it end to end: where it came from, why it was collected, "
          "how it was labelled and cleaned, what assumptions were made, which bias analysis was "
          "done and what was done about it, and which gaps remain and how they are handled.",
          "Data governance procedure; datasheets per data set; labelling guidelines; bias "
          "examination report and mitigation record; data gap log.",
          "data-engineer"},
         {"10(3)",
          "Are the data sets relevant, sufficiently representative, as free of errors and as "
          "complete as possible for the intended purpose, with appropriate statistical properties "
          "for the people or groups the system will be used on?",
          "Compare the population in the data with the population in the intended use (for "
          "example by age, sex, region, language). Ask for error-rate estimates of labels and for "
          "completeness checks.",
          "Representativeness analysis; label quality audit; completeness and error statistics.",
          "data-scientist"},
         {"10(4)",
          "Do the data sets reflect, as far as the intended purpose requires, the specific "
          "geographical, contextual, behavioural or functional setting in which the system will be "
          "used?",
          "Check that data from the actual deployment setting (country, language, device, "
          "workflow) "
          "is present or that the gap is documented with its effect on performance.",
          "Data coverage analysis against deployment settings; performance by setting.",
          "data-scientist"},
         {"10(5)",
          "If special categories of personal data are processed to detect and correct bias, is it "
          "strictly necessary (other data such as synthetic or anonymised data would not do), and "
          "are the safeguards in place: limits on re-use, state-of-the-art security and "
          "pseudonymisation, strict access control, no transfer to others, deletion once the bias "
          "is corrected or the retention period ends, and a record of why it was necessary?",
          "Only relevant if such data is used; otherwise record 'not applicable'. Check the "
          "necessity reasoning, access lists, deletion evidence and the entry in the record of "
          "processing activities; involve the data protection officer.",
          "Necessity assessment; record of processing activities entry; access control lists; "
          "deletion logs; DPIA.",
          "data-engineer"},
         {"10(6)",
          "If the system is not trained on data, do the testing data sets meet the Article 10(2) "
          "to "
          "(5) criteria?",
          "Only for systems without model training (for example rule-based or prompt-only "
          "systems). Check that test data governance is documented as above.",
          "Test data set inventory and its governance records.", "data-engineer"}});
    return s;
}

ChecklistSection article11()
{
    auto s = article(11, "Technical documentation",
                     "Technical documentation demonstrating compliance, with at least the content "
                     "of Annex IV, exists before the system is placed on the market and is kept up "
                     "to date.");
    add(s, kHighRiskProvider,
        {{"11(1)",
          "Was technical documentation containing at least the Annex IV elements drawn up before "
          "the system was placed on the market or put into service, is it kept up to date, and "
          "does it show clearly how the system meets the high-risk requirements?",
          "Check the documentation against the Annex IV headings (general description, "
          "development process, monitoring and control, performance metrics, risk management, "
          "changes, standards applied, declaration of conformity, post-market monitoring plan). "
          "Compare its date with the release date and its content with the current version.",
          "Technical documentation file with Annex IV cross-reference; version history; release "
          "dates.",
          "ai-engineer"},
         {"11(2)",
          "If the system relates to a product covered by the Union harmonisation legislation in "
          "Annex I Section A (for example machinery or medical devices), is there a single set of "
          "technical documentation covering both this Regulation and that legislation?",
          "Only for Annex I Section A products; otherwise record 'not applicable'. Check that one "
          "documentation set serves both conformity assessments.",
          "Combined technical documentation; conformity assessment records under the sector "
          "legislation.",
          "ai-risk-governance-specialist"}});
    return s;
}

ChecklistSection article12()
{
    auto s = article(12, "Record-keeping",
                     "The high-risk system automatically records events (logs) over its lifetime "
                     "so that its operation can be traced and monitored.");
    add(s, kHighRiskProvider,
        {{"12(1)",
          "Does the system technically allow events to be recorded automatically (logs) over its "
          "whole lifetime?",
          "Look at the logging design and at actual logs from a test or production environment. "
          "Logging must be built in, not dependent on an operator remembering to switch it on.",
          "Logging design; sample log records; configuration showing logging is always on.",
          "mlops-engineer"},
         {"12(2)",
          "Do the logs record the events needed to identify situations that may present a risk or "
          "amount to a substantial modification, to support post-market monitoring, and to let "
          "deployers monitor operation?",
          "Map the logged events to the three purposes. Check that inputs, outputs or decisions, "
          "model version and anomalies can be reconstructed for a given time window.",
          "Mapping of log events to purposes; example reconstruction of an incident or a decision "
          "from logs.",
          "mlops-engineer"},
         {"12(3)",
          "For remote biometric identification systems (Annex III point 1(a)), do the logs record "
          "at least each period of use, the reference database checked, the input data that led "
          "to a match, and who verified the results?",
          "Only for remote biometric identification; otherwise record 'not applicable'.",
          "Log schema with the four required fields; sample logs.", "mlops-engineer"}});
    return s;
}

ChecklistSection article13()
{
    auto s = article(13, "Transparency and provision of information to deployers",
                     "The high-risk system is transparent enough for deployers to interpret its "
                     "output and comes with complete and clear instructions for use.");
    add(s, kHighRiskProvider,
        {{"13(1)",
          "Is the system designed so that its operation is transparent enough for deployers to "
          "interpret its output and use it appropriately?",
          "Ask a deployer-side user (or a proxy) to interpret a few outputs using only what the "
          "system shows and the instructions. Check confidence indicators, explanations or "
          "reason codes where they are needed to use the output correctly.",
          "Output and explanation design; usability or interpretation test with deployer users.",
          "ai-product-manager"},
         {"13(2)",
          "Does the system come with instructions for use, in a suitable digital or other format, "
          "that are concise, complete, correct, clear, and accessible and understandable to "
          "deployers?",
          "Read the instructions as a deployer would. Check they are versioned with the system, "
          "reachable where it is used, and written for the deployer's expertise.",
          "Instructions for use with version and distribution record; readability review.",
          "ai-product-manager"},
         {"13(3)",
          "Do the instructions contain at least: the provider's identity and contact details; the "
          "intended purpose, accuracy, robustness and cybersecurity levels and known circumstances "
          "affecting them; foreseeable risks; where relevant, output explanation, performance for "
          "specific groups and input data specifications; changes pre-determined at conformity "
          "assessment; human oversight measures; required resources, expected lifetime and "
          "maintenance; and how to collect, store and interpret the logs?",
          "Tick each required element off against the instructions for use; a missing element is "
          "a finding. Check that the stated accuracy metrics match the latest validation results.",
          "Instructions for use; completeness checklist against Article 13(3); latest validation "
          "report.",
          "ai-product-manager"}});
    return s;
}

ChecklistSection article14()
{
    auto s = article(14, "Human oversight",
                     "The high-risk system is designed so that natural persons can oversee it "
                     "effectively, understand its limits, resist automation bias and override or "
                     "stop it.");
    add(s, kHighRiskProvider,
        {{"14(1)",
          "Is the system designed and developed, including with suitable human-machine interface "
          "tools, so that natural persons can oversee it effectively while it is in use?",
          "Look at the interface the overseer uses: can they see what the system is doing and "
          "step in at the right moments? A back-office log alone is not effective oversight.",
          "Oversight interface design; screenshots or demo; oversight requirements in the "
          "specification.",
          "ai-engineer"},
         {"14(2)",
          "Does human oversight aim to prevent or minimise the risks to health, safety or "
          "fundamental rights that remain under intended use or reasonably foreseeable misuse?",
          "Check that the oversight design refers to specific residual risks from the risk "
          "register, rather than being generic.",
          "Mapping of oversight measures to residual risks.", "ai-risk-governance-specialist"},
         {"14(3)",
          "Are oversight measures proportionate to the risks, the level of autonomy and the "
          "context of use, and identified by the provider before release, either built into the "
          "system or specified for the deployer to implement?",
          "Check the list of oversight measures and, for each, whether it is built in or left to "
          "the deployer; the latter must appear in the instructions for use.",
          "List of oversight measures (built-in versus deployer-implemented); instructions for "
          "use section on oversight.",
          "ai-engineer"},
         {"14(4)",
          "Does the system enable the people assigned to oversight to understand its capacities "
          "and limits and monitor it (detecting anomalies and unexpected performance), stay aware "
          "of automation bias, interpret its output correctly, decide not to use or to override "
          "its output, and interrupt it safely with a stop function?",
          "Test each capability: ask for an anomaly alert, an override path, and a stop button or "
          "equivalent that brings the system to a safe state. Check how automation bias is "
          "countered (training, interface cues, sampling of decisions for review).",
          "Demonstration or test records of override and stop functions; anomaly alerts; "
          "automation-bias measures; overseer training material.",
          "ai-engineer"},
         {"14(5)",
          "For remote biometric identification systems (Annex III point 1(a)), is it ensured that "
          "no action or decision is taken on an identification unless at least two competent, "
          "trained and authorised people have verified and confirmed it separately (subject to the "
          "law-enforcement and border exceptions)?",
          "Only for remote biometric identification; otherwise record 'not applicable'. Check the "
          "workflow enforces two separate verifications.",
          "Workflow design enforcing dual verification; logs showing two verifiers per match.",
          "ai-engineer"}});
    return s;
}

ChecklistSection article15()
{
    auto s = article(15, "Accuracy, robustness and cybersecurity",
                     "The high-risk system reaches and keeps an appropriate level of accuracy, "
                     "robustness and cybersecurity, including resilience against errors and "
                     "AI-specific attacks.");
    add(s, kHighRiskProvider,
        {{"15(1)",
          "Is the system designed to achieve appropriate accuracy, robustness and cybersecurity "
          "and to perform consistently in these respects throughout its lifecycle?",
          "Check that targets for accuracy, robustness and security are set, justified for the "
          "intended purpose, and tracked after release (not only at launch).",
          "Performance targets with rationale; validation report; production performance trend.",
          "machine-learning-engineer"},
         {"15(3)",
          "Are the accuracy levels and the relevant accuracy metrics declared in the instructions "
          "for use?",
          "Compare the metrics in the instructions for use with the latest validation results; "
          "they must match and be understandable to the deployer.",
          "Instructions for use (accuracy section); validation report.",
          "machine-learning-engineer"},
         {"15(4)",
          "Is the system as resilient as possible to errors, faults and inconsistencies (including "
          "from interaction with people or other systems), with technical and organisational "
          "measures such as redundancy or fail-safe plans, and, if it keeps learning after "
          "release, are feedback loops from biased outputs prevented or mitigated?",
          "Look for robustness tests (noisy, missing or out-of-range inputs, upstream outages) and "
          "the fallback behaviour. For systems that learn in operation, ask how outputs are kept "
          "from contaminating future training data.",
          "Robustness test report; fail-safe and redundancy design; feedback-loop analysis and "
          "controls for continual learning.",
          "machine-learning-engineer"},
         {"15(5)",
          "Is the system resilient against attempts by unauthorised third parties to alter its "
          "use, outputs or performance, with measures appropriate to the risk to prevent, detect, "
          "respond to, resolve and control data poisoning, model poisoning, adversarial examples "
          "or model evasion, confidentiality attacks and model flaws?",
          "Check the threat model covers the AI-specific attacks named here as well as "
          "conventional ones, that penetration or adversarial testing was done, and that findings "
          "were fixed. Ask how pre-trained components are vetted.",
          "AI threat model; adversarial and penetration test reports; vulnerability remediation "
          "records; supply-chain checks for pre-trained components.",
          "ai-engineer"}});
    return s;
}

ChecklistSection article17()
{
    auto s = article(17, "Quality management system",
                     "Providers run a documented quality management system that ensures compliance "
                     "and covers, at least, the aspects listed in Article 17(1)(a) to (m).");
    add(s, kHighRiskProvider,
        {{"17(1)",
          "Has the provider put in place a quality management system that ensures compliance with "
          "the Regulation, documented systematically as written policies, procedures and "
          "instructions?",
          "Ask for the QMS manual and its document register. Check that it is approved, "
          "versioned and known to the team building this system; an ISO 9001 or ISO/IEC 42001 "
          "system can serve if it covers the points below.",
          "QMS manual; document register; approval and version history; certificates where held.",
          "ai-risk-governance-specialist"},
         {"17(1)(a)",
          "Does the QMS include a strategy for regulatory compliance, including conformity "
          "assessment procedures and the management of modifications to the system?",
          "Check how a change to the model or its purpose is assessed for whether it is a "
          "substantial modification needing a new conformity assessment.",
          "Compliance strategy; change management procedure with substantial-modification "
          "criteria.",
          "ai-risk-governance-specialist"},
         {"17(1)(b)",
          "Does the QMS include techniques, procedures and systematic actions for the design, "
          "design control and design verification of the system?",
          "Sample a design decision and check it was reviewed and verified under the procedure.",
          "Design control procedure; design review records.", "ai-engineer"},
         {"17(1)(c)",
          "Does the QMS include techniques, procedures and systematic actions for development, "
          "quality control and quality assurance of the system?",
          "Check coding, review and release practices for the model and its software (code "
          "review, reproducible training, release criteria).",
          "Development and QA procedures; code review and release records.",
          "machine-learning-engineer"},
         {"17(1)(d)",
          "Does the QMS set out the examination, test and validation procedures to be carried out "
          "before, during and after development, and how often?",
          "Check the procedures name the tests, their frequency and who performs them, and that "
          "the records exist for this system.",
          "Test and validation procedure with frequencies; test records.",
          "machine-learning-engineer"},
         {"17(1)(e)",
          "Does the QMS identify the technical specifications and standards applied and, where "
          "harmonised standards are not applied in full, the means used to ensure compliance?",
          "Ask for the list of standards and specifications applied and the justification for any "
          "partial application.",
          "List of standards and specifications applied; gap justification.",
          "ai-risk-governance-specialist"},
         {"17(1)(f)",
          "Does the QMS include systems and procedures for data management, covering acquisition, "
          "collection, analysis, labelling, storage, filtering, mining, aggregation, retention "
          "and other operations on data done before and for placing the system on the market?",
          "Check the data management procedures and sample their records for a training data set.",
          "Data management procedures; data lineage and retention records.", "data-engineer"},
         {"17(1)(g)", "Does the QMS include the risk management system of Article 9?",
          "Check that the QMS refers to and controls the risk management procedure (see the "
          "Article 9 items).",
          "QMS reference to the risk management procedure.", "ai-risk-governance-specialist"},
         {"17(1)(h)",
          "Does the QMS cover setting up, implementing and maintaining the post-market monitoring "
          "system of Article 72?",
          "Check that post-market monitoring is a controlled QMS process with an owner.",
          "QMS reference to the post-market monitoring procedure; owner.", "mlops-engineer"},
         {"17(1)(i)",
          "Does the QMS include procedures for reporting serious incidents under Article 73?",
          "Check the incident procedure names the deadlines, who decides and who reports.",
          "Serious incident reporting procedure.", "ai-risk-governance-specialist"},
         {"17(1)(j)",
          "Does the QMS cover communication with national competent authorities, other relevant "
          "authorities, notified bodies, other operators, customers and other interested parties?",
          "Check there are named contact points and a record of communications.",
          "Communication procedure; contact register; correspondence log.", "ai-project-manager"},
         {"17(1)(k)",
          "Does the QMS include systems and procedures for keeping records of all relevant "
          "documentation and information?",
          "Check retention periods and that records for this system can be retrieved on request.",
          "Record-keeping procedure with retention periods; sample retrieval.",
          "ai-project-manager"},
         {"17(1)(l)",
          "Does the QMS include resource management, including measures for security of supply?",
          "Check planning of people, compute and suppliers, and what happens if a critical "
          "supplier (for example a model or cloud provider) fails.",
          "Resource plan; supplier continuity measures.", "ai-project-manager"},
         {"17(1)(m)",
          "Does the QMS include an accountability framework setting out the responsibilities of "
          "management and other staff for each of these aspects?",
          "Check that each QMS aspect has a named accountable person and that they know it.",
          "Accountability matrix for the QMS; appointment records.",
          "ai-risk-governance-specialist"},
         {"17(2)",
          "Is the QMS proportionate to the size of the provider's organisation while still giving "
          "the degree of rigour and protection the Regulation requires?",
          "Judge whether simplifications are justified by size and do not drop any required "
          "aspect.",
          "Rationale for the QMS scope and depth.", "ai-risk-governance-specialist"},
         {"17(3)",
          "Where the provider has a quality management system under sector-specific Union law, "
          "are the Article 17(1) aspects included in it?",
          "Only where sector law already requires a QMS (for example medical devices); otherwise "
          "record 'not applicable'. Check the mapping of 17(1) aspects into it.",
          "Mapping of Article 17(1) aspects to the sector QMS.", "ai-risk-governance-specialist"},
         {"17(4)",
          "If the provider is a financial institution under Union financial services law, does "
          "it meet the QMS obligation through its internal governance rules, while still "
          "covering the risk management, post-market monitoring and incident reporting aspects "
          "(17(1)(g) to (i))?",
          "Only for financial institutions; otherwise record 'not applicable'. Check that points "
          "(g) to (i) are covered in their own right.",
          "Internal governance framework; evidence for 17(1)(g) to (i).",
          "ai-risk-governance-specialist"}});
    return s;
}

ChecklistSection article26()
{
    auto s = article(26, "Obligations of deployers of high-risk AI systems",
                     "Deployers use high-risk systems according to the instructions, assign "
                     "competent human oversight, check input data, monitor operation, keep logs, "
                     "inform workers and affected persons, and cooperate with authorities.");
    add(s, kHighRiskDeployer,
        {{"26(1)",
          "Has the deployer taken technical and organisational measures to use the system in "
          "accordance with the provider's instructions for use?",
          "Ask for the instructions for use and compare them with the actual operating procedure: "
          "intended purpose, input data, oversight, settings. Differences are findings.",
          "Provider's instructions for use; internal operating procedure; configuration.",
          "ai-project-manager"},
         {"26(2)",
          "Has the deployer assigned human oversight to people with the necessary competence, "
          "training and authority, and given them the support they need?",
          "Identify the overseers by name, check their training and that they are actually "
          "empowered (and have time) to override or stop the system.",
          "Appointment of overseers; training records; authority to override documented.",
          "ai-project-manager"},
         {"26(4)",
          "To the extent the deployer controls the input data, is it relevant and sufficiently "
          "representative for the intended purpose?",
          "Check the input data the deployer feeds the system against the provider's input "
          "specification and the population it is used on.",
          "Input data specification; data quality checks on inputs.", "data-engineer"},
         {"26(5)",
          "Does the deployer monitor operation following the instructions for use, inform the "
          "provider where relevant, suspend use and inform the provider or distributor and the "
          "market surveillance authority if the system presents a risk, and report serious "
          "incidents immediately?",
          "Check the monitoring routine and the escalation procedure, including contacts at the "
          "provider and the authority, and whether anyone knows when to suspend use.",
          "Monitoring procedure and records; escalation and suspension procedure; incident "
          "notifications.",
          "mlops-engineer"},
         {"26(6)",
          "Does the deployer keep the logs generated automatically by the system, to the extent "
          "under its control, for a period suited to the intended purpose and at least six months "
          "unless other law provides otherwise?",
          "Check the retention setting and find the oldest available log entry; reconcile with "
          "data protection retention rules.",
          "Log retention configuration; oldest available logs; retention policy.",
          "mlops-engineer"},
         {"26(7)",
          "Before putting the system into service or using it at the workplace, did the deployer "
          "(as an employer) inform workers' representatives and the affected workers that they "
          "will be subject to it?",
          "Only where the system is used in the workplace. Check the date of the information "
          "against the go-live date.",
          "Information notice to workers and representatives with dates; works council records.",
          "ai-project-manager"},
         {"26(9)",
          "Where a data protection impact assessment is required, has the deployer used the "
          "provider's Article 13 information to carry it out?",
          "Check that the DPIA refers to the instructions for use (purpose, limitations, data) "
          "rather than being written without them.",
          "DPIA referring to the provider's information.", "ai-risk-governance-specialist"},
         {"26(11)",
          "Where the system makes or assists decisions about natural persons (Annex III systems), "
          "are those persons informed that they are subject to its use?",
          "Check the notice given to affected persons, when it is given, and that it is "
          "understandable.",
          "Notice to affected persons; process step where it is given.", "ai-product-manager"},
         {"26(12)",
          "Does the deployer cooperate with the competent authorities in any action they take in "
          "relation to the system?",
          "Check that a contact point exists and that past requests from authorities (if any) "
          "were answered completely and on time.",
          "Contact point for authorities; correspondence log.", "ai-risk-governance-specialist"}});
    add(s, kHighRiskPublicDeployer,
        {{"26(8)",
          "If the deployer is a public authority or a Union institution, body, office or agency, "
          "has it registered its use under Article 49, and does it refrain from using a system "
          "that is not registered in the EU database?",
          "Check the registration entry for the deployer's use and the provider's registration of "
          "the system itself.",
          "EU database registration entries for the system and for the deployer's use.",
          "ai-risk-governance-specialist"},
         {"26(10)",
          "If the system is used for post-remote biometric identification in a criminal "
          "investigation, was prior (or, in urgency, prompt) authorisation obtained from a "
          "judicial or administrative authority, and is use limited to what the investigation "
          "strictly needs and documented?",
          "Only for law-enforcement use of post-remote biometric identification; otherwise record "
          "'not applicable'.",
          "Authorisation decisions; usage log linked to case files; annual reports to "
          "authorities.",
          "ai-risk-governance-specialist"}});
    return s;
}

ChecklistSection article27()
{
    // The scope (public bodies, private entities providing public services, and credit-scoring
    // and life or health insurance deployers) is defined by who the deployer is and what it uses
    // the system for, which no Industry value captures exactly; so the items apply to every
    // high-risk deployer and the auditor records out-of-scope deployers as not applicable.
    auto s = article(27, "Fundamental rights impact assessment for high-risk AI systems",
                     "Before first use, deployers that are public bodies or provide public "
                     "services, and deployers of credit-scoring or life and health insurance "
                     "pricing systems, assess the impact on fundamental rights and notify the "
                     "market surveillance authority.");
    add(s, kHighRiskDeployer,
        {{"27(1)",
          "If the deployer is in scope, was a fundamental rights impact assessment carried out "
          "before first use, describing the processes in which the system is used, the period and "
          "frequency of use, the categories of people affected, the specific risks of harm to "
          "them, the human oversight measures, and the measures to take if risks materialise "
          "(including internal governance and complaint mechanisms)?",
          "First decide whether the deployer is in scope (body governed by public law, private "
          "entity providing public services, or user of an Annex III point 5(b) or (c) system; "
          "critical infrastructure systems are excluded). If so, check every required element is "
          "present and the assessment predates first use.",
          "Scope determination; fundamental rights impact assessment with date; complaint "
          "mechanism description.",
          "ai-ethicist"},
         {"27(2)",
          "Is the assessment kept up to date when any of its elements change during use, and, "
          "where the deployer relies on an earlier assessment or on the provider's impact "
          "assessment for a similar case, is that reliance justified?",
          "Check review triggers (new purpose, new population, new model version) and the last "
          "review date.",
          "Review history of the assessment; justification for reuse of earlier assessments.",
          "ai-ethicist"},
         {"27(3)",
          "Has the deployer notified the market surveillance authority of the results, using the "
          "template provided for that purpose (unless exempted under Article 46(1))?",
          "Check the submission and its date, or the exemption relied on.",
          "Notification to the market surveillance authority with submission receipt.",
          "ai-risk-governance-specialist"},
         {"27(4)",
          "Where a data protection impact assessment already covers some of these obligations, "
          "does the fundamental rights impact assessment complement it rather than duplicate or "
          "leave gaps?",
          "Compare the two assessments side by side and check cross-references.",
          "DPIA and fundamental rights impact assessment with cross-references.",
          "ai-risk-governance-specialist"}});
    return s;
}

ChecklistSection article50()
{
    auto s =
        article(50, "Transparency obligations for providers and deployers of certain AI systems",
                "People are told when they interact with an AI system, synthetic content is "
                "marked in a machine-readable way, and deployers disclose emotion recognition, "
                "biometric categorisation, deep fakes and AI-generated text on matters of "
                "public interest.");
    add(s, kTransparencyProvider,
        {{"50(1)",
          "If the system interacts directly with people, is it designed so that they are told "
          "they are dealing with an AI system, unless that is obvious to a reasonably "
          "well-informed person in the circumstances?",
          "Try the system as a user: where and when does the disclosure appear? If the provider "
          "relies on it being obvious, check the reasoning.",
          "Screenshots or recordings of the disclosure; design specification; reasoning where "
          "no disclosure is shown.",
          "ai-product-manager"},
         {"50(2)",
          "If the system generates synthetic audio, image, video or text, are its outputs marked "
          "in a machine-readable format and detectable as artificially generated or manipulated, "
          "using technically robust and interoperable solutions as far as feasible?",
          "Check the marking technique (watermark, metadata such as content credentials) and test "
          "that a detector recognises generated output. Assistive editing that does not "
          "substantially alter the input is exempt.",
          "Description of the marking technique; detection test results.", "ai-engineer"}});
    add(s, kTransparencyDeployer,
        {{"50(3)",
          "If the deployer uses emotion recognition or biometric categorisation, are the people "
          "exposed to it informed, and is their personal data processed in line with data "
          "protection law?",
          "Check the notice, its placement before exposure, and the lawful basis for processing.",
          "Notice to exposed persons; record of processing activities; DPIA.",
          "ai-risk-governance-specialist"},
         {"50(4)",
          "If the deployer publishes deep fakes, or AI-generated or manipulated text informing the "
          "public on matters of public interest, does it disclose that the content is artificially "
          "generated or manipulated (with the limited form allowed for artistic, satirical or "
          "fictional works, and the exception for text under human editorial responsibility)?",
          "Sample published content and check the disclosure. Where the editorial-responsibility "
          "exception is used, check who holds that responsibility.",
          "Published samples with disclosures; editorial policy.", "ai-product-manager"}});
    add(s, kTransparencyBoth,
        {{"50(5)",
          "Is the information required by Article 50(1) to (4) given clearly and distinguishably, "
          "at the latest at the first interaction or exposure, and in an accessible way?",
          "Check timing (before or at the first interaction) and accessibility (screen readers, "
          "audio alternatives, plain language).",
          "Disclosure designs with timing; accessibility review.", "ai-product-manager"}});
    return s;
}

ChecklistSection article72()
{
    auto s =
        article(72,
                "Post-market monitoring by providers and post-market monitoring plan for "
                "high-risk AI systems",
                "Providers run a post-market monitoring system, based on a plan in the "
                "technical documentation, that collects and analyses performance data to check "
                "continued compliance.");
    add(s, kHighRiskProvider,
        {{"72(1)",
          "Has the provider established and documented a post-market monitoring system "
          "proportionate to the nature of the AI technology and its risks?",
          "Check the system exists in practice (owner, tooling, cadence), not only as a "
          "document.",
          "Post-market monitoring procedure; owner; monitoring tooling.", "mlops-engineer"},
         {"72(2)",
          "Does the monitoring actively and systematically collect, document and analyse data on "
          "the system's performance over its lifetime (from deployers or other sources), so that "
          "continuous compliance with the high-risk requirements can be evaluated, including, "
          "where relevant, interaction with other AI systems?",
          "Ask for the latest monitoring reports and check that they assess compliance "
          "(accuracy, robustness, bias, incidents) and led to actions where needed.",
          "Periodic monitoring reports; data collection agreements with deployers; resulting "
          "actions.",
          "mlops-engineer"},
         {"72(3)",
          "Is the post-market monitoring based on a written plan that is part of the technical "
          "documentation (following the Commission's template once adopted)?",
          "Find the plan in the technical documentation and compare it with what is actually "
          "done.",
          "Post-market monitoring plan within the technical documentation.", "mlops-engineer"},
         {"72(4)",
          "For systems under Annex I Section A legislation (or Annex III point 5 systems of "
          "financial institutions) that already have post-market monitoring, are the required "
          "elements integrated into the existing system and plan with an equivalent level of "
          "protection?",
          "Only where such sector monitoring exists; otherwise record 'not applicable'.",
          "Integrated monitoring plan with mapping to Article 72 elements.",
          "ai-risk-governance-specialist"}});
    return s;
}

ChecklistSection article73()
{
    auto s = article(73, "Reporting of serious incidents",
                     "Serious incidents involving high-risk systems are reported to the market "
                     "surveillance authority within fixed deadlines and investigated.");
    add(s, kHighRiskProvider,
        {{"73(1)",
          "Does the provider report serious incidents to the market surveillance authorities of "
          "the Member States where they occurred?",
          "Check the procedure defines a serious incident as the Regulation does, lists the "
          "authorities per Member State where the system is used, and names who reports.",
          "Serious incident procedure; authority contact list; incident register.",
          "ai-risk-governance-specialist"},
         {"73(2)",
          "Is a serious incident reported as soon as a causal link (or its reasonable likelihood) "
          "with the system is established, and in any case within 15 days of becoming aware of "
          "it?",
          "For past incidents, compare the date of awareness with the date of the report.",
          "Incident register with awareness and report dates; submitted reports.",
          "ai-risk-governance-specialist"},
         {"73(3)",
          "Are widespread infringements and serious disruptions of critical infrastructure "
          "reported immediately and within 2 days of awareness?",
          "Check the procedure distinguishes this category and its shorter deadline.",
          "Procedure section on widespread and critical-infrastructure incidents; report dates.",
          "ai-risk-governance-specialist"},
         {"73(4)",
          "In the event of a person's death, is the incident reported immediately once a causal "
          "link is established or suspected, and within 10 days of awareness?",
          "Check the procedure covers this case and its deadline.",
          "Procedure section on fatal incidents; report dates.", "ai-risk-governance-specialist"},
         {"73(5)",
          "Does the procedure allow an initial, incomplete report to meet the deadline, followed "
          "by a complete report?",
          "Check that the team knows it should not wait for full facts before reporting.",
          "Procedure allowing initial reports; example of an initial and follow-up report.",
          "ai-risk-governance-specialist"},
         {"73(6)",
          "After reporting, does the provider investigate without delay (including a risk "
          "assessment and corrective action), cooperate with the authorities, and avoid altering "
          "the system in ways that would hinder evaluating the cause before informing them?",
          "Check investigation records for past incidents and that evidence (model version, logs) "
          "was preserved before any fix was deployed.",
          "Investigation reports; corrective action records; evidence preservation steps.",
          "mlops-engineer"}});
    return s;
}

} // namespace

ChecklistSpec euAiActChecklist()
{
    ChecklistSpec spec;
    spec.key = "eu-ai-act";
    spec.title = "EU AI Act: obligations for high-risk AI systems, AI literacy and transparency";
    spec.framework = "EU AI Act (Regulation (EU) 2024/1689)";
    spec.version = "2024/1689 (OJ L, 12.7.2024)";
    spec.source = "Regulation (EU) 2024/1689 of the European Parliament and of the Council of 13 "
                  "June 2024 laying down harmonised rules on artificial intelligence (Artificial "
                  "Intelligence Act), OJ L, 2024/1689, 12.7.2024, ELI "
                  "http://data.europa.eu/eli/reg/2024/1689/oj; text as adopted, without later "
                  "amendments.";
    spec.licence = "Article titles and numbering are from the Regulation; source: EUR-Lex, "
                   "\u00a9 European Union, https://eur-lex.europa.eu, reused with acknowledgement "
                   "under Commission Decision 2011/833/EU. Questions, guidance and evidence are "
                   "Steward's own wording and not the legal text; only the Official Journal text "
                   "is authentic.";
    spec.sections = {article4(),  article9(),  article10(), article11(), article12(),
                     article13(), article14(), article15(), article17(), article26(),
                     article27(), article50(), article72(), article73()};
    return spec;
}

} // namespace steward
