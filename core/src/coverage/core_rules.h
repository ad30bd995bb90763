// The coverage rules every project is held to, whatever plugins are loaded. They run on a
// ProjectStaffing snapshot, so they judge stored staffing and unsaved edits alike.
#pragma once

#include <steward/export.h>
#include <steward/staffing.h>

#include <memory>
#include <vector>

namespace steward {

// Finding codes of the core rules. Stable: scripts and dashboards key on them.
namespace coverage_code {
inline constexpr const char* NoAccountable = "NO_ACCOUNTABLE";
inline constexpr const char* MultipleAccountable = "MULTIPLE_ACCOUNTABLE";
inline constexpr const char* NoResponsible = "NO_RESPONSIBLE";
inline constexpr const char* OverAllocated = "OVER_ALLOCATED";
inline constexpr const char* RaciWithoutRole = "RACI_WITHOUT_ROLE";
inline constexpr const char* InactiveAssignee = "INACTIVE_ASSIGNEE";
inline constexpr const char* RuleFailed = "RULE_FAILED";
} // namespace coverage_code

STEWARD_CORE_API std::vector<std::shared_ptr<const Rule>> coreCoverageRules();

} // namespace steward
