// The plugin host: finds plugin files, checks what they declare, loads them in dependency order
// and hands out their validated content. Plugins are untrusted: every problem a plugin causes ends
// up in its PluginRecord as a state and a sentence, and the other plugins carry on.
#pragma once

#include <steward/catalog.h>
#include <steward/checklist.h>
#include <steward/export.h>
#include <steward/staffing.h>

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace steward {

enum class PluginState {
    Found,    // its descriptor was read and accepted; nothing of it has run yet
    Loaded,   // its factory ran and its content is valid (PluginHost::check stops here)
    Active,   // loaded and its content is offered to the rest of Steward
    Failed,   // refused or broken: PluginRecord::error says why
    Disabled, // switched off by the user; its factory is never called
};

STEWARD_CORE_API std::string_view toString(PluginState state); // "found", "loaded", ...

// Everything known about one plugin file. A value: it owns copies of the descriptor's texts and
// never points into the library.
struct PluginRecord {
    QString path; // absolute path of the plugin file
    PluginState state = PluginState::Found;
    QString error; // why it failed, one sentence; empty unless Failed

    // From the descriptor; empty when it could not be read.
    int abiVersion = 0;
    std::string id;
    std::string version;
    std::string name;
    std::string vendor;
    std::string description;
    std::string minStewardVersion;
    std::string maxStewardVersion; // empty: no upper bound
    std::vector<std::string> requiredIds;

    // What it contributes, once loaded; empty for a failed plugin.
    std::vector<std::string> roleKeys;
    std::vector<std::string> responsibilityKeys;
    std::vector<std::string> ruleKeys;
    std::vector<std::string> checklistKeys;
};

// The validated content of one active plugin, ready to be synchronised into the database.
struct PluginContent {
    std::string pluginId;
    std::string pluginVersion;
    std::string pluginName;
    std::vector<RoleSpec> roles;
    std::vector<ChecklistSpec> checklists;
    std::vector<QualificationSpec> qualifications;
    std::vector<QualificationRequirementSpec> qualificationRequirements;
};

// A rule handed out by the host. It keeps its plugin's library loaded for as long as it lives,
// turns an exception from the plugin into an error finding, and stamps findings with the plugin id.
class STEWARD_CORE_API PluginRule : public Rule {
public:
    virtual const std::string& pluginId() const = 0;
    // What the plugin's rule declared it reads (a ScopedRule), asked once when it was loaded.
    virtual const std::optional<RuleInputs>& inputs() const = 0;
};

struct PluginHostOptions {
    // Look in <executable dir>/../lib/steward/plugins (the build tree) and in the installed
    // plugin folder relative to the executable: the bundled plugins.
    bool searchStandardLocations = true;
    // Look in every folder of STEWARD_PLUGIN_PATH (':'-separated), after the bundled plugins.
    bool searchEnvironment = true;
    // Further folders and single plugin files, searched before everything else (a caller's own
    // explicit choice, as in tests).
    QStringList directories;
    QStringList files;
    // Ids of plugins the user switched off.
    std::set<std::string> disabled;
    // Keys of the built-in catalogue; a plugin may not reuse them. When builtinRoleKeys is set,
    // checklist items must name a known role; when it is not, their role keys are not checked.
    std::optional<std::set<std::string>> builtinRoleKeys;
    std::set<std::string> builtinResponsibilityKeys;
};

class STEWARD_CORE_API PluginHost {
public:
    explicit PluginHost(PluginHostOptions options = {});
    ~PluginHost();
    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    // Finds plugin files (steward-plugin-*.so) and reads their descriptors. A plugin id belongs
    // to the first file that declares it, in this order: explicit files and folders, the build
    // tree, the installed folder, STEWARD_PLUGIN_PATH; a later file with the same id is Failed,
    // naming both files.
    void discover();
    // Loads every Found plugin, requirements first, and activates those whose content is valid.
    void loadAll();

    // In discovery order.
    const std::vector<PluginRecord>& plugins() const;
    const PluginRecord* plugin(std::string_view id) const;

    // Content of the active plugins, in load order (a plugin after the plugins it requires).
    std::vector<PluginContent> contents() const;
    std::vector<RoleSpec> roles() const;
    std::vector<ChecklistSpec> checklists() const;
    // Each is a PluginRule and may outlive the host.
    std::vector<std::shared_ptr<const Rule>> rules() const;

    // The folders discover() searches with these options, existing or not.
    static QStringList searchDirectories(const PluginHostOptions& options);

    // Validates one plugin file on its own: descriptor, factory and content. Nothing is kept
    // loaded. The result is Loaded when the plugin is sound, Failed otherwise. Requirements are
    // listed but not resolved.
    static PluginRecord check(const QString& path, const PluginHostOptions& options = {});
    // What would go wrong if the checked plugin were installed beside the plugins these options
    // find (the bundled ones and STEWARD_PLUGIN_PATH): its id or a role key already taken by
    // another file. One sentence per clash, naming that file.
    static std::vector<std::string> clashes(const PluginRecord& checked,
                                            const PluginHostOptions& options = {});

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace steward
