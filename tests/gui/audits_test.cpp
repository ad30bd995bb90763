// The Audits screen on the demo organisation, with the bundled checklist plugins synchronised so
// that the demo's two audits exist: the list shows them, the runner writes results, evidence and
// findings to the database, sign-off is offered to the lead only, a closed audit offers no edits,
// the database's refusal is shown, and the reports are written off the GUI thread.
#include "app/main_window.h"
#include "audit/audit_service.h"
#include "audits/audit_list_model.h"
#include "audits/audit_runner.h"
#include "audits/audits_screen.h"
#include "audits/finding_actions.h"
#include "audits/finding_list_model.h"
#include "common/message_bar.h"
#include "common/person_picker.h"
#include "gui_fixture.h"
#include "overview/overview_screen.h"
#include "test_support.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <algorithm>

using namespace steward;
using namespace steward::gui;

namespace {

const QString kLead = QStringLiteral("elena.popescu@demo.steward.example");
const QString kKwame = QStringLiteral("kwame.mensah@demo.steward.example");

PluginHostOptions bundledPlugins()
{
    PluginHostOptions options;
    options.searchStandardLocations = false;
    options.searchEnvironment = false;
    options.directories = {QStringLiteral(STEWARD_TEST_PLUGIN_DIR)};
    return options;
}

// Who the workspace connects as: the test cluster's superuser (which steward_is_admin() does not
// count as an audit admin), a database user who may only read, one who may run audits, or a
// member of steward_admin.
enum class DbUser { Superuser, Viewer, Auditor, AuditAdmin };

// The demo organisation with its audits: the checklist plugins are synchronised before the demo
// is loaded.
class AuditWorld {
public:
    explicit AuditWorld(DbUser user = DbUser::Superuser)
        : m_testDb(std::make_unique<TestDatabase>())
        , m_db(std::make_unique<Database>(m_testDb->conninfo(), QStringLiteral("tester")))
    {
        {
            PluginRuntime sync(*m_db, bundledPlugins());
        }
        DemoOrganisation::load(*m_db, QDate::currentDate());
        if (user == DbUser::AuditAdmin) {
            // Being an administrator is the connected login's membership, not a SET ROLE.
            m_db = std::make_unique<Database>(
                createLoginRole(m_testDb->conninfo(), QStringLiteral("steward_admin")),
                QStringLiteral("tester"));
        } else if (user != DbUser::Superuser) {
            const QString role = user == DbUser::Viewer ? QStringLiteral("steward_gui_viewer")
                                                        : QStringLiteral("steward_gui_auditor");
            const QString grant =
                user == DbUser::Viewer ? QStringLiteral("SELECT") : QStringLiteral("ALL");
            m_db->exec(QStringLiteral(
                           "DO $$ BEGIN CREATE ROLE %1 NOLOGIN; "
                           "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
                           .arg(role));
            m_db->exec(
                QStringLiteral("GRANT %1 ON ALL TABLES IN SCHEMA public TO %2").arg(grant, role));
            m_db->exec(QStringLiteral("GRANT %1 ON ALL SEQUENCES IN SCHEMA public TO %2")
                           .arg(grant, role));
            m_db->exec(QStringLiteral("SET ROLE %1").arg(role));
            m_roleSet = true;
        }
        m_workspace = std::make_unique<Workspace>(*m_db);
    }
    ~AuditWorld()
    {
        m_workspace.reset();
        if (m_roleSet)
            m_db->exec(QStringLiteral("RESET ROLE"));
        m_db.reset();
        m_testDb.reset();
    }

    Database& db() { return *m_db; }
    Workspace& workspace() { return *m_workspace; }

    QVariant scalar(const QString& sql, const QVariantList& params = {})
    {
        QSqlQuery q = m_db->exec(sql, params);
        return q.next() ? q.value(0) : QVariant();
    }
    int count(const QString& sql, const QVariantList& params = {})
    {
        return scalar(sql, params).toInt();
    }
    qint64 auditOf(const QString& projectKey)
    {
        return scalar(QStringLiteral("SELECT a.id FROM audit a JOIN project p ON p.id = "
                                     "a.project_id WHERE p.key = ?"),
                      {projectKey})
            .toLongLong();
    }

private:
    std::unique_ptr<TestDatabase> m_testDb;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Workspace> m_workspace;
    bool m_roleSet = false;
};

const AuditListModel::Row* rowOfProject(const AuditListModel& model, const QString& key)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.rowAt(row)->audit.projectKey == key)
            return model.rowAt(row);
    return nullptr;
}

