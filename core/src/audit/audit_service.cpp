#include "audit/audit_service.h"

#include "audit/audit_rows.h"
#include "db/database.h"
#include "domain/evidence_location.h"
#include "error.h"
#include "services/row_access.h"
#include "services/row_version.h"
#include "services/sql_values.h"

#include <QSqlQuery>

#include <map>

namespace steward {
namespace {

using namespace audit_rows;

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
                               const QString& respondentEmail, std::optional<int> expectedVersion)
{
    Transaction tx(m_db);
    lockOpenAudit(m_db, auditId);
    const qint64 row = auditItemId(m_db, auditId, itemId);
    requireVersion(m_db, QStringLiteral("audit_item"), QStringLiteral("id"), row, expectedVersion,
                   QStringLiteral("audit %1, item %2").arg(auditId).arg(itemId.trimmed()));
    const PersonRef who = person(m_db, respondentEmail, QStringLiteral("person"));
    if (!who.active)
        throw validationError(
            QStringLiteral("person: %1 is inactive and cannot answer an audit item")
                .arg(who.email));
    updateItem(m_db, QStringLiteral("UPDATE audit_item SET respondent_id = ? WHERE id = ?"),
               {who.id, row}, auditId, itemId);
    tx.commit();
    QSqlQuery q = m_db.exec(kItemSelect + QStringLiteral("WHERE ai.id = ?"), {row});
    q.next();
    return readItem(q);
}

AuditItem AuditService::assess(qint64 auditId, const QString& itemId, const QString& result,
                               const QString& note, const QString& actorEmail,
                               std::optional<int> expectedVersion)
{
    const auto value = parseItemResult(result.trimmed());
    if (!value || *value == ItemResult::NotAssessed)
        throw validationError(
            QStringLiteral("result: '%1' is not one of %2").arg(result, allowedResults()));
    Transaction tx(m_db);
    const AuditLock lock = lockOpenAudit(m_db, auditId);
    const qint64 row = auditItemId(m_db, auditId, itemId);
    requireVersion(m_db, QStringLiteral("audit_item"), QStringLiteral("id"), row, expectedVersion,
                   QStringLiteral("audit %1, item %2").arg(auditId).arg(itemId.trimmed()));
    const PersonRef who = actor(m_db, actorEmail);
    updateItem(m_db,
               QStringLiteral("UPDATE audit_item SET result = ?, note = ?, not_applicable_reason = "
                              "'', assessed_by = ?, assessed_at = now() WHERE id = ?"),
               {toText(*value), note, who.id, row}, auditId, itemId);
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
    const EvidenceLocation where = locateEvidence(input.url, input.filePath);
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
        {where.kind, where.location, where.sha256, where.size, effective, who.id,
         input.description});
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
                                         const QString& justification, const QString& actorEmail,
                                         std::optional<int> expectedVersion)
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
    if (!cur.next()) {
        refuseIfHidden(m_db, QStringLiteral("audit_finding"), findingId,
                       QStringLiteral("finding %1: only its owner, the audit's lead or an "
                                      "administrator may change it")
                           .arg(findingId));
        throw notFoundError(
            QStringLiteral("finding: no finding with id %1 (see `steward findings`)")
                .arg(findingId));
    }
    requireVersion(m_db, QStringLiteral("audit_finding"), QStringLiteral("id"), findingId,
                   expectedVersion, QStringLiteral("finding %1").arg(findingId));
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

Audit AuditService::submitForReview(qint64 auditId, const QString& actorEmail,
                                    std::optional<int> expectedVersion)
{
    Transaction tx(m_db);
    const AuditLock lock = lockOpenAudit(m_db, auditId);
    requireVersion(m_db, QStringLiteral("audit"), QStringLiteral("id"), auditId, expectedVersion,
                   QStringLiteral("audit %1").arg(auditId));
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

Audit AuditService::close(qint64 auditId, const QString& statement, const QString& actorEmail,
                          std::optional<int> expectedVersion)
{
    if (statement.trimmed().isEmpty())
        throw validationError(
            QStringLiteral("statement: closing an audit needs a sign-off statement"));
    Transaction tx(m_db);
    const AuditLock lock = lockOpenAudit(m_db, auditId);
    requireVersion(m_db, QStringLiteral("audit"), QStringLiteral("id"), auditId, expectedVersion,
                   QStringLiteral("audit %1").arg(auditId));
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
