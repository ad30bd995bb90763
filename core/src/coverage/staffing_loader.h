// Reads ProjectStaffing snapshots from the database with a fixed number of set-based queries,
// however many projects are in scope.
#pragma once

#include <steward/export.h>
#include <steward/staffing.h>

#include <QDate>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
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
    // The same projects, `batchSize` at a time in key order, all from one snapshot of the
    // database: memory stays bounded by a batch however large the organisation. `visit` returns
    // false to stop early.
    void forEachBatch(const QDate& asOf, int batchSize,
                      const std::function<bool(std::vector<ProjectStaffing>&&)>& visit);

    // As forEachBatch, inside the caller's transaction (which should be REPEATABLE READ), after
    // prepareScopeTable() was called outside it.
    void readBatches(const QDate& asOf, int batchSize,
                     const std::function<bool(std::vector<ProjectStaffing>&&)>& visit);
    void prepareScopeTable();

private:
    // One snapshot of its own.
    std::vector<ProjectStaffing> loadScope(const QString& scopeCondition,
                                           const QVariantList& params, const QDate& asOf);
    // Within the caller's snapshot.
    std::vector<ProjectStaffing> readScope(const QString& scopeCondition,
                                           const QVariantList& params, const QDate& asOf);
    Database& m_db;
};

STEWARD_CORE_API Date toDate(const QDate& d);

// Row readers shared by this loader and PartialStaffingLoader: a text column as UTF-8, and an
// assignment from columns 0-6 in the order a.id, a.person_id, p.key, a.role_key, a.from_date,
// a.to_date, a.allocation_percent.
std::string sqlText(const QVariant& v);
AssignmentInfo readAssignmentRow(const QSqlQuery& q);
// A project from the columns kProjectColumns lists (of `project p`), from column 0.
extern const char* const kProjectColumns;
ProjectInfo readProjectRow(const QSqlQuery& q);
// A person from the columns kPersonColumns lists (of `person pe`, joined with kPersonJoins), from
// column 0.
extern const char* const kPersonColumns;
extern const char* const kPersonJoins;
PersonInfo readPersonRow(const QSqlQuery& q);

} // namespace steward
