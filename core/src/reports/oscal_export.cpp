#include "oscal_export.h"

#include "report_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>

namespace steward {
namespace {

const QString kOscalVersion = QStringLiteral("1.2.3");
const QString kPropNamespace = QStringLiteral("urn:steward:oscal");

class Builder {
public:
    explicit Builder(const AuditReportData& data)
        : m_data(data)
        , m_now(data.generatedAt.isValid() ? data.generatedAt : QDateTime::currentDateTimeUtc())
    {
    }

    QJsonObject document() const;

private:
    // The namespace of every Steward OSCAL UUID; never change it, or documents stop matching.
    QString uuid(const QString& what) const
    {
        static const QUuid ns(QStringLiteral("{8f0b6a52-3c1d-4e57-9b2a-6d4f1e7c0a93}"));
        return QUuid::createUuidV5(ns, QStringLiteral("audit/%1/%2").arg(m_data.audit.id).arg(what))
            .toString(QUuid::WithoutBraces);
    }
    QString timestamp(const QDateTime& t) const
    {
        return (t.isValid() ? t : m_now).toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
               QLatin1Char('Z');
    }
    // OSCAL strings may not be empty nor start or end with white space.
    static QString line(const QString& s, const QString& fallback)
    {
        const QString simple = s.simplified();
        return simple.isEmpty() ? fallback : simple;
    }
    static void addProp(QJsonArray& props, const QString& name, const QString& value)
    {
        const QString v = value.simplified();
        if (!v.isEmpty())
            props.append(QJsonObject{{QStringLiteral("name"), name},
                                     {QStringLiteral("ns"), kPropNamespace},
                                     {QStringLiteral("value"), v}});
    }

    QJsonObject metadata() const;
    QJsonObject result() const;
    QJsonObject observation(const AuditItem& item) const;
    QJsonObject finding(const AuditItem& item) const;
    QJsonObject risk(const AuditFinding& f) const;
    QString observationUuid(const AuditItem& item) const
    {
        return uuid(QStringLiteral("observation/") + item.itemId);
    }
    QString riskUuid(const AuditFinding& f) const
    {
        return uuid(QStringLiteral("risk/%1").arg(f.id));
    }
    const AuditItem* itemById(const QString& itemId) const
    {
        for (const AuditItem& item : m_data.items) {
            if (item.itemId == itemId)
                return &item;
        }
        return nullptr;
    }

    const AuditReportData& m_data;
    QDateTime m_now;
};

bool isApplicable(const AuditItem& item)
{
    return item.result != ItemResult::NotApplicable;
}
bool hasObservation(const AuditItem& item)
{
    return item.result != ItemResult::NotAssessed;
}
bool hasFinding(const AuditItem& item)
{
    return hasObservation(item) && isApplicable(item);
}

QJsonObject Builder::document() const
{
    const Audit& a = m_data.audit;
    QJsonObject ar{
        {QStringLiteral("uuid"), uuid(QStringLiteral("assessment-results"))},
        {QStringLiteral("metadata"), metadata()},
        {QStringLiteral("import-ap"),
         QJsonObject{
             {QStringLiteral("href"), QStringLiteral("urn:steward:audit:%1:plan").arg(a.id)},
             {QStringLiteral("remarks"),
              QStringLiteral("Steward keeps the plan in the audit itself: checklist %1 version %2 "
                             "applied to project %3.")
                  .arg(a.checklistKey, a.checklistVersionLabel, a.projectKey)}}},
        {QStringLiteral("results"), QJsonArray{result()}}};
    return {{QStringLiteral("assessment-results"), ar}};
}

QJsonObject Builder::metadata() const
{
    const Audit& a = m_data.audit;
    const QString leadUuid = uuid(QStringLiteral("party/lead"));
    QJsonObject party{{QStringLiteral("uuid"), leadUuid},
                      {QStringLiteral("type"), QStringLiteral("person")},
                      {QStringLiteral("name"),
                       line(a.leadName, line(a.leadEmail, QStringLiteral("Unknown lead")))}};
    if (a.leadEmail.contains(QLatin1Char('@')))
        party.insert(QStringLiteral("email-addresses"), QJsonArray{a.leadEmail.simplified()});

    QJsonArray props;
    addProp(props, QStringLiteral("project"), a.projectKey);
    addProp(props, QStringLiteral("checklist"), a.checklistKey);
    addProp(props, QStringLiteral("checklist-version"), a.checklistVersionLabel);
    addProp(props, QStringLiteral("framework"), m_data.checklistFramework);
    addProp(props, QStringLiteral("audit-status"), report::code(a.status));

    QJsonObject metadata{
        {QStringLiteral("title"), line(QStringLiteral("Audit %1: %2, %3 %4")
                                           .arg(QString::number(a.id), a.projectName,
                                                a.checklistTitle, a.checklistVersionLabel),
                                       QStringLiteral("Audit"))},
        {QStringLiteral("last-modified"), timestamp(m_data.generatedAt)},
        {QStringLiteral("version"), QString::number(a.version)},
        {QStringLiteral("oscal-version"), kOscalVersion},
        {QStringLiteral("roles"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("assessment-lead")},
                                {QStringLiteral("title"), QStringLiteral("Audit lead")}}}},
        {QStringLiteral("parties"), QJsonArray{party}},
        {QStringLiteral("responsible-parties"),
         QJsonArray{QJsonObject{{QStringLiteral("role-id"), QStringLiteral("assessment-lead")},
                                {QStringLiteral("party-uuids"), QJsonArray{leadUuid}}}}}};
    if (!props.isEmpty())
        metadata.insert(QStringLiteral("props"), props);
    return metadata;
}

