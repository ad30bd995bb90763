// Reading the role catalogue: roles, their responsibilities and who holds them where.
#pragma once

#include "domain/records.h"

#include <steward/export.h>

#include <vector>

namespace steward {

class Database;

class STEWARD_CORE_API CatalogService {
public:
    explicit CatalogService(Database& db);

    std::vector<Role> roles(bool includeRetired = false);
    Role role(const QString& key);
    std::vector<Responsibility> responsibilities(const QString& roleKey = {},
                                                 bool includeRetired = false);
    // Current and future assignments of the role, across projects.
    std::vector<Assignment> holders(const QString& roleKey);

private:
    Database& m_db;
};

} // namespace steward
