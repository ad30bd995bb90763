// `steward import qualifications FILE.csv`: completions from a learning-management system's
// export, all or nothing. `steward export qualifications` (csv_export.h) writes the same format.
//
// The file is RFC 4180 CSV (UTF-8, with or without a byte order mark; LF or CRLF) whose first row
// names the columns, in any order:
//
//   email          required  e-mail address of a stored person
//   qualification  required  key of a qualification in the catalogue (steward qualification list)
//   completed_on   required  the day it was completed, YYYY-MM-DD, not after today
//   expires_on     optional  the first day it no longer counts, YYYY-MM-DD, after completed_on;
//                            empty: from the qualification's validity (or never, if it has none)
//   external_id    optional  the LMS's own id of the completion
//   evidence_url   optional  where the certificate is, an absolute URL
//   note           optional  free text, at most 2000 characters
//
// Any other column is an error. Surrounding spaces are trimmed from every field.
//
// A row whose person, qualification and completion day match a stored record updates it; any
// other row adds a record. A column the file leaves out, and an empty evidence_url, keep the
// stored value (so a file certificate recorded by hand survives a round trip through an export,
// which lists only URLs). A row that changes nothing is not written.
//
// A file with any problem is rejected as a whole and nothing is stored. Every problem is listed as
// "FILE:LINE: column: what is wrong": the CSV structure (with the rows before a syntax error
// still checked), unknown or missing columns, invalid values, a person or qualification that does
// not exist, a retired qualification, an expiry not after the completion, and a completion that
// appears twice in the file.
#pragma once

#include "io/import_support.h"

#include <steward/export.h>

#include <QDate>

namespace steward {

class Database;

// Imports `data` in one transaction, as the login (recorded_by is its person). Throws
// Error(Validation) listing every problem in details(); the database is then unchanged.
STEWARD_CORE_API ImportResult importQualificationRecords(Database& db, const QByteArray& data,
                                                         const QString& fileName,
                                                         const QDate& today);

} // namespace steward
