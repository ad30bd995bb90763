// The application shell around the screens: the connection dialog, the change feed that brings
// other clients' edits in, and the permissions PostgreSQL grants the connected user.
#include "app/connection_dialog.h"
#include "app/main_window.h"
#include "audits/audits_screen.h"
#include "audits/new_audit_dialog.h"
#include "common/change_feed.h"
#include "common/message_bar.h"
#include "error.h"
#include "gui_fixture.h"
#include "history/history_screen.h"
#include "people/people_screen.h"
#include "people/person_list_model.h"
#include "plugins/plugins_screen.h"
#include "projects/projects_screen.h"
#include "raci/raci_editor.h"
#include "raci/raci_matrix_model.h"
#include "services/person_service.h"
#include "services/user_service.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableWidget>

using namespace steward;
using namespace steward::gui;

class ShellTest : public QObject {
    Q_OBJECT

private slots:
    void connectionDialogShowsAUriAsTheUsualSettings()
    {
        const QString uri =
            QStringLiteral("postgresql://alice@db.example.org:5433/governance?sslmode=require");
        const ConnectionDialog::Fields f = ConnectionDialog::split(uri);
        QCOMPARE(f.host, QStringLiteral("db.example.org"));
        QCOMPARE(f.port, 5433);
        QCOMPARE(f.dbname, QStringLiteral("governance"));
        QCOMPARE(f.user, QStringLiteral("alice"));
        QCOMPARE(f.sslmode, QStringLiteral("require"));
        QVERIFY(f.rest.isEmpty());
        QCOMPARE(ConnectionDialog::split(ConnectionDialog::join(f)).host, f.host);

        ConnectionDialog dialog(uri, QStringLiteral("alice@example.org"));
        QCOMPARE(dialog.actorEmail(), QStringLiteral("alice@example.org"));
        // Fields in, conninfo out: the same server, whatever form it was given in.
        const ConnectionDialog::Fields back = ConnectionDialog::split(dialog.database());
        QCOMPARE(back.host, f.host);
        QCOMPARE(back.port, f.port);
        QCOMPARE(back.dbname, f.dbname);
        QCOMPARE(back.user, f.user);
        QCOMPARE(back.sslmode, f.sslmode);
    }

    void connectionDialogEditsFieldsAndKeepsOtherSettings()
    {
        ConnectionDialog dialog(QStringLiteral("service=steward connect_timeout=5"));
        QLineEdit* host = nullptr;
        for (QLineEdit* e : dialog.findChildren<QLineEdit*>())
            if (e->accessibleName() == QLatin1String("Host"))
                host = e;
        QVERIFY(host);
        host->setText(QStringLiteral("db.internal"));
        const ConnectionDialog::Fields f = ConnectionDialog::split(dialog.database());
        QCOMPARE(f.host, QStringLiteral("db.internal"));
        QVERIFY2(f.rest.contains(QLatin1String("service='steward'")), qPrintable(f.rest));
        QVERIFY2(f.rest.contains(QLatin1String("connect_timeout='5'")), qPrintable(f.rest));

        for (QRadioButton* r : dialog.findChildren<QRadioButton*>())
            if (r->text().contains(QLatin1String("embedded")))
                r->setChecked(true);
        QCOMPARE(dialog.database(), QString());
    }

