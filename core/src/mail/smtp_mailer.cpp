#include "mail/smtp_mailer.h"

#include <QDateTime>
#include <QUuid>

#include <curl/curl.h>
#include <mutex>

namespace steward {
namespace {

struct CurlEasyDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct CurlMimeDeleter {
    void operator()(curl_mime* m) const { curl_mime_free(m); }
};
struct CurlListDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using CurlList = std::unique_ptr<curl_slist, CurlListDeleter>;

void append(CurlList& list, const QByteArray& line)
{
    curl_slist* grown = curl_slist_append(list.get(), line.constData());
    if (!grown)
        throw std::bad_alloc();
    (void)list.release();
    list.reset(grown);
}

bool isPlainAscii(const QString& text)
{
    for (QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return true;
}

} // namespace

MailError::MailError(QString recipient, QString message)
    : std::runtime_error(message.toStdString())
    , m_recipient(std::move(recipient))
    , m_message(std::move(message))
{
}

QByteArray encodedHeaderText(const QString& text)
{
    if (isPlainAscii(text))
        return text.toLatin1();
    // Encoded words of at most 75 characters (RFC 2047 2): 10 code points are at most 40 UTF-8
    // bytes, 56 in base64, which never splits a character across two words.
    QByteArray out;
    const QList<uint> points = text.toUcs4();
    for (qsizetype i = 0; i < points.size(); i += 10) {
        const QByteArray chunk =
            QString::fromUcs4(reinterpret_cast<const char32_t*>(points.constData() + i),
                              std::min<qsizetype>(10, points.size() - i))
                .toUtf8();
        if (!out.isEmpty())
            out += ' ';
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
    }
    return out;
}

QByteArray mailbox(const QString& name, const QString& address)
{
    if (name.isEmpty())
        return address.toUtf8();
    QByteArray display;
    if (isPlainAscii(name)) {
        QString quoted = name;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        display = '"' + quoted.toLatin1() + '"';
    } else {
        display = encodedHeaderText(name);
    }
    return display + " <" + address.toUtf8() + '>';
}

struct SmtpMailer::Handle {
    std::unique_ptr<CURL, CurlEasyDeleter> easy;
};

SmtpMailer::SmtpMailer(MailSettings settings, QString password)
    : m_settings(std::move(settings))
    , m_password(std::move(password))
    , m_handle(std::make_unique<Handle>())
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_handle->easy.reset(curl_easy_init());
    if (!m_handle->easy)
        throw MailError({}, QStringLiteral("libcurl could not start a session"));
}

SmtpMailer::~SmtpMailer() = default;

void SmtpMailer::send(const MailMessage& message)
{
    CURL* curl = m_handle->easy.get();
    // A reset keeps the open connection for the next message but forgets the last one's options.
    curl_easy_reset(curl);
    char errors[CURL_ERROR_SIZE] = {};
    const QByteArray url = m_settings.smtpUrl.toUtf8();
    const QByteArray user = m_settings.username.toUtf8();
    const QByteArray password = m_password.toUtf8();
    const QByteArray from = '<' + m_settings.fromAddress.toUtf8() + '>';
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errors);
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(
        curl, CURLOPT_USE_SSL,
        static_cast<long>(m_settings.starttlsRequired ? CURLUSESSL_ALL : CURLUSESSL_TRY));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (!user.isEmpty())
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
    if (!password.isEmpty())
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    else
        curl_easy_setopt(curl, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));

    CurlList recipients;
    append(recipients, '<' + message.to.toUtf8() + '>');
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());

    CurlList headers;
    append(headers, "Date: " + QDateTime::currentDateTime().toString(Qt::RFC2822Date).toLatin1());
    append(headers, "From: " + mailbox(m_settings.fromName, m_settings.fromAddress));
    append(headers, "To: " + mailbox(message.toName, message.to));
    append(headers, "Subject: " + encodedHeaderText(message.subject));
    const QString domain = m_settings.fromAddress.section(u'@', 1);
    append(headers, "Message-ID: <" +
                        QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + '@' +
                        domain.toUtf8() + '>');
    append(headers, "MIME-Version: 1.0");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());

    const std::unique_ptr<curl_mime, CurlMimeDeleter> mime(curl_mime_init(curl));
    const QByteArray body = message.body.toUtf8();
    curl_mimepart* text = curl_mime_addpart(mime.get());
    curl_mime_data(text, body.constData(), static_cast<size_t>(body.size()));
    curl_mime_type(text, "text/plain; charset=UTF-8");
    curl_mime_encoder(text, "quoted-printable");
    for (const MailAttachment& a : message.attachments) {
        curl_mimepart* part = curl_mime_addpart(mime.get());
        curl_mime_data(part, a.data.constData(), static_cast<size_t>(a.data.size()));
        curl_mime_filename(part, a.fileName.toUtf8().constData());
        curl_mime_type(part, a.contentType.toUtf8().constData());
        curl_mime_encoder(part, "base64");
    }
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime.get());

    const CURLcode result = curl_easy_perform(curl);
    if (result != CURLE_OK) {
        long response = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
        QString why = QString::fromUtf8(errors).trimmed();
        if (why.isEmpty())
            why = QString::fromUtf8(curl_easy_strerror(result));
        throw MailError(message.to,
                        QStringLiteral("cannot send to %1 through %2: %3%4")
                            .arg(message.to, m_settings.smtpUrl, why,
                                 response > 0 ? QStringLiteral(" (server reply %1)").arg(response)
                                              : QString()));
    }
}

} // namespace steward
