// The keys of the built-in role catalogue, for rules and tools that name its roles and
// responsibilities: they are stored in PostgreSQL and named in RACI entries, so they never change
// (a test holds this header to the catalogue itself, both ways). `steward role list` shows them.
#pragma once

#include <array>
#include <string_view>

namespace steward::builtin {

namespace roles {
inline constexpr std::string_view kAiEngineer = "ai-engineer";
inline constexpr std::string_view kMachineLearningEngineer = "machine-learning-engineer";
inline constexpr std::string_view kDataScientist = "data-scientist";
inline constexpr std::string_view kDataEngineer = "data-engineer";
inline constexpr std::string_view kAiResearcher = "ai-researcher";
inline constexpr std::string_view kMlopsEngineer = "mlops-engineer";
inline constexpr std::string_view kAiEthicist = "ai-ethicist";
inline constexpr std::string_view kAiRiskGovernanceSpecialist = "ai-risk-governance-specialist";
inline constexpr std::string_view kAiProjectManager = "ai-project-manager";
inline constexpr std::string_view kAiProductManager = "ai-product-manager";
inline constexpr std::string_view kPromptEngineer = "prompt-engineer";
inline constexpr std::string_view kAiConsultant = "ai-consultant";

inline constexpr std::array<std::string_view, 12> kAll = {
    kAiEngineer,       kMachineLearningEngineer, kDataScientist,  kDataEngineer,
    kAiResearcher,     kMlopsEngineer,           kAiEthicist,     kAiRiskGovernanceSpecialist,
    kAiProjectManager, kAiProductManager,        kPromptEngineer, kAiConsultant};
} // namespace roles

// Each role's responsibilities, "<role>.<duty>".
namespace responsibilities {
inline constexpr std::string_view kAiEngineerDevelopModels = "ai-engineer.develop-models";
inline constexpr std::string_view kAiEngineerPrepareTrainingData =
    "ai-engineer.prepare-training-data";
inline constexpr std::string_view kAiEngineerClarifyRequirements =
    "ai-engineer.clarify-requirements";
inline constexpr std::string_view kAiEngineerChooseTooling = "ai-engineer.choose-tooling";
inline constexpr std::string_view kAiEngineerTrainAndTestModels =
    "ai-engineer.train-and-test-models";
inline constexpr std::string_view kAiEngineerTuneModels = "ai-engineer.tune-models";
inline constexpr std::string_view kAiEngineerDeployToProduction =
    "ai-engineer.deploy-to-production";
inline constexpr std::string_view kAiEngineerMonitorSystems = "ai-engineer.monitor-systems";
inline constexpr std::string_view kAiEngineerKeepCurrent = "ai-engineer.keep-current";
inline constexpr std::string_view kMachineLearningEngineerBuildMlPipelines =
    "machine-learning-engineer.build-ml-pipelines";
inline constexpr std::string_view kMachineLearningEngineerProductioniseModels =
    "machine-learning-engineer.productionise-models";
inline constexpr std::string_view kMachineLearningEngineerOptimiseTraining =
    "machine-learning-engineer.optimise-training";
inline constexpr std::string_view kMachineLearningEngineerManageModelVersions =
    "machine-learning-engineer.manage-model-versions";
inline constexpr std::string_view kMachineLearningEngineerKeepModelsRobust =
    "machine-learning-engineer.keep-models-robust";
inline constexpr std::string_view kMachineLearningEngineerIntegrateIntoApplications =
    "machine-learning-engineer.integrate-into-applications";
inline constexpr std::string_view kDataScientistCollectData = "data-scientist.collect-data";
inline constexpr std::string_view kDataScientistAnalysePatterns = "data-scientist.analyse-patterns";
inline constexpr std::string_view kDataScientistBuildAnalyticalModels =
    "data-scientist.build-analytical-models";
inline constexpr std::string_view kDataScientistSelectFeatures = "data-scientist.select-features";
inline constexpr std::string_view kDataScientistTestHypotheses = "data-scientist.test-hypotheses";
inline constexpr std::string_view kDataScientistValidateModels = "data-scientist.validate-models";
inline constexpr std::string_view kDataScientistExplainFindings = "data-scientist.explain-findings";
inline constexpr std::string_view kDataScientistInformDecisions = "data-scientist.inform-decisions";
inline constexpr std::string_view kDataEngineerBuildDataPipelines =
    "data-engineer.build-data-pipelines";
inline constexpr std::string_view kDataEngineerIntegrateSources = "data-engineer.integrate-sources";
inline constexpr std::string_view kDataEngineerManageStorage = "data-engineer.manage-storage";
inline constexpr std::string_view kDataEngineerAssureDataQuality =
    "data-engineer.assure-data-quality";
inline constexpr std::string_view kDataEngineerSupplyDataNeeds = "data-engineer.supply-data-needs";
inline constexpr std::string_view kAiResearcherExploreMethods = "ai-researcher.explore-methods";
inline constexpr std::string_view kAiResearcherRunExperiments = "ai-researcher.run-experiments";
inline constexpr std::string_view kAiResearcherPublishResearch = "ai-researcher.publish-research";
inline constexpr std::string_view kAiResearcherCollaborateWithResearchers =
    "ai-researcher.collaborate-with-researchers";
inline constexpr std::string_view kAiResearcherApplyFindings = "ai-researcher.apply-findings";
inline constexpr std::string_view kAiResearcherMentor = "ai-researcher.mentor";
inline constexpr std::string_view kAiResearcherSecureFunding = "ai-researcher.secure-funding";
inline constexpr std::string_view kMlopsEngineerAutomateDeployment =
    "mlops-engineer.automate-deployment";
inline constexpr std::string_view kMlopsEngineerMonitorPerformance =
    "mlops-engineer.monitor-performance";
inline constexpr std::string_view kMlopsEngineerDetectDrift = "mlops-engineer.detect-drift";
inline constexpr std::string_view kMlopsEngineerEnsureReliability =
    "mlops-engineer.ensure-reliability";
inline constexpr std::string_view kMlopsEngineerManageInfrastructure =
    "mlops-engineer.manage-infrastructure";
inline constexpr std::string_view kMlopsEngineerEnforceAccessControls =
    "mlops-engineer.enforce-access-controls";
inline constexpr std::string_view kAiEthicistIdentifyEthicalRisks =
    "ai-ethicist.identify-ethical-risks";
inline constexpr std::string_view kAiEthicistDetectBias = "ai-ethicist.detect-bias";
inline constexpr std::string_view kAiEthicistSetEthicalGuidelines =
    "ai-ethicist.set-ethical-guidelines";
inline constexpr std::string_view kAiEthicistEnsureExplainability =
    "ai-ethicist.ensure-explainability";
inline constexpr std::string_view kAiEthicistAdviseAcrossTeams = "ai-ethicist.advise-across-teams";
inline constexpr std::string_view kAiEthicistReviewSystems = "ai-ethicist.review-systems";
inline constexpr std::string_view kAiEthicistTeachResponsibleAi =
    "ai-ethicist.teach-responsible-ai";
inline constexpr std::string_view kAiRiskGovernanceSpecialistEnsureRegulatoryCompliance =
    "ai-risk-governance-specialist.ensure-regulatory-compliance";
inline constexpr std::string_view kAiRiskGovernanceSpecialistManageSecurityRisks =
    "ai-risk-governance-specialist.manage-security-risks";
inline constexpr std::string_view kAiRiskGovernanceSpecialistEstablishGovernanceFramework =
    "ai-risk-governance-specialist.establish-governance-framework";
inline constexpr std::string_view kAiRiskGovernanceSpecialistTrackRegulatoryChange =
    "ai-risk-governance-specialist.track-regulatory-change";
inline constexpr std::string_view kAiRiskGovernanceSpecialistExerciseHumanOversight =
    "ai-risk-governance-specialist.exercise-human-oversight";
inline constexpr std::string_view kAiRiskGovernanceSpecialistSupportSafeDeployment =
    "ai-risk-governance-specialist.support-safe-deployment";
inline constexpr std::string_view kAiProjectManagerDefineGoalsAndScope =
    "ai-project-manager.define-goals-and-scope";
inline constexpr std::string_view kAiProjectManagerCoordinateTeams =
    "ai-project-manager.coordinate-teams";
inline constexpr std::string_view kAiProjectManagerManageScheduleAndBudget =
    "ai-project-manager.manage-schedule-and-budget";
inline constexpr std::string_view kAiProjectManagerMitigateProjectRisks =
    "ai-project-manager.mitigate-project-risks";
inline constexpr std::string_view kAiProjectManagerTrackProgressAndQuality =
    "ai-project-manager.track-progress-and-quality";
inline constexpr std::string_view kAiProjectManagerReportToStakeholders =
    "ai-project-manager.report-to-stakeholders";
inline constexpr std::string_view kAiProjectManagerAlignWithBusiness =
    "ai-project-manager.align-with-business";
inline constexpr std::string_view kAiProductManagerDefineProductVision =
    "ai-product-manager.define-product-vision";
inline constexpr std::string_view kAiProductManagerTranslateUserNeeds =
    "ai-product-manager.translate-user-needs";
inline constexpr std::string_view kAiProductManagerPrioritiseFeatures =
    "ai-product-manager.prioritise-features";
inline constexpr std::string_view kAiProductManagerWorkWithBuilders =
    "ai-product-manager.work-with-builders";
inline constexpr std::string_view kAiProductManagerMeasureImpact =
    "ai-product-manager.measure-impact";
inline constexpr std::string_view kAiProductManagerBalanceFeasibilityAndGoals =
    "ai-product-manager.balance-feasibility-and-goals";
inline constexpr std::string_view kPromptEngineerDesignPrompts = "prompt-engineer.design-prompts";
inline constexpr std::string_view kPromptEngineerImproveResponses =
    "prompt-engineer.improve-responses";
inline constexpr std::string_view kPromptEngineerOptimiseOutputs =
    "prompt-engineer.optimise-outputs";
inline constexpr std::string_view kPromptEngineerCollaborateWithTeams =
    "prompt-engineer.collaborate-with-teams";
inline constexpr std::string_view kAiConsultantIdentifyOpportunities =
    "ai-consultant.identify-opportunities";
inline constexpr std::string_view kAiConsultantDevelopStrategy = "ai-consultant.develop-strategy";
inline constexpr std::string_view kAiConsultantRecommendTools = "ai-consultant.recommend-tools";
inline constexpr std::string_view kAiConsultantSupportImplementation =
    "ai-consultant.support-implementation";
inline constexpr std::string_view kAiConsultantEducateLeadership =
    "ai-consultant.educate-leadership";

inline constexpr std::array<std::string_view, 76> kAll = {
    kAiEngineerDevelopModels,
    kAiEngineerPrepareTrainingData,
    kAiEngineerClarifyRequirements,
    kAiEngineerChooseTooling,
    kAiEngineerTrainAndTestModels,
    kAiEngineerTuneModels,
    kAiEngineerDeployToProduction,
    kAiEngineerMonitorSystems,
    kAiEngineerKeepCurrent,
    kMachineLearningEngineerBuildMlPipelines,
    kMachineLearningEngineerProductioniseModels,
    kMachineLearningEngineerOptimiseTraining,
    kMachineLearningEngineerManageModelVersions,
    kMachineLearningEngineerKeepModelsRobust,
    kMachineLearningEngineerIntegrateIntoApplications,
    kDataScientistCollectData,
    kDataScientistAnalysePatterns,
    kDataScientistBuildAnalyticalModels,
    kDataScientistSelectFeatures,
    kDataScientistTestHypotheses,
    kDataScientistValidateModels,
    kDataScientistExplainFindings,
    kDataScientistInformDecisions,
    kDataEngineerBuildDataPipelines,
    kDataEngineerIntegrateSources,
    kDataEngineerManageStorage,
    kDataEngineerAssureDataQuality,
    kDataEngineerSupplyDataNeeds,
    kAiResearcherExploreMethods,
    kAiResearcherRunExperiments,
    kAiResearcherPublishResearch,
    kAiResearcherCollaborateWithResearchers,
    kAiResearcherApplyFindings,
    kAiResearcherMentor,
    kAiResearcherSecureFunding,
    kMlopsEngineerAutomateDeployment,
    kMlopsEngineerMonitorPerformance,
    kMlopsEngineerDetectDrift,
    kMlopsEngineerEnsureReliability,
    kMlopsEngineerManageInfrastructure,
    kMlopsEngineerEnforceAccessControls,
    kAiEthicistIdentifyEthicalRisks,
    kAiEthicistDetectBias,
    kAiEthicistSetEthicalGuidelines,
    kAiEthicistEnsureExplainability,
    kAiEthicistAdviseAcrossTeams,
    kAiEthicistReviewSystems,
    kAiEthicistTeachResponsibleAi,
    kAiRiskGovernanceSpecialistEnsureRegulatoryCompliance,
    kAiRiskGovernanceSpecialistManageSecurityRisks,
    kAiRiskGovernanceSpecialistEstablishGovernanceFramework,
    kAiRiskGovernanceSpecialistTrackRegulatoryChange,
    kAiRiskGovernanceSpecialistSupportSafeDeployment,
    kAiRiskGovernanceSpecialistExerciseHumanOversight,
    kAiProjectManagerDefineGoalsAndScope,
    kAiProjectManagerCoordinateTeams,
    kAiProjectManagerManageScheduleAndBudget,
    kAiProjectManagerMitigateProjectRisks,
    kAiProjectManagerTrackProgressAndQuality,
    kAiProjectManagerReportToStakeholders,
    kAiProjectManagerAlignWithBusiness,
    kAiProductManagerDefineProductVision,
    kAiProductManagerTranslateUserNeeds,
    kAiProductManagerPrioritiseFeatures,
    kAiProductManagerWorkWithBuilders,
    kAiProductManagerMeasureImpact,
    kAiProductManagerBalanceFeasibilityAndGoals,
    kPromptEngineerDesignPrompts,
    kPromptEngineerImproveResponses,
    kPromptEngineerOptimiseOutputs,
    kPromptEngineerCollaborateWithTeams,
    kAiConsultantIdentifyOpportunities,
    kAiConsultantDevelopStrategy,
    kAiConsultantRecommendTools,
    kAiConsultantSupportImplementation,
    kAiConsultantEducateLeadership};
// Who is Accountable for this on a high-risk project the organisation deploys must hold a valid
// kHumanOversightOfHighRiskAi (the NO_HUMAN_OVERSIGHT finding).
inline constexpr std::string_view kHumanOversight =
    kAiRiskGovernanceSpecialistExerciseHumanOversight;
} // namespace responsibilities

// The built-in qualifications. Every role requires kAiLiteracyBasics (EU AI Act Art. 4); human
// oversight requires kHumanOversightOfHighRiskAi (Art. 26(2)).
namespace qualifications {
inline constexpr std::string_view kAiLiteracyBasics = "ai-literacy-basics";
inline constexpr std::string_view kHumanOversightOfHighRiskAi = "human-oversight-high-risk-ai";
inline constexpr std::string_view kAiRiskManagement = "ai-risk-management";

inline constexpr std::array<std::string_view, 3> kAll = {
    kAiLiteracyBasics, kHumanOversightOfHighRiskAi, kAiRiskManagement};
} // namespace qualifications

} // namespace steward::builtin
