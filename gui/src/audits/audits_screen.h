// The Audits screen: every audit with its status, progress and score, filtered by status and
// project, and beside it the open findings of the whole organisation (optionally only the overdue
// ones), which can be moved on from there; opening an audit or a finding shows the audit's runner
// (audit_runner.h) in place of the lists.
#pragma once

#include "audit/audit_service.h"

#include <QDate>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace steward::gui {

class AuditListModel;
class AuditRunner;
class FindingActions;
class FindingListModel;
class MessageBar;
class Workspace;

class AuditsScreen : public QWidget {
    Q_OBJECT

public:
    // `today` decides which findings are overdue.
    explicit AuditsScreen(Workspace& workspace, QWidget* parent = nullptr,
                          QDate today = QDate::currentDate());

    // Shows the list of the audits with this status (the status filter follows).
    void showStatus(AuditStatus status);
    void showAllStatuses();
    // Shows only this project's audits (empty: every project).
    void showProject(const QString& projectKey);
    // Opens the audit's runner; false (and a message) when there is no such audit.
    bool openAudit(qint64 auditId);
    void showList();
    bool isRunnerShown() const;

    // The findings view, with or without the overdue filter (what the Overview's figure opens).
    void showFindings(bool overdueOnly = false);
    void showOverdueFindings() { showFindings(true); }
    bool isFindingsShown() const;
    // Opens the finding's audit in the runner, on the finding; false (and a message) when it is
    // not listed.
    bool openFinding(qint64 findingId);
    // Moves a listed finding on; a risk acceptance needs `justification`.
    bool moveFinding(qint64 findingId, FindingStatus next, const QString& justification = {});
    void reload();

    // Plans an audit as the dialog would; opens it on success.
    bool createAudit(const AuditPlan& plan);

    AuditListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QComboBox* statusFilter() const { return m_status; }
    QComboBox* projectFilter() const { return m_project; }
    QPushButton* newAuditButton() const { return m_newAudit; }
    FindingListModel* findingModel() const { return m_findings; }
    QTableView* findingView() const { return m_findingView; }
    QCheckBox* overdueOnlyBox() const { return m_overdueOnly; }
    FindingActions* findingActions() const { return m_findingActions; }
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
    void openSelectedFinding();
    void updateFindingCount();
    void updateFindingActions();
    qint64 selectedFindingId() const;
    void askMoveFinding(FindingStatus next);

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
    QTabWidget* m_lists;
    FindingListModel* m_findings;
    QSortFilterProxyModel* m_sortedFindings;
    QCheckBox* m_overdueOnly;
    QLabel* m_findingCount;
    QPushButton* m_openFinding;
    QTableView* m_findingView;
    FindingActions* m_findingActions;
    AuditRunner* m_runner;
    bool m_settingFilter = false;
};

} // namespace steward::gui
