// What every screen works on: the database connection, the loaded plugins and the coverage rules
// in force (the core rules plus the plugins'). Owned by the application; screens hold a reference.
#pragma once

#include <steward/staffing.h>

#include <QString>

#include <memory>
#include <vector>

namespace steward {
class Database;
class CoverageService;
class PluginRuntime;
} // namespace steward

namespace steward::gui {

class Workspace {
public:
    // `plugins` (may be null: no plugins) must outlive the workspace.
    explicit Workspace(Database& db, PluginRuntime* plugins = nullptr);

    Database& db() const { return m_db; }
    PluginRuntime* plugins() const { return m_plugins; }
    // A coverage check with every rule in force.
    CoverageService coverage() const;

private:
    Database& m_db;
    PluginRuntime* m_plugins;
    std::vector<std::shared_ptr<const Rule>> m_pluginRules;
};

} // namespace steward::gui
