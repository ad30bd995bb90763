#include "projects/projects_screen.h"

#include "common/labels.h"
#include "common/message_bar.h"
#include "common/workspace.h"
#include "projects/project_list_model.h"
#include "projects/project_page.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace steward::gui {
namespace {

// A filter combo box: "Any <what>" first, then every value of the enumeration as item data.
template <typename Values>
QComboBox* makeFilter(const QString& any, const Values& values, const QString& accessibleName,
                      QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->addItem(any);
    for (auto v : values)
        combo->addItem(Labels::of(v), static_cast<int>(v));
    combo->setAccessibleName(accessibleName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return combo;
}

template <typename Enum>
std::optional<Enum> selected(const QComboBox* combo)
{
    const QVariant v = combo->currentData();
    return v.isValid() ? std::optional<Enum>(static_cast<Enum>(v.toInt())) : std::nullopt;
}

template <typename Enum>
void select(QComboBox* combo, const std::optional<Enum>& value)
{
    combo->setCurrentIndex(value ? combo->findData(static_cast<int>(*value)) : 0);
}

} // namespace

ProjectsScreen::ProjectsScreen(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_model(new ProjectListModel(workspace.db(), this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_industry(makeFilter(tr("Any industry"), kIndustries, tr("Industry filter"), this))
    , m_risk(makeFilter(tr("Any risk tier"), kRiskTiers, tr("Risk tier filter"), this))
    , m_stage(makeFilter(tr("Any stage"), kProjectStages, tr("Stage filter"), this))
    , m_status(makeFilter(tr("Any status"), kProjectStatuses, tr("Status filter"), this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_message(new MessageBar(this))
    , m_view(new QTableView(this))
    , m_page(new ProjectPage(workspace, this))
{
    m_search->setPlaceholderText(tr("Search key or name"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search projects"));

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(ProjectListModel::SortRole);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProjectListModel::KeyColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(ProjectListModel::NameColumn,
                                                     QHeaderView::Stretch);
    m_view->setColumnWidth(ProjectListModel::KeyColumn, 170);
    m_view->setAccessibleName(tr("Projects"));

    for (QComboBox* combo : {m_industry, m_risk, m_stage, m_status})
        connect(combo, &QComboBox::currentIndexChanged, this, &ProjectsScreen::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &ProjectsScreen::applyFilters);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProjectsScreen::updateCount);
    connect(m_model, &ProjectListModel::loadFailed, this, [this](const QString& message) {
        m_message->showMessage(MessageBar::Kind::Error, message);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const Project* p = current.isValid()
                                       ? m_model->projectAt(m_sorted->mapToSource(current).row())
                                       : nullptr;
                m_page->showProject(p ? p->key : QString());
            });
    connect(m_page, &ProjectPage::editRaciRequested, this, &ProjectsScreen::editRaciRequested);
    connect(m_page, &ProjectPage::personActivated, this, &ProjectsScreen::personActivated);
    connect(m_page, &ProjectPage::historyRequested, this, &ProjectsScreen::historyRequested);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    for (QComboBox* combo : {m_industry, m_risk, m_stage, m_status})
        filters->addWidget(combo);
    filters->addWidget(m_count);

    auto* listPane = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_message);
    listLayout->addWidget(m_view);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(listPane);
    splitter->addWidget(m_page);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({250, 500});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    updateCount();
}

void ProjectsScreen::applyFilters()
{
    if (m_settingFilter)
        return;
    ProjectFilter f;
    f.industry = selected<Industry>(m_industry);
    f.riskTier = selected<RiskTier>(m_risk);
    f.stage = selected<ProjectStage>(m_stage);
    f.status = selected<ProjectStatus>(m_status);
    f.search = m_search->text().trimmed();
    m_message->clear();
    m_model->setFilter(f);
}

void ProjectsScreen::setFilter(const ProjectFilter& filter)
{
    m_settingFilter = true;
    select(m_industry, filter.industry);
    select(m_risk, filter.riskTier);
    select(m_stage, filter.stage);
    select(m_status, filter.status);
    m_search->setText(filter.search);
    m_settingFilter = false;
    applyFilters();
}

void ProjectsScreen::showProject(const QString& key)
{
    if (m_model->rowOf(key) < 0)
        setFilter({});
    const int row = m_model->rowOf(key);
    if (row < 0)
        return;
    const QModelIndex index =
        m_sorted->mapFromSource(m_model->index(row, ProjectListModel::KeyColumn));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void ProjectsScreen::reload()
{
    const QString current = m_page->currentKey();
    m_model->reload();
    if (!current.isEmpty())
        showProject(current);
}

void ProjectsScreen::updateCount()
{
    m_count->setText(tr("%n project(s)", nullptr, m_model->rowCount()));
}

} // namespace steward::gui
