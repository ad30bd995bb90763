// Sending reminder digests by e-mail, shared by `steward reminders --mail` and the mail commands.
#pragma once

#include "services/reminder_service.h"

#include <vector>

namespace steward {

class Invocation;

// Sends each person in `reminders` their own digest (or, with --dry-run, prints them) through the
// organisation's SMTP server; prints one line per recipient. Exit code: Success when every
// message went, Refused when any failed or mail is not configured.
int mailReminderDigests(Invocation& inv, const std::vector<Reminder>& reminders,
                        const ReminderFilter& filter, const QString& organisation);

} // namespace steward
