// People and org units.
#pragma once

#include "domain/records.h"

#include <steward/export.h>

#include <optional>
#include <vector>

class QSqlQuery;

namespace steward {

class Database;

// The order of a listing; ties are broken by id, so pages never overlap.
enum class PersonOrder { Name, Email, OrgUnit, Title };

struct PersonFilter {
    QString search;  // case-insensitive substring of name or e-mail
    QString orgUnit; // exact org unit name
    std::optional<bool> active;
    int limit = 0; // 0: no limit
    int offset = 0;
    PersonOrder orderBy = PersonOrder::Name;
    bool descending = false;
};

// A person from the first eight columns of `q`: id, email, name, org unit name, title,
// external id, active, version (the order PersonService and the People directory select).
STEWARD_CORE_API Person readPerson(const QSqlQuery& q);

class STEWARD_CORE_API PersonService {
public:
    explicit PersonService(Database& db);

    // Adds a person; creates the org unit when it does not exist yet.
    Person add(const Person& person);
    // Saves `person` over the stored row with the same id, provided nobody changed it since
    // `person.version` was read; otherwise throws Error(Conflict) naming both versions.
    Person update(const Person& person);
    Person get(qint64 id);
    Person byEmail(const QString& email);
    std::optional<Person> findByEmail(const QString& email);
    std::vector<Person> list(const PersonFilter& filter = {});
    qint64 count(const PersonFilter& filter = {});
    QStringList orgUnits();

    // The org unit's id, created if missing. Empty name: no org unit (NULL).
    QVariant ensureOrgUnit(const QString& name);

private:
    Database& m_db;
};

} // namespace steward
