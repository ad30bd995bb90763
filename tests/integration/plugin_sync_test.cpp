// Plugin content in PostgreSQL: the bundled plugins, loaded from the build tree as the programs
// load them, synchronised idempotently; checklist versions published once and never changed;
// the user's choice to disable a plugin kept; a broken plugin failed on its own.
#include "database_fixture.h"
#include "domain/records.h"
#include "error.h"
#include "plugins/plugin_runtime.h"
#include "plugins/plugin_sync.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

namespace steward {
namespace {

const std::vector<std::string> kBundled = {"healthcare", "finance",     "marketing",
                                           "ethics",     "nist-ai-rmf", "eu-ai-act"};

// Only the bundled plugins of this build tree, whatever the environment says.
PluginHostOptions bundledOnly()
{
    PluginHostOptions options;
    options.searchStandardLocations = false;
    options.searchEnvironment = false;
    options.directories = {QStringLiteral(STEWARD_TEST_PLUGIN_DIR)};
    return options;
}

class PluginSyncTest : public DatabaseTest {
protected:
    qint64 count(const QString& sql, const QVariantList& params = {})
    {
        return scalar(sql, params).toLongLong();
    }
    qint64 historyRows() { return count(QStringLiteral("SELECT count(*) FROM history")); }
    qint64 checklistVersions(const QString& key)
    {
        return count(
            QStringLiteral("SELECT count(*) FROM checklist_version WHERE checklist_key = ?"),
            {key});
    }
    std::string states(const PluginRuntime& runtime)
    {
        std::string text;
        for (const PluginRecord& r : runtime.records())
            text += "  " + r.id + ": " + std::string(toString(r.state)) + " " +
                    r.error.toStdString() + "\n";
        return text;
    }
};

TEST_F(PluginSyncTest, AllBundledPluginsAreActiveAndStored)
{
    PluginRuntime runtime(db(), bundledOnly());
    for (const std::string& id : kBundled) {
        const PluginRecord* r = runtime.record(id);
        ASSERT_NE(r, nullptr) << id << " not found in " << STEWARD_TEST_PLUGIN_DIR;
        EXPECT_EQ(r->state, PluginState::Active) << id << ": " << r->error.toStdString();
        EXPECT_EQ(
            scalar(QStringLiteral("SELECT state FROM plugin WHERE id = ?"), {qs(id)}).toString(),
            QStringLiteral("active"))
            << id;
    }
    EXPECT_EQ(runtime.contents().size(), kBundled.size()) << states(runtime);
    EXPECT_FALSE(runtime.rules().empty());

    for (const char* pack : {"healthcare", "finance", "marketing"}) {
        EXPECT_GE(
            count(QStringLiteral("SELECT count(*) FROM role WHERE pack = ? AND retired_at IS NULL"),
                  {QString::fromLatin1(pack)}),
            2)
            << pack;
        EXPECT_EQ(
            count(QStringLiteral("SELECT count(*) FROM role WHERE pack = ? AND key NOT LIKE ?"),
                  {QString::fromLatin1(pack), QString::fromLatin1(pack) + QStringLiteral(".%")}),
            0);
    }
    // A checklist-only plugin is not a role pack.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM role_pack WHERE key IN ('ethics', "
                                   "'nist-ai-rmf', 'eu-ai-act')")),
              0);

    EXPECT_EQ(
        count(QStringLiteral(
            "SELECT count(*) FROM checklist_item i JOIN checklist c ON c.current_version_id = "
            "i.version_id WHERE c.key = 'nist-ai-rmf'")),
        72);
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM checklist_item i JOIN checklist c ON "
                             "c.current_version_id = i.version_id WHERE c.key = 'nist-ai-rmf' "
                             "AND i.item_id IN ('GOVERN 1.1', 'MANAGE 4.3')")),
        2);
    for (const char* key : {"eu-ai-act", "ethics"}) {
        EXPECT_EQ(checklistVersions(QString::fromLatin1(key)), 1) << key;
        EXPECT_GT(count(QStringLiteral("SELECT count(*) FROM checklist_item i JOIN checklist c ON "
                                       "c.current_version_id = i.version_id WHERE c.key = ?"),
                        {QString::fromLatin1(key)}),
                  5)
            << key;
    }
    EXPECT_EQ(scalar(QStringLiteral(
                         "SELECT label FROM checklist_version WHERE checklist_key = 'nist-ai-rmf'"))
                  .toString(),
              QStringLiteral("1.0 / plugin 1.0.0"));
    // Applicability is stored: the EU AI Act's high-risk obligations name their tier.
    EXPECT_GT(
        count(QStringLiteral("SELECT count(*) FROM checklist_item i JOIN checklist_version v ON "
                             "v.id = i.version_id WHERE v.checklist_key = 'eu-ai-act' AND "
                             "'high' = ANY(i.risk_tiers)")),
        0);
}

