// Who holds which role on which project (assignments) and who is R, A, C or I for which
// responsibility (RACI).
#pragma once

#include "domain/records.h"

#include <steward/export.h>

#include <optional>
#include <vector>

namespace steward {

class Database;

class STEWARD_CORE_API StaffingService {
public:
    explicit StaffingService(Database& db);

    // Assigns a person to a role on a project. Refuses a retired role, an inactive person, an
    // allocation outside 1-100 % and a period that overlaps the same person's same role there.
    Assignment assign(const Assignment& assignment);
    // Ends an assignment on `to` (inclusive).
    Assignment endAssignment(qint64 id, const QDate& to, int expectedVersion);
    void removeAssignment(qint64 id);
    std::vector<Assignment> assignments(const QString& projectKey);
    std::vector<Assignment> assignmentsOf(const QString& personEmail);
    // Current and future assignments of a role, across projects.
    std::vector<Assignment> currentHoldersOf(const QString& roleKey);

    // Gives `personEmail` the RACI letter `kind` for a responsibility on a project. A second
    // Accountable is refused (by the database as well).
    RaciEntry setRaci(const QString& projectKey, const QString& responsibilityKey,
                      const QString& personEmail, RaciKind kind);
    // Removes that letter; returns false when it was not there. With `expectedVersion`, refused
    // with a Conflict unless the entry is still at it.
    bool removeRaci(const QString& projectKey, const QString& responsibilityKey,
                    const QString& personEmail, RaciKind kind,
                    std::optional<int> expectedVersion = std::nullopt);
    std::vector<RaciEntry> raci(const QString& projectKey);
    std::vector<RaciEntry> raciOf(const QString& personEmail);

private:
    Database& m_db;
};

} // namespace steward
