#include "error.h"

namespace steward {

Error::Error(ErrorKind kind, const QString& message, QStringList details)
    : std::runtime_error(message.toStdString())
    , m_kind(kind)
    , m_message(message)
    , m_details(std::move(details))
{
}

} // namespace steward
