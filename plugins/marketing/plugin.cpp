// The marketing role pack as a loadable plugin; the content lives in marketing_pack.cpp.
#include "marketing_pack.h"

#include <steward/plugin.h>

namespace {

class MarketingPlugin final : public steward::Plugin {
public:
    std::vector<steward::RoleSpec> roles() const override
    {
        return steward::marketing::marketingRoles();
    }
    std::vector<std::shared_ptr<const steward::Rule>> rules() const override
    {
        return steward::marketing::marketingRules();
    }
};

} // namespace

STEWARD_PLUGIN(MarketingPlugin, steward::marketing::kPluginId, "1.0.0", "Marketing AI role pack",
               "Steward project",
               "The marketing AI specialist and the roles for personalisation and customer data "
               "(personalisation lead, consent and preference manager, customer data privacy "
               "owner), with rules for consent accountability and a named privacy owner.")
