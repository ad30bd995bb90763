#include "services/qualification_service.h"

#include "db/database.h"
#include "domain/evidence_location.h"
#include "domain/validation.h"
#include "error.h"
#include "services/row_version.h"
#include "services/sql_values.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace steward {
namespace {

const QString kQualificationSelect = QStringLiteral(
    "SELECT q.key, q.name, q.provider, q.description, q.validity_months, coalesce(q.pack, ''), "
    "q.retired_at IS NOT NULL, (SELECT count(DISTINCT r.person_id) FROM qualification_record r "
    "WHERE r.qualification_key = q.key AND r.completed_on <= ?::date AND (r.expires_on IS NULL "
    "OR r.expires_on > ?::date)), q.version FROM qualification q ");

Qualification readQualification(const QSqlQuery& q)
{
    Qualification r;
    r.key = q.value(0).toString();
    r.name = q.value(1).toString();
    r.provider = q.value(2).toString();
    r.description = q.value(3).toString();
    if (!q.value(4).isNull())
        r.validityMonths = q.value(4).toInt();
    r.pack = q.value(5).toString();
    r.retired = q.value(6).toBool();
    r.holders = q.value(7).toInt();
    r.version = q.value(8).toInt();
    return r;
}

const QString kRecordSelect = QStringLiteral(
    "SELECT r.id, p.email, p.name, r.qualification_key, q.name, r.completed_on, r.expires_on, "
    "coalesce(r.evidence_kind, ''), coalesce(r.evidence_location, ''), "
    "coalesce(r.evidence_sha256, ''), coalesce(r.external_id, ''), r.note, "
    "coalesce(b.email, ''), r.version FROM qualification_record r JOIN person p ON p.id = "
    "r.person_id JOIN qualification q ON q.key = r.qualification_key LEFT JOIN person b ON b.id = "
    "r.recorded_by ");

QualificationRecord readRecord(const QSqlQuery& q)
{
    QualificationRecord r;
    r.id = q.value(0).toLongLong();
    r.personEmail = q.value(1).toString();
    r.personName = q.value(2).toString();
    r.qualificationKey = q.value(3).toString();
    r.qualificationName = q.value(4).toString();
    r.completedOn = q.value(5).toDate();
    if (!q.value(6).isNull())
        r.expiresOn = q.value(6).toDate();
    r.evidenceKind = q.value(7).toString();
    r.evidenceLocation = q.value(8).toString();
    r.evidenceSha256 = q.value(9).toString();
    r.externalId = q.value(10).toString();
    r.note = q.value(11).toString();
    r.recordedBy = q.value(12).toString();
    r.version = q.value(13).toInt();
    return r;
}

const QString kRequirementSelect = QStringLiteral(
    "SELECT qr.id, qr.qualification_key, q.name, coalesce(qr.role_key, ''), "
    "coalesce(qr.responsibility_key, ''), coalesce(p.key, ''), coalesce(qr.pack, ''), qr.version "
    "FROM qualification_requirement qr JOIN qualification q ON q.key = qr.qualification_key LEFT "
    "JOIN project p ON p.id = qr.project_id ");

QualificationRequirement readRequirement(const QSqlQuery& q)
{
    QualificationRequirement r;
    r.id = q.value(0).toLongLong();
    r.qualificationKey = q.value(1).toString();
    r.qualificationName = q.value(2).toString();
    r.roleKey = q.value(3).toString();
    r.responsibilityKey = q.value(4).toString();
    r.projectKey = q.value(5).toString();
    r.pack = q.value(6).toString();
    r.version = q.value(7).toInt();
    return r;
}

QString checkQualificationKey(const QString& key)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)?$"));
    if (key.isEmpty())
        return QStringLiteral("is empty");
    if (!pattern.match(key).hasMatch() || key.size() > 100)
        return QStringLiteral("'%1' is not a key (lower-case words joined by '-', e.g. "
                              "clinical-safety; at most 100 characters)")
            .arg(key);
    return {};
}

