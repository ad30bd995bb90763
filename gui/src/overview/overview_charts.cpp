#include "overview/overview_charts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>

namespace steward::gui {

QColor severityColour(FindingSeverity s)
{
    switch (s) {
    case FindingSeverity::Critical:
        return QColor(0x8e, 0x10, 0x10);
    case FindingSeverity::High:
        return QColor(0xc6, 0x28, 0x28);
    case FindingSeverity::Medium:
        return QColor(0x9a, 0x67, 0x00);
    case FindingSeverity::Low:
        return QColor(0x1e, 0x5a, 0x9c);
    }
    return {};
}

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

QBarSet* fillBarChart(QChart* chart, const QStringList& categories, const QList<int>& values,
                      const QColor& colour, const QString& what, Qt::Orientation orientation)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    auto* set = new QBarSet(what);
    set->setColor(colour);
    for (int v : values)
        *set << v;
    QAbstractBarSeries* series = orientation == Qt::Vertical
                                     ? static_cast<QAbstractBarSeries*>(new QBarSeries)
                                     : static_cast<QAbstractBarSeries*>(new QHorizontalBarSeries);
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);
    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    QFont small = categoryAxis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    categoryAxis->setLabelsFont(small);
    // Qt elides a label well before it meets its neighbour ("Develop..."); the categories are
    // few and short enough to be shown whole.
    categoryAxis->setTruncateLabels(false);
    // Side by side with the reminders, a third of the width leaves a label less room than its
    // length ("Development", "Unacceptable"): upright, they neither overlap nor leave the chart.
    if (orientation == Qt::Vertical)
        categoryAxis->setLabelsAngle(-90);
    chart->addAxis(categoryAxis, orientation == Qt::Vertical ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    auto* valueAxis = new QValueAxis;
    const int top =
        values.isEmpty() ? 1 : std::max(1, *std::max_element(values.begin(), values.end()));
    valueAxis->setRange(0, top);
    valueAxis->setTickCount(std::min(top, 5) + 1);
    valueAxis->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(valueAxis, orientation == Qt::Vertical ? Qt::AlignLeft : Qt::AlignBottom);
    series->attachAxis(valueAxis);
    chart->legend()->setVisible(false);
    return set;
}

} // namespace steward::gui
