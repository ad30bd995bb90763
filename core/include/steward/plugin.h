// The plugin SDK: what a Steward plugin exports and implements.
//
// A plugin is a shared library that exports two symbols with BOOST_DLL_ALIAS (use the
// STEWARD_PLUGIN macro below):
//   steward_plugin_descriptor  a PluginDescriptor, plain data the host checks before anything else
//   steward_plugin_create      a factory returning the Plugin object
#pragma once

#include <steward/catalog.h>
#include <steward/checklist.h>
#include <steward/export.h>
#include <steward/staffing.h>

#include <boost/dll/alias.hpp>

#include <memory>
#include <string>
#include <vector>

namespace steward {

// Bumped whenever a type in this SDK changes layout or meaning.
inline constexpr int kPluginAbiVersion = 1;

// Plain data only: the host reads it without running plugin code.
struct PluginDescriptor {
    int abiVersion;                 // must equal kPluginAbiVersion of the host
    const char* id;                 // stable, lower-case, e.g. "finance"
    const char* version;            // the plugin's own version, "MAJOR.MINOR.PATCH"
    const char* name;               // shown to people
    const char* vendor;
    const char* description;
    const char* minStewardVersion;  // inclusive, "MAJOR.MINOR.PATCH"
    const char* maxStewardVersion;  // exclusive upper bound, or nullptr for none
    const char* const* required;    // ids of plugins this one needs, nullptr-terminated, or nullptr
};

class STEWARD_INTERFACE Plugin {
public:
    virtual ~Plugin();
    virtual std::vector<RoleSpec> roles() const;
    virtual std::vector<std::shared_ptr<const Rule>> rules() const;
    virtual std::vector<ChecklistSpec> checklists() const;
};

using PluginFactory = std::unique_ptr<Plugin>();

} // namespace steward

// Exports a plugin. Use once, at namespace scope, in one source file of the plugin:
//   STEWARD_PLUGIN(MyPlugin, "my-plugin", "1.0.0", "My plugin", "Example Ltd", "What it adds")
#define STEWARD_PLUGIN_WITH_REQUIRES(Class, Id, Version, Name, Vendor, Description, Requires)       \
    namespace steward_plugin_export {                                                             \
    extern "C" const ::steward::PluginDescriptor steward_plugin_descriptor_v = {                  \
        ::steward::kPluginAbiVersion,                                                             \
        Id,                                                                                       \
        Version,                                                                                  \
        Name,                                                                                     \
        Vendor,                                                                                   \
        Description,                                                                              \
        STEWARD_SDK_MIN_VERSION,                                                                  \
        nullptr,                                                                                  \
        Requires};                                                                                \
    inline std::unique_ptr<::steward::Plugin> create() { return std::make_unique<Class>(); }     \
    }                                                                                             \
    BOOST_DLL_ALIAS(steward_plugin_export::steward_plugin_descriptor_v, steward_plugin_descriptor) \
    BOOST_DLL_ALIAS(steward_plugin_export::create, steward_plugin_create)

#define STEWARD_PLUGIN(Class, Id, Version, Name, Vendor, Description)                             \
    STEWARD_PLUGIN_WITH_REQUIRES(Class, Id, Version, Name, Vendor, Description, nullptr)
