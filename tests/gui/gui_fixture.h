// Shared by the widget tests: a fresh test database holding the demo organisation, a connection
// to it and the workspace the screens work on; and the main() every widget test program uses.
#pragma once

#include "app/translations.h"
#include "common/workspace.h"
#include "database_fixture.h"
#include "db/database.h"
#include "demo/demo_organisation.h"
#include "plugins/plugin_runtime.h"
#include "test_support.h"

#include <QApplication>
#include <QDate>
#include <QLocale>
#include <QSqlQuery>
#include <QTest>

#include <memory>

namespace steward::gui {

// Whether the world has plugins: the demo's audits need the bundled checklist plugins, and the
// role packs' rules take part in coverage only when they are loaded.
enum class DemoPlugins { None, Bundled };

// One test's world: the demo organisation in its own database. `actor` is what the history
// records as the author of changes; a person's e-mail makes them the acting person.
class DemoWorkspace {
public:
    explicit DemoWorkspace(const QString& actor = QStringLiteral("tester"),
                           DemoPlugins plugins = DemoPlugins::None)
        : m_testDb(std::make_unique<TestDatabase>())
        , m_db(std::make_unique<Database>(m_testDb->conninfo(), actor))
    {
        // Plugins first: loading synchronises their checklists, which the demo's audits use.
        if (plugins == DemoPlugins::Bundled)
            m_plugins = std::make_unique<PluginRuntime>(*m_db, bundledPluginsOnly());
        DemoOrganisation::load(*m_db, QDate::currentDate());
        m_workspace = std::make_unique<Workspace>(*m_db, m_plugins.get());
    }
    ~DemoWorkspace()
    {
        m_workspace.reset();
        m_plugins.reset();
        m_db.reset();
        m_testDb.reset();
    }

    // The plugins built with the tests, not those installed on the machine or on the path.
    static PluginHostOptions bundledPluginsOnly()
    {
        PluginHostOptions options;
        options.searchStandardLocations = false;
        options.searchEnvironment = false;
        options.directories = {QStringLiteral(STEWARD_TEST_PLUGIN_DIR)};
        return options;
    }

    PluginRuntime* plugins() { return m_plugins.get(); }
    TestDatabase& testDatabase() { return *m_testDb; }
    Database& db() { return *m_db; }
    Workspace& workspace() { return *m_workspace; }

    // A single value from a query, for assertions.
    QVariant scalar(const QString& sql, const QVariantList& params = {})
    {
        QSqlQuery q = m_db->exec(sql, params);
        return q.next() ? q.value(0) : QVariant();
    }
    int count(const QString& sql, const QVariantList& params = {})
    {
        return scalar(sql, params).toInt();
    }

private:
    std::unique_ptr<TestDatabase> m_testDb;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PluginRuntime> m_plugins;
    std::unique_ptr<Workspace> m_workspace;
};

// Runs a QtTest class offscreen against the test cluster, which it shuts down afterwards.
template <class TestClass>
int runGuiTest(int argc, char** argv, const char* name)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Steward tests"));
    QApplication::setApplicationName(QString::fromLatin1(name));
    // As steward-gui does: texts with counts read "1 audit", "2 audits".
    installTranslations(app, QLocale(QLocale::English));
    steward::useMigratedTemplate();
    TestClass test;
    const int failures = QTest::qExec(&test, argc, argv);
    steward::TestCluster::shutdown();
    return failures;
}

} // namespace steward::gui

#define STEWARD_GUI_TEST_MAIN(TestClass)                                                           \
    int main(int argc, char** argv)                                                                \
    {                                                                                              \
        return steward::gui::runGuiTest<TestClass>(argc, argv, #TestClass);                        \
    }
