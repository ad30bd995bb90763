// `steward import assignments FILE.csv`: who holds which role on which project, all or nothing.
//
// The file is RFC 4180 CSV (UTF-8, with or without a byte order mark; LF or CRLF; quoted fields
// may hold commas, quotes and line breaks) whose first row names the columns, in any order:
//
//   email       required  e-mail address of a stored person
//   project     required  key of a stored project, e.g. CARDIO-TRIAGE
//   role        required  key of a role in the catalogue, e.g. ai-engineer
//   from        required  first day, YYYY-MM-DD
//   to          optional  last day (inclusive), YYYY-MM-DD; empty means open-ended
//   allocation  optional  whole percent of the person's time, 1 to 100; empty means 100
//
// Any other column is an error. Surrounding spaces are trimmed from every field.
//
// A row whose person, project, role and from date match a stored assignment updates that
// assignment's end date and allocation (a column the file leaves out keeps its stored value);
// any other row adds an assignment. A row that changes nothing is not written.
//
// A file with any problem is rejected as a whole and nothing is stored. Every problem is listed as
// "FILE:LINE: column: what is wrong": the CSV structure, unknown or missing columns, rows with the
// wrong number of fields, invalid values, a person, project or role that does not exist, a new
// assignment for an inactive person or a retired role, an end before the start, and periods that
// overlap for the same person, role and project, within the file or with a stored assignment.
#pragma once

#include "io/import_support.h"

#include <steward/export.h>

namespace steward {

class Database;

// Imports `data` in one transaction. `fileName` names the file in every problem. Throws
// Error(Validation) listing every problem in details(); the database is then unchanged.
STEWARD_CORE_API ImportResult importAssignments(Database& db, const QByteArray& data,
                                                const QString& fileName);

} // namespace steward
