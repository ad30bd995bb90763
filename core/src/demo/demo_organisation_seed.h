// The demo organisation's content, as the loader (demo_organisation.cpp) reads it. Internal to the
// core library.
//
// The data is a table per kind (people, projects, assignments, RACI exceptions) so that a reader
// sees the organisation at a glance. RACI entries are not listed one by one: for every
// responsibility a project must cover, the loader makes the first current holder of its role
// Accountable and every current holder Responsible, exactly as a diligent project manager would,
// and then applies the few listed exceptions that make the intended gaps. That keeps the demo
// complete when the catalogue gains a required responsibility, instead of growing a gap nobody
// meant.
#pragma once

#include <steward/domain.h>

#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace steward::demo_seed {

// A person's address in the demo's domain, from its local part.
QString email(const char* local);
QString text(const char* s);

struct PersonSeed {
    const char* local; // e-mail local part
    const char* name;
    const char* orgUnit;
    const char* title;
};

const std::vector<PersonSeed>& people();

// The local parts of the people who have left; they are made inactive after the staffing.
std::span<const char* const> leavers();

struct ProjectSeed {
    const char* key;
    const char* name;
    const char* description;
    Industry industry;
    RiskTier riskTier;
    ProjectStage stage;
    ProjectStatus status;
    AiActRole aiActRole;
    const char* tags; // comma-separated
    const char* owner;
    int startOffset; // days from today
    std::optional<int> endOffset;
};

const std::vector<ProjectSeed>& projects();

struct AssignmentSeed {
    const char* project;
    const char* person;
    const char* role;
    int fromOffset; // days from today
    std::optional<int> toOffset;
    int allocation;
};

const std::vector<AssignmentSeed>& assignments();

// A letter the loader would normally give but leaves out on purpose.
struct Omission {
    const char* project;
    const char* responsibility;
    RaciKind kind;
};

std::span<const Omission> omissions();

// Letters beyond the generated ones: Consulted and Informed people, accountability for duties the
// catalogue leaves optional but a pack rule asks for, and one deliberate mistake.
struct RaciSeed {
    const char* project;
    const char* responsibility;
    const char* person;
    RaciKind kind;
};

const std::vector<RaciSeed>& raciExtras();

} // namespace steward::demo_seed
