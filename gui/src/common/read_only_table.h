// The read-only lists the screens show: whole rows selected, alternating colours, no row numbers,
// the last column filling the width, and a name for screen readers and tests.
#pragma once

#include <QString>
#include <QStringList>
#include <QTableWidget>

namespace steward::gui {

QTableWidget* makeReadOnlyTable(const QStringList& headers, const QString& accessibleName,
                                QWidget* parent);

} // namespace steward::gui
