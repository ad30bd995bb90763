#include "common/workspace.h"

#include "plugins/plugin_runtime.h"
#include "services/coverage_service.h"

namespace steward::gui {

Workspace::Workspace(Database& db, PluginRuntime* plugins)
    : m_db(db)
    , m_plugins(plugins)
{
    if (m_plugins)
        m_pluginRules = m_plugins->rules();
}

CoverageService Workspace::coverage() const
{
    return CoverageService(m_db, m_pluginRules);
}

} // namespace steward::gui
