// Reads ProjectStaffing snapshots from the database with a fixed number of set-based queries,
// however many projects are in scope.
#pragma once

#include <steward/export.h>
#include <steward/staffing.h>

#include <QDate>
#include <QString>

#include <vector>

namespace steward {

class Database;

class STEWARD_CORE_API StaffingLoader {
public:
    explicit StaffingLoader(Database& db);

    // One project, by key; throws Error(NotFound).
    ProjectStaffing load(const QString& projectKey, const QDate& asOf);
    // Every project that is not completed or cancelled, in key order.
    std::vector<ProjectStaffing> loadAll(const QDate& asOf);

private:
    std::vector<ProjectStaffing> loadScope(const QString& scopeCondition,
                                           const QVariantList& params, const QDate& asOf);
    Database& m_db;
};

STEWARD_CORE_API Date toDate(const QDate& d);

} // namespace steward
