// Content of the AI ethics audit checklist pack, kept apart from the plugin glue so tests can
// inspect it without loading a library.
#pragma once

#include <steward/checklist.h>

namespace steward {

// An AI ethics audit built from the responsibilities of the AI ethicist and the AI risk and
// governance specialist. Applies to every project.
ChecklistSpec ethicsChecklist();

} // namespace steward
