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
    // Every project in scope, set-based (see coverage/organisation_check.h). `cancelRequested`,
    // polled between rules, stops the check with Error(Conflict) when it returns true.
    CoverageReport checkAll(const QDate& asOf = QDate::currentDate(),
                            const std::function<bool()>& cancelRequested = {});
    // The same report, from every project's whole staffing, a batch of projects at a time: what
    // checkAll() must always agree with, finding for finding (and much slower).
    CoverageReport checkAllProjectByProject(const QDate& asOf = QDate::currentDate(),
                                            const std::function<bool()>& cancelRequested = {});

    // Runs every rule on one snapshot, turning a rule that throws into a RULE_FAILED finding
    // (plugin rules already turn their own exceptions into PLUGIN_RULE_FAILED).
    std::vector<Finding> evaluate(const ProjectStaffing& staffing) const;

private:
    CoverageReport run(std::vector<ProjectStaffing> snapshots, const QDate& asOf) const;
    Database& m_db;
    std::vector<std::shared_ptr<const Rule>> m_rules;
    std::size_t m_coreRules = 0; // the first m_rules are coreCoverageRules()
};

// Runs one rule on one snapshot, turning an exception into a RULE_FAILED finding.
STEWARD_CORE_API std::vector<Finding> runRule(const Rule& rule, const ProjectStaffing& staffing);
// One project's findings, most severe first, then by code and subject (stable).
STEWARD_CORE_API void sortFindings(std::vector<Finding>& findings);

} // namespace steward
