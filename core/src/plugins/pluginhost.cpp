#include "plugins/pluginhost.h"

#include "plugins/contentvalidator.h"
#include "plugins/pluginloader.h"

#include <steward/builtin_keys.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <map>

#ifndef STEWARD_PLUGIN_RELATIVE_DIR
#define STEWARD_PLUGIN_RELATIVE_DIR "../lib/steward/plugins"
#endif

namespace steward {

using plugins::fail;
using plugins::Instance;
using plugins::LibraryHandle;

namespace {

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

QString executableDir()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    // Libraries and tests may run without a QCoreApplication.
    return QFileInfo(QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath())
        .absolutePath();
}

// The plugin files of one folder, by name, so discovery order does not depend on the file system.
QStringList pluginFilesIn(const QString& directory)
{
    QStringList files;
    const QDir dir(directory);
    const QStringList names = dir.entryList({QStringLiteral("steward-plugin-*.so")},
                                            QDir::Files | QDir::Readable, QDir::Name);
    for (const QString& name : names)
        files.append(dir.absoluteFilePath(name));
    return files;
}

void fillContributions(PluginRecord& record, const Instance& instance)
{
    for (const RoleSpec& role : instance.content.roles) {
        record.roleKeys.push_back(role.key);
        for (const ResponsibilitySpec& r : role.responsibilities)
            record.responsibilityKeys.push_back(r.key);
    }
    for (const auto& rule : instance.rules)
        record.ruleKeys.push_back(rule->key());
    for (const ChecklistSpec& c : instance.content.checklists)
        record.checklistKeys.push_back(c.key);
}

std::string malformedContent(const PluginRecord& record, const std::vector<std::string>& problems)
{
    constexpr std::size_t kShown = 5;
    std::string text = "plugin " + inQuotes(record.id) + " has malformed content: ";
    for (std::size_t i = 0; i < problems.size() && i < kShown; ++i)
        text += (i ? "; " : "") + problems[i];
    if (problems.size() > kShown)
        text += " (and " + std::to_string(problems.size() - kShown) + " more problems)";
    return text;
}

plugins::KeyRegistry builtinKeys(const PluginHostOptions& options)
{
    plugins::KeyRegistry registry;
    const std::string owner = "the built-in catalogue";
    if (options.builtinRoleKeys)
        for (const std::string& key : *options.builtinRoleKeys)
            registry.roles.emplace(key, owner);
    for (const std::string& key : options.builtinResponsibilityKeys)
        registry.responsibilities.emplace(key, owner);
    for (std::string_view key : builtin::qualifications::kAll)
        registry.qualifications.emplace(std::string(key), owner);
    return registry;
}

} // namespace

std::string_view toString(PluginState state)
{
    switch (state) {
    case PluginState::Found:
        return "found";
    case PluginState::Loaded:
        return "loaded";
    case PluginState::Active:
        return "active";
    case PluginState::Failed:
        return "failed";
    case PluginState::Disabled:
        return "disabled";
    }
    return "unknown";
}

struct PluginHost::Private {
    // What the host holds of one record. The instance, declared last, is destroyed before the
    // library it came from.
    struct Handle {
        LibraryHandle library;
        std::optional<Instance> instance;
    };

    PluginHostOptions options;
    std::vector<PluginRecord> records;
    std::vector<Handle> handles;        // parallel to records
    std::vector<std::size_t> loadOrder; // active records, requirements first

    void release(std::size_t i) { handles[i] = Handle{}; }
    std::vector<std::size_t> sortByRequirements();
    bool requirementsActive(std::size_t i, const std::map<std::string, std::size_t>& found);
    std::set<std::string>
    rolesOfRequirements(std::size_t i, const std::map<std::string, std::size_t>& found) const;
};

PluginHost::PluginHost(PluginHostOptions options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
}

PluginHost::~PluginHost() = default;

