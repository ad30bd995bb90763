// The overview's audit figures (audits by status, overdue findings, score trends) and the list each
// opens; a project's audits on its page; filling a coverage gap by assigning a person from the gap
// itself, on the project page and in the RACI editor; and a viewer's read-only RACI editor.
#include "audit/audit_service.h"
#include "common/message_bar.h"
#include "common/person_picker.h"
#include "common/workspace.h"
#include "coverage/core_rules.h"
#include "domain/records.h"
#include "gui_fixture.h"
#include "overview/overview_screen.h"
#include "plugins/plugin_runtime.h"
#include "projects/project_page.h"
#include "raci/coverage_gap.h"
#include "raci/raci_editor.h"
#include "raci/raci_matrix_model.h"
#include "services/coverage_service.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFont>
#include <QLineSeries>
#include <QListWidget>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>

#include <cmath>
#include <optional>

using namespace steward;
using namespace steward::gui;

namespace {

// The demo organisation with the bundled plugins: it has its audits, and the role packs' rules
// take part in coverage.
class PluggedDemo : public DemoWorkspace {
public:
    PluggedDemo()
        : DemoWorkspace(QStringLiteral("tester"), DemoPlugins::Bundled)
    {
    }
};

// The first coverage finding with this code, across the organisation.
std::optional<Finding> firstFinding(Workspace& workspace, const char* code)
{
    for (const Finding& f : workspace.coverage().checkAll().findings)
        if (f.code == code)
            return f;
    return std::nullopt;
}

// Answers the next modal person picker with `email`, found by searching for `search`.
void answerPickerWith(const QString& search, const QString& email)
{
    QTimer::singleShot(0, [search, email] {
        auto* picker = qobject_cast<PersonPicker*>(QApplication::activeModalWidget());
        if (!picker)
            return; // the test then fails on what was not written
        picker->search(search);
        if (picker->select(email))
            picker->accept();
        else
            picker->reject();
    });
}

} // namespace

class OverviewTest : public QObject {
    Q_OBJECT

private:
    // An active person who has nothing to do with the project yet.
    static QString outsider(PluggedDemo& w, const QString& projectKey)
    {
        return w
            .scalar(QStringLiteral(
                        "SELECT pe.email FROM person pe WHERE pe.active AND NOT EXISTS ("
                        "  SELECT 1 FROM assignment a JOIN project p ON p.id = a.project_id"
                        "  WHERE a.person_id = pe.id AND p.key = ?) AND NOT EXISTS ("
                        "  SELECT 1 FROM raci_entry r JOIN project p ON p.id = r.project_id"
                        "  WHERE r.person_id = pe.id AND p.key = ?) ORDER BY pe.email LIMIT 1"),
                    {projectKey, projectKey})
            .toString();
    }

    static int raciCount(PluggedDemo& w, const QString& project, const QString& responsibility,
                         const QString& email, const QString& kind)
    {
        return w.count(
            QStringLiteral(
                "SELECT count(*) FROM raci_entry r JOIN project p ON p.id = r.project_id "
                "JOIN person pe ON pe.id = r.person_id WHERE p.key = ? AND "
                "r.responsibility_key = ? AND pe.email = ? AND r.kind = ?"),
            {project, responsibility, email, kind});
    }

    static int rowOf(const ProjectPage& page, const std::string& code, const std::string& subject)
    {
        for (int row = 0; row < page.findingsTable()->rowCount(); ++row)
            if (const Finding* f = page.finding(row); f && f->code == code && f->subject == subject)
                return row;
        return -1;
    }

