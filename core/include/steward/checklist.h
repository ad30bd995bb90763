// Audit checklist content, as checklist-pack plugins declare it.
#pragma once

#include <steward/domain.h>

#include <string>
#include <vector>

namespace steward {

// Which projects an item applies to. An empty list means "any".
struct Applicability {
    std::vector<RiskTier> riskTiers;
    std::vector<AiActRole> actors;
    std::vector<Industry> industries;
};

struct ChecklistItem {
    std::string id;               // stable within the checklist, e.g. "GOVERN 1.1", "Art. 9(2)"
    std::string text;             // the question or statement, exact where a framework is quoted
    std::string guidance;         // how an auditor assesses it
    std::string expectedEvidence; // what evidence usually proves it
    std::string roleKey;          // role that usually answers it, e.g. "data-engineer"
    std::string reference;        // citation: article and paragraph, framework section
    Applicability applies;
};

struct ChecklistSection {
    std::string id;
    std::string title;
    std::string description;
    std::vector<ChecklistItem> items;
};

struct ChecklistSpec {
    std::string key;       // stable, e.g. "nist-ai-rmf"
    std::string title;     // "NIST AI Risk Management Framework 1.0"
    std::string framework; // "NIST AI RMF"
    std::string version;   // the framework's version, e.g. "1.0"
    std::string source;    // citation of the source text
    std::string licence;   // licence note for the quoted text
    std::vector<ChecklistSection> sections;
};

} // namespace steward
