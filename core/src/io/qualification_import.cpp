#include "io/qualification_import.h"

#include "db/database.h"
#include "domain/validation.h"
#include "error.h"
#include "io/copy_in.h"

#include <QSqlQuery>
#include <QUrl>

namespace steward {
namespace {

enum Column { Email, Qualification, CompletedOn, ExpiresOn, ExternalId, EvidenceUrl, Note };

std::vector<ImportColumn> columns()
{
    return {{QStringLiteral("email"), true},        {QStringLiteral("qualification"), true},
            {QStringLiteral("completed_on"), true}, {QStringLiteral("expires_on"), false},
            {QStringLiteral("external_id"), false}, {QStringLiteral("evidence_url"), false},
            {QStringLiteral("note"), false}};
}

const QString kStaging = QStringLiteral("steward_import_qualification");

QString notADate(const QString& text)
{
    return QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(text);
}

// Checks one row in C++ and turns it into staging values; a value that fails its check is staged
// as NULL so that the set-based checks do not report it a second time.
std::vector<std::optional<QString>> stageRow(ImportFile& file, const CsvRecord& record,
                                             const QDate& today)
{
    std::vector<std::optional<QString>> row(8);
    const int line = record.line;
    row[0] = QString::number(line);

    const QString email = file.field(record, Email);
    if (const QString problem = checkEmail(email); problem.isEmpty())
        row[1] = email;
    else if (file.hasColumn(Email))
        file.problem(line, Email, problem);

    if (const QString key = file.field(record, Qualification); !key.isEmpty())
        row[2] = key;
    else if (file.hasColumn(Qualification))
        file.problem(line, Qualification, QStringLiteral("is empty"));

    const QString completedText = file.field(record, CompletedOn);
    const std::optional<QDate> completed = parseIsoDate(completedText);
    if (!completed) {
        if (file.hasColumn(CompletedOn))
            file.problem(line, CompletedOn,
                         completedText.isEmpty() ? QStringLiteral("is empty")
                                                 : notADate(completedText));
    } else if (*completed > today) {
        file.problem(line, CompletedOn,
                     QStringLiteral("%1 is in the future (today is %2)")
                         .arg(completedText, today.toString(Qt::ISODate)));
    } else {
        row[3] = completedText;
    }

    const QString expiresText = file.field(record, ExpiresOn);
    if (!expiresText.isEmpty()) {
        const std::optional<QDate> expires = parseIsoDate(expiresText);
        if (!expires)
            file.problem(line, ExpiresOn, notADate(expiresText));
        else if (completed && *expires <= *completed)
            file.problem(line, ExpiresOn,
                         QStringLiteral("%1 is not after the completion on %2")
                             .arg(expiresText, completedText));
        else
            row[4] = expiresText;
    }

    if (const QString id = file.field(record, ExternalId); !id.isEmpty()) {
        if (const QString problem = checkExternalId(id); problem.isEmpty())
            row[5] = id;
        else
            file.problem(line, ExternalId, problem);
    }

    if (const QString text = file.field(record, EvidenceUrl); !text.isEmpty()) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty() || text.size() > 4000)
            file.problem(line, EvidenceUrl,
                         QStringLiteral("'%1' is not an absolute URL (e.g. "
                                        "https://lms.example.org/certificates/123)")
                             .arg(text.left(200)));
        else
            row[6] = url.toString(QUrl::FullyEncoded);
    }

    if (const QString note = file.field(record, Note); note.size() > 2000)
        file.problem(line, Note, QStringLiteral("is longer than 2000 characters"));
    else if (!note.isEmpty())
        row[7] = note;
    return row;
}

void resolveAndCheck(Database& db, ImportFile& file)
{
    db.exec(QStringLiteral("UPDATE %1 s SET person_id = p.id FROM person p WHERE lower(p.email) = "
                           "lower(s.email)")
                .arg(kStaging));
    db.exec(QStringLiteral("UPDATE %1 s SET known = true, retired = q.retired_at IS NOT NULL FROM "
                           "qualification q WHERE q.key = s.qualification")
                .arg(kStaging));
    db.exec(QStringLiteral("UPDATE %1 s SET record_id = r.id FROM qualification_record r WHERE "
                           "r.person_id = s.person_id AND r.qualification_key = s.qualification "
                           "AND r.completed_on = s.completed_on")
                .arg(kStaging));
    const auto check = [&](int column, const QString& message, const QString& condition) {
        file.addProblemsFrom(db, QStringLiteral("SELECT line, %1, %2 FROM %3 s WHERE %4")
                                     .arg(QString::number(column), message, kStaging, condition));
    };
    check(Email, QStringLiteral("format('no person with e-mail %s', email)"),
          QStringLiteral("email IS NOT NULL AND person_id IS NULL"));
    check(Qualification,
          QStringLiteral("format('no qualification with key %s (steward qualification list shows "
                         "them)', qualification)"),
          QStringLiteral("qualification IS NOT NULL AND NOT known"));
    check(Qualification,
          QStringLiteral("format('%s is retired: its pack no longer declares it', qualification)"),
          QStringLiteral("retired AND record_id IS NULL"));
    file.addProblemsFrom(
        db, QStringLiteral("SELECT s.line, %2, format('repeats line %s: the same completion of %s "
                           "by %s', min(o.line), s.qualification, s.email) FROM %1 s JOIN %1 o ON "
                           "o.line < s.line AND lower(o.email) = lower(s.email) AND "
                           "o.qualification = s.qualification AND o.completed_on = s.completed_on "
                           "GROUP BY s.line, s.qualification, s.email")
                .arg(kStaging)
                .arg(CompletedOn));
}

} // namespace

