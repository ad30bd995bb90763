#include "projects/project_list_model.h"

#include "common/labels.h"
#include "common/message_bar.h"

namespace steward::gui {

ProjectListModel::ProjectListModel(Database& db, QObject* parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{
    reload();
}

void ProjectListModel::setFilter(const ProjectFilter& filter)
{
    m_filter = filter;
    reload();
}

void ProjectListModel::reload()
{
    beginResetModel();
    try {
        m_projects = ProjectService(m_db).list(m_filter);
    } catch (const std::exception& e) {
        m_projects.clear();
        endResetModel();
        emit loadFailed(describeFailure(e));
        return;
    }
    endResetModel();
}

const Project* ProjectListModel::projectAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_projects[static_cast<std::size_t>(row)] : nullptr;
}

int ProjectListModel::rowOf(const QString& key) const
{
    for (std::size_t i = 0; i < m_projects.size(); ++i)
        if (m_projects[i].key == key)
            return static_cast<int>(i);
    return -1;
}

int ProjectListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_projects.size());
}

int ProjectListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProjectListModel::data(const QModelIndex& index, int role) const
{
    const Project* p = index.isValid() ? projectAt(index.row()) : nullptr;
    if (!p)
        return {};
    if (role == SortRole) {
        switch (index.column()) {
        case IndustryColumn:
            return static_cast<int>(p->industry);
        case RiskColumn:
            return static_cast<int>(p->riskTier);
        case StageColumn:
            return static_cast<int>(p->stage);
        case StatusColumn:
            return static_cast<int>(p->status);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return p->description;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case KeyColumn:
        return p->key;
    case NameColumn:
        return p->name;
    case IndustryColumn:
        return Labels::of(p->industry);
    case RiskColumn:
        return Labels::of(p->riskTier);
    case StageColumn:
        return Labels::of(p->stage);
    case StatusColumn:
        return Labels::of(p->status);
    default:
        return {};
    }
}

QVariant ProjectListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case NameColumn:
        return tr("Name");
    case IndustryColumn:
        return tr("Industry");
    case RiskColumn:
        return tr("Risk tier");
    case StageColumn:
        return tr("Stage");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace steward::gui
