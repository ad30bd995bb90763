// Steward users on a shared server: PostgreSQL logins linked to the people they belong to, each
// holding one of the four group roles (sql/0008). The database decides who may manage them (only
// administrators) and records each linked login's changes as made by its person.
#pragma once

#include <steward/export.h>

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace steward {

class Database;

struct StewardUser {
    QString login;
    QString email; // the person the login belongs to
    QString name;
    QString access; // viewer, auditor, manager or admin
    std::optional<QDateTime> disabledAt;
    int version = 0;
};

class STEWARD_CORE_API UserService {
public:
    explicit UserService(Database& db);

    // The login a person's e-mail suggests: its local part, lower-cased, with anything a login
    // may not hold replaced by '_' ("Amara.Okafor@example.org" -> "amara.okafor").
    static QString suggestedLogin(const QString& email);

    // Creates the login, links it to the person with `email` and grants the group role of
    // `access`. The password, when given, leaves this process only as a SCRAM-SHA-256 verifier;
    // without one the login must authenticate otherwise (certificate, peer, Kerberos).
    StewardUser add(const QString& email, const QString& access, const QString& login,
                    const std::optional<QString>& password);
    // Links a login that already exists (made by hand before Steward managed logins) to the
    // person with `email` and gives it the group role of `access`. Refused for roles that can do
    // more than a Steward user (superuser, CREATEROLE, CREATEDB, BYPASSRLS, replication).
    StewardUser link(const QString& email, const QString& access, const QString& login);
    // Moves the user (login or e-mail) to another group role.
    // With `expectedVersion`, refused with a Conflict unless the user's row is still at it.
    StewardUser setAccess(const QString& user, const QString& access,
                          std::optional<int> expectedVersion = std::nullopt);
    // The login can no longer log in; its link and history stay.
    StewardUser disable(const QString& user, std::optional<int> expectedVersion = std::nullopt);

    std::vector<StewardUser> list();
    // By login or by the linked person's e-mail; throws Error(NotFound).
    StewardUser get(const QString& user);

private:
    void expectVersion(const QString& login, std::optional<int> expectedVersion);
    Database& m_db;
};

} // namespace steward
