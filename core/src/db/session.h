// Opens the database a Steward program works on, in the documented order of choice:
//   1. an explicit connection string (the CLI's --database URI, the GUI's connection dialog),
//   2. the STEWARD_DATABASE environment variable,
//   3. the embedded cluster in the user's data folder, started on demand.
// Then checks the schema: a database newer than the program is refused; an embedded database is
// migrated automatically; a configured server must be migrated on purpose (`steward db migrate`).
#pragma once

#include <steward/export.h>

#include <QString>

#include <memory>

namespace steward {

class Database;
class EmbeddedCluster;
class PluginRuntime;

class STEWARD_CORE_API Session {
public:
    struct Options {
        QString database;         // explicit conninfo or URI; empty: see above
        QString actor;            // who is making changes; empty: the OS user
        QString clusterDirectory; // embedded cluster location; empty:
                                  // EmbeddedCluster::defaultDirectory()
        bool checkSchema = true;  // false for `steward db ...`, which manages the schema itself
        bool loadPlugins = true;  // false: plugins() offers none and the database is left as is
    };

    explicit Session(Options options);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    Database& db() { return *m_db; }
    bool isEmbedded() const { return m_cluster != nullptr; }
    EmbeddedCluster* cluster() { return m_cluster.get(); }
    // Where the connection came from: "--database", "STEWARD_DATABASE" or "embedded cluster in
    // DIR".
    QString origin() const { return m_origin; }

    // The plugins, loaded and synchronised into the database once the schema is checked; they stay
    // loaded for the life of the session. Without a schema check, on first use.
    PluginRuntime& plugins();

    // The environment variables that choose the database and the plugins, as --help and the
    // manual pages of every Steward program describe them.
    static QString environmentHelp();

    // Applies pending migrations and brings the built-in catalogue up to date. Returns how many
    // migrations were applied.
    int migrate();

private:
    std::unique_ptr<EmbeddedCluster> m_cluster; // declared first: outlives the connection
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PluginRuntime> m_plugins;
    QString m_origin;
    bool m_loadPlugins = true;
};

} // namespace steward
