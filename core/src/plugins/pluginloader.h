// Loading one plugin file: reading its descriptor, calling its factory and collecting its content,
// with every plugin call guarded. Internal to the plugin host.
#pragma once

#include "plugins/pluginhost.h"

#include <steward/plugin.h>

#include <boost/dll/shared_library.hpp>

#include <memory>
#include <optional>
#include <string>

namespace steward::plugins {

// Everything handed out from a plugin holds one of these, so the library is unloaded only after
// the last object from it is gone.
using LibraryHandle = std::shared_ptr<const boost::dll::shared_library>;

// Opens the file and checks its descriptor (ABI, id, version, supported Steward versions),
// copying the descriptor into `record`. Returns the library when the plugin may be created;
// otherwise marks `record` Failed and returns null. Runs no plugin code beyond the library's
// static initialisers.
LibraryHandle openPlugin(PluginRecord& record);

struct Instance {
    std::shared_ptr<const Plugin> plugin; // keeps the library loaded
    PluginContent content;
    std::vector<std::shared_ptr<const PluginRule>> rules;
};

// Calls the factory, then roles(), checklists() and rules() (and each rule's key() and
// description()). On any exception or a null result marks `record` Failed and returns nullopt;
// the exception is handled while the library is still loaded.
std::optional<Instance> instantiate(PluginRecord& record, const LibraryHandle& library);

// Marks the record Failed with the reason, one sentence. A failed plugin contributes nothing,
// whatever it declared before it failed: listing its roles or checklists would suggest they are
// available.
void fail(PluginRecord& record, const std::string& message);

// Whether `text` is "MAJOR.MINOR.PATCH" with decimal numbers.
bool isVersion(std::string_view text);
// Whether `text` is lower-case letters and digits, in words joined by single '-'.
bool isSlug(std::string_view text);

} // namespace steward::plugins
