// What every role pack's rules and catalogue need and used to copy: the active holders of a role,
// how a person is named in a finding, building findings and responsibility keys. Header-only, so
// using it adds nothing to a plugin's binary interface.
#pragma once

#include <steward/catalog.h>
#include <steward/staffing.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace steward {

// "<role>.<duty>": how a responsibility's key is built from its role's.
inline std::string responsibilityKey(std::string_view roleKey, std::string_view duty)
{
    std::string key(roleKey);
    key += '.';
    key += duty;
    return key;
}

// A responsibility of `roleKey` for a pack's catalogue.
inline ResponsibilitySpec responsibility(std::string_view roleKey, std::string_view duty,
                                         LifecycleStage stage, std::string text,
                                         bool required = false)
{
    return ResponsibilitySpec{responsibilityKey(roleKey, duty), std::move(text), stage, required};
}

// Whether the snapshot knows the person and they have not left the organisation.
inline bool isActivePerson(const ProjectStaffing& s, std::int64_t id)
{
    const PersonInfo* p = s.person(id);
    return p != nullptr && p->active;
}

// Holders of a role on the snapshot date who are still active: someone who has left cannot hold a
// duty the rule asks for.
inline std::vector<std::int64_t> activeHolders(const ProjectStaffing& s, std::string_view roleKey)
{
    std::vector<std::int64_t> ids = s.holdersOf(roleKey);
    std::erase_if(ids, [&](std::int64_t id) { return !isActivePerson(s, id); });
    return ids;
}

// Whether the person holds any role on the project on the snapshot date: a RACI entry outlives the
// assignment behind it.
inline bool isOnProject(const ProjectStaffing& s, std::int64_t id)
{
    return isActivePerson(s, id) &&
           std::any_of(s.assignments.begin(), s.assignments.end(), [&](const AssignmentInfo& a) {
               return a.personId == id && a.coversDate(s.asOf);
           });
}

// "Ada Lovelace (ada@example.org)" for a message; "person #12" when the snapshot lacks them.
inline std::string describePerson(const ProjectStaffing& s, std::int64_t id)
{
    if (const PersonInfo* p = s.person(id))
        return p->name + " (" + p->email + ")";
    return "person #" + std::to_string(id);
}

// The person's e-mail as a finding's subject (what the GUI links to).
inline std::string personSubject(const ProjectStaffing& s, std::int64_t id)
{
    if (const PersonInfo* p = s.person(id))
        return p->email;
    return "person #" + std::to_string(id);
}

// "a", "a and b", "a, b and c".
inline std::string joinWithAnd(const std::vector<std::string>& parts)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += i + 1 == parts.size() ? " and " : ", ";
        out += parts[i];
    }
    return out;
}

// "Responsible", "Accountable", "Consulted", "Informed".
inline std::string_view raciWord(RaciKind kind)
{
    switch (kind) {
    case RaciKind::Responsible:
        return "Responsible";
    case RaciKind::Accountable:
        return "Accountable";
    case RaciKind::Consulted:
        return "Consulted";
    case RaciKind::Informed:
        return "Informed";
    }
    return "?";
}

// The role a responsibility belongs to: from the snapshot, or its key ("<role>.<duty>").
inline std::string roleOfResponsibility(const ProjectStaffing& s,
                                        std::string_view responsibilityKey)
{
    if (const ResponsibilityInfo* r = s.responsibility(responsibilityKey))
        return r->roleKey;
    return std::string(responsibilityKey.substr(0, responsibilityKey.rfind('.')));
}

// Whether a requirement binds whoever holds `roleKey` on the project (the organisation's, the
// role's, and the project's own for that role or any).
inline bool requirementBindsRole(const QualificationRequirementInfo& r, std::string_view roleKey)
{
    return r.responsibilityKey.empty() && (r.roleKey.empty() || r.roleKey == roleKey);
}

// Whether a requirement binds whoever is Responsible or Accountable for a responsibility: its own,
// and those of its role.
inline bool requirementBindsDuty(const ProjectStaffing& s, const QualificationRequirementInfo& r,
                                 std::string_view responsibilityKey)
{
    if (!r.responsibilityKey.empty())
        return r.responsibilityKey == responsibilityKey;
    return requirementBindsRole(r, roleOfResponsibility(s, responsibilityKey));
}

// Whether the person holds, valid on the snapshot date, every qualification that being
// Responsible or Accountable for the responsibility requires.
inline bool qualifiedForDuty(const ProjectStaffing& s, std::int64_t personId,
                             std::string_view responsibilityKey)
{
    const PersonInfo* p = s.person(personId);
    if (p == nullptr)
        return false;
    return std::all_of(s.qualificationRequirements.begin(), s.qualificationRequirements.end(),
                       [&](const QualificationRequirementInfo& r) {
                           return !requirementBindsDuty(s, r, responsibilityKey) ||
                                  p->holdsQualification(r.qualificationKey);
                       });
}

// A finding on the snapshot's project, from `source` (the plugin's id).
inline Finding makeFinding(const ProjectStaffing& s, std::string_view source, std::string_view code,
                           Severity severity, std::string subject, std::string message,
                           std::string remedy)
{
    return Finding{.code = std::string(code),
                   .severity = severity,
                   .projectKey = s.project.key,
                   .subject = std::move(subject),
                   .message = std::move(message),
                   .remedy = std::move(remedy),
                   .source = std::string(source)};
}

} // namespace steward
