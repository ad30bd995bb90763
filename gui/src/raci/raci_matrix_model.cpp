#include "raci/raci_matrix_model.h"

#include "common/labels.h"
#include "common/workspace.h"
#include "coverage/core_rules.h"
#include "coverage/staffing_loader.h"
#include "db/database.h"
#include "domain/records.h"
#include "services/catalog_service.h"
#include "services/coverage_service.h"
#include "services/person_service.h"
#include "services/staffing_service.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>

namespace steward::gui {
namespace {

constexpr RaciMatrixModel::Letters bit(RaciKind kind)
{
    return 1u << static_cast<unsigned>(kind);
}

bool isShapeCode(const std::string& code)
{
    return code == coverage_code::NoAccountable || code == coverage_code::MultipleAccountable ||
           code == coverage_code::NoResponsible;
}

// Whether the finding says a person lacks, or is about to lose, what their roles require.
bool isUnfitCode(const std::string& code)
{
    return code == coverage_code::UnqualifiedHolder || code == coverage_code::QualificationExpiring;
}

QString lettersText(RaciMatrixModel::Letters letters)
{
    QStringList parts;
    for (RaciKind k : kRaciKinds)
        if (letters & bit(k))
            parts << Labels::letter(k);
    return parts.join(QLatin1Char(' '));
}

QString lettersDescription(RaciMatrixModel::Letters letters)
{
    QStringList parts;
    for (RaciKind k : kRaciKinds)
        if (letters & bit(k))
            parts << Labels::of(k);
    return parts.isEmpty() ? RaciMatrixModel::tr("nothing") : parts.join(QStringLiteral(", "));
}

} // namespace

RaciMatrixModel::RaciMatrixModel(Workspace& workspace, QObject* parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{
}

void RaciMatrixModel::load(const QString& projectKey)
{
    Database& db = m_workspace.db();
    const QDate today = QDate::currentDate();
    ProjectStaffing snapshot = StaffingLoader(db).load(projectKey, today);

    // Besides what the project must cover and what is already recorded, offer the
    // responsibilities of every role someone holds on the project now or later.
    std::set<std::string> known;
    for (const ResponsibilityInfo& r : snapshot.responsibilities)
        known.insert(r.key);
    std::set<std::string> heldRoles;
    std::map<std::int64_t, QStringList> rolesOf;
    std::set<std::int64_t> columnIds;
    const Date asOf = snapshot.asOf;
    for (const AssignmentInfo& a : snapshot.assignments) {
        if (a.to && *a.to < asOf)
            continue;
        heldRoles.insert(a.roleKey);
        columnIds.insert(a.personId);
        if (!rolesOf[a.personId].contains(qs(a.roleKey)))
            rolesOf[a.personId] << qs(a.roleKey);
    }
    CatalogService catalog(db);
    for (const std::string& role : heldRoles) {
        for (const Responsibility& r : catalog.responsibilities(qs(role))) {
            if (known.insert(r.key.toStdString()).second)
                snapshot.responsibilities.push_back({r.key.toStdString(), r.roleKey.toStdString(),
                                                     r.text.toStdString(), r.stage, false});
        }
    }
    for (const RaciInfo& e : snapshot.raci)
        columnIds.insert(e.personId);

    beginResetModel();
    m_projectKey = projectKey;
    m_snapshot = std::move(snapshot);
    m_rolesOf = std::move(rolesOf);
    m_people.clear();
    for (std::int64_t id : columnIds)
        if (const PersonInfo* p = m_snapshot.person(id))
            m_people.push_back(*p);
    std::sort(m_people.begin(), m_people.end(), [](const PersonInfo& a, const PersonInfo& b) {
        return QString::localeAwareCompare(qs(a.name), qs(b.name)) < 0;
    });

    std::vector<const ResponsibilityInfo*> ordered;
    for (const ResponsibilityInfo& r : m_snapshot.responsibilities)
        ordered.push_back(&r);
    std::sort(ordered.begin(), ordered.end(),
              [](const ResponsibilityInfo* a, const ResponsibilityInfo* b) {
                  return std::tie(a->stage, a->roleKey, a->key) <
                         std::tie(b->stage, b->roleKey, b->key);
              });
    m_rows.clear();
    for (const ResponsibilityInfo* r : ordered) {
        if (m_rows.empty() || m_rows.back().stage != r->stage)
            m_rows.push_back({true, r->stage, nullptr});
        m_rows.push_back({false, r->stage, r});
    }

    m_base.clear();
    for (const RaciInfo& e : m_snapshot.raci)
        m_base[{e.responsibilityKey, e.personId}] |= bit(e.kind);
    m_edited = m_base;
    evaluate();
    endResetModel();
    emit findingsChanged();
}

void RaciMatrixModel::evaluate()
{
    ProjectStaffing edited = m_snapshot;
    edited.raci.clear();
    for (const auto& [cell, letters] : m_edited)
        for (RaciKind k : kRaciKinds)
            if (letters & bit(k))
                edited.raci.push_back({cell.second, cell.first, k});
    m_shapeFindings.clear();
    m_unfitFindings.clear();
    m_findings = m_workspace.coverage().evaluate(edited);
    for (const Finding& f : m_findings) {
        if (isShapeCode(f.code))
            m_shapeFindings[f.subject].push_back(&f);
        else if (isUnfitCode(f.code))
            m_unfitFindings[qs(f.subject).toLower()].push_back(&f);
    }
}

const ResponsibilityInfo* RaciMatrixModel::responsibilityAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].responsibility
                                        : nullptr;
}

