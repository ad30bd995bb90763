#include "domain/validation.h"

#include "error.h"

#include <QRegularExpression>

namespace steward {

QString checkEmail(const QString& email)
{
    // The same shape the database's CHECK accepts: something@something.tld, no spaces.
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (email.isEmpty())
        return QStringLiteral("is empty");
    if (email.size() > 254)
        return QStringLiteral("is longer than 254 characters");
    // \s above knows only ASCII spaces: a next-line (U+0085), a no-break space or a zero-width
    // character would make an address that looks like another one (found by fuzz-fields).
    for (const QChar c : email)
        if (c.isSpace() || c.category() == QChar::Other_Control ||
            c.category() == QChar::Other_Format)
            return QStringLiteral("'%1' contains a space or an invisible character (U+%2)")
                .arg(email, QString::number(c.unicode(), 16).rightJustified(4, u'0').toUpper());
    if (!shape.match(email).hasMatch())
        return QStringLiteral("'%1' is not an e-mail address").arg(email);
    return {};
}

QString checkPersonName(const QString& name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("is empty");
    if (name.size() > 200)
        return QStringLiteral("is longer than 200 characters");
    return {};
}

namespace {

QString lengthProblem(const QString& value, int limit)
{
    return value.size() > limit ? QStringLiteral("is longer than %1 characters").arg(limit)
                                : QString();
}

} // namespace

QString checkTitle(const QString& title)
{
    return lengthProblem(title, 200);
}

QString checkOrgUnitName(const QString& name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("is empty");
    return lengthProblem(name, 200);
}

QString checkExternalId(const QString& id)
{
    if (id.trimmed().isEmpty())
        return QStringLiteral("is empty");
    return lengthProblem(id, 100);
}

QString checkProjectKey(const QString& key)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"));
    if (key.isEmpty())
        return QStringLiteral("is empty");
    if (key.size() > 40 || !shape.match(key).hasMatch())
        return QStringLiteral("'%1' is not a project key (upper-case letters, digits and single "
                              "hyphens, starting with a letter, at most 40 characters)")
            .arg(key);
    return {};
}

QString checkAllocation(int percent)
{
    if (percent < 1 || percent > 100)
        return QStringLiteral("%1 is not between 1 and 100 percent").arg(percent);
    return {};
}

std::optional<QDate> parseIsoDate(const QString& text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!shape.match(text).hasMatch())
        return std::nullopt;
    const QDate d = QDate::fromString(text, Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

void require(const QString& field, const QString& problem)
{
    if (!problem.isEmpty())
        throw validationError(QStringLiteral("%1: %2").arg(field, problem));
}

} // namespace steward
