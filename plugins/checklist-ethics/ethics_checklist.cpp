#include "ethics_checklist.h"

#include <initializer_list>
#include <string>
#include <utility>

namespace steward {
namespace {

struct Question {
    const char* id;
    const char* question;
    const char* guidance;
    const char* evidence;
    const char* role;
};

// `basis` names the catalogue responsibility the section audits; it becomes every item's
// reference, so a finding can be traced to the duty that was not met.
ChecklistSection section(const char* id, const char* title, const char* description,
                         const char* basis, std::initializer_list<Question> questions)
{
    ChecklistSection result;
    result.id = id;
    result.title = title;
    result.description = description;
    for (const Question& q : questions) {
        ChecklistItem item;
        item.id = q.id;
        item.text = q.question;
        item.guidance = q.guidance;
        item.expectedEvidence = q.evidence;
        item.roleKey = q.role;
        item.reference = basis;
        result.items.push_back(std::move(item)); // applies to every project
    }
    return result;
}

ChecklistSection bias()
{
    return section(
        "ETH-BIAS", "Bias and unfair outcomes",
        "Whether the system's outcomes are fair across the people it affects, and what is done "
        "when they are not.",
        "AI ethicist: detecting bias and unfair outcomes in models",
        {{"ETH-BIAS-1",
          "Have the groups that could be treated unfairly by this system been identified, "
          "including protected characteristics and context-specific groups (for example by "
          "region, language or disability)?",
          "Check that the list was made with people who know the context, not only the "
          "developers, and that it records why some groups were excluded from analysis.",
          "List of affected and potentially disadvantaged groups with rationale; workshop notes.",
          "ai-ethicist"},
         {"ETH-BIAS-2",
          "Has fairness been measured per group with metrics chosen for this use (for example "
          "error-rate parity for screening, calibration for risk scores), and are the chosen "
          "metrics and thresholds justified?",
          "Ask why these metrics fit the harm in question; metrics can conflict, so the choice "
          "must be explicit. Re-run one metric on the evaluation data if possible.",
          "Fairness evaluation report with per-group results; metric selection rationale; "
          "thresholds.",
          "data-scientist"},
         {"ETH-BIAS-3",
          "Were disparities found addressed (data rebalancing, model changes, threshold "
          "adjustment, human review, or a decision not to deploy), and is any remaining disparity "
          "accepted by an accountable person with a reason?",
          "Trace each disparity above threshold to an action or to a signed acceptance.",
          "Mitigation log; before and after results; signed acceptance of residual disparity.",
          "ai-ethicist"},
         {"ETH-BIAS-4",
          "Is fairness monitored in production, with alerts when group outcomes drift, and are "
          "complaints about unfair treatment analysed for patterns?",
          "Check the production dashboard and ask when a fairness alert last fired and what "
          "happened.",
          "Fairness monitoring dashboard; alert configuration; complaint analysis.",
          "mlops-engineer"}});
}

ChecklistSection transparency()
{
    return section(
        "ETH-TRANS", "Transparency and explainability",
        "Whether people know AI is involved and can understand, to the degree they need, why it "
        "produced a given outcome.",
        "AI ethicist: ensuring transparency and explainability of AI decisions",
        {{"ETH-TRANS-1",
          "Are the people affected told that AI is involved in decisions about them, in plain "
          "language and at the right moment?",
          "Walk through the user journey and find the notice; check it is understandable to a "
          "non-expert and given before or at the decision.",
          "User-facing notices; screenshots of the journey; plain-language review.",
          "ai-product-manager"},
         {"ETH-TRANS-2",
          "Can an individual decision be explained to the person affected and to the staff who "
          "act on it, with the main factors behind it?",
          "Pick a real decision and ask the team to produce the explanation an affected person "
          "would receive. Check it is faithful to the model, not a generic template.",
          "Explanation method documentation; example explanations for real cases.",
          "data-scientist"},
         {"ETH-TRANS-3",
          "Is there documentation of the model's purpose, data, performance, limitations and "
          "known failure modes (for example a model card) that is kept current?",
          "Compare the documentation with the model version in production.",
          "Model card or system card with version and date.", "machine-learning-engineer"},
         {"ETH-TRANS-4", "Can affected people contest an outcome and obtain human review?",
          "Check the contest route is easy to find and that reviews lead to changed outcomes "
          "where warranted; look at the numbers.",
          "Appeal procedure; appeal log with outcomes.", "ai-product-manager"}});
}

ChecklistSection ethicalRisks()
{
    return section(
        "ETH-RISK", "Ethical risk identification",
        "Whether ethical risks are found early, assessed, and revisited as the system changes.",
        "AI ethicist: identifying ethical risks in AI systems; conducting audits and ethical "
        "reviews",
        {{"ETH-RISK-1",
          "Was an ethical impact assessment done before development started, covering harms to "
          "individuals, groups and society, misuse, and effects on autonomy and dignity?",
          "Check the date against the project start and that the assessment influenced the "
          "design (requirements, scope limits).",
          "Ethical impact assessment with date; resulting requirements or design changes.",
          "ai-ethicist"},
         {"ETH-RISK-2",
          "Were people outside the team, including those affected or their representatives, "
          "consulted on the risks?",
          "Check who was consulted and what changed as a result.",
          "Consultation records; summary of input and responses.", "ai-ethicist"},
         {"ETH-RISK-3",
          "Are ethical risks recorded in the project's risk register with owners, and reviewed "
          "at each major change (new data, new use, new model)?",
          "Check the register for ethical risks and their last review dates relative to the last "
          "major change.",
          "Risk register entries for ethical risks; review dates; change log.",
          "ai-risk-governance-specialist"},
         {"ETH-RISK-4",
          "Has an independent ethical review of the system been carried out, and were its "
          "recommendations acted on?",
          "Check the reviewer's independence from the development team and trace each "
          "recommendation to an action or a reasoned rejection.",
          "Ethical review report; recommendation tracker.", "ai-ethicist"}});
}

ChecklistSection guidelines()
{
    return section(
        "ETH-GUIDE", "Ethical guidelines and standards",
        "Whether the organisation has ethical guidelines for AI that teams actually apply.",
        "AI ethicist: developing ethical guidelines and standards; collaborating with legal, "
        "technical and business teams",
        {{"ETH-GUIDE-1",
          "Does the organisation have approved ethical principles or guidelines for AI that "
          "apply to this project?",
          "Check they are approved at the right level, current, and turned into checkable "
          "requirements rather than values only.",
          "Responsible-AI guidelines with approval and date; derived requirements.", "ai-ethicist"},
         {"ETH-GUIDE-2",
          "Did the project apply the guidelines, with a record of how each relevant principle was "
          "met or why it did not apply?",
          "Ask for the project's self-assessment against the guidelines and spot-check two "
          "answers.",
          "Completed guideline checklist or self-assessment for the project.",
          "ai-project-manager"},
         {"ETH-GUIDE-3",
          "Are recognised external standards or frameworks (for example ISO/IEC 42001, ISO/IEC "
          "23894, the NIST AI RMF) used as reference, and is it documented which?",
          "Check the list of adopted standards and whether gaps against them are tracked.",
          "List of adopted standards; gap analysis.", "ai-risk-governance-specialist"},
         {"ETH-GUIDE-4",
          "Is there a way for staff to raise ethical concerns, including anonymously, without "
          "fear of retaliation, and are concerns answered?",
          "Ask how many concerns were raised in the last year and how they were resolved.",
          "Speak-up or escalation procedure; anonymised concern log.", "ai-ethicist"}});
}

ChecklistSection legal()
{
    return section(
        "ETH-LEGAL", "Legal and data-protection compliance",
        "Whether the system complies with data protection and AI-specific law where it is used.",
        "AI risk and governance specialist: ensuring compliance with data protection and AI "
        "regulations",
        {{"ETH-LEGAL-1",
          "Is there a lawful basis for each use of personal data in training and operation, and "
          "is the data limited to what the purpose needs?",
          "Check the record of processing activities for this system and compare the fields used "
          "with the stated purpose.",
          "Record of processing activities; data minimisation review.",
          "ai-risk-governance-specialist"},
         {"ETH-LEGAL-2",
          "Was a data protection impact assessment carried out where required, with the data "
          "protection officer consulted?",
          "Check the DPIA's date, the DPO's opinion and that its measures were implemented.",
          "DPIA; DPO opinion; implementation evidence of its measures.",
          "ai-risk-governance-specialist"},
         {"ETH-LEGAL-3",
          "Has the system been classified under the applicable AI regulation (for example the EU "
          "AI Act risk tier and the organisation's role as provider or deployer), and are the "
          "resulting obligations tracked?",
          "Check the classification reasoning and that the obligations have owners and status.",
          "Classification memo; obligations tracker.", "ai-risk-governance-specialist"},
         {"ETH-LEGAL-4",
          "Can data subjects exercise their rights (access, rectification, erasure, objection, "
          "and not being subject to solely automated decisions where that applies)?",
          "Test the request route and check how erasure requests affect training data and "
          "models.",
          "Data subject request procedure; request log; handling of erasure in training data.",
          "data-engineer"}});
}

ChecklistSection security()
{
    return section(
        "ETH-SEC", "Security risks",
        "Whether the models, data and pipelines are protected against conventional and "
        "AI-specific attacks.",
        "AI risk and governance specialist: managing security risks related to AI models and data",
        {{"ETH-SEC-1",
          "Is there a threat model for the system that covers AI-specific attacks (data "
          "poisoning, adversarial inputs, prompt injection, model extraction, membership "
          "inference) as well as conventional ones?",
          "Check the threat model is current for the deployed architecture and that each threat "
          "has a control.",
          "Threat model with controls; architecture diagram.", "ai-engineer"},
         {"ETH-SEC-2",
          "Are training data, model artefacts and secrets protected by access control, integrity "
          "checks and audit logging?",
          "Review who can change training data and models, and whether artefacts are signed or "
          "hashed and their use is logged.",
          "Access control lists; artefact integrity records; audit logs.", "mlops-engineer"},
         {"ETH-SEC-3",
          "Has the system been tested adversarially (red teaming, penetration testing) and were "
          "the findings fixed?",
          "Check the scope and date of the last test and the status of its findings.",
          "Red-team or penetration test report; remediation tracker.", "ai-engineer"},
         {"ETH-SEC-4",
          "Are third-party models, libraries and data sources vetted and tracked for "
          "vulnerabilities?",
          "Check the inventory of third-party components and how security advisories are "
          "followed.",
          "Software and model bill of materials; vulnerability scan results.", "mlops-engineer"}});
}

ChecklistSection governance()
{
    return section(
        "ETH-GOV", "Governance framework",
        "Whether clear accountability, decision rights and oversight exist for AI use.",
        "AI risk and governance specialist: establishing governance frameworks for AI usage; "
        "supporting ethical and secure AI deployment",
        {{"ETH-GOV-1",
          "Is one named person accountable for this system, with the other roles (responsible, "
          "consulted, informed) defined and staffed?",
          "Check the project's RACI and that the accountable person knows and accepts the role.",
          "RACI for the project; acceptance by the accountable person.", "ai-project-manager"},
         {"ETH-GOV-2",
          "Does a governance body (for example an AI ethics or risk committee) review high-impact "
          "systems before deployment and at major changes, with authority to stop them?",
          "Check the body's mandate and its decisions on this system.",
          "Committee terms of reference; minutes and decisions about this system.",
          "ai-risk-governance-specialist"},
         {"ETH-GOV-3",
          "Is the system in the organisation's AI inventory with its risk classification, owner "
          "and status?",
          "Find the inventory entry and check it matches reality.", "AI inventory entry.",
          "ai-risk-governance-specialist"},
         {"ETH-GOV-4",
          "Are deployment decisions gated on completed ethics, legal and security reviews?",
          "Check the release process and the last release's gate records.",
          "Release gate checklist; approval records for the last release.", "ai-project-manager"}});
}

ChecklistSection legalChange()
{
    return section(
        "ETH-LAWMON", "Monitoring of legal and policy change",
        "Whether the organisation notices changes to AI law, regulation and policy in time and "
        "adapts its systems.",
        "AI risk and governance specialist: monitoring legal and policy changes affecting AI",
        {{"ETH-LAWMON-1",
          "Is someone responsible for tracking changes to AI-related laws, regulations, guidance "
          "and standards in every jurisdiction where the system is offered or used?",
          "Check the named owner, the sources followed and how often they are checked.",
          "Regulatory watch procedure; list of sources; named owner.",
          "ai-risk-governance-specialist"},
         {"ETH-LAWMON-2",
          "Are relevant changes assessed for their effect on this system, with actions and "
          "deadlines recorded?",
          "Pick a recent change (for example a new guideline or an amendment) and trace its "
          "assessment and resulting actions.",
          "Impact assessments of regulatory changes; action tracker.",
          "ai-risk-governance-specialist"},
         {"ETH-LAWMON-3",
          "Are internal policies and the checklists used in audits updated when the law changes?",
          "Compare policy revision dates with the dates of relevant legal changes.",
          "Policy revision history; checklist version history.", "ai-risk-governance-specialist"}});
}

ChecklistSection education()
{
    return section(
        "ETH-EDU", "Team education",
        "Whether the people who build, run and use the system understand its ethical and legal "
        "responsibilities.",
        "AI ethicist and AI risk and governance specialist: collaborating with legal, technical "
        "and business teams; supporting ethical and secure AI deployment",
        {{"ETH-EDU-1",
          "Has everyone on the project team completed training on responsible AI, covering bias, "
          "transparency, privacy and security as they apply to their role?",
          "Compare the team list with training completion records.",
          "Training completion records; curriculum by role.", "ai-project-manager"},
         {"ETH-EDU-2",
          "Have operators and users of the system been trained on its limitations, on automation "
          "bias and on when to override or escalate?",
          "Interview an operator: can they name the system's main limitations and the escalation "
          "route?",
          "Operator training material and records; interview notes.", "ai-project-manager"},
         {"ETH-EDU-3",
          "Is training refreshed regularly and after significant incidents, changes to the "
          "system, or changes in the law?",
          "Check the refresh schedule and the last update of the material.",
          "Training schedule; material revision history.", "ai-ethicist"},
         {"ETH-EDU-4",
          "Are lessons from incidents, audits and ethical reviews shared with the wider team?",
          "Ask for the last lessons-learned session or write-up and who received it.",
          "Lessons-learned records; distribution list.", "ai-risk-governance-specialist"}});
}

} // namespace

ChecklistSpec ethicsChecklist()
{
    ChecklistSpec spec;
    spec.key = "ethics";
    spec.title = "AI ethics audit";
    spec.framework = "Steward AI ethics audit";
    spec.version = "1.0";
    spec.source = "Steward project, built from the responsibilities of the AI Ethicist and the AI "
                  "Risk and Governance Specialist in the Steward role catalogue "
                  "(reference: AI roles and responsibilities).";
    spec.licence = "Original Steward content, distributed under the Steward project's licence; "
                   "no third-party text is quoted.";
    spec.sections = {bias(),     transparency(), ethicalRisks(), guidelines(), legal(),
                     security(), governance(),   legalChange(),  education()};
    return spec;
}

} // namespace steward
