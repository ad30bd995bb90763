#include "demo/demo_generator_staging.h"

#include "db/database.h"
#include "error.h"
#include "io/copy_in.h"

#include <steward/builtin_keys.h>

#include <QSqlQuery>

#include <optional>

namespace steward::demo_generator {
namespace {

QString latin1(std::string_view s)
{
    return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size()));
}

std::optional<QString> date(const std::optional<QDate>& d)
{
    return d ? std::optional<QString>(d->toString(Qt::ISODate)) : std::nullopt;
}

QString arrayLiteral(const QStringList& items) // tags are plain slugs, no quoting needed
{
    return QLatin1Char('{') + items.join(QLatin1Char(',')) + QLatin1Char('}');
}

qint64 affected(QSqlQuery q)
{
    return q.numRowsAffected();
}

} // namespace

void stage(Database& db, const Organisation& org, const Catalog& catalog,
           const DemoGenerator::Progress& progress)
{
    const auto step = [&](const QString& what) {
        if (progress)
            progress(what);
    };
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_unit (ord integer PRIMARY KEY, name text, "
                           "parent_ord integer) ON COMMIT DROP"));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_person (ord integer PRIMARY KEY, email text, "
                           "name text, unit_ord integer, title text, external_id text, "
                           "active boolean) ON COMMIT DROP"));
    db.exec(QStringLiteral(
        "CREATE TEMP TABLE gen_project (ord integer PRIMARY KEY, key text, name text, "
        "description text, industry text, risk_tier text, stage text, status text, "
        "ai_act_role text, tags text[], owner_ord integer, start_date date, end_date date) "
        "ON COMMIT DROP"));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_assignment (ord integer, project_ord integer, "
                           "person_ord integer, role_key text, from_date date, to_date date, "
                           "allocation integer) ON COMMIT DROP"));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_raci (ord integer, project_ord integer, "
                           "responsibility_key text, person_ord integer, kind char(1)) "
                           "ON COMMIT DROP"));
    step(QStringLiteral("org units and people"));
    {
        CopyIn copy(db, QStringLiteral("COPY gen_unit (ord, name, parent_ord) FROM STDIN"));
        for (std::size_t i = 0; i < org.units.size(); ++i) {
            const GenUnit& u = org.units[i];
            copy.putRow(
                {QString::number(i), u.name,
                 u.parent < 0 ? std::nullopt : std::optional<QString>(QString::number(u.parent))});
        }
        copy.finish();
    }
    {
        CopyIn copy(db, QStringLiteral("COPY gen_person (ord, email, name, unit_ord, title, "
                                       "external_id, active) FROM STDIN"));
        for (std::size_t i = 0; i < org.people.size(); ++i) {
            const GenPerson& p = org.people[i];
            copy.putRow({QString::number(i), p.email, p.name, QString::number(p.unit), p.title,
                         QStringLiteral("GEN-%1").arg(i + 1, 6, 10, QLatin1Char('0')),
                         p.active ? QStringLiteral("t") : QStringLiteral("f")});
        }
        copy.finish();
    }
    step(QStringLiteral("projects and assignments"));
    {
        CopyIn copy(db, QStringLiteral("COPY gen_project (ord, key, name, description, industry, "
                                       "risk_tier, stage, status, ai_act_role, tags, owner_ord, "
                                       "start_date, end_date) FROM STDIN"));
        for (std::size_t i = 0; i < org.projects.size(); ++i) {
            const GenProject& p = org.projects[i];
            copy.putRow(
                {QString::number(i), p.key, p.name, p.description, latin1(toString(p.industry)),
                 latin1(toString(p.riskTier)), latin1(toString(p.stage)),
                 latin1(toString(p.status)), latin1(toString(p.aiActRole)), arrayLiteral(p.tags),
                 p.owner < 0 ? std::nullopt : std::optional<QString>(QString::number(p.owner)),
                 p.start.toString(Qt::ISODate), date(p.end)});
        }
        copy.finish();
    }
    {
        CopyIn copy(db, QStringLiteral("COPY gen_assignment (ord, project_ord, person_ord, "
                                       "role_key, from_date, to_date, allocation) FROM STDIN"));
        for (std::size_t i = 0; i < org.assignments.size(); ++i) {
            const GenAssignment& a = org.assignments[i];
            copy.putRow({QString::number(i), QString::number(a.project), QString::number(a.person),
                         catalog.roles[static_cast<std::size_t>(a.role)].key,
                         a.from.toString(Qt::ISODate), date(a.to), QString::number(a.allocation)});
        }
        copy.finish();
    }
    step(QStringLiteral("RACI entries"));
    {
        CopyIn copy(db, QStringLiteral("COPY gen_raci (ord, project_ord, responsibility_key, "
                                       "person_ord, kind) FROM STDIN"));
        for (std::size_t i = 0; i < org.raci.size(); ++i) {
            const GenRaci& r = org.raci[i];
            copy.putRow({QString::number(i), QString::number(r.project),
                         catalog.responsibilities[static_cast<std::size_t>(r.responsibility)].key,
                         QString::number(r.person), QString(QLatin1Char(r.kind))});
        }
        copy.finish();
    }
    db.exec(QStringLiteral("ANALYZE gen_unit, gen_person, gen_project, gen_assignment, gen_raci"));
}

