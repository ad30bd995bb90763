// Role catalogue content: what the built-in catalogue and role-pack plugins declare.
#pragma once

#include <steward/domain.h>

#include <optional>
#include <string>
#include <vector>

namespace steward {

struct ResponsibilitySpec {
    std::string key;  // stable, unique across the catalogue, e.g. "ai-engineer.deploy-models"
    std::string text; // one sentence in the imperative: what the holder does
    LifecycleStage stage = LifecycleStage::Build;
    bool required = false; // every project the role applies to must cover it (one A, one R)
};

struct RoleSpec {
    std::string key;      // stable, e.g. "ai-engineer" or "healthcare.clinical-safety-officer"
    std::string name;     // "AI Engineer"
    std::string summary;  // one or two sentences
    std::string category; // engineering, data, research, operations, ethics-governance, management,
                          // advisory, domain
    // The industry whose projects need this role; nullopt for roles every project may need.
    std::optional<Industry> industry;
    std::vector<ResponsibilitySpec> responsibilities;
};

// A training or certification that roles can require, e.g. an AI-literacy course.
struct QualificationSpec {
    std::string key;      // stable, unique: "<plugin id>.<name>" for a plugin's
    std::string name;     // "Clinical safety for AI systems"
    std::string provider; // who delivers or certifies it, "" when anyone may
    std::string description;
    std::optional<int> validityMonths; // how long a completion counts; nullopt: for good
};

// That holding a role (or being Responsible or Accountable for one of its responsibilities), or
// being Responsible or Accountable for one responsibility, requires a qualification. Give exactly
// one of roleKey and responsibilityKey; keys name built-in or this plugin's (or a required
// plugin's) roles, responsibilities and qualifications.
struct QualificationRequirementSpec {
    std::string qualificationKey;
    std::string roleKey;
    std::string responsibilityKey;
};

} // namespace steward
