#include "audit/audit_service.h"

#include "db/database.h"
#include "error.h"
#include "services/sql_values.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUrl>

#include <map>

namespace steward {
namespace {

const QString kAuditSelect = QStringLiteral(
    "SELECT a.id, p.key, p.name, cv.checklist_key, cv.title, cv.id, cv.label, l.email, l.name, "
    "a.status, a.due_date, a.created_at, a.closed_at, s.email, a.sign_off_statement, a.version "
    "FROM audit a JOIN project p ON p.id = a.project_id "
    "JOIN checklist_version cv ON cv.id = a.checklist_version_id "
    "JOIN person l ON l.id = a.lead_id LEFT JOIN person s ON s.id = a.signed_off_by ");

const QString kItemSelect = QStringLiteral(
    "SELECT ai.id, s.section_id, s.title, ci.item_id, ci.text, ci.guidance, ci.expected_evidence, "
    "ci.role_key, ci.reference, ai.result, ai.not_applicable_reason, ai.note, r.email, ab.email, "
    "ai.assessed_at, ai.version, (SELECT string_agg(l.evidence_id::text, ',' ORDER BY "
    "l.evidence_id) "
    "FROM audit_item_evidence l WHERE l.audit_item_id = ai.id) "
    "FROM audit_item ai JOIN checklist_item ci ON ci.id = ai.checklist_item_id "
    "JOIN checklist_section s ON s.id = ci.section_id "
    "LEFT JOIN person r ON r.id = ai.respondent_id LEFT JOIN person ab ON ab.id = ai.assessed_by ");

const QString kFindingSelect = QStringLiteral(
    "SELECT f.id, f.audit_id, ci.item_id, f.severity, f.description, f.remediation, o.email, "
    "o.name, "
    "f.due_date, f.status, f.risk_acceptance_justification, ra.email, p.key, f.version "
    "FROM audit_finding f JOIN audit_item ai ON ai.id = f.audit_item_id "
    "JOIN checklist_item ci ON ci.id = ai.checklist_item_id JOIN person o ON o.id = f.owner_id "
    "LEFT JOIN person ra ON ra.id = f.risk_accepted_by JOIN audit a ON a.id = f.audit_id "
    "JOIN project p ON p.id = a.project_id ");

const QString kEvidenceSelect = QStringLiteral(
    "SELECT e.id, e.kind, e.location, e.sha256, e.size_bytes, e.effective_date, e.recorded_at, "
    "rb.email, e.description FROM evidence e LEFT JOIN person rb ON rb.id = e.recorded_by ");

Audit readAudit(const QSqlQuery& q)
{
    Audit a;
    a.id = q.value(0).toLongLong();
    a.projectKey = q.value(1).toString();
    a.projectName = q.value(2).toString();
    a.checklistKey = q.value(3).toString();
    a.checklistTitle = q.value(4).toString();
    a.checklistVersionId = q.value(5).toLongLong();
    a.checklistVersionLabel = q.value(6).toString();
    a.leadEmail = q.value(7).toString();
    a.leadName = q.value(8).toString();
    a.status = enumFromSql(parseAuditStatus, q.value(9));
    a.dueDate = q.value(10).toDate();
    a.createdAt = q.value(11).toDateTime();
    a.closedAt = q.value(12).toDateTime();
    a.signedOffBy = q.value(13).toString();
    a.signOffStatement = q.value(14).toString();
    a.version = q.value(15).toInt();
    return a;
}

AuditItem readItem(const QSqlQuery& q)
{
    AuditItem i;
    i.id = q.value(0).toLongLong();
    i.sectionId = q.value(1).toString();
    i.sectionTitle = q.value(2).toString();
    i.itemId = q.value(3).toString();
    i.text = q.value(4).toString();
    i.guidance = q.value(5).toString();
    i.expectedEvidence = q.value(6).toString();
    i.roleKey = q.value(7).toString();
    i.reference = q.value(8).toString();
    i.result = enumFromSql(parseItemResult, q.value(9));
    i.notApplicableReason = q.value(10).toString();
    i.note = q.value(11).toString();
    i.respondentEmail = q.value(12).toString();
    i.assessedBy = q.value(13).toString();
    i.assessedAt = q.value(14).toDateTime();
    i.version = q.value(15).toInt();
    for (const QString& id : q.value(16).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        i.evidenceIds.push_back(id.toLongLong());
    return i;
}

AuditFinding readFinding(const QSqlQuery& q)
{
    AuditFinding f;
    f.id = q.value(0).toLongLong();
    f.auditId = q.value(1).toLongLong();
    f.itemId = q.value(2).toString();
    f.severity = enumFromSql(parseFindingSeverity, q.value(3));
    f.description = q.value(4).toString();
    f.remediation = q.value(5).toString();
    f.ownerEmail = q.value(6).toString();
    f.ownerName = q.value(7).toString();
    f.dueDate = q.value(8).toDate();
    f.status = enumFromSql(parseFindingStatus, q.value(9));
    f.riskAcceptanceJustification = q.value(10).toString();
    f.riskAcceptedBy = q.value(11).toString();
    f.projectKey = q.value(12).toString();
    f.version = q.value(13).toInt();
    return f;
}

Evidence readEvidence(const QSqlQuery& q)
{
    Evidence e;
    e.id = q.value(0).toLongLong();
    e.kind = q.value(1).toString();
    e.location = q.value(2).toString();
    e.sha256 = q.value(3).toString();
    e.sizeBytes = q.value(4).isNull() ? -1 : q.value(4).toLongLong();
    e.effectiveDate = q.value(5).toDate();
    e.recordedAt = q.value(6).toDateTime();
    e.recordedBy = q.value(7).toString();
    e.description = q.value(8).toString();
    return e;
}

struct PersonRef {
    qint64 id = 0;
    QString email;
    bool active = true;
};

PersonRef person(Database& db, const QString& email, const QString& field)
{
    if (email.trimmed().isEmpty())
        throw validationError(QStringLiteral("%1: an e-mail address is required").arg(field));
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT id, email, active FROM person WHERE lower(email) = lower(?)"),
        {email.trimmed()});
    if (!q.next())
        throw notFoundError(QStringLiteral("%1: no person with e-mail %2").arg(field, email));
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toBool()};
}

// The person acting: audit steps record who did them, so the actor must be a known person.
PersonRef actor(Database& db, const QString& email)
{
    if (email.trimmed().isEmpty())
        throw validationError(
            QStringLiteral("actor: this step records who did it; give your e-mail as the actor "
                           "(steward --actor EMAIL ...)"));
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT id, email, active FROM person WHERE lower(email) = lower(?)"),
        {email.trimmed()});
    if (!q.next())
        throw notFoundError(
            QStringLiteral("actor: no person with e-mail %1 (the actor of an audit step is a "
                           "person's e-mail)")
                .arg(email));
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toBool()};
}

