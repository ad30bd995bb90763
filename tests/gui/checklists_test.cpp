// Checklists › Import… offscreen against the demo organisation: the preview of a clean file (what
// will be published, how it was mapped, its items), the refusal of a broken one with its lines and
// nothing written, the import itself, and a viewer who may preview but not import; then a
// crosswalk at work in the audit runner and on the project page.
#include "app/main_window.h"
#include "audit/audit_service.h"
#include "audits/audit_runner.h"
#include "audits/audits_screen.h"
#include "catalogue/import_checklist_dialog.h"
#include "checklists/crosswalk.h"
#include "gui_fixture.h"
#include "projects/project_page.h"
#include "projects/projects_screen.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTreeWidget>

namespace steward::gui {

class ChecklistsTest : public QObject {
    Q_OBJECT

    static QString fixture(const char* name)
    {
        return QStringLiteral(STEWARD_CHECKLIST_FIXTURES "/files/") + QString::fromLatin1(name);
    }

private slots:
    void init() { m_demo = std::make_unique<DemoWorkspace>(); }
    void cleanup() { m_demo.reset(); }

    void theMenuOffersTheImport()
    {
        MainWindow window(m_demo->workspace(), QStringLiteral("test"));
        QStringList menus;
        for (QAction* a : window.menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("&Checklists")), qPrintable(menus.join(u' ')));
    }

    void aCleanFileIsPreviewedThenImported()
    {
        MainWindow window(m_demo->workspace(), QStringLiteral("test"));
        QPointer<ImportChecklistDialog> dialog =
            window.importChecklist(fixture("ciso-assistant-library.yaml"));
        QCOMPARE(dialog->state(), ImportChecklistDialog::State::Previewed);
        QVERIFY(dialog->summaryLabel()->text().contains(
            QStringLiteral("publishes the new checklist acme-ai-controls-2-1, version 1: 3 "
                           "sections, 6 items")));
        QVERIFY(dialog->notesText()->toPlainText().contains(
            QStringLiteral("6 assessable nodes became items")));
        QTreeWidget* tree = dialog->itemsTree();
        QCOMPARE(tree->topLevelItemCount(), 3);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("GOV 1"));
        QCOMPARE(tree->topLevelItem(0)->childCount(), 4);
        QCOMPARE(tree->topLevelItem(0)->child(3)->text(0), QStringLiteral("node10"));
        QVERIFY(!dialog->problemsTable()->isVisibleTo(dialog));
        // Nothing is written by the preview.
        QCOMPARE(m_demo->count(QStringLiteral("SELECT count(*) FROM checklist")), 0);

        QVERIFY(dialog->importButton()->isEnabled());
        QSignalSpy imported(dialog.data(), &ImportChecklistDialog::imported);
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        QCOMPARE(dialog->state(), ImportChecklistDialog::State::Imported);
        QCOMPARE(imported.count(), 1);
        QCOMPARE(imported.at(0).at(0).toString(), QStringLiteral("acme-ai-controls-2-1"));
        QCOMPARE(m_demo->count(QStringLiteral("SELECT count(*) FROM checklist_item i JOIN "
                                              "checklist c ON c.current_version_id = i.version_id "
                                              "WHERE c.key = 'acme-ai-controls-2-1'")),
                 6);
        QVERIFY(!dialog->importButton()->isEnabled());

