// An iCalendar file (RFC 5545) of reminders: one all-day event per due item, with a UID that stays
// the same from one export to the next (so a subscribed calendar updates an event rather than
// adding a second one) and a SEQUENCE that grows with the row's version.
#pragma once

#include "services/reminder_service.h"

#include <steward/export.h>

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

namespace steward {

// "steward-finding-12-3f9a0c1d2e4b5a6c@steward": the kind, the row and the organisation.
STEWARD_CORE_API QString reminderUid(const Reminder& reminder, const QString& organisationId);

// The calendar: CRLF line ends, lines folded at 75 octets without splitting a character, texts
// escaped. `stamp` is the DTSTAMP of every event (when the file was written), in UTC.
STEWARD_CORE_API QByteArray writeICalendar(const std::vector<Reminder>& reminders,
                                           const QString& organisationId, const QDateTime& stamp,
                                           const QString& calendarName);

} // namespace steward
