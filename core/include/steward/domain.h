// Enumerations shared by the core, the plugin SDK and every client. Their text forms are the
// values stored in PostgreSQL (CHECK constraints in sql/) and printed by `--json`; they are
// stable and must not be renamed.
#pragma once

#include <steward/export.h>

#include <array>
#include <optional>
#include <string_view>

namespace steward {

// Where in the AI lifecycle a responsibility sits ("how roles work together").
enum class LifecycleStage { Research, Data, Analysis, Build, Operate, Govern, Align };

// EU AI Act risk tier of a project.
enum class RiskTier { Minimal, Limited, High, Unacceptable };

// Where a project is in its own life.
enum class ProjectStage { Concept, Development, Validation, Deployment, Operation, Retirement };

enum class ProjectStatus { Proposed, Active, OnHold, Completed, Cancelled };

// The organisation's part under the EU AI Act for a project's AI system.
enum class AiActRole { Provider, Deployer, ProviderAndDeployer };

enum class Industry { General, Healthcare, Finance, Marketing, PublicSector, Manufacturing, Other };

enum class RaciKind { Responsible, Accountable, Consulted, Informed };

enum class Severity { Info, Warning, Error };

// Text forms. toString() never fails; the parse functions return nullopt for unknown text.
STEWARD_SDK_API std::string_view toString(LifecycleStage v);
STEWARD_SDK_API std::string_view toString(RiskTier v);
STEWARD_SDK_API std::string_view toString(ProjectStage v);
STEWARD_SDK_API std::string_view toString(ProjectStatus v);
STEWARD_SDK_API std::string_view toString(AiActRole v);
STEWARD_SDK_API std::string_view toString(Industry v);
STEWARD_SDK_API std::string_view toString(RaciKind v); // "R", "A", "C", "I"
STEWARD_SDK_API std::string_view toString(Severity v);

STEWARD_SDK_API std::optional<LifecycleStage> parseLifecycleStage(std::string_view s);
STEWARD_SDK_API std::optional<RiskTier> parseRiskTier(std::string_view s);
STEWARD_SDK_API std::optional<ProjectStage> parseProjectStage(std::string_view s);
STEWARD_SDK_API std::optional<ProjectStatus> parseProjectStatus(std::string_view s);
STEWARD_SDK_API std::optional<AiActRole> parseAiActRole(std::string_view s);
STEWARD_SDK_API std::optional<Industry> parseIndustry(std::string_view s);
STEWARD_SDK_API std::optional<RaciKind> parseRaciKind(std::string_view s);
STEWARD_SDK_API std::optional<Severity> parseSeverity(std::string_view s);

} // namespace steward
