// Stores what the plugins declare in the database: a `plugin` row per plugin, and for each active
// plugin its roles (through CatalogSync) and its checklists, published as immutable versions.
//
// Each plugin is synchronised in its own transaction, so one plugin whose content the database
// refuses (a role key another pack owns, say) is rolled back and marked failed on its own.
//
// What is deliberately left alone:
// - A failed, disabled or missing plugin keeps its roles and checklists as they are. A failure may
//   be transient (a library that does not load after an upgrade), and retiring its roles would
//   take them off every project's offer until it loads again. Only an active plugin that no
//   longer declares a role retires it.
// - A plugin that stops shipping a checklist keeps it in the database: audits may refer to it.
#pragma once

#include "catalog/catalog_sync.h"
#include "plugins/pluginhost.h"

#include <steward/export.h>

#include <QString>

#include <string>
#include <vector>

namespace steward {

class Database;

struct PluginSyncEntry {
    std::string pluginId;
    // The plugin row was written: something about the plugin changed since the last sync.
    bool recorded = false;
    // Its content (roles, checklists) was synchronised; false on a warm start.
    bool contentSynced = false;
    CatalogSyncResult roles;
    int checklistVersionsPublished = 0;
    // Why its content could not be stored; the plugin is then recorded as failed.
    QString error;
};

struct STEWARD_CORE_API PluginSyncReport {
    std::vector<PluginSyncEntry> plugins; // those with an id, in discovery order
    bool wroteAnything() const;
    const PluginSyncEntry* entry(std::string_view pluginId) const;
};

// How one plugin here differs from what the server publishes, for a client that may not publish.
struct PluginDifference {
    std::string pluginId;
    QString description; // a sentence: what differs, and how
};

class STEWARD_CORE_API PluginSync {
public:
    explicit PluginSync(Database& db);

    // Records every plugin the host knows and synchronises the content of the active ones.
    PluginSyncReport sync(const PluginHost& host);
    // The same from plain values: `contents` holds the content of the Active records.
    PluginSyncReport sync(const std::vector<PluginRecord>& records,
                          const std::vector<PluginContent>& contents);

    // Writes nothing: how the plugins loaded here differ from what the database publishes (a
    // plugin not published there, another version or content, one published there but not
    // installed here). For clients that use the published content but may not change it.
    std::vector<PluginDifference> differences(const PluginHost& host);

private:
    Database& m_db;
};

// SHA-256 in hex over everything a plugin synchronises (its name, version, roles and checklists).
// Equal hashes mean there is nothing to write.
STEWARD_CORE_API QString pluginContentHash(const PluginContent& content);
// SHA-256 in hex over one checklist's content; a new hash publishes a new checklist version.
STEWARD_CORE_API QString checklistContentHash(const ChecklistSpec& checklist);

} // namespace steward
