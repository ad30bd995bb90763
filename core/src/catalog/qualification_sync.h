// Brings the qualifications a pack (the built-in catalogue or a role-pack plugin) declares, and
// what it says requires them, into the database: idempotently, in one transaction.
#pragma once

#include <steward/catalog.h>
#include <steward/export.h>

#include <QString>

#include <vector>

namespace steward {

class Database;

struct QualificationSyncResult {
    int added = 0;
    int updated = 0;
    int retired = 0;
    int requirementsAdded = 0;
    int requirementsRemoved = 0;

    bool changedAnything() const
    {
        return added + updated + retired + requirementsAdded + requirementsRemoved > 0;
    }
};

// Makes the pack's stored qualifications equal `qualifications` (what it no longer declares is
// retired: records of it stay, nothing requires it) and its stored requirements equal
// `requirements`. The pack must be stored already (CatalogSync::syncPack). A qualification key
// that another pack or an administrator owns is refused. Rows that match are not touched, so a warm
// start writes nothing.
STEWARD_CORE_API QualificationSyncResult syncPackQualifications(
    Database& db, const QString& packKey, const std::vector<QualificationSpec>& qualifications,
    const std::vector<QualificationRequirementSpec>& requirements);

// The built-in ones (builtinQualifications(), builtinQualificationRequirements()).
STEWARD_CORE_API QualificationSyncResult syncBuiltinQualifications(Database& db);

} // namespace steward
