// Checklists imported from files, in a real PostgreSQL: published like a plugin's (nothing
// written for an unchanged file, a new immutable version for a changed one, audits keep theirs),
// refused whole when bad with the database left as it was, recorded in the history with the
// file's SHA-256, importable by administrators only, and exported back.
#include "audit/audit_service.h"
#include "checklists/checklist_import.h"
#include "database_fixture.h"
#include "domain/records.h"
#include "error.h"
#include "plugins/plugin_sync.h"
#include "services/person_service.h"
#include "services/project_service.h"
#include "test_support.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <functional>

namespace steward {
namespace {

QString fixture(const char* name)
{
    return QStringLiteral(STEWARD_CHECKLIST_FIXTURES "/files/") + QString::fromLatin1(name);
}

QByteArray fixtureBytes(const char* name)
{
    QFile f(fixture(name));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name;
    return f.readAll();
}

class ChecklistImportTest : public DatabaseTest {
protected:
    qint64 count(const QString& sql, const QVariantList& params = {})
    {
        return scalar(sql, params).toLongLong();
    }

    // Every row of every table of the schema and the head of the history chain: equal values
    // mean the database is exactly as it was.
    QString snapshot()
    {
        return scalar(QStringLiteral(
                          "SELECT string_agg(t.tablename || '=' || (xpath('/row/c/text()', "
                          "query_to_xml(format('SELECT count(*) || '':'' || "
                          "coalesce(md5(string_agg(x::text, '','' ORDER BY x::text)), '''') AS c "
                          "FROM %I x', t.tablename), false, true, '')))[1]::text, ' ' "
                          "ORDER BY t.tablename) FROM pg_tables t "
                          "WHERE t.schemaname = current_schema()"))
            .toString();
    }

    ChecklistImportPreview importBytes(Database& into, const QByteArray& bytes, const char* name)
    {
        const ChecklistFile file = parseChecklistFile(bytes, QString::fromLatin1(name));
        return ChecklistImport(into).import(file);
    }
    ChecklistImportPreview importFixture(const char* name)
    {
        return importBytes(db(), fixtureBytes(name), name);
    }

    // Expects `request` to be refused with a message containing `expected`, and the database
    // to be exactly as before; returns the error's details.
    QStringList expectRefused(const std::function<void()>& request, const QString& expected)
    {
        const QString before = snapshot();
        QStringList details;
        try {
            request();
            ADD_FAILURE() << "not refused; expected: " << expected.toStdString();
        } catch (const Error& e) {
            EXPECT_TRUE(e.message().contains(expected)) << e.message().toStdString();
            details = e.details();
        }
        EXPECT_EQ(snapshot(), before) << "a refused import changed the database";
        return details;
    }

    qint64 addAuditOn(const QString& checklistKey)
    {
        if (count(QStringLiteral("SELECT count(*) FROM project WHERE key = 'LOAN-RISK'")) == 0) {
            Person lead;
            lead.email = QStringLiteral("lead@example.org");
            lead.name = QStringLiteral("Lena Lead");
            PersonService(db()).add(lead);
            Project p;
            p.key = QStringLiteral("LOAN-RISK");
            p.name = QStringLiteral("Loan risk model");
            p.industry = Industry::Healthcare;
            p.riskTier = RiskTier::High;
            p.aiActRole = AiActRole::Provider;
            ProjectService(db()).add(p);
        }
        AuditPlan plan;
        plan.projectKey = QStringLiteral("LOAN-RISK");
        plan.checklistKey = checklistKey;
        plan.leadEmail = QStringLiteral("lead@example.org");
        plan.dueDate = QDate::currentDate().addDays(30);
        return AuditService(db()).create(plan).id;
    }
};

TEST_F(ChecklistImportTest, AFilePublishesAChecklistVersionWithItsFileAndHash)
{
    const ChecklistImportPreview result = importFixture("acme-ai-policy.yaml");
    EXPECT_EQ(result.plan.outcome, PublishOutcome::NewVersion);
    EXPECT_EQ(result.plan.versionNumber, 1);
    EXPECT_EQ(result.items, 4);
    EXPECT_EQ(result.summary(),
              QStringLiteral("publishes the new checklist acme-ai-policy, version 1: 2 sections, "
                             "4 items"));

    QSqlQuery v = db().exec(QStringLiteral(
        "SELECT c.plugin_id IS NULL, v.number, v.file_name, v.file_format, v.file_sha256, "
        "v.plugin_id IS NULL, v.framework_version, v.label FROM checklist c "
        "JOIN checklist_version v ON v.id = c.current_version_id WHERE c.key = 'acme-ai-policy'"));
    ASSERT_TRUE(v.next());
    EXPECT_TRUE(v.value(0).toBool());
    EXPECT_EQ(v.value(1).toInt(), 1);
    EXPECT_EQ(v.value(2).toString(), QStringLiteral("acme-ai-policy.yaml"));
    EXPECT_EQ(v.value(3).toString(), QStringLiteral("steward"));
    EXPECT_EQ(v.value(4).toString(), result.file.sha256);
    EXPECT_TRUE(v.value(5).toBool());
    EXPECT_EQ(v.value(6).toString(), QStringLiteral("2026.1"));
    EXPECT_EQ(v.value(7).toString(),
              QStringLiteral("2026.1 / file %1").arg(result.file.sha256.left(12)));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist_item i JOIN checklist_version "
                                   "v ON v.id = i.version_id WHERE v.checklist_key = "
                                   "'acme-ai-policy' AND i.risk_tiers = '{high}' AND i.actors = "
                                   "'{provider,provider-and-deployer}' AND i.role_key = "
                                   "'ai-ethicist'")),
              1);

    // The history says who imported which file, with its SHA-256.
    QSqlQuery h = db().exec(
        QStringLiteral("SELECT actor, after ->> 'file_name', after ->> 'file_sha256' FROM history "
                       "WHERE table_name = 'checklist_version' AND operation = 'INSERT'"));
    ASSERT_TRUE(h.next());
    EXPECT_EQ(h.value(0).toString(), db().actor().isEmpty() ? db().user() : db().actor());
    EXPECT_EQ(h.value(1).toString(), QStringLiteral("acme-ai-policy.yaml"));
    EXPECT_EQ(h.value(2).toString(), result.file.sha256);
    EXPECT_FALSE(h.next());
}

