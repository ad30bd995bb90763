#include "db/session.h"

#include "catalog/catalog_sync.h"
#include "db/database.h"
#include "db/embedded_cluster.h"
#include "db/migrator.h"
#include "error.h"
#include "plugins/plugin_runtime.h"

namespace steward {

Session::Session(Options options)
{
    QString conninfo = options.database;
    if (!conninfo.isEmpty()) {
        m_origin = QStringLiteral("--database");
    } else if (qEnvironmentVariableIsSet("STEWARD_DATABASE") &&
               !qEnvironmentVariableIsEmpty("STEWARD_DATABASE")) {
        conninfo = qEnvironmentVariable("STEWARD_DATABASE");
        m_origin = QStringLiteral("STEWARD_DATABASE");
    } else {
        const QString dir = options.clusterDirectory.isEmpty() ? EmbeddedCluster::defaultDirectory()
                                                               : options.clusterDirectory;
        m_cluster = std::make_unique<EmbeddedCluster>(dir);
        m_cluster->start();
        conninfo = m_cluster->conninfo();
        m_origin = QStringLiteral("embedded cluster in %1").arg(dir);
    }
    m_db = std::make_unique<Database>(conninfo, options.actor);
    m_loadPlugins = options.loadPlugins;
    if (!options.checkSchema)
        return;
    Migrator migrator(*m_db);
    migrator.ensureCompatible();
    if (migrator.needsMigration()) {
        if (!m_cluster)
            throw Error(
                ErrorKind::Conflict,
                QStringLiteral("the database %1 is at schema version %2 but this Steward needs "
                               "version %3: run `steward db migrate` first")
                    .arg(m_db->description())
                    .arg(migrator.currentVersion())
                    .arg(Migrator::latestKnownVersion()));
        migrate();
    }
    // Before any command runs, so that pack roles exist for whatever it does (loading the demo,
    // assigning people) and the plugin table says what was loaded.
    if (m_loadPlugins)
        plugins();
}

Session::~Session()
{
    m_plugins.reset();
    m_db.reset(); // close the connection before the cluster may stop
}

PluginRuntime& Session::plugins()
{
    if (!m_plugins)
        m_plugins = m_loadPlugins ? std::make_unique<PluginRuntime>(*m_db)
                                  : std::make_unique<PluginRuntime>();
    return *m_plugins;
}

QString Session::environmentHelp()
{
    return QStringLiteral(
        "Environment:\n"
        "  STEWARD_DATABASE     connection URI or conninfo of a shared PostgreSQL server; the\n"
        "                       PG* variables, service files and ~/.pgpass apply as for psql\n"
        "  STEWARD_CLUSTER      folder of the embedded cluster, used when no server is given\n"
        "                       (default ~/.local/share/steward/cluster; as root\n"
        "                       /var/lib/steward/cluster, run by the 'steward' system account)\n"
        "  STEWARD_PLUGIN_PATH  ':'-separated folders searched for plugins after the\n"
        "                       bundled ones (a plugin id belongs to the first file found)\n"
        "  STEWARD_PG_BINDIR    folder of the PostgreSQL server programs (initdb, pg_ctl) for\n"
        "                       the embedded cluster (default: the newest in "
        "/usr/lib/postgresql)\n");
}

int Session::migrate()
{
    const int applied = Migrator(*m_db).migrate();
    syncBuiltinCatalogue(*m_db);
    return applied;
}

} // namespace steward
