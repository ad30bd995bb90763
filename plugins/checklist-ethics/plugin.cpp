#include "ethics_checklist.h"

#include <steward/plugin.h>

namespace {

class EthicsPlugin final : public steward::Plugin {
public:
    std::vector<steward::ChecklistSpec> checklists() const override
    {
        return {steward::ethicsChecklist()};
    }
};

} // namespace

STEWARD_PLUGIN(
    EthicsPlugin, "ethics", "1.0.0", "AI ethics audit checklist", "Steward project",
    "Audit checklist for AI ethics: bias, transparency, ethical risks, guidelines, legal "
    "and data protection, security, governance, legal change and team education")
