#include "services/coverage_service.h"

#include "coverage/core_rules.h"
#include "coverage/organisation_check.h"
#include "coverage/staffing_loader.h"
#include "error.h"

#include <algorithm>
#include <exception>

namespace steward {

int CoverageReport::count(Severity severity) const
{
    return static_cast<int>(
        std::count_if(findings.begin(), findings.end(),
                      [severity](const Finding& f) { return f.severity == severity; }));
}

CoverageService::CoverageService(Database& db, std::vector<std::shared_ptr<const Rule>> extraRules)
    : m_db(db)
    , m_rules(coreCoverageRules())
    , m_coreRules(m_rules.size())
{
    m_rules.insert(m_rules.end(), extraRules.begin(), extraRules.end());
}

std::vector<Finding> runRule(const Rule& rule, const ProjectStaffing& staffing)
{
    try {
        return rule.check(staffing);
    } catch (const std::exception& e) {
        return {{coverage_code::RuleFailed, Severity::Error, staffing.project.key, rule.key(),
                 "The rule \"" + rule.key() + "\" failed: " + e.what(),
                 "Report this to the rule's author; the project was not fully checked.", "core"}};
    }
}

void sortFindings(std::vector<Finding>& findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.code != b.code)
            return a.code < b.code;
        return a.subject < b.subject;
    });
}

std::vector<Finding> CoverageService::evaluate(const ProjectStaffing& staffing) const
{
    std::vector<Finding> findings;
    for (const auto& rule : m_rules) {
        std::vector<Finding> found = runRule(*rule, staffing);
        findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                        std::make_move_iterator(found.end()));
    }
    sortFindings(findings);
    return findings;
}

CoverageReport CoverageService::run(std::vector<ProjectStaffing> snapshots, const QDate& asOf) const
{
    CoverageReport report;
    report.asOf = asOf;
    for (const ProjectStaffing& s : snapshots) {
        report.projectKeys.push_back(s.project.key);
        std::vector<Finding> found = evaluate(s);
        report.findings.insert(report.findings.end(), std::make_move_iterator(found.begin()),
                               std::make_move_iterator(found.end()));
    }
    return report;
}

CoverageReport CoverageService::checkProject(const QString& projectKey, const QDate& asOf)
{
    std::vector<ProjectStaffing> one;
    one.push_back(StaffingLoader(m_db).load(projectKey, asOf));
    return run(std::move(one), asOf);
}

CoverageReport CoverageService::checkAll(const QDate& asOf,
                                         const std::function<bool()>& cancelRequested)
{
    const auto split = m_rules.begin() + static_cast<std::ptrdiff_t>(m_coreRules);
    return checkOrganisation(m_db, asOf, {{m_rules.begin(), split}, {split, m_rules.end()}},
                             runRule, cancelRequested);
}

CoverageReport
CoverageService::checkAllProjectByProject(const QDate& asOf,
                                          const std::function<bool()>& cancelRequested)
{
    // Project by project in batches, so that an organisation of thousands of projects never has
    // all its staffing in memory at once.
    constexpr int kBatchSize = 200;
    CoverageReport report;
    report.asOf = asOf;
    bool cancelled = false;
    StaffingLoader(m_db).forEachBatch(asOf, kBatchSize, [&](std::vector<ProjectStaffing>&& batch) {
        CoverageReport part = run(std::move(batch), asOf);
        report.projectKeys.insert(report.projectKeys.end(), part.projectKeys.begin(),
                                  part.projectKeys.end());
        report.findings.insert(report.findings.end(),
                               std::make_move_iterator(part.findings.begin()),
                               std::make_move_iterator(part.findings.end()));
        cancelled = cancelRequested && cancelRequested();
        return !cancelled;
    });
    if (cancelled)
        throw Error(ErrorKind::Conflict, QStringLiteral("the coverage check was cancelled"));
    return report;
}

} // namespace steward
