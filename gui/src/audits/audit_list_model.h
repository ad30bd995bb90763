// Every audit of the organisation with its progress and score, for the Audits screen's list.
// Organisations run tens of audits, not thousands, so the whole list is read at once.
#pragma once

#include "audit/audit_records.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace steward {
class Database;
}

namespace steward::gui {

class AuditListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        ProjectColumn,
        ChecklistColumn,
        LeadColumn,
        StatusColumn,
        DueColumn,
        ProgressColumn,
        ScoreColumn,
        ColumnCount
    };
    // Numbers and dates sort by value rather than by their text.
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;

    struct Row {
        Audit audit;
        Score overall;
        int assessed = 0; // applicable items with a result
    };

    explicit AuditListModel(Database& db, QObject* parent = nullptr);

    // Only audits with this status and of this project (empty: any).
    void setFilter(std::optional<AuditStatus> status, const QString& projectKey);
    std::optional<AuditStatus> statusFilter() const { return m_status; }
    QString projectFilter() const { return m_project; }
    // Project keys of every audit, sorted, for the project filter.
    QStringList projectKeys() const;

    void reload();
    const Row* rowAt(int row) const;
    int rowOf(qint64 auditId) const;
    // Whether the audit exists at all, whatever the filter.
    bool contains(qint64 auditId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    void applyFilter();
    void collectVisibleRows();

    Database& m_db;
    std::vector<Row> m_all;
    std::vector<const Row*> m_rows;
    std::optional<AuditStatus> m_status;
    QString m_project;
};

} // namespace steward::gui
