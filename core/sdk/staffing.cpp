#include <steward/staffing.h>

#include <algorithm>

namespace steward {

Rule::~Rule() = default;
ScopedRule::~ScopedRule() = default;

bool ProjectInfo::hasTag(std::string_view tag) const
{
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

bool AssignmentInfo::coversDate(Date d) const
{
    return from <= d && (!to || d <= *to);
}

const PersonInfo* ProjectStaffing::person(std::int64_t id) const
{
    const auto it = std::find_if(people.begin(), people.end(),
                                 [id](const PersonInfo& p) { return p.id == id; });
    return it == people.end() ? nullptr : &*it;
}

const ResponsibilityInfo* ProjectStaffing::responsibility(std::string_view key) const
{
    const auto it = std::find_if(responsibilities.begin(), responsibilities.end(),
                                 [key](const ResponsibilityInfo& r) { return r.key == key; });
    return it == responsibilities.end() ? nullptr : &*it;
}

std::vector<std::int64_t> ProjectStaffing::holdersOf(std::string_view roleKey) const
{
    std::vector<std::int64_t> ids;
    for (const AssignmentInfo& a : assignments) {
        if (a.roleKey == roleKey && a.coversDate(asOf) &&
            std::find(ids.begin(), ids.end(), a.personId) == ids.end())
            ids.push_back(a.personId);
    }
    return ids;
}

std::vector<std::int64_t> ProjectStaffing::raciHolders(std::string_view responsibilityKey,
                                                       RaciKind kind) const
{
    std::vector<std::int64_t> ids;
    for (const RaciInfo& r : raci) {
        if (r.responsibilityKey == responsibilityKey && r.kind == kind)
            ids.push_back(r.personId);
    }
    return ids;
}

} // namespace steward
