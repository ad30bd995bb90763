#include "coverage/organisation_check.h"

#include "coverage/core_rules.h"
#include "coverage/partial_staffing.h"
#include "coverage/staffing_loader.h"
#include "db/database.h"
#include "error.h"
#include "plugins/pluginhost.h"
#include "services/coverage_service.h"

#include <steward/builtin_keys.h>

#include <QStringList>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace steward {
namespace {

// What can give each core rule a finding, as picks (see PartialStaffingReader). `?` is the day.
struct CorePicks {
    const char* rule;
    std::vector<QString> statements;
    int dayParameters;           // how many `?` each statement has (all the day)
    bool qualifications = false; // the rule reads people's qualifications (RuleInputs)
};

std::vector<CorePicks> corePicks()
{
    return {
        // A required duty lacking its Accountable or every Responsible entry (a zero in
        // raci_tally), with the entries it has. (Two Accountable entries cannot be stored: the
        // index raci_one_accountable.)
        {"raci-shape",
         {QStringLiteral("INSERT INTO cov_pick_resp (project_id, key) WITH gap AS MATERIALIZED ("
                         "SELECT t.project_id, t.responsibility_key FROM raci_tally t WHERE "
                         "t.accountable = 0 OR t.responsible = 0) SELECT s.id, r.key FROM gap t "
                         "JOIN cov_scope s ON s.id = t.project_id JOIN responsibility r ON r.key = "
                         "t.responsibility_key JOIN role ro ON ro.key = r.role_key WHERE ") +
              requiredOnProjectSql(),
          QStringLiteral("INSERT INTO cov_pick_raci SELECT ") + raciPickColumns() +
              QStringLiteral(" FROM cov_pick_resp k JOIN raci_entry e ON e.project_id = "
                             "k.project_id AND e.responsibility_key = k.key WHERE e.kind IN "
                             "('A', 'R')")},
         0},
        // Responsible and Accountable entries of people whose assignments to the duty's role on
        // the project do not cover the day (raci_role_tally).
        {"raci-role",
         {QStringLiteral(
              "INSERT INTO cov_pick_raci WITH unheld AS MATERIALIZED (SELECT t.project_id, "
              "t.person_id, t.role_key FROM raci_role_tally t JOIN cov_scope s ON s.id = "
              "t.project_id WHERE t.entries > 0 AND NOT t.held @> ?::date) SELECT ") +
          raciPickColumns() +
          QStringLiteral(
              " FROM unheld u JOIN raci_entry e ON e.person_id = u.person_id AND e.project_id = "
              "u.project_id "
              "JOIN responsibility r ON r.key = e.responsibility_key AND r.role_key = u.role_key "
              "WHERE e.kind IN ('A', 'R')")},
         1},
        // Everyone whose assignments still running on the day add up to more than 100 % (the
        // peak of overlapping ones can be no higher), with all their assignments; only people
        // whose assignments, ended or not, add up to more than that (person_load) can be. A
        // person's assignments are found through raci_role_tally, by project: the planner
        // would look them up by person in the exclusion constraint's GiST index, which is not
        // ordered by person and costs milliseconds a lookup.
        {"allocation",
         {QStringLiteral("INSERT INTO cov_pick_assignment WITH mine AS MATERIALIZED (SELECT ") +
              assignmentPickColumns(QStringLiteral("a")) +
              QStringLiteral(" FROM person_load l JOIN raci_role_tally t ON t.person_id = "
                             "l.person_id JOIN assignment a ON a.project_id = t.project_id AND "
                             "a.person_id = t.person_id AND a.role_key = t.role_key WHERE "
                             "l.allocation > 100), busy AS (SELECT person_id FROM mine WHERE "
                             "to_date IS NULL OR to_date >= ?::date GROUP BY person_id HAVING "
                             "sum(allocation_percent) > 100) SELECT m.* FROM mine m JOIN cov_scope "
                             "s ON s.id = m.project_id WHERE m.person_id IN (SELECT person_id FROM "
                             "busy)"),
          QStringLiteral("INSERT INTO cov_pick_other SELECT DISTINCT k.project_id, ") +
              assignmentPickColumns(QStringLiteral("o")) +
              QStringLiteral(" FROM cov_pick_assignment k JOIN raci_role_tally t ON t.person_id = "
                             "k.person_id AND t.project_id <> k.project_id JOIN assignment o ON "
                             "o.project_id = t.project_id AND o.person_id = t.person_id AND "
                             "o.role_key = t.role_key")},
         1},
        // People who lack a qualification some requirement may bind them to, valid through the
        // warning window (qualification_gap_range: a few hundred in a large organisation); their
        // holder tallies on projects in scope (one row per project, person and role tells whether
        // they hold the role on the day or are Responsible or Accountable for one of its duties);
        // from those, each qualification a requirement binds them to, of holders of the role or
        // of people R or A for a duty with a requirement of its own; the pairs where they lack
        // it; then their assignments and entries on the project. Every step goes by index from
        // the few people: the lateral subquery, fenced by OFFSET 0, and the EXISTS subqueries,
        // whose OFFSET 0 keeps them per row, stop the planner from joining whole tables because
        // it cannot tell how few people lack something. (Those who left are picked too and
        // judged by the rule, which skips them: asking the person table here would scan it.)
        {"qualified-holders",
         {QStringLiteral(
              "INSERT INTO cov_pick_pair WITH lacking AS MATERIALIZED (SELECT DISTINCT g.person_id "
              "FROM qualification_gap_range g WHERE g.days @> ?::date), holds AS MATERIALIZED "
              "(SELECT t.project_id, t.person_id, t.role_key, t.entries, t.held FROM lacking l "
              "CROSS JOIN LATERAL (SELECT x.project_id, x.person_id, x.role_key, x.entries, x.held "
              "FROM raci_role_tally x WHERE x.person_id = l.person_id OFFSET 0) t JOIN cov_scope s "
              "ON s.id = t.project_id), bound AS (SELECT h.project_id, h.person_id, "
              "q.qualification_key FROM holds h JOIN qualification_requirement q ON (q.project_id "
              "IS NULL OR q.project_id = h.project_id) AND q.responsibility_key IS NULL AND "
              "(q.role_key IS NULL OR q.role_key = h.role_key) WHERE h.entries > 0 OR h.held @> "
              "?::date UNION ALL SELECT h.project_id, h.person_id, q.qualification_key FROM holds "
              "h JOIN responsibility r ON r.role_key = h.role_key JOIN qualification_requirement q "
              "ON q.responsibility_key = r.key AND (q.project_id IS NULL OR q.project_id = "
              "h.project_id) WHERE h.entries > 0 AND EXISTS (SELECT FROM raci_entry e WHERE "
              "e.project_id = h.project_id AND e.responsibility_key = r.key AND e.person_id = "
              "h.person_id AND e.kind IN ('A', 'R') OFFSET 0)) SELECT DISTINCT b.project_id, "
              "b.person_id FROM bound b WHERE NOT EXISTS (SELECT FROM qualification_record r "
              "WHERE r.person_id = b.person_id AND r.qualification_key = b.qualification_key AND "
              "r.completed_on <= ?::date AND (r.expires_on IS NULL OR r.expires_on > ?::date + %1) "
              "OFFSET 0)")
              .arg(kQualificationWarningDays),
          QStringLiteral("INSERT INTO cov_pick_assignment SELECT ") +
              assignmentPickColumns(QStringLiteral("a")) +
              QStringLiteral(" FROM cov_pick_pair f JOIN assignment a ON a.project_id = "
                             "f.project_id AND a.person_id = f.person_id"),
          QStringLiteral("INSERT INTO cov_pick_raci SELECT ") + raciPickColumns() +
              QStringLiteral(" FROM cov_pick_pair f JOIN raci_entry e ON e.person_id = "
                             "f.person_id AND e.project_id = f.project_id WHERE e.kind IN ('A', "
                             "'R')")},
         4,
         true},
        // High-risk projects the organisation deploys, in use, with who is Accountable for human
        // oversight and what those people do on the project.
        {"human-oversight",
         {QStringLiteral("INSERT INTO cov_pick_resp (project_id, key) SELECT s.id, '%1' FROM "
                         "cov_scope s JOIN project p ON p.id = s.id WHERE p.risk_tier = 'high' "
                         "AND p.ai_act_role IN ('deployer', 'provider-and-deployer') AND "
                         "p.stage IN ('deployment', 'operation')")
              .arg(QLatin1String(builtin::responsibilities::kHumanOversight.data(),
                                 builtin::responsibilities::kHumanOversight.size())),
          QStringLiteral("INSERT INTO cov_pick_raci SELECT ") + raciPickColumns() +
              QStringLiteral(" FROM cov_pick_resp k JOIN raci_entry e ON e.project_id = "
                             "k.project_id AND e.responsibility_key = k.key WHERE e.kind = 'A'"),
          QStringLiteral("INSERT INTO cov_pick_assignment SELECT ") +
              assignmentPickColumns(QStringLiteral("a")) +
              QStringLiteral(" FROM cov_pick_raci e JOIN assignment a ON a.project_id = "
                             "e.project_id AND a.person_id = e.person_id")},
         0,
         true},
        // Assignments of inactive people that have not ended before the day: their holder
        // tallies whose days reach the day, then the assignments by project (as above; the
        // lateral subquery, fenced by OFFSET 0, looks each up by index however few the planner
        // thinks there are).
        {"inactive-assignee",
         {QStringLiteral("INSERT INTO cov_pick_assignment SELECT ") +
          assignmentPickColumns(QStringLiteral("a")) +
          QStringLiteral(" FROM person pe JOIN raci_role_tally t ON t.person_id = pe.id JOIN "
                         "cov_scope s ON s.id = t.project_id CROSS JOIN LATERAL (SELECT * FROM "
                         "assignment x WHERE x.project_id = t.project_id AND x.person_id = "
                         "t.person_id AND x.role_key = t.role_key OFFSET 0) a WHERE NOT "
                         "pe.active AND t.held && datemultirange(daterange(?::date, NULL)) AND "
                         "(a.to_date IS NULL OR a.to_date >= ?::date)")},
         2},
    };
}

// A declaring rule's inputs, as picks; the projects outside its industries are left out.
void pickInputs(PartialStaffingReader& reader, const RuleInputs& in)
{
    std::vector<std::string> industries;
    for (Industry i : in.industries)
        industries.emplace_back(toString(i));
    const QString ind = textArrayLiteral(industries);
    const QString inIndustries =
        QStringLiteral(" AND (cardinality(?::text[]) = 0 OR s.industry = ANY(?::text[]))");
    const QString assignments = assignmentPickColumns(QStringLiteral("a"));
    reader.pick(QStringLiteral("INSERT INTO cov_pick_assignment SELECT ") + assignments +
                    QStringLiteral(" FROM assignment a JOIN cov_scope s ON s.id = a.project_id "
                                   "WHERE a.role_key = ANY(?::text[])") +
                    inIndustries,
                {textArrayLiteral(in.roles), ind, ind});
    reader.pick(QStringLiteral("INSERT INTO cov_pick_raci SELECT ") + raciPickColumns() +
                    QStringLiteral(" FROM raci_entry e JOIN cov_scope s ON s.id = e.project_id "
                                   "WHERE e.responsibility_key = ANY(?::text[])") +
                    inIndustries,
                {textArrayLiteral(in.responsibilities), ind, ind});
    // Everything each person named so far does on the project.
    reader.pick(QStringLiteral("INSERT INTO cov_pick_assignment SELECT ") + assignments +
                QStringLiteral(" FROM assignment a JOIN (SELECT project_id, person_id FROM "
                               "cov_pick_raci UNION SELECT project_id, person_id FROM "
                               "cov_pick_assignment) n ON n.project_id = a.project_id AND "
                               "n.person_id = a.person_id ON CONFLICT DO NOTHING"));
    reader.pick(QStringLiteral("INSERT INTO cov_pick_resp SELECT s.id, r.key FROM cov_scope s "
                               "JOIN responsibility r ON r.key = ANY(?::text[]) JOIN role ro ON "
                               "ro.key = r.role_key WHERE ") +
                    requiredOnProjectSql() + inIndustries,
                {textArrayLiteral(in.responsibilities), ind, ind});
}

std::optional<RuleInputs> declaredInputs(const Rule& rule)
{
    if (const auto* plugin = dynamic_cast<const PluginRule*>(&rule))
        return plugin->inputs();
    if (const auto* scoped = dynamic_cast<const ScopedRule*>(&rule))
        return scoped->inputs();
    return std::nullopt;
}

} // namespace