QStringList PluginHost::searchDirectories(const PluginHostOptions& options)
{
    QStringList dirs;
    auto add = [&dirs](const QString& dir) {
        const QString clean = QDir::cleanPath(QDir(dir).absolutePath());
        if (!dirs.contains(clean))
            dirs.append(clean);
    };
    for (const QString& dir : options.directories)
        add(dir);
    // The bundled plugins come before STEWARD_PLUGIN_PATH: a plugin id belongs to the first file
    // that declares it, so a library on someone's path cannot take over a bundled pack (and, by
    // the synchronisation, retire its roles in a shared database).
    if (options.searchStandardLocations) {
        const QDir exe(executableDir());
        // The build tree puts executables in bin/ and plugins in lib/steward/plugins; an
        // installation uses its own library folder (e.g. lib/x86_64-linux-gnu).
        add(exe.filePath(QStringLiteral("../lib/steward/plugins")));
        add(exe.filePath(QStringLiteral(STEWARD_PLUGIN_RELATIVE_DIR)));
    }
    if (options.searchEnvironment) {
        const QString env = qEnvironmentVariable("STEWARD_PLUGIN_PATH");
        for (const QString& dir : env.split(QLatin1Char(':'), Qt::SkipEmptyParts))
            add(dir);
    }
    return dirs;
}

void PluginHost::discover()
{
    d->records.clear();
    d->handles.clear();
    d->loadOrder.clear();

    QStringList files;
    QStringList seen; // canonical paths: a file reachable twice is still one plugin
    auto add = [&](const QString& file) {
        const QFileInfo info(file);
        const QString canonical = info.canonicalFilePath();
        const QString key = canonical.isEmpty() ? info.absoluteFilePath() : canonical;
        if (seen.contains(key))
            return;
        seen.append(key);
        files.append(info.absoluteFilePath());
    };
    for (const QString& file : d->options.files)
        add(file);
    for (const QString& dir : searchDirectories(d->options))
        for (const QString& file : pluginFilesIn(dir))
            add(file);

    std::map<std::string, std::size_t> firstWithId;
    for (const QString& file : files) {
        PluginRecord record;
        record.path = file;
        Private::Handle handle;
        handle.library = plugins::openPlugin(record);
        if (handle.library) {
            if (d->options.disabled.count(record.id)) {
                record.state = PluginState::Disabled;
                handle.library.reset();
            } else if (const auto it = firstWithId.find(record.id); it != firstWithId.end()) {
                fail(record, record.path.toStdString() + " declares the plugin id " +
                                 inQuotes(record.id) + ", which belongs to " +
                                 d->records[it->second].path.toStdString() +
                                 ", found first: this file is not loaded; remove it, or give it "
                                 "an id of its own");
                handle.library.reset();
            } else {
                record.state = PluginState::Found;
                firstWithId.emplace(record.id, d->records.size());
            }
        }
        d->records.push_back(std::move(record));
        d->handles.push_back(std::move(handle));
    }
}

// Depth-first over requirements: returns Found records with every requirement before the records
// that need it. Every member of a cycle is failed with the cycle spelt out from itself.
std::vector<std::size_t> PluginHost::Private::sortByRequirements()
{
    std::map<std::string, std::size_t> found;
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].state == PluginState::Found)
            found.emplace(records[i].id, i);

    enum class Mark { None, Visiting, Done };
    std::vector<Mark> mark(records.size(), Mark::None);
    std::vector<std::size_t> path;
    std::vector<std::size_t> order;

    auto visit = [&](auto& self, std::size_t i) -> void {
        mark[i] = Mark::Visiting;
        path.push_back(i);
        for (const std::string& required : records[i].requiredIds) {
            const auto it = found.find(required);
            if (it == found.end())
                continue; // reported when loading, with what became of it
            const std::size_t j = it->second;
            if (mark[j] == Mark::None) {
                self(self, j);
            } else if (mark[j] == Mark::Visiting) {
                const auto start = std::find(path.begin(), path.end(), j);
                const std::vector<std::size_t> cycle(start, path.end());
                for (std::size_t k = 0; k < cycle.size(); ++k) {
                    std::string text = "requirement cycle: ";
                    for (std::size_t step = 0; step <= cycle.size(); ++step)
                        text += (step ? " -> " : "") + records[cycle[(k + step) % cycle.size()]].id;
                    PluginRecord& member = records[cycle[k]];
                    if (member.state == PluginState::Found)
                        fail(member, "plugin " + inQuotes(member.id) + " is part of a " + text +
                                         ": remove one of these requirements");
                }
            }
        }
        path.pop_back();
        mark[i] = Mark::Done;
        order.push_back(i);
    };
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].state == PluginState::Found && mark[i] == Mark::None)
            visit(visit, i);
    return order;
}