TEST_F(PluginSyncTest, SecondSyncWritesNothing)
{
    {
        PluginRuntime first(db(), bundledOnly());
    }
    const qint64 history = historyRows();
    const qint64 versions = count(QStringLiteral("SELECT count(*) FROM checklist_version"));
    const QVariant syncedAt = scalar(QStringLiteral("SELECT max(last_synced_at) FROM plugin"));

    PluginRuntime second(db(), bundledOnly());
    EXPECT_EQ(second.contents().size(), kBundled.size()) << states(second);
    EXPECT_FALSE(second.syncReport().wroteAnything());
    EXPECT_EQ(historyRows(), history);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist_version")), versions);
    EXPECT_EQ(scalar(QStringLiteral("SELECT max(last_synced_at) FROM plugin")), syncedAt);
}

TEST_F(PluginSyncTest, ChangedChecklistPublishesANewVersionAndKeepsTheOld)
{
    PluginHost host(PluginRuntime::withBuiltinKeys(bundledOnly()));
    host.discover();
    host.loadAll();
    std::vector<PluginRecord> records = host.plugins();
    std::vector<PluginContent> contents = host.contents();
    PluginSync(db()).sync(records, contents);
    const QString originalText =
        scalar(QStringLiteral("SELECT text FROM checklist_item WHERE item_id = 'GOVERN 1.1'"))
            .toString();
    const qint64 firstVersionId = count(
        QStringLiteral("SELECT id FROM checklist_version WHERE checklist_key = 'nist-ai-rmf'"));

    // Version 1.1.0 of the NIST plugin rewords one statement; the other checklists are as before.
    for (PluginRecord& r : records)
        if (r.id == "nist-ai-rmf")
            r.version = "1.1.0";
    auto nist = std::find_if(contents.begin(), contents.end(),
                             [](const PluginContent& c) { return c.pluginId == "nist-ai-rmf"; });
    ASSERT_NE(nist, contents.end());
    nist->pluginVersion = "1.1.0";
    nist->checklists.at(0).sections.at(0).items.at(0).text = "A reworded first statement.";
    const PluginSyncReport report = PluginSync(db()).sync(records, contents);
    ASSERT_NE(report.entry("nist-ai-rmf"), nullptr);
    EXPECT_TRUE(report.entry("nist-ai-rmf")->error.isEmpty())
        << report.entry("nist-ai-rmf")->error.toStdString();
    EXPECT_EQ(report.entry("nist-ai-rmf")->checklistVersionsPublished, 1);
    EXPECT_FALSE(report.entry("eu-ai-act")->contentSynced);

    EXPECT_EQ(checklistVersions(QStringLiteral("nist-ai-rmf")), 2);
    EXPECT_EQ(checklistVersions(QStringLiteral("eu-ai-act")), 1);
    QSqlQuery current = db().exec(QStringLiteral(
        "SELECT v.number, v.label, v.plugin_version FROM checklist c JOIN checklist_version v ON "
        "v.id = c.current_version_id WHERE c.key = 'nist-ai-rmf'"));
    ASSERT_TRUE(current.next());
    EXPECT_EQ(current.value(0).toInt(), 2);
    EXPECT_EQ(current.value(1).toString(), QStringLiteral("1.0 / plugin 1.1.0"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT plugin_version FROM plugin WHERE id = 'nist-ai-rmf'"))
                  .toString(),
              QStringLiteral("1.1.0"));

    // Version 1 is exactly as it was published.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist_item WHERE version_id = ?"),
                    {firstVersionId}),
              72);
    EXPECT_EQ(scalar(QStringLiteral("SELECT text FROM checklist_item WHERE version_id = ? AND "
                                    "item_id = 'GOVERN 1.1'"),
                     {firstVersionId})
                  .toString(),
              originalText);
    EXPECT_EQ(scalar(QStringLiteral("SELECT plugin_version FROM checklist_version WHERE id = ?"),
                     {firstVersionId})
                  .toString(),
              QStringLiteral("1.0.0"));

    // Syncing the same again publishes nothing more.
    const qint64 history = historyRows();
    EXPECT_FALSE(PluginSync(db()).sync(records, contents).wroteAnything());
    EXPECT_EQ(historyRows(), history);
}

