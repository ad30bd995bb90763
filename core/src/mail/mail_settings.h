// The organisation's mail server (migration 19): one stored row that every member's `steward`
// sends through. The password is not part of it; see smtp_mailer.h.
#pragma once

#include <steward/export.h>

#include <QDateTime>
#include <QString>

#include <optional>

namespace steward {

class Database;

struct MailSettings {
    QString smtpUrl;              // smtp://host[:port] or smtps://host[:port]
    QString fromAddress;          // the sender of every message
    QString fromName;             // its display name, may be empty
    QString username;             // for SMTP AUTH, may be empty
    bool starttlsRequired = true; // smtp:// only: refuse to send unless the server offers STARTTLS
    int version = 0;
    QDateTime updatedAt;
};

class STEWARD_CORE_API MailSettingsService {
public:
    explicit MailSettingsService(Database& db);

    // The stored settings; nothing when the organisation has not configured mail.
    std::optional<MailSettings> current();
    // Stores `settings` (creating the row the first time) and returns them as stored. Refused
    // with a Validation error naming the field when one is malformed, with a Conflict when
    // `expectedVersion` is given and the row is at another version; PostgreSQL refuses logins
    // that are not administrators.
    MailSettings configure(const MailSettings& settings, std::optional<int> expectedVersion);

private:
    Database& m_db;
};

// The first problem with `settings` as "field: what is wrong", or empty when they are fine.
STEWARD_CORE_API QString mailSettingsProblem(const MailSettings& settings);

} // namespace steward