        // The same file again: unchanged, nothing to import.
        QPointer<ImportChecklistDialog> again =
            window.importChecklist(fixture("ciso-assistant-library.yaml"));
        QVERIFY(again->summaryLabel()->text().contains(QStringLiteral("is unchanged")));
        QVERIFY(!again->importButton()->isEnabled());
    }

    void aBrokenFileListsItsProblemsAndWritesNothing()
    {
        MainWindow window(m_demo->workspace(), QStringLiteral("test"));
        const QString before = m_demo
                                   ->scalar(QStringLiteral("SELECT count(*) || '/' || "
                                                           "coalesce(max(id), 0) FROM history"))
                                   .toString();
        QPointer<ImportChecklistDialog> dialog =
            window.importChecklist(fixture("acme-ai-policy-broken.yaml"));
        QCOMPARE(dialog->state(), ImportChecklistDialog::State::Refused);
        QTableWidget* problems = dialog->problemsTable();
        QVERIFY(problems->isVisibleTo(dialog));
        QCOMPARE(problems->rowCount(), 8);
        QCOMPARE(problems->item(0, 0)->text(),
                 fixture("acme-ai-policy-broken.yaml") + QStringLiteral(":3"));
        QVERIFY(problems->item(0, 1)->text().startsWith(QStringLiteral("the key ACME Policy")));
        QVERIFY(!dialog->importButton()->isEnabled());
        QVERIFY(!dialog->itemsTree()->isVisibleTo(dialog));
        QCOMPARE(m_demo
                     ->scalar(QStringLiteral("SELECT count(*) || '/' || coalesce(max(id), 0) "
                                             "FROM history"))
                     .toString(),
                 before);
    }

    void aViewerMayPreviewButNotImport()
    {
        Database viewer(
            createLoginRole(m_demo->testDatabase().conninfo(), QStringLiteral("steward_viewer")));
        Workspace workspace(viewer);
        QVERIFY(!workspace.permissions().publishChecklists);
        ImportChecklistDialog dialog(workspace, fixture("acme-ai-policy.yaml"));
        QCOMPARE(dialog.state(), ImportChecklistDialog::State::Previewed);
        QVERIFY(dialog.summaryLabel()->text().contains(
            QStringLiteral("Only administrators may import checklists")));
        QVERIFY(!dialog.importButton()->isEnabled());
    }

    // A crosswalk at work: the runner offers a mapped item's evidence from another audit of the
    // project and attaches it; the project page counts items satisfied through a mapping.
    void mappedEvidenceIsOfferedAndCoverageCountsIt()
    {
        DemoWorkspace demo(QStringLiteral("elena.popescu@demo.steward.example"),
                           DemoPlugins::Bundled);
        Database& db = demo.db();
        ChecklistImport(db).import(readChecklistFile(
            QStringLiteral(STEWARD_BUNDLED_CHECKLISTS "/iso-iec-42001-2023.yaml")));
        importCrosswalk(
            db, readCrosswalkFile(QStringLiteral(STEWARD_BUNDLED_CHECKLISTS
                                                 "/crosswalks/eu-ai-act-to-iso-iec-42001.yaml")));
        const QString lead = QStringLiteral("elena.popescu@demo.steward.example");
        AuditService audits(db);
        AuditPlan plan;
        plan.projectKey = QStringLiteral("CREDIT-SCORE");
        plan.checklistKey = QStringLiteral("iso-iec-42001");
        plan.leadEmail = lead;
        plan.dueDate = QDate::currentDate().addDays(20);
        const Audit iso = audits.create(plan);
        // The demo's closed EU AI Act audit of CREDIT-SCORE has evidence on Art. 9(2)?
        const qint64 act =
            demo.scalar(QStringLiteral("SELECT a.id FROM audit a JOIN project p ON p.id = "
                                       "a.project_id JOIN checklist_version v ON v.id = "
                                       "a.checklist_version_id WHERE p.key = 'CREDIT-SCORE' "
                                       "AND v.checklist_key = 'eu-ai-act'"))
                .toLongLong();
        QVERIFY(act > 0);
        const std::vector<MappedEvidenceOffer> offers = mappedEvidenceOffers(db, iso.id);
        QVERIFY2(!offers.empty(), "the demo's AI Act audit has evidence on mapped items");
        const MappedEvidenceOffer first = offers.front();

        demo.workspace().setActorEmail(lead);
        MainWindow window(demo.workspace(), QStringLiteral("test"));
        QVERIFY(window.audits()->openAudit(iso.id));
        AuditRunner* runner = window.audits()->runner();
        QVERIFY(runner->selectItem(first.itemId));
        QVERIFY(runner->mappedEvidenceLabel()->isVisibleTo(runner));
        QVERIFY2(runner->mappedEvidenceLabel()->text().contains(
                     QStringLiteral("This evidence backs eu-ai-act %1 in audit %2: attach it "
                                    "here too?")
                         .arg(first.fromItemId)
                         .arg(act)),
                 qPrintable(runner->mappedEvidenceLabel()->text()));
        QVERIFY(runner->attachMappedButton()->isEnabled());
        const int before = static_cast<int>(mappedEvidenceOffers(db, iso.id).size());
        runner->attachMappedButton()->click();
        QCOMPARE(demo.count(QStringLiteral("SELECT count(*) FROM audit_item_evidence ae JOIN "
                                           "audit_item ai ON ai.id = ae.audit_item_id JOIN "
                                           "evidence e ON e.id = ae.evidence_id WHERE "
                                           "ai.audit_id = ? AND e.location = ?"),
                            {iso.id, first.evidenceLocation}),
                 1);
        QVERIFY(static_cast<int>(mappedEvidenceOffers(db, iso.id).size()) < before);

        // The project page: the ISO audit's items satisfied only through the AI Act audit.
        window.projects()->showProject(QStringLiteral("CREDIT-SCORE"));
        QTableWidget* frameworks = window.projects()->page()->frameworksTable();
        QCOMPARE(frameworks->rowCount(), 2);
        const std::vector<FrameworkCoverage> coverage =
            crossFrameworkCoverage(db, QStringLiteral("CREDIT-SCORE"));
        for (int row = 0; row < 2; ++row) {
            QVERIFY(frameworks->item(row, 0)->text().contains(coverage[row].title));
            QCOMPARE(frameworks->item(row, 1)->text(), QString::number(coverage[row].direct));
            QCOMPARE(frameworks->item(row, 3)->text(), QString::number(coverage[row].partly));
            QCOMPARE(frameworks->item(row, 4)->text(), QString::number(coverage[row].open));
        }
        QCOMPARE(coverage[1].checklistKey, QStringLiteral("iso-iec-42001"));
        QVERIFY(coverage[1].partly > 0); // satisfied AI Act items overlap ISO controls
        QVERIFY(
            frameworks->item(1, 0)->toolTip().contains(QStringLiteral("partly through eu-ai-act")));
    }

private:
    std::unique_ptr<DemoWorkspace> m_demo;
};

} // namespace steward::gui

STEWARD_GUI_TEST_MAIN(steward::gui::ChecklistsTest)

#include "checklists_test.moc"
