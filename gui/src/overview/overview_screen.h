// The organisation at a glance: projects by risk tier and by lifecycle stage, and coverage
// health per project. Clicking a bar opens the list behind it.
#pragma once

#include <steward/domain.h>

#include <QWidget>

#include <map>

class QBarSet;
class QChart;
class QChartView;
class QLabel;

namespace steward::gui {

class MessageBar;
class Workspace;

class OverviewScreen : public QWidget {
    Q_OBJECT

public:
    // The coverage chart shows the projects with the most findings first, at most this many.
    static constexpr int kMaxCoverageProjects = 12;

    explicit OverviewScreen(Workspace& workspace, QWidget* parent = nullptr);

    void reload();

    QChart* riskChart() const { return m_riskChart; }
    QChart* stageChart() const { return m_stageChart; }
    QChart* coverageChart() const { return m_coverageChart; }
    QLabel* summary() const { return m_summary; }
    // The project keys of the coverage chart's bars, bottom to top.
    const QStringList& coverageProjects() const { return m_coverageProjects; }

signals:
    void riskTierActivated(steward::RiskTier tier);
    void stageActivated(steward::ProjectStage stage);
    void projectActivated(const QString& projectKey);

private:
    Workspace& m_workspace;
    MessageBar* m_message;
    QLabel* m_summary;
    QChart* m_riskChart;
    QChart* m_stageChart;
    QChart* m_coverageChart;
    QStringList m_coverageProjects;
};

} // namespace steward::gui
