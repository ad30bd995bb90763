#include "domain/evidence_location.h"

#include "error.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace steward {

EvidenceLocation locateEvidence(const QString& url, const QString& filePath)
{
    const bool isUrl = !url.trimmed().isEmpty();
    const bool isFile = !filePath.trimmed().isEmpty();
    if (isUrl == isFile)
        throw validationError(QStringLiteral("evidence: give either a URL or a file, not %1")
                                  .arg(isUrl ? QStringLiteral("both") : QStringLiteral("neither")));
    EvidenceLocation e;
    e.sha256 = QVariant(QMetaType(QMetaType::QString));
    e.size = QVariant(QMetaType(QMetaType::LongLong));
    if (isUrl) {
        const QUrl parsed(url.trimmed(), QUrl::StrictMode);
        if (!parsed.isValid() || parsed.scheme().isEmpty() ||
            (parsed.host().isEmpty() && parsed.scheme() != QLatin1String("file")))
            throw validationError(
                QStringLiteral("url: '%1' is not a URL (e.g. https://example.org/report)")
                    .arg(url));
        e.kind = QStringLiteral("url");
        // Encoded, as given: the decoded form of "a%20b" has a space and is no longer a URL.
        e.location = parsed.toString(QUrl::FullyEncoded);
        return e;
    }
    const QFileInfo info(filePath);
    if (!info.exists() || !info.isFile())
        throw validationError(
            QStringLiteral("file: %1 does not exist or is not a file").arg(filePath));
    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly))
        throw validationError(QStringLiteral("file: %1 cannot be read: %2")
                                  .arg(info.absoluteFilePath(), file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        throw validationError(QStringLiteral("file: %1 cannot be read: %2")
                                  .arg(info.absoluteFilePath(), file.errorString()));
    e.kind = QStringLiteral("file");
    e.location = info.absoluteFilePath();
    e.sha256 = QString::fromLatin1(hash.result().toHex());
    e.size = file.size();
    return e;
}

} // namespace steward
