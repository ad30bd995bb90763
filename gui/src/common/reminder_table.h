// What is due or overdue, as `steward reminders` lists it (ReminderService): one row an item,
// the soonest first, overdue ones in red. The Overview shows the organisation's, a person's page
// only theirs (without the person column).
#pragma once

#include "services/reminder_service.h"

#include <QTableWidget>

#include <vector>

namespace steward::gui {

class ReminderTable : public QTableWidget {
    Q_OBJECT

public:
    enum Column { DueColumn, KindColumn, PersonColumn, ProjectColumn, WhatColumn, ColumnCount };

    explicit ReminderTable(QWidget* parent = nullptr);

    // Shows `reminders` as of `today`, ordered by due date.
    void setReminders(std::vector<Reminder> reminders, const QDate& today);
    const std::vector<Reminder>& reminders() const { return m_reminders; }
    int overdueCount() const { return m_overdue; }
    // A person's own list need not name them on every row.
    void setPersonColumnVisible(bool visible) { setColumnHidden(PersonColumn, !visible); }
    // For a narrow panel: the due date alone (overdue ones still red and bold, how late in the
    // tooltip) and no kind column, which the details' wording already says.
    void setCompact(bool compact);

    // "Finding", "Audit", "Assignment ends", "Qualification expires" for a Reminder::kind.
    static QString kindLabel(const QString& kind);

signals:
    // Activating a row: the project it is on, or else (a qualification) the person it is of.
    void projectActivated(const QString& projectKey);
    void personActivated(const QString& email);

private:
    std::vector<Reminder> m_reminders;
    int m_overdue = 0;
    bool m_compact = false;
};

} // namespace steward::gui