TEST_F(PluginSyncTest, PublishedChecklistItemsCannotBeChangedOrDeleted)
{
    PluginRuntime runtime(db(), bundledOnly());
    ASSERT_EQ(checklistVersions(QStringLiteral("ethics")), 1) << states(runtime);
    for (const QString& sql :
         {QStringLiteral("UPDATE checklist_item SET text = 'changed' WHERE item_id = 'GOVERN 1.1'"),
          QStringLiteral("DELETE FROM checklist_item WHERE item_id = 'GOVERN 1.1'"),
          QStringLiteral("UPDATE checklist_version SET licence = 'mine'"),
          QStringLiteral("DELETE FROM checklist_section"),
          QStringLiteral("TRUNCATE checklist_item")}) {
        EXPECT_THROW(db().exec(sql), Error) << sql.toStdString();
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist_item WHERE text = 'changed'")),
              0);
}

TEST_F(PluginSyncTest, RolesAPluginDropsAreRetiredButAFailedPluginKeepsItsRoles)
{
    PluginHost host(PluginRuntime::withBuiltinKeys(bundledOnly()));
    host.discover();
    host.loadAll();
    std::vector<PluginRecord> records = host.plugins();
    std::vector<PluginContent> contents = host.contents();
    PluginSync(db()).sync(records, contents);
    const qint64 financeRoles = count(
        QStringLiteral("SELECT count(*) FROM role WHERE pack = 'finance' AND retired_at IS NULL"));
    ASSERT_GE(financeRoles, 2);

    // A new healthcare version without its last role.
    auto healthcare = std::find_if(contents.begin(), contents.end(), [](const PluginContent& c) {
        return c.pluginId == "healthcare";
    });
    ASSERT_NE(healthcare, contents.end());
    const QString dropped = QString::fromStdString(healthcare->roles.back().key);
    healthcare->roles.pop_back();
    healthcare->pluginVersion = "2.0.0";
    // Finance fails to load this time.
    for (PluginRecord& r : records)
        if (r.id == "finance") {
            r.state = PluginState::Failed;
            r.error = QStringLiteral("the library could not be opened");
        }
    contents.erase(std::remove_if(contents.begin(), contents.end(),
                                  [](const PluginContent& c) { return c.pluginId == "finance"; }),
                   contents.end());
    PluginSync(db()).sync(records, contents);

    EXPECT_FALSE(
        scalar(QStringLiteral("SELECT retired_at FROM role WHERE key = ?"), {dropped}).isNull());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM role WHERE pack = 'healthcare' AND "
                                   "retired_at IS NULL AND key <> ?"),
                    {dropped}),
              static_cast<qint64>(healthcare->roles.size()));
    EXPECT_EQ(count(QStringLiteral(
                  "SELECT count(*) FROM role WHERE pack = 'finance' AND retired_at IS NULL")),
              financeRoles);
    QSqlQuery finance =
        db().exec(QStringLiteral("SELECT state, error FROM plugin WHERE id = 'finance'"));
    ASSERT_TRUE(finance.next());
    EXPECT_EQ(finance.value(0).toString(), QStringLiteral("failed"));
    EXPECT_EQ(finance.value(1).toString(), QStringLiteral("the library could not be opened"));
}