const PersonInfo* RaciMatrixModel::personAt(int column) const
{
    const int i = column - 1;
    return i >= 0 && i < static_cast<int>(m_people.size()) ? &m_people[static_cast<std::size_t>(i)]
                                                           : nullptr;
}

bool RaciMatrixModel::editable(const QModelIndex& index) const
{
    return !m_readOnly && index.isValid() && index.model() == this &&
           responsibilityAt(index.row()) && personAt(index.column());
}

int RaciMatrixModel::responsibilityRow(const QString& key) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].responsibility && qs(m_rows[i].responsibility->key) == key)
            return static_cast<int>(i);
    return -1;
}

int RaciMatrixModel::personColumn(const QString& email) const
{
    for (std::size_t i = 0; i < m_people.size(); ++i)
        if (qs(m_people[i].email).compare(email, Qt::CaseInsensitive) == 0)
            return static_cast<int>(i) + 1;
    return -1;
}

RaciMatrixModel::Letters RaciMatrixModel::letters(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || !responsibilityAt(index.row()) ||
        !personAt(index.column()))
        return 0;
    const auto it =
        m_edited.find({responsibilityAt(index.row())->key, personAt(index.column())->id});
    return it == m_edited.end() ? 0 : it->second;
}

bool RaciMatrixModel::setLetters(const QModelIndex& index, Letters letters)
{
    if (!editable(index))
        return false;
    const Cell cell{responsibilityAt(index.row())->key, personAt(index.column())->id};
    if (letters == 0)
        m_edited.erase(cell);
    else
        m_edited[cell] = letters;
    evaluate();
    // A letter changes the shape of its whole row, and the highlighting follows the findings.
    emit dataChanged(this->index(0, 0), this->index(rowCount() - 1, columnCount() - 1));
    // Being Responsible or Accountable for a duty can bring a requirement of its own.
    if (columnCount() > 1)
        emit headerDataChanged(Qt::Horizontal, 1, columnCount() - 1);
    emit findingsChanged();
    return true;
}

void RaciMatrixModel::toggle(const QModelIndexList& indexes, RaciKind kind)
{
    QModelIndexList cells;
    bool all = true;
    for (const QModelIndex& i : indexes) {
        if (!editable(i))
            continue;
        cells << i;
        all = all && (letters(i) & bit(kind));
    }
    for (const QModelIndex& i : cells)
        setLetters(i, all ? (letters(i) & ~bit(kind)) : (letters(i) | bit(kind)));
}

void RaciMatrixModel::clear(const QModelIndexList& indexes)
{
    for (const QModelIndex& i : indexes)
        if (letters(i) != 0)
            setLetters(i, 0);
}

bool RaciMatrixModel::isDirty() const
{
    return m_edited != m_base;
}

void RaciMatrixModel::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int RaciMatrixModel::addPerson(const QString& email)
{
    if (const int existing = personColumn(email); existing >= 0)
        return existing;
    const Person person = PersonService(m_workspace.db()).byEmail(email);
    // As the staffing loader reads a person, so that the live check sees what the saved one will.
    PersonInfo info{person.id,
                    person.email.toStdString(),
                    person.name.toStdString(),
                    person.active,
                    person.orgUnit.toStdString(),
                    person.title.toStdString(),
                    {}};
    beginResetModel();
    if (!m_snapshot.person(info.id))
        m_snapshot.people.push_back(info);
    // The column goes where the name sorts, like the columns loaded with the project.
    const auto at = std::upper_bound(
        m_people.begin(), m_people.end(), info, [](const PersonInfo& a, const PersonInfo& b) {
            return QString::localeAwareCompare(qs(a.name), qs(b.name)) < 0;
        });
    m_people.insert(at, std::move(info));
    endResetModel();
    return personColumn(email);
}