TEST_F(ChecklistImportTest, AnUnchangedFileWritesNothing)
{
    importFixture("acme-ai-policy.yaml");
    const QString before = snapshot();
    const qint64 historyRows = count(QStringLiteral("SELECT count(*) FROM history"));
    const ChecklistImportPreview again = importFixture("acme-ai-policy.yaml");
    EXPECT_EQ(again.plan.outcome, PublishOutcome::Unchanged);
    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM history")), historyRows);

    // The same content in another file (reformatted, exported) is unchanged too.
    const ChecklistFile exported = parseChecklistFile(
        writeStewardChecklist(loadChecklist(db(), QStringLiteral("acme-ai-policy")).spec),
        QStringLiteral("exported.yaml"));
    EXPECT_NE(exported.sha256, again.file.sha256);
    EXPECT_EQ(ChecklistImport(db()).import(exported).plan.outcome, PublishOutcome::Unchanged);
    EXPECT_EQ(snapshot(), before);
}

TEST_F(ChecklistImportTest, AChangedFileIsANewVersionAndAuditsKeepTheirs)
{
    importFixture("acme-ai-policy.yaml");
    const qint64 auditId = addAuditOn(QStringLiteral("acme-ai-policy"));
    const qint64 v1 =
        count(QStringLiteral("SELECT checklist_version_id FROM audit WHERE id = ?"), {auditId});
    const qint64 auditItems =
        count(QStringLiteral("SELECT count(*) FROM audit_item WHERE audit_id = ?"), {auditId});
    EXPECT_GT(auditItems, 0);

    QByteArray changed = fixtureBytes("acme-ai-policy.yaml");
    changed.replace("Every data set has a documented source, licence and retention period.",
                    "Every data set has a documented source, licence, owner and retention period.");
    const ChecklistImportPreview second = importBytes(db(), changed, "acme-ai-policy.yaml");
    EXPECT_EQ(second.plan.outcome, PublishOutcome::NewVersion);
    EXPECT_EQ(second.plan.versionNumber, 2);
    EXPECT_EQ(second.plan.currentNumber, 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist_version WHERE checklist_key = "
                                   "'acme-ai-policy'")),
              2);
    EXPECT_EQ(count(QStringLiteral("SELECT v.number FROM checklist c JOIN checklist_version v ON "
                                   "v.id = c.current_version_id WHERE c.key = 'acme-ai-policy'")),
              2);
    // The audit still runs against version 1, and its items are still version 1's.
    EXPECT_EQ(
        count(QStringLiteral("SELECT checklist_version_id FROM audit WHERE id = ?"), {auditId}),
        v1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM audit_item ai JOIN checklist_item ci ON "
                                   "ci.id = ai.checklist_item_id WHERE ai.audit_id = ? AND "
                                   "ci.version_id = ?"),
                    {auditId, v1}),
              auditItems);
    // Version 1 is as it was published.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist_item WHERE version_id = ? AND "
                                   "text LIKE '%licence and retention period.'"),
                    {v1}),
              1);

    // Going back to the first file makes version 1 current again, without a third version.
    const ChecklistImportPreview back = importFixture("acme-ai-policy.yaml");
    EXPECT_EQ(back.plan.outcome, PublishOutcome::Earlier);
    EXPECT_EQ(back.plan.versionNumber, 1);
    EXPECT_EQ(count(QStringLiteral("SELECT current_version_id FROM checklist WHERE key = "
                                   "'acme-ai-policy'")),
              v1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist_version WHERE checklist_key = "
                                   "'acme-ai-policy'")),
              2);
}

