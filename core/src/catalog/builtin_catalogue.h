// The generic AI roles every organisation starts with, before any role-pack plugin is loaded.
#pragma once

#include <steward/catalog.h>
#include <steward/export.h>

#include <vector>

namespace steward {

// The pack the built-in roles are stored under (role_pack.key).
inline constexpr const char* kBuiltinPackKey = "builtin";

// The twelve generic AI roles, in catalogue order, each with all of its responsibilities. Industry
// specialists are not here: they come from plugins.
STEWARD_CORE_API std::vector<RoleSpec> builtinRoles();

// The built-in trainings (builtin_qualifications.cpp), and what requires them: AI literacy of
// everyone who holds any role (a requirement with neither role nor responsibility, which only the
// built-in pack may declare), the oversight training of whoever oversees a high-risk system.
STEWARD_CORE_API std::vector<QualificationSpec> builtinQualifications();
STEWARD_CORE_API std::vector<QualificationRequirementSpec> builtinQualificationRequirements();

} // namespace steward