QJsonObject Builder::result() const
{
    const Audit& a = m_data.audit;
    QJsonArray included;
    QJsonArray excluded;
    QJsonArray observations;
    QJsonArray findings;
    for (const AuditItem& item : m_data.items) {
        const QJsonObject control{{QStringLiteral("control-id"), oscalControlId(item.itemId)}};
        (isApplicable(item) ? included : excluded).append(control);
        if (hasObservation(item))
            observations.append(observation(item));
        if (hasFinding(item))
            findings.append(finding(item));
    }
    QJsonArray risks;
    for (const AuditFinding& f : m_data.findings)
        risks.append(risk(f));

    // A selection needs either some controls or include-all; an audit whose items are all ruled
    // out still reviewed its checklist, so it is include-all minus every item.
    QJsonObject selection;
    if (included.isEmpty())
        selection.insert(QStringLiteral("include-all"), QJsonObject{});
    else
        selection.insert(QStringLiteral("include-controls"), included);
    if (!excluded.isEmpty())
        selection.insert(QStringLiteral("exclude-controls"), excluded);

    QJsonArray props;
    addProp(props, QStringLiteral("overall-score-percent"),
            QString::number(m_data.overall.percent, 'f', 1));
    for (const Score& s : m_data.sectionScores)
        addProp(props, QStringLiteral("section-score-percent"),
                QStringLiteral("%1: %2").arg(s.sectionId, QString::number(s.percent, 'f', 1)));

    QJsonObject result{
        {QStringLiteral("uuid"), uuid(QStringLiteral("result"))},
        {QStringLiteral("title"),
         line(QStringLiteral("%1 against %2 %3")
                  .arg(a.projectName, a.checklistTitle, a.checklistVersionLabel),
              QStringLiteral("Audit"))},
        {QStringLiteral("description"),
         QStringLiteral(
             "Audit %1 of project %2 (%3) against checklist %4 version %5, led by %6; status %7.")
             .arg(QString::number(a.id), a.projectName, a.projectKey, a.checklistKey,
                  a.checklistVersionLabel, a.leadEmail, report::code(a.status))},
        {QStringLiteral("start"), timestamp(a.createdAt)},
        {QStringLiteral("reviewed-controls"),
         QJsonObject{{QStringLiteral("control-selections"), QJsonArray{selection}}}}};
    if (a.status == AuditStatus::Closed && a.closedAt.isValid()) {
        result.insert(QStringLiteral("end"), timestamp(a.closedAt));
        result.insert(QStringLiteral("remarks"), QStringLiteral("Signed off by %1: %2")
                                                     .arg(a.signedOffBy, a.signOffStatement)
                                                     .trimmed());
    }
    if (!props.isEmpty())
        result.insert(QStringLiteral("props"), props);
    if (!observations.isEmpty())
        result.insert(QStringLiteral("observations"), observations);
    if (!risks.isEmpty())
        result.insert(QStringLiteral("risks"), risks);
    if (!findings.isEmpty())
        result.insert(QStringLiteral("findings"), findings);
    return result;
}