// The ids of the findings the list shows, sorted.
QList<qint64> listedFindings(const FindingListModel& model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.findingAt(row)->id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<qint64> findingIds(AuditWorld& world, const QString& where)
{
    QList<qint64> ids;
    QSqlQuery q = world.db().exec(
        QStringLiteral("SELECT id FROM audit_finding WHERE %1 ORDER BY id").arg(where));
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

// A finding on the in-progress audit, due `dueInDays` from today.
qint64 raiseCardioFinding(AuditWorld& world, int dueInDays, const QString& description)
{
    AuditService service(world.db());
    const qint64 auditId = world.auditOf(QStringLiteral("CARDIO-TRIAGE"));
    FindingInput input;
    // Findings are raised on shortfalls: the demo's not-satisfied item.
    for (const AuditItem& item : service.items(auditId))
        if (item.result == ItemResult::NotSatisfied)
            input.itemId = item.itemId;
    input.severity = QStringLiteral("high");
    input.description = description;
    input.remediation = QStringLiteral("Do it.");
    input.ownerEmail = kKwame;
    input.dueDate = QDate::currentDate().addDays(dueInDays);
    return service.raiseFinding(auditId, input).id;
}

QString findingStatus(AuditWorld& world, qint64 id)
{
    return world.scalar(QStringLiteral("SELECT status FROM audit_finding WHERE id = ?"), {id})
        .toString();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class AuditsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test file
    }
    void init() { QSettings().remove(QStringLiteral("identity/email")); }

    void listShowsTheDemoAuditsWithStatusAndFilters()
    {
        AuditWorld world;
        QCOMPARE(world.count(QStringLiteral("SELECT count(*) FROM audit")), 2);
        AuditsScreen screen(world.workspace());
        const AuditListModel* model = screen.model();
        QCOMPARE(model->rowCount(), 2);
        const auto* credit = rowOfProject(*model, QStringLiteral("CREDIT-SCORE"));
        const auto* cardio = rowOfProject(*model, QStringLiteral("CARDIO-TRIAGE"));
        QVERIFY(credit && cardio);
        const int creditRow = model->rowOf(credit->audit.id);
        const int cardioRow = model->rowOf(cardio->audit.id);
        QCOMPARE(model->index(creditRow, AuditListModel::StatusColumn).data().toString(),
                 QStringLiteral("Closed"));
        QCOMPARE(model->index(cardioRow, AuditListModel::StatusColumn).data().toString(),
                 QStringLiteral("In progress"));
        // Progress is the database's count of assessed applicable items.
        const int assessed = world.count(
            QStringLiteral("SELECT count(*) FROM audit_item WHERE audit_id = ? AND result NOT IN "
                           "('not-assessed', 'not-applicable')"),
            {cardio->audit.id});
        QVERIFY(assessed > 0);
        QVERIFY(model->index(cardioRow, AuditListModel::ProgressColumn)
                    .data()
                    .toString()
                    .startsWith(QString::number(assessed) + QStringLiteral(" / ")));
        QVERIFY(model->index(creditRow, AuditListModel::ScoreColumn)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("%")));
        QVERIFY(screen.newAuditButton()->isVisibleTo(&screen)); // the superuser may plan audits

        screen.showStatus(AuditStatus::Closed);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->rowAt(0)->audit.projectKey, QStringLiteral("CREDIT-SCORE"));
        QCOMPARE(screen.statusFilter()->currentText(), QStringLiteral("Closed"));
        screen.showStatus(AuditStatus::InReview);
        QCOMPARE(model->rowCount(), 0);
        screen.showAllStatuses();
        screen.showProject(QStringLiteral("CARDIO-TRIAGE"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->rowAt(0)->audit.projectKey, QStringLiteral("CARDIO-TRIAGE"));

        QVERIFY(screen.openAudit(cardio->audit.id));
        QVERIFY(screen.isRunnerShown());
        QVERIFY(!screen.openAudit(999999));
        QVERIFY(!screen.isRunnerShown());
        QCOMPARE(screen.messageBar()->kind(), MessageBar::Kind::Error);

        // Planning an audit (what the "New audit…" dialog does) writes it and opens its runner.
        AuditPlan plan;
        plan.projectKey = QStringLiteral("SEPSIS-ALERT");
        plan.checklistKey = QStringLiteral("nist-ai-rmf");
        plan.leadEmail = kLead;
        plan.dueDate = QDate::currentDate().addDays(30);
        QVERIFY(screen.createAudit(plan));
        QCOMPARE(world.count(QStringLiteral("SELECT count(*) FROM audit a JOIN project p ON p.id "
                                            "= a.project_id WHERE p.key = 'SEPSIS-ALERT' AND "
                                            "a.status = 'planned'")),
                 1);
        QVERIFY(screen.isRunnerShown());
        QCOMPARE(screen.runner()->audit().projectKey, QStringLiteral("SEPSIS-ALERT"));
        screen.showAllStatuses();
        screen.showProject(QString());
        QCOMPARE(model->rowCount(), 3);
        // A refused plan (no such checklist) is explained, and nothing is written.
        plan.checklistKey = QStringLiteral("no-such-checklist");
        QVERIFY(!screen.createAudit(plan));
        QCOMPARE(screen.messageBar()->kind(), MessageBar::Kind::Error);
        QCOMPARE(world.count(QStringLiteral("SELECT count(*) FROM audit")), 3);
    }

    void runnerRecordsResultEvidenceAndFinding()
    {
        AuditWorld world;
        const qint64 id = world.auditOf(QStringLiteral("CARDIO-TRIAGE"));
        AuditRunner runner(world.workspace());
        QVERIFY(runner.openAudit(id));
        const QString itemId = runner.currentItemId();
        QVERIFY(!itemId.isEmpty());
        QCOMPARE(runner.currentItem()->result, ItemResult::NotAssessed);
        QVERIFY(runner.respondentLabel()->text().size() > 0);
        const int before = runner.progressBar()->value();
        const QString itemRow =
            QStringLiteral("SELECT ai.%1 FROM audit_item ai JOIN checklist_item ci ON ci.id = "
                           "ai.checklist_item_id WHERE ai.audit_id = ? AND ci.item_id = ?");

        // "tester" is no person: the runner asks who is acting before it records anything.
        QVERIFY(world.workspace().actorEmail().isEmpty());
        QVERIFY(runner.actAsButton()->isVisibleTo(&runner));
        runner.noteEdit()->setPlainText(QStringLiteral("Policy exists, not yet trained."));
        QVERIFY(!runner.recordResult(ItemResult::PartiallySatisfied));
        QCOMPARE(runner.messageBar()->kind(), MessageBar::Kind::Warning);
        QCOMPARE(world.scalar(itemRow.arg(QStringLiteral("result")), {id, itemId}).toString(),
                 QStringLiteral("not-assessed"));
        QVERIFY(!runner.actAs(QStringLiteral("nobody@nowhere.example")));
        QVERIFY(runner.actAs(kKwame));
        QCOMPARE(world.workspace().actorEmail(), kKwame);
        QCOMPARE(QSettings().value(QStringLiteral("identity/email")).toString(), kKwame);
        QVERIFY(!runner.actAsButton()->isVisibleTo(&runner));

        QAbstractButton* partial = runner.resultButton(ItemResult::PartiallySatisfied);
        QVERIFY(partial && partial->isVisibleTo(&runner));
        QTest::mouseClick(partial, Qt::LeftButton);
        QCOMPARE(world.scalar(itemRow.arg(QStringLiteral("result")), {id, itemId}).toString(),
                 QStringLiteral("partially-satisfied"));
        QCOMPARE(world.scalar(itemRow.arg(QStringLiteral("note")), {id, itemId}).toString(),
                 QStringLiteral("Policy exists, not yet trained."));
        QCOMPARE(world
                     .scalar(QStringLiteral("SELECT p.email FROM audit_item ai JOIN "
                                            "checklist_item ci ON ci.id = ai.checklist_item_id "
                                            "JOIN person p ON p.id = ai.assessed_by WHERE "
                                            "ai.audit_id = ? AND ci.item_id = ?"),
                             {id, itemId})
                     .toString(),
                 kKwame);
        QCOMPARE(runner.currentItemId(), itemId);
        QVERIFY(partial->isChecked());
        QCOMPARE(runner.progressBar()->value(), before + 1);
        QCOMPARE(runner.messageBar()->kind(), MessageBar::Kind::Information);

        // A file: its SHA-256 and size are recorded and shown.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("training-plan.txt"));
        const QByteArray content = "Training plan for the cardiac triage team, v3\n";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        const int evidenceBefore = world.count(QStringLiteral("SELECT count(*) FROM evidence"));
        QVERIFY(runner.attachFile(path, QStringLiteral("Training plan")));
        QCOMPARE(world.count(QStringLiteral("SELECT count(*) FROM evidence")), evidenceBefore + 1);
        QCOMPARE(world
                     .scalar(QStringLiteral("SELECT sha256 FROM evidence WHERE kind = 'file' "
                                            "ORDER BY id DESC LIMIT 1"))
                     .toString(),
                 sha);
        QCOMPARE(world
                     .scalar(QStringLiteral("SELECT size_bytes FROM evidence WHERE kind = "
                                            "'file' ORDER BY id DESC LIMIT 1"))
                     .toLongLong(),
                 qint64(content.size()));
        QCOMPARE(world.count(
                     QStringLiteral("SELECT count(*) FROM audit_item_evidence x JOIN audit_item ai "
                                    "ON ai.id = x.audit_item_id JOIN checklist_item ci ON ci.id = "
                                    "ai.checklist_item_id JOIN evidence e ON e.id = x.evidence_id "
                                    "WHERE ai.audit_id = ? AND ci.item_id = ? AND e.sha256 = ?"),
                     {id, itemId, sha}),
                 1);
        QVERIFY(runner.messageBar()->text().contains(sha));
        QCOMPARE(runner.evidenceList()->topLevelItemCount(), 1);
        QCOMPARE(runner.evidenceList()->topLevelItem(0)->text(1), sha);

        // A URL.
        const QString url = QStringLiteral("https://wiki.example.org/cardio/training");
        QVERIFY(runner.attachUrl(url));
        QCOMPARE(world.count(QStringLiteral("SELECT count(*) FROM evidence WHERE kind = 'url' "
                                            "AND location = ?"),
                             {url}),
                 1);
        QCOMPARE(runner.evidenceList()->topLevelItemCount(), 2);
        // A file that is not there is refused, and the refusal is shown.
        QVERIFY(!runner.attachFile(dir.filePath(QStringLiteral("missing.pdf"))));
        QCOMPARE(runner.messageBar()->kind(), MessageBar::Kind::Error);

        // A finding on the current item.
        const int findingsBefore = runner.findingsList()->topLevelItemCount();
        FindingInput finding;
        finding.severity = QStringLiteral("high");
        finding.description = QStringLiteral("The triage nurses are not trained yet.");
        finding.remediation = QStringLiteral("Train them before go-live.");
        finding.ownerEmail = kLead;
        finding.dueDate = QDate::currentDate().addDays(21);
        QVERIFY(runner.raiseFinding(finding));
        QCOMPARE(world.count(
                     QStringLiteral("SELECT count(*) FROM audit_finding f JOIN audit_item ai ON "
                                    "ai.id = f.audit_item_id JOIN checklist_item ci ON ci.id = "
                                    "ai.checklist_item_id WHERE f.audit_id = ? AND ci.item_id = ? "
                                    "AND f.severity = 'high' AND f.description = ?"),
                     {id, itemId, finding.description}),
                 1);
        QCOMPARE(runner.findingsList()->topLevelItemCount(), findingsBefore + 1);

        // Next and previous walk the checklist in order.
        runner.nextItem();
        QVERIFY(runner.currentItemId() != itemId);
        runner.previousItem();
        QCOMPARE(runner.currentItemId(), itemId);
    }

    void keyboardRecordsResultsAndWalksTheChecklist()
    {
        AuditWorld world;
        const qint64 id = world.auditOf(QStringLiteral("CARDIO-TRIAGE"));
        AuditRunner runner(world.workspace());
        QVERIFY(runner.actAs(kLead));
        QVERIFY(runner.openAudit(id));
        runner.resize(1200, 760);
        runner.show();
        runner.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&runner));
        const QString first = runner.currentItemId();
        runner.noteEdit()->setFocus();
        // Alt+3 records "not satisfied" while typing the note; a shortcut clicks its button
        // after a short animation.
        QSignalSpy clicks(runner.resultButton(ItemResult::NotSatisfied), &QAbstractButton::clicked);
        QTest::keyClick(runner.noteEdit(), Qt::Key_3, Qt::AltModifier);
        QTRY_COMPARE(clicks.count(), 1);
        QCOMPARE(world
                     .scalar(QStringLiteral(
                                 "SELECT ai.result FROM audit_item ai JOIN checklist_item ci ON "
                                 "ci.id = ai.checklist_item_id WHERE ai.audit_id = ? AND "
                                 "ci.item_id = ?"),
                             {id, first})
                     .toString(),
                 QStringLiteral("not-satisfied"));
        QTest::keyClick(runner.noteEdit(), Qt::Key_PageDown, Qt::ControlModifier);
        QTRY_VERIFY(runner.currentItemId() != first);
        QTest::keyClick(runner.noteEdit(), Qt::Key_PageUp, Qt::ControlModifier);
        QTRY_COMPARE(runner.currentItemId(), first);
    }

    void findingsListShowsOpenAndOverdueFindings()
    {
        AuditWorld world;
        AuditsScreen screen(world.workspace());
        FindingListModel* model = screen.findingModel();
        const QString open = QStringLiteral("status IN ('open', 'in-progress')");
        const QList<qint64> demoOpen = findingIds(world, open);
        QVERIFY(demoOpen.size() >= 2);
        QCOMPARE(listedFindings(*model), demoOpen);
        QVERIFY(!screen.isFindingsShown());
        screen.showFindings();
        QVERIFY(screen.isFindingsShown());
        QVERIFY(screen.findingView()->isVisibleTo(&screen));

        // Each row shows what the database holds.
        const qint64 first = demoOpen.front();
        const int row = model->rowOf(first);
        QCOMPARE(model->index(row, FindingListModel::ProjectColumn).data().toString(),
                 world
                     .scalar(QStringLiteral("SELECT p.key FROM audit_finding f JOIN audit a ON "
                                            "a.id = f.audit_id JOIN project p ON p.id = "
                                            "a.project_id WHERE f.id = ?"),
                             {first})
                     .toString());
        QCOMPARE(model->index(row, FindingListModel::OwnerColumn).data().toString(),
                 world
                     .scalar(QStringLiteral("SELECT p.name FROM audit_finding f JOIN person p ON "
                                            "p.id = f.owner_id WHERE f.id = ?"),
                             {first})
                     .toString());
        QVERIFY(model->index(row, FindingListModel::AuditColumn)
                    .data()
                    .toString()
                    .startsWith(QString::number(model->findingAt(row)->auditId)));

        // One more, already past its due date.
        const qint64 late =
            raiseCardioFinding(world, -3, QStringLiteral("The model card is out of date."));
        screen.reload();
        QCOMPARE(listedFindings(*model), findingIds(world, open));
        const QList<qint64> overdue =
            findingIds(world, open + QStringLiteral(" AND due_date < current_date"));
        QVERIFY(overdue.contains(late));
        QVERIFY(overdue.size() < model->rowCount());

        screen.showOverdueFindings();
        QVERIFY(screen.isFindingsShown());
        QVERIFY(screen.overdueOnlyBox()->isChecked());
        QCOMPARE(listedFindings(*model), overdue);
        const QModelIndex due = model->index(model->rowOf(late), FindingListModel::DueColumn);
        QVERIFY(due.data(Qt::ForegroundRole).value<QBrush>().color() == QColor(0xb0, 0x1c, 0x1c));
        QCOMPARE(due.data(Qt::ToolTipRole).toString(), QStringLiteral("Overdue by 3 days"));
        screen.overdueOnlyBox()->setChecked(false);
        QCOMPARE(model->rowCount(), findingIds(world, open).size());
        // A finding due later is not shown in red.
        const int later = model->rowOf(demoOpen.back());
        if (model->findingAt(later)->dueDate >= QDate::currentDate())
            QVERIFY(!model->index(later, FindingListModel::DueColumn)
                         .data(Qt::ForegroundRole)
                         .isValid());

        // Enter on a finding opens its audit in the runner, on the finding.
        screen.resize(1200, 760);
        screen.show();
        QTableView* view = screen.findingView();
        const QModelIndex lateIndex = static_cast<QSortFilterProxyModel*>(view->model())
                                          ->mapFromSource(model->index(model->rowOf(late), 0));
        view->setCurrentIndex(lateIndex);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(screen.isRunnerShown());
        QCOMPARE(screen.runner()->audit().id, world.auditOf(QStringLiteral("CARDIO-TRIAGE")));
        QCOMPARE(screen.runner()->currentFindingId(), late);
        QCOMPARE(screen.runner()->currentItemId(), model->findingAt(model->rowOf(late))->itemId);
        // Back from the runner lands on the findings again.
        screen.showList();
        QVERIFY(screen.isFindingsShown());
        QVERIFY(!screen.openFinding(999999));
        QVERIFY(!screen.isRunnerShown());
    }

    void findingsMoveOnFromTheListAndTheRunner()
    {
        AuditWorld world;
        AuditsScreen screen(world.workspace());
        screen.showFindings();
        const qint64 id = raiseCardioFinding(world, 14, QStringLiteral("No bias test."));
        screen.reload();
        FindingActions* actions = screen.findingActions();
        // Nobody is acting yet: moving findings on is not offered, and refused if asked.
        QVERIFY(!actions->isVisibleTo(&screen));
        QVERIFY(!screen.moveFinding(id, FindingStatus::InProgress));
        QCOMPARE(screen.messageBar()->kind(), MessageBar::Kind::Warning);
        QCOMPARE(findingStatus(world, id), QStringLiteral("open"));

        QVERIFY(screen.runner()->actAs(kLead));
        FindingListModel* model = screen.findingModel();
        auto* sorted = static_cast<QSortFilterProxyModel*>(screen.findingView()->model());
        screen.findingView()->setCurrentIndex(
            sorted->mapFromSource(model->index(model->rowOf(id), 0)));
        QVERIFY(actions->isVisibleTo(&screen));
        QVERIFY(actions->button(FindingStatus::InProgress)->isEnabled());
        QVERIFY(actions->button(FindingStatus::Resolved)->isEnabled());

        QTest::mouseClick(actions->button(FindingStatus::InProgress), Qt::LeftButton);
        QCOMPARE(findingStatus(world, id), QStringLiteral("in-progress"));
        QCOMPARE(screen.messageBar()->kind(), MessageBar::Kind::Information);
        QVERIFY(!actions->button(FindingStatus::InProgress)->isEnabled());
        QVERIFY(screen.moveFinding(id, FindingStatus::Resolved));
        QCOMPARE(findingStatus(world, id), QStringLiteral("resolved"));
        QCOMPARE(model->rowOf(id), -1); // resolved findings leave the list

        // Accepting a risk without saying why is refused, and nothing is written.
        const qint64 risky = raiseCardioFinding(world, 30, QStringLiteral("Drift unmonitored."));
        screen.reload();
        QVERIFY(!screen.moveFinding(risky, FindingStatus::RiskAccepted, QStringLiteral("  ")));
        QCOMPARE(screen.messageBar()->kind(), MessageBar::Kind::Warning);
        QVERIFY(screen.messageBar()->text().contains(QStringLiteral("justification")));
        QCOMPARE(findingStatus(world, risky), QStringLiteral("open"));
        QCOMPARE(world
                     .scalar(QStringLiteral("SELECT risk_acceptance_justification IS NULL OR "
                                            "risk_acceptance_justification = '' FROM "
                                            "audit_finding WHERE id = ?"),
                             {risky})
                     .toBool(),
                 true);

        // From the runner's findings tab, with the justification.
        AuditRunner* runner = screen.runner();
        QVERIFY(screen.openFinding(risky));
        QVERIFY(runner->findingActions()->isVisibleTo(runner));
        QVERIFY(runner->findingActions()->button(FindingStatus::RiskAccepted)->isEnabled());
        QVERIFY(!runner->moveFinding(risky, FindingStatus::RiskAccepted));
        QCOMPARE(findingStatus(world, risky), QStringLiteral("open"));
        const QString why = QStringLiteral("Monitoring starts with the next release.");
        QVERIFY(runner->moveFinding(risky, FindingStatus::RiskAccepted, why));
        QCOMPARE(findingStatus(world, risky), QStringLiteral("risk-accepted"));
        QCOMPARE(world
                     .scalar(QStringLiteral("SELECT f.risk_acceptance_justification || ' / ' || "
                                            "p.email FROM audit_finding f JOIN person p ON p.id "
                                            "= f.risk_accepted_by WHERE f.id = ?"),
                             {risky})
                     .toString(),
                 why + QStringLiteral(" / ") + kLead);
        QCOMPARE(runner->currentFindingId(), risky);
        QVERIFY(!runner->findingActions()->button(FindingStatus::Resolved)->isEnabled());
        QCOMPARE(model->rowOf(risky), -1); // the list followed the runner's change
        // The database refuses moving a final finding; the runner says why.
        QVERIFY(!runner->moveFinding(risky, FindingStatus::Resolved));
        QCOMPARE(runner->messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY(runner->messageBar()->text().contains(QStringLiteral("final")));
        QCOMPARE(findingStatus(world, risky), QStringLiteral("risk-accepted"));
    }

    void reassigningTheRespondentWritesTheItem()
    {
        AuditWorld world;
        const qint64 id = world.auditOf(QStringLiteral("CARDIO-TRIAGE"));
        AuditRunner runner(world.workspace());
        QVERIFY(runner.openAudit(id));
        QVERIFY(runner.reassignButton()->isVisibleTo(&runner));
        QVERIFY(runner.reassignButton()->isEnabled());
        const QString itemId = runner.currentItemId();
        const QString respondent =
            QStringLiteral("SELECT p.email FROM audit_item ai JOIN checklist_item ci ON ci.id = "
                           "ai.checklist_item_id JOIN person p ON p.id = ai.respondent_id WHERE "
                           "ai.audit_id = ? AND ci.item_id = ?");
        QVERIFY(world.scalar(respondent, {id, itemId}).toString() != kKwame);

        // The button opens the shared person picker; search, choose, assign.
        bool picked = false;
        QTimer::singleShot(0, this, [&] {
            auto* picker = qobject_cast<PersonPicker*>(QApplication::activeModalWidget());
            QVERIFY(picker);
            picker->search(QStringLiteral("Kwame"));
            QVERIFY(picker->results()->count() <= PersonPicker::kPageSize);
            QVERIFY(picker->select(kKwame));
            picked = true;
            picker->accept();
        });
        runner.reassignButton()->click();
        QVERIFY(picked);
        QCOMPARE(world.scalar(respondent, {id, itemId}).toString(), kKwame);
        QCOMPARE(runner.currentItemId(), itemId);
        QVERIFY(runner.respondentLabel()->text().contains(QStringLiteral("Kwame")));
        QCOMPARE(runner.messageBar()->kind(), MessageBar::Kind::Information);

        // The database's refusal (an unknown person) is shown; the respondent stays.
        QVERIFY(!runner.assignRespondent(QStringLiteral("nobody@nowhere.example")));
        QCOMPARE(runner.messageBar()->kind(), MessageBar::Kind::Error);
        QCOMPARE(world.scalar(respondent, {id, itemId}).toString(), kKwame);

        // Not offered on a closed audit.
        QVERIFY(runner.openAudit(world.auditOf(QStringLiteral("CREDIT-SCORE"))));
        QVERIFY(!runner.reassignButton()->isVisibleTo(&runner));
        QVERIFY(!runner.assignRespondent(kKwame));
    }

    void signOffIsOfferedToTheLeadOnly()
    {
        AuditWorld world(DbUser::Auditor);
        QVERIFY(!world.workspace().permissions().auditAdmin);
        QVERIFY(world.workspace().permissions().runAudits);
        const qint64 id = world.auditOf(QStringLiteral("CARDIO-TRIAGE"));
        AuditRunner runner(world.workspace());
        QVERIFY(runner.openAudit(id));
        QVERIFY(runner.actAs(kKwame));
        QVERIFY(!runner.canSignOff());
        QVERIFY(!runner.submitButton()->isVisibleTo(&runner));
        QVERIFY(!runner.closeButton()->isVisibleTo(&runner));
        QVERIFY(!runner.submitForReview());
        QCOMPARE(
            world.scalar(QStringLiteral("SELECT status FROM audit WHERE id = ?"), {id}).toString(),
            QStringLiteral("in-progress"));
        // Assessing is still theirs to do.
        QVERIFY(runner.resultButton(ItemResult::Satisfied)->isVisibleTo(&runner));

        QVERIFY(runner.actAs(kLead));
        QVERIFY(runner.canSignOff());
        QVERIFY(runner.submitButton()->isVisibleTo(&runner));
        QVERIFY(!runner.closeButton()->isVisibleTo(&runner));
        QTest::mouseClick(runner.submitButton(), Qt::LeftButton);
        QCOMPARE(
            world.scalar(QStringLiteral("SELECT status FROM audit WHERE id = ?"), {id}).toString(),
            QStringLiteral("in-review"));
        QVERIFY(!runner.submitButton()->isVisibleTo(&runner));
        QVERIFY(runner.closeButton()->isVisibleTo(&runner));
        // Items are still open: the service refuses the close and the runner says why.
        QVERIFY(!runner.closeAudit(QStringLiteral("All good.")));
        QCOMPARE(runner.messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY(runner.messageBar()->text().contains(QStringLiteral("not assessed")));
        QCOMPARE(
            world.scalar(QStringLiteral("SELECT status FROM audit WHERE id = ?"), {id}).toString(),
            QStringLiteral("in-review"));
    }

    void anAuditAdminMaySignOffForTheLead()
    {
        AuditWorld world(DbUser::AuditAdmin);
        QVERIFY(world.workspace().permissions().auditAdmin);
        AuditRunner runner(world.workspace());
        QVERIFY(runner.openAudit(world.auditOf(QStringLiteral("CARDIO-TRIAGE"))));
        QVERIFY(runner.actAs(kKwame));
        QVERIFY(runner.canSignOff());
        QVERIFY(runner.submitButton()->isVisibleTo(&runner));
    }

    void aViewerIsOfferedNoEdits()
    {
        AuditWorld world(DbUser::Viewer);
        QVERIFY(!world.workspace().permissions().runAudits);
        QVERIFY(!world.workspace().permissions().planAudits);
        AuditsScreen screen(world.workspace());
        QCOMPARE(screen.model()->rowCount(), 2);
        QVERIFY(!screen.newAuditButton()->isVisibleTo(&screen));
        QVERIFY(screen.openAudit(world.auditOf(QStringLiteral("CARDIO-TRIAGE"))));
        AuditRunner* runner = screen.runner();
        QCOMPARE(runner->audit().status, AuditStatus::InProgress);
        QVERIFY(!runner->canEdit());
        QVERIFY(!runner->resultButton(ItemResult::Satisfied)->isVisibleTo(runner));
        for (QWidget* w : std::initializer_list<QWidget*>{
                 runner->attachFileButton(), runner->addUrlButton(), runner->raiseFindingButton(),
                 runner->submitButton(), runner->closeButton(), runner->actAsButton(),
                 runner->reassignButton(), runner->findingActions()})
            QVERIFY(!w->isVisibleTo(runner));
        // Even acting as a person, a viewer is offered no finding moves.
        world.workspace().setActorEmail(kLead);
        screen.showFindings();
        QVERIFY(screen.findingModel()->rowCount() > 0);
        QVERIFY(!screen.findingActions()->isVisibleTo(&screen));
        QVERIFY(
            !screen.moveFinding(screen.findingModel()->findingAt(0)->id, FindingStatus::Resolved));
        QVERIFY(runner->exportButton()->isEnabled());
    }

    void aClosedAuditOffersNoEdits()
    {
        AuditWorld world;
        AuditRunner runner(world.workspace());
        QVERIFY(runner.actAs(kLead));
        QVERIFY(runner.openAudit(world.auditOf(QStringLiteral("CREDIT-SCORE"))));
        QCOMPARE(runner.audit().status, AuditStatus::Closed);
        QVERIFY(!runner.canEdit());
        QVERIFY(!runner.canSignOff());
        for (ItemResult r : {ItemResult::Satisfied, ItemResult::PartiallySatisfied,
                             ItemResult::NotSatisfied, ItemResult::NotApplicable})
            QVERIFY(!runner.resultButton(r)->isVisibleTo(&runner));
        for (QWidget* w : std::initializer_list<QWidget*>{
                 runner.attachFileButton(), runner.addUrlButton(), runner.raiseFindingButton(),
                 runner.saveNoteButton(), runner.submitButton(), runner.closeButton(),
                 runner.actAsButton()})
            QVERIFY(!w->isVisibleTo(&runner));
        QVERIFY(runner.noteEdit()->isReadOnly());
        QVERIFY(runner.exportButton()->isEnabled());
        QVERIFY(!runner.recordResult(ItemResult::NotSatisfied));
        QCOMPARE(runner.progressBar()->value(), runner.progressBar()->maximum());
    }

    void theDatabasesRefusalIsShown()
    {
        // The runner still offers edits, but another client has closed the audit meanwhile.
        AuditWorld world;
        const qint64 id = world.auditOf(QStringLiteral("CARDIO-TRIAGE"));
        AuditRunner runner(world.workspace());
        QVERIFY(runner.actAs(kLead));
        QVERIFY(runner.openAudit(id));
        QVERIFY(runner.canEdit());
        AuditService other(world.db());
        for (const AuditItem& item : other.items(id))
            if (item.result == ItemResult::NotAssessed)
                other.assess(id, item.itemId, QStringLiteral("satisfied"), {}, kLead);
        other.submitForReview(id, kLead);
        other.close(id, QStringLiteral("Closed by another client."), kLead);

        const QString itemId = runner.currentItemId();
        QVERIFY(!runner.recordResult(ItemResult::NotSatisfied));
        QCOMPARE(runner.messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY(!runner.messageBar()->text().isEmpty());
        QCOMPARE(world
                     .scalar(QStringLiteral(
                                 "SELECT ai.result FROM audit_item ai JOIN checklist_item ci ON "
                                 "ci.id = ai.checklist_item_id WHERE ai.audit_id = ? AND "
                                 "ci.item_id = ?"),
                             {id, itemId})
                     .toString(),
                 QStringLiteral("satisfied"));
        // Having read the audit again, the runner no longer offers edits.
        QCOMPARE(runner.audit().status, AuditStatus::Closed);
        QVERIFY(!runner.resultButton(ItemResult::Satisfied)->isVisibleTo(&runner));
    }

    void exportWritesPdfAndOscalOffTheGuiThread()
    {
        AuditWorld world;
        AuditRunner runner(world.workspace());
        QVERIFY(runner.openAudit(world.auditOf(QStringLiteral("CARDIO-TRIAGE"))));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        QSignalSpy finished(&runner, &AuditRunner::exportFinished);
        const QString pdf = dir.filePath(QStringLiteral("audit.pdf"));
        QVERIFY(runner.startExport(ReportFormat::Pdf, pdf));
        QVERIFY(runner.runningExport());
        QVERIFY(runner.cancelExportButton()->isVisibleTo(&runner));
        QVERIFY(!runner.startExport(ReportFormat::Html, dir.filePath(QStringLiteral("x.html"))));
        QVERIFY(finished.wait(120000));
        QVERIFY(!runner.runningExport());
        QCOMPARE(runner.messageBar()->kind(), MessageBar::Kind::Information);
        QVERIFY(runner.messageBar()->text().contains(QDir::toNativeSeparators(pdf)));
        QVERIFY(readAll(pdf).startsWith("%PDF"));

        const QString oscal = dir.filePath(QStringLiteral("audit.oscal.json"));
        QVERIFY(runner.startExport(ReportFormat::Oscal, oscal));
        QVERIFY(finished.wait(120000));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(readAll(oscal), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.object().contains(QStringLiteral("assessment-results")));

        const QString html = dir.filePath(QStringLiteral("audit.html"));
        QVERIFY(runner.startExport(ReportFormat::Html, html));
        QVERIFY(finished.wait(120000));
        QVERIFY(readAll(html).contains("CARDIO-TRIAGE"));

        // Cancelled at once, the export discards its result; whichever way the race goes, the
        // message and the file agree.
        const QString cancelled = dir.filePath(QStringLiteral("cancelled.pdf"));
        QVERIFY(runner.startExport(ReportFormat::Pdf, cancelled));
        runner.cancelExportButton()->click();
        QVERIFY(finished.wait(120000));
        if (runner.messageBar()->text().contains(QStringLiteral("cancelled")))
            QVERIFY(!QFile::exists(cancelled));
        else
            QVERIFY(readAll(cancelled).startsWith("%PDF"));

        // A failure to write is reported, not swallowed.
        QVERIFY(runner.startExport(ReportFormat::Html,
                                   dir.filePath(QStringLiteral("no/such/folder/audit.html"))));
        QVERIFY(finished.wait(120000));
        QCOMPARE(runner.messageBar()->kind(), MessageBar::Kind::Error);
    }

    void mainWindowHasTheAuditsScreen()
    {
        AuditWorld world;
        MainWindow window(world.workspace(), QStringLiteral("the test database"));
        QVERIFY(window.audits());
        QCOMPARE(window.screen(MainWindow::Audits), static_cast<QWidget*>(window.audits()));
        QCOMPARE(window.screenTitle(MainWindow::Audits), QStringLiteral("Audits"));
        QCOMPARE(MainWindow::screenSlug(MainWindow::Audits), QStringLiteral("audits"));
        window.showScreen(MainWindow::Audits);
        QCOMPARE(window.currentScreen(), MainWindow::Audits);
        QCOMPARE(window.audits()->model()->rowCount(), 2);

        // The Overview's overdue figure opens the overdue findings.
        window.showScreen(MainWindow::Overview);
        emit window.overview()->overdueFindingsActivated();
        QCOMPARE(window.currentScreen(), MainWindow::Audits);
        QVERIFY(window.audits()->isFindingsShown());
        QVERIFY(window.audits()->overdueOnlyBox()->isChecked());
        QCOMPARE(listedFindings(*window.audits()->findingModel()),
                 findingIds(world, QStringLiteral("status IN ('open', 'in-progress') AND "
                                                  "due_date < current_date")));
    }
};

STEWARD_GUI_TEST_MAIN(AuditsTest)

#include "audits_test.moc"
