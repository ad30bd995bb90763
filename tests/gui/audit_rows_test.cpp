// The Audits screen offers, row by row, what the server would accept from a login that is a
// person (sql/0011, sql/0015): a respondent answers their own items only, the lead alone is offered
// the lead's steps, a finding's owner moves it on but does not accept its risk, and nobody else is
// offered either. The acting person is the login's, whatever the user chooses.
#include "audit/audit_service.h"
#include "audits/audit_runner.h"
#include "audits/audits_screen.h"
#include "audits/finding_actions.h"
#include "audits/finding_list_model.h"
#include "common/message_bar.h"
#include "gui_fixture.h"
#include "services/user_service.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>

using namespace steward;
using namespace steward::gui;

namespace {

const QString kLead = QStringLiteral("elena.popescu@demo.steward.example");
const QString kKwame = QStringLiteral("kwame.mensah@demo.steward.example");

// A login of `access` linked to the person with `email`, and the workspace it opens.
class LinkedLogin {
public:
    LinkedLogin(DemoWorkspace& world, const QString& email, const QString& access)
    {
        static int logins = 0;
        const QString login =
            QStringLiteral("rows_%1_%2").arg(QCoreApplication::applicationPid()).arg(++logins);
        const QString password = QStringLiteral("pw-") + login;
        UserService(world.db()).add(email, access, login, password);
        m_db = std::make_unique<Database>(
            withSettings(world.testDatabase().conninfo(),
                         {{QStringLiteral("user"), login}, {QStringLiteral("password"), password}}),
            // A claim the database ignores for a linked login; the workspace too.
            kLead);
        m_workspace = std::make_unique<Workspace>(*m_db);
    }
    Workspace& workspace() { return *m_workspace; }

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Workspace> m_workspace;
};

qint64 cardioAudit(DemoWorkspace& world)
{
    return world
        .scalar(QStringLiteral("SELECT a.id FROM audit a JOIN project p ON p.id = a.project_id "
                               "WHERE p.key = 'CARDIO-TRIAGE'"))
        .toLongLong();
}

} // namespace

class AuditRowsTest : public QObject {
    Q_OBJECT

private slots:
    void aRespondentAnswersTheirOwnItemsOnly()
    {
        DemoWorkspace world(QStringLiteral("tester"), DemoPlugins::Bundled);
        const qint64 audit = cardioAudit(world);
        // A respondent of the audit who does not lead it, one of their items and someone else's.
        const QString respondent =
            world
                .scalar(QStringLiteral("SELECT p.email FROM audit_item ai JOIN audit a ON a.id = "
                                       "ai.audit_id JOIN person p ON p.id = ai.respondent_id "
                                       "WHERE a.id = ? AND ai.respondent_id <> a.lead_id AND "
                                       "ai.not_applicable_reason = '' ORDER BY p.email LIMIT 1"),
                        {audit})
                .toString();
        QVERIFY(!respondent.isEmpty());
        const QString itemSql = QStringLiteral(
            "SELECT ci.item_id FROM audit_item ai JOIN checklist_item ci ON ci.id = "
            "ai.checklist_item_id JOIN person p ON p.id = ai.respondent_id WHERE ai.audit_id = ? "
            "AND ai.not_applicable_reason = '' AND (p.email = ?) = ? ORDER BY ci.position LIMIT 1");
        const QString theirs = world.scalar(itemSql, {audit, respondent, true}).toString();
        const QString others = world.scalar(itemSql, {audit, respondent, false}).toString();
        QVERIFY(!theirs.isEmpty() && !others.isEmpty());

        LinkedLogin login(world, respondent, QStringLiteral("auditor"));
        QVERIFY(login.workspace().isLinkedToPerson());
        QCOMPARE(login.workspace().actorEmail(), respondent);
        login.workspace().setActorEmail(kLead); // "Act as…" cannot make them someone else
        QCOMPARE(login.workspace().actorEmail(), respondent);

        AuditRunner runner(login.workspace());
        QVERIFY(runner.openAudit(audit));
        QVERIFY(runner.canEdit());
        QVERIFY(!runner.actAsButton()->isVisibleTo(&runner));
        QVERIFY(runner.selectItem(theirs));
        QVERIFY(runner.canAnswerCurrentItem());
        QVERIFY(runner.resultButton(ItemResult::Satisfied)->isEnabled());
        QVERIFY(runner.attachFileButton()->isEnabled());
        QVERIFY(runner.selectItem(others));
        QVERIFY(!runner.canAnswerCurrentItem());
        QVERIFY(!runner.resultButton(ItemResult::Satisfied)->isEnabled());
        QVERIFY(!runner.attachFileButton()->isEnabled());
        QVERIFY(!runner.raiseFindingButton()->isEnabled());
        // The lead's steps are not theirs.
        QVERIFY(!runner.reassignButton()->isVisibleTo(&runner));
        QVERIFY(!runner.canSignOff());
        QVERIFY(!runner.submitButton()->isVisibleTo(&runner));

        // What the runner offers, the server accepts; what it does not, the server refuses.
        QVERIFY(runner.selectItem(theirs));
        QVERIFY(runner.recordResult(ItemResult::Satisfied));
        QCOMPARE(world
                     .scalar(QStringLiteral("SELECT p.email FROM audit_item ai JOIN checklist_item "
                                            "ci ON ci.id = ai.checklist_item_id JOIN person p ON "
                                            "p.id = ai.assessed_by WHERE ai.audit_id = ? AND "
                                            "ci.item_id = ?"),
                             {audit, theirs})
                     .toString(),
                 respondent);
        QVERIFY(runner.selectItem(others));
        QVERIFY(!runner.recordResult(ItemResult::Satisfied));
        QCOMPARE(runner.messageBar()->kind(), MessageBar::Kind::Error);
    }

