// Renders every screen of the main window to PNG files, for the README and for looking at the
// layout without a display (QT_QPA_PLATFORM=offscreen).
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace steward::gui {

class MainWindow;

// Shows each screen at `size` with a representative selection and writes DIR/NN-screen.png.
// Returns the files written; throws steward::Error when one cannot be written.
QStringList renderScreenshots(MainWindow& window, const QString& directory, const QSize& size);

} // namespace steward::gui
