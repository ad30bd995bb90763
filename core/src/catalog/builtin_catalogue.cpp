// The built-in catalogue, written from the reference text on AI roles in the project's own words.
//
// Which responsibilities are required. A required responsibility must have exactly one
// Accountable and at least one Responsible person on every project, so each one costs every
// project real staffing: the set is the minimum a governance reviewer would refuse to sign off
// without, one or two per lifecycle stage from scope to oversight:
//   align    - goals and scope are agreed; project risks are identified and mitigated
//   data     - data pipelines exist and someone answers for data quality
//   analysis - models are validated before anyone relies on them
//   build    - models are developed, trained and tested
//   operate  - deployment to production, and drift / degradation detection once live
//   govern   - ethical risks, bias, transparency and explainability, regulatory and
//              data-protection compliance, and AI security risks
// Duplicates of these held by other roles (an AI engineer's monitoring next to MLOps drift
// detection) stay optional so a project is not asked to name two owners for one concern.
// Research, career and outreach duties (publishing, grants, mentoring, keeping up with new
// tools) are never required: a project can be governed well without them.
#include "catalog/builtin_catalogue.h"

#include <initializer_list>
#include <string>

namespace steward {
namespace {

using enum LifecycleStage;

constexpr bool kRequired = true;

struct Duty {
    const char* slug;
    const char* text;
    LifecycleStage stage;
    bool required = false;
};

RoleSpec role(const char* key, const char* name, const char* category, const char* summary,
              std::initializer_list<Duty> duties)
{
    RoleSpec spec{key, name, summary, category, std::nullopt, {}};
    spec.responsibilities.reserve(duties.size());
    for (const Duty& d : duties)
        spec.responsibilities.push_back(
            ResponsibilitySpec{spec.key + '.' + d.slug, d.text, d.stage, d.required});
    return spec;
}

} // namespace

std::vector<RoleSpec> builtinRoles()
{
    std::vector<RoleSpec> roles;
    roles.reserve(12);

    roles.push_back(role(
        "ai-engineer", "AI Engineer", "engineering",
        "Turns AI ideas into working software: designs, trains and ships models that learn, "
        "predict or automate, and keeps them running once people depend on them.",
        {
            {"develop-models",
             "Design and develop the AI and machine-learning models that address the business "
             "problem.",
             Build, kRequired},
            {"prepare-training-data",
             "Gather, clean and prepare the data a model learns from so that it learns accurately.",
             Data},
            {"clarify-requirements",
             "Work out the requirements together with data scientists and domain experts.", Build},
            {"choose-tooling",
             "Choose the tools, libraries and frameworks the system is built with.", Build},
            {"train-and-test-models",
             "Train models and test them against the conditions they will meet in real use.", Build,
             kRequired},
            {"tune-models",
             "Raise model accuracy by tuning parameters and refining the input data.", Build},
            {"deploy-to-production",
             "Deploy models into production so that end users can work with them.", Operate,
             kRequired},
            {"monitor-systems",
             "Watch AI systems in service so they stay stable, secure and reliable.", Operate},
            {"keep-current",
             "Follow new AI tools, methods and good practice and bring the useful ones into the "
             "team's work.",
             Research},
        }));

    roles.push_back(role(
        "machine-learning-engineer", "Machine Learning Engineer", "engineering",
        "Specialises in carrying models from experiment to dependable production, owning the "
        "pipelines, training runs and model versions behind them.",
        {
            {"build-ml-pipelines",
             "Build the machine-learning pipeline end to end, from incoming data to model output.",
             Build},
            {"productionise-models", "Turn experimental models into production systems that scale.",
             Build},
            {"optimise-training", "Handle large datasets and make training runs efficient.", Build},
            {"manage-model-versions",
             "Version models and manage their updates over their lifetime.", Operate},
            {"keep-models-robust",
             "Keep model performance consistent as the incoming data changes.", Operate},
            {"integrate-into-applications",
             "Integrate models into applications together with software engineers.", Build},
        }));

    roles.push_back(role(
        "data-scientist", "Data Scientist", "data",
        "Turns raw data into evidence the organisation can act on, through analysis, statistical "
        "testing and predictive models.",
        {
            {"collect-data",
             "Gather structured and unstructured data and organise it for analysis.", Data},
            {"analyse-patterns",
             "Analyse data to find the patterns, trends and relationships it holds.", Analysis},
            {"build-analytical-models", "Build predictive and analytical models.", Analysis},
            {"select-features", "Choose the data features that most influence the outcome.",
             Analysis},
            {"test-hypotheses", "Test hypotheses with sound statistical methods.", Analysis},
            {"validate-models", "Validate models to confirm that they are accurate and reliable.",
             Analysis, kRequired},
            {"explain-findings", "Explain findings to business stakeholders in plain language.",
             Analysis},
            {"inform-decisions", "Back strategic decisions with insight drawn from the data.",
             Align},
        }));

    roles.push_back(role(
        "data-engineer", "Data Engineer", "data",
        "Builds and runs the data foundation AI systems stand on: the pipelines, the storage and "
        "the quality of what flows through them.",
        {
            {"build-data-pipelines", "Design data pipelines and keep them running.", Data,
             kRequired},
            {"integrate-sources", "Keep data flowing reliably in from every source system.", Data},
            {"manage-storage", "Run the storage systems and databases that hold the data.", Data},
            {"assure-data-quality", "Raise the quality, consistency and availability of the data.",
             Data, kRequired},
            {"supply-data-needs",
             "Work with AI engineers and data scientists to supply the data they need.", Data},
        }));

    roles.push_back(role(
        "ai-researcher", "AI Researcher", "research",
        "Advances AI itself by inventing and testing new methods rather than applying existing "
        "ones, and carries what works into practice.",
        {
            {"explore-methods", "Investigate new algorithms and ways for machines to learn.",
             Research},
            {"run-experiments", "Design and run experiments that put new ideas to the test.",
             Research},
            {"publish-research", "Publish research papers and technical reports.", Research},
            {"collaborate-with-researchers",
             "Work with fellow researchers in universities and industry.", Research},
            {"apply-findings", "Carry research results over to practical AI problems.", Build},
            {"mentor", "Mentor junior researchers and practitioners.", Research},
            {"secure-funding", "Win funding and grants for long-term research.", Research},
        }));

    roles.push_back(role(
        "mlops-engineer", "MLOps Engineer", "operations",
        "Keeps models healthy after launch by automating their release, watching how they behave "
        "and running the infrastructure beneath them.",
        {
            {"automate-deployment", "Automate how models are deployed and updated.", Operate},
            {"monitor-performance", "Monitor how live models perform, as it happens.", Operate},
            {"detect-drift",
             "Detect drift in the incoming data and any decline in model performance.", Operate,
             kRequired},
            {"ensure-reliability", "Keep AI systems reliable and able to scale.", Operate},
            {"manage-infrastructure",
             "Run the AI infrastructure and the cloud environments it lives in.", Operate},
            {"enforce-access-controls", "Put security and access controls in place and keep them.",
             Operate},
        }));

    roles.push_back(role(
        "ai-ethicist", "AI Ethicist", "ethics-governance",
        "Makes sure AI systems treat people fairly and can be understood and trusted, reviewing "
        "them for ethical risk from design to use.",
        {
            {"identify-ethical-risks", "Identify the ethical risks an AI system poses.", Govern,
             kRequired},
            {"detect-bias", "Detect bias and unfair outcomes in models.", Govern, kRequired},
            {"set-ethical-guidelines",
             "Develop ethical guidelines and standards for building and using AI.", Govern},
            {"ensure-explainability",
             "Make AI decisions transparent and explainable to the people they affect.", Govern,
             kRequired},
            {"advise-across-teams",
             "Work with legal, technical and business teams on ethical questions.", Govern},
            {"review-systems", "Run audits and ethical reviews of AI systems.", Govern},
            {"teach-responsible-ai", "Teach teams how to practise responsible AI.", Govern},
        }));

    roles.push_back(role(
        "ai-risk-governance-specialist", "AI Risk and Governance Specialist", "ethics-governance",
        "Owns the regulatory and security risk of AI: keeps systems within the law and runs the "
        "governance framework they operate under.",
        {
            {"ensure-regulatory-compliance",
             "Keep AI systems compliant with data-protection law and AI regulation.", Govern,
             kRequired},
            {"manage-security-risks", "Manage the security risks to AI models and their data.",
             Govern, kRequired},
            {"establish-governance-framework",
             "Set up the governance framework for how the organisation uses AI.", Govern},
            {"track-regulatory-change",
             "Follow legal and policy changes that affect AI and assess what they mean.", Govern},
            {"support-safe-deployment",
             "Support deployments so that AI goes into use ethically and securely.", Govern},
            // Required only where the organisation deploys a high-risk system (EU AI Act
            // Art. 26(2)): the NO_HUMAN_OVERSIGHT rule asks for it there, not on every project.
            {"exercise-human-oversight",
             "Oversee a high-risk AI system in use: watch how it operates, interpret what it "
             "outputs, and override or stop it when it goes wrong.",
             Operate},
        }));

    roles.push_back(role(
        "ai-project-manager", "AI Project Manager", "management",
        "Plans and runs AI initiatives, coordinating the people, money and time they need and "
        "keeping them on course to deliver value.",
        {
            {"define-goals-and-scope", "Define the project's goals and scope.", Align, kRequired},
            {"coordinate-teams", "Coordinate the technical and business teams on the project.",
             Align},
            {"manage-schedule-and-budget", "Manage the project's schedule, budget and resources.",
             Align},
            {"mitigate-project-risks", "Identify project risks and put mitigations in place.",
             Align, kRequired},
            {"track-progress-and-quality",
             "Track progress and hold the work to the agreed quality standards.", Align},
            {"report-to-stakeholders", "Keep stakeholders informed of how the project stands.",
             Align},
            {"align-with-business",
             "Keep the project aligned with the organisation's business objectives.", Align},
        }));

    roles.push_back(role(
        "ai-product-manager", "AI Product Manager", "management",
        "Shapes AI-powered products around what users actually need, deciding what gets built and "
        "judging whether it worked.",
        {
            {"define-product-vision", "Set the product's vision and strategy.", Align},
            {"translate-user-needs", "Translate what users need into requirements for the AI.",
             Align},
            {"prioritise-features", "Decide which features and improvements come first.", Align},
            {"work-with-builders", "Work with engineers and designers as the product takes shape.",
             Align},
            {"measure-impact", "Measure the product's success and its effect on users.", Align},
            {"balance-feasibility-and-goals",
             "Weigh what is technically possible against the business goals.", Align},
        }));

    roles.push_back(role(
        "prompt-engineer", "Prompt Engineer", "engineering",
        "Gets useful, dependable behaviour out of generative models by designing the prompts they "
        "receive and testing the answers they give.",
        {
            {"design-prompts", "Design prompts that lead AI models to the output that is needed.",
             Build},
            {"improve-responses",
             "Improve the quality of responses through systematic experiments.", Build},
            {"optimise-outputs", "Tune AI output to the business use cases it serves.", Build},
            {"collaborate-with-teams", "Work with content, marketing and technical teams.", Align},
        }));

    roles.push_back(role(
        "ai-consultant", "AI Consultant", "advisory",
        "Advises an organisation on where and how to adopt AI, from spotting the opportunities to "
        "seeing the change through.",
        {
            {"identify-opportunities",
             "Find the business processes where AI could make a difference.", Align},
            {"develop-strategy", "Develop AI strategies and roadmaps.", Align},
            {"recommend-tools", "Recommend tools and platforms that suit the organisation.", Align},
            {"support-implementation",
             "Support the implementation of AI and the organisational change it brings.", Align},
            {"educate-leadership", "Teach leaders and teams what AI can offer and what it risks.",
             Align},
        }));

    return roles;
}

} // namespace steward
