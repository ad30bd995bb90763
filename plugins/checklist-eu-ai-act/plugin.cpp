#include "eu_ai_act_checklist.h"

#include <steward/plugin.h>

namespace {

class EuAiActPlugin final : public steward::Plugin {
public:
    std::vector<steward::ChecklistSpec> checklists() const override
    {
        return {steward::euAiActChecklist()};
    }
};

} // namespace

STEWARD_PLUGIN(EuAiActPlugin, "eu-ai-act", "1.0.0", "EU AI Act checklist", "Steward project",
               "Audit checklist of Regulation (EU) 2024/1689: obligations for providers and "
               "deployers of high-risk AI systems, AI literacy and transparency")
