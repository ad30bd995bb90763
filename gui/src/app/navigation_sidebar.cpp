#include "app/navigation_sidebar.h"

namespace steward::gui {

NavigationSidebar::NavigationSidebar(QWidget* parent)
    : QListWidget(parent)
{
    setAccessibleName(tr("Screens"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    setSpacing(2);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.1);
    setFont(f);
}

void NavigationSidebar::addScreen(const QString& title, const QString& shortcutText)
{
    auto* item = new QListWidgetItem(title, this);
    item->setToolTip(tr("%1 (%2)").arg(title, shortcutText));
    item->setSizeHint(QSize(0, fontMetrics().height() * 2));
}

QSize NavigationSidebar::sizeHint() const
{
    return QSize(170, 400);
}

} // namespace steward::gui
