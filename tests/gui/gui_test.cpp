// The screens of steward-gui on the demo organisation, in a fresh test database each: they open
// and show the data, the RACI editor writes exactly the edited rows, highlights a broken shape
// while it is being made, and reports a concurrent edit instead of overwriting it.
#include "app/main_window.h"
#include "catalogue/catalogue_screen.h"
#include "common/message_bar.h"
#include "common/workspace.h"
#include "coverage/core_rules.h"
#include "database_fixture.h"
#include "db/database.h"
#include "demo/demo_organisation.h"
#include "history/history_screen.h"
#include "overview/overview_screen.h"
#include "people/people_screen.h"
#include "people/person_list_model.h"
#include "people/person_page.h"
#include "plugins/plugin_runtime.h"
#include "plugins/plugins_screen.h"
#include "projects/project_list_model.h"
#include "projects/project_page.h"
#include "projects/projects_screen.h"
#include "raci/raci_editor.h"
#include "raci/raci_matrix_model.h"
#include "services/catalog_service.h"
#include "services/staffing_service.h"
#include "test_support.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

using namespace steward;
using namespace steward::gui;

namespace {

const QString kKwame = QStringLiteral("kwame.mensah@demo.steward.example");
const QString kTariq = QStringLiteral("tariq.aziz@demo.steward.example");
const QString kSepsis = QStringLiteral("SEPSIS-ALERT");
const QString kDetectBias = QStringLiteral("ai-ethicist.detect-bias");

} // namespace

class GuiTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_testDb;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Workspace> m_workspace;

    QVariant scalar(const QString& sql, const QVariantList& params = {})
    {
        QSqlQuery q = m_db->exec(sql, params);
        return q.next() ? q.value(0) : QVariant();
    }
    int count(const QString& sql, const QVariantList& params = {})
    {
        return scalar(sql, params).toInt();
    }

    int raciCount(const QString& project, const QString& responsibility, const QString& email,
                  const QString& kind)
    {
        return count(QStringLiteral(
                         "SELECT count(*) FROM raci_entry r JOIN project p ON p.id = r.project_id "
                         "JOIN person pe ON pe.id = r.person_id WHERE p.key = ? AND "
                         "r.responsibility_key = ? AND pe.email = ? AND r.kind = ?"),
                     {project, responsibility, email, kind});
    }

    static QModelIndex cell(const RaciMatrixModel* model, const QString& responsibility,
                            const QString& email)
    {
        return model->index(model->responsibilityRow(responsibility), model->personColumn(email));
    }

    static QStringList codes(const RaciMatrixModel* model, const QString& responsibility)
    {
        return model->index(model->responsibilityRow(responsibility), 0)
            .data(RaciMatrixModel::FindingCodesRole)
            .toStringList();
    }

    static void typeInto(RaciEditor& editor, const QModelIndex& index, Qt::Key key)
    {
        editor.view()->setCurrentIndex(index);
        editor.view()->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
        QTest::keyClick(editor.view(), key);
    }

