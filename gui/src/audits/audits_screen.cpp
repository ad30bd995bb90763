#include "audits/audits_screen.h"

#include "audit/audit_service.h"
#include "audits/audit_labels.h"
#include "audits/audit_list_model.h"
#include "audits/audit_runner.h"
#include "audits/new_audit_dialog.h"
#include "common/message_bar.h"
#include "common/workspace.h"
#include "services/person_service.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace steward::gui {

AuditsScreen::AuditsScreen(Workspace& workspace, QWidget* parent)
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

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_status);
    filters->addWidget(m_project);
    filters->addWidget(m_count, 1);
    filters->addWidget(m_open);
    filters->addWidget(m_newAudit);

    auto* listPage = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_message);
    listLayout->addWidget(m_view, 1);

    restoreActingPerson();
    m_stack->addWidget(listPage);
    m_stack->addWidget(m_runner);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    updateProjects();
    updateCount();
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
    showList();
    m_status->setCurrentIndex(m_status->findData(static_cast<int>(status)));
}

void AuditsScreen::showAllStatuses()
{
    showList();
    m_status->setCurrentIndex(0);
}

void AuditsScreen::showProject(const QString& projectKey)
{
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
    m_view->setFocus();
}

bool AuditsScreen::isRunnerShown() const
{
    return m_stack->currentWidget() == m_runner;
}

void AuditsScreen::reload()
{
    m_model->reload();
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
