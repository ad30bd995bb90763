#include "io/csv_export.h"

#include "coverage/staffing_loader.h"
#include "db/database.h"
#include "domain/records.h"
#include "error.h"
#include "io/csv.h"

#include <QDate>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace steward {
namespace {

// A forward-only query: rows stream from the server instead of being cached twice in memory.
QSqlQuery streamQuery(Database& db, const QString& statement, const QVariantList& params = {})
{
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.prepare(statement))
        throwDatabaseError(q.lastError(), QStringLiteral("exporting"));
    for (const QVariant& p : params)
        q.addBindValue(p);
    if (!q.exec())
        throwDatabaseError(q.lastError(), QStringLiteral("exporting"));
    return q;
}

void requireProject(Database& db, const QString& key)
{
    if (!db.exec(QStringLiteral("SELECT 1 FROM project WHERE key = ?"), {key}).next())
        throw notFoundError(QStringLiteral("no project with key %1").arg(key));
}

QString qstr(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

qint64 exportPeople(Database& db, QIODevice* out)
{
    CsvWriter csv(out);
    csv.writeRow({QStringLiteral("email"), QStringLiteral("name"), QStringLiteral("org_unit"),
                  QStringLiteral("title"), QStringLiteral("external_id"),
                  QStringLiteral("active")});
    QSqlQuery q = streamQuery(
        db, QStringLiteral("SELECT p.email, p.name, coalesce(u.name, ''), p.title, "
                           "coalesce(p.external_id, ''), p.active FROM person p LEFT JOIN org_unit "
                           "u ON u.id = p.org_unit_id ORDER BY lower(p.email)"));
    qint64 rows = 0;
    while (q.next()) {
        csv.writeRow({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString(), q.value(4).toString(),
                      q.value(5).toBool() ? QStringLiteral("true") : QStringLiteral("false")});
        ++rows;
    }
    return rows;
}

qint64 exportAssignments(Database& db, QIODevice* out, const QString& projectKey)
{
    if (!projectKey.isEmpty())
        requireProject(db, projectKey);
    CsvWriter csv(out);
    csv.writeRow({QStringLiteral("email"), QStringLiteral("project"), QStringLiteral("role"),
                  QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("allocation")});
    const QString filter = projectKey.isEmpty() ? QString() : QStringLiteral("WHERE pr.key = ? ");
    const QVariantList params = projectKey.isEmpty() ? QVariantList() : QVariantList{projectKey};
    QSqlQuery q = streamQuery(
        db,
        QStringLiteral("SELECT pe.email, pr.key, a.role_key, a.from_date, a.to_date, "
                       "a.allocation_percent FROM assignment a JOIN person pe ON pe.id = "
                       "a.person_id JOIN project pr ON pr.id = a.project_id %1"
                       "ORDER BY pr.key, a.role_key, lower(pe.email), a.from_date")
            .arg(filter),
        params);
    qint64 rows = 0;
    while (q.next()) {
        const QVariant to = q.value(4);
        csv.writeRow({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toDate().toString(Qt::ISODate),
                      to.isNull() ? QString() : to.toDate().toString(Qt::ISODate),
                      QString::number(q.value(5).toInt())});
        ++rows;
    }
    return rows;
}

qint64 exportQualificationRecords(Database& db, QIODevice* out, const QString& qualificationKey)
{
    CsvWriter csv(out);
    csv.writeRow({QStringLiteral("email"), QStringLiteral("qualification"),
                  QStringLiteral("completed_on"), QStringLiteral("expires_on"),
                  QStringLiteral("external_id"), QStringLiteral("evidence_url"),
                  QStringLiteral("note")});
    const QString filter =
        qualificationKey.isEmpty() ? QString() : QStringLiteral("WHERE r.qualification_key = ? ");
    const QVariantList params =
        qualificationKey.isEmpty() ? QVariantList() : QVariantList{qualificationKey};
    QSqlQuery q = streamQuery(
        db,
        QStringLiteral("SELECT p.email, r.qualification_key, r.completed_on, r.expires_on, "
                       "coalesce(r.external_id, ''), CASE WHEN r.evidence_kind = 'url' THEN "
                       "r.evidence_location ELSE '' END, r.note FROM qualification_record r JOIN "
                       "person p ON p.id = r.person_id %1ORDER BY lower(p.email), "
                       "r.qualification_key, r.completed_on")
            .arg(filter),
        params);
    qint64 rows = 0;
    while (q.next()) {
        const QVariant expires = q.value(3);
        csv.writeRow({q.value(0).toString(), q.value(1).toString(),
                      q.value(2).toDate().toString(Qt::ISODate),
                      expires.isNull() ? QString() : expires.toDate().toString(Qt::ISODate),
                      q.value(4).toString(), q.value(5).toString(), q.value(6).toString()});
        ++rows;
    }
    return rows;
}

qint64 exportRaciMatrix(Database& db, const QString& projectKey, QIODevice* out)
{
    // The loader decides which responsibilities the project must cover, as the coverage check does.
    const ProjectStaffing staffing = StaffingLoader(db).load(projectKey, QDate::currentDate());
    std::set<std::string> rolesHeld;
    for (const AssignmentInfo& a : staffing.assignments)
        rolesHeld.insert(a.roleKey);
    std::map<std::string, bool> listed; // key -> required on this project
    for (const ResponsibilityInfo& r : staffing.responsibilities)
        listed.emplace(r.key, r.required);

    std::vector<PersonInfo> people = staffing.people;
    std::sort(people.begin(), people.end(), [](const PersonInfo& a, const PersonInfo& b) {
        const int byName = QString::localeAwareCompare(qstr(a.name), qstr(b.name));
        return byName != 0 ? byName < 0 : a.email < b.email;
    });
    // letters[responsibility][person id] in the order A, R, C, I.
    std::map<std::string, std::map<std::int64_t, QStringList>> letters;
    for (const RaciKind kind :
         {RaciKind::Accountable, RaciKind::Responsible, RaciKind::Consulted, RaciKind::Informed}) {
        for (const RaciInfo& e : staffing.raci)
            if (e.kind == kind)
                letters[e.responsibilityKey][e.personId] << qs(toString(kind));
    }

    CsvWriter csv(out);
    QStringList header{QStringLiteral("responsibility"), QStringLiteral("text"),
                       QStringLiteral("role"), QStringLiteral("stage"), QStringLiteral("required")};
    for (const PersonInfo& p : people)
        header << QStringLiteral("%1 <%2>").arg(qstr(p.name), qstr(p.email));
    csv.writeRow(header);

    // The catalogue is small; reading it whole keeps its order without a query per role.
    QSqlQuery q = db.exec(QStringLiteral(
        "SELECT r.key, r.text, r.role_key, r.stage, r.retired_at IS NULL FROM responsibility r "
        "JOIN role ro ON ro.key = r.role_key ORDER BY ro.position, r.role_key, r.position, r.key"));
    qint64 rows = 0;
    while (q.next()) {
        const std::string key = q.value(0).toString().toStdString();
        const auto it = listed.find(key);
        const bool ofHeldRole =
            q.value(4).toBool() && rolesHeld.count(q.value(2).toString().toStdString());
        if (it == listed.end() && !ofHeldRole)
            continue;
        const bool required = it != listed.end() && it->second;
        QStringList row{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(),
                        required ? QStringLiteral("yes") : QStringLiteral("no")};
        const auto cells = letters.find(key);
        for (const PersonInfo& p : people) {
            QString cell;
            if (cells != letters.end())
                if (const auto held = cells->second.find(p.id); held != cells->second.end())
                    cell = held->second.join(QLatin1Char('/'));
            row << cell;
        }
        csv.writeRow(row);
        ++rows;
    }
    return rows;
}

} // namespace steward
