// A person's reminders as one e-mail digest: what `steward reminders --mail` sends. Only the
// text; sending is smtp_mailer.h's concern.
#pragma once

#include "services/reminder_service.h"

#include <steward/export.h>

#include <QString>

#include <vector>

namespace steward {

struct ReminderDigest {
    QString personEmail;
    QString personName;
    std::vector<Reminder> reminders; // that person's only, by due date
    int overdue = 0;
    QString subject; // "Steward: 3 items due, 1 overdue"
    QString body;    // plain text, one line per item
};

// One digest per person, in the order `reminders` (from ReminderService::due) lists them.
STEWARD_CORE_API std::vector<ReminderDigest> reminderDigests(const std::vector<Reminder>& reminders,
                                                             QDate asOf, int days);

} // namespace steward
