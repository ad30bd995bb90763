// One person: who they are, the roles they hold on each project with dates and allocation, their
// RACI entries, the open audit findings they own (overdue ones highlighted), and a warning when
// the coverage check finds them over-allocated; their qualifications with what their roles require
// that they lack, and what is due for them (the reminders `steward reminders --person` lists).
#pragma once

#include "domain/records.h"

#include <steward/staffing.h>

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace steward::gui {

class MessageBar;
class PersonQualifications;
class ReminderTable;
class Workspace;

class PersonPage : public QWidget {
    Q_OBJECT

public:
    explicit PersonPage(Workspace& workspace, QWidget* parent = nullptr);

    // Shows the person with this e-mail; an empty e-mail shows nothing.
    void showPerson(const QString& email);
    QString currentEmail() const { return m_email; }

    QTableWidget* assignmentsTable() const { return m_assignments; }
    QTableWidget* raciTable() const { return m_raci; }
    // Open and in-progress findings whose remediation this person owns, most urgent first.
    QTableWidget* findingsTable() const { return m_findings; }
    enum FindingColumn {
        SeverityColumn,
        ProjectColumn,
        AuditColumn,
        DueColumn,
        FindingColumnCount
    };
    PersonQualifications* qualifications() const { return m_qualifications; }
    // What is due or overdue for this person in the next 30 days.
    ReminderTable* remindersTable() const { return m_reminders; }
    QLabel* remindersTitle() const { return m_remindersTitle; }
    // The over-allocation warning (empty and hidden when there is none) and load errors.
    MessageBar* warningBar() const { return m_warning; }

signals:
    void projectActivated(const QString& projectKey);
    // A qualification was recorded from the page: other screens show it too.
    void qualificationsChanged();
    // Show the change history of a row: ("person", id).
    void historyRequested(const QString& table, const QString& rowKey);

private:
    void clear();
    // The coverage findings about this person on the projects they currently work on.
    std::vector<Finding> findingsAbout(const std::vector<Assignment>& assignments);
    // The OVER_ALLOCATED finding among them, with what to do; empty when there is none.
    static QString overAllocationMessage(const std::vector<Finding>& findings);
    void showFindings();
    void showReminders();
    void recordQualification();

    Workspace& m_workspace;
    QString m_email;
    qint64 m_id = 0;
    QLabel* m_name;
    QPushButton* m_history;
    QLabel* m_details;
    MessageBar* m_warning;
    QTableWidget* m_assignments;
    QTableWidget* m_raci;
    QLabel* m_findingsTitle;
    QTableWidget* m_findings;
    PersonQualifications* m_qualifications;
    QLabel* m_remindersTitle;
    ReminderTable* m_reminders;
};

} // namespace steward::gui
