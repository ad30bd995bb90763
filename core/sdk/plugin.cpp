// The plugin interface's key functions: its vtable and typeinfo live here, in the one library that
// host and plugins share.
#include <steward/plugin.h>

namespace steward {

Plugin::~Plugin() = default;
std::vector<RoleSpec> Plugin::roles() const
{
    return {};
}
std::vector<std::shared_ptr<const Rule>> Plugin::rules() const
{
    return {};
}
std::vector<ChecklistSpec> Plugin::checklists() const
{
    return {};
}
std::vector<QualificationSpec> Plugin::qualifications() const
{
    return {};
}
std::vector<QualificationRequirementSpec> Plugin::qualificationRequirements() const
{
    return {};
}

} // namespace steward
