// What the overview shows, read on a worker thread: plain values only, nothing of the widgets, so
// that the reading can run while the window stays responsive.
#pragma once

#include "audit/audit_records.h"
#include "services/reminder_service.h"

#include <steward/domain.h>
#include <steward/staffing.h>

#include <QDate>
#include <QDateTime>
#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <vector>

namespace steward {
class Database;
}

namespace steward::gui {

// What the overview shows, read on a worker thread: plain values only, nothing of the widgets.
struct OverviewFigures {
    struct Health {
        QString key;
        int errors = 0;
        int warnings = 0;
    };
    struct TrendPoint {
        QDateTime at;
        qint64 auditId = 0;
        double percent = 0;
    };
    struct TrendLine {
        QString projectKey;
        QString checklistKey;
        std::vector<TrendPoint> points; // oldest first
    };

    QDate today;
    qint64 people = 0;
    int projects = 0;
    std::map<RiskTier, int> byTier;
    std::map<ProjectStage, int> byStage;
    int coverageErrors = 0;
    int checkedProjects = 0;
    int healthyProjects = 0;
    std::vector<Health> worstCovered; // at most kMaxCoverageProjects, the worst last
    std::map<AuditStatus, int> auditsByStatus;
    std::vector<AuditFinding> overdue; // the most severe and the longest overdue first
    std::vector<TrendLine> trends;     // the most recently audited first
    std::vector<Reminder> reminders;   // due or overdue within kReminderDays, organisation-wide
};

// How far ahead the overview's reminders look, as `steward reminders` does by default.
inline constexpr int kReminderDays = 30;

// Thrown by readFigures between its steps once the user has cancelled the reading.
struct ReadingCancelled {};

// Reads every figure as of `today` with the coverage rules in force; polls `cancelRequested`.
OverviewFigures readFigures(Database& db, std::vector<std::shared_ptr<const Rule>> rules,
                            const QDate& today, const std::atomic<bool>& cancelRequested);

} // namespace steward::gui
