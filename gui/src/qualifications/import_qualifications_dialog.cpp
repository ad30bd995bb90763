#include "qualifications/import_qualifications_dialog.h"

#include "common/background_task.h"
#include "common/read_only_table.h"
#include "common/workspace.h"
#include "db/database.h"
#include "error.h"
#include "io/qualification_import.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

namespace steward::gui {
namespace {

// What the worker hands back: the exception itself cannot travel between threads.
struct Outcome {
    ImportResult result;
    bool refused = false;
    QString message;
    std::vector<ImportProblem> problems;
};

} // namespace

ImportQualificationsDialog::ImportQualificationsDialog(Workspace& workspace, const QString& path,
                                                       QWidget* parent)
    : QDialog(parent)
    , m_fileName(QFileInfo(path).fileName())
    , m_summary(new QLabel(this))
    , m_problems(makeReadOnlyTable({tr("Line"), tr("Column"), tr("Problem")},
                                   tr("Problems found in the file"), this))
    , m_close(new QPushButton(tr("&Close"), this))
{
    setWindowTitle(tr("Import qualifications from %1").arg(m_fileName));
    setAccessibleName(tr("Import qualifications"));
    auto* file = new QLabel(QDir::toNativeSeparators(path), this);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    file->setAccessibleName(tr("File"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Import summary"));
    m_problems->setWordWrap(true);
    m_problems->hide();
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(file);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    layout->addWidget(buttons);
    resize(720, 400);

    m_summary->setText(tr("Importing %1…").arg(m_fileName));
    m_close->setEnabled(false);
    const QString conninfo = workspace.db().conninfo();
    const QString actor = workspace.db().actor();
    const QString fileName = m_fileName;
    auto outcome = std::make_shared<Outcome>();
    m_task = new BackgroundTask(
        [conninfo, actor, path, fileName, outcome](const std::atomic<bool>&) {
            QFile in(path);
            if (!in.open(QIODevice::ReadOnly)) {
                outcome->message = tr("Cannot read %1: %2").arg(path, in.errorString());
                return;
            }
            const QByteArray data = in.readAll();
            try {
                Database db(conninfo, actor);
                outcome->result =
                    importQualificationRecords(db, data, fileName, QDate::currentDate());
            } catch (const ImportRefused& e) {
                outcome->refused = true;
                outcome->message = e.message();
                outcome->problems = e.problems();
            } catch (const Error& e) {
                outcome->message = e.message();
            }
        },
        this);
    connect(m_task, &BackgroundTask::succeeded, this, [this, outcome] {
        m_close->setEnabled(true);
        if (outcome->refused) {
            m_problems->setRowCount(static_cast<int>(outcome->problems.size()));
            int row = 0;
            for (const ImportProblem& p : outcome->problems) {
                m_problems->setItem(
                    row, 0, new QTableWidgetItem(p.line > 0 ? QString::number(p.line) : QString()));
                m_problems->setItem(row, 1, new QTableWidgetItem(p.column));
                m_problems->setItem(row, 2, new QTableWidgetItem(p.what));
                m_problems->item(row, 2)->setToolTip(p.text);
                ++row;
            }
            m_problems->resizeColumnToContents(0);
            m_problems->resizeColumnToContents(1);
            m_problems->show();
            m_summary->setText(tr("%1 Fix the file and import it again.").arg(outcome->message));
            setState(State::Refused);
        } else if (!outcome->message.isEmpty()) {
            m_summary->setText(outcome->message);
            setState(State::Failed);
        } else {
            m_result = outcome->result;
            m_summary->setText(tr("Imported %1: %2 added, %3 updated, %4 unchanged.")
                                   .arg(m_fileName)
                                   .arg(m_result.inserted)
                                   .arg(m_result.updated)
                                   .arg(m_result.unchanged));
            setState(State::Imported);
            emit imported();
        }
    });
    connect(m_task, &BackgroundTask::failed, this, [this](const QString& message) {
        m_close->setEnabled(true);
        m_summary->setText(message);
        setState(State::Failed);
    });
    m_task->start();
}

// The task waits for its thread; the import commits or rolls back on its own.
ImportQualificationsDialog::~ImportQualificationsDialog() = default;

void ImportQualificationsDialog::reject()
{
    if (m_state != State::Importing)
        QDialog::reject();
}

void ImportQualificationsDialog::setState(State state)
{
    m_state = state;
    emit stateChanged(state);
}

} // namespace steward::gui
