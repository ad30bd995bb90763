#include "audits/audit_list_model.h"

#include "audit/audit_service.h"
#include "audits/audit_labels.h"
#include "common/message_bar.h"

#include <QLocale>

#include <algorithm>
#include <set>

namespace steward::gui {

AuditListModel::AuditListModel(Database& db, QObject* parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{
    reload();
}

void AuditListModel::reload()
{
    beginResetModel();
    m_all.clear();
    m_rows.clear();
    try {
        AuditService service(m_db);
        for (Audit& audit : service.list()) {
            Row row;
            row.overall = service.scores(audit.id).overall;
            row.assessed = row.overall.applicable - row.overall.notAssessed;
            row.audit = std::move(audit);
            m_all.push_back(std::move(row));
        }
    } catch (const std::exception& e) {
        m_all.clear();
        endResetModel();
        emit loadFailed(describeFailure(e));
        return;
    }
    collectVisibleRows();
    endResetModel();
}

void AuditListModel::setFilter(std::optional<AuditStatus> status, const QString& projectKey)
{
    m_status = status;
    m_project = projectKey;
    applyFilter();
}

void AuditListModel::applyFilter()
{
    beginResetModel();
    collectVisibleRows();
    endResetModel();
}

void AuditListModel::collectVisibleRows()
{
    m_rows.clear();
    for (const Row& row : m_all)
        if ((!m_status || row.audit.status == *m_status) &&
            (m_project.isEmpty() || row.audit.projectKey == m_project))
            m_rows.push_back(&row);
}

QStringList AuditListModel::projectKeys() const
{
    std::set<QString> keys;
    for (const Row& row : m_all)
        keys.insert(row.audit.projectKey);
    return QStringList(keys.begin(), keys.end());
}

const AuditListModel::Row* AuditListModel::rowAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? m_rows[row] : nullptr;
}

int AuditListModel::rowOf(qint64 auditId) const
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                 [auditId](const Row* r) { return r->audit.id == auditId; });
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

bool AuditListModel::contains(qint64 auditId) const
{
    return std::any_of(m_all.begin(), m_all.end(),
                       [auditId](const Row& r) { return r.audit.id == auditId; });
}

int AuditListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditListModel::data(const QModelIndex& index, int role) const
{
    const Row* row = rowAt(index.row());
    if (!row)
        return {};
    const Audit& a = row->audit;
    if (role == IdRole)
        return a.id;
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case IdColumn:
        case ProgressColumn:
        case ScoreColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ChecklistColumn)
        return a.checklistTitle;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case IdColumn:
        return sort ? QVariant(a.id) : QVariant(QString::number(a.id));
    case ProjectColumn:
        return sort ? a.projectKey : tr("%1 — %2").arg(a.projectKey, a.projectName);
    case ChecklistColumn:
        return tr("%1 (%2)").arg(a.checklistTitle, a.checklistVersionLabel);
    case LeadColumn:
        return a.leadName.isEmpty() ? a.leadEmail : a.leadName;
    case StatusColumn:
        return sort ? QVariant(static_cast<int>(a.status)) : QVariant(AuditLabels::of(a.status));
    case DueColumn:
        return sort ? QVariant(a.dueDate)
                    : QVariant(QLocale().toString(a.dueDate, QLocale::ShortFormat));
    case ProgressColumn:
        if (sort)
            return row->overall.applicable > 0
                       ? static_cast<double>(row->assessed) / row->overall.applicable
                       : 0.0;
        return tr("%1 / %2").arg(row->assessed).arg(row->overall.applicable);
    case ScoreColumn:
        return sort ? QVariant(row->overall.percent)
                    : QVariant(AuditLabels::percent(row->overall.percent));
    default:
        return {};
    }
}

QVariant AuditListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("No.");
    case ProjectColumn:
        return tr("Project");
    case ChecklistColumn:
        return tr("Checklist");
    case LeadColumn:
        return tr("Lead");
    case StatusColumn:
        return tr("Status");
    case DueColumn:
        return tr("Due");
    case ProgressColumn:
        return tr("Assessed");
    case ScoreColumn:
        return tr("Score");
    default:
        return {};
    }
}

} // namespace steward::gui