CoverageReport checkOrganisation(
    Database& db, const QDate& asOf, const OrganisationCheckRules& rules,
    const std::function<std::vector<Finding>(const Rule&, const ProjectStaffing&)>& runRule,
    const std::function<bool()>& cancelRequested)
{
    const auto cancelled = [&] {
        if (cancelRequested && cancelRequested())
            throw Error(ErrorKind::Conflict, QStringLiteral("the coverage check was cancelled"));
    };
    PartialStaffingReader::prepare(db);
    StaffingLoader loader(db);
    loader.prepareScopeTable();

    // (rule position, finding) per project: rules in order, as CoverageService::evaluate has them.
    std::vector<std::vector<std::pair<std::size_t, Finding>>> found;
    std::vector<std::string> keys;
    std::vector<std::pair<std::size_t, const Rule*>> wholeStaffing; // rules that declare nothing
    {
        Transaction tx(db);
        db.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
        PartialStaffingReader reader(db, asOf);
        found.resize(reader.projects().size());
        for (const ProjectInfo& p : reader.projects())
            keys.push_back(p.key);
        const auto judge = [&](std::size_t position, const Rule& rule, bool everyProject,
                               const std::vector<Industry>& industries, bool qualifications) {
            for (auto& snapshot : reader.read(everyProject, industries, qualifications))
                for (Finding& f : runRule(rule, snapshot.staffing))
                    found[snapshot.project].emplace_back(position, std::move(f));
        };

        std::size_t position = 0;
        const std::vector<CorePicks> picks = corePicks();
        for (const auto& rule : rules.core) {
            const auto it = std::find_if(picks.begin(), picks.end(),
                                         [&](const CorePicks& c) { return rule->key() == c.rule; });
            if (it == picks.end()) {
                wholeStaffing.emplace_back(position++, rule.get());
                continue;
            }
            reader.clearPicks();
            const QVariantList day(it->dayParameters, asOf);
            for (const QString& statement : it->statements)
                reader.pick(statement, statement.count(QLatin1Char('?')) ? day : QVariantList{});
            judge(position++, *rule, false, {}, it->qualifications);
            cancelled();
        }
        for (const auto& rule : rules.extra) {
            const std::optional<RuleInputs> inputs = declaredInputs(*rule);
            if (!inputs) {
                wholeStaffing.emplace_back(position++, rule.get());
                continue;
            }
            reader.clearPicks();
            pickInputs(reader, *inputs);
            judge(position++, *rule, true, inputs->industries, inputs->qualifications);
            cancelled();
        }
        if (!wholeStaffing.empty()) {
            std::map<std::string, std::size_t> index;
            for (std::size_t i = 0; i < keys.size(); ++i)
                index.emplace(keys[i], i);
            constexpr int kBatchSize = 200;
            loader.readBatches(asOf, kBatchSize, [&](std::vector<ProjectStaffing>&& batch) {
                for (const ProjectStaffing& s : batch)
                    for (const auto& [at, rule] : wholeStaffing)
                        for (Finding& f : runRule(*rule, s))
                            found[index.at(s.project.key)].emplace_back(at, std::move(f));
                return !(cancelRequested && cancelRequested());
            });
            cancelled();
        }
        tx.commit();
    }

    CoverageReport report;
    report.asOf = asOf;
    report.projectKeys = std::move(keys);
    for (auto& project : found) {
        std::stable_sort(project.begin(), project.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<Finding> findings;
        findings.reserve(project.size());
        for (auto& [at, f] : project)
            findings.push_back(std::move(f));
        sortFindings(findings);
        report.findings.insert(report.findings.end(), std::make_move_iterator(findings.begin()),
                               std::make_move_iterator(findings.end()));
    }
    return report;
}

} // namespace steward
