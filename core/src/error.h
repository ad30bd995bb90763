// The exceptions core services throw at their boundary. Each carries a kind that clients map to
// their own reporting (the CLI to exit codes, the GUI to dialogs) and a sentence a person can act
// on.
#pragma once

#include <steward/export.h>

#include <QString>
#include <QStringList>

#include <stdexcept>

namespace steward {

enum class ErrorKind {
    Validation,  // the request itself is wrong: a field, a value, a file's content
    NotFound,    // it names something that does not exist
    Conflict,    // it clashes with stored data: a duplicate, a concurrent edit, a rule
    Unavailable, // the database cannot be reached or started
    Internal,    // a bug or an unexpected database error
};

class STEWARD_CORE_API Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const QString& message, QStringList details = {});

    ErrorKind kind() const noexcept { return m_kind; }
    const QString& message() const noexcept { return m_message; }
    // Further lines, e.g. every problem found in an import file as "FILE:LINE: column: ...".
    const QStringList& details() const noexcept { return m_details; }

private:
    ErrorKind m_kind;
    QString m_message;
    QStringList m_details;
};

inline Error validationError(const QString& message, QStringList details = {})
{
    return Error(ErrorKind::Validation, message, std::move(details));
}
inline Error notFoundError(const QString& message)
{
    return Error(ErrorKind::NotFound, message);
}
inline Error conflictError(const QString& message)
{
    return Error(ErrorKind::Conflict, message);
}
// The database's permissions (grants, row-level security) do not let the login do this. Worded
// like PostgreSQL's own refusals, which reach the user the same way.
inline Error permissionError(const QString& message)
{
    return Error(ErrorKind::Conflict, QStringLiteral("%1 (permission denied)").arg(message));
}

} // namespace steward
