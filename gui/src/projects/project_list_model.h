// Projects matching a filter, as a table. An organisation has thousands of projects, not
// hundreds of thousands, so the filtered list is read whole and sorted in memory.
#pragma once

#include "domain/records.h"
#include "services/project_service.h"

#include <QAbstractTableModel>

#include <vector>

namespace steward {
class Database;
}

namespace steward::gui {

class ProjectListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        KeyColumn,
        NameColumn,
        IndustryColumn,
        RiskColumn,
        StageColumn,
        StatusColumn,
        ColumnCount
    };
    // The enumerated value behind a cell, for sorting by declaration order rather than by label.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit ProjectListModel(Database& db, QObject* parent = nullptr);

    void setFilter(const ProjectFilter& filter);
    const ProjectFilter& filter() const { return m_filter; }
    void reload();

    const Project* projectAt(int row) const;
    int rowOf(const QString& key) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    Database& m_db;
    ProjectFilter m_filter;
    std::vector<Project> m_projects;
};

} // namespace steward::gui
