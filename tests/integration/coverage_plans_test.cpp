// Keeps the coverage check's plans honest: every statement the organisation-wide check and the
// one-project check run, on the medium generated organisation, is planned by PostgreSQL without a
// sequential scan of a table that grows with the organisation (RACI entries, assignments, people,
// history). The plans are the executed ones, as auto_explain reports them to the session, not
// EXPLAIN of a copy of the SQL, so a statement added later is held to the same rule.
#include "catalog/catalog_sync.h"
#include "database_fixture.h"
#include "db/database.h"
#include "demo/demo_generator.h"
#include "plugins/pluginhost.h"
#include "services/coverage_service.h"
#include "test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <set>
#include <string>
#include <vector>

namespace steward {
namespace {

const QDate kReferenceDay(2026, 1, 1);

// The plans auto_explain sends as LOG messages while the check runs.
std::vector<std::string>* g_messages = nullptr;
void collect(void*, const char* message)
{
    if (g_messages)
        g_messages->emplace_back(message);
}

// Relations read by a sequential scan anywhere in a JSON plan.
void seqScans(const QJsonObject& node, std::set<std::string>& out)
{
    if (node.value(QStringLiteral("Node Type")).toString() == QLatin1String("Seq Scan"))
        out.insert(node.value(QStringLiteral("Relation Name")).toString().toStdString());
    for (const QJsonValue child : node.value(QStringLiteral("Plans")).toArray())
        seqScans(child.toObject(), out);
}

class CoveragePlans : public DatabaseTest {};

TEST_F(CoveragePlans, NoCoverageStatementScansALargeTable)
{
    PluginHostOptions options;
    options.searchStandardLocations = false;
    options.searchEnvironment = false;
    options.directories = {QStringLiteral(STEWARD_TEST_PLUGIN_DIR)};
    PluginHost host(options);
    host.discover();
    host.loadAll();
    for (const PluginContent& content : host.contents())
        if (!content.roles.empty())
            CatalogSync(db()).syncPack(QString::fromStdString(content.pluginId),
                                       QString::fromStdString(content.pluginName),
                                       QString::fromStdString(content.pluginVersion),
                                       content.roles);
    DemoGenerator::generate(db(), GeneratedSize::Medium, 1);
    executeSql(conninfo(), QStringLiteral("VACUUM ANALYZE")); // as autovacuum soon would

    // A session of its own, so the settings stay there.
    Database check(conninfo(), QStringLiteral("plans"));
    std::vector<std::string> messages;
    g_messages = &messages;
    PQsetNoticeProcessor(check.native(), collect, nullptr);
    for (const char* setting :
         {"LOAD 'auto_explain'", "SET auto_explain.log_min_duration = 0",
          "SET auto_explain.log_nested_statements = on", "SET auto_explain.log_format = json",
          "SET client_min_messages = log"})
        check.exec(QString::fromLatin1(setting));

    CoverageService service(check, host.rules());
    const CoverageReport all = service.checkAll(kReferenceDay);
    EXPECT_GT(all.findings.size(), 100u);
    const std::size_t orgWide = messages.size();
    service.checkProject(QString::fromStdString(all.projectKeys.front()), kReferenceDay);
    g_messages = nullptr;
    ASSERT_GT(orgWide, 20u) << "auto_explain reported no plans";
    ASSERT_GT(messages.size(), orgWide);

    const std::set<std::string> large = {"raci_entry", "assignment", "person", "history"};
    int plans = 0;
    for (const std::string& message : messages) {
        const auto start = message.find('{');
        if (start == std::string::npos)
            continue;
        const QJsonObject report =
            QJsonDocument::fromJson(QByteArray::fromStdString(message.substr(start))).object();
        const QJsonObject plan = report.value(QStringLiteral("Plan")).toObject();
        if (plan.isEmpty())
            continue;
        ++plans;
        std::set<std::string> scanned;
        seqScans(plan, scanned);
        for (const std::string& table : scanned)
            EXPECT_FALSE(large.count(table))
                << "a sequential scan of " << table << " in:\n"
                << report.value(QStringLiteral("Query Text")).toString().toStdString();
    }
    EXPECT_GT(plans, 20);
}

} // namespace
} // namespace steward
