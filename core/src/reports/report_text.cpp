#include "report_text.h"

#include <QLocale>

namespace steward::report {

// The codes repeat audit_records.h's text forms on purpose: the report formats document them as
// their own stable vocabulary, independent of how the services store them.
QString code(AuditStatus v)
{
    switch (v) {
    case AuditStatus::Planned:
        return QStringLiteral("planned");
    case AuditStatus::InProgress:
        return QStringLiteral("in-progress");
    case AuditStatus::InReview:
        return QStringLiteral("in-review");
    case AuditStatus::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

QString code(ItemResult v)
{
    switch (v) {
    case ItemResult::NotAssessed:
        return QStringLiteral("not-assessed");
    case ItemResult::Satisfied:
        return QStringLiteral("satisfied");
    case ItemResult::PartiallySatisfied:
        return QStringLiteral("partially-satisfied");
    case ItemResult::NotSatisfied:
        return QStringLiteral("not-satisfied");
    case ItemResult::NotApplicable:
        return QStringLiteral("not-applicable");
    }
    return {};
}

QString code(FindingStatus v)
{
    switch (v) {
    case FindingStatus::Open:
        return QStringLiteral("open");
    case FindingStatus::InProgress:
        return QStringLiteral("in-progress");
    case FindingStatus::Resolved:
        return QStringLiteral("resolved");
    case FindingStatus::RiskAccepted:
        return QStringLiteral("risk-accepted");
    }
    return {};
}

QString code(FindingSeverity v)
{
    switch (v) {
    case FindingSeverity::Low:
        return QStringLiteral("low");
    case FindingSeverity::Medium:
        return QStringLiteral("medium");
    case FindingSeverity::High:
        return QStringLiteral("high");
    case FindingSeverity::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

QString label(AuditStatus v)
{
    switch (v) {
    case AuditStatus::Planned:
        return QStringLiteral("Planned");
    case AuditStatus::InProgress:
        return QStringLiteral("In progress");
    case AuditStatus::InReview:
        return QStringLiteral("In review");
    case AuditStatus::Closed:
        return QStringLiteral("Closed");
    }
    return {};
}

QString label(ItemResult v)
{
    switch (v) {
    case ItemResult::NotAssessed:
        return QStringLiteral("Not assessed");
    case ItemResult::Satisfied:
        return QStringLiteral("Satisfied");
    case ItemResult::PartiallySatisfied:
        return QStringLiteral("Partially satisfied");
    case ItemResult::NotSatisfied:
        return QStringLiteral("Not satisfied");
    case ItemResult::NotApplicable:
        return QStringLiteral("Not applicable");
    }
    return {};
}

QString label(FindingStatus v)
{
    switch (v) {
    case FindingStatus::Open:
        return QStringLiteral("Open");
    case FindingStatus::InProgress:
        return QStringLiteral("In progress");
    case FindingStatus::Resolved:
        return QStringLiteral("Resolved");
    case FindingStatus::RiskAccepted:
        return QStringLiteral("Risk accepted");
    }
    return {};
}

QString label(FindingSeverity v)
{
    switch (v) {
    case FindingSeverity::Low:
        return QStringLiteral("Low");
    case FindingSeverity::Medium:
        return QStringLiteral("Medium");
    case FindingSeverity::High:
        return QStringLiteral("High");
    case FindingSeverity::Critical:
        return QStringLiteral("Critical");
    }
    return {};
}

QString percentText(double percent)
{
    return QString::number(percent, 'f', 1) + QStringLiteral(" %");
}

QString sizeText(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("\u2014");
    // The C locale keeps reports identical whatever the reader's machine is set to.
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString dateText(const QDate& d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("\u2014");
}

QString dateTimeText(const QDateTime& t)
{
    if (!t.isValid())
        return QStringLiteral("\u2014");
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

const Evidence* findEvidence(const AuditReportData& data, qint64 id)
{
    for (const Evidence& e : data.evidence) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

std::vector<const AuditFinding*> findingsOf(const AuditReportData& data, const QString& itemId)
{
    std::vector<const AuditFinding*> result;
    for (const AuditFinding& f : data.findings) {
        if (f.itemId == itemId)
            result.push_back(&f);
    }
    return result;
}

} // namespace steward::report
