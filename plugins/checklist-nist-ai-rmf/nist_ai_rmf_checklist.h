// Content of the NIST AI RMF 1.0 checklist pack, kept apart from the plugin glue so tests can
// inspect it without loading a library.
#pragma once

#include <steward/checklist.h>

namespace steward {

// The 19 categories of the AI RMF Core as sections and its 72 subcategories as items, with
// NIST's identifiers and statements verbatim. Applies to every project.
ChecklistSpec nistAiRmfChecklist();

} // namespace steward