void checkQualificationFields(const Qualification& q)
{
    require(QStringLiteral("key"), checkQualificationKey(q.key));
    if (q.name.trimmed().isEmpty())
        throw validationError(QStringLiteral("name: is empty"));
    if (q.name.size() > 200)
        throw validationError(QStringLiteral("name: is longer than 200 characters"));
    if (q.provider.size() > 200)
        throw validationError(QStringLiteral("provider: is longer than 200 characters"));
    if (q.description.size() > 2000)
        throw validationError(QStringLiteral("description: is longer than 2000 characters"));
    if (q.validityMonths && (*q.validityMonths < 1 || *q.validityMonths > 600))
        throw validationError(QStringLiteral("validity: %1 months is outside 1 to 600 (leave it "
                                             "out for a qualification that does not lapse)")
                                  .arg(*q.validityMonths));
}

} // namespace

QString QualificationRequirement::scope() const
{
    if (!projectKey.isEmpty())
        return roleKey.isEmpty() ? QStringLiteral("project %1").arg(projectKey)
                                 : QStringLiteral("project %1, role %2").arg(projectKey, roleKey);
    if (!roleKey.isEmpty())
        return QStringLiteral("role %1").arg(roleKey);
    if (!responsibilityKey.isEmpty())
        return QStringLiteral("responsibility %1").arg(responsibilityKey);
    return QStringLiteral("everyone holding a role");
}

QualificationService::QualificationService(Database& db, QDate today)
    : m_db(db)
    , m_today(today)
{
}

std::vector<Qualification> QualificationService::catalogue()
{
    std::vector<Qualification> result;
    QSqlQuery q = m_db.exec(kQualificationSelect + QStringLiteral("ORDER BY q.retired_at IS NOT "
                                                                  "NULL, q.name, q.key"),
                            {m_today, m_today});
    while (q.next())
        result.push_back(readQualification(q));
    return result;
}

Qualification QualificationService::get(const QString& key)
{
    QSqlQuery q = m_db.exec(kQualificationSelect + QStringLiteral("WHERE q.key = ?"),
                            {m_today, m_today, key});
    if (!q.next())
        throw notFoundError(QStringLiteral("no qualification with key %1 (steward qualification "
                                           "list shows them)")
                                .arg(key));
    return readQualification(q);
}

Qualification QualificationService::add(const Qualification& q)
{
    checkQualificationFields(q);
    Transaction tx(m_db);
    if (m_db.exec(QStringLiteral("SELECT 1 FROM qualification WHERE key = ?"), {q.key}).next())
        throw conflictError(QStringLiteral("key: a qualification %1 exists already").arg(q.key));
    m_db.exec(QStringLiteral("INSERT INTO qualification (key, name, provider, description, "
                             "validity_months) VALUES (?, ?, ?, ?, ?)"),
              {q.key, q.name.trimmed(), q.provider.trimmed(), q.description.trimmed(),
               intOrNull(q.validityMonths)});
    tx.commit();
    return get(q.key);
}

Qualification QualificationService::update(const Qualification& q, std::optional<int> expectVersion)
{
    checkQualificationFields(q);
    Transaction tx(m_db);
    const Qualification stored = get(q.key);
    if (!stored.pack.isEmpty())
        throw conflictError(QStringLiteral("qualification %1 comes from pack %2: change it there")
                                .arg(q.key, stored.pack));
    requireVersion(m_db, QStringLiteral("qualification"), QStringLiteral("key"), q.key,
                   expectVersion, QStringLiteral("qualification %1").arg(q.key));
    m_db.exec(QStringLiteral("UPDATE qualification SET name = ?, provider = ?, description = ?, "
                             "validity_months = ?, updated_at = now() WHERE key = ? AND (name, "
                             "provider, description, validity_months) IS DISTINCT FROM (?, ?, ?, "
                             "?::integer)"),
              {q.name.trimmed(), q.provider.trimmed(), q.description.trimmed(),
               intOrNull(q.validityMonths), q.key, q.name.trimmed(), q.provider.trimmed(),
               q.description.trimmed(), intOrNull(q.validityMonths)});
    tx.commit();
    return get(q.key);
}

