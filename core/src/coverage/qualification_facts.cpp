#include "coverage/qualification_facts.h"

#include "coverage/staffing_loader.h"
#include "db/database.h"

#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

namespace steward {
namespace {

QString idArray(const std::set<std::int64_t>& ids)
{
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(ids.size()));
    for (std::int64_t id : ids)
        parts << QString::number(id);
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

struct StoredRequirement {
    std::int64_t projectId = 0; // 0: the catalogue's
    QualificationRequirementInfo info;
};

} // namespace

void addQualificationFacts(Database& db, const std::vector<ProjectStaffing*>& snapshots,
                           const QDate& asOf)
{
    if (snapshots.empty())
        return;
    std::set<std::int64_t> personIds;
    std::set<std::int64_t> projectIds;
    for (const ProjectStaffing* s : snapshots) {
        projectIds.insert(s->project.id);
        for (const PersonInfo& p : s->people)
            personIds.insert(p.id);
    }

    // Several valid completions of one qualification count as the one that lasts longest.
    std::unordered_map<std::int64_t, std::vector<HeldQualification>> held;
    if (!personIds.empty()) {
        QSqlQuery q = db.exec(
            QStringLiteral(
                "SELECT r.person_id, r.qualification_key, CASE WHEN bool_or(r.expires_on IS NULL) "
                "THEN NULL ELSE max(r.expires_on) END FROM qualification_record r WHERE "
                "r.person_id = ANY (?::bigint[]) AND r.completed_on <= ?::date AND (r.expires_on "
                "IS NULL OR r.expires_on > ?::date) GROUP BY r.person_id, r.qualification_key "
                "ORDER BY r.person_id, r.qualification_key COLLATE \"C\""),
            {idArray(personIds), asOf, asOf});
        while (q.next()) {
            HeldQualification h{sqlText(q.value(1)), std::nullopt};
            if (!q.value(2).isNull())
                h.expiresOn = toDate(q.value(2).toDate());
            held[q.value(0).toLongLong()].push_back(std::move(h));
        }
    }
    for (ProjectStaffing* s : snapshots)
        for (PersonInfo& p : s->people)
            if (const auto it = held.find(p.id); it != held.end())
                p.qualifications = it->second;

    // Requirements of retired qualifications, roles or responsibilities no longer apply.
    std::vector<StoredRequirement> requirements;
    QSqlQuery q = db.exec(
        QStringLiteral(
            "SELECT coalesce(qr.project_id, 0), qr.qualification_key, ql.name, "
            "coalesce(qr.role_key, ''), coalesce(qr.responsibility_key, '') FROM "
            "qualification_requirement qr JOIN qualification ql ON ql.key = qr.qualification_key "
            "LEFT JOIN role ro ON ro.key = qr.role_key LEFT JOIN responsibility re ON re.key = "
            "qr.responsibility_key WHERE ql.retired_at IS NULL AND ro.retired_at IS NULL AND "
            "re.retired_at IS NULL AND (qr.project_id IS NULL OR qr.project_id = ANY "
            "(?::bigint[]))"),
        {idArray(projectIds)});
    while (q.next()) {
        StoredRequirement r;
        r.projectId = q.value(0).toLongLong();
        r.info.qualificationKey = sqlText(q.value(1));
        r.info.qualificationName = sqlText(q.value(2));
        r.info.roleKey = sqlText(q.value(3));
        r.info.responsibilityKey = sqlText(q.value(4));
        r.info.projectOwn = r.projectId != 0;
        requirements.push_back(std::move(r));
    }
    if (requirements.empty())
        return;
    for (ProjectStaffing* s : snapshots) {
        std::set<std::string> roles;
        std::set<std::string> duties;
        for (const AssignmentInfo& a : s->assignments)
            roles.insert(a.roleKey);
        for (const ResponsibilityInfo& r : s->responsibilities) {
            roles.insert(r.roleKey);
            duties.insert(r.key);
        }
        for (const StoredRequirement& r : requirements) {
            const bool everyone = r.info.roleKey.empty() && r.info.responsibilityKey.empty();
            const bool applies =
                r.info.projectOwn
                    ? r.projectId == s->project.id
                    : everyone || (!r.info.roleKey.empty() && roles.count(r.info.roleKey)) ||
                          (!r.info.responsibilityKey.empty() &&
                           duties.count(r.info.responsibilityKey));
            if (applies)
                s->qualificationRequirements.push_back(r.info);
        }
        std::sort(s->qualificationRequirements.begin(), s->qualificationRequirements.end(),
                  [](const QualificationRequirementInfo& a, const QualificationRequirementInfo& b) {
                      return std::tie(a.qualificationKey, a.roleKey, a.responsibilityKey,
                                      a.projectOwn) < std::tie(b.qualificationKey, b.roleKey,
                                                               b.responsibilityKey, b.projectOwn);
                  });
    }
}

} // namespace steward