TEST_F(PluginSyncTest, ARoleThatComesBackIsNoLongerRetired)
{
    PluginHost host(PluginRuntime::withBuiltinKeys(bundledOnly()));
    host.discover();
    host.loadAll();
    const std::vector<PluginRecord> records = host.plugins();
    std::vector<PluginContent> contents = host.contents();
    PluginSync(db()).sync(records, contents);

    auto finance = std::find_if(contents.begin(), contents.end(),
                                [](const PluginContent& c) { return c.pluginId == "finance"; });
    ASSERT_NE(finance, contents.end());
    const QString dropped = QString::fromStdString(finance->roles.back().key);
    const RoleSpec droppedRole = finance->roles.back();
    finance->roles.pop_back();
    PluginSync(db()).sync(records, contents);
    ASSERT_FALSE(
        scalar(QStringLiteral("SELECT retired_at FROM role WHERE key = ?"), {dropped}).isNull());

    finance->roles.push_back(droppedRole);
    PluginSync(db()).sync(records, contents);
    EXPECT_TRUE(
        scalar(QStringLiteral("SELECT retired_at FROM role WHERE key = ?"), {dropped}).isNull());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM responsibility WHERE role_key = ? AND "
                                   "retired_at IS NOT NULL"),
                    {dropped}),
              0);
}

// A stranger's library on STEWARD_PLUGIN_PATH declares the id of a bundled pack. The bundled
// plugins are found first, so the id stays theirs: the stranger's file fails with a sentence
// naming both files, and nothing of the finance pack in the database changes.
TEST_F(PluginSyncTest, APluginOnThePluginPathCannotTakeOverABundledPack)
{
    PluginRuntime(db(), bundledOnly());
    const QString activeRoles =
        QStringLiteral("SELECT string_agg(key, ',' ORDER BY key) FROM role WHERE pack = "
                       "'finance' AND retired_at IS NULL");
    const QString before = scalar(activeRoles).toString();
    ASSERT_FALSE(before.isEmpty());
    const qint64 historyBefore = count(QStringLiteral("SELECT count(*) FROM history"));

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString impostor = dir.filePath(QStringLiteral("steward-plugin-acme-finance.so"));
    ASSERT_TRUE(QFile::copy(
        QStringLiteral(STEWARD_FIXTURE_PLUGIN_DIR "/steward-plugin-fixture-impostor.so"),
        impostor));
    const QByteArray previous = qgetenv("STEWARD_PLUGIN_PATH");
    qputenv("STEWARD_PLUGIN_PATH", dir.path().toUtf8());
    // As the programs search: the bundled folder next to the executable, then the path.
    PluginHostOptions options;
    PluginRuntime runtime(db(), options);
    const std::vector<std::string> clashes =
        PluginHost::clashes(PluginHost::check(impostor, PluginRuntime::withBuiltinKeys({})));
    qputenv("STEWARD_PLUGIN_PATH", previous);

    const QString bundled = QDir(QStringLiteral(STEWARD_TEST_PLUGIN_DIR))
                                .absoluteFilePath(QStringLiteral("steward-plugin-finance.so"));
    const PluginRecord* finance = runtime.record("finance");
    ASSERT_NE(finance, nullptr);
    EXPECT_EQ(finance->state, PluginState::Active);
    EXPECT_EQ(QFileInfo(finance->path).canonicalFilePath(), QFileInfo(bundled).canonicalFilePath());
    const auto stranger = std::find_if(
        runtime.records().begin(), runtime.records().end(),
        [&](const PluginRecord& r) { return r.path == QFileInfo(impostor).absoluteFilePath(); });
    ASSERT_NE(stranger, runtime.records().end()) << states(runtime);
    EXPECT_EQ(stranger->state, PluginState::Failed);
    EXPECT_TRUE(stranger->error.startsWith(QFileInfo(impostor).absoluteFilePath() +
                                           QStringLiteral(" declares the plugin id 'finance', "
                                                          "which belongs to ")))
        << stranger->error.toStdString();
    EXPECT_TRUE(stranger->error.contains(QStringLiteral("steward-plugin-finance.so, found first")))
        << stranger->error.toStdString();

    EXPECT_EQ(scalar(activeRoles).toString(), before);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM role WHERE key = 'finance.impostor'")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM history")), historyBefore)
        << "the stranger's file changed the database";
    QSqlQuery row =
        db().exec(QStringLiteral("SELECT state, path FROM plugin WHERE id = 'finance'"));
    ASSERT_TRUE(row.next());
    EXPECT_EQ(row.value(0).toString(), QStringLiteral("active"));
    EXPECT_EQ(QFileInfo(row.value(1).toString()).canonicalFilePath(),
              QFileInfo(bundled).canonicalFilePath());

    ASSERT_EQ(clashes.size(), 1u);
    EXPECT_TRUE(QString::fromStdString(clashes[0])
                    .startsWith(QStringLiteral("the plugin id 'finance' is already taken by ")))
        << clashes[0];
}