    // The connection is lost and opened again: the window still hears of others' changes.
    void changeFeedListensAgainAfterTheConnectionWasLost()
    {
        DemoWorkspace demo;
        ChangeFeed feed(demo.db(), 50);
        QVERIFY(feed.isListening());
        QSignalSpy spy(&feed, &ChangeFeed::changed);
        Database other(demo.testDatabase().conninfo(), QStringLiteral("someone else"));
        QSqlQuery pid = demo.db().exec(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(pid.next());
        other.exec(QStringLiteral("SELECT pg_terminate_backend(?)"), {pid.value(0)});
        QTest::qWait(200);
        // Whether this statement fails, or finds the connection already known to be lost and
        // opens it again first, depends on whether the driver saw the socket close; the one
        // after it works either way.
        try {
            demo.db().exec(QStringLiteral("SELECT 1"));
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Unavailable);
        }
        demo.db().exec(QStringLiteral("SELECT 1"));
        PersonService(other).add(Person{
            0, QStringLiteral("later@example.org"), QStringLiteral("Later"), {}, {}, {}, true, 0});
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.at(0).at(0).toStringList(), QStringList{QStringLiteral("person")});
    }

    void changeFeedReportsAnotherClientsCommitOncePerTable()
    {
        DemoWorkspace demo;
        ChangeFeed feed(demo.db(), 50);
        QVERIFY(feed.isListening());
        QSignalSpy spy(&feed, &ChangeFeed::changed);

        Database other(demo.testDatabase().conninfo(), QStringLiteral("someone else"));
        {
            Transaction tx(other);
            PersonService people(other);
            for (int i = 0; i < 20; ++i) {
                Person p;
                p.email = QStringLiteral("new%1@example.org").arg(i);
                p.name = QStringLiteral("New Person %1").arg(i);
                people.add(p);
            }
            tx.commit();
        }
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toStringList(), QStringList{QStringLiteral("person")});
        const ChangedAreas areas = changedAreas(spy.at(0).at(0).toStringList());
        QVERIFY(areas.people);
        QVERIFY(!areas.audits);

        // The window's own edits are not echoed back to it.
        PersonService(demo.db()).add(Person{
            0, QStringLiteral("mine@example.org"), QStringLiteral("Mine"), {}, {}, {}, true, 0});
        QVERIFY(!spy.wait(500));
    }

    // Row by row: a manager's window offers edits only on the projects that manager manages.
    void aManagerEditsTheStaffingOfTheirOwnProjectsOnly()
    {
        DemoWorkspace demo;
        QSqlQuery q = demo.db().exec(QStringLiteral(
            "SELECT p.key, o.email FROM project p JOIN person o ON o.id = p.owner_id "
            "ORDER BY p.key LIMIT 1"));
        QVERIFY(q.next());
        const QString mine = q.value(0).toString();
        const QString owner = q.value(1).toString();
        QSqlQuery other = demo.db().exec(
            QStringLiteral("SELECT p.key FROM project p WHERE p.owner_id IS DISTINCT FROM (SELECT "
                           "owner_id FROM project WHERE key = ?) AND NOT EXISTS (SELECT FROM "
                           "assignment a JOIN person e ON e.id = a.person_id WHERE a.project_id "
                           "= p.id AND a.role_key = 'ai-project-manager' AND lower(e.email) = "
                           "lower(?)) ORDER BY p.key LIMIT 1"),
            {mine, owner});
        QVERIFY(other.next());
        const QString theirs = other.value(0).toString();

        const QString login = QStringLiteral("owner_%1").arg(QCoreApplication::applicationPid());
        UserService(demo.db()).add(owner, QStringLiteral("manager"), login, QStringLiteral("pw"));
        Database db(withSettings(
            demo.testDatabase().conninfo(),
            {{QStringLiteral("user"), login}, {QStringLiteral("password"), QStringLiteral("pw")}}));
        Workspace ws(db);
        QVERIFY(ws.permissions().editStaffing);
        QVERIFY(ws.mayManageProject(mine));
        QVERIFY(!ws.mayManageProject(theirs));

        RaciEditor editor(ws);
        QVERIFY(editor.openProject(mine));
        QVERIFY(!editor.model()->isReadOnly());
        QVERIFY(editor.openProject(theirs));
        QVERIFY(editor.model()->isReadOnly());
        QVERIFY(editor.messageBar()->text().contains(QStringLiteral("project's owner")));
        QVERIFY(editor.openProject(mine));
        QVERIFY(!editor.model()->isReadOnly());

        // A new audit is offered only on the projects the manager manages.
        NewAuditDialog dialog(db, owner);
        QVERIFY(dialog.projectBox()->findData(mine) >= 0);
        QCOMPARE(dialog.projectBox()->findData(theirs), -1);
        QSqlQuery managed = demo.db().exec(
            QStringLiteral("SELECT count(*) FROM project p LEFT JOIN person o ON o.id = p.owner_id "
                           "WHERE lower(o.email) = lower(?) OR EXISTS (SELECT FROM assignment a "
                           "JOIN person e ON e.id = a.person_id WHERE a.project_id = p.id AND "
                           "a.role_key = 'ai-project-manager' AND lower(e.email) = lower(?) AND "
                           "a.from_date <= current_date AND (a.to_date IS NULL OR a.to_date >= "
                           "current_date))"),
            {owner, owner});
        QVERIFY(managed.next());
        QCOMPARE(dialog.projectBox()->count(), managed.value(0).toInt());
    }

    void permissionsAreWhatPostgreSqlGrants()
    {
        DemoWorkspace demo;
        // The test connects as the cluster's owner, which may do anything but is not an audit
        // admin: that takes explicit membership of steward_admin.
        QVERIFY(!demo.workspace().permissions().readOnly());
        QVERIFY(demo.workspace().permissions().editStaffing);
        QVERIFY(!demo.workspace().permissions().auditAdmin);

        const QString conninfo = demo.testDatabase().conninfo();
        auto check = [&conninfo](const char* group, auto&& verify) {
            Database db(createLoginRole(conninfo, QString::fromLatin1(group)));
            Workspace ws(db);
            verify(ws.permissions());
        };
        check("steward_viewer", [](const Permissions& p) { QVERIFY(p.readOnly()); });
        check("steward_auditor", [](const Permissions& p) {
            QVERIFY(p.runAudits);
            QVERIFY(!p.editStaffing);
            QVERIFY(!p.planAudits);
        });
        check("steward_manager", [](const Permissions& p) {
            QVERIFY(p.editPeople && p.editProjects && p.editStaffing && p.planAudits);
            QVERIFY(!p.runAudits);
            QVERIFY(!p.managePlugins);
        });
        check("steward_admin", [](const Permissions& p) {
            QVERIFY(p.auditAdmin && p.managePlugins && p.runAudits && p.editStaffing);
        });
    }

    void windowShowsAnotherClientsChangesWithoutARestart()
    {
        DemoWorkspace demo;
        MainWindow window(demo.workspace(), QStringLiteral("the test database"));
        QVERIFY(window.changes()->isListening());
        const int before = window.people()->model()->rowCount();
        QVERIFY(window.raci()->openProject(QStringLiteral("SEPSIS-ALERT")));
        QSqlQuery consulted = demo.db().exec(QStringLiteral(
            "SELECT r.id, r.responsibility_key, pe.email FROM raci_entry r "
            "JOIN project p ON p.id = r.project_id JOIN person pe ON pe.id = r.person_id "
            "WHERE p.key = 'SEPSIS-ALERT' AND r.kind = 'C' ORDER BY r.id LIMIT 1"));
        QVERIFY(consulted.next());
        const RaciMatrixModel* matrix = window.raci()->model();
        auto cellText = [&] {
            return matrix
                ->index(matrix->responsibilityRow(consulted.value(1).toString()),
                        matrix->personColumn(consulted.value(2).toString()))
                .data()
                .toString();
        };
        QCOMPARE(cellText(), QStringLiteral("C"));

        Database other(demo.testDatabase().conninfo(), QStringLiteral("someone else"));
        PersonService(other).add(Person{0,
                                        QStringLiteral("newcomer@example.org"),
                                        QStringLiteral("Aaron Newcomer"),
                                        {},
                                        {},
                                        {},
                                        true,
                                        0});
        other.exec(QStringLiteral("DELETE FROM raci_entry WHERE id = ?"), {consulted.value(0)});
        QTRY_COMPARE_WITH_TIMEOUT(window.people()->model()->rowCount(), before + 1, 5000);
        // The open RACI matrix, not being edited, follows too.
        QTRY_COMPARE_WITH_TIMEOUT(cellText(), QString(), 5000);
        QVERIFY(!window.raci()->model()->isDirty());
    }

    void aViewerIsOfferedNoChanges()
    {
        DemoWorkspace demo;
        Database viewerDb(
            createLoginRole(demo.testDatabase().conninfo(), QStringLiteral("steward_viewer")));
        Workspace viewer(viewerDb);
        MainWindow window(viewer, QStringLiteral("the test database"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(window.statusText().contains(QLatin1String("read only")),
                 qPrintable(window.statusText()));
        QVERIFY(!window.people()->importAction()->isVisible());
        QVERIFY(!window.audits()->newAuditButton()->isVisibleTo(window.audits()));
        QVERIFY(window.raci()->openProject(QStringLiteral("SEPSIS-ALERT")));
        QVERIFY(!window.raci()->saveButton()->isVisibleTo(window.raci()));
        for (QPushButton* b : window.plugins()->findChildren<QPushButton*>())
            QVERIFY2(!b->isVisibleTo(window.plugins()), qPrintable(b->text()));

        // The same window for the database's owner offers them.
        MainWindow owner(demo.workspace(), QStringLiteral("the test database"));
        owner.show();
        QVERIFY(QTest::qWaitForWindowExposed(&owner));
        QVERIFY(owner.people()->importAction()->isVisible());
        QVERIFY(owner.audits()->newAuditButton()->isVisibleTo(owner.audits()));
        QVERIFY(owner.raci()->openProject(QStringLiteral("SEPSIS-ALERT")));
        QVERIFY(owner.raci()->saveButton()->isVisibleTo(owner.raci()));
    }

    void personAndProjectPagesOpenTheirHistory()
    {
        DemoWorkspace demo;
        MainWindow window(demo.workspace(), QStringLiteral("the test database"));
        auto clickHistory = [&window](const char* accessibleName) {
            for (QPushButton* b : window.findChildren<QPushButton*>())
                if (b->accessibleName() == QLatin1String(accessibleName)) {
                    QVERIFY(b->isEnabled());
                    b->click();
                    return;
                }
            QFAIL(accessibleName);
        };

        window.people()->showPerson(QStringLiteral("kwame.mensah@demo.steward.example"));
        clickHistory("Show the change history of this person");
        QCOMPARE(window.currentScreen(), MainWindow::History);
        const int personRows = demo.count(
            QStringLiteral("SELECT count(*) FROM history h JOIN person p ON h.table_name = "
                           "'person' AND h.row_key = p.id::text WHERE p.email = ?"),
            {QStringLiteral("kwame.mensah@demo.steward.example")});
        QVERIFY(personRows > 0);
        QCOMPARE(window.history()->table()->rowCount(), personRows);

        window.projects()->showProject(QStringLiteral("SEPSIS-ALERT"));
        clickHistory("Show the change history of this project");
        QCOMPARE(window.currentScreen(), MainWindow::History);
        QCOMPARE(window.history()->table()->rowCount(),
                 demo.count(QStringLiteral(
                     "SELECT count(*) FROM history h JOIN project p ON h.table_name = 'project' "
                     "AND h.row_key = p.id::text WHERE p.key = 'SEPSIS-ALERT'")));
    }

    void countsReadAsEnglishForOneAndForMany()
    {
        // The shipped English translation, installed by the test main as by steward-gui.
        const char* context = "steward::gui::AuditsScreen";
        QCOMPARE(QCoreApplication::translate(context, "%n audit(s)", nullptr, 1),
                 QStringLiteral("1 audit"));
        QCOMPARE(QCoreApplication::translate(context, "%n audit(s)", nullptr, 3),
                 QStringLiteral("3 audits"));
    }

    void actingPersonIsTheActorWhenTheyArePeople()
    {
        DemoWorkspace demo(QStringLiteral("KWAME.MENSAH@demo.steward.example"));
        QCOMPARE(demo.workspace().actorEmail(),
                 QStringLiteral("kwame.mensah@demo.steward.example"));
        DemoWorkspace stranger(QStringLiteral("nobody"));
        QCOMPARE(stranger.workspace().actorEmail(), QString());
    }
};

STEWARD_GUI_TEST_MAIN(ShellTest)

#include "shell_test.moc"
