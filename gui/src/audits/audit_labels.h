// The words the GUI shows for the audit workflow's enumerations; the core's text forms
// ("partially-satisfied") are storage keys, people read translated labels.
#pragma once

#include "audit/audit_records.h"

#include <QCoreApplication>
#include <QString>

#include <array>

namespace steward::gui {

class AuditLabels {
    Q_DECLARE_TR_FUNCTIONS(AuditLabels)

public:
    static QString of(AuditStatus v);
    static QString of(ItemResult v);
    static QString of(FindingStatus v);
    static QString of(FindingSeverity v);
    // A one-character mark for an item's result in the section tree.
    static QString mark(ItemResult v);
    static QString percent(double value); // "72.5 %"
    static QString size(qint64 bytes);    // "12.3 KiB"
};

inline constexpr std::array kAuditStatuses = {AuditStatus::Planned, AuditStatus::InProgress,
                                              AuditStatus::InReview, AuditStatus::Closed};
// The results a person can record, in the order of the runner's buttons.
inline constexpr std::array kAssessableResults = {
    ItemResult::Satisfied, ItemResult::PartiallySatisfied, ItemResult::NotSatisfied,
    ItemResult::NotApplicable};
inline constexpr std::array kFindingSeverities = {FindingSeverity::Low, FindingSeverity::Medium,
                                                  FindingSeverity::High, FindingSeverity::Critical};

} // namespace steward::gui
