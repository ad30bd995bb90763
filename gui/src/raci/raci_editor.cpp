#include "raci/raci_editor.h"

#include "common/labels.h"
#include "common/message_bar.h"
#include "common/workspace.h"
#include "raci/raci_matrix_model.h"
#include "services/project_service.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace steward::gui {

RaciEditor::RaciEditor(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new RaciMatrixModel(workspace, this))
    , m_project(new QComboBox(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_revert(new QPushButton(tr("Re&vert"), this))
    , m_clearAction(new QAction(tr("Clear"), this))
    , m_message(new MessageBar(this))
    , m_view(new QTableView(this))
    , m_findingsTitle(new QLabel(this))
    , m_findings(new QListWidget(this))
{
    m_project->setAccessibleName(tr("Project"));
    m_project->setMinimumContentsLength(30);
    m_project->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setAccessibleName(tr("Save the RACI matrix"));
    m_revert->setAccessibleName(tr("Discard unsaved RACI changes"));

    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers); // letters are typed directly
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setDefaultSectionSize(80);
    m_view->horizontalHeader()->setMinimumSectionSize(60);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("RACI matrix"));
    m_view->setAccessibleDescription(
        tr("Type R, A, C or I to toggle a letter in the selected cells; "
           "Delete clears them."));
    m_view->installEventFilter(this);

    m_findings->setAccessibleName(tr("Coverage findings of the edited matrix"));
    m_findings->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Project:"), this));
    bar->addWidget(m_project);
    bar->addSpacing(16);
    for (RaciKind kind : kRaciKinds) {
        auto* action = new QAction(Labels::letter(kind), this);
        action->setToolTip(tr("Toggle %1 in the selected cells (key %2)")
                               .arg(Labels::of(kind), Labels::letter(kind)));
        connect(action, &QAction::triggered, this, [this, kind] {
            m_model->toggle(m_view->selectionModel()->selectedIndexes(), kind);
        });
        m_letterActions << action;
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAccessibleName(Labels::of(kind));
        bar->addWidget(button);
    }
    m_clearAction->setToolTip(tr("Clear the selected cells (Delete)"));
    connect(m_clearAction, &QAction::triggered, this,
            [this] { m_model->clear(m_view->selectionModel()->selectedIndexes()); });
    auto* clearButton = new QToolButton(this);
    clearButton->setDefaultAction(m_clearAction);
    clearButton->setAccessibleName(tr("Clear"));
    bar->addWidget(clearButton);
    bar->addStretch(1);
    bar->addWidget(m_revert);
    bar->addWidget(m_save);

    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_findingsTitle);
    bottomLayout->addWidget(m_findings);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 120});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_project, &QComboBox::activated, this, [this] {
        const QString key = m_project->currentData().toString();
        if (!openProject(key)) // keep the edits: put the selector back
            m_project->setCurrentIndex(m_project->findData(m_currentKey));
    });
    connect(m_save, &QPushButton::clicked, this, &RaciEditor::save);
    connect(m_revert, &QPushButton::clicked, this, [this] { load(m_currentKey); });
    connect(m_model, &RaciMatrixModel::findingsChanged, this, [this] {
        updateFindings();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->clearSpans();
        for (int row = 0; row < m_model->rowCount(); ++row)
            if (m_model->index(row, 0).data(RaciMatrixModel::StageHeaderRole).toBool())
                m_view->setSpan(row, 0, 1, m_model->columnCount());
        // The responsibility column takes what the people columns leave, within reason.
        const int people = m_model->columnCount() - 1;
        const int available =
            m_view->viewport()->width() - people * m_view->horizontalHeader()->defaultSectionSize();
        m_view->setColumnWidth(RaciMatrixModel::ResponsibilityColumn,
                               std::clamp(available, 300, 520));
        m_view->resizeRowsToContents();
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &RaciEditor::showContextMenu);
    // A finding leads to its responsibility's row.
    connect(m_findings, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        const int row =
            item ? m_model->responsibilityRow(item->data(Qt::UserRole + 1).toString()) : -1;
        if (row < 0)
            return;
        const QModelIndex index = m_model->index(row, RaciMatrixModel::ResponsibilityColumn);
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
        m_view->setCurrentIndex(index);
    });
    reloadProjects();
    updateActions();
}

