// The Audits screen: every audit with its status, progress and score, filtered by status and
// project; opening one shows its runner (audit_runner.h) in place of the list.
#pragma once

#include "audit/audit_service.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace steward::gui {

class AuditListModel;
class AuditRunner;
class MessageBar;
class Workspace;

class AuditsScreen : public QWidget {
    Q_OBJECT

public:
    explicit AuditsScreen(Workspace& workspace, QWidget* parent = nullptr);

    // Shows the list of the audits with this status (the status filter follows).
    void showStatus(AuditStatus status);
    void showAllStatuses();
    // Shows only this project's audits (empty: every project).
    void showProject(const QString& projectKey);
    // Opens the audit's runner; false (and a message) when there is no such audit.
    bool openAudit(qint64 auditId);
    void showList();
    bool isRunnerShown() const;
    void reload();

    // Plans an audit as the dialog would; opens it on success.
    bool createAudit(const AuditPlan& plan);

    AuditListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QComboBox* statusFilter() const { return m_status; }
    QComboBox* projectFilter() const { return m_project; }
    QPushButton* newAuditButton() const { return m_newAudit; }
    AuditRunner* runner() const { return m_runner; }
    MessageBar* messageBar() const { return m_message; }

signals:
    // An audit was planned, assessed, signed off...: other screens' counts are out of date.
    void auditsChanged();

private:
    // The person chosen with "Act as…" last time, when the database user is not a person.
    void restoreActingPerson();
    void applyFilters();
    void updateProjects();
    void updateCount();
    void askNewAudit();
    void openSelected();

    Workspace& m_workspace;
    AuditListModel* m_model;
    QSortFilterProxyModel* m_sorted;
    QStackedWidget* m_stack;
    QComboBox* m_status;
    QComboBox* m_project;
    QLabel* m_count;
    QPushButton* m_newAudit;
    QPushButton* m_open;
    MessageBar* m_message;
    QTableView* m_view;
    AuditRunner* m_runner;
    bool m_settingFilter = false;
};

} // namespace steward::gui
