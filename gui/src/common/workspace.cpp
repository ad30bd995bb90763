#include "common/workspace.h"

#include "services/coverage_service.h"

namespace steward::gui {

Workspace::Workspace(Database& db, std::vector<std::shared_ptr<const Rule>> pluginRules)
    : m_db(db)
    , m_pluginRules(std::move(pluginRules))
{
}

CoverageService Workspace::coverage() const
{
    return CoverageService(m_db, m_pluginRules);
}

} // namespace steward::gui
