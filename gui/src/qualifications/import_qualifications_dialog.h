// Qualifications › Import…: completions from a learning-management system's CSV export
// (io/qualification_import.h), all or nothing. The import runs at once on a worker thread with a
// connection of its own; a file with any problem is refused whole, and every problem is listed
// with its line and column while the database stays as it was.
#pragma once

#include "io/import_support.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace steward::gui {

class BackgroundTask;
class Workspace;

class ImportQualificationsDialog : public QDialog {
    Q_OBJECT

public:
    enum class State {
        Importing,
        Imported, // committed; result() says what it did
        Refused,  // the file has problems; problemsTable() lists them, nothing was written
        Failed,   // the file could not be read, or the database refused the import
    };
    Q_ENUM(State)

    // Starts importing the file at `path` at once.
    ImportQualificationsDialog(Workspace& workspace, const QString& path,
                               QWidget* parent = nullptr);
    ~ImportQualificationsDialog() override;

    State state() const { return m_state; }
    const ImportResult& result() const { return m_result; }
    QString fileName() const { return m_fileName; }
    QTableWidget* problemsTable() const { return m_problems; }
    QLabel* summaryLabel() const { return m_summary; }

signals:
    void stateChanged(steward::gui::ImportQualificationsDialog::State state);
    void imported();

protected:
    // Not while importing: the import commits or rolls back as a whole, and the screens reload
    // once it has.
    void reject() override;

private:
    void setState(State state);

    QString m_fileName;
    State m_state = State::Importing;
    ImportResult m_result;
    BackgroundTask* m_task = nullptr;
    QLabel* m_summary;
    QTableWidget* m_problems;
    QPushButton* m_close;
};

} // namespace steward::gui