bool PluginHost::Private::requirementsActive(std::size_t i,
                                             const std::map<std::string, std::size_t>& found)
{
    PluginRecord& record = records[i];
    for (const std::string& required : record.requiredIds) {
        const std::string head =
            "plugin " + inQuotes(record.id) + " requires plugin " + inQuotes(required) + ", which ";
        if (const auto it = found.find(required); it != found.end()) {
            if (records[it->second].state != PluginState::Active) {
                fail(record,
                     head + "failed to load: fix or remove " + inQuotes(required) + " first");
                return false;
            }
            continue;
        }
        const bool disabled =
            std::any_of(records.begin(), records.end(), [&](const PluginRecord& r) {
                return r.id == required && r.state == PluginState::Disabled;
            });
        const bool failed = std::any_of(records.begin(), records.end(), [&](const PluginRecord& r) {
            return r.id == required && r.state == PluginState::Failed;
        });
        if (disabled)
            fail(record, head + "is disabled: enable it or disable " + inQuotes(record.id));
        else if (failed)
            fail(record, head + "failed to load: fix or remove " + inQuotes(required) + " first");
        else
            fail(record, head + "is not installed: install it or remove " + inQuotes(record.id));
        return false;
    }
    return true;
}

std::set<std::string>
PluginHost::Private::rolesOfRequirements(std::size_t i,
                                         const std::map<std::string, std::size_t>& found) const
{
    std::set<std::string> roles;
    std::vector<std::size_t> pending{i};
    std::set<std::size_t> visited;
    while (!pending.empty()) {
        const std::size_t k = pending.back();
        pending.pop_back();
        if (!visited.insert(k).second)
            continue;
        if (k != i && handles[k].instance)
            for (const RoleSpec& role : handles[k].instance->content.roles)
                roles.insert(role.key);
        for (const std::string& required : records[k].requiredIds)
            if (const auto it = found.find(required); it != found.end())
                pending.push_back(it->second);
    }
    return roles;
}

void PluginHost::loadAll()
{
    std::map<std::string, std::size_t> found;
    for (std::size_t i = 0; i < d->records.size(); ++i)
        if (d->records[i].state == PluginState::Found)
            found.emplace(d->records[i].id, i);

    plugins::KeyRegistry taken = builtinKeys(d->options);
    for (const std::size_t i : d->sortByRequirements()) {
        PluginRecord& record = d->records[i];
        if (record.state != PluginState::Found || !d->requirementsActive(i, found)) {
            d->release(i);
            continue;
        }
        std::optional<Instance> instance = plugins::instantiate(record, d->handles[i].library);
        if (!instance) {
            d->release(i);
            continue;
        }
        record.state = PluginState::Loaded;
        fillContributions(record, *instance);

        std::set<std::string> knownRoles;
        plugins::ValidationContext context;
        context.taken = &taken;
        if (d->options.builtinRoleKeys) {
            knownRoles = d->rolesOfRequirements(i, found);
            knownRoles.insert(d->options.builtinRoleKeys->begin(),
                              d->options.builtinRoleKeys->end());
            context.knownRoles = &knownRoles;
        }
        const std::vector<std::string> problems =
            plugins::validateContent(record.id, instance->content, record.ruleKeys, context);
        if (!problems.empty()) {
            fail(record, malformedContent(record, problems));
            instance.reset();
            d->release(i);
            continue;
        }
        taken.add(instance->content);
        record.state = PluginState::Active;
        d->handles[i].instance = std::move(instance);
        d->loadOrder.push_back(i);
    }
}