GenerateResult insertStaged(Database& db, const DemoGenerator::Progress& progress)
{
    GenerateResult result;
    const auto step = [&](const QString& what) {
        if (progress)
            progress(what);
    };
    step(QStringLiteral("writing org units and people"));
    result.orgUnits = affected(db.exec(QStringLiteral(
        "INSERT INTO org_unit (name) SELECT name FROM gen_unit WHERE parent_ord IS NULL "
        "ORDER BY ord")));
    result.orgUnits += affected(db.exec(QStringLiteral(
        "INSERT INTO org_unit (name, parent_id) SELECT g.name, u.id FROM gen_unit g "
        "JOIN gen_unit p ON p.ord = g.parent_ord JOIN org_unit u ON lower(u.name) = lower(p.name) "
        "ORDER BY g.ord")));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_unit_id ON COMMIT DROP AS SELECT g.ord, u.id "
                           "FROM gen_unit g JOIN org_unit u ON lower(u.name) = lower(g.name)"));
    result.people = affected(db.exec(QStringLiteral(
        "INSERT INTO person (email, name, org_unit_id, title, external_id, active) "
        "SELECT g.email, g.name, u.id, g.title, g.external_id, g.active FROM gen_person g "
        "LEFT JOIN gen_unit_id u ON u.ord = g.unit_ord ORDER BY g.ord")));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_person_id ON COMMIT DROP AS SELECT g.ord, p.id "
                           "FROM gen_person g JOIN person p ON lower(p.email) = lower(g.email)"));
    db.exec(QStringLiteral("ALTER TABLE gen_person_id ADD PRIMARY KEY (ord)"));
    step(QStringLiteral("writing projects and assignments"));
    result.projects = affected(db.exec(QStringLiteral(
        "INSERT INTO project (key, name, description, industry, risk_tier, stage, status, "
        "ai_act_role, tags, owner_id, start_date, end_date) SELECT g.key, g.name, g.description, "
        "g.industry, g.risk_tier, g.stage, g.status, g.ai_act_role, g.tags, o.id, g.start_date, "
        "g.end_date FROM gen_project g LEFT JOIN gen_person_id o ON o.ord = g.owner_ord "
        "ORDER BY g.ord")));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_project_id ON COMMIT DROP AS SELECT g.ord, p.id "
                           "FROM gen_project g JOIN project p ON p.key = g.key"));
    db.exec(QStringLiteral("ALTER TABLE gen_project_id ADD PRIMARY KEY (ord)"));
    db.exec(QStringLiteral("ANALYZE gen_person_id, gen_project_id"));
    result.assignments = affected(db.exec(QStringLiteral(
        "INSERT INTO assignment (project_id, person_id, role_key, from_date, to_date, "
        "allocation_percent) SELECT pr.id, pe.id, g.role_key, g.from_date, g.to_date, "
        "g.allocation FROM gen_assignment g JOIN gen_project_id pr ON pr.ord = g.project_ord "
        "JOIN gen_person_id pe ON pe.ord = g.person_ord ORDER BY g.ord")));
    step(QStringLiteral("writing RACI entries"));
    result.raciEntries = affected(db.exec(
        QStringLiteral("INSERT INTO raci_entry (project_id, responsibility_key, person_id, kind) "
                       "SELECT pr.id, g.responsibility_key, pe.id, g.kind FROM gen_raci g "
                       "JOIN gen_project_id pr ON pr.ord = g.project_ord "
                       "JOIN gen_person_id pe ON pe.ord = g.person_ord ORDER BY g.ord")));
    step(QStringLiteral("writing qualification records"));
    // Everyone but one in two hundred took the AI-literacy course in the 20 months before the
    // reference day, and whoever answers for human oversight its training in the 3 months before;
    // chosen by the e-mail address, so the same people on every machine.
    result.qualificationRecords = affected(db.exec(
        QStringLiteral(
            "INSERT INTO qualification_record (person_id, qualification_key, completed_on) SELECT "
            "p.id, ?, ?::date - 30 - ((('x' || substr(md5(p.email), 1, 7))::bit(28)::int) % 570) "
            "FROM person p WHERE (('x' || substr(md5(p.email), 8, 4))::bit(16)::int) % 200 <> 0 "
            "ORDER BY p.email COLLATE \"C\""),
        {QString::fromLatin1(builtin::qualifications::kAiLiteracyBasics.data(),
                             builtin::qualifications::kAiLiteracyBasics.size()),
         kReferenceDay}));
    result.qualificationRecords += affected(db.exec(
        QStringLiteral("INSERT INTO qualification_record (person_id, qualification_key, "
                       "completed_on) SELECT DISTINCT r.person_id, ?, ?::date - 90 FROM raci_entry "
                       "r WHERE r.responsibility_key = ? AND r.kind IN ('A', 'R')"),
        {QString::fromLatin1(builtin::qualifications::kHumanOversightOfHighRiskAi.data(),
                             builtin::qualifications::kHumanOversightOfHighRiskAi.size()),
         kReferenceDay,
         QString::fromLatin1(builtin::responsibilities::kHumanOversight.data(),
                             builtin::responsibilities::kHumanOversight.size())}));
    return result;
}

void setHistoryTriggers(Database& db, bool enabled)
{
    for (const char* table : kGeneratedTables) {
        const QString name = QString::fromLatin1(table);
        try {
            db.exec(QStringLiteral("ALTER TABLE %1 %2 TRIGGER %1_history")
                        .arg(name, enabled ? QStringLiteral("ENABLE") : QStringLiteral("DISABLE")));
        } catch (const Error& e) {
            throw Error(e.kind(),
                        QStringLiteral("generating an organisation writes its history in bulk, "
                                       "which needs the owner of the Steward tables: %1")
                            .arg(e.message()));
        }
    }
}

} // namespace steward::demo_generator
