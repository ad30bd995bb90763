#include "overview/overview_reminders.h"

#include "common/reminder_table.h"

#include <QLabel>
#include <QVBoxLayout>

namespace steward::gui {

OverviewReminders::OverviewReminders(QWidget* parent)
    : QFrame(parent)
    , m_headline(new QLabel(this))
    , m_table(new ReminderTable(this))
{
    setFrameShape(QFrame::StyledPanel);
    m_headline->setAccessibleName(tr("Reminders headline"));
    m_headline->setWordWrap(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_table->setAccessibleName(tr("Reminders of the organisation"));
    m_table->setCompact(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_table, 1);
    connect(m_table, &ReminderTable::projectActivated, this, &OverviewReminders::projectActivated);
    connect(m_table, &ReminderTable::personActivated, this, &OverviewReminders::personActivated);
}

void OverviewReminders::show(std::vector<Reminder> reminders, const QDate& today, int days)
{
    m_table->setReminders(std::move(reminders), today);
    const int count = static_cast<int>(m_table->reminders().size());
    if (count == 0)
        m_headline->setText(tr("Nothing due in the next %n day(s)", nullptr, days));
    else
        m_headline->setText(tr("%n reminder(s) for the next %1 days, %2 overdue", nullptr, count)
                                .arg(days)
                                .arg(m_table->overdueCount()));
}

} // namespace steward::gui