struct AuditLock {
    AuditStatus status;
    qint64 leadId;
    QString leadEmail;
};

// Locks the audit row for the rest of the transaction and refuses a closed audit.
AuditLock lockOpenAudit(Database& db, qint64 auditId)
{
    QSqlQuery q = db.exec(
        QStringLiteral(
            "SELECT a.status, a.lead_id, l.email, s.email, a.closed_at FROM audit a "
            "JOIN person l ON l.id = a.lead_id LEFT JOIN person s ON s.id = a.signed_off_by "
            "WHERE a.id = ? FOR UPDATE OF a"),
        {auditId});
    if (!q.next())
        throw notFoundError(
            QStringLiteral("audit: no audit with id %1 (see `steward audit list`)").arg(auditId));
    const AuditStatus status = enumFromSql(parseAuditStatus, q.value(0));
    if (status == AuditStatus::Closed)
        throw conflictError(
            QStringLiteral("audit %1 is closed (signed off by %2 on %3): a closed audit and its "
                           "results can no longer be changed; start a new audit to re-assess")
                .arg(auditId)
                .arg(q.value(3).toString(), q.value(4).toDateTime().date().toString(Qt::ISODate)));
    return {status, q.value(1).toLongLong(), q.value(2).toString()};
}

// The audit_item row of `itemId` in the audit's checklist version.
qint64 auditItemId(Database& db, qint64 auditId, const QString& itemId)
{
    QSqlQuery q = db.exec(QStringLiteral("SELECT ai.id FROM audit_item ai JOIN checklist_item ci "
                                         "ON ci.id = ai.checklist_item_id "
                                         "WHERE ai.audit_id = ? AND ci.item_id = ?"),
                          {auditId, itemId.trimmed()});
    if (q.next())
        return q.value(0).toLongLong();
    QSqlQuery v = db.exec(
        QStringLiteral("SELECT cv.checklist_key, cv.label FROM audit a JOIN checklist_version cv "
                       "ON cv.id = a.checklist_version_id WHERE a.id = ?"),
        {auditId});
    if (!v.next())
        throw notFoundError(
            QStringLiteral("audit: no audit with id %1 (see `steward audit list`)").arg(auditId));
    throw notFoundError(
        QStringLiteral("item: '%1' is not an item of checklist %2 version %3 that audit %4 uses "
                       "(see `steward audit show %4`)")
            .arg(itemId, v.value(0).toString(), v.value(1).toString())
            .arg(auditId));
}