RaciMatrixModel::Cells RaciMatrixModel::readStored() const
{
    std::map<QString, std::int64_t> idOf;
    for (const PersonInfo& p : m_snapshot.people)
        idOf[qs(p.email).toLower()] = p.id;
    Cells stored;
    for (const RaciEntry& e : StaffingService(m_workspace.db()).raci(m_projectKey)) {
        const auto id = idOf.find(e.personEmail.toLower());
        // Someone not in the snapshot cannot be in a cell edited here; their entries never
        // conflict.
        if (id != idOf.end())
            stored[{e.responsibilityKey.toStdString(), id->second}] |= bit(e.kind);
    }
    return stored;
}

RaciMatrixModel::SaveResult RaciMatrixModel::save()
{
    SaveResult result;
    Database& db = m_workspace.db();
    std::map<std::int64_t, QString> emailOf;
    for (const PersonInfo& p : m_snapshot.people)
        emailOf[p.id] = qs(p.email);

    std::set<Cell> changed;
    for (const auto& [cell, letters] : m_edited)
        if (m_base.count(cell) == 0 || m_base.at(cell) != letters)
            changed.insert(cell);
    for (const auto& [cell, letters] : m_base)
        if (m_edited.count(cell) == 0)
            changed.insert(cell);
    if (changed.empty()) {
        result.saved = true;
        return result;
    }

    Transaction tx(db);
    // Lock the project's RACI entries against a concurrent save between the check and the writes.
    db.exec(QStringLiteral("SELECT 1 FROM raci_entry r JOIN project p ON p.id = r.project_id "
                           "WHERE p.key = ? FOR UPDATE OF r"),
            {m_projectKey});
    const Cells stored = readStored();
    auto valueIn = [](const Cells& cells, const Cell& cell) {
        const auto it = cells.find(cell);
        return it == cells.end() ? Letters{0} : it->second;
    };
    for (const Cell& cell : changed) {
        const Letters base = valueIn(m_base, cell);
        const Letters now = valueIn(stored, cell);
        if (now == base)
            continue;
        const PersonInfo* person = m_snapshot.person(cell.second);
        const ResponsibilityInfo* resp = m_snapshot.responsibility(cell.first);
        result.conflicts
            << tr("%1 for \"%2\": someone else changed it from %3 to %4 while you set %5.")
                   .arg(person ? qs(person->name) : emailOf[cell.second],
                        resp ? qs(resp->text) : qs(cell.first), lettersDescription(base),
                        lettersDescription(now), lettersDescription(valueIn(m_edited, cell)));
    }
    if (!result.conflicts.isEmpty())
        return result; // the transaction rolls back; nothing was written

    StaffingService staffing(db);
    // Removals first, so that Accountable can move from one person to another in one save.
    for (const Cell& cell : changed) {
        const Letters removed = valueIn(m_base, cell) & ~valueIn(m_edited, cell);
        for (RaciKind k : kRaciKinds)
            if (removed & bit(k)) {
                staffing.removeRaci(m_projectKey, qs(cell.first), emailOf[cell.second], k);
                ++result.written;
            }
    }
    for (const Cell& cell : changed) {
        const Letters added = valueIn(m_edited, cell) & ~valueIn(m_base, cell);
        for (RaciKind k : kRaciKinds)
            if (added & bit(k)) {
                staffing.setRaci(m_projectKey, qs(cell.first), emailOf[cell.second], k);
                ++result.written;
            }
    }
    tx.commit();
    result.saved = true;
    m_base = m_edited;
    emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    return result;
}

int RaciMatrixModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RaciMatrixModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_rows.empty() ? 0 : static_cast<int>(m_people.size()) + 1;
}

