#include "io/assignment_import.h"

#include "db/database.h"
#include "domain/validation.h"
#include "io/copy_in.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace steward {
namespace {

enum Column { Email, Project, Role, From, To, Allocation };

std::vector<ImportColumn> columns()
{
    return {{QStringLiteral("email"), true}, {QStringLiteral("project"), true},
            {QStringLiteral("role"), true},  {QStringLiteral("from"), true},
            {QStringLiteral("to"), false},   {QStringLiteral("allocation"), false}};
}

const QString kStaging = QStringLiteral("steward_import_assignment");

QString notADate(const QString& text)
{
    return QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(text);
}

// Checks one row in C++ and turns it into staging values; a value that fails its check is staged
// as NULL so that the set-based checks do not report it a second time.
std::vector<std::optional<QString>> stageRow(ImportFile& file, const CsvRecord& record)
{
    std::vector<std::optional<QString>> row(7);
    row[0] = QString::number(record.line);
    const int line = record.line;

    const QString email = file.field(record, Email);
    if (const QString problem = checkEmail(email); problem.isEmpty())
        row[1] = email;
    else if (file.hasColumn(Email))
        file.problem(line, Email, problem);

    const QString project = file.field(record, Project);
    if (const QString problem = checkProjectKey(project); problem.isEmpty())
        row[2] = project;
    else if (file.hasColumn(Project))
        file.problem(line, Project, problem);

    const QString role = file.field(record, Role);
    if (!role.isEmpty())
        row[3] = role;
    else if (file.hasColumn(Role))
        file.problem(line, Role, QStringLiteral("is empty"));

    const QString fromText = file.field(record, From);
    const std::optional<QDate> from = parseIsoDate(fromText);
    if (!from && file.hasColumn(From))
        file.problem(line, From,
                     fromText.isEmpty() ? QStringLiteral("is empty") : notADate(fromText));
    const QString toText = file.field(record, To);
    const std::optional<QDate> to = parseIsoDate(toText);
    if (!toText.isEmpty() && !to)
        file.problem(line, To, notADate(toText));
    if (from && to && *to < *from) {
        file.problem(line, To,
                     QStringLiteral("%1 is before the start date %2").arg(toText, fromText));
    } else if (from) {
        // Only a coherent period takes part in the overlap checks.
        row[4] = fromText;
        if (to)
            row[5] = toText;
    }

    if (const QString text = file.field(record, Allocation); !text.isEmpty()) {
        static const QRegularExpression percent(QStringLiteral("^(\\d{1,9})\\s*%?$"));
        const QRegularExpressionMatch m = percent.match(text);
        if (!m.hasMatch()) {
            file.problem(line, Allocation,
                         QStringLiteral("'%1' is not a whole number of percent").arg(text));
        } else if (const QString problem = checkAllocation(m.captured(1).toInt());
                   !problem.isEmpty()) {
            file.problem(line, Allocation, problem);
        } else {
            row[6] = m.captured(1);
        }
    } else if (file.hasColumn(Allocation)) {
        row[6] = QStringLiteral("100");
    }
    return row;
}

void resolveAndCheck(Database& db, ImportFile& file)
{
    db.exec(QStringLiteral("UPDATE %1 s SET person_id = p.id, person_active = p.active "
                           "FROM person p WHERE lower(p.email) = lower(s.email)")
                .arg(kStaging));
    db.exec(
        QStringLiteral("UPDATE %1 s SET project_id = p.id FROM project p WHERE p.key = s.project")
            .arg(kStaging));
    db.exec(QStringLiteral("UPDATE %1 s SET role_known = true, role_retired = r.retired_at IS NOT "
                           "NULL FROM role r WHERE r.key = s.role")
                .arg(kStaging));
    db.exec(QStringLiteral("UPDATE %1 s SET assignment_id = a.id, stored_to = a.to_date, "
                           "stored_allocation = a.allocation_percent FROM assignment a "
                           "WHERE a.person_id = s.person_id AND a.project_id = s.project_id "
                           "AND a.role_key = s.role AND a.from_date = s.from_date")
                .arg(kStaging));
    // Columns the file leaves out keep their stored values; new assignments get the defaults.
    if (!file.hasColumn(To))
        db.exec(QStringLiteral("UPDATE %1 SET to_date = stored_to").arg(kStaging));
    if (!file.hasColumn(Allocation))
        db.exec(QStringLiteral("UPDATE %1 SET allocation = coalesce(stored_allocation, 100)")
                    .arg(kStaging));

    const auto check = [&](int column, const QString& message, const QString& condition) {
        file.addProblemsFrom(db, QStringLiteral("SELECT line, %1, %2 FROM %3 s WHERE %4")
                                     .arg(QString::number(column), message, kStaging, condition));
    };
    check(Email, QStringLiteral("format('no person with e-mail %s', email)"),
          QStringLiteral("email IS NOT NULL AND person_id IS NULL"));
    check(Email, QStringLiteral("format('%s is inactive and cannot take on a new role', email)"),
          QStringLiteral("NOT person_active AND assignment_id IS NULL"));
    check(Project, QStringLiteral("format('no project with key %s', project)"),
          QStringLiteral("project IS NOT NULL AND project_id IS NULL"));
    // Row-level security (sql/0011) would refuse the whole import at the first such row; say
    // which rows, asking once per project rather than once per row.
    check(Project,
          QStringLiteral("format('%s: only its owner, a current AI project manager on it or an "
                         "administrator may change its staffing', project)"),
          QStringLiteral("project_id IN (SELECT d.id FROM (SELECT DISTINCT project_id AS id FROM "
                         "%1 WHERE project_id IS NOT NULL) d WHERE NOT "
                         "steward_may_manage_project(d.id))")
              .arg(kStaging));
    check(Role, QStringLiteral("format('no role with key %s', role)"),
          QStringLiteral("role IS NOT NULL AND NOT role_known"));
    check(Role,
          QStringLiteral("format('%s is retired and no longer offered for new assignments', role)"),
          QStringLiteral("role_retired AND assignment_id IS NULL"));

    // Overlaps within the file, by the names the file uses, so they are found even for a person
    // or project that does not exist.
    file.addProblemsFrom(
        db, QStringLiteral("SELECT s.line, %2, format('overlaps line %s, which gives %s the same "
                           "role on the same project from %s to %s', min(o.line), s.email, "
                           "(array_agg(o.from_date ORDER BY o.line))[1], "
                           "coalesce((array_agg(o.to_date ORDER BY o.line))[1]::text, 'open end')) "
                           "FROM %1 s JOIN %1 o ON o.line < s.line AND lower(o.email) = "
                           "lower(s.email) AND o.project = s.project AND o.role = s.role "
                           "AND daterange(o.from_date, o.to_date, '[]') && "
                           "daterange(s.from_date, s.to_date, '[]') "
                           "WHERE s.from_date IS NOT NULL AND o.from_date IS NOT NULL "
                           "GROUP BY s.line, s.email")
                .arg(kStaging)
                .arg(From));
    // Overlaps with stored assignments that the file does not itself update.
    file.addProblemsFrom(
        db,
        QStringLiteral("SELECT s.line, %2, format('overlaps the stored assignment of %s as "
                       "%s on %s from %s to %s', s.email, s.role, s.project, "
                       "min(a.from_date), coalesce((array_agg(a.to_date ORDER BY "
                       "a.from_date))[1]::text, 'open end')) "
                       "FROM %1 s JOIN assignment a ON a.person_id = s.person_id AND "
                       "a.project_id = s.project_id AND a.role_key = s.role "
                       "AND daterange(a.from_date, a.to_date, '[]') && "
                       "daterange(s.from_date, s.to_date, '[]') "
                       "WHERE s.from_date IS NOT NULL AND a.id IS DISTINCT FROM s.assignment_id "
                       "AND NOT EXISTS (SELECT 1 FROM %1 m WHERE m.assignment_id = a.id) "
                       "GROUP BY s.line, s.email, s.role, s.project")
            .arg(kStaging)
            .arg(From));
}

} // namespace

