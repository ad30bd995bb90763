// Value types for the rows the services read and write. `version` is the row version for
// optimistic locking: pass back the version you read when you update.
#pragma once

#include <steward/domain.h>

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace steward {

struct Person {
    qint64 id = 0;
    QString email;
    QString name;
    QString orgUnit; // name of the org unit, empty for none
    QString title;
    QString externalId; // HR system id, empty for none
    bool active = true;
    int version = 0;
};

struct Project {
    qint64 id = 0;
    QString key; // "CARDIO-TRIAGE"
    QString name;
    QString description;
    Industry industry = Industry::General;
    RiskTier riskTier = RiskTier::Minimal;
    ProjectStage stage = ProjectStage::Concept;
    ProjectStatus status = ProjectStatus::Proposed;
    AiActRole aiActRole = AiActRole::Deployer;
    QStringList tags;
    QString ownerEmail; // empty for none
    std::optional<QDate> startDate;
    std::optional<QDate> endDate;
    int version = 0;
};

struct Role {
    QString key;
    QString pack;
    QString name;
    QString summary;
    QString category;
    std::optional<Industry> industry;
    bool retired = false;
};

struct Responsibility {
    QString key;
    QString roleKey;
    QString text;
    LifecycleStage stage = LifecycleStage::Build;
    bool required = false;
    bool retired = false;
};

struct Assignment {
    qint64 id = 0;
    QString projectKey;
    QString personEmail;
    QString personName;
    QString roleKey;
    QDate from;
    std::optional<QDate> to; // inclusive
    int allocationPercent = 100;
    int version = 0;
};

struct RaciEntry {
    qint64 id = 0;
    QString projectKey;
    QString responsibilityKey;
    QString personEmail;
    QString personName;
    RaciKind kind = RaciKind::Responsible;
    int version = 0;
};

struct HistoryEntry {
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString dbUser;
    QString table;
    QString rowKey;
    QString operation;
    QString before; // JSON text, empty for an insert
    QString after;  // JSON text, empty for a delete
};

inline QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace steward