void requireLeadOrAdmin(AuditService& service, const AuditLock& lock, const PersonRef& who,
                        qint64 auditId, const QString& what)
{
    if (who.id != lock.leadId && !service.isAdmin())
        throw conflictError(
            QStringLiteral("only the audit's lead (%1) or an admin can %2 audit %3; %4 is neither")
                .arg(lock.leadEmail, what)
                .arg(auditId)
                .arg(who.email));
}

QStringList listOf(const QString& commaSeparated)
{
    return commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QString actorWord(const QString& actor, bool plural)
{
    if (actor == QLatin1String("provider"))
        return plural ? QStringLiteral("providers") : QStringLiteral("a provider");
    if (actor == QLatin1String("deployer"))
        return plural ? QStringLiteral("deployers") : QStringLiteral("a deployer");
    return plural ? QStringLiteral("providers that also deploy")
                  : QStringLiteral("a provider and deployer");
}

struct ProjectScope {
    qint64 id = 0;
    QString key;
    QString industry;
    QString riskTier;
    QString actor;
};

// Why an item with these applicability lists does not apply to the project; empty when it does.
QString notApplicableReason(const ProjectScope& p, const QStringList& tiers,
                            const QStringList& actors, const QStringList& industries)
{
    QStringList reasons;
    if (!tiers.isEmpty() && !tiers.contains(p.riskTier)) {
        QStringList names;
        for (const QString& t : tiers)
            names << t + QStringLiteral("-risk");
        reasons << QStringLiteral("applies to %1 systems; %2 is %3-risk")
                       .arg(names.join(QStringLiteral(" or ")), p.key, p.riskTier);
    }
    // A provider that also deploys carries both sets of obligations.
    const bool actorApplies = actors.isEmpty() || actors.contains(p.actor) ||
                              (p.actor == QLatin1String("provider-and-deployer") &&
                               (actors.contains(QStringLiteral("provider")) ||
                                actors.contains(QStringLiteral("deployer"))));
    if (!actorApplies) {
        QStringList names;
        for (const QString& a : actors)
            names << actorWord(a, true);
        reasons << QStringLiteral("applies to %1; %2 is %3")
                       .arg(names.join(QStringLiteral(" or ")), p.key, actorWord(p.actor, false));
    }
    if (!industries.isEmpty() && !industries.contains(p.industry))
        reasons << QStringLiteral("applies to %1 projects; %2 is in %3")
                       .arg(industries.join(QStringLiteral(" or ")), p.key, p.industry);
    return reasons.join(QStringLiteral("; "));
}

QString allowedResults()
{
    return QStringLiteral("satisfied, partially-satisfied, not-satisfied, not-applicable");
}

} // namespace

AuditScores computeScores(const std::vector<AuditItem>& items)
{
    AuditScores scores;
    std::map<QString, std::size_t> index;
    const auto add = [](Score& s, ItemResult r) {
        switch (r) {
        case ItemResult::NotApplicable:
            return;
        case ItemResult::Satisfied:
            ++s.satisfied;
            break;
        case ItemResult::PartiallySatisfied:
            ++s.partial;
            break;
        case ItemResult::NotSatisfied:
            ++s.notSatisfied;
            break;
        case ItemResult::NotAssessed:
            ++s.notAssessed;
            break;
        }
        ++s.applicable;
    };
    for (const AuditItem& item : items) {
        auto it = index.find(item.sectionId);
        if (it == index.end()) {
            Score s;
            s.sectionId = item.sectionId;
            s.sectionTitle = item.sectionTitle;
            scores.sections.push_back(s);
            it = index.emplace(item.sectionId, scores.sections.size() - 1).first;
        }
        add(scores.sections[it->second], item.result);
        add(scores.overall, item.result);
    }
    const auto percent = [](Score& s) {
        s.percent =
            s.applicable == 0 ? 0.0 : 100.0 * (s.satisfied + 0.5 * s.partial) / s.applicable;
    };
    for (Score& s : scores.sections)
        percent(s);
    percent(scores.overall);
    return scores;
}

AuditService::AuditService(Database& db, QDate today)
    : m_db(db)
    , m_today(today)
{
}

bool AuditService::isAdmin()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT steward_is_admin()"));
    q.next();
    return q.value(0).toBool();
}

