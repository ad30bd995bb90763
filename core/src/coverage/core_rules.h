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
inline constexpr const char* UnqualifiedHolder = "UNQUALIFIED_HOLDER";
inline constexpr const char* QualificationExpiring = "QUALIFICATION_EXPIRING";
inline constexpr const char* NoHumanOversight = "NO_HUMAN_OVERSIGHT";
inline constexpr const char* RuleFailed = "RULE_FAILED";
} // namespace coverage_code

// How far ahead a required qualification's expiry is a warning. sql/0020_qualification_gaps.sql
// has the same number: the organisation-wide check finds who may need a warning through it.
inline constexpr int kQualificationWarningDays = 30;

STEWARD_CORE_API std::vector<std::shared_ptr<const Rule>> coreCoverageRules();

// The competence rules (qualification_rules.cpp), part of coreCoverageRules().
std::shared_ptr<const Rule> qualifiedHoldersRule();
std::shared_ptr<const Rule> humanOversightRule();

} // namespace steward
