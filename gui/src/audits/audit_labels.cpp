#include "audits/audit_labels.h"

#include <QLocale>

namespace steward::gui {

QString AuditLabels::of(AuditStatus v)
{
    switch (v) {
    case AuditStatus::Planned:
        return tr("Planned");
    case AuditStatus::InProgress:
        return tr("In progress");
    case AuditStatus::InReview:
        return tr("In review");
    case AuditStatus::Closed:
        return tr("Closed");
    }
    return {};
}

QString AuditLabels::of(ItemResult v)
{
    switch (v) {
    case ItemResult::NotAssessed:
        return tr("Not assessed");
    case ItemResult::Satisfied:
        return tr("Satisfied");
    case ItemResult::PartiallySatisfied:
        return tr("Partially satisfied");
    case ItemResult::NotSatisfied:
        return tr("Not satisfied");
    case ItemResult::NotApplicable:
        return tr("Not applicable");
    }
    return {};
}

QString AuditLabels::of(FindingStatus v)
{
    switch (v) {
    case FindingStatus::Open:
        return tr("Open");
    case FindingStatus::InProgress:
        return tr("In progress");
    case FindingStatus::Resolved:
        return tr("Resolved");
    case FindingStatus::RiskAccepted:
        return tr("Risk accepted");
    }
    return {};
}

QString AuditLabels::of(FindingSeverity v)
{
    switch (v) {
    case FindingSeverity::Low:
        return tr("Low");
    case FindingSeverity::Medium:
        return tr("Medium");
    case FindingSeverity::High:
        return tr("High");
    case FindingSeverity::Critical:
        return tr("Critical");
    }
    return {};
}

QString AuditLabels::mark(ItemResult v)
{
    switch (v) {
    case ItemResult::NotAssessed:
        return QStringLiteral("·");
    case ItemResult::Satisfied:
        return QStringLiteral("✓");
    case ItemResult::PartiallySatisfied:
        return QStringLiteral("◐");
    case ItemResult::NotSatisfied:
        return QStringLiteral("✗");
    case ItemResult::NotApplicable:
        return QStringLiteral("–");
    }
    return {};
}

QString AuditLabels::percent(double value)
{
    return tr("%1 %").arg(QLocale().toString(value, 'f', 1));
}

QString AuditLabels::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace steward::gui
