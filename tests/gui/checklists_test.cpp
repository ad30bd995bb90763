// Checklists › Import… offscreen against the demo organisation: the preview of a clean file (what
// will be published, how it was mapped, its items), the refusal of a broken one with its lines and
// nothing written, the import itself, and a viewer who may preview but not import.
#include "app/main_window.h"
#include "catalogue/import_checklist_dialog.h"
#include "gui_fixture.h"

#include <QAction>
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

private:
    std::unique_ptr<DemoWorkspace> m_demo;
};

} // namespace steward::gui

STEWARD_GUI_TEST_MAIN(steward::gui::ChecklistsTest)

#include "checklists_test.moc"
