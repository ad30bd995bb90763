#include "coverage/core_rules.h"

#include "coverage/rule_text.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace steward {
namespace {

using rule_text::isoDate;
using rule_text::personLabel;

std::string personEmail(const ProjectStaffing& s, std::int64_t id)
{
    const PersonInfo* p = s.person(id);
    return p ? p->email : std::to_string(id);
}

Finding makeFinding(const ProjectStaffing& s, const char* code, Severity severity,
                    std::string subject, std::string message, std::string remedy)
{
    return Finding{
        code,  severity, s.project.key, std::move(subject), std::move(message), std::move(remedy),
        "core"};
}

// Required responsibilities: exactly one Accountable, at least one Responsible; and never two
// Accountable people for any responsibility.
class RaciShapeRule final : public Rule {
public:
    std::string key() const override { return "raci-shape"; }
    std::string description() const override
    {
        return "Every responsibility the project must cover has exactly one Accountable and at "
               "least one Responsible person.";
    }
    std::vector<Finding> check(const ProjectStaffing& s) const override
    {
        std::vector<Finding> findings;
        for (const ResponsibilityInfo& r : s.responsibilities) {
            const auto accountable = s.raciHolders(r.key, RaciKind::Accountable);
            if (accountable.size() > 1) {
                std::string names;
                for (std::int64_t id : accountable)
                    names += (names.empty() ? "" : ", ") + personLabel(s, id);
                findings.push_back(makeFinding(
                    s, coverage_code::MultipleAccountable, Severity::Error, r.key,
                    "\"" + r.text + "\" has " + std::to_string(accountable.size()) +
                        " Accountable people (" + names + "); exactly one is allowed.",
                    "Keep one Accountable person and make the others Responsible or Consulted."));
            }
            if (!r.required)
                continue;
            if (accountable.empty())
                findings.push_back(
                    makeFinding(s, coverage_code::NoAccountable, Severity::Error, r.key,
                                "Nobody is Accountable for \"" + r.text + "\" (" + r.roleKey + ").",
                                "Make one person who holds the " + r.roleKey + " role on " +
                                    s.project.key + " Accountable for it."));
            if (s.raciHolders(r.key, RaciKind::Responsible).empty())
                findings.push_back(
                    makeFinding(s, coverage_code::NoResponsible, Severity::Error, r.key,
                                "Nobody is Responsible for \"" + r.text + "\" (" + r.roleKey + ").",
                                "Make at least one person who holds the " + r.roleKey +
                                    " role on " + s.project.key + " Responsible for it."));
        }
        return findings;
    }
};

// Responsible and Accountable people do the work or answer for it, so they must hold the role
// the responsibility belongs to. Consulted and Informed people are, by design, often outside it.
class RaciRoleRule final : public Rule {
public:
    std::string key() const override { return "raci-role"; }
    std::string description() const override
    {
        return "Responsible and Accountable people hold the responsibility's role on the project.";
    }
    std::vector<Finding> check(const ProjectStaffing& s) const override
    {
        std::vector<Finding> findings;
        for (const RaciInfo& e : s.raci) {
            if (e.kind != RaciKind::Responsible && e.kind != RaciKind::Accountable)
                continue;
            const ResponsibilityInfo* r = s.responsibility(e.responsibilityKey);
            if (!r)
                continue;
            const auto holders = s.holdersOf(r->roleKey);
            if (std::find(holders.begin(), holders.end(), e.personId) != holders.end())
                continue;
            const std::string kind =
                e.kind == RaciKind::Accountable ? "Accountable" : "Responsible";
            findings.push_back(makeFinding(
                s, coverage_code::RaciWithoutRole, Severity::Warning, personEmail(s, e.personId),
                personLabel(s, e.personId) + " is " + kind + " for \"" + r->text +
                    "\" but does not hold the " + r->roleKey + " role on " + s.project.key +
                    " on " + isoDate(s.asOf) + ".",
                "Assign " + personEmail(s, e.personId) + " to the " + r->roleKey +
                    " role on the project, or give the entry to someone who holds it."));
        }
        return findings;
    }
};

// People whose concurrent assignments (on this and other projects) add up to more than 100 %.
class AllocationRule final : public Rule {
public:
    std::string key() const override { return "allocation"; }
    std::string description() const override
    {
        return "Nobody on the project is allocated above 100 % across overlapping assignments.";
    }
    std::vector<Finding> check(const ProjectStaffing& s) const override
    {
        std::vector<Finding> findings;
        std::set<std::int64_t> people;
        for (const AssignmentInfo& a : s.assignments)
            people.insert(a.personId);
        for (std::int64_t person : people) {
            std::vector<const AssignmentInfo*> mine;
            for (const auto* list : {&s.assignments, &s.otherAssignments})
                for (const AssignmentInfo& a : *list)
                    if (a.personId == person && (!a.to || *a.to >= s.asOf))
                        mine.push_back(&a);
            // The load only changes where an assignment starts, so the peak is at a start date.
            int peak = 0;
            Date peakDate{};
            std::vector<const AssignmentInfo*> peakSet;
            for (const AssignmentInfo* candidate : mine) {
                const Date at = std::max(candidate->from, s.asOf);
                int load = 0;
                std::vector<const AssignmentInfo*> active;
                for (const AssignmentInfo* a : mine)
                    if (a->coversDate(at)) {
                        load += a->allocationPercent;
                        active.push_back(a);
                    }
                if (load > peak) {
                    peak = load;
                    peakDate = at;
                    peakSet = active;
                }
            }
            if (peak <= 100)
                continue;
            // Report only when this project takes part in the overload.
            if (std::none_of(peakSet.begin(), peakSet.end(), [&](const AssignmentInfo* a) {
                    return a->projectKey == s.project.key;
                }))
                continue;
            std::string parts;
            for (const AssignmentInfo* a : peakSet)
                parts += (parts.empty() ? "" : ", ") + a->projectKey + " " + a->roleKey + " " +
                         std::to_string(a->allocationPercent) + " %";
            findings.push_back(makeFinding(
                s, coverage_code::OverAllocated, Severity::Warning, personEmail(s, person),
                personLabel(s, person) + " is allocated " + std::to_string(peak) + " % from " +
                    isoDate(peakDate) + " (" + parts + ").",
                "Lower an allocation, move an assignment's dates, or hand a role to someone "
                "else."));
        }
        return findings;
    }
};

class InactiveAssigneeRule final : public Rule {
public:
    std::string key() const override { return "inactive-assignee"; }
    std::string description() const override
    {
        return "No current or future assignment is held by an inactive person.";
    }
    std::vector<Finding> check(const ProjectStaffing& s) const override
    {
        std::vector<Finding> findings;
        for (const AssignmentInfo& a : s.assignments) {
            const PersonInfo* p = s.person(a.personId);
            if (!p || p->active || (a.to && *a.to < s.asOf))
                continue;
            findings.push_back(
                makeFinding(s, coverage_code::InactiveAssignee, Severity::Warning, p->email,
                            personLabel(s, a.personId) + " is inactive but still holds the " +
                                a.roleKey + " role on " + s.project.key + ".",
                            "End the assignment and give the role to an active person."));
        }
        return findings;
    }
};

} // namespace

std::vector<std::shared_ptr<const Rule>> coreCoverageRules()
{
    return {std::make_shared<RaciShapeRule>(),
            std::make_shared<RaciRoleRule>(),
            std::make_shared<AllocationRule>(),
            std::make_shared<InactiveAssigneeRule>(),
            qualifiedHoldersRule(),
            humanOversightRule()};
}

} // namespace steward
