// The plugins that ship with Steward, found where the application finds them (the build tree's
// lib/steward/plugins, relative to the test program) and checked against the built-in catalogue.
#include "catalog/builtin_catalogue.h"
#include "plugins/pluginhost.h"

#include <QString>

#include <gtest/gtest.h>

namespace steward {
namespace {

TEST(BundledPlugins, AreAllActive)
{
    PluginHostOptions options;
    options.searchEnvironment = false;
    std::set<std::string> catalogueRoles;
    for (const RoleSpec& role : builtinRoles()) {
        catalogueRoles.insert(role.key);
        for (const ResponsibilitySpec& r : role.responsibilities)
            options.builtinResponsibilityKeys.insert(r.key);
    }
    options.builtinRoleKeys = catalogueRoles;

    PluginHost host(options);
    host.discover();
    host.loadAll();

    const QStringList expected = QStringLiteral(STEWARD_BUNDLED_PLUGINS).split(u',');
    for (const QString& name : expected) {
        const PluginRecord* record = nullptr;
        for (const PluginRecord& r : host.plugins())
            if (r.path.endsWith(QStringLiteral("/steward-plugin-") + name + QStringLiteral(".so")))
                record = &r;
        ASSERT_NE(record, nullptr) << "bundled plugin " << name.toStdString() << " not found";
        EXPECT_EQ(record->state, PluginState::Active)
            << name.toStdString() << ": " << record->error.toStdString();
    }
    EXPECT_EQ(host.contents().size(), static_cast<std::size_t>(expected.size()));
}

} // namespace
} // namespace steward
