// Sends e-mail through the organisation's SMTP server with libcurl, which speaks SMTP (STARTTLS,
// AUTH) and builds the MIME structure; Steward only composes the headers.
#pragma once

#include "mail/mail_settings.h"

#include <steward/export.h>

#include <QByteArray>
#include <QString>

#include <memory>
#include <stdexcept>
#include <vector>

namespace steward {

struct MailAttachment {
    QString fileName;    // as the recipient sees it
    QString contentType; // "text/calendar; charset=UTF-8"
    QByteArray data;
};

struct MailMessage {
    QString to;     // the address
    QString toName; // its display name, may be empty
    QString subject;
    QString body; // plain text
    std::vector<MailAttachment> attachments;
};

// One message could not be sent: names the recipient, the server and curl's own explanation.
class STEWARD_CORE_API MailError : public std::runtime_error {
public:
    MailError(QString recipient, QString message);
    const QString& recipient() const noexcept { return m_recipient; }
    const QString& message() const noexcept { return m_message; }

private:
    QString m_recipient;
    QString m_message;
};

class STEWARD_CORE_API SmtpMailer {
public:
    // The password is not among the settings: it is `password` when given (the CLI passes
    // STEWARD_SMTP_PASSWORD), else whatever curl finds for the host in ~/.netrc, else none.
    explicit SmtpMailer(MailSettings settings, QString password = {});
    ~SmtpMailer();
    SmtpMailer(const SmtpMailer&) = delete;
    SmtpMailer& operator=(const SmtpMailer&) = delete;

    // Sends `message` or throws MailError. The connection stays open for the next message.
    void send(const MailMessage& message);

    const MailSettings& settings() const { return m_settings; }

private:
    struct Handle;
    MailSettings m_settings;
    QString m_password;
    std::unique_ptr<Handle> m_handle;
};

// A header value as RFC 2047 encoded words when it is not plain ASCII.
STEWARD_CORE_API QByteArray encodedHeaderText(const QString& text);
// "Name <address>" for From/To, the name quoted or encoded as needed.
STEWARD_CORE_API QByteArray mailbox(const QString& name, const QString& address);

} // namespace steward
