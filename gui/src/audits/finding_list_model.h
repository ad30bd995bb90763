// The open and in-progress findings of every audit in the organisation, for the Audits screen's
// findings view; optionally only those past their due date. Findings are closed as they are
// dealt with, so the open ones stay few and are read at once.
#pragma once

#include "audit/audit_records.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>

#include <vector>

namespace steward {
class Database;
}

namespace steward::gui {

class FindingListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        SeverityColumn,
        ProjectColumn,
        AuditColumn,
        ItemColumn,
        OwnerColumn,
        DueColumn,
        StatusColumn,
        DescriptionColumn,
        ColumnCount
    };
    // Severities, dates and statuses sort by value rather than by their text.
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;

    // `today` decides which findings are overdue.
    explicit FindingListModel(Database& db, QDate today = QDate::currentDate(),
                              QObject* parent = nullptr);

    // Only findings due before today.
    void setOverdueOnly(bool overdueOnly);
    bool overdueOnly() const { return m_overdueOnly; }
    QDate today() const { return m_today; }

    void reload();
    const AuditFinding* findingAt(int row) const;
    int rowOf(qint64 findingId) const;
    bool isOverdue(const AuditFinding& finding) const;
    int overdueCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    Database& m_db;
    QDate m_today;
    bool m_overdueOnly = false;
    std::vector<AuditFinding> m_findings;
    QHash<qint64, QString> m_auditTitles; // audit id → its checklist's title
};

} // namespace steward::gui