TEST_F(ChecklistImportTest, ABadFileIsRefusedWholeWithEveryProblemAndNothingWritten)
{
    importFixture("acme-ai-policy.yaml");
    const ChecklistFile broken = readChecklistFile(fixture("acme-ai-policy-broken.yaml"));
    const QStringList details = expectRefused([&] { ChecklistImport(db()).import(broken); },
                                              QStringLiteral("is not imported: 8 problems"));
    ASSERT_EQ(details.size(), 8);
    for (const QString& d : details)
        EXPECT_TRUE(d.startsWith(fixture("acme-ai-policy-broken.yaml") + u':')) << d.toStdString();
    // What only the database knows is among them: the role no catalogue has.
    EXPECT_TRUE(details.last().endsWith(QStringLiteral(
        ":11: the role no-such-role is not in the catalogue (see `steward role list`)")))
        << details.last().toStdString();

    for (const char* name : {"ciso-assistant-library-broken.yaml", "oscal-catalog-broken.json",
                             "oscal-catalog-not-json.json"}) {
        SCOPED_TRACE(name);
        const ChecklistFile file = readChecklistFile(fixture(name));
        const QStringList more = expectRefused([&] { ChecklistImport(db()).import(file); },
                                               QStringLiteral("is not imported"));
        EXPECT_FALSE(more.isEmpty());
        for (const QString& d : more)
            EXPECT_TRUE(d.contains(QRegularExpression(QStringLiteral("\\.(yaml|json):[0-9]+: "))))
                << d.toStdString();
    }
}

TEST_F(ChecklistImportTest, AKeyAPluginPublishesCannotBeTakenByAFileNorTheReverse)
{
    PluginRecord record;
    record.path = QStringLiteral("/nowhere/steward-plugin-house-rules.so");
    record.state = PluginState::Active;
    record.id = "house-rules";
    record.version = "1.0.0";
    record.name = "House rules";
    PluginContent content;
    content.pluginId = "house-rules";
    content.pluginVersion = "1.0.0";
    content.pluginName = "House rules";
    ChecklistSpec spec = readChecklistFile(fixture("acme-ai-policy.yaml")).spec;
    content.checklists = {spec};
    PluginSync(db()).sync({record}, {content});
    ASSERT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist WHERE plugin_id = "
                                   "'house-rules'")),
              1);

    const ChecklistFile file = readChecklistFile(fixture("acme-ai-policy.yaml"));
    const QStringList details =
        expectRefused([&] { ChecklistImport(db()).import(file); }, QStringLiteral("1 problem"));
    ASSERT_EQ(details.size(), 1);
    EXPECT_EQ(details.front(),
              fixture("acme-ai-policy.yaml") +
                  QStringLiteral(":3: checklist acme-ai-policy is published by plugin "
                                 "house-rules: a file cannot replace it; give the checklist "
                                 "another key"));
    // Under another key the same file is welcome.
    const ChecklistFile renamed =
        readChecklistFile(fixture("acme-ai-policy.yaml"), QStringLiteral("acme-ai-policy-copy"));
    EXPECT_EQ(ChecklistImport(db()).import(renamed).plan.versionNumber, 1);

    // And a plugin may not take over a file's checklist: the plugin fails on its own.
    content.checklists.front().key = "acme-ai-policy-copy";
    content.pluginVersion = "1.1.0";
    record.version = "1.1.0";
    const PluginSyncReport report = PluginSync(db()).sync({record}, {content});
    ASSERT_NE(report.entry("house-rules"), nullptr);
    EXPECT_TRUE(report.entry("house-rules")->error.contains(QStringLiteral("imported from a file")))
        << report.entry("house-rules")->error.toStdString();
    // The schema says so too, for a client that skips Steward's checks.
    EXPECT_THROW(db().exec(QStringLiteral(
                     "INSERT INTO checklist_version (checklist_key, number, label, title, "
                     "plugin_id, plugin_version, content_hash) VALUES ('acme-ai-policy-copy', 9, "
                     "'x', 'x', 'house-rules', '1', repeat('a', 64))")),
                 Error);
}

