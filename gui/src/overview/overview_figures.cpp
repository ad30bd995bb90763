#include "overview/overview_figures.h"

#include "audit/audit_service.h"
#include "db/database.h"
#include "overview/overview_screen.h"
#include "services/coverage_service.h"
#include "services/person_service.h"
#include "services/project_service.h"

#include <algorithm>
#include <cmath>

namespace steward::gui {
namespace {

void checkCancel(const std::atomic<bool>& cancelRequested)
{
    if (cancelRequested)
        throw ReadingCancelled{};
}

} // namespace

OverviewFigures readFigures(Database& db, std::vector<std::shared_ptr<const Rule>> rules,
                            const QDate& today, const std::atomic<bool>& cancelRequested)
{
    OverviewFigures f;
    f.today = today;
    const auto projects = ProjectService(db).list();
    f.projects = static_cast<int>(projects.size());
    for (const Project& p : projects) {
        ++f.byTier[p.riskTier];
        ++f.byStage[p.stage];
    }
    f.people = PersonService(db).count();
    checkCancel(cancelRequested);

    // Coverage: errors and warnings per checked project, the worst at the top.
    // Polled between batches of projects, so that a cancel stops the longest step too.
    const CoverageReport coverage =
        CoverageService(db, std::move(rules)).checkAll(today, [&cancelRequested] {
            return cancelRequested.load();
        });
    checkCancel(cancelRequested);
    f.coverageErrors = coverage.count(Severity::Error);
    std::map<QString, OverviewFigures::Health> health;
    for (const std::string& key : coverage.projectKeys)
        health[qs(key)].key = qs(key);
    for (const Finding& finding : coverage.findings) {
        OverviewFigures::Health& h = health[qs(finding.projectKey)];
        h.key = qs(finding.projectKey);
        if (finding.severity == Severity::Error)
            ++h.errors;
        else if (finding.severity == Severity::Warning)
            ++h.warnings;
    }
    f.checkedProjects = static_cast<int>(health.size());
    for (const auto& [key, h] : health) {
        if (h.errors == 0 && h.warnings == 0)
            ++f.healthyProjects;
        f.worstCovered.push_back(h);
    }
    std::stable_sort(f.worstCovered.begin(), f.worstCovered.end(),
                     [](const OverviewFigures::Health& a, const OverviewFigures::Health& b) {
                         return std::pair(a.errors, a.warnings) > std::pair(b.errors, b.warnings);
                     });
    if (f.worstCovered.size() > static_cast<std::size_t>(OverviewScreen::kMaxCoverageProjects))
        f.worstCovered.resize(static_cast<std::size_t>(OverviewScreen::kMaxCoverageProjects));
    std::reverse(f.worstCovered.begin(), f.worstCovered.end()); // horizontal bars go bottom up

    AuditService service(db, today);
    const std::vector<Audit> audits = service.list();
    for (const Audit& a : audits)
        ++f.auditsByStatus[a.status];

    f.overdue = service.openFindings(today);
    std::stable_sort(f.overdue.begin(), f.overdue.end(),
                     [](const AuditFinding& a, const AuditFinding& b) {
                         return std::pair(b.severity, a.dueDate) < std::pair(a.severity, b.dueDate);
                     });
    checkCancel(cancelRequested);

    ReminderFilter due;
    due.asOf = today;
    due.days = kReminderDays;
    f.reminders = ReminderService(db).due(due);
    checkCancel(cancelRequested);

    // Score trends: one line per project and checklist, a point per audit.
    std::map<std::pair<QString, QString>, std::vector<OverviewFigures::TrendPoint>> lines;
    std::map<std::pair<QString, QString>, QDateTime> latest;
    for (const Audit& a : audits) {
        // A closed audit scores on the day it was signed off; an open one as of now.
        const QDateTime at = a.status == AuditStatus::Closed && a.closedAt.isValid()
                                 ? a.closedAt
                                 : QDateTime(today, QTime(12, 0));
        // The checklist's key keeps the legend short; its title is long ("EU AI Act: ...").
        const auto key = std::pair(a.projectKey, a.checklistKey);
        lines[key].push_back({at, a.id, 0});
        latest[key] = std::max(latest[key], at);
    }
    std::vector<std::pair<QString, QString>> keys;
    for (const auto& [key, points] : lines)
        keys.push_back(key);
    std::stable_sort(keys.begin(), keys.end(),
                     [&latest](const auto& a, const auto& b) { return latest[a] > latest[b]; });
    if (keys.size() > static_cast<std::size_t>(OverviewScreen::kMaxTrendSeries))
        keys.resize(static_cast<std::size_t>(OverviewScreen::kMaxTrendSeries));
    for (const auto& key : keys) {
        std::vector<OverviewFigures::TrendPoint>& points = lines[key];
        std::sort(points.begin(), points.end(),
                  [](const auto& a, const auto& b) { return a.at < b.at; });
        for (OverviewFigures::TrendPoint& p : points)
            p.percent = std::round(service.scores(p.auditId).overall.percent);
        f.trends.push_back({key.first, key.second, std::move(points)});
    }
    return f;
}

} // namespace steward::gui
