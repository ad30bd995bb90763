#include "nist_ai_rmf_checklist.h"

#include <steward/plugin.h>

namespace {

class NistAiRmfPlugin final : public steward::Plugin {
public:
    std::vector<steward::ChecklistSpec> checklists() const override
    {
        return {steward::nistAiRmfChecklist()};
    }
};

} // namespace

STEWARD_PLUGIN(NistAiRmfPlugin, "nist-ai-rmf", "1.0.0", "NIST AI RMF 1.0 checklist",
               "Steward project",
               "Audit checklist of the NIST AI Risk Management Framework 1.0 Core: 4 functions, "
               "19 categories, 72 subcategories")
