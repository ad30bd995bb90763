#!/usr/bin/env python3
"""Generates nist_ai_rmf_checklist.cpp from the NIST AI RMF 1.0 Core reference data.

NIST's identifiers and statements are copied from the JSON exactly; only the guidance, expected
evidence and answering role (the GUIDANCE table below) are ours. The output is committed, so the
build never needs Python or the reference data. Run it again after changing either input:

    plugins/checklist-nist-ai-rmf/tools/generate_nist_checklist.py [path/to/nist-ai-rmf-1.0.json]

By default the JSON is read from ../shared/reference/frameworks/ next to the repository.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLUGIN_DIR = HERE.parent
REPO_ROOT = PLUGIN_DIR.parent.parent
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "reference" / "frameworks" / "nist-ai-rmf-1.0.json"
OUTPUT = PLUGIN_DIR / "nist_ai_rmf_checklist.cpp"

ROLES = {
    "ai-engineer", "machine-learning-engineer", "data-scientist", "data-engineer",
    "ai-researcher", "mlops-engineer", "ai-ethicist", "ai-risk-governance-specialist",
    "ai-project-manager", "ai-product-manager", "prompt-engineer", "ai-consultant",
}

# id -> (role that usually answers, guidance for the auditor, expected evidence). Our own words.
GUIDANCE = {
    "GOVERN 1.1": ("ai-risk-governance-specialist",
        "Ask for the register of laws, regulations and standards that apply to this system (for example its EU AI Act risk tier, data protection law, sector rules) and who maintains it. Check that each obligation has an owner and a last-reviewed date, and that the project's design decisions trace back to it.",
        "Legal and regulatory obligations register for the system; legal review memo; review log with dates and owners."),
    "GOVERN 1.2": ("ai-ethicist",
        "Check that the AI policy names the trustworthiness characteristics (valid and reliable, safe, secure and resilient, accountable and transparent, explainable and interpretable, privacy-enhanced, fair with harmful bias managed) and turns each into a concrete requirement or stage gate, not only a statement of values.",
        "AI or responsible-AI policy; development process or stage-gate checklist showing where each characteristic is checked."),
    "GOVERN 1.3": ("ai-risk-governance-specialist",
        "Look for a documented method that decides how much risk management a system receives (for example tiering by impact and autonomy) tied to a written risk tolerance. Confirm this project was tiered with it and that the activities its tier requires were carried out.",
        "Risk tiering method; approved risk appetite or tolerance statement; this project's tier assignment and the activities it triggered."),
    "GOVERN 1.4": ("ai-risk-governance-specialist",
        "Confirm the AI risk management process is written down, approved by someone with authority and published to those who must follow it, and that its controls map to the organisation's risk priorities. Spot-check that its outputs (registers, decisions) are visible to the people they affect.",
        "Approved AI risk management procedure; control catalogue mapped to risk priorities; publication or communication record."),
    "GOVERN 1.5": ("ai-risk-governance-specialist",
        "Check that reviews of the risk process and its results are scheduled with a stated frequency and named owners, and that the most recent scheduled reviews actually took place and produced actions.",
        "Review calendar with frequency; minutes and action lists of the last reviews; RACI for review activities."),
    "GOVERN 1.6": ("ai-project-manager",
        "Ask for the AI system inventory and find this system in it with owner, purpose, risk tier, status and main data sources. Ask who keeps it current, how new systems get added, and when completeness was last checked.",
        "Inventory extract showing this system; inventory maintenance procedure; record of the last completeness check."),
    "GOVERN 1.7": ("mlops-engineer",
        "Check that a decommissioning procedure covers dependent systems, notice to users, retention or deletion of data and models, a fallback process and record keeping. If the organisation has retired an AI system, sample it and see whether the procedure was followed.",
        "Decommissioning procedure; retirement plan for this system; records of a past decommissioning."),
    "GOVERN 2.1": ("ai-project-manager",
        "Compare the documented roles for mapping, measuring and managing AI risk (a RACI or similar) with who actually does the work. Interview two team members to confirm they know their duties and the escalation path.",
        "Roles and responsibilities matrix for AI risk activities; escalation path or communication plan; interview notes."),
    "GOVERN 2.2": ("ai-risk-governance-specialist",
        "Check that AI risk training exists, is tailored to roles, covers the relevant policies, and that completion is tracked for employees and for partners or contractors working on this system.",
        "Training curriculum by role; completion records for the project team and contractors; partner agreements requiring training."),
    "GOVERN 2.3": ("ai-risk-governance-specialist",
        "Verify that a named executive decides on material AI risks (go or no-go, risk acceptance) and that those decisions are minuted with the information the executive was given.",
        "Executive sign-off or risk acceptance records; governance committee minutes; delegation of authority."),
    "GOVERN 3.1": ("ai-project-manager",
        "Look at who took part in risk workshops and reviews: were disciplines beyond engineering (domain, legal, ethics, user research) and a range of backgrounds represented? Ask how the team compensated for perspectives it lacked.",
        "Attendance lists of risk workshops and reviews; team composition summary; records of cross-functional or external input."),
    "GOVERN 3.2": ("ai-risk-governance-specialist",
        "Check that policy defines which decisions people make and which the system makes, who oversees the system in operation and their authority to override it, and that this project applied the policy.",
        "Human oversight policy; human-AI role definition for this system; operator procedures."),
    "GOVERN 4.1": ("ai-ethicist",
        "Look for practices that make people challenge the system: design reviews with an explicit harms question, red teaming, pre-mortems, authority to stop a release. Ask for a concrete case where a raised concern changed a decision.",
        "Design review template with safety and harm questions; red-team or pre-mortem reports; an example of a release changed or stopped."),
    "GOVERN 4.2": ("ai-product-manager",
        "Check that the team keeps a current record of the system's risks and potential impacts (system card, impact assessment) and has communicated those impacts beyond the team, to users, leadership and, where appropriate, the public.",
        "System or model card; impact assessment; communications about impacts (release notes, user notices, briefings)."),
    "GOVERN 4.3": ("mlops-engineer",
        "Verify there is a test practice, an incident reporting channel anyone can use, and a way lessons from incidents are shared internally and, where appropriate, externally (for example with an incident database or industry group).",
        "Test strategy; incident reporting procedure and incident log; post-incident reviews and their distribution."),
    "GOVERN 5.1": ("ai-ethicist",
        "Check how feedback from outside the team (users, affected communities, civil society, domain experts) is collected, logged, prioritised and considered. Sample a few feedback items and trace what happened to them.",
        "Stakeholder engagement plan; feedback log with dispositions; consultation records."),
    "GOVERN 5.2": ("ai-product-manager",
        "Check that feedback is adjudicated by an accountable person and that accepted items enter the backlog. Trace two accepted items through to a design or implementation change.",
        "Feedback triage records; backlog items linked to feedback; release notes showing the changes."),
    "GOVERN 6.1": ("ai-risk-governance-specialist",
        "Check that third-party models, data sets, APIs and software were assessed before use for licence terms, intellectual property and privacy rights, provenance and supplier security, and that contracts allocate responsibilities for AI risks.",
        "Inventory of third-party AI components; supplier risk assessments; licence and IP review; relevant contract clauses."),
    "GOVERN 6.2": ("mlops-engineer",
        "For third-party data or AI components on which a high-risk use depends, check there is a contingency plan (fallback model or manual process, handling of supplier outages, notification duties) and that it has been exercised.",
        "Contingency or continuity plan covering third-party AI; drill or test record; supplier SLAs and incident clauses."),
    "MAP 1.1": ("ai-product-manager",
        "Check that a context document states the intended purpose, users and their expectations, deployment settings, applicable laws and norms, positive and negative impacts, assumptions and limitations, and the TEVV metrics. Compare it with how the system is actually used today.",
        "Intended-use or context statement; use-case description; user research; list of applicable laws and norms."),
    "MAP 1.2": ("ai-project-manager",
        "Check who helped establish the context (domain experts, users, legal, ethics, people of varied backgrounds) and that their participation was recorded. Ask where interdisciplinary collaboration was planned in.",
        "Participant lists of context workshops; stakeholder map; records of interdisciplinary reviews."),
    "MAP 1.3": ("ai-product-manager",
        "Check that the link between this system and the organisation's mission and AI goals is written down and approved, not assumed.",
        "Project charter or business case referring to organisational goals; approval record."),
    "MAP 1.4": ("ai-product-manager",
        "Check that the business value is defined with measurable outcomes. For a system already in use, check that the value was re-evaluated recently against actual results.",
        "Business case with success measures; value re-evaluation for systems in operation."),
    "MAP 1.5": ("ai-risk-governance-specialist",
        "Check that risk tolerances for this system are documented in measurable terms (for example maximum error rate per group, acceptable incident rate) and approved by the accountable owner.",
        "Risk tolerance statement for the system; its approval; matching thresholds in the test plan."),
    "MAP 1.6": ("ai-product-manager",
        "Check that requirements, including socio-technical ones such as privacy, fairness, safety and accessibility, were gathered from the relevant actors and trace to design decisions.",
        "Requirements specification; traceability matrix; design decision records that address socio-technical implications."),
    "MAP 2.1": ("ai-engineer",
        "Check that the tasks the system supports and the methods used (classifier, generative model, recommender and so on) are defined and match what is actually implemented.",
        "System design document; model card section on task and method; architecture diagram."),
    "MAP 2.2": ("data-scientist",
        "Check that documentation explains what the system cannot know or do (knowledge limits, out-of-scope inputs), how its output should be used and overseen by people, and that it is detailed enough for operators to act on.",
        "Model card limitations section; operator or user guide; human oversight instructions."),
    "MAP 2.3": ("ai-researcher",
        "Check that experimental design, data collection and selection (availability, representativeness, suitability), construct validity (does the target measure what is intended?) and TEVV considerations are documented.",
        "Experiment design document; data set datasheets; TEVV or validation plan."),
    "MAP 3.1": ("ai-product-manager",
        "Check that the expected benefits are described with evidence (pilot results, baselines, comparisons) rather than asserted.",
        "Benefit analysis; pilot or A/B test results; baseline comparison."),
    "MAP 3.2": ("ai-risk-governance-specialist",
        "Check that the costs of errors, including non-monetary ones such as harm to people and loss of trust, were analysed for both false positives and false negatives and compared with the risk tolerance.",
        "Error-cost or harms analysis; link to the tolerance thresholds."),
    "MAP 3.3": ("ai-product-manager",
        "Check that the application scope is explicitly limited to what the system's capability and categorisation support, and that technical or contractual guardrails keep use within it.",
        "Scope statement; list of out-of-scope uses; guardrails (access restrictions, terms of use, input checks)."),
    "MAP 3.4": ("ai-project-manager",
        "Check that operators and practitioners have defined proficiency requirements, are assessed against them, and that the relevant technical standards and certifications have been identified.",
        "Operator competency requirements; training and assessment records; list of applicable standards or certifications."),
    "MAP 3.5": ("ai-risk-governance-specialist",
        "Check that human oversight is defined (who oversees, when, with what authority), that its effectiveness has been assessed, and that it follows the organisation's oversight policy.",
        "Human oversight procedure; oversight effectiveness assessment; reference to the governing policy."),
    "MAP 4.1": ("ai-risk-governance-specialist",
        "Check that every component (own and third-party models, data, libraries) has been assessed for technical and legal risks, including intellectual property infringement, following a documented approach.",
        "Component risk map or AI bill of materials; legal and IP review; the documented approach."),
    "MAP 4.2": ("ai-engineer",
        "Check that internal controls are identified for each component (for example version pinning, evaluation of third-party models, access control, input validation) and documented.",
        "Control list per component; configuration evidence; evaluation reports for third-party models."),
    "MAP 5.1": ("ai-ethicist",
        "Check that each identified impact, beneficial or harmful, has a recorded likelihood and magnitude and that the sources used are named (similar systems, public incident reports, external feedback).",
        "Impact assessment with likelihood and magnitude ratings; list of sources consulted."),
    "MAP 5.2": ("ai-ethicist",
        "Check that named people and a regular practice exist for engaging with affected parties and feeding back positive, negative and unexpected impacts into the project.",
        "Engagement procedure; named contacts; records of feedback integrated into the project."),
    "MEASURE 1.1": ("data-scientist",
        "Check that each significant mapped risk has a chosen metric or measurement approach, that the most significant risks were handled first, and that risks or characteristics left unmeasured are listed with the reason.",
        "Measurement plan mapping risks to metrics; list of unmeasured risks with rationale."),
    "MEASURE 1.2": ("data-scientist",
        "Check that metrics and controls are reviewed on a schedule and updated, taking error reports and effects on affected communities into account.",
        "Metric review records; change log of metrics and controls; analysis of error reports."),
    "MEASURE 1.3": ("ai-risk-governance-specialist",
        "Check that assessments involve people independent of the front-line developers (internal reviewers or external assessors) and that domain experts, users and affected communities are consulted as the risk tolerance requires.",
        "Independent review reports; reviewer independence statements; consultation records."),
    "MEASURE 2.1": ("machine-learning-engineer",
        "Check that test sets (provenance, version, composition), metrics and TEVV tools (with versions) are documented well enough for someone else to reproduce the results.",
        "Test plan; data set version records; evaluation code and tool versions; a reproduced evaluation run."),
    "MEASURE 2.2": ("ai-researcher",
        "Where evaluations involve people (user studies, annotators, pilots), check for ethics approval or equivalent, informed consent and data protection, and that participants represent the population the system will serve.",
        "Ethics or IRB approval; consent forms; participant demographics compared with the target population."),
    "MEASURE 2.3": ("machine-learning-engineer",
        "Check that performance or assurance criteria were measured under conditions similar to deployment (data distribution, hardware, latency, user behaviour) and that the results are recorded against the acceptance criteria.",
        "Evaluation report on deployment-like data; acceptance criteria and results; staging or shadow-run results."),
    "MEASURE 2.4": ("mlops-engineer",
        "Check that production monitoring covers the behaviours identified during mapping (performance, drift, input anomalies, errors) with alert thresholds and an owner who responds.",
        "Monitoring dashboards; alert rules and on-call ownership; a handled alert as an example."),
    "MEASURE 2.5": ("machine-learning-engineer",
        "Check that validity and reliability were demonstrated (held-out and out-of-time tests, repeated runs, stability under small changes) and that the limits of generalisation are documented.",
        "Validation report; robustness and stability tests; documented generalisation limits."),
    "MEASURE 2.6": ("ai-engineer",
        "Check that safety risks are evaluated regularly, residual risk is within tolerance, the system fails safely beyond its knowledge limits (fallbacks, refusals, safe defaults), and safety metrics include reliability, monitoring and failure response times.",
        "Safety evaluation report; fail-safe design and its tests; safety metrics including response times to failures."),
    "MEASURE 2.7": ("ai-engineer",
        "Check that security and resilience were tested against a threat model covering AI-specific attacks (data poisoning, evasion, prompt injection, model extraction) as well as conventional ones, and that recovery was exercised.",
        "AI threat model; security test or red-team report; remediation tracking; recovery test record."),
    "MEASURE 2.8": ("ai-risk-governance-specialist",
        "Check that risks from insufficient transparency and accountability (people unaware that AI is involved, unclear ownership of decisions, missing logs) were examined and documented.",
        "Transparency and accountability risk assessment; disclosure notices; logging and decision-ownership records."),
    "MEASURE 2.9": ("data-scientist",
        "Check that the model is explained in a way suited to each audience (global and local explanations), validated and documented, and that output is interpreted in its context for the people who act on it.",
        "Explainability analysis (feature attributions, example-based explanations); model card; design of user-facing explanations."),
    "MEASURE 2.10": ("data-engineer",
        "Check that privacy risks were examined: inventory of personal data, re-identification and memorisation risks, data minimisation, privacy-enhancing techniques, and a data protection impact assessment where one is required.",
        "DPIA or privacy risk assessment; personal data inventory; privacy test results (for example membership inference)."),
    "MEASURE 2.11": ("data-scientist",
        "Check that fairness was evaluated with metrics suited to the context across the relevant groups, and that results, disparities found and mitigation decisions are documented.",
        "Fairness evaluation with per-group metrics; rationale for the chosen fairness metrics; mitigation record."),
    "MEASURE 2.12": ("mlops-engineer",
        "Check that the energy use, compute and emissions of training and operation were measured or estimated and considered in design decisions (model size, retraining frequency, hardware).",
        "Compute and energy logs; emissions estimate; decisions taken to reduce them."),
    "MEASURE 2.13": ("ai-risk-governance-specialist",
        "Check that the team has asked whether its TEVV metrics and processes actually catch problems (for example incidents that testing missed) and improved them accordingly.",
        "TEVV effectiveness review; retrospective on issues missed by testing; updated test plan."),
    "MEASURE 3.1": ("ai-risk-governance-specialist",
        "Check that a risk register tracks existing, unanticipated and emergent risks with named owners and is updated from deployment performance data, not only at design time.",
        "Risk register with change history; links to monitoring data; owner assignments."),
    "MEASURE 3.2": ("ai-risk-governance-specialist",
        "Check that risks which current techniques cannot measure well (for example long-term societal effects) are still tracked through qualitative indicators, expert review or proxy measures.",
        "List of hard-to-measure risks with their tracking approach; qualitative review records."),
    "MEASURE 3.3": ("ai-product-manager",
        "Check that end users and affected people can easily report problems and appeal outcomes, and that these reports are counted in the system's evaluation metrics.",
        "Description of the feedback and appeal channel; appeal log with outcomes; metric or report that uses the feedback."),
    "MEASURE 4.1": ("data-scientist",
        "Check that measurement approaches were designed for the deployment context together with domain experts and end users, and that the approach is documented.",
        "Measurement design notes; records of consultation with domain experts and users."),
    "MEASURE 4.2": ("data-scientist",
        "Check that trustworthiness results from deployment are reviewed with domain experts and other relevant actors to confirm the system performs consistently as intended, and that the conclusions are documented.",
        "Minutes of post-deployment evaluation reviews; validated results report."),
    "MEASURE 4.3": ("ai-product-manager",
        "Check that improvements or declines in performance are identified from field data and from consultation with relevant actors, including affected communities, and that each is documented with follow-up.",
        "Field performance trend reports; consultation summaries; improvement and decline log with actions."),
    "MANAGE 1.1": ("ai-product-manager",
        "Check that an accountable person made a documented go or no-go decision, based on the mapping and measurement results, on whether the system meets its purpose and objectives and should proceed.",
        "Go/no-go decision record; the evaluation summary it relied on; sign-off."),
    "MANAGE 1.2": ("ai-risk-governance-specialist",
        "Check that risks are prioritised for treatment by impact, likelihood and available resources using a documented method, and that the order of work follows the priorities.",
        "Prioritised risk register; prioritisation method; treatment backlog."),
    "MANAGE 1.3": ("ai-risk-governance-specialist",
        "Check that each high-priority risk has a documented response (mitigate, transfer, avoid or accept) with an owner, a plan and a due date, and that acceptances were approved at the right level.",
        "Risk treatment plan; risk acceptance approvals; mitigation tracking."),
    "MANAGE 1.4": ("ai-risk-governance-specialist",
        "Check that residual risks are documented and disclosed to downstream acquirers and end users (in documentation, contracts or user notices).",
        "Residual risk statement; documentation or contract sections disclosing it."),
    "MANAGE 2.1": ("ai-project-manager",
        "Check that the resources needed for risk management were planned and funded and that non-AI alternatives were considered as a way to reduce impacts.",
        "Resource or budget plan for risk management; analysis of alternatives."),
    "MANAGE 2.2": ("mlops-engineer",
        "Check that mechanisms keep the deployed system valuable: performance monitoring, retraining triggers, a maintenance schedule and a named owner.",
        "Maintenance and retraining plan; retraining logs; tracking of value indicators."),
    "MANAGE 2.3": ("mlops-engineer",
        "Check that a procedure exists for a newly discovered risk (triage, containment, escalation, recovery) and ask for a case where it was used.",
        "Risk and incident response procedure; record of an emergent risk that was handled."),
    "MANAGE 2.4": ("mlops-engineer",
        "Check that the system can be superseded, disengaged or switched off (kill switch, rollback, fallback to a manual process), that it is clear who may decide this, and that it has been tested.",
        "Shutdown and rollback runbook; decision authority; drill or test record."),
    "MANAGE 3.1": ("ai-risk-governance-specialist",
        "Check that third-party resources (models, data, APIs) are monitored regularly for supplier changes, performance, licence changes and security advisories, and that the controls applied are documented.",
        "Third-party monitoring records; supplier review reports; control documentation."),
    "MANAGE 3.2": ("machine-learning-engineer",
        "Check that pre-trained models in use are versioned, tracked for upstream updates and known issues, and re-evaluated as part of regular monitoring and maintenance.",
        "Model registry entries with source and version; upstream advisories reviewed; re-evaluation results."),
    "MANAGE 4.1": ("mlops-engineer",
        "Check that the post-deployment monitoring plan is in operation and covers capture of user input, appeal and override, decommissioning, incident response, recovery and change management.",
        "Post-deployment monitoring plan; operational records for each element; change management tickets."),
    "MANAGE 4.2": ("ai-product-manager",
        "Check that system updates include measurable improvement activities and that interested parties, including relevant AI actors, are engaged regularly.",
        "Release notes with improvement measures; stakeholder engagement records."),
    "MANAGE 4.3": ("ai-risk-governance-specialist",
        "Check that incidents and errors were communicated to the relevant actors and affected communities, and that tracking, response and recovery processes were followed and documented.",
        "Incident log; incident communications; post-incident reviews."),
}


def cpp_string(text):
    """A C++ string literal holding text exactly (UTF-8 source)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def table_number(function):
    match = re.search(r"\(Table (\d+)\)", function["section"])
    if not match:
        sys.exit(f"no table number in section of {function['id']}: {function['section']!r}")
    return match.group(1)