private slots:
    void init()
    {
        m_testDb = std::make_unique<TestDatabase>();
        m_db = std::make_unique<Database>(m_testDb->conninfo(), QStringLiteral("tester"));
        DemoOrganisation::load(*m_db, QDate::currentDate());
        m_workspace = std::make_unique<Workspace>(*m_db);
    }

    void cleanup()
    {
        m_workspace.reset();
        m_db.reset();
        m_testDb.reset();
    }

    void peopleScreenListsSearchesSortsAndShowsAPerson()
    {
        PeopleScreen screen(*m_workspace);
        PersonListModel* model = screen.model();
        QCOMPARE(model->rowCount(), count(QStringLiteral("SELECT count(*) FROM person")));
        QCOMPARE(model->index(0, PersonListModel::NameColumn).data().toString(),
                 scalar(QStringLiteral("SELECT name FROM person ORDER BY lower(name), id LIMIT 1"))
                     .toString());

        screen.view()->sortByColumn(PersonListModel::EmailColumn, Qt::DescendingOrder);
        QCOMPARE(
            model->index(0, PersonListModel::EmailColumn).data().toString(),
            scalar(QStringLiteral("SELECT email FROM person ORDER BY lower(email) DESC LIMIT 1"))
                .toString());

        QTest::keyClicks(screen.searchField(), QStringLiteral("kwame"));
        QTRY_COMPARE(model->rowCount(), 1);
        screen.view()->setCurrentIndex(model->index(0, 0));
        PersonPage* page = screen.page();
        QCOMPARE(page->currentEmail(), kKwame);
        QCOMPARE(page->assignmentsTable()->rowCount(),
                 static_cast<int>(StaffingService(*m_db).assignmentsOf(kKwame).size()));
        // One row per duty, with all the letters the person holds for it.
        QCOMPARE(page->raciTable()->rowCount(),
                 count(QStringLiteral("SELECT count(DISTINCT (r.project_id, r.responsibility_key)) "
                                      "FROM raci_entry r JOIN person pe ON pe.id = r.person_id "
                                      "WHERE pe.email = ?"),
                       {kKwame}));
        QVERIFY(page->warningBar()->text().contains(QStringLiteral("CHURN-PREDICT")));
        QVERIFY(page->warningBar()->isVisibleTo(page));
        QCOMPARE(page->warningBar()->kind(), MessageBar::Kind::Warning);
        QVERIFY2(page->warningBar()->text().contains(QStringLiteral("120 %")),
                 qPrintable(page->warningBar()->text()));

        // Somebody without an over-allocation gets no warning.
        page->showPerson(kTariq);
        QVERIFY(!page->warningBar()->isVisibleTo(page));
        QVERIFY(page->assignmentsTable()->rowCount() > 0);
    }

    void peopleModelReadsOnlyThePagesItShows()
    {
        m_db->exec(QStringLiteral(
            "INSERT INTO person (email, name) SELECT 'bulk' || g || '@example.org', "
            "'Bulk Person ' || lpad(g::text, 5, '0') FROM generate_series(1, 5000) g"));
        PersonListModel model(*m_db);
        const int total = count(QStringLiteral("SELECT count(*) FROM person"));
        QCOMPARE(model.rowCount(), total);
        QCOMPARE(model.pagesRead(), 0); // opening reads the count only
        QVERIFY(model.personAt(0));
        QCOMPARE(model.pagesRead(), 1);
        const Person* last = model.personAt(total - 1);
        QVERIFY(last);
        QCOMPARE(last->email,
                 scalar(QStringLiteral(
                            "SELECT email FROM person ORDER BY lower(name) DESC, id DESC LIMIT 1"))
                     .toString());
        QCOMPARE(model.pagesRead(), 2);
        for (int row = 0; row < total; row += PersonListModel::kPageSize)
            QVERIFY(model.personAt(row));
        QVERIFY(model.cachedPages() <= PersonListModel::kMaxCachedPages);
    }

    void projectsScreenFiltersAndShowsTeamAndFindings()
    {
        ProjectsScreen screen(*m_workspace);
        QCOMPARE(screen.model()->rowCount(), count(QStringLiteral("SELECT count(*) FROM project")));

        screen.riskFilter()->setCurrentIndex(
            screen.riskFilter()->findData(static_cast<int>(RiskTier::High)));
        QCOMPARE(screen.model()->rowCount(),
                 count(QStringLiteral("SELECT count(*) FROM project WHERE risk_tier = 'high'")));
        screen.industryFilter()->setCurrentIndex(
            screen.industryFilter()->findData(static_cast<int>(Industry::Healthcare)));
        QCOMPARE(screen.model()->rowCount(),
                 count(QStringLiteral("SELECT count(*) FROM project WHERE risk_tier = 'high' AND "
                                      "industry = 'healthcare'")));

        screen.showProject(kSepsis);
        ProjectPage* page = screen.page();
        QCOMPARE(page->currentKey(), kSepsis);
        QCOMPARE(page->teamTree()->topLevelItemCount(),
                 count(QStringLiteral("SELECT count(DISTINCT role_key) FROM assignment a JOIN "
                                      "project p ON p.id = a.project_id "
                                      "WHERE p.key = ?"),
                       {kSepsis}));
        QStringList findings;
        for (int row = 0; row < page->findingsTable()->rowCount(); ++row)
            findings << page->findingsTable()->item(row, 1)->text() + QLatin1Char('|') +
                            page->findingsTable()->item(row, 2)->text();
        QVERIFY2(findings.join(QLatin1Char('\n')).contains(QStringLiteral("Nobody is Accountable")),
                 qPrintable(findings.join(QLatin1Char('\n'))));
        QVERIFY(findings.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("ai-ethicist role on SEPSIS-ALERT")));

        // A project hidden by the filters is still shown on request; the filters are cleared.
        screen.showProject(QStringLiteral("CHURN-PREDICT"));
        QCOMPARE(page->currentKey(), QStringLiteral("CHURN-PREDICT"));
        QCOMPARE(screen.riskFilter()->currentIndex(), 0);
    }

    void raciEditorHighlightsBrokenShapesAndWritesTheEditedRows()
    {
        RaciEditor editor(*m_workspace);
        editor.show();
        QVERIFY(editor.openProject(kSepsis));
        RaciMatrixModel* model = editor.model();
        QVERIFY(model->responsibilityRow(kDetectBias) >= 0);
        QVERIFY(codes(model, kDetectBias).contains(QLatin1String(coverage_code::NoAccountable)));
        QVERIFY(model->index(model->responsibilityRow(kDetectBias), 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Nobody is Accountable")));
        QVERIFY(!editor.saveButton()->isEnabled());
        const int before = count(QStringLiteral("SELECT count(*) FROM raci_entry"));

        // Typing A in Tariq's cell closes the gap, before anything is saved.
        const QModelIndex tariq = cell(model, kDetectBias, kTariq);
        QVERIFY(tariq.isValid());
        QVERIFY(!tariq.data().toString().contains(QLatin1Char('A')));
        typeInto(editor, tariq, Qt::Key_A);
        QVERIFY(tariq.data().toString().contains(QLatin1Char('A')));
        QVERIFY(!codes(model, kDetectBias).contains(QLatin1String(coverage_code::NoAccountable)));
        QVERIFY(editor.saveButton()->isEnabled());

        // Clearing a complete row breaks it: nobody Accountable, nobody Responsible, highlighted.
        const QString data = QStringLiteral("data-engineer.assure-data-quality");
        const int dataRow = model->responsibilityRow(data);
        QVERIFY(dataRow >= 0);
        QModelIndex holder;
        for (int c = 1; c < model->columnCount(); ++c)
            if (model->index(dataRow, c).data().toString().contains(QLatin1Char('A')))
                holder = model->index(dataRow, c);
        QVERIFY(holder.isValid());
        QVERIFY(codes(model, data).isEmpty());
        const QString holderLetters = holder.data().toString();
        typeInto(editor, holder, Qt::Key_Delete);
        QCOMPARE(holder.data().toString(), QString());
        QVERIFY(codes(model, data).contains(QLatin1String(coverage_code::NoAccountable)));
        QVERIFY(codes(model, data).contains(QLatin1String(coverage_code::NoResponsible)));
        QVERIFY(model->index(dataRow, 1).data(Qt::BackgroundRole).isValid());
        QVERIFY(model->index(dataRow, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Nobody is Responsible")));
        // ... and typing the letters back mends it.
        typeInto(editor, holder, Qt::Key_R);
        typeInto(editor, holder, Qt::Key_A);
        QCOMPARE(holder.data().toString(), holderLetters);
        QVERIFY(codes(model, data).isEmpty());
        QVERIFY(!model->index(dataRow, 1).data(Qt::BackgroundRole).isValid());

        // A second Accountable is highlighted as MULTIPLE_ACCOUNTABLE.
        const QModelIndex second = model->index(dataRow, holder.column() == 1 ? 2 : 1);
        typeInto(editor, second, Qt::Key_A);
        QVERIFY(codes(model, data).contains(QLatin1String(coverage_code::MultipleAccountable)));
        QVERIFY(second.data(Qt::BackgroundRole).isValid());
        typeInto(editor, second, Qt::Key_A); // toggles it off again
        QVERIFY(codes(model, data).isEmpty());

        // Saving writes exactly the one new entry.
        QVERIFY(editor.save());
        QCOMPARE(editor.messageBar()->kind(), MessageBar::Kind::Information);
        QCOMPARE(raciCount(kSepsis, kDetectBias, kTariq, QStringLiteral("A")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM raci_entry")), before + 1);
        QVERIFY(!editor.saveButton()->isEnabled());

        // Removing it again deletes exactly that row.
        typeInto(editor, tariq, Qt::Key_A);
        QVERIFY(editor.save());
        QCOMPARE(raciCount(kSepsis, kDetectBias, kTariq, QStringLiteral("A")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM raci_entry")), before);
    }

    void raciEditorReportsAConcurrentEditAndWritesNothing()
    {
        RaciEditor editor(*m_workspace);
        editor.show();
        QVERIFY(editor.openProject(kSepsis));
        RaciMatrixModel* model = editor.model();

        // Someone else, on their own connection, makes Tariq Consulted for the same duty.
        {
            Database other(m_testDb->conninfo(), QStringLiteral("someone-else"));
            StaffingService(other).setRaci(kSepsis, kDetectBias, kTariq, RaciKind::Consulted);
        }
        typeInto(editor, cell(model, kDetectBias, kTariq), Qt::Key_A);
        QVERIFY(!editor.save());
        QCOMPARE(editor.messageBar()->kind(), MessageBar::Kind::Error);
        const QString message = editor.messageBar()->text();
        QVERIFY2(message.contains(QStringLiteral("someone else changed")), qPrintable(message));
        QVERIFY2(message.contains(
                     QStringLiteral("from Responsible to Responsible, Consulted while you set "
                                    "Responsible, Accountable")),
                 qPrintable(message));
        QCOMPARE(raciCount(kSepsis, kDetectBias, kTariq, QStringLiteral("A")), 0);
        QCOMPARE(raciCount(kSepsis, kDetectBias, kTariq, QStringLiteral("C")), 1);
        QVERIFY(model->isDirty()); // the user's edit is kept for them to reapply
    }

    // The server ends the session while the save waits inside its transaction: nothing is
    // saved, the editor says which operation failed and keeps the edit, and saving again works
    // on a connection opened anew.
    void raciEditorSaveCutOffByTheServerCanBeRetried()
    {
        RaciEditor editor(*m_workspace);
        editor.show();
        QVERIFY(editor.openProject(kSepsis));
        typeInto(editor, cell(editor.model(), kDetectBias, kTariq), Qt::Key_A);

        Database locker(m_testDb->conninfo());
        locker.exec(QStringLiteral("BEGIN"));
        locker.exec(QStringLiteral("LOCK TABLE raci_entry IN EXCLUSIVE MODE"));
        const QString conninfo = m_testDb->conninfo();
        std::atomic<bool> terminated = false;
        std::thread server([&conninfo, &terminated] {
            Database observer(conninfo);
            for (int tries = 0; tries < 600 && !terminated; ++tries) {
                QSqlQuery q = observer.exec(QStringLiteral(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                    "current_database() AND wait_event_type = 'Lock'"));
                terminated = q.next();
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        });
        const bool saved = editor.save();
        server.join();
        locker.exec(QStringLiteral("ROLLBACK"));
        QVERIFY(terminated);
        QVERIFY(!saved);
        const QString message = editor.messageBar()->text();
        QVERIFY2(
            message.contains(QStringLiteral("Saving the RACI matrix of %1 failed").arg(kSepsis)),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("was lost")), qPrintable(message));
        QVERIFY(editor.model()->isDirty());
        QCOMPARE(raciCount(kSepsis, kDetectBias, kTariq, QStringLiteral("A")), 0);

        QVERIFY2(editor.save(), qPrintable(editor.messageBar()->text()));
        QCOMPARE(raciCount(kSepsis, kDetectBias, kTariq, QStringLiteral("A")), 1);
    }

    void raciEditorReportsAnAccountableAddedMeanwhile()
    {
        RaciEditor editor(*m_workspace);
        editor.show();
        QVERIFY(editor.openProject(kSepsis));
        QSqlQuery q = m_db->exec(
            QStringLiteral(
                "SELECT pe.email FROM assignment a JOIN person pe ON pe.id = a.person_id "
                "JOIN project p ON p.id = a.project_id WHERE p.key = ? AND pe.email <> ? "
                "ORDER BY pe.email LIMIT 1"),
            {kSepsis, kTariq});
        QVERIFY(q.next());
        const QString someoneElse = q.value(0).toString();
        {
            Database conn(m_testDb->conninfo(), QStringLiteral("someone-else"));
            StaffingService(conn).setRaci(kSepsis, kDetectBias, someoneElse, RaciKind::Accountable);
        }
        typeInto(editor, cell(editor.model(), kDetectBias, kTariq), Qt::Key_A);
        QVERIFY(!editor.save());
        QCOMPARE(editor.messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY2(editor.messageBar()->text().contains(someoneElse),
                 qPrintable(editor.messageBar()->text()));
        QCOMPARE(raciCount(kSepsis, kDetectBias, kTariq, QStringLiteral("A")), 0);
    }

    void catalogueScreenShowsRolesResponsibilitiesAndHolders()
    {
        CatalogueScreen screen(*m_workspace);
        const QTreeWidget* tree = screen.rolesTree();
        int roles = 0;
        for (int p = 0; p < tree->topLevelItemCount(); ++p)
            roles += tree->topLevelItem(p)->childCount();
        QCOMPARE(roles,
                 count(QStringLiteral("SELECT count(*) FROM role WHERE retired_at IS NULL")));
        QVERIFY(screen.showRole(QStringLiteral("ai-ethicist")));
        QCOMPARE(screen.responsibilitiesTable()->rowCount(),
                 count(QStringLiteral("SELECT count(*) FROM responsibility WHERE role_key = "
                                      "'ai-ethicist' AND retired_at IS NULL")));
        QCOMPARE(
            screen.holdersTable()->rowCount(),
            static_cast<int>(CatalogService(*m_db).holders(QStringLiteral("ai-ethicist")).size()));
        QVERIFY(screen.holdersTable()->rowCount() > 0);
    }

    void historyScreenListsAndFiltersChanges()
    {
        HistoryScreen screen(*m_workspace);
        QVERIFY(screen.table()->rowCount() > 0);
        screen.showFor(QStringLiteral("project"), QString());
        QCOMPARE(
            screen.table()->rowCount(),
            count(QStringLiteral("SELECT count(*) FROM history WHERE table_name = 'project'")));
        for (int row = 0; row < screen.table()->rowCount(); ++row)
            QCOMPARE(screen.table()->item(row, 2)->text(), QStringLiteral("project"));
        screen.table()->setCurrentCell(0, 0);
        QVERIFY(screen.details()->toPlainText().contains(QStringLiteral("After:")));
    }

    void pluginsScreenShowsBundledAndFailedPlugins()
    {
        PluginHostOptions options;
        options.searchEnvironment = false;
        options.files << QStringLiteral(STEWARD_FIXTURE_PLUGIN_DIR
                                        "/steward-plugin-fixture-throwing-factory.so");
        PluginRuntime plugins(*m_db, options);
        Workspace workspace(*m_db, &plugins);
        PluginsScreen screen(workspace);
        const QTableWidget* table = screen.table();
        QCOMPARE(table->rowCount(), static_cast<int>(plugins.records().size()));
        int failed = -1;
        int active = 0;
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString state = table->item(row, PluginsScreen::StateColumn)->text();
            if (state == QStringLiteral("Failed"))
                failed = row;
            if (state == QStringLiteral("Active"))
                ++active;
        }
        QVERIFY(failed >= 0);
        const PluginRecord* record = plugins.record("throwing-factory");
        QVERIFY(record);
        QCOMPARE(table->item(failed, PluginsScreen::ContributesColumn)->text(), record->error);
        QVERIFY(!record->error.isEmpty());
        // The bundled role packs load and say what they contribute.
        QVERIFY(active >= 3);
        QVERIFY(plugins.record("healthcare"));
        screen.table()->setCurrentCell(failed, 0);
        QVERIFY(screen.details()->text().contains(QStringLiteral("Failed")));
    }

    void mainWindowNavigatesAndOverviewOpensTheListBehindABar()
    {
        QStandardPaths::setTestModeEnabled(true); // window state goes to a test settings file
        MainWindow window(*m_workspace, QStringLiteral("the test database"));
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.overview()->waitUntilIdle()); // its figures are read in the background
        QVERIFY(window.statusText().contains(QStringLiteral("tester")));
        QVERIFY(window.statusText().contains(QStringLiteral("the test database")));

        for (int s = 0; s < MainWindow::ScreenCount; ++s) {
            QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + s), Qt::ControlModifier);
            QCOMPARE(int{window.currentScreen()}, s);
            QVERIFY(!window.screen(static_cast<MainWindow::Screen>(s))->accessibleName().isEmpty());
        }

        auto* series = qobject_cast<QBarSeries*>(window.overview()->riskChart()->series().value(0));
        QVERIFY(series);
        QBarSet* set = series->barSets().value(0);
        QVERIFY(set);
        qreal total = 0;
        for (int i = 0; i < set->count(); ++i)
            total += set->at(i);
        QCOMPARE(int(total), count(QStringLiteral("SELECT count(*) FROM project")));
        emit set->clicked(static_cast<int>(RiskTier::High));
        QCOMPARE(window.currentScreen(), MainWindow::Projects);
        QCOMPARE(window.projects()->model()->rowCount(),
                 count(QStringLiteral("SELECT count(*) FROM project WHERE risk_tier = 'high'")));
        QCOMPARE(window.projects()->riskFilter()->currentData().toInt(),
                 static_cast<int>(RiskTier::High));

        // A project's coverage bar opens that project.
        QVERIFY(window.overview()->coverageProjects().contains(kSepsis));
        auto* coverage = qobject_cast<QAbstractBarSeries*>(
            window.overview()->coverageChart()->series().value(0));
        QVERIFY(coverage);
        emit coverage->clicked(
            static_cast<int>(window.overview()->coverageProjects().indexOf(kSepsis)),
            coverage->barSets().value(0));
        QCOMPARE(window.projects()->page()->currentKey(), kSepsis);

        // "Edit RACI matrix" on the project page opens the editor on that project.
        emit window.projects()->page()->editRaciRequested(kSepsis);
        QCOMPARE(window.currentScreen(), MainWindow::Raci);
        QCOMPARE(window.raci()->model()->projectKey(), kSepsis);
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Steward tests"));
    QApplication::setApplicationName(QStringLiteral("steward-gui-tests"));
    steward::useMigratedTemplate();
    GuiTest test;
    const int failures = QTest::qExec(&test, argc, argv);
    steward::TestCluster::shutdown();
    return failures;
}

#include "gui_test.moc"
