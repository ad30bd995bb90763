#include "db/conninfo.h"

#include "error.h"

#include <QStringList>

#include <libpq-fe.h>

#include <memory>

namespace steward {
namespace {
struct ConninfoOptionsDeleter {
    void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};
} // namespace

ConninfoOptions parseConninfoOptions(const QString& conninfo)
{
    char* err = nullptr;
    std::unique_ptr<PQconninfoOption, ConninfoOptionsDeleter> options(
        PQconninfoParse(conninfo.toUtf8().constData(), &err));
    if (!options) {
        const QString reason =
            err ? QString::fromUtf8(err).trimmed() : QStringLiteral("out of memory");
        PQfreemem(err);
        throw Error(ErrorKind::Validation,
                    QStringLiteral("invalid database connection string: %1").arg(reason));
    }
    ConninfoOptions set;
    for (const PQconninfoOption* o = options.get(); o->keyword; ++o)
        if (o->val)
            set.emplace_back(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
    return set;
}

QString quoteConninfoValue(const QString& value)
{
    QString v = value;
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    v.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

QString joinConninfo(const ConninfoOptions& options)
{
    QStringList parts;
    for (const auto& [key, value] : options)
        parts << key + QLatin1Char('=') + quoteConninfoValue(value);
    return parts.join(QLatin1Char(' '));
}

} // namespace steward
