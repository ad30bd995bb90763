// `steward import people FILE.csv`: people from an HR export, all or nothing.
//
// The file is RFC 4180 CSV (UTF-8, with or without a byte order mark; LF or CRLF; quoted fields
// may hold commas, quotes and line breaks) whose first row names the columns, in any order:
//
//   email        required  the person's e-mail address; unique, compared ignoring case
//   name         required  full name
//   org_unit     optional  org unit name; an org unit that does not exist yet is created
//   title        optional  job title
//   external_id  optional  the HR system's id for the person; unique
//   active       optional  true/false, yes/no or 1/0 (any case); empty means true
//
// Any other column is an error. Surrounding spaces are trimmed from every field; an empty
// org_unit or external_id means none.
//
// Each row adds a person or updates one: the person with the row's external_id when the file has
// one stored, otherwise the person with the row's e-mail address. A column the file leaves out
// keeps its stored value on updated people and its default on new ones. A row that changes
// nothing is not written.
//
// A file with any problem is rejected as a whole and nothing is stored. Every problem is listed as
// "FILE:LINE: column: what is wrong": the CSV structure, unknown or missing columns, rows with the
// wrong number of fields, invalid values, an e-mail address or external id that appears twice in
// the file, an e-mail address that belongs to a different person than the row's external id, and
// an external id that contradicts the one stored for the row's e-mail address.
#pragma once

#include "io/import_support.h"

#include <steward/export.h>

namespace steward {

class Database;

// Imports `data` in one transaction. `fileName` names the file in every problem. Throws
// Error(Validation) listing every problem in details(), or ImportCancelled when `control` asks it
// to stop; the database is then unchanged.
STEWARD_CORE_API ImportResult importPeople(Database& db, const QByteArray& data,
                                           const QString& fileName,
                                           const ImportControl& control = {});

// Runs the very same import, checks and writes included, and rolls it back: the problems that
// would make importPeople refuse `data`, or the counts it would report, against the database as
// it is now. Throws ImportCancelled when `control` asks it to stop.
STEWARD_CORE_API ImportPreview previewPeopleImport(Database& db, const QByteArray& data,
                                                   const QString& fileName,
                                                   const ImportControl& control = {});

} // namespace steward
