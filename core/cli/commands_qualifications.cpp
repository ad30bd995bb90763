// steward qualification: the catalogue of trainings and certifications, who holds which, and what
// requires them. (`steward import qualifications` and `steward export qualifications` read and
// write learning-management files.)
#include "command.h"
#include "db/session.h"
#include "error.h"
#include "services/qualification_service.h"

#include <QJsonArray>
#include <QJsonObject>

namespace steward {
namespace {

QJsonValue dateOrNull(const std::optional<QDate>& d)
{
    return d ? QJsonValue(d->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const Qualification& q)
{
    return {{QStringLiteral("key"), q.key},
            {QStringLiteral("name"), q.name},
            {QStringLiteral("provider"), q.provider},
            {QStringLiteral("description"), q.description},
            {QStringLiteral("validity_months"),
             q.validityMonths ? QJsonValue(*q.validityMonths) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("pack"),
             q.pack.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.pack)},
            {QStringLiteral("retired"), q.retired},
            {QStringLiteral("holders"), q.holders},
            {QStringLiteral("version"), q.version}};
}

QJsonObject toJson(const QualificationRecord& r, QDate today)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("person"), r.personEmail},
            {QStringLiteral("person_name"), r.personName},
            {QStringLiteral("qualification"), r.qualificationKey},
            {QStringLiteral("qualification_name"), r.qualificationName},
            {QStringLiteral("completed_on"), r.completedOn.toString(Qt::ISODate)},
            {QStringLiteral("expires_on"), dateOrNull(r.expiresOn)},
            {QStringLiteral("valid"), r.validOn(today)},
            {QStringLiteral("evidence_kind"), r.evidenceKind},
            {QStringLiteral("evidence_location"), r.evidenceLocation},
            {QStringLiteral("evidence_sha256"), r.evidenceSha256},
            {QStringLiteral("external_id"), r.externalId},
            {QStringLiteral("note"), r.note},
            {QStringLiteral("recorded_by"), r.recordedBy},
            {QStringLiteral("version"), r.version}};
}

QJsonObject toJson(const QualificationRequirement& r)
{
    const auto orNull = [](const QString& s) {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("qualification"), r.qualificationKey},
            {QStringLiteral("qualification_name"), r.qualificationName},
            {QStringLiteral("role"), orNull(r.roleKey)},
            {QStringLiteral("responsibility"), orNull(r.responsibilityKey)},
            {QStringLiteral("project"), orNull(r.projectKey)},
            {QStringLiteral("pack"), orNull(r.pack)},
            {QStringLiteral("scope"), r.scope()},
            {QStringLiteral("version"), r.version}};
}

QString validityText(const Qualification& q)
{
    return q.validityMonths ? QStringLiteral("%1 months").arg(*q.validityMonths)
                            : QStringLiteral("does not lapse");
}

std::optional<int> validityOption(Invocation& inv)
{
    if (!inv.isSet(QStringLiteral("validity-months")))
        return std::nullopt;
    const QString text = inv.value(QStringLiteral("validity-months"));
    if (text == QLatin1String("none"))
        return std::nullopt;
    bool ok = false;
    const int months = text.toInt(&ok);
    if (!ok)
        throw UsageError(
            QStringLiteral("--validity-months: '%1' is not a whole number or none").arg(text));
    return months;
}

QList<QCommandLineOption> catalogueOptions()
{
    return {option(QStringLiteral("name"), QStringLiteral("Name shown to people."),
                   QStringLiteral("name")),
            option(QStringLiteral("provider"), QStringLiteral("Who delivers or certifies it."),
                   QStringLiteral("provider")),
            option(QStringLiteral("description"), QStringLiteral("What it covers."),
                   QStringLiteral("text")),
            option(QStringLiteral("validity-months"),
                   QStringLiteral("How long a completion counts (1-600), or none."),
                   QStringLiteral("n"))};
}

} // namespace

