// The overview's reminders: what is due or overdue across the organisation in the next 30 days,
// the same list as `steward reminders`, with a headline counting the overdue ones.
#pragma once

#include "services/reminder_service.h"

#include <QFrame>

#include <vector>

class QLabel;

namespace steward::gui {

class ReminderTable;

class OverviewReminders : public QFrame {
    Q_OBJECT

public:
    explicit OverviewReminders(QWidget* parent = nullptr);

    void show(std::vector<Reminder> reminders, const QDate& today, int days);
    QLabel* headline() const { return m_headline; }
    ReminderTable* table() const { return m_table; }

signals:
    void projectActivated(const QString& projectKey);
    void personActivated(const QString& email);

private:
    QLabel* m_headline;
    ReminderTable* m_table;
};

} // namespace steward::gui
