#include "audits/audits_screen.h"

#include "audit/audit_service.h"
#include "audits/audit_labels.h"
#include "audits/audit_list_model.h"
#include "audits/audit_runner.h"
#include "audits/finding_actions.h"
#include "audits/finding_list_model.h"
#include "audits/new_audit_dialog.h"
#include "common/message_bar.h"
#include "common/workspace.h"
#include "services/person_service.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace steward::gui {

AuditsScreen::AuditsScreen(Workspace& workspace, QWidget* parent, QDate today)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new AuditListModel(workspace.db(), this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_status(new QComboBox(this))
    , m_project(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_newAudit(new QPushButton(tr("&New audit…"), this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_message(new MessageBar(this))
    , m_view(new QTableView(this))
    , m_lists(new QTabWidget(this))
    , m_findings(new FindingListModel(workspace.db(), today, this))
    , m_sortedFindings(new QSortFilterProxyModel(this))
    , m_overdueOnly(new QCheckBox(tr("O&verdue only"), this))
    , m_findingCount(new QLabel(this))
    , m_openFinding(new QPushButton(tr("Open a&udit"), this))
    , m_findingView(new QTableView(this))
    , m_findingActions(new FindingActions(this))
    , m_runner(new AuditRunner(workspace, this))
{
    m_status->addItem(tr("Any status"));
    for (AuditStatus s : kAuditStatuses)
        m_status->addItem(AuditLabels::of(s), static_cast<int>(s));
    m_status->setAccessibleName(tr("Status filter"));
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_project->setAccessibleName(tr("Project filter"));
    m_project->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_newAudit->setAccessibleName(tr("Plan a new audit"));
    m_newAudit->setShortcut(QKeySequence::New);
    m_newAudit->setToolTip(m_newAudit->shortcut().toString(QKeySequence::NativeText));
    m_newAudit->setVisible(workspace.permissions().planAudits);
    m_open->setAccessibleName(tr("Open the selected audit"));

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(AuditListModel::SortRole);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AuditListModel::DueColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AuditListModel::ChecklistColumn,
                                                     QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Audits"));
    m_view->setWordWrap(false);

    connect(m_status, &QComboBox::currentIndexChanged, this, &AuditsScreen::applyFilters);
    connect(m_project, &QComboBox::currentIndexChanged, this, &AuditsScreen::applyFilters);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditsScreen::updateCount);
    connect(m_model, &AuditListModel::loadFailed, this, [this](const QString& message) {
        m_message->showMessage(MessageBar::Kind::Error, message);
    });
    connect(m_view, &QTableView::activated, this, &AuditsScreen::openSelected);
    connect(m_open, &QPushButton::clicked, this, &AuditsScreen::openSelected);
    connect(m_newAudit, &QPushButton::clicked, this, &AuditsScreen::askNewAudit);
    connect(m_runner, &AuditRunner::backRequested, this, &AuditsScreen::showList);
    connect(m_runner, &AuditRunner::auditChanged, this, [this] {
        m_model->reload();
        emit auditsChanged();
    });

    // The findings of every audit that are still open or being worked on.
    m_overdueOnly->setAccessibleName(tr("Only overdue findings"));
    m_overdueOnly->setToolTip(tr("Findings whose due date has passed"));
    m_openFinding->setAccessibleName(tr("Open the audit of the selected finding"));
    m_sortedFindings->setSourceModel(m_findings);
    m_sortedFindings->setSortRole(FindingListModel::SortRole);
    m_findingView->setModel(m_sortedFindings);
    m_findingView->setSortingEnabled(true);
    m_findingView->sortByColumn(FindingListModel::DueColumn, Qt::AscendingOrder);
    m_findingView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findingView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_findingView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findingView->setAlternatingRowColors(true);
    m_findingView->verticalHeader()->setVisible(false);
    m_findingView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_findingView->horizontalHeader()->setSectionResizeMode(FindingListModel::DescriptionColumn,
                                                            QHeaderView::Stretch);
    m_findingView->setAccessibleName(tr("Open findings"));
    m_findingView->setWordWrap(false);
    m_findingActions->setVisible(false); // until a finding the user may move on is selected
    connect(m_overdueOnly, &QCheckBox::toggled, m_findings, &FindingListModel::setOverdueOnly);
    connect(m_findings, &QAbstractItemModel::modelReset, this, &AuditsScreen::updateFindingCount);
    connect(m_findings, &FindingListModel::loadFailed, this, [this](const QString& message) {
        m_message->showMessage(MessageBar::Kind::Error, message);
    });
    connect(m_findingView, &QTableView::activated, this, &AuditsScreen::openSelectedFinding);
    connect(m_openFinding, &QPushButton::clicked, this, &AuditsScreen::openSelectedFinding);
    connect(m_findingView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditsScreen::updateFindingActions);
    connect(m_findingActions, &FindingActions::moveRequested, this, &AuditsScreen::askMoveFinding);
    connect(m_runner, &AuditRunner::auditChanged, m_findings, &FindingListModel::reload);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_status);
    filters->addWidget(m_project);
    filters->addWidget(m_count, 1);
    filters->addWidget(m_open);
    filters->addWidget(m_newAudit);
    auto* auditsPage = new QWidget(this);
    auto* auditsLayout = new QVBoxLayout(auditsPage);
    auditsLayout->addLayout(filters);
    auditsLayout->addWidget(m_view, 1);

    auto* findingFilters = new QHBoxLayout;
    findingFilters->addWidget(m_overdueOnly);
    findingFilters->addWidget(m_findingCount, 1);
    findingFilters->addWidget(m_findingActions);
    findingFilters->addWidget(m_openFinding);
    auto* findingsPage = new QWidget(this);
    auto* findingsLayout = new QVBoxLayout(findingsPage);
    findingsLayout->addLayout(findingFilters);
    findingsLayout->addWidget(m_findingView, 1);

    m_lists->addTab(auditsPage, tr("Audits"));
    m_lists->addTab(findingsPage, tr("Open findings"));
    m_lists->setAccessibleName(tr("Audits and findings"));
    m_lists->setDocumentMode(true);
    auto* listPage = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_message);
    listLayout->addWidget(m_lists, 1);

    restoreActingPerson();
    m_stack->addWidget(listPage);
    m_stack->addWidget(m_runner);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    updateProjects();
    updateCount();
    updateFindingCount();
}

void AuditsScreen::restoreActingPerson()
{
    if (!m_workspace.actorEmail().isEmpty())
        return;
    const QString remembered = QSettings().value(QStringLiteral("identity/email")).toString();
    if (remembered.isEmpty())
        return;
    try {
        // Someone who has since left the directory is not acted for.
        if (const auto person = PersonService(m_workspace.db()).findByEmail(remembered))
            m_workspace.setActorEmail(person->email);
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
}

void AuditsScreen::applyFilters()
{
    if (m_settingFilter)
        return;
    const QVariant status = m_status->currentData();
    m_model->setFilter(status.isValid()
                           ? std::optional<AuditStatus>(static_cast<AuditStatus>(status.toInt()))
                           : std::nullopt,
                       m_project->currentData().toString());
}

void AuditsScreen::updateProjects()
{
    m_settingFilter = true;
    const QString current = m_project->currentData().toString();
    m_project->clear();
    m_project->addItem(tr("Any project"));
    for (const QString& key : m_model->projectKeys())
        m_project->addItem(key, key);
    m_project->setCurrentIndex(std::max(0, m_project->findData(current)));
    m_settingFilter = false;
}

void AuditsScreen::updateCount()
{
    m_count->setText(tr("%n audit(s)", nullptr, m_model->rowCount()));
    m_open->setEnabled(m_model->rowCount() > 0);
}

void AuditsScreen::showStatus(AuditStatus status)
{
    m_lists->setCurrentIndex(0);
    showList();
    m_status->setCurrentIndex(m_status->findData(static_cast<int>(status)));
}

void AuditsScreen::showAllStatuses()
{
    m_lists->setCurrentIndex(0);
    showList();
    m_status->setCurrentIndex(0);
}

void AuditsScreen::showProject(const QString& projectKey)
{
    m_lists->setCurrentIndex(0);
    showList();
    const int index = projectKey.isEmpty() ? 0 : m_project->findData(projectKey);
    if (index < 0) {
        m_message->showMessage(MessageBar::Kind::Information,
                               tr("%1 has not been audited yet.").arg(projectKey));
        return;
    }
    m_project->setCurrentIndex(index);
}

bool AuditsScreen::openAudit(qint64 auditId)
{
    if (!m_runner->openAudit(auditId)) {
        showList();
        m_message->showMessage(MessageBar::Kind::Error, m_runner->messageBar()->text());
        return false;
    }
    m_stack->setCurrentWidget(m_runner);
    const int row = m_model->rowOf(auditId);
    if (row >= 0)
        m_view->setCurrentIndex(
            m_sorted->mapFromSource(m_model->index(row, AuditListModel::ProjectColumn)));
    return true;
}

void AuditsScreen::openSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const auto* row = m_model->rowAt(m_sorted->mapToSource(current).row());
    if (row)
        openAudit(row->audit.id);
}

void AuditsScreen::showList()
{
    m_stack->setCurrentIndex(0);
    if (isFindingsShown())
        m_findingView->setFocus();
    else
        m_view->setFocus();
}

bool AuditsScreen::isRunnerShown() const
{
    return m_stack->currentWidget() == m_runner;
}

void AuditsScreen::reload()
{
    m_model->reload();
    m_findings->reload();
    updateProjects();
    applyFilters();
    if (isRunnerShown())
        m_runner->reload();
}

bool AuditsScreen::createAudit(const AuditPlan& plan)
{
    if (!m_workspace.permissions().planAudits)
        return false;
    Audit audit;
    try {
        audit = AuditService(m_workspace.db()).create(plan);
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        return false;
    }
    reload();
    emit auditsChanged();
    openAudit(audit.id);
    m_runner->messageBar()->showMessage(
        MessageBar::Kind::Information,
        tr("Audit %1 of %2 planned.").arg(audit.id).arg(audit.projectKey));
    return true;
}

void AuditsScreen::askNewAudit()
{
    try {
        NewAuditDialog dialog(m_workspace.db(), m_workspace.actorEmail(), this);
        if (dialog.exec() == QDialog::Accepted)
            createAudit(dialog.plan());
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
}

} // namespace steward::gui

namespace steward::gui {

void AuditsScreen::showFindings(bool overdueOnly)
{
    m_lists->setCurrentIndex(1);
    if (m_overdueOnly->isChecked() == overdueOnly)
        m_findings->reload(); // what the Overview counted may be newer than this list
    else
        m_overdueOnly->setChecked(overdueOnly);
    showList();
}

bool AuditsScreen::isFindingsShown() const
{
    return m_lists->currentIndex() == 1;
}

void AuditsScreen::updateFindingCount()
{
    const int n = m_findings->rowCount();
    const int overdue = m_findings->overdueCount();
    QString text = m_findings->overdueOnly() ? tr("%n overdue finding(s)", nullptr, n)
                                             : tr("%n open finding(s)", nullptr, n);
    if (!m_findings->overdueOnly() && overdue > 0)
        text = tr("%1, %n overdue", nullptr, overdue).arg(text);
    m_findingCount->setText(text);
    m_lists->setTabText(1, m_findings->overdueOnly() ? tr("Overdue findings (%n)", nullptr, n)
                                                     : tr("Open findings (%n)", nullptr, n));
    m_openFinding->setEnabled(n > 0);
    updateFindingActions();
}

qint64 AuditsScreen::selectedFindingId() const
{
    const QModelIndex current = m_findingView->currentIndex();
    if (!current.isValid())
        return 0;
    const AuditFinding* f = m_findings->findingAt(m_sortedFindings->mapToSource(current).row());
    return f ? f->id : 0;
}

void AuditsScreen::updateFindingActions()
{
    const int row = m_findings->rowOf(selectedFindingId());
    const AuditFinding* f = m_findings->findingAt(row);
    m_findingActions->setVisible(f && FindingActions::offered(m_workspace, f->id));
    m_findingActions->setCurrent(f ? std::optional(f->status) : std::nullopt,
                                 f && m_workspace.mayMoveFinding(f->id, true));
}

void AuditsScreen::openSelectedFinding()
{
    if (const qint64 id = selectedFindingId(); id > 0)
        openFinding(id);
}

bool AuditsScreen::openFinding(qint64 findingId)
{
    const AuditFinding* f = m_findings->findingAt(m_findings->rowOf(findingId));
    if (!f) {
        m_message->showMessage(MessageBar::Kind::Warning,
                               tr("Finding %1 is not in the list.").arg(findingId));
        return false;
    }
    if (!openAudit(f->auditId))
        return false;
    m_runner->showFinding(findingId);
    return true;
}

bool AuditsScreen::moveFinding(qint64 findingId, FindingStatus next, const QString& justification)
{
    const int row = m_findings->rowOf(findingId);
    if (row < 0)
        return false;
    const int version = m_findings->findingAt(row)->version; // a concurrent move is refused
    if (const QString why = FindingActions::refusal(m_workspace, findingId, next, justification);
        !why.isEmpty()) {
        m_message->showMessage(MessageBar::Kind::Warning, why);
        return false;
    }
    try {
        AuditService(m_workspace.db())
            .updateFinding(findingId, toText(next),
                           next == FindingStatus::RiskAccepted ? justification.trimmed()
                                                               : QString(),
                           m_workspace.actorEmail(), version);
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        // Someone else may have moved it first: show what the database holds now.
        m_findings->reload();
        return false;
    }
    m_findings->reload();
    m_message->showMessage(MessageBar::Kind::Information,
                           FindingActions::movedMessage(findingId, next));
    // An in-progress finding stays listed: keep it selected for the next step.
    if (const int row = m_findings->rowOf(findingId); row >= 0)
        m_findingView->setCurrentIndex(m_sortedFindings->mapFromSource(m_findings->index(row, 0)));
    emit auditsChanged();
    return true;
}

void AuditsScreen::askMoveFinding(FindingStatus next)
{
    const qint64 id = selectedFindingId();
    if (id <= 0)
        return;
    if (const auto justification = FindingActions::askJustification(this, id, next))
        moveFinding(id, next, *justification);
}

} // namespace steward::gui
