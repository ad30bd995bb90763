// `steward export`: people, assignments and qualification records in exactly the formats the
// importers read (see people_import.h and assignment_import.h), so that importing an export changes
// nothing, and a project's RACI matrix for people to read.
#pragma once

#include <steward/export.h>

#include <QString>

class QIODevice;

namespace steward {

class Database;

// Every person, by e-mail address: email, name, org_unit, title, external_id, active (true/false).
// Returns the number of data rows written.
STEWARD_CORE_API qint64 exportPeople(Database& db, QIODevice* out);

// Every assignment, or only a project's when `projectKey` is not empty: email, project, role,
// from, to, allocation; by project, role, e-mail address and start. Throws Error(NotFound) for an
// unknown project. Returns the number of data rows written.
STEWARD_CORE_API qint64 exportAssignments(Database& db, QIODevice* out,
                                          const QString& projectKey = {});

// Every qualification record, or one qualification's when `qualificationKey` is not empty, in the
// format qualification_import.h reads: email, qualification, completed_on, expires_on,
// external_id, evidence_url (URL evidence only: a file's stays where it is recorded), note; by
// e-mail address, qualification and completion day. Returns the number of data rows written.
STEWARD_CORE_API qint64 exportQualificationRecords(Database& db, QIODevice* out,
                                                   const QString& qualificationKey = {});

// A project's RACI matrix as of today. One row per responsibility that the project must cover,
// that belongs to a role someone holds on the project, or that has RACI entries there; in
// catalogue order. Columns: responsibility (key), text, role, stage, required (yes/no), then one
// column per person with an assignment or RACI entry on the project, headed "Name <e-mail>" and
// ordered by name. A cell holds the person's letters for that responsibility in the order A, R,
// C, I, joined by "/" (e.g. "A/R"), or is empty. Throws Error(NotFound) for an unknown project.
// Returns the number of responsibility rows written.
STEWARD_CORE_API qint64 exportRaciMatrix(Database& db, const QString& projectKey, QIODevice* out);

} // namespace steward
