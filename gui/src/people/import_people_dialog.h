// Importing people from a CSV file: first a preview of what the import would do, computed by the
// core importer itself inside a transaction it rolls back, listing every problem with its line and
// column; then, only for a file without problems, the import. Both run on a worker thread with
// their own database connection (a QtSql connection belongs to the thread that opened it), with
// progress and Cancel; a cancelled import rolls back and leaves the database as it was.
#pragma once

#include "io/import_support.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace steward::gui {

class Workspace;

class ImportPeopleDialog : public QDialog {
    Q_OBJECT

public:
    enum class State {
        Previewing, // reading and checking the file
        Previewed,  // the preview is shown; importable when it found no problems
        Importing,
        Imported,
        Cancelled, // the running preview or import was stopped; nothing was written
        Failed,    // the file could not be read, or the database refused the import
    };
    Q_ENUM(State)

    // Starts the preview of the file at `path` at once.
    ImportPeopleDialog(Workspace& workspace, const QString& path, QWidget* parent = nullptr);
    // Stops a running job and waits for its thread, which rolls its transaction back.
    ~ImportPeopleDialog() override;

    State state() const { return m_state; }
    // What the preview found, or what the import did once it has run.
    const ImportPreview& preview() const { return m_preview; }
    const ImportResult& result() const { return m_result; }
    QString fileName() const { return m_fileName; }

    QTableWidget* problemsTable() const { return m_problems; }
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* statusLabel() const { return m_status; }
    QProgressBar* progressBar() const { return m_progress; }
    QPushButton* importButton() const { return m_import; }
    QPushButton* cancelButton() const { return m_cancel; }

public slots:
    // Runs the import of the previewed file; only when the preview found no problems.
    void startImport();
    // Asks the running job to stop; it rolls back and the dialog then shows Cancelled.
    void cancelJob();

signals:
    void stateChanged(steward::gui::ImportPeopleDialog::State state);
    // The import committed; result() says what it did.
    void imported();

protected:
    void reject() override;

private:
    enum class Job { Preview, Import };
    struct Outcome;

    void startJob(Job job);
    void showProgress(const ImportProgress& progress);
    void finishJob(Job job, const Outcome& outcome);
    void showPreview();
    void setState(State state);

    Workspace& m_workspace;
    QString m_path;
    QString m_fileName;
    QByteArray m_data; // the bytes previewed, so that the import reads exactly those
    ImportPreview m_preview;
    ImportResult m_result;
    State m_state = State::Previewing;
    bool m_previewValid = false;
    bool m_closeWhenStopped = false;

    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_stop{false};

    QLabel* m_summary;
    QTableWidget* m_problems;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_import;
    QPushButton* m_cancel;
    QPushButton* m_close;
};

} // namespace steward::gui
