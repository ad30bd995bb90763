#include "audit/audit_records.h"

#include <array>
#include <utility>

namespace steward {
namespace {

template <typename E, std::size_t N>
QString textOf(const std::array<std::pair<E, const char*>, N>& table, E v)
{
    for (const auto& [value, text] : table)
        if (value == v)
            return QString::fromLatin1(text);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> parseFrom(const std::array<std::pair<E, const char*>, N>& table, const QString& s)
{
    for (const auto& [value, text] : table)
        if (s == QLatin1String(text))
            return value;
    return std::nullopt;
}

constexpr std::array<std::pair<AuditStatus, const char*>, 4> kAuditStatus{{
    {AuditStatus::Planned, "planned"},
    {AuditStatus::InProgress, "in-progress"},
    {AuditStatus::InReview, "in-review"},
    {AuditStatus::Closed, "closed"},
}};

constexpr std::array<std::pair<ItemResult, const char*>, 5> kItemResult{{
    {ItemResult::NotAssessed, "not-assessed"},
    {ItemResult::Satisfied, "satisfied"},
    {ItemResult::PartiallySatisfied, "partially-satisfied"},
    {ItemResult::NotSatisfied, "not-satisfied"},
    {ItemResult::NotApplicable, "not-applicable"},
}};

constexpr std::array<std::pair<FindingStatus, const char*>, 4> kFindingStatus{{
    {FindingStatus::Open, "open"},
    {FindingStatus::InProgress, "in-progress"},
    {FindingStatus::Resolved, "resolved"},
    {FindingStatus::RiskAccepted, "risk-accepted"},
}};

constexpr std::array<std::pair<FindingSeverity, const char*>, 4> kSeverity{{
    {FindingSeverity::Low, "low"},
    {FindingSeverity::Medium, "medium"},
    {FindingSeverity::High, "high"},
    {FindingSeverity::Critical, "critical"},
}};

} // namespace

QString toText(AuditStatus v)
{
    return textOf(kAuditStatus, v);
}
QString toText(ItemResult v)
{
    return textOf(kItemResult, v);
}
QString toText(FindingStatus v)
{
    return textOf(kFindingStatus, v);
}
QString toText(FindingSeverity v)
{
    return textOf(kSeverity, v);
}
std::optional<AuditStatus> parseAuditStatus(const QString& s)
{
    return parseFrom(kAuditStatus, s);
}
std::optional<ItemResult> parseItemResult(const QString& s)
{
    return parseFrom(kItemResult, s);
}
std::optional<FindingStatus> parseFindingStatus(const QString& s)
{
    return parseFrom(kFindingStatus, s);
}
std::optional<FindingSeverity> parseFindingSeverity(const QString& s)
{
    return parseFrom(kSeverity, s);
}

} // namespace steward