TEST_F(PluginSyncTest, ContentTheDatabaseRefusesFailsOnlyThatPlugin)
{
    // Another pack already owns a role key that marketing declares.
    db().exec(
        QStringLiteral("INSERT INTO role_pack (key, name, version) VALUES ('squatter', 'S', '1')"));
    PluginHost probe(PluginRuntime::withBuiltinKeys(bundledOnly()));
    probe.discover();
    probe.loadAll();
    const PluginRecord* marketing = probe.plugin("marketing");
    ASSERT_TRUE(marketing && !marketing->roleKeys.empty());
    db().exec(
        QStringLiteral(
            "INSERT INTO role (key, pack, name, category) VALUES (?, 'squatter', 'S', 'domain')"),
        {qs(marketing->roleKeys.front())});

    PluginRuntime runtime(db(), bundledOnly());
    ASSERT_NE(runtime.record("marketing"), nullptr);
    EXPECT_EQ(runtime.record("marketing")->state, PluginState::Failed);
    EXPECT_TRUE(runtime.record("marketing")->error.contains(QStringLiteral("squatter")))
        << runtime.record("marketing")->error.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT state FROM plugin WHERE id = 'marketing'")).toString(),
              QStringLiteral("failed"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM role_pack WHERE key = 'marketing'")), 0);
    for (const auto& rule : runtime.rules())
        EXPECT_NE(dynamic_cast<const PluginRule&>(*rule).pluginId(), "marketing");
    EXPECT_EQ(runtime.contents().size(), kBundled.size() - 1) << states(runtime);
}

TEST_F(PluginSyncTest, DisablingAPluginPersistsAndKeepsItUnloaded)
{
    {
        PluginRuntime first(db(), bundledOnly());
    }
    const qint64 history = historyRows();
    PluginRuntime::setEnabled(db(), "marketing", false);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM history WHERE table_name = 'plugin' AND "
                                   "row_key = 'marketing' AND operation = 'UPDATE' AND "
                                   "NOT (after->>'enabled')::boolean")),
              1);
    EXPECT_GT(historyRows(), history);
    EXPECT_EQ(PluginRuntime::disabledIds(db()), std::set<std::string>{"marketing"});

    {
        PluginRuntime next(db(), bundledOnly());
        ASSERT_NE(next.record("marketing"), nullptr);
        EXPECT_EQ(next.record("marketing")->state, PluginState::Disabled);
        EXPECT_TRUE(next.record("marketing")->roleKeys.empty()); // its factory never ran
        EXPECT_EQ(next.contents().size(), kBundled.size() - 1);
        for (const auto& rule : next.rules())
            EXPECT_NE(dynamic_cast<const PluginRule&>(*rule).pluginId(), "marketing");
        EXPECT_EQ(
            scalar(QStringLiteral("SELECT state FROM plugin WHERE id = 'marketing'")).toString(),
            QStringLiteral("disabled"));
        // Its roles stay: switching a pack off does not take roles away from existing staffing.
        EXPECT_GT(count(QStringLiteral("SELECT count(*) FROM role WHERE pack = 'marketing' AND "
                                       "retired_at IS NULL")),
                  0);
    }

    PluginRuntime::setEnabled(db(), "marketing", true);
    PluginRuntime again(db(), bundledOnly());
    EXPECT_EQ(again.record("marketing")->state, PluginState::Active);
    EXPECT_TRUE(PluginRuntime::disabledIds(db()).empty());

    EXPECT_THROW(PluginRuntime::setEnabled(db(), "no-such-plugin", false, bundledOnly()), Error);
}