std::vector<QualificationRecord> QualificationService::records(const RecordFilter& filter)
{
    std::vector<QualificationRecord> result;
    QSqlQuery q = m_db.exec(
        kRecordSelect +
            QStringLiteral("WHERE (?::text IS NULL OR lower(p.email) = lower(?)) AND (?::text IS "
                           "NULL OR r.qualification_key = ?) ORDER BY p.name, p.email, q.name, "
                           "r.completed_on DESC, r.id"),
        {textOrNull(filter.personEmail), filter.personEmail, textOrNull(filter.qualificationKey),
         filter.qualificationKey});
    while (q.next())
        result.push_back(readRecord(q));
    return result;
}

QualificationRecord QualificationService::record(const RecordInput& input)
{
    steward::require(QStringLiteral("email"), checkEmail(input.personEmail));
    if (!input.completedOn.isValid())
        throw validationError(
            QStringLiteral("completed: give the day it was completed (YYYY-MM-DD)"));
    if (input.completedOn > m_today)
        throw validationError(QStringLiteral("completed: %1 is in the future")
                                  .arg(input.completedOn.toString(Qt::ISODate)));
    if (input.expiresOn && *input.expiresOn <= input.completedOn)
        throw validationError(QStringLiteral("expires: %1 is not after the completion on %2")
                                  .arg(input.expiresOn->toString(Qt::ISODate),
                                       input.completedOn.toString(Qt::ISODate)));
    if (!input.externalId.isEmpty())
        steward::require(QStringLiteral("external-id"), checkExternalId(input.externalId));
    if (input.note.size() > 2000)
        throw validationError(QStringLiteral("note: is longer than 2000 characters"));
    std::optional<EvidenceLocation> evidence;
    if (!input.evidenceUrl.isEmpty() || !input.evidenceFile.isEmpty())
        evidence = locateEvidence(input.evidenceUrl, input.evidenceFile);

    Transaction tx(m_db);
    const QVariant personId = personIdOrNull(m_db, input.personEmail, QStringLiteral("email"));
    const Qualification q = get(input.qualificationKey);
    if (q.retired)
        throw validationError(QStringLiteral("qualification: %1 is retired; its pack no longer "
                                             "declares it")
                                  .arg(q.key));
    const QVariant nullText(QMetaType(QMetaType::QString));
    const QVariant nullSize(QMetaType(QMetaType::LongLong));
    QSqlQuery ins = m_db.exec(
        QStringLiteral(
            "INSERT INTO qualification_record (person_id, qualification_key, completed_on, "
            "expires_on, evidence_kind, evidence_location, evidence_sha256, evidence_size_bytes, "
            "external_id, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "steward_current_person()) ON CONFLICT (person_id, qualification_key, completed_on) "
            "DO UPDATE SET expires_on = excluded.expires_on, evidence_kind = "
            "excluded.evidence_kind, evidence_location = excluded.evidence_location, "
            "evidence_sha256 = excluded.evidence_sha256, evidence_size_bytes = "
            "excluded.evidence_size_bytes, external_id = excluded.external_id, note = "
            "excluded.note, updated_at = now() RETURNING id"),
        {personId, q.key, input.completedOn, dateOrNull(input.expiresOn),
         evidence ? QVariant(evidence->kind) : nullText,
         evidence ? QVariant(evidence->location) : nullText, evidence ? evidence->sha256 : nullText,
         evidence ? evidence->size : nullSize, textOrNull(input.externalId), input.note.trimmed()});
    ins.next();
    const qint64 id = ins.value(0).toLongLong();
    tx.commit();
    QSqlQuery q2 = m_db.exec(kRecordSelect + QStringLiteral("WHERE r.id = ?"), {id});
    q2.next();
    return readRecord(q2);
}

void QualificationService::removeRecord(qint64 id, std::optional<int> expectVersion)
{
    Transaction tx(m_db);
    requireVersion(m_db, QStringLiteral("qualification_record"), QStringLiteral("id"), id,
                   expectVersion, QStringLiteral("qualification record %1").arg(id));
    if (m_db.exec(QStringLiteral("DELETE FROM qualification_record WHERE id = ?"), {id})
            .numRowsAffected() == 0)
        throw notFoundError(QStringLiteral("no qualification record %1").arg(id));
    tx.commit();
}

