// How the core rules write dates and people into their findings' sentences, the same in each.
#pragma once

#include <steward/staffing.h>

#include <cstdio>
#include <string>

namespace steward::rule_text {

// "2026-06-15".
inline std::string isoDate(Date d)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buffer;
}

// "Ada Lovelace <ada@example.org>"; "person #12" when the snapshot lacks them.
inline std::string personLabel(const ProjectStaffing& s, std::int64_t id)
{
    const PersonInfo* p = s.person(id);
    return p ? p->name + " <" + p->email + ">" : "person #" + std::to_string(id);
}

} // namespace steward::rule_text