QJsonObject Builder::observation(const AuditItem& item) const
{
    QJsonArray props;
    addProp(props, QStringLiteral("result"), report::code(item.result));
    addProp(props, QStringLiteral("item-id"), item.itemId);
    addProp(props, QStringLiteral("assessed-by"), item.assessedBy);
    addProp(props, QStringLiteral("respondent"), item.respondentEmail);

    QString description = item.note.trimmed();
    if (description.isEmpty())
        description = item.result == ItemResult::NotApplicable ? item.notApplicableReason.trimmed()
                                                               : QString();
    if (description.isEmpty())
        description = QStringLiteral("%1: %2.").arg(item.itemId, report::label(item.result));

    QJsonObject obs{{QStringLiteral("uuid"), observationUuid(item)},
                    {QStringLiteral("title"),
                     line(QStringLiteral("%1: %2").arg(item.itemId, report::label(item.result)),
                          QStringLiteral("Observation"))},
                    {QStringLiteral("description"), description},
                    {QStringLiteral("props"), props},
                    {QStringLiteral("methods"), QJsonArray{QStringLiteral("EXAMINE")}},
                    {QStringLiteral("types"), QJsonArray{QStringLiteral("control-objective")}},
                    {QStringLiteral("collected"), timestamp(item.assessedAt)}};

    QJsonArray evidence;
    for (qint64 id : item.evidenceIds) {
        const Evidence* e = report::findEvidence(m_data, id);
        if (!e)
            continue;
        const QUrl url =
            e->kind == QLatin1String("file") ? QUrl::fromLocalFile(e->location) : QUrl(e->location);
        QJsonArray eprops;
        addProp(eprops, QStringLiteral("evidence-id"), QString::number(e->id));
        addProp(eprops, QStringLiteral("sha256"), e->sha256);
        if (e->sizeBytes >= 0)
            addProp(eprops, QStringLiteral("size-bytes"), QString::number(e->sizeBytes));
        if (e->effectiveDate.isValid())
            addProp(eprops, QStringLiteral("effective-date"),
                    e->effectiveDate.toString(Qt::ISODate));
        evidence.append(QJsonObject{
            {QStringLiteral("href"), url.toString(QUrl::FullyEncoded)},
            {QStringLiteral("description"), line(e->description, e->location.simplified())},
            {QStringLiteral("props"), eprops}});
    }
    if (!evidence.isEmpty())
        obs.insert(QStringLiteral("relevant-evidence"), evidence);
    return obs;
}

QJsonObject Builder::finding(const AuditItem& item) const
{
    const bool satisfied = item.result == ItemResult::Satisfied;
    const QString reason = satisfied                                       ? QStringLiteral("pass")
                           : item.result == ItemResult::PartiallySatisfied ? QStringLiteral("other")
                                                                           : QStringLiteral("fail");
    QJsonArray props;
    addProp(props, QStringLiteral("result"), report::code(item.result));
    QJsonObject f{
        {QStringLiteral("uuid"), uuid(QStringLiteral("finding/") + item.itemId)},
        {QStringLiteral("title"),
         line(QStringLiteral("%1: %2").arg(item.itemId, report::label(item.result)),
              QStringLiteral("Finding"))},
        {QStringLiteral("description"),
         item.text.trimmed().isEmpty() ? item.itemId : item.text.trimmed()},
        {QStringLiteral("props"), props},
        {QStringLiteral("target"),
         QJsonObject{
             {QStringLiteral("type"), QStringLiteral("objective-id")},
             {QStringLiteral("target-id"), oscalControlId(item.itemId) + QStringLiteral("_obj")},
             {QStringLiteral("status"),
              QJsonObject{{QStringLiteral("state"), satisfied ? QStringLiteral("satisfied")
                                                              : QStringLiteral("not-satisfied")},
                          {QStringLiteral("reason"), reason}}}}},
        {QStringLiteral("related-observations"),
         QJsonArray{QJsonObject{{QStringLiteral("observation-uuid"), observationUuid(item)}}}}};
    QJsonArray risks;
    for (const AuditFinding* af : report::findingsOf(m_data, item.itemId))
        risks.append(QJsonObject{{QStringLiteral("risk-uuid"), riskUuid(*af)}});
    if (!risks.isEmpty())
        f.insert(QStringLiteral("related-risks"), risks);
    return f;
}

