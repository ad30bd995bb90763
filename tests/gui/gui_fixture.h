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

// One test's world: the demo organisation in its own database. `actor` is what the history
// records as the author of changes; a person's e-mail makes them the acting person.
class DemoWorkspace {
public:
    explicit DemoWorkspace(const QString& actor = QStringLiteral("tester"),
                           PluginRuntime* plugins = nullptr)
        : m_testDb(std::make_unique<TestDatabase>())
        , m_db(std::make_unique<Database>(m_testDb->conninfo(), actor))
    {
        DemoOrganisation::load(*m_db, QDate::currentDate());
        m_workspace = std::make_unique<Workspace>(*m_db, plugins);
    }
    ~DemoWorkspace()
    {
        m_workspace.reset();
        m_db.reset();
        m_testDb.reset();
    }

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
