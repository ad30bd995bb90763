// Where a piece of evidence is: a URL, or a file identified by its SHA-256 and size, as audit
// evidence and qualification records store it (the evidence columns of sql/0003 and sql/0018).
#pragma once

#include <steward/export.h>

#include <QString>
#include <QVariant>

namespace steward {

struct EvidenceLocation {
    QString kind;     // "url" or "file"
    QString location; // the URL, fully encoded, or the file's absolute path
    QVariant sha256;  // the file's SHA-256 in hex, NULL for a URL
    QVariant size;    // the file's size in bytes, NULL for a URL
};

// From exactly one of a URL and a file path that exists now (hashed and measured here). Throws
// Error(Validation) naming the field ("url", "file") and what is wrong.
STEWARD_CORE_API EvidenceLocation locateEvidence(const QString& url, const QString& filePath);

} // namespace steward
