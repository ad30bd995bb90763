#include "audits/finding_list_model.h"

#include "audit/audit_service.h"
#include "audits/audit_labels.h"
#include "common/message_bar.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>

namespace steward::gui {

FindingListModel::FindingListModel(Database& db, QDate today, QObject* parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_today(today)
{
    reload();
}

void FindingListModel::setOverdueOnly(bool overdueOnly)
{
    if (overdueOnly == m_overdueOnly)
        return;
    m_overdueOnly = overdueOnly;
    reload();
}

void FindingListModel::reload()
{
    beginResetModel();
    m_findings.clear();
    m_auditTitles.clear();
    try {
        AuditService service(m_db, m_today);
        m_findings =
            service.openFindings(m_overdueOnly ? std::optional<QDate>(m_today) : std::nullopt);
        for (const Audit& audit : service.list())
            m_auditTitles.insert(audit.id, audit.checklistTitle);
    } catch (const std::exception& e) {
        m_findings.clear();
        endResetModel();
        emit loadFailed(describeFailure(e));
        return;
    }
    endResetModel();
}

const AuditFinding* FindingListModel::findingAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_findings.size()) ? &m_findings[row] : nullptr;
}

int FindingListModel::rowOf(qint64 findingId) const
{
    const auto it = std::find_if(m_findings.begin(), m_findings.end(),
                                 [findingId](const AuditFinding& f) { return f.id == findingId; });
    return it == m_findings.end() ? -1 : static_cast<int>(it - m_findings.begin());
}

bool FindingListModel::isOverdue(const AuditFinding& finding) const
{
    return finding.dueDate.isValid() && finding.dueDate < m_today;
}

int FindingListModel::overdueCount() const
{
    return static_cast<int>(std::count_if(m_findings.begin(), m_findings.end(),
                                          [this](const AuditFinding& f) { return isOverdue(f); }));
}

int FindingListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_findings.size());
}

int FindingListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingListModel::data(const QModelIndex& index, int role) const
{
    const AuditFinding* f = findingAt(index.row());
    if (!f)
        return {};
    if (role == IdRole)
        return f->id;
    if (role == Qt::ForegroundRole && index.column() == DueColumn && isOverdue(*f))
        return QBrush(QColor(0xb0, 0x1c, 0x1c));
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case OwnerColumn:
            return f->ownerEmail;
        case DueColumn:
            return isOverdue(*f) ? tr("Overdue by %n day(s)", nullptr,
                                      static_cast<int>(f->dueDate.daysTo(m_today)))
                                 : QVariant();
        case DescriptionColumn:
            return tr("%1\n\nRemediation: %2").arg(f->description, f->remediation);
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case SeverityColumn:
        return sort ? QVariant(static_cast<int>(f->severity))
                    : QVariant(AuditLabels::of(f->severity));
    case ProjectColumn:
        return f->projectKey;
    case AuditColumn:
        if (sort)
            return f->auditId;
        return m_auditTitles.contains(f->auditId)
                   ? tr("%1 · %2").arg(f->auditId).arg(m_auditTitles.value(f->auditId))
                   : QString::number(f->auditId);
    case ItemColumn:
        return f->itemId;
    case OwnerColumn:
        return f->ownerName.isEmpty() ? f->ownerEmail : f->ownerName;
    case DueColumn:
        return sort ? QVariant(f->dueDate)
                    : QVariant(QLocale().toString(f->dueDate, QLocale::ShortFormat));
    case StatusColumn:
        return sort ? QVariant(static_cast<int>(f->status)) : QVariant(AuditLabels::of(f->status));
    case DescriptionColumn:
        return f->description;
    default:
        return {};
    }
}

QVariant FindingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case ProjectColumn:
        return tr("Project");
    case AuditColumn:
        return tr("Audit");
    case ItemColumn:
        return tr("Item");
    case OwnerColumn:
        return tr("Owner");
    case DueColumn:
        return tr("Due");
    case StatusColumn:
        return tr("Status");
    case DescriptionColumn:
        return tr("Finding");
    default:
        return {};
    }
}

} // namespace steward::gui
