// The documented, stable JSON shapes of `--json` output (README, "JSON output"). Keys are
// snake_case; absent optional values are null; dates are YYYY-MM-DD, times ISO 8601 UTC.
#pragma once

#include "domain/records.h"
#include "services/coverage_service.h"

#include <QJsonArray>
#include <QJsonObject>

namespace steward {

QJsonObject toJson(const Person& p);
QJsonObject toJson(const Project& p);
QJsonObject toJson(const Assignment& a);
QJsonObject toJson(const RaciEntry& r);
QJsonObject toJson(const Role& r);
QJsonObject toJson(const Responsibility& r);
QJsonObject toJson(const Finding& f);
QJsonObject toJson(const CoverageReport& report);
QJsonObject toJson(const HistoryEntry& h);

template <typename T>
QJsonArray toJsonArray(const std::vector<T>& items)
{
    QJsonArray array;
    for (const T& item : items)
        array.append(toJson(item));
    return array;
}

QJsonValue dateJson(const std::optional<QDate>& d);

} // namespace steward
