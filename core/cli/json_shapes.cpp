#include "json_shapes.h"

#include <QJsonDocument>

namespace steward {
namespace {

QJsonValue stringOrNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
QJsonValue jsonText(std::string_view s)
{
    return QJsonValue(qs(s));
}
QJsonValue parsedJson(const QString& text)
{
    if (text.isEmpty())
        return QJsonValue::Null;
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

QJsonValue dateJson(const std::optional<QDate>& d)
{
    return d ? QJsonValue(d->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const Person& p)
{
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("email"), p.email},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("org_unit"), stringOrNull(p.orgUnit)},
            {QStringLiteral("title"), p.title},
            {QStringLiteral("external_id"), stringOrNull(p.externalId)},
            {QStringLiteral("active"), p.active},
            {QStringLiteral("version"), p.version}};
}

QJsonObject toJson(const Project& p)
{
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("key"), p.key},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("description"), p.description},
            {QStringLiteral("industry"), jsonText(toString(p.industry))},
            {QStringLiteral("risk_tier"), jsonText(toString(p.riskTier))},
            {QStringLiteral("stage"), jsonText(toString(p.stage))},
            {QStringLiteral("status"), jsonText(toString(p.status))},
            {QStringLiteral("ai_act_role"), jsonText(toString(p.aiActRole))},
            {QStringLiteral("tags"), QJsonArray::fromStringList(p.tags)},
            {QStringLiteral("owner"), stringOrNull(p.ownerEmail)},
            {QStringLiteral("start_date"), dateJson(p.startDate)},
            {QStringLiteral("end_date"), dateJson(p.endDate)},
            {QStringLiteral("version"), p.version}};
}

QJsonObject toJson(const Assignment& a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("project"), a.projectKey},
            {QStringLiteral("person"), a.personEmail},
            {QStringLiteral("person_name"), a.personName},
            {QStringLiteral("role"), a.roleKey},
            {QStringLiteral("from"), a.from.toString(Qt::ISODate)},
            {QStringLiteral("to"), dateJson(a.to)},
            {QStringLiteral("allocation_percent"), a.allocationPercent},
            {QStringLiteral("version"), a.version}};
}

QJsonObject toJson(const RaciEntry& r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("project"), r.projectKey},
            {QStringLiteral("responsibility"), r.responsibilityKey},
            {QStringLiteral("person"), r.personEmail},
            {QStringLiteral("person_name"), r.personName},
            {QStringLiteral("kind"), jsonText(toString(r.kind))},
            {QStringLiteral("version"), r.version}};
}

QJsonObject toJson(const Role& r)
{
    return {{QStringLiteral("key"), r.key},
            {QStringLiteral("pack"), r.pack},
            {QStringLiteral("name"), r.name},
            {QStringLiteral("summary"), r.summary},
            {QStringLiteral("category"), r.category},
            {QStringLiteral("industry"),
             r.industry ? jsonText(toString(*r.industry)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("retired"), r.retired}};
}

QJsonObject toJson(const Responsibility& r)
{
    return {{QStringLiteral("key"), r.key},
            {QStringLiteral("role"), r.roleKey},
            {QStringLiteral("text"), r.text},
            {QStringLiteral("stage"), jsonText(toString(r.stage))},
            {QStringLiteral("required"), r.required},
            {QStringLiteral("retired"), r.retired}};
}

QJsonObject toJson(const Finding& f)
{
    return {{QStringLiteral("code"), qs(f.code)},
            {QStringLiteral("severity"), jsonText(toString(f.severity))},
            {QStringLiteral("project"), qs(f.projectKey)},
            {QStringLiteral("subject"), qs(f.subject)},
            {QStringLiteral("message"), qs(f.message)},
            {QStringLiteral("remedy"), qs(f.remedy)},
            {QStringLiteral("source"), qs(f.source)}};
}

QJsonObject toJson(const CoverageReport& report)
{
    QJsonArray projects;
    for (const std::string& key : report.projectKeys)
        projects.append(qs(key));
    return {{QStringLiteral("as_of"), report.asOf.toString(Qt::ISODate)},
            {QStringLiteral("projects_checked"), projects},
            {QStringLiteral("summary"),
             QJsonObject{{QStringLiteral("error"), report.count(Severity::Error)},
                         {QStringLiteral("warning"), report.count(Severity::Warning)},
                         {QStringLiteral("info"), report.count(Severity::Info)}}},
            {QStringLiteral("findings"), toJsonArray(report.findings)}};
}

QJsonObject toJson(const HistoryEntry& h)
{
    return {{QStringLiteral("id"), h.id},
            {QStringLiteral("at"), h.at.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("actor"), h.actor},
            {QStringLiteral("db_user"), h.dbUser},
            {QStringLiteral("table"), h.table},
            {QStringLiteral("key"), h.rowKey},
            {QStringLiteral("operation"), h.operation},
            {QStringLiteral("before"), parsedJson(h.before)},
            {QStringLiteral("after"), parsedJson(h.after)}};
}

} // namespace steward
