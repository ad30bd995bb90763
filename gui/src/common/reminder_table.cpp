#include "common/reminder_table.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHeaderView>
#include <QLocale>

#include <algorithm>

namespace steward::gui {
namespace {

// The same red the person page and the RACI editor use for what is late.
const QColor kOverdue(0xb7, 0x1c, 0x1c);

} // namespace

ReminderTable::ReminderTable(QWidget* parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("Due"), tr("What"), tr("Person"), tr("Project"), tr("Details")});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false); // one line a reminder; the tooltip has the details
    verticalHeader()->setVisible(false);
    horizontalHeader()->setStretchLastSection(true);
    setAccessibleName(tr("Reminders"));
    setToolTip(tr("What is due or overdue; double-click or press Enter to open it"));
    connect(this, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (row < 0 || row >= static_cast<int>(m_reminders.size()))
            return;
        const Reminder& r = m_reminders[static_cast<std::size_t>(row)];
        if (!r.projectKey.isEmpty())
            emit projectActivated(r.projectKey);
        else
            emit personActivated(r.personEmail);
    });
}

void ReminderTable::setCompact(bool compact)
{
    m_compact = compact;
    setColumnHidden(KindColumn, compact);
}

QString ReminderTable::kindLabel(const QString& kind)
{
    if (kind == QLatin1String("finding"))
        return tr("Finding");
    if (kind == QLatin1String("audit"))
        return tr("Audit");
    if (kind == QLatin1String("assignment"))
        return tr("Assignment ends");
    if (kind == QLatin1String("qualification"))
        return tr("Qualification expires");
    return kind;
}

void ReminderTable::setReminders(std::vector<Reminder> reminders, const QDate& today)
{
    std::stable_sort(reminders.begin(), reminders.end(),
                     [](const Reminder& a, const Reminder& b) { return a.due < b.due; });
    m_reminders = std::move(reminders);
    m_overdue = 0;
    setRowCount(static_cast<int>(m_reminders.size()));
    int row = 0;
    for (const Reminder& r : m_reminders) {
        const QString day = QLocale().toString(r.due, QLocale::ShortFormat);
        const qint64 days = today.daysTo(r.due);
        const QString due =
            days < 0    ? tr("%1 (overdue by %n day(s))", nullptr, static_cast<int>(-days)).arg(day)
            : days == 0 ? tr("%1 (today)").arg(day)
                        : tr("%1 (in %n day(s))", nullptr, static_cast<int>(days)).arg(day);
        const QStringList cells{m_compact ? day : due, kindLabel(r.kind),
                                r.personName.isEmpty() ? r.personEmail : r.personName, r.projectKey,
                                r.summary};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(r.detail);
            setItem(row, c, item);
        }
        item(row, PersonColumn)->setToolTip(r.personEmail);
        if (m_compact)
            item(row, DueColumn)->setToolTip(due);
        if (!r.projectName.isEmpty())
            item(row, ProjectColumn)->setToolTip(r.projectName);
        if (r.overdueOn(today)) {
            ++m_overdue;
            for (int c = 0; c < ColumnCount; ++c)
                item(row, c)->setForeground(QBrush(kOverdue));
            QFont bold = item(row, DueColumn)->font();
            bold.setBold(true);
            item(row, DueColumn)->setFont(bold);
        }
        ++row;
    }
    resizeColumnsToContents();
}

} // namespace steward::gui
