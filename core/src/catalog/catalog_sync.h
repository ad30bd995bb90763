// Brings the role catalogue in the database in line with what a pack declares (the built-in
// catalogue or a role-pack plugin), idempotently and in one transaction.
#pragma once

#include <steward/catalog.h>
#include <steward/export.h>

#include <QString>

#include <vector>

namespace steward {

class Database;

struct CatalogSyncResult {
    int rolesAdded = 0;
    int rolesUpdated = 0;
    int rolesRetired = 0;
    int responsibilitiesAdded = 0;
    int responsibilitiesUpdated = 0;
    int responsibilitiesRetired = 0;

    bool changedAnything() const
    {
        return rolesAdded + rolesUpdated + rolesRetired + responsibilitiesAdded +
                   responsibilitiesUpdated + responsibilitiesRetired >
               0;
    }
};

class STEWARD_CORE_API CatalogSync {
public:
    explicit CatalogSync(Database& db);

    // Makes the pack's stored roles and responsibilities equal `roles`. What the pack no longer
    // declares is retired (kept for history and existing assignments, not offered for new ones);
    // what comes back is un-retired. Rows that already match are not touched, so a warm start
    // writes nothing and adds nothing to the history. A role key owned by another pack is refused.
    CatalogSyncResult syncPack(const QString& packKey, const QString& packName,
                               const QString& packVersion, const std::vector<RoleSpec>& roles);

private:
    Database& m_db;
};

// Applies the built-in catalogue (core/src/catalog/builtin_catalogue.cpp).
STEWARD_CORE_API CatalogSyncResult syncBuiltinCatalogue(Database& db);

} // namespace steward
