// The plugin SDK: what a Steward plugin exports and implements.
//
// A plugin is a shared library (build it with steward_add_plugin from find_package(Steward)) that
// exports two symbols with BOOST_DLL_ALIAS; the STEWARD_PLUGIN macros below write both:
//   steward_plugin_descriptor  a PluginDescriptor, plain data the host checks before it runs any
//                              plugin code: ABI version, id, version, supported Steward versions
//   steward_plugin_create      the factory, called only once the descriptor has been accepted
//
// What the host checks, so that a plugin is accepted rather than reported as failed:
// - role keys are "<plugin id>.<name>" (e.g. "finance.model-validator"), unique, with a name and
//   a category; responsibility keys are "<role key>.<name>", unique, with text;
// - checklists have a unique key, a title and at least one item; item ids are unique within a
//   checklist; an item's role key names a built-in role, one of this plugin's roles or one of a
//   required plugin's roles;
// - rules have a non-empty key, unique within the plugin; findings they return are tagged with
//   the plugin id as their source.
// Any exception thrown by the factory, by roles(), rules() or checklists() marks the plugin failed
// with the exception's message; Steward carries on without it. An exception thrown by
// Rule::check fails only that check: the project gets a PLUGIN_RULE_FAILED finding (an error
// naming the plugin, the rule and the message, so the project is known not to be fully checked)
// and the plugin stays active for the other projects.
#pragma once

#include <steward/catalog.h>
#include <steward/checklist.h>
#include <steward/export.h>
#include <steward/staffing.h>
#include <steward/version.h>

#include <boost/dll/alias.hpp>

#include <memory>
#include <vector>

namespace steward {

// Bumped whenever a type in this SDK changes layout or meaning; the host refuses any other value.
// 2: PersonInfo gained orgUnit, title and qualifications; ProjectInfo gained ownerId;
//    ProjectStaffing gained qualificationRequirements; Plugin gained qualifications() and
//    qualificationRequirements().
// 3: RuleInputs gained qualifications.
inline constexpr int kPluginAbiVersion = 3;

// Plain data only: the host reads it without running plugin code. The first two members keep
// their type and position in every ABI version, so a host can name a plugin it refuses.
struct PluginDescriptor {
    int abiVersion;      // kPluginAbiVersion of the SDK the plugin was built with
    const char* id;      // stable, lower-case words joined by '-', e.g. "finance"
    const char* version; // the plugin's own version, "MAJOR.MINOR.PATCH"
    const char* name;    // shown to people
    const char* vendor;
    const char* description;
    const char* minStewardVersion; // inclusive, "MAJOR.MINOR.PATCH"
    const char* maxStewardVersion; // exclusive, or nullptr for "any later version"
    const char* const* required;   // ids of plugins this one needs, nullptr-terminated, or nullptr
};

// What a plugin contributes. Every call may happen more than once; return values, not views
// into the plugin's state. The object is destroyed before its library is unloaded.
class STEWARD_INTERFACE Plugin {
public:
    virtual ~Plugin();
    virtual std::vector<RoleSpec> roles() const;
    virtual std::vector<std::shared_ptr<const Rule>> rules() const;
    virtual std::vector<ChecklistSpec> checklists() const;
    // Trainings and certifications the plugin's roles need, and which roles or responsibilities
    // require which (the plugin's own or built-in ones, see steward/builtin_keys.h).
    virtual std::vector<QualificationSpec> qualifications() const;
    virtual std::vector<QualificationRequirementSpec> qualificationRequirements() const;
};

using PluginFactory = std::unique_ptr<Plugin>();

} // namespace steward

// clang-format off
// Exports a plugin. Use once, at global namespace scope, in one source file of the plugin, with
// string literals for the texts:
//   STEWARD_PLUGIN(acme::Plugin, "acme", "1.0.0", "Acme roles", "Acme Ltd", "What it adds")
// The plugin declares that it runs on this SDK's Steward MAJOR.MINOR and later.
#define STEWARD_PLUGIN(Class, Id, Version, Name, Vendor, Description)                             \
    STEWARD_PLUGIN_DETAIL_EXPORT(Class, Id, Version, Name, Vendor, Description,                   \
                                 STEWARD_SDK_MIN_VERSION, nullptr, nullptr)

// As STEWARD_PLUGIN, with the Steward versions the plugin supports: from MinVersion (inclusive;
// give STEWARD_SDK_MIN_VERSION or later, since the plugin uses this SDK) up to MaxVersion
// (exclusive; nullptr for any later version), each "MAJOR.MINOR.PATCH". A host outside the range
// refuses the plugin and says which versions it supports:
//   STEWARD_PLUGIN_FOR_VERSIONS(acme::Plugin, "acme", "1.0.0", "Acme", "Acme Ltd", "...",
//                               STEWARD_SDK_MIN_VERSION, "0.4.0")
#define STEWARD_PLUGIN_FOR_VERSIONS(Class, Id, Version, Name, Vendor, Description, MinVersion,   \
                                    MaxVersion)                                                   \
    STEWARD_PLUGIN_DETAIL_EXPORT(Class, Id, Version, Name, Vendor, Description, MinVersion,       \
                                 MaxVersion, nullptr)

// As STEWARD_PLUGIN, for a plugin that needs other plugins (e.g. a checklist naming their roles):
//   STEWARD_PLUGIN_REQUIRES(acme::Plugin, "acme", "1.0.0", "Acme", "Acme Ltd", "...", "finance")
// The host loads the required plugins first and fails this one if any of them is not active.
#define STEWARD_PLUGIN_REQUIRES(Class, Id, Version, Name, Vendor, Description, ...)               \
    namespace steward_plugin_export {                                                             \
    inline constexpr const char* requiredIds[] = {__VA_ARGS__, nullptr};                          \
    }                                                                                             \
    STEWARD_PLUGIN_DETAIL_EXPORT(Class, Id, Version, Name, Vendor, Description,                   \
                                 STEWARD_SDK_MIN_VERSION, nullptr, steward_plugin_export::requiredIds)

// Implementation detail of the macros above.
#define STEWARD_PLUGIN_DETAIL_EXPORT(Class, Id, Version, Name, Vendor, Description, MinVersion,  \
                                     MaxVersion, Requires)                                        \
    namespace steward_plugin_export {                                                             \
    inline constexpr ::steward::PluginDescriptor descriptor = {                                   \
        ::steward::kPluginAbiVersion,                                                             \
        Id,                                                                                       \
        Version,                                                                                  \
        Name,                                                                                     \
        Vendor,                                                                                   \
        Description,                                                                              \
        MinVersion,                                                                               \
        MaxVersion,                                                                               \
        Requires};                                                                                \
    inline std::unique_ptr<::steward::Plugin> create() { return std::make_unique<Class>(); }     \
    }                                                                                             \
    BOOST_DLL_ALIAS(steward_plugin_export::descriptor, steward_plugin_descriptor)                 \
    BOOST_DLL_ALIAS(steward_plugin_export::create, steward_plugin_create)
// clang-format on
