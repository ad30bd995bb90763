// What every screen works on: the database connection and the coverage rules in force (the core
// rules plus those of the loaded plugins). Owned by the application; screens hold a reference.
#pragma once

#include <steward/staffing.h>

#include <QString>

#include <memory>
#include <vector>

namespace steward {
class Database;
class CoverageService;
} // namespace steward

namespace steward::gui {

class Workspace {
public:
    explicit Workspace(Database& db, std::vector<std::shared_ptr<const Rule>> pluginRules = {});

    Database& db() const { return m_db; }
    // A coverage check with every rule in force.
    CoverageService coverage() const;

private:
    Database& m_db;
    std::vector<std::shared_ptr<const Rule>> m_pluginRules;
};

} // namespace steward::gui
