#include "people/import_people_dialog.h"

#include "common/message_bar.h"
#include "common/read_only_table.h"
#include "common/workspace.h"
#include "db/database.h"
#include "error.h"
#include "io/people_import.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <exception>

namespace steward::gui {
namespace {

// The bar's scale: staging the rows fills most of it, the set-based steps the rest.
constexpr int kBarMaximum = 1000;
constexpr int kStagingShare = 900;

int barValue(const ImportProgress& p)
{
    switch (p.stage) {
    case ImportProgress::Stage::Staging:
        return p.rowsTotal > 0 ? static_cast<int>(kStagingShare * p.rowsDone / p.rowsTotal) : 0;
    case ImportProgress::Stage::Checking:
        return kStagingShare + 25;
    case ImportProgress::Stage::Writing:
        return kStagingShare + 50;
    case ImportProgress::Stage::Done:
        return kBarMaximum;
    }
    return 0;
}

} // namespace

// What a job hands back to the GUI thread. Messages are formatted on the worker, since the
// exception itself cannot travel.
struct ImportPeopleDialog::Outcome {
    QByteArray data;
    ImportPreview preview;
    ImportResult result;
    bool cancelled = false;
    QString failure; // empty on success
};

ImportPeopleDialog::ImportPeopleDialog(Workspace& workspace, const QString& path, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_path(path)
    , m_fileName(QFileInfo(path).fileName())
    , m_summary(new QLabel(this))
    , m_problems(makeReadOnlyTable({tr("Where"), tr("Column"), tr("Problem")},
                                   tr("Problems found in the file"), this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_import(new QPushButton(tr("&Import"), this))
    , m_cancel(new QPushButton(tr("Ca&ncel import"), this))
    , m_close(new QPushButton(tr("&Close"), this))
{
    setWindowTitle(tr("Import people from %1").arg(m_fileName));
    setAccessibleName(tr("Import people"));

    auto* file = new QLabel(QDir::toNativeSeparators(path), this);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    file->setAccessibleName(tr("File"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Import summary"));

    m_problems->setWordWrap(true);
    m_problems->setColumnWidth(0, 150);
    m_problems->setColumnWidth(1, 110);

    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Import status"));
    m_progress->setRange(0, kBarMaximum);
    m_progress->setAccessibleName(tr("Import progress"));

    m_import->setAccessibleName(tr("Import the previewed people"));
    m_cancel->setAccessibleName(tr("Cancel the running import"));
    m_cancel->setShortcut(QKeySequence(Qt::ALT | Qt::Key_N));
    m_close->setAccessibleName(tr("Close"));
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    // The box's own accepted/rejected would close the dialog before the import has run.
    connect(m_import, &QPushButton::clicked, this, &ImportPeopleDialog::startImport);
    connect(m_cancel, &QPushButton::clicked, this, &ImportPeopleDialog::cancelJob);
    connect(m_close, &QPushButton::clicked, this, &ImportPeopleDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(file);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    resize(720, 460);

    startJob(Job::Preview);
}

ImportPeopleDialog::~ImportPeopleDialog()
{
    m_stop = true;
    if (m_thread)
        m_thread->wait();
}

void ImportPeopleDialog::startImport()
{
    if (m_thread || !m_previewValid || !m_preview.problems.empty())
        return;
    startJob(Job::Import);
}

void ImportPeopleDialog::cancelJob()
{
    if (!m_thread)
        return;
    m_stop = true;
    m_status->setText(tr("Cancelling…"));
    m_cancel->setEnabled(false);
}

void ImportPeopleDialog::reject()
{
    if (!m_thread) {
        QDialog::reject();
        return;
    }
    // Closing while a job runs stops it; the dialog closes once the rollback is done.
    m_closeWhenStopped = true;
    cancelJob();
}

void ImportPeopleDialog::startJob(Job job)
{
    m_stop = false;
    m_progress->setValue(0);
    m_status->setText(job == Job::Preview ? tr("Checking %1…").arg(m_fileName)
                                          : tr("Importing %1…").arg(m_fileName));
    setState(job == Job::Preview ? State::Previewing : State::Importing);

    const QString conninfo = m_workspace.db().conninfo();
    const QString actor = m_workspace.db().actor();
    const QString path = m_path;
    const QString fileName = m_fileName;
    const QByteArray data = m_data;
    m_thread.reset(QThread::create([this, job, conninfo, actor, path, fileName, data] {
        Outcome outcome;
        outcome.data = data;
        ImportControl control;
        control.cancel = &m_stop;
        // Queued to the dialog's thread; a dialog being destroyed waits for this thread first
        // and drops what is still queued.
        control.progress = [this](const ImportProgress& p) {
            QMetaObject::invokeMethod(
                this, [this, p] { showProgress(p); }, Qt::QueuedConnection);
        };
        try {
            if (job == Job::Preview) {
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly))
                    throw Error(ErrorKind::NotFound,
                                tr("cannot read %1: %2").arg(path, file.errorString()));
                outcome.data = file.readAll();
            }
            // This thread's own connection, as the same user and actor as the window's.
            Database db(conninfo, actor);
            if (job == Job::Preview)
                outcome.preview = previewPeopleImport(db, outcome.data, fileName, control);
            else
                outcome.result = importPeople(db, outcome.data, fileName, control);
        } catch (const ImportCancelled&) {
            outcome.cancelled = true;
        } catch (const std::exception& e) {
            outcome.failure = describeFailure(e);
        }
        QMetaObject::invokeMethod(
            this, [this, job, outcome] { finishJob(job, outcome); }, Qt::QueuedConnection);
    }));
    m_thread->start();
}

void ImportPeopleDialog::showProgress(const ImportProgress& progress)
{
    if (!m_thread)
        return; // a late report of a job that has already finished
    m_progress->setValue(barValue(progress));
    if (m_stop)
        return;
    switch (progress.stage) {
    case ImportProgress::Stage::Staging:
        m_status->setText(
            tr("Reading row %L1 of %L2…").arg(progress.rowsDone).arg(progress.rowsTotal));
        break;
    case ImportProgress::Stage::Checking:
        m_status->setText(tr("Checking against the people already stored…"));
        break;
    case ImportProgress::Stage::Writing:
        m_status->setText(m_state == State::Previewing ? tr("Working out what would change…")
                                                       : tr("Writing…"));
        break;
    case ImportProgress::Stage::Done:
        break;
    }
}

void ImportPeopleDialog::finishJob(Job job, const Outcome& outcome)
{
    m_thread->wait();
    m_thread.reset();
    const bool close = m_closeWhenStopped;
    m_closeWhenStopped = false;

    if (outcome.cancelled) {
        m_progress->setValue(0);
        m_status->setText(job == Job::Preview
                              ? tr("The check was cancelled.")
                              : tr("The import was cancelled; nothing was changed."));
        setState(State::Cancelled);
    } else if (!outcome.failure.isEmpty()) {
        m_progress->setValue(0);
        m_status->setText(job == Job::Preview
                              ? tr("The file could not be checked: %1").arg(outcome.failure)
                              : tr("Nothing was imported: %1").arg(outcome.failure));
        setState(State::Failed);
    } else if (job == Job::Preview) {
        m_data = outcome.data;
        m_preview = outcome.preview;
        m_previewValid = true;
        m_progress->setValue(kBarMaximum);
        showPreview();
        setState(State::Previewed);
    } else {
        m_result = outcome.result;
        m_progress->setValue(kBarMaximum);
        m_status->setText(tr("Imported %n people.", nullptr, m_result.total()));
        setState(State::Imported);
        emit imported();
        if (!close)
            accept();
    }
    if (close)
        QDialog::reject();
}

void ImportPeopleDialog::showPreview()
{
    const auto& problems = m_preview.problems;
    m_problems->setRowCount(static_cast<int>(problems.size()));
    int row = 0;
    for (const ImportProblem& p : problems) {
        const QString where =
            p.line > 0 ? QStringLiteral("%1:%2").arg(m_fileName).arg(p.line) : m_fileName;
        m_problems->setItem(row, 0, new QTableWidgetItem(where));
        m_problems->setItem(row, 1, new QTableWidgetItem(p.column));
        auto* what = new QTableWidgetItem(p.what);
        what->setToolTip(p.text);
        m_problems->setItem(row, 2, what);
        ++row;
    }
    m_problems->resizeRowsToContents();

    const ImportResult& r = m_preview.result;
    if (problems.empty()) {
        m_summary->setText(tr("%1, %2, %3. No problems found.")
                               .arg(tr("%n new", nullptr, r.inserted),
                                    tr("%n updated", nullptr, r.updated),
                                    tr("%n unchanged", nullptr, r.unchanged)));
        m_status->setText(r.inserted + r.updated > 0
                              ? tr("Nothing has been written yet. Import to store these changes.")
                              : tr("The file matches the people already stored."));
    } else {
        m_summary->setText(
            tr("%n problem(s) found. The file is imported as a whole or not at all: correct the "
               "rows below and open it again.",
               nullptr, static_cast<int>(problems.size())));
        m_status->setText(tr("Nothing has been written."));
    }
}

void ImportPeopleDialog::setState(State state)
{
    m_state = state;
    const bool running = state == State::Previewing || state == State::Importing;
    m_import->setEnabled(!running && m_previewValid && m_preview.problems.empty() &&
                         state != State::Imported);
    m_import->setDefault(m_import->isEnabled());
    m_cancel->setEnabled(running);
    m_cancel->setVisible(running);
    m_problems->setVisible(!m_preview.problems.empty());
    emit stateChanged(state);
}

} // namespace steward::gui