TEST_F(PluginSyncTest, BrokenPluginInThePluginPathFailsWhileTheOthersStayActive)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString broken =
        dir.filePath(QStringLiteral("steward-plugin-fixture-throwing-factory.so"));
    ASSERT_TRUE(QFile::copy(
        QStringLiteral(STEWARD_FIXTURE_PLUGIN_DIR "/steward-plugin-fixture-throwing-factory.so"),
        broken));
    const QByteArray previous = qgetenv("STEWARD_PLUGIN_PATH");
    qputenv("STEWARD_PLUGIN_PATH", dir.path().toUtf8());
    PluginHostOptions options = bundledOnly();
    options.searchEnvironment = true;
    PluginRuntime runtime(db(), options);
    qputenv("STEWARD_PLUGIN_PATH", previous);

    const PluginRecord* failed = runtime.record("throwing-factory");
    ASSERT_NE(failed, nullptr) << states(runtime);
    EXPECT_EQ(failed->state, PluginState::Failed);
    EXPECT_FALSE(failed->error.isEmpty());
    QSqlQuery row = db().exec(
        QStringLiteral("SELECT state, error, path FROM plugin WHERE id = 'throwing-factory'"));
    ASSERT_TRUE(row.next());
    EXPECT_EQ(row.value(0).toString(), QStringLiteral("failed"));
    EXPECT_EQ(row.value(1).toString(), failed->error);
    EXPECT_EQ(row.value(2).toString(), QFileInfo(broken).absoluteFilePath());
    for (const std::string& id : kBundled)
        EXPECT_EQ(runtime.record(id)->state, PluginState::Active) << id;
    EXPECT_EQ(runtime.contents().size(), kBundled.size());
}

// On a shared server what the database publishes changes only when an administrator's client
// synchronises; other clients use it, and say how their own plugins differ, without failing.
TEST_F(PluginSyncTest, OnlyAnAdministratorsClientPublishesPluginContent)
{
    const auto descriptions = [](const PluginRuntime& runtime) {
        std::string text;
        for (const PluginDifference& d : runtime.differences())
            text += d.pluginId + ": " + d.description.toStdString() + "\n";
        return text;
    };
    const qint64 history = historyRows();
    Database viewer(createLoginRole(conninfo(), QStringLiteral("steward_viewer")));
    Database manager(createLoginRole(conninfo(), QStringLiteral("steward_manager")));
    for (Database* db : {&viewer, &manager}) {
        const PluginRuntime runtime(*db, bundledOnly());
        EXPECT_FALSE(runtime.published());
        ASSERT_EQ(runtime.differences().size(), kBundled.size()) << descriptions(runtime);
        for (const PluginDifference& d : runtime.differences())
            EXPECT_TRUE(d.description.contains(QLatin1String("not published on the server")))
                << d.description.toStdString();
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plugin")), 0);
    EXPECT_EQ(historyRows(), history) << "a client that may not publish wrote something";

    Database admin(createLoginRole(conninfo(), QStringLiteral("steward_admin")));
    {
        const PluginRuntime runtime(admin, bundledOnly());
        EXPECT_TRUE(runtime.published());
        EXPECT_TRUE(runtime.differences().empty());
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plugin WHERE state = 'active'")),
              static_cast<qint64>(kBundled.size()));

    // The same plugins here as on the server: nothing to report.
    EXPECT_TRUE(PluginRuntime(viewer, bundledOnly()).differences().empty());
    // Another version published on the server.
    db().exec(QStringLiteral("UPDATE plugin SET plugin_version = '0.9', content_hash = "
                             "repeat('0', 64) WHERE id = 'ethics'"));
    {
        const PluginRuntime runtime(viewer, bundledOnly());
        ASSERT_EQ(runtime.differences().size(), 1u) << descriptions(runtime);
        EXPECT_EQ(runtime.differences().front().pluginId, "ethics");
        EXPECT_TRUE(runtime.differences().front().description.contains(
            QLatin1String("and 0.9 on the server")))
            << descriptions(runtime);
    }
    // No plugins here at all: the server's are named.
    PluginHostOptions none = bundledOnly();
    none.directories.clear();
    const PluginRuntime bare(viewer, none);
    EXPECT_EQ(bare.differences().size(), kBundled.size()) << descriptions(bare);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plugin WHERE plugin_version = '0.9'")), 1)
        << "the viewer's client changed what the server publishes";
}

} // namespace
} // namespace steward
