// The coverage check: runs the core rules and the plugins' rules over project staffing.
#pragma once

#include <steward/export.h>
#include <steward/staffing.h>

#include <QDate>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace steward {

class Database;

struct STEWARD_CORE_API CoverageReport {
    QDate asOf;
    std::vector<std::string> projectKeys; // the projects checked
    std::vector<Finding> findings;        // by project, then most severe first

    int count(Severity severity) const;
};

class STEWARD_CORE_API CoverageService {
public:
    // `extraRules` are the plugins' rules; each finding names its rule's source.
    explicit CoverageService(Database& db,
                             std::vector<std::shared_ptr<const Rule>> extraRules = {});

    CoverageReport checkProject(const QString& projectKey,
                                const QDate& asOf = QDate::currentDate());
    // Every project in scope. `cancelRequested`, polled between batches of projects, stops the
    // check with Error(Conflict) when it returns true.
    CoverageReport checkAll(const QDate& asOf = QDate::currentDate(),
                            const std::function<bool()>& cancelRequested = {});

    // Runs every rule on one snapshot, turning a rule that throws into a RULE_FAILED finding
    // (plugin rules already turn their own exceptions into PLUGIN_RULE_FAILED).
    std::vector<Finding> evaluate(const ProjectStaffing& staffing) const;

private:
    CoverageReport run(std::vector<ProjectStaffing> snapshots, const QDate& asOf) const;
    Database& m_db;
    std::vector<std::shared_ptr<const Rule>> m_rules;
};

} // namespace steward
