#include "services/person_pages.h"

#include "db/database.h"

#include <QSqlQuery>

#include <algorithm>

namespace steward {
namespace {

QString likePattern(const QString& text)
{
    QString pattern = text;
    pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + pattern + QLatin1Char('%');
}

} // namespace

PersonPages::PersonPages(Database& db, const PersonFilter& filter, qint64 matches)
    : m_db(db)
    , m_filter(filter)
    , m_matches(matches)
{
}

QString PersonPages::sortKey() const
{
    switch (m_filter.orderBy) {
    case PersonOrder::Email:
        return QStringLiteral("lower(p.email)");
    case PersonOrder::OrgUnit:
        return QStringLiteral("lower(coalesce(u.name, ''))");
    case PersonOrder::Title:
        return QStringLiteral("lower(p.title)");
    case PersonOrder::Name:
        break;
    }
    return QStringLiteral("lower(p.name)");
}

// The people listed, as "FROM ... [WHERE ...]" and whether it has the WHERE; the same matching
// as PersonService's search.
std::pair<QString, bool> PersonPages::source(QVariantList& params, bool withOrgUnit) const
{
    const QString joined =
        withOrgUnit ? QStringLiteral(" LEFT JOIN org_unit u ON u.id = p.org_unit_id") : QString();
    if (m_filter.search.isEmpty())
        return {QStringLiteral(" FROM person p") + joined, false};
    const QString pattern = likePattern(m_filter.search);
    params << pattern << pattern;
    const QString match = QStringLiteral("(p.name ILIKE ? OR p.email ILIKE ?)");
    if (m_matches <= kSparseSearch) // OFFSET 0 keeps the planner from folding the matches back in
        return {QStringLiteral(" FROM (SELECT * FROM person p WHERE %1 OFFSET 0) p").arg(match) +
                    joined,
                false};
    return {QStringLiteral(" FROM person p") + joined + QStringLiteral(" WHERE ") + match, true};
}

std::vector<PersonPageRow> PersonPages::read(const PersonSeek& seek, bool reversed, int limit) const
{
    const bool descending = m_filter.descending != reversed;
    const QString direction = descending ? QStringLiteral(" DESC") : QString();
    const QString key = sortKey();
    const QString order =
        QStringLiteral(" ORDER BY ") + key + direction + QStringLiteral(", p.id") + direction;
    QVariantList params;
    const auto [from, filtered] = source(params, true);
    QString sql = QStringLiteral("SELECT p.id, p.email, p.name, coalesce(u.name, ''), p.title, "
                                 "coalesce(p.external_id, ''), p.active, p.version, ") +
                  key + from;
    if (seek.from != PersonSeek::From::Edge) {
        const QString comparison =
            descending ? (seek.inclusive ? QStringLiteral(" <= ") : QStringLiteral(" < "))
                       : (seek.inclusive ? QStringLiteral(" >= ") : QStringLiteral(" > "));
        sql += filtered ? QStringLiteral(" AND (") : QStringLiteral(" WHERE (");
        sql += key + QStringLiteral(", p.id)") + comparison;
        if (seek.from == PersonSeek::From::Row) {
            sql += QStringLiteral("(?, ?)");
            params << seek.key << seek.id;
        } else {
            // The skip reads only the sort index (key and id), not the rows it passes over; even
            // an unused join to org_unit would make the planner visit them.
            sql += QStringLiteral("(SELECT ") + key + QStringLiteral(", p.id") +
                   source(params, m_filter.orderBy == PersonOrder::OrgUnit).first + order +
                   QStringLiteral(" OFFSET ? LIMIT 1)");
            params << seek.offset;
        }
    }
    sql += order + QStringLiteral(" LIMIT ?");
    params << limit;

    QSqlQuery q = m_db.exec(sql, params);
    std::vector<PersonPageRow> rows;
    rows.reserve(static_cast<std::size_t>(std::max(limit, 0)));
    while (q.next())
        rows.push_back({readPerson(q), q.value(8).toString()});
    if (reversed)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

} // namespace steward