const std::vector<PluginRecord>& PluginHost::plugins() const
{
    return d->records;
}

const PluginRecord* PluginHost::plugin(std::string_view id) const
{
    const PluginRecord* first = nullptr;
    for (const PluginRecord& r : d->records) {
        if (r.id != id)
            continue;
        if (r.state == PluginState::Active)
            return &r;
        if (!first)
            first = &r;
    }
    return first;
}

std::vector<PluginContent> PluginHost::contents() const
{
    std::vector<PluginContent> result;
    for (const std::size_t i : d->loadOrder)
        result.push_back(d->handles[i].instance->content);
    return result;
}

std::vector<RoleSpec> PluginHost::roles() const
{
    std::vector<RoleSpec> result;
    for (const std::size_t i : d->loadOrder) {
        const auto& roles = d->handles[i].instance->content.roles;
        result.insert(result.end(), roles.begin(), roles.end());
    }
    return result;
}

std::vector<ChecklistSpec> PluginHost::checklists() const
{
    std::vector<ChecklistSpec> result;
    for (const std::size_t i : d->loadOrder) {
        const auto& checklists = d->handles[i].instance->content.checklists;
        result.insert(result.end(), checklists.begin(), checklists.end());
    }
    return result;
}

std::vector<std::shared_ptr<const Rule>> PluginHost::rules() const
{
    std::vector<std::shared_ptr<const Rule>> result;
    for (const std::size_t i : d->loadOrder)
        for (const auto& rule : d->handles[i].instance->rules)
            result.push_back(rule);
    return result;
}

std::vector<std::string> PluginHost::clashes(const PluginRecord& checked,
                                             const PluginHostOptions& options)
{
    PluginHost installed(options);
    installed.discover();
    installed.loadAll();
    const QString self = QFileInfo(checked.path).canonicalFilePath();
    std::vector<std::string> found;
    for (const PluginRecord& other : installed.plugins()) {
        if (other.id.empty() || QFileInfo(other.path).canonicalFilePath() == self)
            continue;
        if (other.id == checked.id) {
            found.push_back("the plugin id " + inQuotes(checked.id) + " is already taken by " +
                            other.path.toStdString() +
                            ": installed beside it, this file would not be loaded");
            continue;
        }
        for (const std::string& role : checked.roleKeys)
            if (std::find(other.roleKeys.begin(), other.roleKeys.end(), role) !=
                other.roleKeys.end())
                found.push_back("the role " + inQuotes(role) + " is also declared by plugin " +
                                inQuotes(other.id) + " (" + other.path.toStdString() + ")");
    }
    return found;
}

PluginRecord PluginHost::check(const QString& path, const PluginHostOptions& options)
{
    PluginRecord record;
    record.path = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo(path).isFile()) {
        fail(record, inQuotes(path.toStdString()) + " is not a file");
        return record;
    }
    const LibraryHandle library = plugins::openPlugin(record);
    if (!library)
        return record;
    const std::optional<Instance> instance = plugins::instantiate(record, library);
    if (!instance)
        return record;
    record.state = PluginState::Loaded;
    fillContributions(record, *instance);

    const plugins::KeyRegistry taken = builtinKeys(options);
    plugins::ValidationContext context;
    context.taken = &taken;
    if (options.builtinRoleKeys)
        context.knownRoles = &*options.builtinRoleKeys;
    context.uncheckedRolePlugins = record.requiredIds;
    const std::vector<std::string> problems =
        plugins::validateContent(record.id, instance->content, record.ruleKeys, context);
    if (!problems.empty())
        fail(record, malformedContent(record, problems));
    return record;
}

} // namespace steward
