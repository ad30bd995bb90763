// One project: what it is, its team grouped by role, and its coverage findings (core and pack
// rules) with what to do about each.
#pragma once

#include "raci/coverage_gap.h"

#include <steward/staffing.h>

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace steward::gui {

class MessageBar;
class Workspace;

class ProjectPage : public QWidget {
    Q_OBJECT

public:
    explicit ProjectPage(Workspace& workspace, QWidget* parent = nullptr);

    void showProject(const QString& key);
    QString currentKey() const { return m_key; }

    QTreeWidget* teamTree() const { return m_team; }
    // True on a team member's item when they lack, or will soon lack, a qualification their
    // roles or duties on the project require; the item's tooltip says which.
    static constexpr int UnqualifiedRole = Qt::UserRole + 3;
    QTableWidget* findingsTable() const { return m_findings; }
    QTableWidget* auditsTable() const { return m_audits; }
    // Coverage across frameworks: per audited checklist, items satisfied directly, through a
    // mapped item of another checklist's audit (wholly or partly), or not at all.
    QTableWidget* frameworksTable() const { return m_frameworks; }
    // The coverage finding shown in row `row` of findingsTable().
    const Finding* finding(int row) const;
    // The "Assign…" button of a finding's row; null when its gap cannot be filled by assigning
    // someone, or the user may not change staffing.
    QPushButton* assignButton(int row) const;

    // Fills the gap of the finding in `row` with `email` and re-checks coverage: a missing role
    // becomes an assignment from today; a missing RACI letter becomes that entry, with the
    // responsibility's role assigned too when the person does not hold it (so that the letter
    // does not raise a finding of its own). Returns false and shows why when nothing was written.
    bool assignFromGap(int row, const QString& email, int allocationPercent = 20);

signals:
    void editRaciRequested(const QString& projectKey);
    void personActivated(const QString& email);
    // An audit of the project was double-clicked: open it.
    void auditActivated(qint64 auditId);
    // Someone was assigned from a gap: other screens showing the project's staffing may reload.
    void staffingChanged(const QString& projectKey);
    // Show the change history of a row: ("project", id).
    void historyRequested(const QString& table, const QString& rowKey);

private:
    void clear();
    void showAudits();
    void showFrameworks();
    void chooseForGap(int row);

    Workspace& m_workspace;
    QString m_key;
    QLabel* m_title;
    QLabel* m_details;
    QLabel* m_description;
    QPushButton* m_editRaci;
    QPushButton* m_history;
    qint64 m_id = 0;
    MessageBar* m_message;
    QLabel* m_coverageSummary;
    QTreeWidget* m_team;
    QTableWidget* m_findings;
    QLabel* m_auditsTitle;
    QTableWidget* m_audits;
    QTableWidget* m_frameworks;
    std::vector<Finding> m_findingList;
    std::vector<CoverageGap> m_gaps; // one per finding
};

} // namespace steward::gui
