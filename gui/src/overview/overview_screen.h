// The organisation at a glance: projects by risk tier and by lifecycle stage, coverage health
// per project, audits by status, overdue audit findings, score trends and what is due soon.
// Clicking a bar, a point or a line opens the list behind it. The figures are read on a thread of
// their own (the coverage check of every project takes seconds on a large organisation): the window
// stays responsive, the screen shows that it is reading and offers to cancel, and keeps the figures
// it has until the new ones arrive.
#pragma once

#include "audit/audit_records.h"

#include <steward/domain.h>

#include <QWidget>

#include <map>
#include <memory>

class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace steward::gui {

class BackgroundTask;
class MessageBar;
class OverviewReminders;
class Workspace;
struct OverviewFigures;

class OverviewScreen : public QWidget {
    Q_OBJECT

public:
    // The coverage chart shows the projects with the most findings first, at most this many.
    static constexpr int kMaxCoverageProjects = 12;
    // The trend chart shows the project and checklist pairs audited most recently, at most this
    // many.
    static constexpr int kMaxTrendSeries = 6;

    explicit OverviewScreen(Workspace& workspace, QWidget* parent = nullptr);
    ~OverviewScreen() override;

    // Reads the figures again in the background; a reading still running is abandoned, its
    // result ignored. loaded() follows.
    void reload();
    // Stops waiting for the reading: the figures shown stay as they are.
    void cancelReload();
    bool isBusy() const { return m_task != nullptr; }
    // Runs the event loop until the reading has ended (for tests and screenshots); false when
    // it took longer than `timeoutMs`.
    bool waitUntilIdle(int timeoutMs = 120000);
    QPushButton* cancelButton() const { return m_cancel; }

    QChart* riskChart() const { return m_riskChart; }
    QChart* stageChart() const { return m_stageChart; }
    QChart* coverageChart() const { return m_coverageChart; }
    QChart* auditStatusChart() const { return m_auditChart; }
    QChart* trendChart() const { return m_trendChart; }
    QLabel* summary() const { return m_summary; }
    // The overdue audit findings: a headline that opens them all and a list, worst first.
    QPushButton* overdueButton() const { return m_overdueButton; }
    QListWidget* overdueList() const { return m_overdueList; }
    int overdueCount() const { return m_overdueCount; }
    // The status of the audits-by-status chart's bar `index` (bars are counted bottom up).
    static AuditStatus auditStatusOfBar(int index);
    // The audit behind point `index` of a trend series; 0 when there is none.
    qint64 trendAudit(const QLineSeries* series, int index) const;
    // What is due or overdue across the organisation in the next 30 days.
    OverviewReminders* reminders() const { return m_reminders; }
    // The project keys of the coverage chart's bars, bottom to top.
    const QStringList& coverageProjects() const { return m_coverageProjects; }

signals:
    void riskTierActivated(steward::RiskTier tier);
    void stageActivated(steward::ProjectStage stage);
    void projectActivated(const QString& projectKey);
    // A reminder that is a person's own (a qualification that lapses) was activated.
    void personActivated(const QString& email);
    // Open the audits list filtered to this status.
    void auditStatusActivated(steward::AuditStatus status);
    // Open the list of overdue audit findings.
    void overdueFindingsActivated();
    // Open one audit.
    void auditActivated(qint64 auditId);
    // A reading ended: new figures are shown, or it failed or was cancelled (the message bar
    // says which) and the previous ones stay.
    void loaded();

private:
    void finishReload(BackgroundTask* task);
    void showFigures(const OverviewFigures& figures);
    void showAudits(const OverviewFigures& figures);

    Workspace& m_workspace;
    MessageBar* m_message;
    QLabel* m_summary;
    QWidget* m_busy;
    QProgressBar* m_busyBar;
    QPushButton* m_cancel;
    BackgroundTask* m_task = nullptr; // the reading whose result will be shown
    QChart* m_riskChart;
    QChart* m_stageChart;
    QChart* m_coverageChart;
    QChart* m_auditChart;
    QChart* m_trendChart;
    QPushButton* m_overdueButton;
    QLabel* m_overdueBySeverity;
    QListWidget* m_overdueList;
    OverviewReminders* m_reminders;
    int m_overdueCount = 0;
    QStringList m_coverageProjects;
    std::map<const QLineSeries*, QList<qint64>> m_trendAudits; // point index -> audit id
};

} // namespace steward::gui
