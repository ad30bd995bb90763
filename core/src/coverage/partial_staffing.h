// Reads small ProjectStaffing snapshots for the organisation-wide check: per project, only the
// RACI entries, assignments and responsibilities that a set-based query picked, in the order the
// whole-staffing loader (StaffingLoader) gives them, so a rule run on them says what it would say
// on the whole staffing. Works inside the caller's transaction, on temporary tables of picked ids.
#pragma once

#include <steward/staffing.h>

#include <QDate>
#include <QString>
#include <QVariantList>

#include <unordered_map>
#include <vector>

namespace steward {

class Database;

class PartialStaffingReader {
public:
    // Creates the session's temporary tables: call before the snapshot's transaction begins.
    static void prepare(Database& db);

    // Fills the scope (projects not completed or cancelled) in the caller's transaction.
    PartialStaffingReader(Database& db, const QDate& asOf);

    // The projects in scope, in key order; snapshots index into it.
    const std::vector<ProjectInfo>& projects() const { return m_projects; }

    // Empties the picks. Each pick statement below may use the tables
    //   cov_scope (id, industry, stage)    the projects in scope
    //   cov_pick_raci (raciPickColumns())  RACI entries (alias e), on their own project
    //   cov_pick_assignment (assignmentPickColumns("a"))  assignments, on their own project
    //   cov_pick_other (for_project, assignmentPickColumns(...))  assignments elsewhere, for the
    //                                      snapshot of project for_project
    //   cov_pick_resp (project_id, key)    responsibilities a project must be judged on
    //   cov_pick_pair (project_id, person_id)  scratch for a rule's own picks: not read
    // and inserts into them (ON CONFLICT DO NOTHING: every table has a primary key). A statement
    // "INSERT INTO cov_pick_..." is followed by ANALYZE of its table, for the next one's plan.
    void clearPicks();
    void pick(const QString& statement, const QVariantList& params = {});

    // One snapshot per project that has any pick, or, with `everyProject`, per project in scope
    // whose industry is in `industries` (all when empty). The responsibilities of picked entries
    // are added to the picked ones, with `required` worked out as the whole loader does. With
    // `qualifications`, the people's qualifications and the requirements that apply are read too
    // (addQualificationFacts); else they are left empty.
    struct Snapshot {
        std::size_t project; // index into projects()
        ProjectStaffing staffing;
    };
    std::vector<Snapshot> read(bool everyProject = false,
                               const std::vector<Industry>& industries = {},
                               bool qualifications = false);

private:
    Database& m_db;
    QDate m_asOf;
    std::vector<ProjectInfo> m_projects;
    std::unordered_map<std::int64_t, std::size_t> m_index; // project id -> projects()
};

// The condition under which responsibility `r` (joined with its role `ro`) must be covered by
// project `s` (a row of cov_scope or project): the whole loader's rule, as SQL.
QString requiredOnProjectSql();

// The columns a pick of RACI entries (alias e) or of assignments (alias `alias`) inserts.
QString raciPickColumns();
QString assignmentPickColumns(const QString& alias);

// A text[] literal for a parameter: each element quoted, so any text survives.
QString textArrayLiteral(const std::vector<std::string>& items);

} // namespace steward