    static int findingIndex(const RaciMatrixModel* model, const std::string& code,
                            const std::string& subject)
    {
        const auto& findings = model->findings();
        for (std::size_t i = 0; i < findings.size(); ++i)
            if (findings[i].code == code && findings[i].subject == subject)
                return static_cast<int>(i);
        return -1;
    }

private slots:
    void overviewShowsAuditsByStatusOverdueFindingsAndTrends()
    {
        PluggedDemo w;
        OverviewScreen screen(w.workspace());
        screen.resize(1280, 800);
        QVERIFY(screen.waitUntilIdle()); // the figures are read on a thread of their own

        // Audits by status: one bar per status, each the count PostgreSQL has.
        auto* bars =
            qobject_cast<QAbstractBarSeries*>(screen.auditStatusChart()->series().value(0));
        QVERIFY(bars);
        QBarSet* set = bars->barSets().value(0);
        QVERIFY(set);
        QCOMPARE(set->count(), 4);
        QStringList statuses;
        for (int i = 0; i < set->count(); ++i)
            statuses << toText(OverviewScreen::auditStatusOfBar(i));
        QCOMPARE(statuses.size(), 4);
        QVERIFY(statuses.contains(QStringLiteral("planned")) &&
                statuses.contains(QStringLiteral("closed")));
        for (int i = 0; i < statuses.size(); ++i)
            QCOMPARE(int(set->at(i)), w.count(QStringLiteral("SELECT count(*) FROM audit WHERE "
                                                             "status = ?"),
                                              {statuses.at(i)}));
        const int closedBar = static_cast<int>(statuses.indexOf(QStringLiteral("closed")));
        QVERIFY(set->at(closedBar) >= 1); // the demo has a closed audit ...
        QVERIFY(set->at(static_cast<int>(statuses.indexOf(QStringLiteral("in-progress")))) >=
                1); // ... and one in progress

        QSignalSpy statusSpy(&screen, &OverviewScreen::auditStatusActivated);
        emit set->clicked(closedBar);
        QCOMPARE(statusSpy.count(), 1);
        QCOMPARE(statusSpy.at(0).at(0).value<AuditStatus>(), AuditStatus::Closed);

        // Overdue findings: the count, the list, and what clicking each opens.
        const int overdue =
            w.count(QStringLiteral("SELECT count(*) FROM audit_finding WHERE status IN ('open', "
                                   "'in-progress') AND due_date < ?"),
                    {QDate::currentDate()});
        QVERIFY(overdue >= 1);
        QCOMPARE(screen.overdueCount(), overdue);
        QCOMPARE(screen.overdueList()->count(), overdue);
        QVERIFY(screen.overdueButton()->text().contains(QString::number(overdue)));
        QSignalSpy overdueSpy(&screen, &OverviewScreen::overdueFindingsActivated);
        QTest::mouseClick(screen.overdueButton(), Qt::LeftButton);
        QCOMPARE(overdueSpy.count(), 1);

        QSignalSpy auditSpy(&screen, &OverviewScreen::auditActivated);
        QListWidgetItem* worst = screen.overdueList()->item(0);
        emit screen.overdueList()->itemActivated(worst);
        QCOMPARE(auditSpy.count(), 1);
        const qint64 worstAudit = auditSpy.at(0).at(0).toLongLong();
        QCOMPARE(w.count(QStringLiteral("SELECT count(*) FROM audit_finding WHERE audit_id = ? "
                                        "AND status IN ('open', 'in-progress') AND due_date < ?"),
                         {worstAudit, QDate::currentDate()}),
                 overdue); // the demo's overdue findings all belong to one audit

        // Score trends: a line per project and checklist, a point per audit, each point the
        // audit's overall score; clicking a point opens that audit.
        const QList<QAbstractSeries*> lines = screen.trendChart()->series();
        QVERIFY(!lines.isEmpty());
        int points = 0;
        AuditService audits(w.db());
        for (QAbstractSeries* s : lines) {
            auto* line = qobject_cast<QLineSeries*>(s);
            QVERIFY(line);
            for (int i = 0; i < line->count(); ++i) {
                const qint64 id = screen.trendAudit(line, i);
                QVERIFY(id > 0);
                const Audit audit = audits.audit(id);
                QVERIFY(line->name().startsWith(audit.projectKey));
                QCOMPARE(line->at(i).y(), std::round(audits.scores(id).overall.percent));
                ++points;
            }
        }
        QCOMPARE(points, w.count(QStringLiteral("SELECT count(*) FROM audit")));
        auto* first = qobject_cast<QLineSeries*>(lines.at(0));
        auditSpy.clear();
        emit first->clicked(first->at(0));
        QCOMPARE(auditSpy.count(), 1);
        QCOMPARE(auditSpy.at(0).at(0).toLongLong(), screen.trendAudit(first, 0));
    }

    void projectPageListsTheProjectsAudits()
    {
        PluggedDemo w;
        ProjectPage page(w.workspace());
        const QString project = w.scalar(QStringLiteral("SELECT p.key FROM audit a JOIN project p "
                                                        "ON p.id = a.project_id WHERE a.status = "
                                                        "'closed' ORDER BY a.id LIMIT 1"))
                                    .toString();
        QVERIFY(!project.isEmpty());
        page.showProject(project);
        QTableWidget* table = page.auditsTable();
        QCOMPARE(table->rowCount(),
                 w.count(QStringLiteral("SELECT count(*) FROM audit a JOIN project p ON p.id = "
                                        "a.project_id WHERE p.key = ?"),
                         {project}));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Closed"));
        QVERIFY(table->item(0, 4)->text().contains(QLatin1Char('%')));

        QSignalSpy spy(&page, &ProjectPage::auditActivated);
        table->setFocus();
        table->setCurrentCell(0, 0);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toLongLong(),
                 w.scalar(QStringLiteral("SELECT a.id FROM audit a JOIN project p ON p.id = "
                                         "a.project_id WHERE p.key = ? AND a.status = 'closed' "
                                         "ORDER BY a.id LIMIT 1"),
                          {project})
                     .toLongLong());