std::vector<QualificationRequirement> QualificationService::requirements(const QString& projectKey)
{
    std::vector<QualificationRequirement> result;
    QSqlQuery q = m_db.exec(
        kRequirementSelect +
            QStringLiteral("WHERE ?::text IS NULL OR qr.project_id IS NULL OR p.key = ? ORDER BY "
                           "p.key NULLS FIRST, q.name, qr.role_key NULLS FIRST, "
                           "qr.responsibility_key NULLS FIRST, qr.id"),
        {textOrNull(projectKey), projectKey});
    while (q.next())
        result.push_back(readRequirement(q));
    return result;
}

QualificationRequirement QualificationService::require(const QString& qualificationKey,
                                                       const QString& roleKey,
                                                       const QString& responsibilityKey,
                                                       const QString& projectKey)
{
    if (!roleKey.isEmpty() && !responsibilityKey.isEmpty())
        throw validationError(QStringLiteral("give a role or a responsibility, not both"));
    if (roleKey.isEmpty() && responsibilityKey.isEmpty() && projectKey.isEmpty())
        throw validationError(
            QStringLiteral("say what requires it: a role, a responsibility or a project"));
    Transaction tx(m_db);
    const Qualification q = get(qualificationKey);
    QVariant projectId(QMetaType(QMetaType::LongLong));
    if (!projectKey.isEmpty()) {
        QSqlQuery p =
            m_db.exec(QStringLiteral("SELECT id FROM project WHERE key = ?"), {projectKey});
        if (!p.next())
            throw notFoundError(QStringLiteral("project: no project with key %1").arg(projectKey));
        projectId = p.value(0);
    }
    if (!roleKey.isEmpty() &&
        !m_db.exec(QStringLiteral("SELECT 1 FROM role WHERE key = ? AND retired_at IS NULL"),
                   {roleKey})
             .next())
        throw notFoundError(QStringLiteral("role: no role with key %1").arg(roleKey));
    if (!responsibilityKey.isEmpty() &&
        !m_db.exec(QStringLiteral(
                       "SELECT 1 FROM responsibility WHERE key = ? AND retired_at IS NULL"),
                   {responsibilityKey})
             .next())
        throw notFoundError(
            QStringLiteral("responsibility: no responsibility with key %1").arg(responsibilityKey));
    QSqlQuery ins = m_db.exec(
        QStringLiteral("INSERT INTO qualification_requirement (qualification_key, role_key, "
                       "responsibility_key, project_id) VALUES (?, ?, ?, ?) ON CONFLICT DO "
                       "NOTHING RETURNING id"),
        {q.key, textOrNull(roleKey), textOrNull(responsibilityKey), projectId});
    if (!ins.next())
        throw conflictError(QStringLiteral("%1 is already required there").arg(q.key));
    const qint64 id = ins.value(0).toLongLong();
    tx.commit();
    QSqlQuery r = m_db.exec(kRequirementSelect + QStringLiteral("WHERE qr.id = ?"), {id});
    r.next();
    return readRequirement(r);
}

void QualificationService::removeRequirement(qint64 id)
{
    Transaction tx(m_db);
    QSqlQuery q =
        m_db.exec(QStringLiteral("SELECT pack FROM qualification_requirement WHERE id = ?"), {id});
    if (!q.next())
        throw notFoundError(QStringLiteral("no qualification requirement %1").arg(id));
    if (!q.value(0).isNull())
        throw conflictError(QStringLiteral("requirement %1 comes from pack %2: it goes when the "
                                           "pack no longer declares it")
                                .arg(id)
                                .arg(q.value(0).toString()));
    if (m_db.exec(QStringLiteral("DELETE FROM qualification_requirement WHERE id = ?"), {id})
            .numRowsAffected() == 0)
        throw permissionError(
            QStringLiteral("requirement %1: only an administrator, or whoever manages its project, "
                           "may remove it")
                .arg(id));
    tx.commit();
}

} // namespace steward