Audit AuditService::create(const AuditPlan& plan)
{
    if (!plan.dueDate.isValid())
        throw validationError(QStringLiteral("due: a due date is required"));
    if (plan.dueDate < m_today)
        throw validationError(
            QStringLiteral("due: %1 is in the past (today is %2)")
                .arg(plan.dueDate.toString(Qt::ISODate), m_today.toString(Qt::ISODate)));
    if (plan.checklistVersion && *plan.checklistVersion <= 0)
        throw validationError(
            QStringLiteral("version: %1 is not a version number").arg(*plan.checklistVersion));

    Transaction tx(m_db);
    ProjectScope project;
    {
        QSqlQuery q = m_db.exec(
            QStringLiteral(
                "SELECT id, key, industry, risk_tier, ai_act_role FROM project WHERE key = ?"),
            {plan.projectKey.trimmed()});
        if (!q.next())
            throw notFoundError(
                QStringLiteral("project: no project with key %1").arg(plan.projectKey));
        project = {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                   q.value(3).toString(), q.value(4).toString()};
    }
    qint64 versionId = 0;
    {
        QSqlQuery c =
            m_db.exec(QStringLiteral("SELECT current_version_id FROM checklist WHERE key = ?"),
                      {plan.checklistKey.trimmed()});
        if (!c.next())
            throw notFoundError(
                QStringLiteral("checklist: no checklist with key %1 (see `steward checklist list`)")
                    .arg(plan.checklistKey));
        if (plan.checklistVersion) {
            QSqlQuery v = m_db.exec(
                QStringLiteral(
                    "SELECT id FROM checklist_version WHERE checklist_key = ? AND number = ?"),
                {plan.checklistKey.trimmed(), *plan.checklistVersion});
            if (!v.next())
                throw notFoundError(
                    QStringLiteral(
                        "checklist: %1 has no version %2 (see `steward checklist show %1`)")
                        .arg(plan.checklistKey)
                        .arg(*plan.checklistVersion));
            versionId = v.value(0).toLongLong();
        } else {
            if (c.value(0).isNull())
                throw notFoundError(QStringLiteral("checklist: %1 has no published version")
                                        .arg(plan.checklistKey));
            versionId = c.value(0).toLongLong();
        }
    }
    const PersonRef lead = person(m_db, plan.leadEmail, QStringLiteral("lead"));
    if (!lead.active)
        throw validationError(
            QStringLiteral("lead: %1 is inactive and cannot lead an audit").arg(lead.email));
    if (plan.copyEvidenceFrom) {
        QSqlQuery q = m_db.exec(
            QStringLiteral(
                "SELECT a.project_id, cv.checklist_key FROM audit a JOIN checklist_version cv "
                "ON cv.id = a.checklist_version_id WHERE a.id = ?"),
            {*plan.copyEvidenceFrom});
        if (!q.next())
            throw notFoundError(
                QStringLiteral("copy evidence: no audit with id %1").arg(*plan.copyEvidenceFrom));
        if (q.value(0).toLongLong() != project.id ||
            q.value(1).toString() != plan.checklistKey.trimmed())
            throw validationError(
                QStringLiteral("copy evidence: audit %1 is not an audit of %2 against %3")
                    .arg(*plan.copyEvidenceFrom)
                    .arg(project.key, plan.checklistKey));
    }

    QSqlQuery ins = m_db.exec(
        QStringLiteral("INSERT INTO audit (project_id, checklist_version_id, lead_id, due_date) "
                       "VALUES (?, ?, ?, ?) RETURNING id"),
        {project.id, versionId, lead.id, plan.dueDate});
    ins.next();
    const qint64 auditId = ins.value(0).toLongLong();

    QSqlQuery items =
        m_db.exec(QStringLiteral("SELECT id, role_key, array_to_string(risk_tiers, ','), "
                                 "array_to_string(actors, ','), array_to_string(industries, ',') "
                                 "FROM checklist_item WHERE version_id = ? ORDER BY position"),
                  {versionId});
    struct Pending {
        qint64 id;
        QString role;
        QString reason;
    };
    std::vector<Pending> pending;
    while (items.next())
        pending.push_back({items.value(0).toLongLong(), items.value(1).toString(),
                           notApplicableReason(project, listOf(items.value(2).toString()),
                                               listOf(items.value(3).toString()),
                                               listOf(items.value(4).toString()))});
    std::map<QString, QVariant> respondents; // per role: the first current holder by name
    for (const Pending& p : pending) {
        QVariant respondent(QMetaType(QMetaType::LongLong));
        if (p.reason.isEmpty() && !p.role.isEmpty()) {
            auto it = respondents.find(p.role);
            if (it == respondents.end()) {
                QSqlQuery h = m_db.exec(
                    QStringLiteral(
                        "SELECT pe.id FROM assignment a JOIN person pe ON pe.id = a.person_id "
                        "WHERE a.project_id = ? AND a.role_key = ? AND pe.active "
                        "AND a.from_date <= ? AND (a.to_date IS NULL OR a.to_date >= ?) "
                        "ORDER BY lower(pe.name), pe.id LIMIT 1"),
                    {project.id, p.role, m_today, m_today});
                it = respondents.emplace(p.role, h.next() ? h.value(0) : respondent).first;
            }
            respondent = it->second;
        }
        m_db.exec(
            QStringLiteral("INSERT INTO audit_item (audit_id, checklist_item_id, result, "
                           "not_applicable_reason, "
                           "respondent_id) VALUES (?, ?, ?, ?, ?)"),
            {auditId, p.id,
             p.reason.isEmpty() ? QStringLiteral("not-assessed") : QStringLiteral("not-applicable"),
             p.reason, respondent});
    }
    if (plan.copyEvidenceFrom)
        m_db.exec(QStringLiteral(
                      "INSERT INTO audit_item_evidence (audit_item_id, evidence_id) "
                      "SELECT n.id, l.evidence_id FROM audit_item o "
                      "JOIN checklist_item oci ON oci.id = o.checklist_item_id "
                      "JOIN audit_item_evidence l ON l.audit_item_id = o.id "
                      "JOIN checklist_item nci ON nci.item_id = oci.item_id AND nci.version_id = ? "
                      "JOIN audit_item n ON n.checklist_item_id = nci.id AND n.audit_id = ? "
                      "WHERE o.audit_id = ? ON CONFLICT DO NOTHING"),
                  {versionId, auditId, *plan.copyEvidenceFrom});
    tx.commit();
    return audit(auditId);
}

