// Checklists › Import…: a checklist file (Steward YAML, a CISO Assistant library, an OSCAL
// catalog) previewed before anything is written: what will be published (a new checklist, a new
// version, nothing because it is unchanged), how the file was mapped, its sections and items, or
// every problem with its line. Import is offered only for a clean file that changes something, and
// only to administrators; the database refuses anyone else anyway.
#pragma once

#include "checklists/checklist_import.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace steward::gui {

class Workspace;

class ImportChecklistDialog : public QDialog {
    Q_OBJECT

public:
    enum class State {
        Previewed, // a clean file: its preview is shown
        Refused,   // the file has problems; they are listed
        Imported,  // published (or found unchanged)
        Failed,    // the database refused the import
    };
    Q_ENUM(State)

    // Reads and previews the file at `path` at once.
    ImportChecklistDialog(Workspace& workspace, const QString& path, QWidget* parent = nullptr);

    State state() const { return m_state; }
    const std::optional<ChecklistImportPreview>& preview() const { return m_preview; }

    QLabel* summaryLabel() const { return m_summary; }
    QPlainTextEdit* notesText() const { return m_notes; }
    QTreeWidget* itemsTree() const { return m_items; }
    QTableWidget* problemsTable() const { return m_problems; }
    QPushButton* importButton() const { return m_import; }

public slots:
    void startImport();

signals:
    void imported(const QString& checklistKey);

private:
    void showPreview(const ChecklistImportPreview& preview);
    void showProblems(const QString& message, const QStringList& problems);

    Workspace& m_workspace;
    ChecklistFile m_file;
    std::optional<ChecklistImportPreview> m_preview;
    State m_state = State::Refused;
    QLabel* m_summary;
    QPlainTextEdit* m_notes;
    QTreeWidget* m_items;
    QTableWidget* m_problems;
    QPushButton* m_import;
};

} // namespace steward::gui