QVariant RaciMatrixModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == StageHeaderRole)
        return row.stageHeader;
    if (row.stageHeader) {
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == 0 ? Labels::of(row.stage) : QVariant();
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        case Qt::BackgroundRole:
            return QBrush(QColor(0xe8, 0xea, 0xed));
        default:
            return {};
        }
    }
    const ResponsibilityInfo* r = row.responsibility;
    const auto found = m_shapeFindings.find(r->key);
    const bool broken = found != m_shapeFindings.end();
    if (role == FindingCodesRole) {
        QStringList codes;
        if (broken)
            for (const Finding* f : found->second)
                codes << qs(f->code);
        return codes;
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines;
        if (broken)
            for (const Finding* f : found->second)
                lines << qs(f->message) + QLatin1Char(' ') + qs(f->remedy);
        if (index.column() == ResponsibilityColumn)
            lines.prepend(tr("%1 (%2)%3")
                              .arg(qs(r->text), qs(r->roleKey),
                                   r->required ? tr(", must be covered") : QString()));
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
    }
    if (index.column() == ResponsibilityColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return qs(r->text);
        case Qt::ForegroundRole:
            return broken ? QBrush(QColor(0xb7, 0x1c, 0x1c)) : QVariant();
        case Qt::DecorationRole:
            return broken ? QColor(0xd3, 0x2f, 0x2f) : QVariant();
        case Qt::FontRole: {
            if (!r->required)
                return {};
            QFont f;
            f.setBold(true);
            return f;
        }
        default:
            return {};
        }
    }
    const Letters cellLetters = letters(index);
    switch (role) {
    case Qt::DisplayRole:
        return lettersText(cellLetters);
    case Qt::AccessibleTextRole:
        return lettersDescription(cellLetters);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::FontRole: {
        const Cell cell{r->key, personAt(index.column())->id};
        const auto base = m_base.find(cell);
        if ((base == m_base.end() ? 0u : base->second) == cellLetters)
            return {};
        QFont f; // an unsaved change
        f.setBold(true);
        f.setUnderline(true);
        return f;
    }
    case Qt::BackgroundRole: {
        if (!broken)
            return {};
        const bool multipleA =
            std::any_of(found->second.begin(), found->second.end(), [](const Finding* f) {
                return f->code == coverage_code::MultipleAccountable;
            });
        if (multipleA && (cellLetters & bit(RaciKind::Accountable)))
            return QBrush(QColor(0xef, 0x9a, 0x9a));
        return QBrush(QColor(0xfd, 0xe2, 0xe1));
    }
    default:
        return {};
    }
}

QVariant RaciMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (section == ResponsibilityColumn)
        return role == Qt::DisplayRole ? QVariant(tr("Responsibility")) : QVariant();
    const PersonInfo* p = personAt(section);
    if (!p)
        return {};
    const auto unfit = m_unfitFindings.find(qs(p->email).toLower());
    const bool lacking = unfit != m_unfitFindings.end();
    switch (role) {
    case QualificationFindingsRole: {
        QStringList codes;
        if (lacking)
            for (const Finding* f : unfit->second)
                codes << qs(f->code);
        return codes;
    }
    case Qt::ForegroundRole:
        if (!lacking)
            return {};
        return std::any_of(unfit->second.begin(), unfit->second.end(),
                           [](const Finding* f) { return f->severity == Severity::Error; })
                   ? QColor(0xb7, 0x1c, 0x1c)
                   : QColor(0x9a, 0x67, 0x00);
    case Qt::DisplayRole: {
        // Names wrap onto short lines so that a whole team fits in narrow columns.
        QStringList lines;
        for (const QString& word : qs(p->name).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!lines.isEmpty() && lines.back().size() + 1 + word.size() <= 10)
                lines.back() += QLatin1Char(' ') + word;
            else
                lines << word;
        }
        // A warning sign before the name of someone who lacks what their roles require.
        if (lacking && !lines.isEmpty())
            lines.front().prepend(QStringLiteral("\u26a0 "));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::ToolTipRole: {
        const auto roles = m_rolesOf.find(p->id);
        QString tip = tr("%1 <%2>\n%3")
                          .arg(qs(p->name), qs(p->email),
                               roles == m_rolesOf.end() ? tr("no current role on this project")
                                                        : roles->second.join(QStringLiteral(", ")));
        if (lacking)
            for (const Finding* f : unfit->second)
                tip += QLatin1Char('\n') + qs(f->message);
        return tip;
    }
    default:
        return {};
    }
}

Qt::ItemFlags RaciMatrixModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (m_rows[static_cast<std::size_t>(index.row())].stageHeader)
        return Qt::ItemIsEnabled;
    if (index.column() == ResponsibilityColumn || m_readOnly)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool RaciMatrixModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !editable(index))
        return false;
    // Accepts letters typed into an editor, e.g. "A R" or "ar".
    Letters letters = 0;
    const QString text = value.toString().toUpper();
    for (RaciKind k : kRaciKinds)
        if (text.contains(Labels::letter(k).toUpper()))
            letters |= bit(k);
    return setLetters(index, letters);
}

} // namespace steward::gui
