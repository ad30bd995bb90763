#include "raci/raci_editor.h"

#include "common/labels.h"
#include "common/message_bar.h"
#include "common/person_picker.h"
#include "common/workspace.h"
#include "raci/coverage_gap.h"
#include "raci/raci_matrix_model.h"
#include "services/project_service.h"
#include "services/staffing_service.h"

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
#include <QShowEvent>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace steward::gui {
namespace {

// Whether a finding's gap can be filled from the findings list.
constexpr int kFillableRole = Qt::UserRole + 2;

} // namespace

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
    , m_assign(new QPushButton(tr("Assi&gn…"), this))
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
    m_assign->setAccessibleName(tr("Assign a person to the selected gap"));
    m_assign->setToolTip(tr("Choose a person to take the missing letter of the selected finding"));
    m_assign->setEnabled(false);

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
        m_editWidgets << button;
    }
    m_clearAction->setToolTip(tr("Clear the selected cells (Delete)"));
    connect(m_clearAction, &QAction::triggered, this,
            [this] { m_model->clear(m_view->selectionModel()->selectedIndexes()); });
    auto* clearButton = new QToolButton(this);
    clearButton->setDefaultAction(m_clearAction);
    clearButton->setAccessibleName(tr("Clear"));
    bar->addWidget(clearButton);
    m_editWidgets << clearButton << m_revert << m_save << m_assign;
    bar->addStretch(1);
    bar->addWidget(m_revert);
    bar->addWidget(m_save);

    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto* findingsBar = new QHBoxLayout;
    findingsBar->addWidget(m_findingsTitle, 1);
    findingsBar->addWidget(m_assign);
    bottomLayout->addLayout(findingsBar);
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
    connect(m_findings, &QListWidget::currentRowChanged, this, [this] { updateActions(); });
    connect(m_findings, &QListWidget::itemActivated, this, [this] {
        if (m_assign->isEnabled())
            chooseForSelectedGap();
    });
    connect(m_assign, &QPushButton::clicked, this, &RaciEditor::chooseForSelectedGap);
    applyPermissions();
    reloadProjects();
    updateActions();
}

void RaciEditor::applyPermissions()
{
    // Per project: a manager changes the staffing of the projects they manage only.
    const bool editable = m_workspace.permissions().editStaffing &&
                          (m_currentKey.isEmpty() || m_workspace.mayManageProject(m_currentKey));
    m_model->setReadOnly(!editable);
    for (QWidget* w : m_editWidgets)
        w->setVisible(editable);
    for (QAction* a : m_letterActions)
        a->setEnabled(editable);
    m_clearAction->setEnabled(editable);
    showReadOnlyNotice();
}

void RaciEditor::showReadOnlyNotice()
{
    if (!m_model->isReadOnly())
        return;
    if (m_workspace.permissions().editStaffing)
        m_message->showMessage(MessageBar::Kind::Information,
                               tr("You can read this matrix but not change it: only the "
                                  "project's owner, a current AI project manager on it or an "
                                  "administrator may change its staffing."));
    else
        m_message->showMessage(MessageBar::Kind::Information,
                               tr("You can read this matrix but not change it: your database "
                                  "login may not change staffing."));
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
    else if (m_project->count() > 0 && isVisible())
        openProject(m_project->itemData(0).toString());
}

void RaciEditor::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_currentKey.isEmpty() && m_project->count() > 0)
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

bool RaciEditor::reload()
{
    if (m_model->isDirty())
        return false;
    if (!m_currentKey.isEmpty())
        load(m_currentKey);
    return true;
}

