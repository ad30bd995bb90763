// The plugins of one running program: loaded once, synchronised into its database, and kept
// loaded for as long as the program may use what they offer.
//
// A plugin's objects must not outlive its library, so the runtime owns the PluginHost and lives
// as long as its user (Session owns one). The rules it hands out also keep their own library
// loaded, so they stay valid even if a caller holds on to them longer.
#pragma once

#include "plugins/plugin_sync.h"
#include "plugins/pluginhost.h"

#include <steward/export.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace steward {

class Database;

class STEWARD_CORE_API PluginRuntime {
public:
    // Discovers and loads the plugins `options` finds, except those the database records as
    // disabled, and synchronises them into `db`. The built-in catalogue's keys are added to
    // `options`. A plugin whose content the database refuses is reported as failed and offers
    // nothing, like any other broken plugin.
    PluginRuntime(Database& db, PluginHostOptions options = {});
    // A runtime without plugins, for programs told not to load any.
    PluginRuntime();
    ~PluginRuntime();
    PluginRuntime(const PluginRuntime&) = delete;
    PluginRuntime& operator=(const PluginRuntime&) = delete;

    // Every plugin file found, in discovery order, with its state after loading and syncing.
    const std::vector<PluginRecord>& records() const { return m_records; }
    const PluginRecord* record(std::string_view id) const;
    // Content and rules of the active plugins, in load order.
    std::vector<PluginContent> contents() const;
    std::vector<std::shared_ptr<const Rule>> rules() const;
    const PluginSyncReport& syncReport() const { return m_syncReport; }
    // Whether this program published its plugins' content (an administrator's login, or the
    // database's owner); when not, how its plugins differ from what the server publishes.
    bool published() const { return m_published; }
    const std::vector<PluginDifference>& differences() const { return m_differences; }

    // `options` with the built-in catalogue's role and responsibility keys, which plugins may
    // not reuse and which checklist items may name.
    static PluginHostOptions withBuiltinKeys(PluginHostOptions options);
    // Ids of the plugins the user switched off.
    static std::set<std::string> disabledIds(Database& db);
    // Records the user's choice; it takes effect the next time plugins are loaded. A plugin not
    // yet in the database is looked up among the plugin files `options` finds (without running
    // any of its code). Throws NotFound for an unknown id, and a Conflict when
    // `expectedVersion` is given and the plugin's row is no longer at it.
    static void setEnabled(Database& db, const std::string& id, bool enabled,
                           const PluginHostOptions& options = {},
                           std::optional<int> expectedVersion = std::nullopt);

private:
    bool isActive(const std::string& id) const;

    std::unique_ptr<PluginHost> m_host;
    std::vector<PluginRecord> m_records;
    PluginSyncReport m_syncReport;
    bool m_published = false;
    std::vector<PluginDifference> m_differences;
};

} // namespace steward
