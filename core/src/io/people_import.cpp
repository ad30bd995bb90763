#include "io/people_import.h"

#include "db/database.h"
#include "domain/validation.h"
#include "io/copy_in.h"

#include <QSqlQuery>

namespace steward {
namespace {

enum Column { Email, Name, OrgUnit, Title, ExternalId, Active };

std::vector<ImportColumn> columns()
{
    return {{QStringLiteral("email"), true},        {QStringLiteral("name"), true},
            {QStringLiteral("org_unit"), false},    {QStringLiteral("title"), false},
            {QStringLiteral("external_id"), false}, {QStringLiteral("active"), false}};
}

const QString kStaging = QStringLiteral("steward_import_person");

// Checks one row in C++ and turns it into staging values; a value that fails its check is staged
// as NULL so that the set-based checks do not report it a second time.
std::vector<std::optional<QString>> stageRow(ImportFile& file, const CsvRecord& record)
{
    std::vector<std::optional<QString>> row(7);
    row[0] = QString::number(record.line);
    const auto check = [&](int column, const QString& value, const QString& problem) {
        if (!problem.isEmpty()) {
            file.problem(record.line, column, problem);
            return std::optional<QString>();
        }
        return std::optional<QString>(value);
    };
    const QString email = file.field(record, Email);
    if (file.hasColumn(Email))
        row[1] = check(Email, email, checkEmail(email));
    const QString name = file.field(record, Name);
    if (file.hasColumn(Name))
        row[2] = check(Name, name, checkPersonName(name));
    if (const QString unit = file.field(record, OrgUnit); !unit.isEmpty())
        row[3] = check(OrgUnit, unit, checkOrgUnitName(unit));
    if (file.hasColumn(Title)) {
        const QString title = file.field(record, Title);
        row[4] = check(Title, title, checkTitle(title));
    }
    if (const QString id = file.field(record, ExternalId); !id.isEmpty())
        row[5] = check(ExternalId, id, checkExternalId(id));
    if (file.hasColumn(Active)) {
        const QString text = file.field(record, Active);
        if (text.isEmpty()) {
            row[6] = QStringLiteral("t");
        } else if (const auto active = parseImportBool(text)) {
            row[6] = *active ? QStringLiteral("t") : QStringLiteral("f");
        } else {
            file.problem(record.line, Active,
                         QStringLiteral("'%1' is not one of true, false, yes, no, 1, 0").arg(text));
        }
    }
    return row;
}

// The set-based checks: duplicates within the file and clashes with stored people. Each query
// yields (line, column, what is wrong).
void checkAgainstDatabase(Database& db, ImportFile& file)
{
    db.exec(
        QStringLiteral("UPDATE %1 s SET ext_owner = p.id, ext_owner_email = p.email FROM person p "
                       "WHERE s.external_id IS NOT NULL AND p.external_id = s.external_id")
            .arg(kStaging));
    db.exec(QStringLiteral("UPDATE %1 s SET email_owner = p.id, email_owner_name = p.name, "
                           "email_owner_ext = p.external_id FROM person p "
                           "WHERE s.email IS NOT NULL AND lower(p.email) = lower(s.email)")
                .arg(kStaging));
    db.exec(
        QStringLiteral("UPDATE %1 SET person_id = coalesce(ext_owner, email_owner)").arg(kStaging));

    file.addProblemsFrom(
        db, QStringLiteral("SELECT line, %2, format('%s also appears on line %s', email, first) "
                           "FROM (SELECT line, email, min(line) OVER (PARTITION BY lower(email)) "
                           "AS first FROM %1 WHERE email IS NOT NULL) d WHERE line <> first")
                .arg(kStaging)
                .arg(Email));
    file.addProblemsFrom(
        db, QStringLiteral("SELECT line, %2, format('%s also appears on line %s', external_id, "
                           "first) FROM (SELECT line, external_id, min(line) OVER (PARTITION BY "
                           "external_id) AS first FROM %1 WHERE external_id IS NOT NULL) d "
                           "WHERE line <> first")
                .arg(kStaging)
                .arg(ExternalId));
    file.addProblemsFrom(
        db, QStringLiteral("SELECT line, %2, format('%s is the e-mail address of another person "
                           "in the database (%s), not of the person with external id %s (%s)', "
                           "email, email_owner_name, external_id, ext_owner_email) FROM %1 "
                           "WHERE ext_owner <> email_owner")
                .arg(kStaging)
                .arg(Email));
    file.addProblemsFrom(
        db, QStringLiteral("SELECT line, %2, format('%s differs from the external id %s stored "
                           "for %s', external_id, email_owner_ext, email) FROM %1 "
                           "WHERE ext_owner IS NULL AND external_id IS NOT NULL "
                           "AND email_owner_ext IS NOT NULL")
                .arg(kStaging)
                .arg(ExternalId));
    // Different e-mail addresses in the file that resolve to one stored person (one through its
    // external id, one through its e-mail address) would update that person twice.
    file.addProblemsFrom(
        db, QStringLiteral("SELECT line, %2, format('matches the same person in the database as "
                           "line %s', first) FROM (SELECT line, email, person_id, "
                           "first_value(line) OVER w AS first, first_value(lower(email)) OVER w "
                           "AS first_email FROM %1 WHERE person_id IS NOT NULL "
                           "WINDOW w AS (PARTITION BY person_id ORDER BY line)) d "
                           "WHERE line <> first AND lower(email) IS DISTINCT FROM first_email")
                .arg(kStaging)
                .arg(Email));
}

enum class Outcome { Commit, RollBack };

// The import proper. Returns nullopt, with the database unchanged, when the file has problems
// (they are in `file`); otherwise the counts, with the writes committed or rolled back.
std::optional<ImportResult> run(Database& db, ImportFile& file, const ImportControl& control,
                                Outcome outcome)
{
    ImportMonitor monitor(control, file.fileName(), static_cast<qint64>(file.records().size()));
    if (file.problemCount() > 0 && file.records().empty())
        return std::nullopt;
    if (file.records().empty()) {
        monitor.enter(ImportProgress::Stage::Done);
        return ImportResult{};
    }

    Transaction tx(db);
    db.exec(QStringLiteral("CREATE TEMP TABLE %1 (line integer PRIMARY KEY, email text, name text, "
                           "org_unit text, title text, external_id text, active boolean, "
                           "ext_owner bigint, ext_owner_email text, email_owner bigint, "
                           "email_owner_name text, email_owner_ext text, person_id bigint) "
                           "ON COMMIT DROP")
                .arg(kStaging));
    {
        CopyIn copy(db, QStringLiteral("COPY %1 (line, email, name, org_unit, title, external_id, "
                                       "active) FROM STDIN")
                            .arg(kStaging));
        for (const CsvRecord& record : file.records()) {
            copy.putRow(stageRow(file, record));
            monitor.rowStaged();
        }
        copy.finish();
    }
    monitor.enter(ImportProgress::Stage::Checking);
    db.exec(QStringLiteral("ANALYZE %1").arg(kStaging));
    checkAgainstDatabase(db, file);
    if (file.problemCount() > 0)
        return std::nullopt;
    monitor.enter(ImportProgress::Stage::Writing);

    // Merge. Org units first, in the spelling of their first mention.
    if (file.hasColumn(OrgUnit))
        db.exec(QStringLiteral("INSERT INTO org_unit (name) SELECT DISTINCT ON (lower(s.org_unit)) "
                               "s.org_unit FROM %1 s WHERE s.org_unit IS NOT NULL AND NOT EXISTS "
                               "(SELECT 1 FROM org_unit u WHERE lower(u.name) = lower(s.org_unit)) "
                               "ORDER BY lower(s.org_unit), s.line")
                    .arg(kStaging));

    // Only the columns the file has are written, and only to rows where they differ.
    QStringList targets;
    QStringList sources;
    const auto write = [&](int column, const char* target, const char* source) {
        if (file.hasColumn(column)) {
            targets << QLatin1String(target);
            sources << QLatin1String(source);
        }
    };
    write(Email, "email", "s.email");
    write(Name, "name", "s.name");
    write(OrgUnit, "org_unit_id", "u.id");
    write(Title, "title", "s.title");
    write(ExternalId, "external_id", "s.external_id");
    write(Active, "active", "s.active");
    QStringList stored;
    for (const QString& t : targets)
        stored << QStringLiteral("p.") + t;
    const QString comma = QStringLiteral(", ");
    QSqlQuery updated = db.exec(
        QStringLiteral("UPDATE person p SET (%2) = ROW(%3) FROM %1 s LEFT JOIN org_unit u ON "
                       "lower(u.name) = lower(s.org_unit) WHERE p.id = s.person_id "
                       "AND (%4) IS DISTINCT FROM (%3)")
            .arg(kStaging, targets.join(comma), sources.join(comma), stored.join(comma)));
    QSqlQuery inserted =
        db.exec(QStringLiteral(
                    "INSERT INTO person (email, name, org_unit_id, title, external_id, active) "
                    "SELECT s.email, s.name, u.id, coalesce(s.title, ''), s.external_id, "
                    "coalesce(s.active, true) FROM %1 s LEFT JOIN org_unit u ON "
                    "lower(u.name) = lower(s.org_unit) WHERE s.person_id IS NULL ORDER BY s.line")
                    .arg(kStaging));
    ImportResult result;
    result.updated = updated.numRowsAffected();
    result.inserted = inserted.numRowsAffected();
    result.unchanged = static_cast<int>(file.records().size()) - result.updated - result.inserted;
    // The last moment a cancel can take effect; after the commit the import has happened.
    monitor.throwIfCancelled();
    if (outcome == Outcome::Commit)
        tx.commit();
    monitor.enter(ImportProgress::Stage::Done);
    return result;
}

} // namespace

ImportResult importPeople(Database& db, const QByteArray& data, const QString& fileName,
                          const ImportControl& control)
{
    ImportFile file(data, fileName, columns());
    const std::optional<ImportResult> result = run(db, file, control, Outcome::Commit);
    file.throwIfProblems();
    return *result;
}

ImportPreview previewPeopleImport(Database& db, const QByteArray& data, const QString& fileName,
                                  const ImportControl& control)
{
    ImportFile file(data, fileName, columns());
    const std::optional<ImportResult> result = run(db, file, control, Outcome::RollBack);
    return {result.value_or(ImportResult{}), file.problems()};
}

} // namespace steward