QJsonObject Builder::risk(const AuditFinding& f) const
{
    QString status;
    switch (f.status) {
    case FindingStatus::Open:
        status = QStringLiteral("open");
        break;
    case FindingStatus::InProgress:
        status = QStringLiteral("remediating");
        break;
    case FindingStatus::Resolved:
        status = QStringLiteral("closed");
        break;
    case FindingStatus::RiskAccepted:
        status = QStringLiteral("deviation-approved");
        break;
    }
    QJsonArray props;
    addProp(props, QStringLiteral("finding-id"), QString::number(f.id));
    addProp(props, QStringLiteral("item-id"), f.itemId);
    addProp(props, QStringLiteral("severity"), report::code(f.severity));
    addProp(props, QStringLiteral("owner"), f.ownerEmail);
    // A risk has no remarks in OSCAL; the acceptance is part of the record, so it goes in props.
    if (f.status == FindingStatus::RiskAccepted) {
        addProp(props, QStringLiteral("risk-accepted-by"), f.riskAcceptedBy);
        addProp(props, QStringLiteral("risk-acceptance-justification"),
                f.riskAcceptanceJustification);
    }
    const QString description = f.description.trimmed().isEmpty()
                                    ? QStringLiteral("Finding %1").arg(f.id)
                                    : f.description.trimmed();
    QJsonObject r{{QStringLiteral("uuid"), riskUuid(f)},
                  {QStringLiteral("title"),
                   line(QStringLiteral("F%1 on %2 (%3)")
                            .arg(QString::number(f.id), f.itemId, report::code(f.severity)),
                        QStringLiteral("Finding"))},
                  {QStringLiteral("description"), description},
                  {QStringLiteral("statement"), description},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("props"), props}};
    if (f.dueDate.isValid())
        r.insert(QStringLiteral("deadline"),
                 timestamp(QDateTime(f.dueDate, QTime(0, 0), QTimeZone::utc())));
    if (!f.remediation.trimmed().isEmpty()) {
        r.insert(QStringLiteral("remediations"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("uuid"), uuid(QStringLiteral("remediation/%1").arg(f.id))},
                     {QStringLiteral("lifecycle"), f.status == FindingStatus::Resolved
                                                       ? QStringLiteral("completed")
                                                       : QStringLiteral("planned")},
                     {QStringLiteral("title"), QStringLiteral("Remediation")},
                     {QStringLiteral("description"), f.remediation.trimmed()}}});
    }
    if (const AuditItem* item = itemById(f.itemId); item && hasObservation(*item))
        r.insert(
            QStringLiteral("related-observations"),
            QJsonArray{QJsonObject{{QStringLiteral("observation-uuid"), observationUuid(*item)}}});
    return r;
}

} // namespace

QString oscalControlId(const QString& itemId)
{
    QString id;
    bool dash = false;
    for (const QChar c : itemId.toLower()) {
        if (c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_')) {
            if (dash && !id.isEmpty())
                id += QLatin1Char('-');
            dash = false;
            id += c;
        } else {
            dash = true; // '-' and every other character collapse into one separator
        }
    }
    if (id.isEmpty() || !(id.front().isLetter() || id.front() == QLatin1Char('_')))
        id.prepend(QStringLiteral("item-"));
    return id;
}

QByteArray renderOscalAssessmentResults(const AuditReportData& data)
{
    return QJsonDocument(Builder(data).document()).toJson(QJsonDocument::Indented);
}

} // namespace steward