void RaciEditor::load(const QString& key)
{
    m_message->clear();
    try {
        // The catalogue first: loading the model lists the findings, which consult it.
        m_gaps.emplace(m_workspace.db());
        m_model->load(key);
        m_currentKey = key;
        m_project->setCurrentIndex(m_project->findData(key));
        applyPermissions();
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
    updateActions();
}

bool RaciEditor::save()
{
    if (m_model->isReadOnly())
        return false;
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
        // Say which operation failed; the edits stay, so saving again retries it (the
        // connection, if it was lost, is opened again for that).
        m_message->showMessage(MessageBar::Kind::Error,
                               tr("Saving the RACI matrix of %1 failed, and nothing was saved: %2\n"
                                  "Your edits are still here: save again to retry.")
                                   .arg(m_currentKey, describeFailure(e)));
        return false;
    }
}

void RaciEditor::updateActions()
{
    const bool dirty = m_model->isDirty();
    m_save->setEnabled(dirty);
    m_revert->setEnabled(dirty);
    const QListWidgetItem* item = m_findings->currentItem();
    m_assign->setEnabled(!m_model->isReadOnly() && item && item->data(kFillableRole).toBool());
}

bool RaciEditor::assignFromGap(int findingIndex, const QString& email)
{
    const auto& findings = m_model->findings();
    if (m_model->isReadOnly() || findingIndex < 0 ||
        findingIndex >= static_cast<int>(findings.size()))
        return false;
    try {
        if (!m_gaps)
            return false;
        const CoverageGap gap = m_gaps->of(findings[static_cast<std::size_t>(findingIndex)]);
        if (gap.kind != CoverageGap::Kind::Raci)
            return false;
        const int row = m_model->responsibilityRow(gap.responsibilityKey);
        if (row < 0)
            return false;
        const int column = m_model->addPerson(email);
        const QModelIndex index = m_model->index(row, column);
        const RaciMatrixModel::Letters letter = 1u << static_cast<unsigned>(gap.raciKind);
        if (!m_model->setLetters(index, m_model->letters(index) | letter))
            return false;
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
        m_view->setCurrentIndex(index);
        m_message->showMessage(MessageBar::Kind::Information,
                               tr("%1 is now %2 for \"%3\" — not saved yet; Save writes it.")
                                   .arg(email, Labels::of(gap.raciKind), gap.responsibilityText));
        return true;
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        return false;
    }
}

void RaciEditor::chooseForSelectedGap()
{
    const int index = m_findings->currentRow();
    const auto& findings = m_model->findings();
    if (m_model->isReadOnly() || index < 0 || index >= static_cast<int>(findings.size()))
        return;
    CoverageGap gap;
    std::vector<PersonPicker::Candidate> suggestions;
    try {
        if (!m_gaps)
            return;
        gap = m_gaps->of(findings[static_cast<std::size_t>(index)]);
        // People who hold the responsibility's role on the project are the natural choice.
        for (const Assignment& a : StaffingService(m_workspace.db()).assignments(m_currentKey)) {
            const bool current = (!a.to || *a.to >= QDate::currentDate());
            if (a.roleKey == gap.roleKey && current)
                suggestions.push_back(
                    {a.personEmail, a.personName, tr("holds %1 on the project").arg(gap.roleName)});
        }
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        return;
    }
    if (gap.kind != CoverageGap::Kind::Raci)
        return;
    PersonPicker picker(
        m_workspace, tr("Make someone %1 for a responsibility").arg(Labels::of(gap.raciKind)),
        tr("Choose who is %1 for \"%2\" on %3. The change stays unsaved until you save the "
           "matrix.")
            .arg(Labels::of(gap.raciKind), gap.responsibilityText, m_currentKey),
        this);
    picker.setSuggestions(std::move(suggestions));
    if (picker.exec() != QDialog::Accepted || picker.selectedEmail().isEmpty())
        return;
    assignFromGap(index, picker.selectedEmail());
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
        const bool fillable = m_gaps && m_gaps->of(f).kind == CoverageGap::Kind::Raci;
        item->setData(kFillableRole, fillable);
        if (fillable)
            item->setToolTip(tr("Select and press Assign… (or Enter) to choose a person."));
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