Audit AuditService::audit(qint64 auditId)
{
    QSqlQuery q = m_db.exec(kAuditSelect + QStringLiteral("WHERE a.id = ?"), {auditId});
    if (!q.next())
        throw notFoundError(
            QStringLiteral("audit: no audit with id %1 (see `steward audit list`)").arg(auditId));
    return readAudit(q);
}

std::vector<Audit> AuditService::list(const QString& projectKey)
{
    std::vector<Audit> result;
    QSqlQuery q;
    if (projectKey.isEmpty()) {
        q = m_db.exec(kAuditSelect + QStringLiteral("ORDER BY a.id"));
    } else {
        QSqlQuery p =
            m_db.exec(QStringLiteral("SELECT 1 FROM project WHERE key = ?"), {projectKey});
        if (!p.next())
            throw notFoundError(QStringLiteral("project: no project with key %1").arg(projectKey));
        q = m_db.exec(kAuditSelect + QStringLiteral("WHERE p.key = ? ORDER BY a.id"), {projectKey});
    }
    while (q.next())
        result.push_back(readAudit(q));
    return result;
}

std::vector<AuditItem> AuditService::items(qint64 auditId)
{
    audit(auditId);
    QSqlQuery q = m_db.exec(
        kItemSelect + QStringLiteral("WHERE ai.audit_id = ? ORDER BY ci.position"), {auditId});
    std::vector<AuditItem> result;
    while (q.next())
        result.push_back(readItem(q));
    return result;
}

std::vector<Evidence> AuditService::evidence(qint64 auditId)
{
    QSqlQuery q = m_db.exec(
        kEvidenceSelect +
            QStringLiteral("WHERE e.id IN (SELECT l.evidence_id FROM audit_item_evidence l "
                           "JOIN audit_item ai ON ai.id = l.audit_item_id "
                           "WHERE ai.audit_id = ?) ORDER BY e.id"),
        {auditId});
    std::vector<Evidence> result;
    while (q.next())
        result.push_back(readEvidence(q));
    return result;
}

std::vector<AuditFinding> AuditService::findings(qint64 auditId)
{
    QSqlQuery q =
        m_db.exec(kFindingSelect + QStringLiteral("WHERE f.audit_id = ? ORDER BY f.id"), {auditId});
    std::vector<AuditFinding> result;
    while (q.next())
        result.push_back(readFinding(q));
    return result;
}

AuditItem AuditService::assign(qint64 auditId, const QString& itemId,
                               const QString& respondentEmail)
{
    Transaction tx(m_db);
    lockOpenAudit(m_db, auditId);
    const qint64 row = auditItemId(m_db, auditId, itemId);
    const PersonRef who = person(m_db, respondentEmail, QStringLiteral("person"));
    if (!who.active)
        throw validationError(
            QStringLiteral("person: %1 is inactive and cannot answer an audit item")
                .arg(who.email));
    m_db.exec(QStringLiteral("UPDATE audit_item SET respondent_id = ? WHERE id = ?"),
              {who.id, row});
    tx.commit();
    QSqlQuery q = m_db.exec(kItemSelect + QStringLiteral("WHERE ai.id = ?"), {row});
    q.next();
    return readItem(q);
}

