// Adds to staffing snapshots what the qualification rules read: each person's qualifications valid
// on the snapshot date and the requirements that apply on each project. Shared by the whole
// loader (StaffingLoader) and the organisation-wide check's small snapshots (PartialStaffingReader)
// so that both give a rule the same facts.
#pragma once

#include <steward/staffing.h>

#include <QDate>

#include <vector>

namespace steward {

class Database;

// Fills PersonInfo::qualifications of every person in `snapshots` and each snapshot's
// qualificationRequirements (the catalogue's for the roles its assignments hold and the
// responsibilities it lists, and the project's own), with two queries, in the caller's transaction.
void addQualificationFacts(Database& db, const std::vector<ProjectStaffing*>& snapshots,
                           const QDate& asOf);

} // namespace steward