ImportResult importQualificationRecords(Database& db, const QByteArray& data,
                                        const QString& fileName, const QDate& today)
{
    ImportFile file(data, fileName, columns());
    if (file.records().empty()) {
        file.throwIfProblems();
        return {};
    }

    Transaction tx(db);
    db.exec(QStringLiteral("CREATE TEMP TABLE %1 (line integer PRIMARY KEY, email text, "
                           "qualification text, completed_on date, expires_on date, external_id "
                           "text, evidence_url text, note text, person_id bigint, known boolean "
                           "NOT NULL DEFAULT false, retired boolean, record_id bigint) ON COMMIT "
                           "DROP")
                .arg(kStaging));
    {
        CopyIn copy(db, QStringLiteral("COPY %1 (line, email, qualification, completed_on, "
                                       "expires_on, external_id, evidence_url, note) FROM STDIN")
                            .arg(kStaging));
        for (const CsvRecord& record : file.records())
            copy.putRow(stageRow(file, record, today));
        copy.finish();
    }
    db.exec(QStringLiteral("ANALYZE %1").arg(kStaging));
    resolveAndCheck(db, file);
    file.throwIfProblems();

    // The expiry a row leaves out is derived by the database (qualification_record_expiry), as
    // for a record added by hand; an update compares against what that derivation gives.
    const QString derived = QStringLiteral(
        "coalesce(s.expires_on, (SELECT (s.completed_on + make_interval(months => "
        "q.validity_months))::date FROM qualification q WHERE q.key = s.qualification))");
    const QString keepExternalId =
        file.hasColumn(ExternalId) ? QStringLiteral("false") : QStringLiteral("true");
    const QString keepNote =
        file.hasColumn(Note) ? QStringLiteral("false") : QStringLiteral("true");
    QSqlQuery updated = db.exec(
        QStringLiteral(
            "UPDATE qualification_record r SET expires_on = n.expires_on, external_id = "
            "n.external_id, evidence_kind = n.evidence_kind, evidence_location = "
            "n.evidence_location, evidence_sha256 = n.evidence_sha256, evidence_size_bytes = "
            "n.evidence_size_bytes, note = n.note, updated_at = now() FROM (SELECT s.record_id, "
            "%2 AS expires_on, CASE WHEN %3 THEN o.external_id ELSE s.external_id END AS "
            "external_id, CASE WHEN s.evidence_url IS NULL THEN o.evidence_kind ELSE 'url' END AS "
            "evidence_kind, coalesce(s.evidence_url, o.evidence_location) AS evidence_location, "
            "CASE WHEN s.evidence_url IS NULL THEN o.evidence_sha256 END AS evidence_sha256, CASE "
            "WHEN s.evidence_url IS NULL THEN o.evidence_size_bytes END AS evidence_size_bytes, "
            "CASE WHEN %4 THEN o.note ELSE coalesce(s.note, '') END AS note FROM %1 s JOIN "
            "qualification_record o ON o.id = s.record_id) n WHERE r.id = n.record_id AND "
            "(r.expires_on, r.external_id, r.evidence_kind, r.evidence_location, r.note) IS "
            "DISTINCT FROM (n.expires_on, n.external_id, n.evidence_kind, n.evidence_location, "
            "n.note)")
            .arg(kStaging, derived, keepExternalId, keepNote));
    QSqlQuery inserted = db.exec(
        QStringLiteral(
            "INSERT INTO qualification_record (person_id, qualification_key, completed_on, "
            "expires_on, external_id, evidence_kind, evidence_location, note, recorded_by) SELECT "
            "s.person_id, s.qualification, s.completed_on, s.expires_on, s.external_id, CASE WHEN "
            "s.evidence_url IS NULL THEN NULL ELSE 'url' END, s.evidence_url, coalesce(s.note, "
            "''), steward_current_person() FROM %1 s WHERE s.record_id IS NULL ORDER BY s.line")
            .arg(kStaging));
    ImportResult result;
    result.updated = updated.numRowsAffected();
    result.inserted = inserted.numRowsAffected();
    result.unchanged = static_cast<int>(file.records().size()) - result.updated - result.inserted;
    tx.commit();
    return result;
}

} // namespace steward
