#include "plugins/plugin_runtime.h"

#include "catalog/builtin_catalogue.h"
#include "db/database.h"
#include "domain/records.h"
#include "error.h"
#include "services/row_version.h"

#include <QSqlQuery>

namespace steward {

PluginRuntime::PluginRuntime() = default;

PluginRuntime::PluginRuntime(Database& db, PluginHostOptions options)
{
    options = withBuiltinKeys(std::move(options));
    const std::set<std::string> disabled = disabledIds(db);
    options.disabled.insert(disabled.begin(), disabled.end());
    m_host = std::make_unique<PluginHost>(std::move(options));
    m_host->discover();
    m_host->loadAll();
    m_records = m_host->plugins();
    // Recording plugins is an administrator's task (sql/0004): a viewer's or manager's session uses
    // what an administrator's last start stored rather than failing to write it.
    QSqlQuery mayRecord =
        db.exec(QStringLiteral("SELECT has_table_privilege('plugin', 'INSERT, UPDATE')"));
    m_published = mayRecord.next() && mayRecord.value(0).toBool();
    if (m_published)
        m_syncReport = PluginSync(db).sync(*m_host);
    else
        m_differences = PluginSync(db).differences(*m_host);
    // The database refused some plugin's content: that plugin offers nothing, as if it had failed
    // to load, so that rules never run over roles the database does not have.
    for (const PluginSyncEntry& entry : m_syncReport.plugins) {
        if (entry.error.isEmpty())
            continue;
        for (PluginRecord& record : m_records)
            if (record.id == entry.pluginId && record.state == PluginState::Active) {
                record.state = PluginState::Failed;
                record.error =
                    QStringLiteral("its content could not be stored: %1").arg(entry.error);
            }
    }
}

PluginRuntime::~PluginRuntime() = default;

const PluginRecord* PluginRuntime::record(std::string_view id) const
{
    // Prefer the plugin that holds the id over a later file that repeats it.
    const PluginRecord* found = nullptr;
    for (const PluginRecord& r : m_records)
        if (r.id == id && (!found || found->state == PluginState::Failed))
            found = &r;
    return found;
}

bool PluginRuntime::isActive(const std::string& id) const
{
    const PluginRecord* r = record(id);
    return r && r->state == PluginState::Active;
}

std::vector<PluginContent> PluginRuntime::contents() const
{
    std::vector<PluginContent> result;
    if (!m_host)
        return result;
    for (PluginContent& content : m_host->contents())
        if (isActive(content.pluginId))
            result.push_back(std::move(content));
    return result;
}

std::vector<std::shared_ptr<const Rule>> PluginRuntime::rules() const
{
    std::vector<std::shared_ptr<const Rule>> result;
    if (!m_host)
        return result;
    for (std::shared_ptr<const Rule>& rule : m_host->rules()) {
        const auto* pluginRule = dynamic_cast<const PluginRule*>(rule.get());
        if (pluginRule && isActive(pluginRule->pluginId()))
            result.push_back(std::move(rule));
    }
    return result;
}

PluginHostOptions PluginRuntime::withBuiltinKeys(PluginHostOptions options)
{
    std::set<std::string> roles;
    for (const RoleSpec& role : builtinRoles()) {
        roles.insert(role.key);
        for (const ResponsibilitySpec& r : role.responsibilities)
            options.builtinResponsibilityKeys.insert(r.key);
    }
    options.builtinRoleKeys = std::move(roles);
    return options;
}

std::set<std::string> PluginRuntime::disabledIds(Database& db)
{
    std::set<std::string> ids;
    QSqlQuery q = db.exec(QStringLiteral("SELECT id FROM plugin WHERE NOT enabled"));
    while (q.next())
        ids.insert(q.value(0).toString().toStdString());
    return ids;
}

void PluginRuntime::setEnabled(Database& db, const std::string& id, bool enabled,
                               const PluginHostOptions& options, std::optional<int> expectedVersion)
{
    const QString key = qs(id);
    Transaction tx(db);
    requireVersion(db, QStringLiteral("plugin"), QStringLiteral("id"), key, expectedVersion,
                   QStringLiteral("plugin %1").arg(key));
    // Disabling shows at once in the stored state; enabling waits for the next load to say
    // whether the plugin actually works.
    QSqlQuery q =
        db.exec(QStringLiteral("UPDATE plugin SET enabled = ?, state = CASE WHEN ? THEN "
                               "CASE WHEN state = 'disabled' THEN 'found' ELSE state END "
                               "ELSE 'disabled' END, error = CASE WHEN ? THEN error ELSE '' END "
                               "WHERE id = ?"),
                {enabled, enabled, enabled, key});
    if (q.numRowsAffected() > 0) {
        tx.commit();
        return;
    }

    // Discovery reads descriptors only; no factory runs, so even a plugin that crashes when
    // loaded can be switched off before it ever is.
    PluginHost host(options);
    host.discover();
    const PluginRecord* record = host.plugin(id);
    if (!record)
        throw notFoundError(
            QStringLiteral("there is no plugin %1 (see `steward plugins list`)").arg(key));
    db.exec(QStringLiteral("INSERT INTO plugin (id, plugin_version, name, vendor, path, enabled, "
                           "state) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {key, qs(record->version), qs(record->name), qs(record->vendor), record->path, enabled,
             enabled ? QStringLiteral("found") : QStringLiteral("disabled")});
    tx.commit();
}

} // namespace steward