        // A project without audits says so.
        const QString unaudited =
            w.scalar(QStringLiteral("SELECT key FROM project p WHERE NOT EXISTS (SELECT 1 FROM "
                                    "audit a WHERE a.project_id = p.id) ORDER BY key LIMIT 1"))
                .toString();
        page.showProject(unaudited);
        QCOMPARE(page.auditsTable()->rowCount(), 0);
    }

    void projectPageAssignsAPersonFromTheGap()
    {
        PluggedDemo w;
        const std::optional<Finding> gap =
            firstFinding(w.workspace(), coverage_code::NoAccountable);
        QVERIFY2(gap, "the demo has a responsibility nobody is Accountable for");
        const QString project = qs(gap->projectKey);
        const QString responsibility = qs(gap->subject);
        ProjectPage page(w.workspace());
        page.showProject(project);
        const int row = rowOf(page, gap->code, gap->subject);
        QVERIFY(row >= 0);
        QPushButton* assign = page.assignButton(row);
        QVERIFY(assign);
        // Findings that one assignment cannot fix get no button.
        for (int r = 0; r < page.findingsTable()->rowCount(); ++r)
            if (page.finding(r)->code == coverage_code::MultipleAccountable ||
                page.finding(r)->code == coverage_code::OverAllocated)
                QVERIFY(!page.assignButton(r));

        // Someone from outside the project: they get the responsibility's role as well, so the
        // new letter raises no "without the role" finding.
        const QString email = outsider(w, project);
        QVERIFY(!email.isEmpty());
        const QString roleKey = w.scalar(QStringLiteral("SELECT role_key FROM responsibility "
                                                        "WHERE key = ?"),
                                         {responsibility})
                                    .toString();
        QSignalSpy changed(&page, &ProjectPage::staffingChanged);
        answerPickerWith(email.section(QLatin1Char('@'), 0, 0), email);
        QTest::mouseClick(assign, Qt::LeftButton);

        QCOMPARE(raciCount(w, project, responsibility, email, QStringLiteral("A")), 1);
        QCOMPARE(w.count(QStringLiteral("SELECT count(*) FROM assignment a JOIN project p ON "
                                        "p.id = a.project_id JOIN person pe ON pe.id = "
                                        "a.person_id WHERE p.key = ? AND pe.email = ? AND "
                                        "a.role_key = ? AND a.allocation_percent = 20"),
                         {project, email, roleKey}),
                 1);
        QCOMPARE(rowOf(page, gap->code, gap->subject), -1);
        for (int r = 0; r < page.findingsTable()->rowCount(); ++r)
            QVERIFY(qs(page.finding(r)->subject) != email);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), project);
    }

    void projectPageFillsAPackRoleGap()
    {
        PluggedDemo w;
        Workspace& workspace = w.workspace();
        // A pack finding that names a role nobody holds (e.g. no privacy officer).
        const CoverageGaps gaps(w.db());
        std::optional<Finding> gap;
        for (const Finding& f : workspace.coverage().checkAll().findings)
            if (f.source != "core" && gaps.of(f).kind == CoverageGap::Kind::HoldRole) {
                gap = f;
                break;
            }
        QVERIFY2(gap, "a role pack reports a role nobody holds on a demo project");
        const QString project = qs(gap->projectKey);
        const QString roleKey = qs(gap->subject);
        ProjectPage page(workspace);
        page.showProject(project);
        const int row = rowOf(page, gap->code, gap->subject);
        QVERIFY(row >= 0);
        QVERIFY(page.assignButton(row));
        const QString email = outsider(w, project);
        QVERIFY(page.assignFromGap(row, email, 25));
        QCOMPARE(w.count(QStringLiteral("SELECT count(*) FROM assignment a JOIN project p ON "
                                        "p.id = a.project_id JOIN person pe ON pe.id = "
                                        "a.person_id WHERE p.key = ? AND pe.email = ? AND "
                                        "a.role_key = ? AND a.allocation_percent = 25 AND "
                                        "a.from_date = ?"),
                         {project, email, roleKey, QDate::currentDate()}),
                 1);
        QCOMPARE(rowOf(page, gap->code, gap->subject), -1);
    }

    void raciEditorAssignsFromTheGapAndSaveWritesTheRow()
    {
        PluggedDemo w;
        const std::optional<Finding> gap =
            firstFinding(w.workspace(), coverage_code::NoAccountable);
        QVERIFY(gap);
        const QString project = qs(gap->projectKey);
        const QString responsibility = qs(gap->subject);
        RaciEditor editor(w.workspace());
        QVERIFY(editor.openProject(project));
        RaciMatrixModel* model = editor.model();
        const int index = findingIndex(model, gap->code, gap->subject);
        QVERIFY(index >= 0);

        // The assign button follows the selected finding: on for a gap, off otherwise.
        editor.findingsList()->setCurrentRow(index);
        QVERIFY(editor.assignButton()->isEnabled());

        const QString email = outsider(w, project);
        QCOMPARE(model->personColumn(email), -1);
        const int columns = model->columnCount();
        answerPickerWith(email.section(QLatin1Char('@'), 0, 0), email);
        QTest::mouseClick(editor.assignButton(), Qt::LeftButton);

        // A new column, the letter set as an unsaved (highlighted) edit, the gap closed.
        QCOMPARE(model->columnCount(), columns + 1);
        const QModelIndex cell =
            model->index(model->responsibilityRow(responsibility), model->personColumn(email));
        QVERIFY(cell.isValid());
        QCOMPARE(cell.data().toString(), QStringLiteral("A"));
        QVERIFY(cell.data(Qt::FontRole).value<QFont>().underline());
        QVERIFY(model->isDirty());
        QCOMPARE(findingIndex(model, gap->code, gap->subject), -1);
        QCOMPARE(raciCount(w, project, responsibility, email, QStringLiteral("A")), 0);

        QVERIFY(editor.save());
        QCOMPARE(raciCount(w, project, responsibility, email, QStringLiteral("A")), 1);
        QVERIFY(!model->isDirty());
    }

    void raciEditorIsReadOnlyForAViewer()
    {
        PluggedDemo w;
        // A login that may read everything and change nothing.
        const QString role =
            QStringLiteral("steward_gui_viewer_%1")
                .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        const QString password =
            QStringLiteral("viewer-%1")
                .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        w.db().exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password));
        w.db().exec(QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(role));
        w.db().exec(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(role));
        const QString database = w.scalar(QStringLiteral("SELECT current_database()")).toString();
        const QString conninfo = withDatabase(w.testDatabase().conninfo(), database) +
                                 QStringLiteral(" user=%1 password=%2").arg(role, password);
        try {
            Database viewerDb(conninfo, QStringLiteral("viewer"));
            Workspace viewer(viewerDb);
            QVERIFY(!viewer.permissions().editStaffing);

            const std::optional<Finding> gap = firstFinding(viewer, coverage_code::NoAccountable);
            QVERIFY(gap);
            const QString project = qs(gap->projectKey);
            RaciEditor editor(viewer);
            QVERIFY(editor.openProject(project));
            RaciMatrixModel* model = editor.model();
            QVERIFY(model->isReadOnly());
            QVERIFY(editor.saveButton()->isHidden());
            QVERIFY(editor.assignButton()->isHidden());
            QCOMPARE(editor.messageBar()->kind(), MessageBar::Kind::Information);
            QVERIFY(!editor.messageBar()->text().isEmpty());

            // Neither typing nor the assign path changes anything.
            const QModelIndex cell = model->index(model->responsibilityRow(qs(gap->subject)), 1);
            QVERIFY(cell.isValid());
            QVERIFY(!(model->flags(cell) & Qt::ItemIsEditable));
            const QString before = cell.data().toString();
            editor.view()->setCurrentIndex(cell);
            editor.view()->selectionModel()->select(cell, QItemSelectionModel::ClearAndSelect);
            QTest::keyClick(editor.view(), Qt::Key_A);
            QCOMPARE(cell.data().toString(), before);
            const int index = findingIndex(model, gap->code, gap->subject);
            QVERIFY(!editor.assignFromGap(index, outsider(w, project)));
            QVERIFY(!model->isDirty());
            QVERIFY(!editor.save());

            // The project page offers no "Assign…" either.
            ProjectPage page(viewer);
            page.showProject(project);
            QVERIFY(page.findingsTable()->rowCount() > 0);
            for (int r = 0; r < page.findingsTable()->rowCount(); ++r)
                QVERIFY(!page.assignButton(r));
        } catch (const std::exception& e) {
            QFAIL(qPrintable(describeFailure(e)));
        }
        w.db().exec(QStringLiteral("DROP OWNED BY %1").arg(role));
        w.db().exec(QStringLiteral("DROP ROLE %1").arg(role));
    }
};

STEWARD_GUI_TEST_MAIN(OverviewTest)
#include "overview_test.moc"
