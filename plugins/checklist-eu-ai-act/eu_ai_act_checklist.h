// Content of the EU AI Act checklist pack, kept apart from the plugin glue so tests can inspect
// it without loading a library.
#pragma once

#include <steward/checklist.h>

namespace steward {

// Obligations of Regulation (EU) 2024/1689 as adopted (OJ text of 12 July 2024) for providers
// and deployers of high-risk AI systems (Articles 9-15, 17, 26, 27, 72, 73), AI literacy
// (Article 4) and transparency for certain AI systems (Article 50). One section per article,
// one item per paragraph (or point) that carries its own obligation, each with an applicability
// rule by risk tier and actor.
ChecklistSpec euAiActChecklist();

} // namespace steward
