// Checks a plugin's content before it is activated, so that what reaches the database and the
// rest of Steward is well-formed and never clashes with the catalogue or another plugin.
// Internal to the plugin host.
#pragma once

#include "plugins/pluginhost.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace steward::plugins {

// Keys already in use, each with who uses it ("the built-in catalogue", "plugin 'finance'").
struct KeyRegistry {
    std::map<std::string, std::string> roles;
    std::map<std::string, std::string> responsibilities;
    std::map<std::string, std::string> checklists;
    std::map<std::string, std::string> qualifications;

    void add(const PluginContent& content);
};

struct ValidationContext {
    const KeyRegistry* taken = nullptr;
    // Roles a checklist item may name besides the plugin's own; null: item roles are not checked.
    const std::set<std::string>* knownRoles = nullptr;
    // Item roles under these plugin ids ("finance." ...) are accepted unchecked: used when a
    // plugin is checked on its own and the plugins it requires are not loaded.
    std::vector<std::string> uncheckedRolePlugins;
};

// Every problem found, each naming the key and what is wrong; empty when the content is valid.
std::vector<std::string> validateContent(const std::string& pluginId, const PluginContent& content,
                                         const std::vector<std::string>& ruleKeys,
                                         const ValidationContext& context);

} // namespace steward::plugins
