#include "people/person_list_model.h"

#include "common/message_bar.h"
#include "db/database.h"
#include "services/person_pages.h"

#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace steward::gui {

PersonListModel::PersonListModel(Database& db, QObject* parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{
    reload();
}

void PersonListModel::setSearch(const QString& text)
{
    if (text == m_filter.search)
        return;
    m_filter.search = text;
    reload();
}

void PersonListModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_recent.clear();
    m_pagesRead = 0;
    try {
        const qint64 count = PersonService(m_db).count(m_filter);
        m_count = static_cast<int>(std::min<qint64>(count, std::numeric_limits<int>::max()));
    } catch (const std::exception& e) {
        m_count = 0;
        endResetModel();
        emit loadFailed(describeFailure(e));
        return;
    }
    endResetModel();
}

int PersonListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int PersonListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

PersonListModel::Page PersonListModel::readPage(int index) const
{
    const int first = index * kPageSize;
    const int size = std::min(kPageSize, m_count - first);
    if (size <= 0)
        return {};
    PersonSeek seek;
    bool reversed = false;
    const auto previous = m_pages.constFind(index - 1);
    const auto next = m_pages.constFind(index + 1);
    if (previous != m_pages.constEnd() &&
        previous->people.size() == static_cast<std::size_t>(kPageSize)) {
        seek = {PersonSeek::From::Row, previous->lastKey, previous->people.back().id, false, 0};
    } else if (next != m_pages.constEnd() && !next->people.empty()) {
        reversed = true;
        seek = {PersonSeek::From::Row, next->firstKey, next->people.front().id, false, 0};
    } else if (first > 0) {
        // A jump: skip from whichever end of the listing is nearer.
        const int fromEnd = m_count - (first + size);
        if (fromEnd < first) {
            reversed = true;
            if (fromEnd > 0)
                seek = {PersonSeek::From::Offset, {}, 0, true, fromEnd};
        } else {
            seek = {PersonSeek::From::Offset, {}, 0, true, first};
        }
    }
    Page result;
    auto rows = PersonPages(m_db, m_filter, m_count).read(seek, reversed, size);
    result.people.reserve(rows.size());
    for (PersonPageRow& row : rows) {
        if (result.people.empty())
            result.firstKey = row.sortKey;
        result.lastKey = row.sortKey;
        result.people.push_back(std::move(row.person));
    }
    return result;
}

const PersonListModel::Page* PersonListModel::page(int index) const
{
    if (auto it = m_pages.constFind(index); it != m_pages.constEnd()) {
        m_recent.removeOne(index);
        m_recent.append(index);
        return &it.value();
    }
    Page read;
    try {
        read = readPage(index);
    } catch (const std::exception& e) {
        emit loadFailed(describeFailure(e));
        return nullptr;
    }
    ++m_pagesRead;
    if (m_recent.size() >= kMaxCachedPages)
        m_pages.remove(m_recent.takeFirst());
    m_recent.append(index);
    return &m_pages.insert(index, std::move(read)).value();
}

const Person* PersonListModel::personAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const Page* p = page(row / kPageSize);
    const auto offset = static_cast<std::size_t>(row % kPageSize);
    // Someone may have removed people since the count was read: the last page is then short.
    if (!p || offset >= p->people.size())
        return nullptr;
    return &p->people[offset];
}

QVariant PersonListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole))
        return {};
    const Person* p = personAt(index.row());
    if (!p)
        return {};
    if (role == Qt::ForegroundRole)
        return p->active ? QVariant() : QVariant(QColor(Qt::gray));
    switch (index.column()) {
    case NameColumn:
        return p->name;
    case EmailColumn:
        return p->email;
    case OrgUnitColumn:
        return p->orgUnit;
    case TitleColumn:
        return p->title;
    case StatusColumn:
        return p->active ? tr("Active") : tr("Inactive");
    default:
        return {};
    }
}

QVariant PersonListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("E-mail");
    case OrgUnitColumn:
        return tr("Org unit");
    case TitleColumn:
        return tr("Title");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

void PersonListModel::sort(int column, Qt::SortOrder order)
{
    PersonOrder orderBy;
    switch (column) {
    case NameColumn:
        orderBy = PersonOrder::Name;
        break;
    case EmailColumn:
        orderBy = PersonOrder::Email;
        break;
    case OrgUnitColumn:
        orderBy = PersonOrder::OrgUnit;
        break;
    case TitleColumn:
        orderBy = PersonOrder::Title;
        break;
    default:
        return;
    }
    const bool descending = order == Qt::DescendingOrder;
    if (orderBy == m_filter.orderBy && descending == m_filter.descending)
        return;
    m_filter.orderBy = orderBy;
    m_filter.descending = descending;
    reload();
}

} // namespace steward::gui