void RaciEditor::reloadProjects()
{
    m_project->clear();
    try {
        for (const Project& p : ProjectService(m_workspace.db()).list())
            m_project->addItem(tr("%1 — %2").arg(p.key, p.name), p.key);
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
    const int current = m_project->findData(m_currentKey);
    if (current >= 0)
        m_project->setCurrentIndex(current);
    else if (m_project->count() > 0)
        openProject(m_project->itemData(0).toString());
}

bool RaciEditor::confirmDiscard()
{
    if (!m_model->isDirty())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved RACI changes"),
        tr("The RACI matrix of %1 has changes that are not saved. Discard them?").arg(m_currentKey),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Discard;
}

bool RaciEditor::openProject(const QString& key)
{
    if (key == m_currentKey && !m_model->isDirty())
        return true;
    if (!confirmDiscard())
        return false;
    load(key);
    return true;
}

void RaciEditor::load(const QString& key)
{
    m_message->clear();
    try {
        m_model->load(key);
        m_currentKey = key;
        m_project->setCurrentIndex(m_project->findData(key));
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
    updateActions();
}

bool RaciEditor::save()
{
    try {
        const RaciMatrixModel::SaveResult result = m_model->save();
        if (!result.conflicts.isEmpty()) {
            m_message->showMessage(
                MessageBar::Kind::Error,
                tr("Nothing was saved: someone else changed this matrix since you opened it.\n%1\n"
                   "Revert to see their version, then apply your change again.")
                    .arg(result.conflicts.join(QLatin1Char('\n'))));
            return false;
        }
        m_message->showMessage(
            MessageBar::Kind::Information,
            tr("Saved %n change(s) to the RACI matrix of %1.", nullptr, result.written)
                .arg(m_currentKey));
        updateActions();
        emit saved(m_currentKey);
        return true;
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error,
                               tr("Nothing was saved: %1").arg(describeFailure(e)));
        return false;
    }
}

void RaciEditor::updateActions()
{
    const bool dirty = m_model->isDirty();
    m_save->setEnabled(dirty);
    m_revert->setEnabled(dirty);
}

void RaciEditor::updateFindings()
{
    m_findings->clear();
    const auto& findings = m_model->findings();
    m_findingsTitle->setText(findings.empty() ? tr("No coverage findings with these edits")
                                              : tr("%n coverage finding(s) with these edits",
                                                   nullptr, static_cast<int>(findings.size())));
    for (const Finding& f : findings) {
        auto* item = new QListWidgetItem(
            tr("%1: %2 %3").arg(Labels::of(f.severity), qs(f.message), qs(f.remedy)), m_findings);
        item->setData(Qt::UserRole, qs(f.code));
        item->setData(Qt::UserRole + 1, qs(f.subject));
        if (f.severity == Severity::Error)
            item->setForeground(QColor(0xb7, 0x1c, 0x1c));
    }
}

bool RaciEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_view || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
        m_model->clear(m_view->selectionModel()->selectedIndexes());
        return true;
    }
    const QString text = key->text().toUpper();
    for (RaciKind kind : kRaciKinds) {
        if (!text.isEmpty() && text == Labels::letter(kind).toUpper()) {
            m_model->toggle(m_view->selectionModel()->selectedIndexes(), kind);
            return true;
        }
    }
    return false;
}

void RaciEditor::showContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!(m_model->flags(index) & Qt::ItemIsEditable))
        return;
    QMenu menu(this);
    for (QAction* action : m_letterActions) {
        menu.addAction(action);
    }
    menu.addSeparator();
    menu.addAction(m_clearAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace steward::gui