AuditItem AuditService::assess(qint64 auditId, const QString& itemId, const QString& result,
                               const QString& note, const QString& actorEmail)
{
    const auto value = parseItemResult(result.trimmed());
    if (!value || *value == ItemResult::NotAssessed)
        throw validationError(
            QStringLiteral("result: '%1' is not one of %2").arg(result, allowedResults()));
    Transaction tx(m_db);
    const AuditLock lock = lockOpenAudit(m_db, auditId);
    const qint64 row = auditItemId(m_db, auditId, itemId);
    const PersonRef who = actor(m_db, actorEmail);
    m_db.exec(QStringLiteral("UPDATE audit_item SET result = ?, note = ?, not_applicable_reason = "
                             "'', assessed_by = ?, "
                             "assessed_at = now() WHERE id = ?"),
              {toText(*value), note, who.id, row});
    if (lock.status == AuditStatus::Planned)
        m_db.exec(QStringLiteral("UPDATE audit SET status = 'in-progress' WHERE id = ?"),
                  {auditId});
    tx.commit();
    QSqlQuery q = m_db.exec(kItemSelect + QStringLiteral("WHERE ai.id = ?"), {row});
    q.next();
    return readItem(q);
}

Evidence AuditService::attachEvidence(qint64 auditId, const QStringList& itemIds,
                                      const EvidenceInput& input, const QString& actorEmail)
{
    if (itemIds.isEmpty())
        throw validationError(
            QStringLiteral("item: name at least one item to link the evidence to"));
    const bool isUrl = !input.url.trimmed().isEmpty();
    const bool isFile = !input.filePath.trimmed().isEmpty();
    if (isUrl == isFile)
        throw validationError(QStringLiteral("evidence: give either a URL or a file, not %1")
                                  .arg(isUrl ? QStringLiteral("both") : QStringLiteral("neither")));
    QString kind;
    QString location;
    QVariant sha = QVariant(QMetaType(QMetaType::QString));
    QVariant size = QVariant(QMetaType(QMetaType::LongLong));
    if (isUrl) {
        const QUrl url(input.url.trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty() ||
            (url.host().isEmpty() && url.scheme() != QLatin1String("file")))
            throw validationError(
                QStringLiteral("url: '%1' is not a URL (e.g. https://example.org/report)")
                    .arg(input.url));
        kind = QStringLiteral("url");
        location = url.toString();
    } else {
        const QFileInfo info(input.filePath);
        if (!info.exists() || !info.isFile())
            throw validationError(
                QStringLiteral("file: %1 does not exist or is not a file").arg(input.filePath));
        QFile file(info.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly))
            throw validationError(QStringLiteral("file: %1 cannot be read: %2")
                                      .arg(info.absoluteFilePath(), file.errorString()));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!hash.addData(&file))
            throw validationError(QStringLiteral("file: %1 cannot be read: %2")
                                      .arg(info.absoluteFilePath(), file.errorString()));
        kind = QStringLiteral("file");
        location = info.absoluteFilePath();
        sha = QString::fromLatin1(hash.result().toHex());
        size = file.size();
    }
    const QDate effective = input.effectiveDate.isValid() ? input.effectiveDate : m_today;

    Transaction tx(m_db);
    lockOpenAudit(m_db, auditId);
    std::vector<qint64> rows;
    for (const QString& itemId : itemIds)
        rows.push_back(auditItemId(m_db, auditId, itemId));
    const PersonRef who = actor(m_db, actorEmail);
    QSqlQuery ins = m_db.exec(
        QStringLiteral("INSERT INTO evidence (kind, location, sha256, size_bytes, effective_date, "
                       "recorded_by, description) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {kind, location, sha, size, effective, who.id, input.description});
    ins.next();
    const qint64 id = ins.value(0).toLongLong();
    for (qint64 row : rows)
        m_db.exec(QStringLiteral(
                      "INSERT INTO audit_item_evidence (audit_item_id, evidence_id) VALUES (?, ?) "
                      "ON CONFLICT DO NOTHING"),
                  {row, id});
    tx.commit();
    QSqlQuery q = m_db.exec(kEvidenceSelect + QStringLiteral("WHERE e.id = ?"), {id});
    q.next();
    return readEvidence(q);
}

AuditFinding AuditService::raiseFinding(qint64 auditId, const FindingInput& input)
{
    const auto severity = parseFindingSeverity(input.severity.trimmed());
    if (!severity)
        throw validationError(
            QStringLiteral("severity: '%1' is not one of low, medium, high, critical")
                .arg(input.severity));
    if (input.description.trimmed().isEmpty())
        throw validationError(QStringLiteral("description: a finding needs a description"));
    if (input.remediation.trimmed().isEmpty())
        throw validationError(QStringLiteral("remediation: a finding needs a remediation action"));
    if (input.ownerEmail.trimmed().isEmpty())
        throw validationError(
            QStringLiteral("owner: a finding needs an owner (a person's e-mail)"));
    if (!input.dueDate.isValid())
        throw validationError(QStringLiteral("due: a finding needs a due date"));

    Transaction tx(m_db);
    lockOpenAudit(m_db, auditId);
    const qint64 row = auditItemId(m_db, auditId, input.itemId);
    {
        QSqlQuery r =
            m_db.exec(QStringLiteral("SELECT result FROM audit_item WHERE id = ?"), {row});
        r.next();
        const ItemResult result = enumFromSql(parseItemResult, r.value(0));
        if (result != ItemResult::PartiallySatisfied && result != ItemResult::NotSatisfied)
            throw validationError(
                QStringLiteral("item: %1 is %2; a finding is raised only on a partially or not "
                               "satisfied item")
                    .arg(input.itemId, toText(result)));
    }
    const PersonRef owner = person(m_db, input.ownerEmail, QStringLiteral("owner"));
    if (!owner.active)
        throw validationError(
            QStringLiteral("owner: %1 is inactive and cannot own a finding").arg(owner.email));
    QSqlQuery ins =
        m_db.exec(QStringLiteral(
                      "INSERT INTO audit_finding (audit_id, audit_item_id, severity, description, "
                      "remediation, owner_id, due_date) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                  {auditId, row, toText(*severity), input.description.trimmed(),
                   input.remediation.trimmed(), owner.id, input.dueDate});
    ins.next();
    const qint64 id = ins.value(0).toLongLong();
    tx.commit();
    QSqlQuery q = m_db.exec(kFindingSelect + QStringLiteral("WHERE f.id = ?"), {id});
    q.next();
    return readFinding(q);
}

AuditFinding AuditService::updateFinding(qint64 findingId, const QString& status,
                                         const QString& justification, const QString& actorEmail)
{
    const auto next = parseFindingStatus(status.trimmed());
    if (!next)
        throw validationError(
            QStringLiteral("status: '%1' is not one of open, in-progress, resolved, risk-accepted")
                .arg(status));
    if (*next == FindingStatus::RiskAccepted && justification.trimmed().isEmpty())
        throw validationError(
            QStringLiteral("justification: accepting a risk needs a justification"));
    if (*next != FindingStatus::RiskAccepted && !justification.trimmed().isEmpty())
        throw validationError(
            QStringLiteral("justification: only a risk acceptance takes a justification"));

    Transaction tx(m_db);
    QSqlQuery cur = m_db.exec(
        QStringLiteral("SELECT status FROM audit_finding WHERE id = ? FOR UPDATE"), {findingId});
    if (!cur.next())
        throw notFoundError(
            QStringLiteral("finding: no finding with id %1 (see `steward findings`)")
                .arg(findingId));
    const FindingStatus current = enumFromSql(parseFindingStatus, cur.value(0));
    const bool allowed =
        (current == FindingStatus::Open && *next != FindingStatus::Open) ||
        (current == FindingStatus::InProgress && *next != FindingStatus::InProgress);
    if (!allowed)
        throw conflictError(
            QStringLiteral("finding %1 is %2 and cannot become %3%4")
                .arg(findingId)
                .arg(toText(current), toText(*next),
                     current == FindingStatus::Resolved || current == FindingStatus::RiskAccepted
                         ? QStringLiteral(" (that status is final)")
                         : QString()));
    const PersonRef who = actor(m_db, actorEmail);
    const bool accepting = *next == FindingStatus::RiskAccepted;
    m_db.exec(
        QStringLiteral("UPDATE audit_finding SET status = ?, risk_acceptance_justification = ?, "
                       "risk_accepted_by = ? WHERE id = ?"),
        {toText(*next), accepting ? justification.trimmed() : QString(),
         accepting ? QVariant(who.id) : QVariant(QMetaType(QMetaType::LongLong)), findingId});
    tx.commit();
    QSqlQuery q = m_db.exec(kFindingSelect + QStringLiteral("WHERE f.id = ?"), {findingId});
    q.next();
    return readFinding(q);
}

std::vector<AuditFinding> AuditService::openFindings(std::optional<QDate> overdueAsOf)
{
    QSqlQuery q =
        overdueAsOf
            ? m_db.exec(
                  kFindingSelect +
                      QStringLiteral("WHERE f.status IN ('open', 'in-progress') AND f.due_date < ? "
                                     "ORDER BY f.due_date, f.id"),
                  {*overdueAsOf})
            : m_db.exec(kFindingSelect + QStringLiteral("WHERE f.status IN ('open', 'in-progress') "
                                                        "ORDER BY f.due_date, f.id"));
    std::vector<AuditFinding> result;
    while (q.next())
        result.push_back(readFinding(q));
    return result;
}

Audit AuditService::submitForReview(qint64 auditId, const QString& actorEmail)
{
    Transaction tx(m_db);
    const AuditLock lock = lockOpenAudit(m_db, auditId);
    const PersonRef who = actor(m_db, actorEmail);
    requireLeadOrAdmin(*this, lock, who, auditId, QStringLiteral("submit for review"));
    if (lock.status == AuditStatus::Planned)
        throw conflictError(
            QStringLiteral("audit %1 is planned: assess its items before submitting it for review")
                .arg(auditId));
    if (lock.status == AuditStatus::InReview)
        throw conflictError(QStringLiteral("audit %1 is already in review").arg(auditId));
    m_db.exec(QStringLiteral("UPDATE audit SET status = 'in-review' WHERE id = ?"), {auditId});
    tx.commit();
    return audit(auditId);
}

Audit AuditService::close(qint64 auditId, const QString& statement, const QString& actorEmail)
{
    if (statement.trimmed().isEmpty())
        throw validationError(
            QStringLiteral("statement: closing an audit needs a sign-off statement"));
    Transaction tx(m_db);
    const AuditLock lock = lockOpenAudit(m_db, auditId);
    const PersonRef who = actor(m_db, actorEmail);
    requireLeadOrAdmin(*this, lock, who, auditId, QStringLiteral("close"));
    if (lock.status != AuditStatus::InReview)
        throw conflictError(
            QStringLiteral("audit %1 is %2: submit it for review first (steward audit review %1)")
                .arg(auditId)
                .arg(toText(lock.status)));
    QSqlQuery open = m_db.exec(
        QStringLiteral("SELECT ci.item_id FROM audit_item ai JOIN checklist_item ci ON ci.id = "
                       "ai.checklist_item_id "
                       "WHERE ai.audit_id = ? AND ai.result = 'not-assessed' ORDER BY ci.position"),
        {auditId});
    QStringList missing;
    while (open.next())
        missing << open.value(0).toString();
    if (!missing.isEmpty())
        throw validationError(
            QStringLiteral("audit %1: %2 applicable item(s) are not assessed yet: %3")
                .arg(auditId)
                .arg(missing.size())
                .arg(missing.mid(0, 10).join(QStringLiteral(", ")) +
                     (missing.size() > 10 ? QStringLiteral(", ...") : QString())));
    m_db.exec(
        QStringLiteral("UPDATE audit SET status = 'closed', closed_at = now(), signed_off_by = ?, "
                       "sign_off_statement = ? WHERE id = ?"),
        {who.id, statement.trimmed(), auditId});
    tx.commit();
    return audit(auditId);
}

AuditScores AuditService::scores(qint64 auditId)
{
    return computeScores(items(auditId));
}

std::vector<std::pair<qint64, double>> AuditService::trend(qint64 auditId)
{
    const Audit a = audit(auditId);
    QSqlQuery q = m_db.exec(
        kAuditSelect +
            QStringLiteral("WHERE p.key = ? AND cv.checklist_key = ? ORDER BY a.created_at, a.id"),
        {a.projectKey, a.checklistKey});
    std::vector<qint64> ids;
    while (q.next())
        ids.push_back(q.value(0).toLongLong());
    std::vector<std::pair<qint64, double>> result;
    for (qint64 id : ids)
        result.emplace_back(id, scores(id).overall.percent);
    return result;
}

AuditReportData AuditService::reportData(qint64 auditId)
{
    // One transaction, so that the parts of the report agree with each other.
    Transaction tx(m_db);
    AuditReportData data;
    data.audit = audit(auditId);
    {
        QSqlQuery q = m_db.exec(
            QStringLiteral(
                "SELECT p.industry, p.risk_tier, p.ai_act_role, cv.framework, cv.source, "
                "cv.licence "
                "FROM audit a JOIN project p ON p.id = a.project_id "
                "JOIN checklist_version cv ON cv.id = a.checklist_version_id WHERE a.id = ?"),
            {auditId});
        q.next();
        data.projectIndustry = q.value(0).toString();
        data.projectRiskTier = q.value(1).toString();
        data.projectAiActRole = q.value(2).toString();
        data.checklistFramework = q.value(3).toString();
        data.checklistSource = q.value(4).toString();
        data.checklistLicence = q.value(5).toString();
    }
    data.items = items(auditId);
    data.evidence = evidence(auditId);
    data.findings = findings(auditId);
    AuditScores s = computeScores(data.items);
    data.sectionScores = std::move(s.sections);
    data.overall = s.overall;
    for (const auto& point : trend(auditId)) {
        if (point.first == auditId)
            break;
        data.trend.push_back(point);
    }
    data.generatedAt = QDateTime::currentDateTimeUtc();
    tx.commit();
    return data;
}

} // namespace steward
