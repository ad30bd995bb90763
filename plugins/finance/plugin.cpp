// The finance role pack as a loadable plugin; the content lives in finance_pack.cpp.
#include "finance_pack.h"

#include <steward/plugin.h>

namespace {

class FinancePlugin final : public steward::Plugin {
public:
    std::vector<steward::RoleSpec> roles() const override
    {
        return steward::finance::financeRoles();
    }
    std::vector<std::shared_ptr<const steward::Rule>> rules() const override
    {
        return steward::finance::financeRules();
    }
};

} // namespace

STEWARD_PLUGIN(FinancePlugin, steward::finance::kPluginId, "1.0.0", "Finance AI role pack",
               "Steward project",
               "The finance AI specialist and model-risk roles (model owner, developer, "
               "independent validator, compliance officer), with rules for independent model "
               "validation and compliance accountability on trading and credit projects.")
