// The Projects screen: the project list with its filters above the selected project's page.
#pragma once

#include "services/project_service.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace steward::gui {

class MessageBar;
class ProjectListModel;
class ProjectPage;
class Workspace;

class ProjectsScreen : public QWidget {
    Q_OBJECT

public:
    explicit ProjectsScreen(Workspace& workspace, QWidget* parent = nullptr);

    ProjectListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    ProjectPage* page() const { return m_page; }
    QComboBox* industryFilter() const { return m_industry; }
    QComboBox* riskFilter() const { return m_risk; }
    QComboBox* stageFilter() const { return m_stage; }
    QComboBox* statusFilter() const { return m_status; }

    // Shows the projects matching `filter` (the filter widgets follow).
    void setFilter(const ProjectFilter& filter);
    // Clears the filters when needed and selects the project.
    void showProject(const QString& key);
    void reload();

signals:
    void editRaciRequested(const QString& projectKey);
    void personActivated(const QString& email);
    void historyRequested(const QString& table, const QString& rowKey);

private:
    void applyFilters();
    void updateCount();

    ProjectListModel* m_model;
    QSortFilterProxyModel* m_sorted;
    QComboBox* m_industry;
    QComboBox* m_risk;
    QComboBox* m_stage;
    QComboBox* m_status;
    QLineEdit* m_search;
    QLabel* m_count;
    MessageBar* m_message;
    QTableView* m_view;
    ProjectPage* m_page;
    bool m_settingFilter = false;
};

} // namespace steward::gui
