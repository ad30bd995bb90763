// The overview's chart helpers: its colours and how it fills a bar chart.
#pragma once

#include "audit/audit_records.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>

class QBarSet;
class QChart;
class QChartView;
class QWidget;

namespace steward::gui {

// The overdue findings' counts read from the worst down.
inline constexpr std::array kSeveritiesWorstFirst = {FindingSeverity::Critical,
                                                     FindingSeverity::High, FindingSeverity::Medium,
                                                     FindingSeverity::Low};

QColor severityColour(FindingSeverity s);

// A view of `chart` drawn without animation, as every chart of the overview is.
QChartView* makeView(QChart* chart, const QString& accessibleName, QWidget* parent);

// Replaces the chart's content with one bar per category. Horizontal bars leave their
// categories the room of the chart's width, for labels too long to sit under a narrow bar.
QBarSet* fillBarChart(QChart* chart, const QStringList& categories, const QList<int>& values,
                      const QColor& colour, const QString& what,
                      Qt::Orientation orientation = Qt::Vertical);

} // namespace steward::gui
