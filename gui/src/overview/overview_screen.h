// The organisation at a glance: projects by risk tier and by lifecycle stage, coverage health
// per project, audits by status, overdue audit findings and score trends. Clicking a bar, a
// point or a line opens the list behind it.
#pragma once

#include "audit/audit_records.h"

#include <steward/domain.h>

#include <QWidget>

#include <map>

class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QListWidget;
class QPushButton;

namespace steward::gui {

class MessageBar;
class Workspace;

class OverviewScreen : public QWidget {
    Q_OBJECT

public:
    // The coverage chart shows the projects with the most findings first, at most this many.
    static constexpr int kMaxCoverageProjects = 12;
    // The trend chart shows the project and checklist pairs audited most recently, at most this
    // many.
    static constexpr int kMaxTrendSeries = 6;

    explicit OverviewScreen(Workspace& workspace, QWidget* parent = nullptr);

    void reload();

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
    // The project keys of the coverage chart's bars, bottom to top.
    const QStringList& coverageProjects() const { return m_coverageProjects; }

signals:
    void riskTierActivated(steward::RiskTier tier);
    void stageActivated(steward::ProjectStage stage);
    void projectActivated(const QString& projectKey);
    // Open the audits list filtered to this status.
    void auditStatusActivated(steward::AuditStatus status);
    // Open the list of overdue audit findings.
    void overdueFindingsActivated();
    // Open one audit.
    void auditActivated(qint64 auditId);

private:
    void reloadAudits();

    Workspace& m_workspace;
    MessageBar* m_message;
    QLabel* m_summary;
    QChart* m_riskChart;
    QChart* m_stageChart;
    QChart* m_coverageChart;
    QChart* m_auditChart;
    QChart* m_trendChart;
    QPushButton* m_overdueButton;
    QLabel* m_overdueBySeverity;
    QListWidget* m_overdueList;
    int m_overdueCount = 0;
    QStringList m_coverageProjects;
    std::map<const QLineSeries*, QList<qint64>> m_trendAudits; // point index -> audit id
};

} // namespace steward::gui
