#include <steward/domain.h>

#include <algorithm>
#include <iterator>
#include <utility>

namespace steward {
namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<LifecycleStage, 7> kLifecycleStages{{
    {LifecycleStage::Research, "research"},
    {LifecycleStage::Data, "data"},
    {LifecycleStage::Analysis, "analysis"},
    {LifecycleStage::Build, "build"},
    {LifecycleStage::Operate, "operate"},
    {LifecycleStage::Govern, "govern"},
    {LifecycleStage::Align, "align"},
}};
constexpr Names<RiskTier, 4> kRiskTiers{{
    {RiskTier::Minimal, "minimal"},
    {RiskTier::Limited, "limited"},
    {RiskTier::High, "high"},
    {RiskTier::Unacceptable, "unacceptable"},
}};
constexpr Names<ProjectStage, 6> kProjectStages{{
    {ProjectStage::Concept, "concept"},
    {ProjectStage::Development, "development"},
    {ProjectStage::Validation, "validation"},
    {ProjectStage::Deployment, "deployment"},
    {ProjectStage::Operation, "operation"},
    {ProjectStage::Retirement, "retirement"},
}};
constexpr Names<ProjectStatus, 5> kProjectStatuses{{
    {ProjectStatus::Proposed, "proposed"},
    {ProjectStatus::Active, "active"},
    {ProjectStatus::OnHold, "on-hold"},
    {ProjectStatus::Completed, "completed"},
    {ProjectStatus::Cancelled, "cancelled"},
}};
constexpr Names<AiActRole, 3> kAiActRoles{{
    {AiActRole::Provider, "provider"},
    {AiActRole::Deployer, "deployer"},
    {AiActRole::ProviderAndDeployer, "provider-and-deployer"},
}};
constexpr Names<Industry, 7> kIndustries{{
    {Industry::General, "general"},
    {Industry::Healthcare, "healthcare"},
    {Industry::Finance, "finance"},
    {Industry::Marketing, "marketing"},
    {Industry::PublicSector, "public-sector"},
    {Industry::Manufacturing, "manufacturing"},
    {Industry::Other, "other"},
}};
constexpr Names<RaciKind, 4> kRaciKinds{{
    {RaciKind::Responsible, "R"},
    {RaciKind::Accountable, "A"},
    {RaciKind::Consulted, "C"},
    {RaciKind::Informed, "I"},
}};
constexpr Names<Severity, 3> kSeverities{{
    {Severity::Info, "info"},
    {Severity::Warning, "warning"},
    {Severity::Error, "error"},
}};

template <typename E, std::size_t N>
std::string_view nameOf(const Names<E, N>& names, E value)
{
    const auto it = std::find_if(names.begin(), names.end(),
                                 [value](const auto& p) { return p.first == value; });
    return it == names.end() ? std::string_view{} : it->second;
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const Names<E, N>& names, std::string_view text)
{
    const auto it = std::find_if(names.begin(), names.end(),
                                 [text](const auto& p) { return p.second == text; });
    return it == names.end() ? std::nullopt : std::optional<E>(it->first);
}

} // namespace

std::string_view toString(LifecycleStage v)
{
    return nameOf(kLifecycleStages, v);
}
std::string_view toString(RiskTier v)
{
    return nameOf(kRiskTiers, v);
}
std::string_view toString(ProjectStage v)
{
    return nameOf(kProjectStages, v);
}
std::string_view toString(ProjectStatus v)
{
    return nameOf(kProjectStatuses, v);
}
std::string_view toString(AiActRole v)
{
    return nameOf(kAiActRoles, v);
}
std::string_view toString(Industry v)
{
    return nameOf(kIndustries, v);
}
std::string_view toString(RaciKind v)
{
    return nameOf(kRaciKinds, v);
}
std::string_view toString(Severity v)
{
    return nameOf(kSeverities, v);
}

std::optional<LifecycleStage> parseLifecycleStage(std::string_view s)
{
    return valueOf(kLifecycleStages, s);
}
std::optional<RiskTier> parseRiskTier(std::string_view s)
{
    return valueOf(kRiskTiers, s);
}
std::optional<ProjectStage> parseProjectStage(std::string_view s)
{
    return valueOf(kProjectStages, s);
}
std::optional<ProjectStatus> parseProjectStatus(std::string_view s)
{
    return valueOf(kProjectStatuses, s);
}
std::optional<AiActRole> parseAiActRole(std::string_view s)
{
    return valueOf(kAiActRoles, s);
}
std::optional<Industry> parseIndustry(std::string_view s)
{
    return valueOf(kIndustries, s);
}
std::optional<RaciKind> parseRaciKind(std::string_view s)
{
    return valueOf(kRaciKinds, s);
}
std::optional<Severity> parseSeverity(std::string_view s)
{
    return valueOf(kSeverities, s);
}

} // namespace steward
