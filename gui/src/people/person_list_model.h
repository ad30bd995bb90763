// The people directory as a table model that reads from the database one page at a time, so a
// directory of 100k people opens as fast as one of forty: only the count and the visible pages
// are queried, and only a bounded number of pages is kept.
//
// Pages are found by their sort key, not by OFFSET (services/person_pages.h): the page after (or
// before) a page already read starts right after its last (before its first) row; a jump skips
// from the nearer end of the listing.
#pragma once

#include "domain/records.h"
#include "services/person_service.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QVariantList>

#include <utility>
#include <vector>

namespace steward {
class Database;
}

namespace steward::gui {

class PersonListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, EmailColumn, OrgUnitColumn, TitleColumn, StatusColumn, ColumnCount };
    static constexpr int kPageSize = 200;
    static constexpr int kMaxCachedPages = 16;

    explicit PersonListModel(Database& db, QObject* parent = nullptr);

    // Case-insensitive substring of name or e-mail; empty shows everyone.
    void setSearch(const QString& text);
    QString search() const { return m_filter.search; }
    // Re-reads the count and drops every cached page (after an edit or an import).
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Sorting is done by the database; Status is not sortable and keeps the current order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The person on a row, reading its page if needed; nullptr when the row does not exist or
    // its page could not be read.
    const Person* personAt(int row) const;
    // Pages read since the last reset, for showing that the model pages.
    int pagesRead() const { return m_pagesRead; }
    int cachedPages() const { return static_cast<int>(m_pages.size()); }

signals:
    // Reading from the database failed; the text says why.
    void loadFailed(const QString& message) const;

private:
    struct Page {
        std::vector<Person> people;
        QString firstKey; // sort keys of the first and last person, to seek the neighbours
        QString lastKey;
    };
    const Page* page(int index) const;
    Page readPage(int index) const;

    Database& m_db;
    PersonFilter m_filter;
    int m_count = 0;
    mutable QHash<int, Page> m_pages;
    mutable QList<int> m_recent; // page indexes, most recently used last
    mutable int m_pagesRead = 0;
};

} // namespace steward::gui