void registerQualificationCommands(CommandLine& cli)
{
    cli.add(
        {{QStringLiteral("qualification"), QStringLiteral("list")},
         QStringLiteral("List the qualification catalogue, with how many hold each today."),
         QStringLiteral("Built-in qualifications, those role-pack plugins contribute, and "
                        "those administrators added."),
         {},
         {},
         true,
         [](Invocation& inv) {
             const auto list = QualificationService(inv.session().db()).catalogue();
             if (inv.json()) {
                 QJsonArray a;
                 for (const Qualification& q : list)
                     a.append(toJson(q));
                 inv.printJson(a);
                 return exit_code::Success;
             }
             TextTable t({QStringLiteral("KEY"), QStringLiteral("NAME"), QStringLiteral("VALIDITY"),
                          QStringLiteral("HOLDERS"), QStringLiteral("FROM")});
             for (const Qualification& q : list)
                 t.addRow({q.key, q.name + (q.retired ? QStringLiteral(" [retired]") : QString()),
                           validityText(q), QString::number(q.holders),
                           q.pack.isEmpty() ? QStringLiteral("organisation") : q.pack});
             t.print(inv.out());
             return exit_code::Success;
         }});

    {
        auto options = catalogueOptions();
        cli.add({{QStringLiteral("qualification"), QStringLiteral("add")},
                 QStringLiteral("Add a qualification of the organisation's own (administrators)."),
                 {},
                 options,
                 {{QStringLiteral("KEY"),
                   QStringLiteral("Stable key, lower-case words joined by '-'.")}},
                 true,
                 [](Invocation& inv) {
                     Qualification q;
                     q.key = inv.positional().at(0);
                     q.name = inv.required(QStringLiteral("name"));
                     q.provider = inv.value(QStringLiteral("provider"));
                     q.description = inv.value(QStringLiteral("description"));
                     q.validityMonths = validityOption(inv);
                     const Qualification added = QualificationService(inv.session().db()).add(q);
                     if (inv.json())
                         inv.printJson(toJson(added));
                     else
                         inv.out() << "Added qualification " << added.key << " (" << added.name
                                   << ", " << validityText(added) << ").\n";
                     return exit_code::Success;
                 }});
    }
    {
        auto options = catalogueOptions();
        options << expectVersionOption(QStringLiteral("the qualification"));
        cli.add({{QStringLiteral("qualification"), QStringLiteral("update")},
                 QStringLiteral("Change a qualification the organisation added (administrators)."),
                 QStringLiteral("Only the options given are changed; a pack's qualifications "
                                "change with the pack."),
                 options,
                 {{QStringLiteral("KEY"), QStringLiteral("The qualification's key.")}},
                 true,
                 [](Invocation& inv) {
                     QualificationService service(inv.session().db());
                     Qualification q = service.get(inv.positional().at(0));
                     if (inv.isSet(QStringLiteral("name")))
                         q.name = inv.value(QStringLiteral("name"));
                     if (inv.isSet(QStringLiteral("provider")))
                         q.provider = inv.value(QStringLiteral("provider"));
                     if (inv.isSet(QStringLiteral("description")))
                         q.description = inv.value(QStringLiteral("description"));
                     if (inv.isSet(QStringLiteral("validity-months")))
                         q.validityMonths = validityOption(inv);
                     const Qualification saved = service.update(q, inv.expectedVersion());
                     if (inv.json())
                         inv.printJson(toJson(saved));
                     else
                         inv.out() << "Saved qualification " << saved.key << " (version "
                                   << saved.version << ").\n";
                     return exit_code::Success;
                 }});
    }

    cli.add(
        {{QStringLiteral("qualification"), QStringLiteral("record")},
         QStringLiteral("Record that a person completed a qualification (managers)."),
         QStringLiteral("The expiry follows from the qualification's validity unless --expires "
                        "gives it (the first day it no longer counts). Recording the same person, "
                        "qualification and completion day again updates that record. Evidence is "
                        "a URL or a file, hashed (SHA-256) when recorded."),
         {option(QStringLiteral("completed"), QStringLiteral("Day completed, YYYY-MM-DD."),
                 QStringLiteral("date")),
          option(QStringLiteral("expires"),
                 QStringLiteral("First day it no longer counts, YYYY-MM-DD."),
                 QStringLiteral("date")),
          option(QStringLiteral("evidence-url"), QStringLiteral("Where the certificate is."),
                 QStringLiteral("url")),
          option(QStringLiteral("evidence-file"), QStringLiteral("The certificate as a file."),
                 QStringLiteral("path")),
          option(QStringLiteral("external-id"), QStringLiteral("The LMS's id of the completion."),
                 QStringLiteral("id")),
          option(QStringLiteral("note"), QStringLiteral("Free text."), QStringLiteral("text"))},
         {{QStringLiteral("EMAIL"), QStringLiteral("The person.")},
          {QStringLiteral("KEY"), QStringLiteral("The qualification.")}},
         true,
         [](Invocation& inv) {
             if (inv.positional().size() < 2)
                 throw UsageError(QStringLiteral("give the person's e-mail and the qualification"));
             RecordInput in;
             in.personEmail = inv.positional().at(0);
             in.qualificationKey = inv.positional().at(1);
             inv.required(QStringLiteral("completed"));
             in.completedOn = *inv.dateOption(QStringLiteral("completed"));
             in.expiresOn = inv.dateOption(QStringLiteral("expires"));
             in.evidenceUrl = inv.value(QStringLiteral("evidence-url"));
             in.evidenceFile = inv.value(QStringLiteral("evidence-file"));
             in.externalId = inv.value(QStringLiteral("external-id"));
             in.note = inv.value(QStringLiteral("note"));
             const QDate today = QDate::currentDate();
             const QualificationRecord r =
                 QualificationService(inv.session().db(), today).record(in);
             if (inv.json())
                 inv.printJson(toJson(r, today));
             else
                 inv.out() << "Recorded " << r.qualificationName << " for " << r.personName << " <"
                           << r.personEmail << ">: completed "
                           << r.completedOn.toString(Qt::ISODate) << ", "
                           << (r.expiresOn
                                   ? QStringLiteral("expires ") + r.expiresOn->toString(Qt::ISODate)
                                   : QStringLiteral("does not lapse"))
                           << " (record " << r.id << ").\n";
             return exit_code::Success;
         }});

    cli.add({{QStringLiteral("qualification"), QStringLiteral("records")},
             QStringLiteral("List qualification records, and whether each counts today."),
             {},
             {option(QStringLiteral("person"), QStringLiteral("Only this person's."),
                     QStringLiteral("email")),
              option(QStringLiteral("qualification"), QStringLiteral("Only this qualification's."),
                     QStringLiteral("key"))},
             {},
             true,
             [](Invocation& inv) {
                 const QDate today = QDate::currentDate();
                 const auto list = QualificationService(inv.session().db(), today)
                                       .records({inv.value(QStringLiteral("person")),
                                                 inv.value(QStringLiteral("qualification"))});
                 if (inv.json()) {
                     QJsonArray a;
                     for (const QualificationRecord& r : list)
                         a.append(toJson(r, today));
                     inv.printJson(a);
                     return exit_code::Success;
                 }
                 TextTable t({QStringLiteral("ID"), QStringLiteral("PERSON"),
                              QStringLiteral("QUALIFICATION"), QStringLiteral("COMPLETED"),
                              QStringLiteral("EXPIRES"), QStringLiteral("STATUS")});
                 for (const QualificationRecord& r : list)
                     t.addRow(
                         {QString::number(r.id), r.personEmail, r.qualificationKey,
                          r.completedOn.toString(Qt::ISODate),
                          r.expiresOn ? r.expiresOn->toString(Qt::ISODate) : QStringLiteral("-"),
                          r.validOn(today) ? QStringLiteral("valid") : QStringLiteral("expired")});
                 t.print(inv.out());
                 return exit_code::Success;
             }});

    cli.add({{QStringLiteral("qualification"), QStringLiteral("unrecord")},
             QStringLiteral("Remove a qualification record recorded by mistake (managers)."),
             {},
             {expectVersionOption(QStringLiteral("the record"))},
             {{QStringLiteral("ID"), QStringLiteral("The record's id (qualification records).")}},
             false,
             [](Invocation& inv) {
                 bool ok = false;
                 const qint64 id = inv.positional().at(0).toLongLong(&ok);
                 if (!ok)
                     throw UsageError(
                         QStringLiteral("ID: '%1' is not a record id").arg(inv.positional().at(0)));
                 QualificationService(inv.session().db()).removeRecord(id, inv.expectedVersion());
                 inv.out() << "Removed qualification record " << id << ".\n";
                 return exit_code::Success;
             }});

    cli.add(
        {{QStringLiteral("qualification"), QStringLiteral("require")},
         QStringLiteral("Require a qualification of a role, a responsibility or a project."),
         QStringLiteral("--role: everyone holding the role (or Responsible or Accountable for one "
                        "of its responsibilities), administrators only. --responsibility: its "
                        "Responsible and Accountable people, administrators only. --project: "
                        "everyone holding a role on it (with --role: that role), by whoever "
                        "manages the project."),
         {option(QStringLiteral("role"), QStringLiteral("Role key."), QStringLiteral("key")),
          option(QStringLiteral("responsibility"), QStringLiteral("Responsibility key."),
                 QStringLiteral("key")),
          option(QStringLiteral("project"), QStringLiteral("Project key."), QStringLiteral("key"))},
         {{QStringLiteral("KEY"), QStringLiteral("The qualification.")}},
         true,
         [](Invocation& inv) {
             const QualificationRequirement r =
                 QualificationService(inv.session().db())
                     .require(inv.positional().at(0), inv.value(QStringLiteral("role")),
                              inv.value(QStringLiteral("responsibility")),
                              inv.value(QStringLiteral("project")));
             if (inv.json())
                 inv.printJson(toJson(r));
             else
                 inv.out() << "Required " << r.qualificationName << " of " << r.scope()
                           << " (requirement " << r.id << ").\n";
             return exit_code::Success;
         }});

    cli.add({{QStringLiteral("qualification"), QStringLiteral("requirements")},
             QStringLiteral("List what requires which qualification."),
             {},
             {option(QStringLiteral("project"),
                     QStringLiteral("Only what applies on this project."), QStringLiteral("key"))},
             {},
             true,
             [](Invocation& inv) {
                 const auto list = QualificationService(inv.session().db())
                                       .requirements(inv.value(QStringLiteral("project")));
                 if (inv.json()) {
                     QJsonArray a;
                     for (const QualificationRequirement& r : list)
                         a.append(toJson(r));
                     inv.printJson(a);
                     return exit_code::Success;
                 }
                 TextTable t({QStringLiteral("ID"), QStringLiteral("QUALIFICATION"),
                              QStringLiteral("REQUIRED OF"), QStringLiteral("FROM")});
                 for (const QualificationRequirement& r : list)
                     t.addRow({QString::number(r.id), r.qualificationKey, r.scope(),
                               r.pack.isEmpty() ? QStringLiteral("organisation") : r.pack});
                 t.print(inv.out());
                 return exit_code::Success;
             }});

    cli.add({{QStringLiteral("qualification"), QStringLiteral("unrequire")},
             QStringLiteral("Remove a requirement people added."),
             {},
             {},
             {{QStringLiteral("ID"), QStringLiteral("The requirement's id.")}},
             false,
             [](Invocation& inv) {
                 bool ok = false;
                 const qint64 id = inv.positional().at(0).toLongLong(&ok);
                 if (!ok)
                     throw UsageError(QStringLiteral("ID: '%1' is not a requirement id")
                                          .arg(inv.positional().at(0)));
                 QualificationService(inv.session().db()).removeRequirement(id);
                 inv.out() << "Removed qualification requirement " << id << ".\n";
                 return exit_code::Success;
             }});
}

} // namespace steward
