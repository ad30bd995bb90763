// Conversions between SQL values and domain values that several services share.
#pragma once

#include "db/database.h"
#include "error.h"

#include <QDate>
#include <QSqlQuery>
#include <QVariant>

#include <optional>
#include <string_view>
#include <type_traits>

namespace steward {

inline QVariant dateOrNull(const std::optional<QDate>& d)
{
    return d ? QVariant(*d) : QVariant(QMetaType(QMetaType::QDate));
}

inline QVariant intOrNull(const std::optional<int>& v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Int));
}

// NULL for the empty text: an optional text column.
inline QVariant textOrNull(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

// Reads an enumerated column. The database's CHECK constraints guarantee a known value, so an
// unknown one means the schema and the program disagree. Takes the SDK's std::string_view
// parsers and the core's QString ones alike.
template <typename Parse>
auto enumFromSql(Parse parse, const QVariant& value)
{
    const auto parsed = [&] {
        if constexpr (std::is_invocable_v<Parse, const QString&>) {
            return parse(value.toString());
        } else {
            const QByteArray text = value.toString().toUtf8();
            return parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        }
    }();
    if (!parsed)
        throw Error(ErrorKind::Internal,
                    QStringLiteral("unexpected value '%1' in the database").arg(value.toString()));
    return *parsed;
}

// The id of the person with this e-mail, NULL for an empty e-mail; throws Validation naming
// `field` when nobody has it.
inline QVariant personIdOrNull(Database& db, const QString& email, const QString& field)
{
    if (email.trimmed().isEmpty())
        return QVariant(QMetaType(QMetaType::LongLong));
    QSqlQuery q = db.exec(QStringLiteral("SELECT id FROM person WHERE lower(email) = lower(?)"),
                          {email.trimmed()});
    if (!q.next())
        throw notFoundError(QStringLiteral("%1: no person with e-mail %2").arg(field, email));
    return q.value(0);
}

} // namespace steward
