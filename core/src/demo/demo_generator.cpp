// The `steward demo generate` service: the checks before anything is written, the transaction
// around the bulk path, the summary history entries that replace the per-row ones, and the
// content checksum. What is generated is decided in demo_generator_organisation.cpp and written in
// demo_generator_staging.cpp.
#include "demo/demo_generator.h"

#include "catalog/builtin_catalogue.h"
#include "db/database.h"
#include "demo/demo_generator_organisation.h"
#include "demo/demo_generator_staging.h"
#include "error.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <map>

namespace steward {

using namespace demo_generator;

namespace {

Catalog readCatalog(Database& db)
{
    Catalog catalog;
    std::map<QString, int> roleIndex;
    QSqlQuery roles = db.exec(QStringLiteral("SELECT key, name, category FROM role WHERE pack = ? "
                                             "AND retired_at IS NULL ORDER BY position, key"),
                              {QString::fromLatin1(kBuiltinPackKey)});
    while (roles.next()) {
        roleIndex[roles.value(0).toString()] = static_cast<int>(catalog.roles.size());
        catalog.roles.push_back(
            {roles.value(0).toString(), roles.value(1).toString(), roles.value(2).toString(), {}});
    }
    QSqlQuery resps = db.exec(
        QStringLiteral(
            "SELECT r.key, r.role_key, r.required FROM responsibility r JOIN role ro ON ro.key = "
            "r.role_key WHERE ro.pack = ? AND ro.retired_at IS NULL AND r.retired_at IS NULL "
            "ORDER BY ro.position, ro.key, r.position, r.key"),
        {QString::fromLatin1(kBuiltinPackKey)});
    while (resps.next()) {
        const int role = roleIndex.at(resps.value(1).toString());
        catalog.roles[static_cast<std::size_t>(role)].responsibilities.push_back(
            static_cast<int>(catalog.responsibilities.size()));
        catalog.responsibilities.push_back(
            {resps.value(0).toString(), role, resps.value(2).toBool()});
    }
    if (catalog.roles.empty() || catalog.responsibilities.empty())
        throw conflictError(QStringLiteral("the built-in role catalogue is missing; run 'steward "
                                           "db migrate' before generating an organisation"));
    return catalog;
}
} // namespace

std::optional<GeneratedSize> parseGeneratedSize(const QString& text)
{
    if (text == QLatin1String("small"))
        return GeneratedSize::Small;
    if (text == QLatin1String("medium"))
        return GeneratedSize::Medium;
    if (text == QLatin1String("large"))
        return GeneratedSize::Large;
    return std::nullopt;
}

QString toString(GeneratedSize size)
{
    switch (size) {
    case GeneratedSize::Small:
        return QStringLiteral("small");
    case GeneratedSize::Medium:
        return QStringLiteral("medium");
    case GeneratedSize::Large:
        return QStringLiteral("large");
    }
    return {};
}

GeneratedShape shapeOf(GeneratedSize size)
{
    switch (size) {
    case GeneratedSize::Small:
        return {10, 500, 25, 200};
    case GeneratedSize::Medium:
        return {100, 10'000, 500, 200};
    case GeneratedSize::Large:
        return {500, 100'000, 5'000, 200};
    }
    return {};
}

GenerateResult DemoGenerator::generate(Database& db, GeneratedSize size, std::uint64_t seed,
                                       const Progress& progress)
{
    Transaction tx(db);
    // The same lock as the hand-written demo's loader: neither mixes with the other.
    db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('steward.demo-load'))"));
    {
        QSqlQuery q = db.exec(QStringLiteral(
            "SELECT EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM project)"));
        q.next();
        if (q.value(0).toBool())
            throw conflictError(QStringLiteral(
                "the database already holds data; an organisation is generated only into an "
                "empty database (create a new one, or point Steward at another with --database)"));
    }
    const Catalog catalog = readCatalog(db);
    if (progress)
        progress(QStringLiteral("generating"));
    const Organisation org = generateOrganisation(catalog, shapeOf(size), seed);
    stage(db, org, catalog, progress);

    setHistoryTriggers(db, false);
    const GenerateResult result = insertStaged(db, progress);
    setHistoryTriggers(db, true);

    const std::map<const char*, qint64> rows = {
        {"org_unit", result.orgUnits},      {"person", result.people},
        {"project", result.projects},       {"assignment", result.assignments},
        {"raci_entry", result.raciEntries}, {"qualification_record", result.qualificationRecords}};
    for (const char* table : kGeneratedTables) {
        const QJsonObject after{{QStringLiteral("generated"), toString(size)},
                                {QStringLiteral("seed"), QString::number(seed)},
                                {QStringLiteral("rows"), rows.at(table)}};
        db.exec(QStringLiteral("INSERT INTO history (actor, table_name, row_key, operation, "
                               "after, prev_hash, hash) VALUES (steward_actor(), ?, ?, 'INSERT', "
                               "?::jsonb, '\\x', '\\x')"),
                {QString::fromLatin1(table),
                 QStringLiteral("generated:%1:%2").arg(toString(size)).arg(seed),
                 QString::fromUtf8(QJsonDocument(after).toJson(QJsonDocument::Compact))});
    }
    if (progress)
        progress(QStringLiteral("analysing"));
    db.exec(QStringLiteral(
        "ANALYZE org_unit, person, project, assignment, raci_entry, qualification_record"));
    tx.commit();
    return result;
}

QString DemoGenerator::contentChecksum(Database& db)
{
    // Row texts in byte order (COLLATE "C"), so that neither ids nor the server's locale matter.
    QSqlQuery q = db.exec(QStringLiteral(
        "SELECT encode(sha256(convert_to(concat_ws(E'\\n',"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(u.name, p.name)::text AS t FROM org_unit u "
        "LEFT JOIN org_unit p ON p.id = u.parent_id) x)::text,"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(p.email, p.name, u.name, p.title, p.external_id, "
        "p.active)::text "
        "AS t FROM person p LEFT JOIN org_unit u ON u.id = p.org_unit_id) x)::text,"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(p.key, p.name, p.description, p.industry, p.risk_tier, p.stage, "
        "p.status, p.ai_act_role, p.tags, o.email, to_char(p.start_date, 'YYYY-MM-DD'), "
        "to_char(p.end_date, 'YYYY-MM-DD'))::text AS t "
        "FROM project p LEFT JOIN person o ON o.id = p.owner_id) x)::text,"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(pr.key, pe.email, a.role_key, to_char(a.from_date, "
        "'YYYY-MM-DD'), to_char(a.to_date, 'YYYY-MM-DD'), "
        "a.allocation_percent)::text AS t FROM assignment a JOIN project pr ON pr.id = "
        "a.project_id JOIN person pe ON pe.id = a.person_id) x)::text,"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(pr.key, r.responsibility_key, pe.email, r.kind)::text AS t "
        "FROM raci_entry r JOIN project pr ON pr.id = r.project_id JOIN person pe ON pe.id = "
        "r.person_id) x)::text,"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(pe.email, q.qualification_key, to_char(q.completed_on, "
        "'YYYY-MM-DD'), to_char(q.expires_on, 'YYYY-MM-DD'))::text AS t FROM "
        "qualification_record q JOIN person pe ON pe.id = q.person_id) x)::text), 'UTF8')), "
        "'hex')"));
    q.next();
    return q.value(0).toString();
}

} // namespace steward
