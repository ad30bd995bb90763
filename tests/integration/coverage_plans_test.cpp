// Keeps the benchmarked statements' plans honest: every statement the organisation-wide check,
// the one-project check, the People directory's pages (first, a jump, the next, the last) and an
// audit's report read run, on the medium generated organisation, is planned by PostgreSQL without
// a sequential scan of a table that grows with the organisation (RACI entries, assignments,
// people, history). The plans are the executed ones, as auto_explain
// reports them to the session, not EXPLAIN of a copy of the SQL, so a statement added later is
// held to the same rule.
#include "assessed_audit.h"
#include "audit/audit_service.h"
#include "database_fixture.h"
#include "db/database.h"
#include "demo/demo_generator.h"
#include "plugins/plugin_sync.h"
#include "plugins/pluginhost.h"
#include "services/coverage_service.h"
#include "services/person_pages.h"
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

TEST_F(CoveragePlans, NoBenchmarkedStatementScansALargeTable)
{
    PluginHostOptions options;
    options.searchStandardLocations = false;
    options.searchEnvironment = false;
    options.directories = {QStringLiteral(STEWARD_TEST_PLUGIN_DIR)};
    PluginHost host(options);
    host.discover();
    host.loadAll();
    PluginSync(db()).sync(host); // the role packs, and the checklist an audit needs
    DemoGenerator::generate(db(), GeneratedSize::Medium, 1);
    QSqlQuery audited = db().exec(QStringLiteral(
        "SELECT key FROM project WHERE status = 'active' ORDER BY risk_tier = 'high' DESC, key "
        "LIMIT 1"));
    ASSERT_TRUE(audited.next());
    const qint64 auditId = createAssessedAudit(db(), audited.value(0).toString(),
                                               QStringLiteral("eu-ai-act"), kReferenceDay);
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
    const std::size_t coverage = messages.size();

    // The People screen's pages in the orders its indexes serve (sql/0005). Sorting by org unit
    // is not among them: its key is in the joined table, so every page sorts all the people.
    for (PersonOrder order : {PersonOrder::Name, PersonOrder::Email, PersonOrder::Title}) {
        PersonFilter filter;
        filter.orderBy = order;
        const qint64 people = PersonService(check).count(filter);
        const PersonPages pages(check, filter, people);
        const std::vector<PersonPageRow> first = pages.read({}, false, 200);
        ASSERT_EQ(first.size(), 200u);
        const std::vector<PersonPageRow> middle = pages.read(
            {PersonSeek::From::Offset, {}, 0, true, static_cast<int>(people / 2)}, false, 200);
        ASSERT_EQ(middle.size(), 200u);
        const PersonPageRow& last = middle.back();
        EXPECT_EQ(
            pages.read({PersonSeek::From::Row, last.sortKey, last.person.id, false, 0}, false, 200)
                .size(),
            200u);
        EXPECT_EQ(pages.read({}, true, 200).back().person.id, PersonService(check)
                                                                  .list([&] {
                                                                      PersonFilter f = filter;
                                                                      f.descending = true;
                                                                      f.limit = 1;
                                                                      return f;
                                                                  }())
                                                                  .front()
                                                                  .id);
    }
    const std::size_t paging = messages.size();

    const AuditReportData report = AuditService(check, kReferenceDay).reportData(auditId);
    EXPECT_FALSE(report.findings.empty());
    g_messages = nullptr;
    ASSERT_GT(orgWide, 20u) << "auto_explain reported no plans";
    ASSERT_GT(coverage, orgWide);
    ASSERT_GT(paging, coverage);
    ASSERT_GT(messages.size(), paging);

    // The audit tables are not in it: one audit keeps them small here, and the planner rightly
    // reads a small table whole.
    const std::set<std::string> large = {"raci_entry",
                                         "assignment",
                                         "person",
                                         "history",
                                         "qualification_record",
                                         "qualification_gap",
                                         "qualification_gap_range"};
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
