// The list of screens down the left of the main window.
#pragma once

#include <QListWidget>

namespace steward::gui {

class NavigationSidebar : public QListWidget {
    Q_OBJECT

public:
    explicit NavigationSidebar(QWidget* parent = nullptr);

    // Adds a screen's entry; its index is the screen's index in the window's stack.
    void addScreen(const QString& title, const QString& shortcutText);
    QSize sizeHint() const override;
};

} // namespace steward::gui
