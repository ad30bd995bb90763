// Pages of the people directory, found by their sort key rather than by OFFSET, which would read
// every row before the page: the page after (or before) a page already read starts right after
// its last (before its first) row, so scrolling reads one index range per page; a jump seeks the
// page's first row with an index-only skip from the nearer end of the listing. The People screen
// pages with it, and steward-bench-organisation times the same statements.
// sql/0005_large_organisation_indexes.sql has the indexes these queries rely on.
#pragma once

#include "services/person_service.h"

#include <steward/export.h>

#include <vector>

namespace steward {

class Database;

// Where a page query starts: nowhere (an end of the listing), after or before a known row, or at
// the row `offset` rows from the start (or, reversed, from the end).
struct PersonSeek {
    enum class From { Edge, Row, Offset } from = From::Edge;
    QString key; // the known row's sort key (PersonPageRow::sortKey)
    qint64 id = 0;
    bool inclusive = false;
    int offset = 0;
};

struct PersonPageRow {
    Person person;
    QString sortKey;
};

class STEWARD_CORE_API PersonPages {
public:
    // Below this many matches a search reads its matches first (through the trigram indexes) and
    // sorts them; above it, walking the sort order and skipping non-matches finds a page sooner.
    static constexpr qint64 kSparseSearch = 5000;

    // `filter`'s search, order and direction choose the listing (its limit, offset, org unit and
    // active are not used); `matches` is how many people it has (PersonService::count).
    PersonPages(Database& db, const PersonFilter& filter, qint64 matches);

    // Up to `limit` people from `seek` on, in the listing's order; `reversed` walks backwards from
    // it (the rows are still returned in the listing's order).
    std::vector<PersonPageRow> read(const PersonSeek& seek, bool reversed, int limit) const;

private:
    QString sortKey() const;
    std::pair<QString, bool> source(QVariantList& params, bool withOrgUnit) const;

    Database& m_db;
    PersonFilter m_filter;
    qint64 m_matches;
};

} // namespace steward
