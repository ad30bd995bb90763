#include "services/person_service.h"

#include "db/database.h"
#include "domain/validation.h"
#include "error.h"

#include <QSqlQuery>

namespace steward {
namespace {

const QString kSelect = QStringLiteral(
    "SELECT p.id, p.email, p.name, coalesce(u.name, ''), p.title, coalesce(p.external_id, ''), "
    "p.active, p.version FROM person p LEFT JOIN org_unit u ON u.id = p.org_unit_id ");

void validate(const Person& p)
{
    require(QStringLiteral("email"), checkEmail(p.email));
    require(QStringLiteral("name"), checkPersonName(p.name));
    require(QStringLiteral("title"), checkTitle(p.title));
    if (!p.orgUnit.isEmpty())
        require(QStringLiteral("org_unit"), checkOrgUnitName(p.orgUnit));
    if (!p.externalId.isEmpty())
        require(QStringLiteral("external_id"), checkExternalId(p.externalId));
}

QString whereClause(const PersonFilter& f, QVariantList& params)
{
    QStringList conditions;
    if (!f.search.isEmpty()) {
        conditions << QStringLiteral("(p.name ILIKE ? OR p.email ILIKE ?)");
        QString pattern = f.search;
        pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        params << pattern << pattern;
    }
    if (!f.orgUnit.isEmpty()) {
        conditions << QStringLiteral("lower(u.name) = lower(?)");
        params << f.orgUnit;
    }
    if (f.active) {
        conditions << QStringLiteral("p.active = ?");
        params << *f.active;
    }
    return conditions.isEmpty()
               ? QString()
               : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
}

} // namespace

Person readPerson(const QSqlQuery& q)
{
    Person p;
    p.id = q.value(0).toLongLong();
    p.email = q.value(1).toString();
    p.name = q.value(2).toString();
    p.orgUnit = q.value(3).toString();
    p.title = q.value(4).toString();
    p.externalId = q.value(5).toString();
    p.active = q.value(6).toBool();
    p.version = q.value(7).toInt();
    return p;
}

PersonService::PersonService(Database& db)
    : m_db(db)
{
}

QVariant PersonService::ensureOrgUnit(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return QVariant(QMetaType(QMetaType::LongLong));
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id FROM org_unit WHERE lower(name) = lower(?)"),
                            {trimmed});
    if (q.next())
        return q.value(0);
    q = m_db.exec(QStringLiteral("INSERT INTO org_unit (name) VALUES (?) RETURNING id"), {trimmed});
    q.next();
    return q.value(0);
}

Person PersonService::add(const Person& person)
{
    validate(person);
    Transaction tx(m_db);
    const QVariant unit = ensureOrgUnit(person.orgUnit);
    QSqlQuery q;
    try {
        q = m_db.exec(
            QStringLiteral(
                "INSERT INTO person (email, name, org_unit_id, title, external_id, active) "
                "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
            {person.email.trimmed(), person.name.trimmed(), unit, person.title.trimmed(),
             nullable(person.externalId.trimmed()), person.active});
    } catch (const Error& e) {
        throw Error(e.kind(), QStringLiteral("cannot add %1: %2").arg(person.email, e.message()));
    }
    q.next();
    const qint64 id = q.value(0).toLongLong();
    tx.commit();
    return get(id);
}

Person PersonService::update(const Person& person)
{
    validate(person);
    Transaction tx(m_db);
    const QVariant unit = ensureOrgUnit(person.orgUnit);
    QSqlQuery q;
    try {
        q = m_db.exec(
            QStringLiteral("UPDATE person SET email = ?, name = ?, org_unit_id = ?, title = ?, "
                           "external_id = ?, active = ? WHERE id = ? AND version = ?"),
            {person.email.trimmed(), person.name.trimmed(), unit, person.title.trimmed(),
             nullable(person.externalId.trimmed()), person.active, person.id, person.version});
    } catch (const Error& e) {
        throw Error(e.kind(), QStringLiteral("cannot save %1: %2").arg(person.email, e.message()));
    }
    if (q.numRowsAffected() == 0) {
        const Person current = get(person.id); // throws NotFound when it was deleted
        throw conflictError(QStringLiteral("%1 was changed by someone else since you read it (you "
                                           "edited version %2, the stored one is version %3); "
                                           "reload and apply your change again")
                                .arg(current.email)
                                .arg(person.version)
                                .arg(current.version));
    }
    tx.commit();
    return get(person.id);
}

Person PersonService::get(qint64 id)
{
    QSqlQuery q = m_db.exec(kSelect + QStringLiteral("WHERE p.id = ?"), {id});
    if (!q.next())
        throw notFoundError(QStringLiteral("no person with id %1").arg(id));
    return readPerson(q);
}

std::optional<Person> PersonService::findByEmail(const QString& email)
{
    QSqlQuery q =
        m_db.exec(kSelect + QStringLiteral("WHERE lower(p.email) = lower(?)"), {email.trimmed()});
    if (!q.next())
        return std::nullopt;
    return readPerson(q);
}

Person PersonService::byEmail(const QString& email)
{
    if (auto p = findByEmail(email))
        return *p;
    throw notFoundError(QStringLiteral("no person with e-mail %1").arg(email));
}

std::vector<Person> PersonService::list(const PersonFilter& filter)
{
    QVariantList params;
    QString order;
    switch (filter.orderBy) {
    case PersonOrder::Name:
        order = QStringLiteral("lower(p.name)");
        break;
    case PersonOrder::Email:
        order = QStringLiteral("lower(p.email)");
        break;
    case PersonOrder::OrgUnit:
        order = QStringLiteral("lower(coalesce(u.name, ''))");
        break;
    case PersonOrder::Title:
        order = QStringLiteral("lower(p.title)");
        break;
    }
    const QString direction = filter.descending ? QStringLiteral(" DESC") : QString();
    QString sql = kSelect + whereClause(filter, params) + QStringLiteral(" ORDER BY ") + order +
                  direction + QStringLiteral(", p.id") + direction;
    if (filter.limit > 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        params << filter.limit << filter.offset;
    }
    QSqlQuery q = m_db.exec(sql, params);
    std::vector<Person> people;
    while (q.next())
        people.push_back(readPerson(q));
    return people;
}

qint64 PersonService::count(const PersonFilter& filter)
{
    QVariantList params;
    const QString sql =
        QStringLiteral(
            "SELECT count(*) FROM person p LEFT JOIN org_unit u ON u.id = p.org_unit_id ") +
        whereClause(filter, params);
    QSqlQuery q = m_db.exec(sql, params);
    q.next();
    return q.value(0).toLongLong();
}

QStringList PersonService::orgUnits()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT name FROM org_unit ORDER BY lower(name)"));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

} // namespace steward