ImportResult importAssignments(Database& db, const QByteArray& data, const QString& fileName)
{
    ImportFile file(data, fileName, columns());
    if (file.records().empty()) {
        file.throwIfProblems();
        return {};
    }

    Transaction tx(db);
    db.exec(QStringLiteral("CREATE TEMP TABLE %1 (line integer PRIMARY KEY, email text, "
                           "project text, role text, from_date date, to_date date, "
                           "allocation integer, person_id bigint, person_active boolean, "
                           "project_id bigint, role_known boolean NOT NULL DEFAULT false, "
                           "role_retired boolean, assignment_id bigint, stored_to date, "
                           "stored_allocation integer) ON COMMIT DROP")
                .arg(kStaging));
    {
        CopyIn copy(db, QStringLiteral("COPY %1 (line, email, project, role, from_date, to_date, "
                                       "allocation) FROM STDIN")
                            .arg(kStaging));
        for (const CsvRecord& record : file.records())
            copy.putRow(stageRow(file, record));
        copy.finish();
    }
    db.exec(QStringLiteral("ANALYZE %1").arg(kStaging));
    resolveAndCheck(db, file);
    file.throwIfProblems();

    QSqlQuery updated =
        db.exec(QStringLiteral(
                    "UPDATE assignment a SET to_date = s.to_date, allocation_percent = "
                    "s.allocation FROM %1 s WHERE a.id = s.assignment_id AND "
                    "(a.to_date, a.allocation_percent) IS DISTINCT FROM (s.to_date, s.allocation)")
                    .arg(kStaging));
    QSqlQuery inserted = db.exec(
        QStringLiteral("INSERT INTO assignment (project_id, person_id, role_key, from_date, "
                       "to_date, allocation_percent) SELECT s.project_id, s.person_id, s.role, "
                       "s.from_date, s.to_date, coalesce(s.allocation, 100) FROM %1 s "
                       "WHERE s.assignment_id IS NULL ORDER BY s.line")
            .arg(kStaging));
    ImportResult result;
    result.updated = updated.numRowsAffected();
    result.inserted = inserted.numRowsAffected();
    result.unchanged = static_cast<int>(file.records().size()) - result.updated - result.inserted;
    tx.commit();
    return result;
}

} // namespace steward
