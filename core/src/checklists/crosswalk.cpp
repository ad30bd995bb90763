#include "checklists/crosswalk.h"

#include "checklists/checklist_file.h"
#include "db/database.h"
#include "domain/records.h"
#include "error.h"

#include <QSqlQuery>

#include <map>
#include <set>
#include <tuple>

namespace steward {
namespace {

// Both directions of every mapping, as "mine, other, relation of other to mine".
const char* const kLinks =
    "links AS (SELECT source_checklist AS mine_c, source_item AS mine_i, "
    "target_checklist AS other_c, target_item AS other_i, "
    "CASE relation WHEN 'subset' THEN 'superset' WHEN 'superset' THEN 'subset' "
    "ELSE relation END AS rel, rationale FROM checklist_mapping UNION ALL "
    "SELECT target_checklist, target_item, source_checklist, source_item, relation, rationale "
    "FROM checklist_mapping)";

} // namespace

CrosswalkImportResult importCrosswalk(Database& db, const CrosswalkFile& file)
{
    QStringList problems = file.problems;
    // The items of every checklist's current version.
    std::map<QString, std::set<QString>> items;
    QSqlQuery q =
        db.exec(QStringLiteral("SELECT c.key, i.item_id FROM checklist c JOIN checklist_item i "
                               "ON i.version_id = c.current_version_id"));
    while (q.next())
        items[q.value(0).toString()].insert(q.value(1).toString());
    std::map<std::tuple<QString, QString, QString, QString>, int> seen;
    for (const ChecklistMapping& m : file.mappings) {
        const auto at = [&](const QString& message) {
            problems << QStringLiteral("%1:%2: %3").arg(file.path).arg(m.line).arg(message);
        };
        for (const auto& [checklist, item] : {std::pair{m.sourceChecklist, m.sourceItem},
                                              std::pair{m.targetChecklist, m.targetItem}}) {
            const auto it = items.find(checklist);
            if (checklist.isEmpty())
                continue;
            if (it == items.end())
                at(QStringLiteral("there is no checklist %1 (see `steward checklist list`)")
                       .arg(checklist));
            else if (!item.isEmpty() && !it->second.count(item))
                at(QStringLiteral("checklist %1 has no item %2").arg(checklist, item));
        }
        const auto key =
            std::tuple{m.sourceChecklist, m.sourceItem, m.targetChecklist, m.targetItem};
        if (const auto [it, added] = seen.emplace(key, m.line); !added)
            at(QStringLiteral("%1 -> %2 is already mapped on line %3")
                   .arg(m.sourceItem, m.targetItem)
                   .arg(it->second));
    }
    if (!problems.isEmpty())
        throw validationError(QStringLiteral("%1 is not imported: %2")
                                  .arg(file.path, counted(problems.size(), "problem")),
                              problems);

    CrosswalkImportResult result;
    Transaction tx(db);
    for (const ChecklistMapping& m : file.mappings) {
        QSqlQuery existing = db.exec(
            QStringLiteral("SELECT relation, rationale, crosswalk FROM checklist_mapping WHERE "
                           "source_checklist = ? AND source_item = ? AND target_checklist = ? "
                           "AND target_item = ?"),
            {m.sourceChecklist, m.sourceItem, m.targetChecklist, m.targetItem});
        if (!existing.next()) {
            db.exec(QStringLiteral("INSERT INTO checklist_mapping (source_checklist, source_item, "
                                   "target_checklist, target_item, relation, rationale, "
                                   "crosswalk) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {m.sourceChecklist, m.sourceItem, m.targetChecklist, m.targetItem, m.relation,
                     m.rationale, file.name});
            ++result.added;
        } else if (existing.value(0).toString() != m.relation ||
                   existing.value(1).toString() != m.rationale ||
                   existing.value(2).toString() != file.name) {
            db.exec(QStringLiteral("UPDATE checklist_mapping SET relation = ?, rationale = ?, "
                                   "crosswalk = ? WHERE source_checklist = ? AND source_item = ? "
                                   "AND target_checklist = ? AND target_item = ?"),
                    {m.relation, m.rationale, file.name, m.sourceChecklist, m.sourceItem,
                     m.targetChecklist, m.targetItem});
            ++result.changed;
        } else {
            ++result.unchanged;
        }
    }
    tx.commit();
    return result;
}

QString MappedEvidenceOffer::sentence() const
{
    return QStringLiteral("%1 backs %2 %3 in audit %4 (%5: %6): attach it to %7 here too?")
        .arg(evidenceLocation, fromChecklist, fromItemId)
        .arg(fromAuditId)
        .arg(relation, rationale, itemId);
}

std::vector<MappedEvidenceOffer> mappedEvidenceOffers(Database& db, qint64 auditId)
{
    QSqlQuery q = db.exec(
        QStringLiteral(
            "WITH mine AS (SELECT ai.id AS audit_item_id, ci.item_id, cv.checklist_key, "
            "a.project_id FROM audit a JOIN audit_item ai ON ai.audit_id = a.id "
            "JOIN checklist_item ci ON ci.id = ai.checklist_item_id "
            "JOIN checklist_version cv ON cv.id = a.checklist_version_id WHERE a.id = ?), ") +
            QLatin1String(kLinks) +
            QStringLiteral(
                " SELECT m.audit_item_id, m.item_id, oa.id, k.other_c, k.other_i, k.rel, "
                "k.rationale, e.id, e.kind, e.location, e.description FROM mine m "
                "JOIN links k ON k.mine_c = m.checklist_key AND k.mine_i = m.item_id "
                "JOIN audit oa ON oa.project_id = m.project_id AND oa.id <> ? "
                "JOIN checklist_version ov ON ov.id = oa.checklist_version_id "
                "AND ov.checklist_key = k.other_c "
                "JOIN checklist_item oci ON oci.version_id = ov.id AND oci.item_id = k.other_i "
                "JOIN audit_item oai ON oai.audit_id = oa.id AND oai.checklist_item_id = oci.id "
                "JOIN audit_item_evidence ae ON ae.audit_item_id = oai.id "
                "JOIN evidence e ON e.id = ae.evidence_id "
                // The same document attached here already (another row, same place and hash) is not
                // offered again.
                "WHERE NOT EXISTS (SELECT FROM audit_item_evidence h JOIN evidence he ON he.id = "
                "h.evidence_id WHERE h.audit_item_id = m.audit_item_id AND (he.id = e.id OR "
                "(he.location = e.location AND he.sha256 IS NOT DISTINCT FROM e.sha256))) "
                "ORDER BY m.audit_item_id, oa.id, e.id"),
        {auditId, auditId});
    std::vector<MappedEvidenceOffer> offers;
    while (q.next())
        offers.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                          q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                          q.value(6).toString(), q.value(7).toLongLong(), q.value(8).toString(),
                          q.value(9).toString(), q.value(10).toString()});
    return offers;
}

