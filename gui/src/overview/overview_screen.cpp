#include "overview/overview_screen.h"

#include "common/labels.h"
#include "common/message_bar.h"
#include "common/workspace.h"
#include "services/coverage_service.h"
#include "services/person_service.h"
#include "services/project_service.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <map>

namespace steward::gui {
namespace {

QChartView* makeView(QChart* chart, const QString& accessibleName, QWidget* parent)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(accessibleName);
    view->setMinimumHeight(220);
    return view;
}

// Replaces the chart's content with one bar per category.
QBarSet* fillBarChart(QChart* chart, const QStringList& categories, const QList<int>& values,
                      const QColor& colour)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    auto* set = new QBarSet(OverviewScreen::tr("Projects"));
    set->setColor(colour);
    for (int v : values)
        *set << v;
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    x->setLabelsFont(small);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    const int top =
        values.isEmpty() ? 1 : std::max(1, *std::max_element(values.begin(), values.end()));
    y->setRange(0, top);
    y->setTickCount(std::min(top, 5) + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setVisible(false);
    return set;
}

} // namespace

OverviewScreen::OverviewScreen(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_message(new MessageBar(this))
    , m_summary(new QLabel(this))
    , m_riskChart(new QChart)
    , m_stageChart(new QChart)
    , m_coverageChart(new QChart)
{
    m_riskChart->setTitle(tr("Projects by EU AI Act risk tier"));
    m_stageChart->setTitle(tr("Projects by lifecycle stage"));
    m_coverageChart->setTitle(tr("Coverage findings per project (most first)"));
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_summary->setFont(big);
    m_summary->setAccessibleName(tr("Organisation summary"));

    auto* grid = new QGridLayout;
    grid->addWidget(makeView(m_riskChart, tr("Projects by risk tier"), this), 0, 0);
    grid->addWidget(makeView(m_stageChart, tr("Projects by lifecycle stage"), this), 0, 1);
    grid->addWidget(makeView(m_coverageChart, tr("Coverage health per project"), this), 1, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 2);
    grid->setRowStretch(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addLayout(grid, 1);
    reload();
}

void OverviewScreen::reload()
{
    m_message->clear();
    try {
        Database& db = m_workspace.db();
        const auto projects = ProjectService(db).list();
        const qint64 people = PersonService(db).count();
        const CoverageReport coverage = m_workspace.coverage().checkAll();

        std::map<RiskTier, int> byTier;
        std::map<ProjectStage, int> byStage;
        for (const Project& p : projects) {
            ++byTier[p.riskTier];
            ++byStage[p.stage];
        }
        QStringList categories;
        QList<int> values;
        for (RiskTier t : kRiskTiers) {
            categories << Labels::of(t);
            values << byTier[t];
        }
        QBarSet* risk = fillBarChart(m_riskChart, categories, values, QColor(0x3f, 0x6e, 0xb5));
        connect(risk, &QBarSet::clicked, this, [this](int index) {
            if (index >= 0 && index < static_cast<int>(kRiskTiers.size()))
                emit riskTierActivated(kRiskTiers[static_cast<std::size_t>(index)]);
        });
        categories.clear();
        values.clear();
        for (ProjectStage s : kProjectStages) {
            categories << Labels::of(s);
            values << byStage[s];
        }
        QBarSet* stage = fillBarChart(m_stageChart, categories, values, QColor(0x2e, 0x8b, 0x7a));
        connect(stage, &QBarSet::clicked, this, [this](int index) {
            if (index >= 0 && index < static_cast<int>(kProjectStages.size()))
                emit stageActivated(kProjectStages[static_cast<std::size_t>(index)]);
        });

        // Coverage: errors and warnings per checked project, the worst at the top.
        struct Health {
            QString key;
            int errors = 0;
            int warnings = 0;
        };
        std::map<QString, Health> health;
        for (const std::string& key : coverage.projectKeys)
            health[qs(key)].key = qs(key);
        for (const Finding& f : coverage.findings) {
            Health& h = health[qs(f.projectKey)];
            h.key = qs(f.projectKey);
            if (f.severity == Severity::Error)
                ++h.errors;
            else if (f.severity == Severity::Warning)
                ++h.warnings;
        }
        std::vector<Health> ranked;
        for (const auto& [key, h] : health)
            ranked.push_back(h);
        std::stable_sort(ranked.begin(), ranked.end(), [](const Health& a, const Health& b) {
            return std::pair(a.errors, a.warnings) > std::pair(b.errors, b.warnings);
        });
        if (ranked.size() > static_cast<std::size_t>(kMaxCoverageProjects))
            ranked.resize(static_cast<std::size_t>(kMaxCoverageProjects));
        std::reverse(ranked.begin(), ranked.end()); // horizontal bars are drawn bottom up

        m_coverageChart->removeAllSeries();
        for (QAbstractAxis* axis : m_coverageChart->axes())
            m_coverageChart->removeAxis(axis);
        auto* errors = new QBarSet(tr("Errors"));
        errors->setColor(QColor(0xc6, 0x28, 0x28));
        auto* warnings = new QBarSet(tr("Warnings"));
        warnings->setColor(QColor(0xf9, 0xa8, 0x25));
        m_coverageProjects.clear();
        int most = 1;
        for (const Health& h : ranked) {
            m_coverageProjects << h.key;
            *errors << h.errors;
            *warnings << h.warnings;
            most = std::max(most, h.errors + h.warnings);
        }
        auto* series = new QHorizontalStackedBarSeries;
        series->append(errors);
        series->append(warnings);
        m_coverageChart->addSeries(series);
        auto* y = new QBarCategoryAxis;
        y->append(m_coverageProjects);
        m_coverageChart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        auto* x = new QValueAxis;
        x->setRange(0, most);
        x->setTickCount(std::min(most, 6) + 1);
        x->setLabelFormat(QStringLiteral("%d"));
        m_coverageChart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        m_coverageChart->legend()->setVisible(true);
        m_coverageChart->legend()->setAlignment(Qt::AlignRight);
        connect(series, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet*) {
            if (index >= 0 && index < m_coverageProjects.size())
                emit projectActivated(m_coverageProjects.at(index));
        });

        const int healthy =
            static_cast<int>(std::count_if(health.begin(), health.end(), [](const auto& h) {
                return h.second.errors == 0 && h.second.warnings == 0;
            }));
        m_summary->setText(
            tr("%1 · %2 · %3 · %4")
                .arg(tr("%n people", nullptr, static_cast<int>(people)),
                     tr("%n project(s)", nullptr, static_cast<int>(projects.size())),
                     tr("%n coverage error(s)", nullptr, coverage.count(Severity::Error)),
                     tr("%1 of %n checked project(s) fully covered", nullptr,
                        static_cast<int>(health.size()))
                         .arg(healthy)));
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
}

} // namespace steward::gui
