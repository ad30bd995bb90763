// One person: who they are, the roles they hold on each project with dates and allocation, their
// RACI entries, the open audit findings they own (overdue ones highlighted), and a warning when
// the coverage check finds them over-allocated.
#pragma once

#include "domain/records.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace steward::gui {

class MessageBar;
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
    // The over-allocation warning (empty and hidden when there is none) and load errors.
    MessageBar* warningBar() const { return m_warning; }

signals:
    void projectActivated(const QString& projectKey);
    // Show the change history of a row: ("person", id).
    void historyRequested(const QString& table, const QString& rowKey);

private:
    void clear();
    // The OVER_ALLOCATED finding about this person on the projects they currently work on, with
    // what to do; empty when there is none.
    QString overAllocationMessage(const std::vector<Assignment>& assignments);
    void showFindings();

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
};

} // namespace steward::gui