    void theLeadIsOfferedTheLeadsSteps()
    {
        DemoWorkspace world(QStringLiteral("tester"), DemoPlugins::Bundled);
        LinkedLogin lead(world, kLead, QStringLiteral("auditor"));
        AuditRunner runner(lead.workspace());
        QVERIFY(runner.openAudit(cardioAudit(world)));
        QVERIFY(runner.canSignOff());
        QVERIFY(runner.submitButton()->isVisibleTo(&runner));
        QVERIFY(runner.reassignButton()->isVisibleTo(&runner));
        QVERIFY(runner.canAnswerCurrentItem());
    }

    void aFindingsOwnerMovesItOnButDoesNotAcceptItsRisk()
    {
        DemoWorkspace world(QStringLiteral("tester"), DemoPlugins::Bundled);
        const qint64 audit = cardioAudit(world);
        AuditService service(world.db());
        FindingInput input;
        for (const AuditItem& item : service.items(audit))
            if (item.result == ItemResult::NotSatisfied)
                input.itemId = item.itemId;
        input.severity = QStringLiteral("high");
        input.description = QStringLiteral("No drift monitoring.");
        input.remediation = QStringLiteral("Monitor it.");
        input.ownerEmail = kKwame;
        input.dueDate = QDate::currentDate().addDays(14);
        const qint64 finding = service.raiseFinding(audit, input).id;
        const QString status = QStringLiteral("SELECT status FROM audit_finding WHERE id = ?");

        // Kwame is a manager: no audit rights per table, yet the owner of this finding.
        LinkedLogin owner(world, kKwame, QStringLiteral("manager"));
        QVERIFY(!owner.workspace().permissions().runAudits);
        AuditsScreen screen(owner.workspace());
        screen.showFindings();
        FindingListModel* model = screen.findingModel();
        QVERIFY(model->rowOf(finding) >= 0);
        FindingActions* actions = screen.findingActions();
        QVERIFY(!actions->isVisibleTo(&screen)); // nothing selected
        auto* sorted = static_cast<QSortFilterProxyModel*>(screen.findingView()->model());
        screen.findingView()->setCurrentIndex(
            sorted->mapFromSource(model->index(model->rowOf(finding), 0)));
        QVERIFY(actions->isVisibleTo(&screen));
        QVERIFY(actions->button(FindingStatus::InProgress)->isEnabled());
        QVERIFY(!actions->button(FindingStatus::RiskAccepted)->isVisibleTo(&screen));
        QVERIFY(!screen.moveFinding(finding, FindingStatus::RiskAccepted,
                                    QStringLiteral("We can live with it.")));
        QCOMPARE(screen.messageBar()->kind(), MessageBar::Kind::Warning);
        QCOMPARE(world.scalar(status, {finding}).toString(), QStringLiteral("open"));
        QTest::mouseClick(actions->button(FindingStatus::InProgress), Qt::LeftButton);
        QCOMPARE(world.scalar(status, {finding}).toString(), QStringLiteral("in-progress"));

        // Another manager, neither its owner nor the lead, is offered nothing on it.
        const QString stranger =
            world
                .scalar(QStringLiteral("SELECT email FROM person WHERE email NOT IN (?, ?) AND "
                                       "active ORDER BY email LIMIT 1"),
                        {kKwame, kLead})
                .toString();
        LinkedLogin other(world, stranger, QStringLiteral("manager"));
        AuditsScreen theirs(other.workspace());
        theirs.showFindings();
        FindingListModel* theirModel = theirs.findingModel();
        auto* theirSorted = static_cast<QSortFilterProxyModel*>(theirs.findingView()->model());
        theirs.findingView()->setCurrentIndex(
            theirSorted->mapFromSource(theirModel->index(theirModel->rowOf(finding), 0)));
        QVERIFY(!theirs.findingActions()->isVisibleTo(&theirs));
        QVERIFY(!theirs.moveFinding(finding, FindingStatus::Resolved));
        QCOMPARE(world.scalar(status, {finding}).toString(), QStringLiteral("in-progress"));
    }
};

STEWARD_GUI_TEST_MAIN(AuditRowsTest)
#include "audit_rows_test.moc"
