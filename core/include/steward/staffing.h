// A read-only snapshot of one project's staffing, and the findings that rules derive from it.
// Core coverage rules and plugin rules both work on this value type, so a rule can run on what
// is stored as well as on an edit that has not been saved yet.
#pragma once

#include <steward/domain.h>
#include <steward/export.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace steward {

using Date = std::chrono::year_month_day;

struct STEWARD_SDK_API ProjectInfo {
    std::int64_t id = 0;
    std::string key;
    std::string name;
    Industry industry = Industry::General;
    RiskTier riskTier = RiskTier::Minimal;
    ProjectStage stage = ProjectStage::Concept;
    ProjectStatus status = ProjectStatus::Proposed;
    AiActRole aiActRole = AiActRole::Deployer;
    // Free-form characteristics that rules key on, e.g. "patient-data", "clinical-use",
    // "credit-decision", "automated-trading", "personalisation", "churn-prediction",
    // "customer-data".
    std::vector<std::string> tags;
    // Who owns the project (accountable for it in the organisation), when one is named; the
    // owner is among the snapshot's people.
    std::optional<std::int64_t> ownerId;

    bool hasTag(std::string_view tag) const;
};

// A qualification (training, certification) a person holds on the snapshot date.
struct HeldQualification {
    std::string key;
    std::optional<Date>
        expiresOn; // the first day it is no longer valid; nullopt: it does not lapse
};

struct PersonInfo {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    bool active = true;
    std::string orgUnit; // the name of their organisational unit, "" when none
    std::string title;   // job title, "" when none recorded
    // The qualifications the person holds, valid on the snapshot date, sorted by key; for rules
    // on competence and independence.
    std::vector<HeldQualification> qualifications;

    const HeldQualification* qualification(std::string_view key) const
    {
        const auto it = std::lower_bound(
            qualifications.begin(), qualifications.end(), key,
            [](const HeldQualification& q, std::string_view k) { return q.key < k; });
        return it != qualifications.end() && it->key == key ? &*it : nullptr;
    }
    bool holdsQualification(std::string_view key) const { return qualification(key) != nullptr; }
};

// Something the project's people must hold: the organisation's (no role, no responsibility, not
// the project's own: everyone holding any role or Responsible or Accountable for anything), a
// role's (roleKey: everyone holding it or Responsible or Accountable for one of its
// responsibilities), a responsibility's (responsibilityKey: its Responsible and Accountable
// people), or the project's own (projectOwn: everyone holding roleKey on it, or any role when
// roleKey is "").
struct QualificationRequirementInfo {
    std::string qualificationKey;
    std::string qualificationName;
    std::string roleKey;
    std::string responsibilityKey;
    bool projectOwn = false;
};

struct STEWARD_SDK_API AssignmentInfo {
    std::int64_t id = 0;
    std::int64_t personId = 0;
    std::string projectKey;
    std::string roleKey;
    Date from{};
    std::optional<Date> to; // inclusive; nullopt = open-ended
    int allocationPercent = 0;

    bool coversDate(Date d) const;
};

struct ResponsibilityInfo {
    std::string key;
    std::string roleKey;
    std::string text;
    LifecycleStage stage = LifecycleStage::Build;
    bool required = false;
};

struct RaciInfo {
    std::int64_t personId = 0;
    std::string responsibilityKey;
    RaciKind kind = RaciKind::Responsible;
};

struct STEWARD_SDK_API ProjectStaffing {
    ProjectInfo project;
    Date asOf{};
    std::vector<PersonInfo> people;                   // everyone referenced below
    std::vector<AssignmentInfo> assignments;          // on this project
    std::vector<AssignmentInfo> otherAssignments;     // the same people's assignments elsewhere
    std::vector<ResponsibilityInfo> responsibilities; // every responsibility referenced or required
    std::vector<RaciInfo> raci;
    // Every requirement that applies on this project: the catalogue's for the roles and
    // responsibilities above, and the project's own; by qualification, then role, responsibility.
    std::vector<QualificationRequirementInfo> qualificationRequirements;

    const PersonInfo* person(std::int64_t id) const;
    const ResponsibilityInfo* responsibility(std::string_view key) const;
    // People holding `roleKey` on this project on the snapshot date.
    std::vector<std::int64_t> holdersOf(std::string_view roleKey) const;
    // Entries of one kind for one responsibility.
    std::vector<std::int64_t> raciHolders(std::string_view responsibilityKey, RaciKind kind) const;
};

struct Finding {
    std::string code; // stable, e.g. "NO_ACCOUNTABLE"; plugin codes are prefixed: "FINANCE_..."
    Severity severity = Severity::Warning;
    std::string projectKey;
    std::string subject; // what the finding is about: a responsibility key, a person's e-mail, ...
    std::string message; // one sentence a person can read
    std::string remedy;  // what to do about it
    std::string source;  // "core" or the plugin id that produced it
};

// A check over one project's staffing.
class STEWARD_INTERFACE Rule {
public:
    virtual ~Rule();
    virtual std::string key() const = 0;         // stable within its source
    virtual std::string description() const = 0; // what it checks, one sentence
    virtual std::vector<Finding> check(const ProjectStaffing& staffing) const = 0;
};

// What a rule reads of a project's staffing. The organisation-wide check then reads just that, for
// every project at once with a few set-based queries, instead of each project's whole staffing
// (a million RACI entries in a large organisation), and calls check() on these smaller snapshots.
struct RuleInputs {
    // The projects the rule can have findings on; empty means every industry.
    std::vector<Industry> industries;
    // Assignments of these roles on the project.
    std::vector<std::string> roles;
    // RACI entries for these responsibilities, and the responsibilities themselves.
    std::vector<std::string> responsibilities;
    // Each person's valid qualifications (PersonInfo::qualifications) and the requirements that
    // apply on the project (ProjectStaffing::qualificationRequirements): looking them up for every
    // person picked costs time, so only rules that read them ask.
    bool qualifications = false;
    // Always included besides: the project itself, every assignment on the project of each person
    // the above names, and those people. Nothing else: no other assignments, entries or people.
};

// A rule that declares what it reads. check() must give the same findings on a snapshot that holds
// at least its inputs as on the project's whole staffing. Rules that only implement Rule keep
// working: the organisation-wide check gives them every project's whole staffing, which is slower.
class STEWARD_INTERFACE ScopedRule : public Rule {
public:
    ~ScopedRule() override;
    virtual RuleInputs inputs() const = 0;
};

} // namespace steward