std::vector<FrameworkCoverage> crossFrameworkCoverage(Database& db, const QString& projectKey)
{
    QSqlQuery p = db.exec(QStringLiteral("SELECT id FROM project WHERE key = ?"), {projectKey});
    if (!p.next())
        throw notFoundError(QStringLiteral("there is no project %1").arg(projectKey));
    QSqlQuery q = db.exec(
        QStringLiteral(
            "WITH latest AS (SELECT DISTINCT ON (cv.checklist_key) a.id AS audit_id, "
            "cv.checklist_key, cv.title FROM audit a JOIN checklist_version cv "
            "ON cv.id = a.checklist_version_id WHERE a.project_id = ? "
            "ORDER BY cv.checklist_key, a.id DESC), "
            "results AS (SELECT l.checklist_key, l.title, l.audit_id, ci.item_id, ci.position, "
            "ai.result FROM latest l JOIN audit_item ai ON ai.audit_id = l.audit_id "
            "JOIN checklist_item ci ON ci.id = ai.checklist_item_id), ") +
            QLatin1String(kLinks) +
            QStringLiteral(
                " SELECT r.checklist_key, r.title, r.audit_id, r.item_id, r.result, "
                "o.checklist_key, o.item_id, o.audit_id, k.rel FROM results r "
                "LEFT JOIN links k ON k.mine_c = r.checklist_key AND k.mine_i = r.item_id "
                "LEFT JOIN results o ON o.checklist_key = k.other_c AND o.item_id = k.other_i "
                "AND o.result = 'satisfied' "
                "ORDER BY r.checklist_key, r.position, o.checklist_key, o.item_id"),
        {p.value(0)});
    std::vector<FrameworkCoverage> result;
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (result.empty() || result.back().checklistKey != key)
            result.push_back({key, q.value(1).toString(), q.value(2).toLongLong(), 0, 0, 0, 0, {}});
        FrameworkCoverage& c = result.back();
        const QString itemId = q.value(3).toString();
        if (c.items.empty() || c.items.back().itemId != itemId)
            c.items.push_back({itemId,
                               q.value(4).toString() == QLatin1String("satisfied")
                                   ? QStringLiteral("direct")
                                   : QStringLiteral("open"),
                               {}});
        FrameworkCoverageItem& item = c.items.back();
        if (item.status == QLatin1String("direct") || q.value(5).isNull())
            continue;
        // Through a mapped item: wholly when the other asks at least as much, partly otherwise.
        const QString rel = q.value(8).toString();
        const bool whole = rel == QLatin1String("equal") || rel == QLatin1String("superset");
        const QString through = QStringLiteral("%1 %2 (audit %3, %4)")
                                    .arg(q.value(5).toString(), q.value(6).toString())
                                    .arg(q.value(7).toLongLong())
                                    .arg(rel);
        if (whole && item.status != QLatin1String("mapped")) {
            item.status = QStringLiteral("mapped");
            item.through = through;
        } else if (item.status == QLatin1String("open")) {
            item.status = QStringLiteral("partly");
            item.through = through;
        }
    }
    for (FrameworkCoverage& c : result)
        for (const FrameworkCoverageItem& i : c.items)
            (i.status == QLatin1String("direct")   ? c.direct
             : i.status == QLatin1String("mapped") ? c.mapped
             : i.status == QLatin1String("partly") ? c.partly
                                                   : c.open)++;
    return result;
}

} // namespace steward