def generate(data):
    expected = data["counts"]
    categories = [c for f in data["functions"] for c in f["categories"]]
    subcategories = [s for c in categories for s in c["subcategories"]]
    counts = (len(data["functions"]), len(categories), len(subcategories))
    if counts != (expected["functions"], expected["categories"], expected["subcategories"]):
        sys.exit(f"counts {counts} differ from the file's own counts {expected}")
    ids = [s["id"] for s in subcategories]
    if sorted(ids) != sorted(GUIDANCE):
        sys.exit(f"guidance table and source disagree: {sorted(set(ids) ^ set(GUIDANCE))}")
    for key, (role, guidance, evidence) in GUIDANCE.items():
        if role not in ROLES or not guidance or not evidence:
            sys.exit(f"bad guidance entry for {key}")

    out = []
    out.append("// GENERATED by tools/generate_nist_checklist.py from nist-ai-rmf-1.0.json; do not edit.")
    out.append("// NIST's identifiers and statements are verbatim; guidance, evidence and roles come from")
    out.append("// the script's table and are Steward's own.")
    out.append('#include "nist_ai_rmf_checklist.h"')
    out.append("")
    out.append("#include <utility>")
    out.append("")
    out.append("namespace steward {")
    out.append("namespace {")
    out.append("")
    out.append("ChecklistItem subcategory(std::string id, std::string table, std::string statement,")
    out.append("                          std::string guidance, std::string evidence, std::string role)")
    out.append("{")
    out.append("    ChecklistItem item;")
    out.append("    item.id = std::move(id);")
    out.append("    item.text = std::move(statement);")
    out.append("    item.guidance = std::move(guidance);")
    out.append("    item.expectedEvidence = std::move(evidence);")
    out.append("    item.roleKey = std::move(role);")
    out.append('    item.reference = "NIST AI 100-1, Table " + table;')
    out.append("    return item; // applies to every project: the AI RMF is voluntary and sector-agnostic")
    out.append("}")
    out.append("")
    out.append("} // namespace")
    out.append("")
    out.append("ChecklistSpec nistAiRmfChecklist()")
    out.append("{")
    out.append("    ChecklistSpec spec;")
    out.append('    spec.key = "nist-ai-rmf";')
    out.append('    spec.title = "NIST AI Risk Management Framework 1.0";')
    out.append('    spec.framework = "NIST AI RMF";')
    out.append('    spec.version = "1.0";')
    source = data["source"]
    out.append("    spec.source = " + cpp_string(
        f"{source['publisher']}, {source['title']}, {source['publication_id']} ({source['date'][:7]}), "
        f"doi:{source['doi']}, {source['part']}") + ";")
    out.append("    spec.licence = " + cpp_string(
        "NIST text (identifiers, category and subcategory statements) is a work of the US government, "
        "public domain in the United States (17 U.S.C. 105); NIST is acknowledged as its source. "
        "Guidance and expected evidence are Steward's own.") + ";")
    out.append("    spec.sections = {")
    for function in data["functions"]:
        table = table_number(function)
        for category in function["categories"]:
            title = f"{function['name']} \u2014 {category['id']}"
            out.append(f"        {{{cpp_string(category['id'])}, {cpp_string(title)}, "
                       f"{cpp_string(category['statement'])}, {{")
            for sub in category["subcategories"]:
                role, guidance, evidence = GUIDANCE[sub["id"]]
                out.append(f"            subcategory({cpp_string(sub['id'])}, \"{table}\", "
                           f"{cpp_string(sub['statement'])}, {cpp_string(guidance)}, "
                           f"{cpp_string(evidence)}, {cpp_string(role)}),")
            out.append("        }},")
    out.append("    };")
    out.append("    return spec;")
    out.append("}")
    out.append("")
    out.append("} // namespace steward")
    return "\n".join(out) + "\n"


def main():
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    with open(source, encoding="utf-8") as f:
        data = json.load(f)
    OUTPUT.write_text(generate(data), encoding="utf-8")
    clang_format = shutil.which("clang-format")
    if clang_format:
        subprocess.run([clang_format, "-i", str(OUTPUT)], check=True, cwd=REPO_ROOT)
    else:
        print("clang-format not found: output left unformatted", file=sys.stderr)
    print(f"wrote {OUTPUT.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