TEST_F(ChecklistImportTest, OnlyAdministratorsMayImport)
{
    const ChecklistFile file = readChecklistFile(fixture("acme-ai-policy.yaml"));
    for (const char* group : {"steward_viewer", "steward_auditor", "steward_manager"}) {
        SCOPED_TRACE(group);
        Database login(createLoginRole(conninfo(), QString::fromLatin1(group)));
        // A preview writes nothing and is anyone's.
        EXPECT_EQ(ChecklistImport(login).preview(file).plan.outcome, PublishOutcome::NewVersion);
        expectRefused([&] { ChecklistImport(login).import(file); },
                      QStringLiteral("only administrators may import checklists"));
        // PostgreSQL itself refuses, whatever the client.
        expectRefused(
            [&] {
                login.exec(QStringLiteral("INSERT INTO checklist (key, title) VALUES ('mine', "
                                          "'Mine')"));
            },
            QStringLiteral("permission denied"));
    }
    Database admin(createLoginRole(conninfo(), QStringLiteral("steward_admin")),
                   QStringLiteral("ada.admin@example.org"));
    EXPECT_EQ(ChecklistImport(admin).import(file).plan.versionNumber, 1);
    // A login linked to nobody is recorded as itself, whatever actor its client claims (sql/0015).
    const QString recorded = scalar(QStringLiteral("SELECT actor || '|' || db_user FROM history "
                                                   "WHERE table_name = 'checklist_version'"))
                                 .toString();
    const QStringList parts = recorded.split(QLatin1Char('|'));
    ASSERT_EQ(parts.size(), 2) << recorded.toStdString();
    EXPECT_EQ(parts[0], parts[1]);
    EXPECT_TRUE(parts[1].startsWith(QLatin1String("steward_test_login_")))
        << recorded.toStdString();
}

TEST_F(ChecklistImportTest, ExportedChecklistsImportAsTheSameVersion)
{
    for (const char* name :
         {"acme-ai-policy.yaml", "ciso-assistant-library.yaml", "oscal-catalog.json"}) {
        SCOPED_TRACE(name);
        const ChecklistImportPreview first = importFixture(name);
        ASSERT_EQ(first.plan.outcome, PublishOutcome::NewVersion);
        const QString key = qs(first.file.spec.key);
        const StoredChecklist stored = loadChecklist(db(), key);
        EXPECT_EQ(checklistContentHash(stored.spec), checklistContentHash(first.file.spec));
        const QString before = snapshot();
        for (const QByteArray& bytes : {writeStewardChecklist(stored.spec),
                                        writeOscalCatalog(stored.spec, stored.publishedAt)}) {
            const ChecklistFile again = parseChecklistFile(bytes, QStringLiteral("export"));
            ASSERT_TRUE(again.problems.isEmpty()) << again.problems.join(u'\n').toStdString();
            EXPECT_EQ(ChecklistImport(db()).import(again).plan.outcome, PublishOutcome::Unchanged);
        }
        EXPECT_EQ(snapshot(), before);
    }
    EXPECT_THROW(loadChecklist(db(), QStringLiteral("no-such-list")), Error);
    EXPECT_THROW(loadChecklist(db(), QStringLiteral("acme-ai-policy"), 2), Error);
}

TEST_F(ChecklistImportTest, TheRealCisoAssistantLibrariesWhenGiven)
{
    const char* nist = std::getenv("STEWARD_CISO_NIST_AI_RMF");
    const char* aiAct = std::getenv("STEWARD_CISO_AI_ACT");
    if (!nist && !aiAct)
        GTEST_SKIP() << "set STEWARD_CISO_NIST_AI_RMF and/or STEWARD_CISO_AI_ACT to library files";
    for (const char* path : {nist, aiAct}) {
        if (!path)
            continue;
        const ChecklistFile file = readChecklistFile(QString::fromLocal8Bit(path));
        const ChecklistImportPreview result = ChecklistImport(db()).import(file);
        EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist_item i JOIN checklist c ON "
                                       "c.current_version_id = i.version_id WHERE c.key = ?"),
                        {qs(file.spec.key)}),
                  result.items);
        if (path == nist) {
            EXPECT_EQ(result.items, 72);
        }
        // A broken copy: the first assessable node's flag garbled.
        QFile f(QString::fromLocal8Bit(path));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        const qsizetype at = bytes.indexOf("assessable: true");
        ASSERT_GE(at, 0);
        const int line = static_cast<int>(bytes.left(at).count('\n')) + 1;
        bytes.replace(at, 16, "assessable: sure");
        const ChecklistFile broken = parseChecklistFile(bytes, QStringLiteral("broken.yaml"));
        const QStringList details = expectRefused([&] { ChecklistImport(db()).import(broken); },
                                                  QStringLiteral("is not imported"));
        EXPECT_EQ(details, QStringList{QStringLiteral("broken.yaml:%1: assessable is sure, not "
                                                      "true or false")
                                           .arg(line)});
    }
}

} // namespace
} // namespace steward
