// The RACI matrix of one project as an editable table: responsibilities grouped by lifecycle
// stage (rows) × the people on the project (columns), each cell the set of letters that person
// holds for that responsibility.
//
// Edits stay in the model until save(). After every edit the coverage rules run on the edited
// snapshot, so a broken shape (nobody Accountable, two Accountable, nobody Responsible) shows
// while it is being made, with the rule's own sentence, before anything is written. A person who
// lacks a qualification their roles or duties require is marked on their column's header.
#pragma once

#include <steward/staffing.h>

#include <QAbstractTableModel>
#include <QStringList>

#include <map>
#include <set>
#include <vector>

namespace steward::gui {

class Workspace;

class RaciMatrixModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // Letters a cell holds, one bit per RaciKind.
    using Letters = unsigned;
    static constexpr int ResponsibilityColumn = 0;
    // True on the rows that only name a lifecycle stage.
    static constexpr int StageHeaderRole = Qt::UserRole + 1;
    // The finding codes of the cell's responsibility (QStringList).
    static constexpr int FindingCodesRole = Qt::UserRole + 2;
    // On a person's column header: the codes of the findings that they lack, or will soon lack, a
    // qualification their roles or duties require (QStringList; empty when they have all).
    static constexpr int QualificationFindingsRole = Qt::UserRole + 3;

    struct SaveResult {
        bool saved = false;
        int written = 0;       // entries added plus entries removed
        QStringList conflicts; // cells someone else changed since loading, with both values
    };

    explicit RaciMatrixModel(Workspace& workspace, QObject* parent = nullptr);

    // Reads the project's staffing; drops unsaved edits. Throws steward::Error.
    void load(const QString& projectKey);
    QString projectKey() const { return m_projectKey; }

    // Adds the letter to every editable cell of `indexes`, or removes it when they all hold it.
    void toggle(const QModelIndexList& indexes, RaciKind kind);
    void clear(const QModelIndexList& indexes);
    bool setLetters(const QModelIndex& index, Letters letters);
    Letters letters(const QModelIndex& index) const;

    bool isDirty() const;

    // A read-only matrix (the user may not change staffing) accepts no edits.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    // Adds a column for someone not on the project yet (to give them a letter); returns the
    // person's column, existing or new. Throws steward::Error when nobody has that e-mail.
    int addPerson(const QString& email);
    // Writes the edits through StaffingService in one transaction. When a cell that was edited
    // here was also changed by someone else since load(), nothing is written and the conflicts
    // are returned. Errors the service raises (a second Accountable added meanwhile) propagate
    // as steward::Error and leave the database as it was.
    SaveResult save();

    // Every finding of the coverage rules on the edited snapshot.
    const std::vector<Finding>& findings() const { return m_findings; }
    int responsibilityRow(const QString& key) const;
    int personColumn(const QString& email) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    // The findings of the edited snapshot changed.
    void findingsChanged();

private:
    struct Row {
        bool stageHeader = false;
        LifecycleStage stage = LifecycleStage::Build;
        const ResponsibilityInfo* responsibility = nullptr;
    };
    using Cell = std::pair<std::string, std::int64_t>; // responsibility key, person id
    using Cells = std::map<Cell, Letters>;

    const ResponsibilityInfo* responsibilityAt(int row) const;
    const PersonInfo* personAt(int column) const;
    bool editable(const QModelIndex& index) const;
    void evaluate();
    Cells readStored() const;

    Workspace& m_workspace;
    bool m_readOnly = false;
    QString m_projectKey;
    ProjectStaffing m_snapshot; // as loaded; its raci is replaced by the edits when evaluating
    std::vector<Row> m_rows;
    std::vector<PersonInfo> m_people;              // the columns after the first
    std::map<std::int64_t, QStringList> m_rolesOf; // person id -> role keys on the project
    Cells m_base;
    Cells m_edited;
    std::vector<Finding> m_findings;
    std::map<std::string, std::vector<const Finding*>> m_shapeFindings; // by responsibility key
    std::map<QString, std::vector<const Finding*>> m_unfitFindings;     // by lower-case e-mail
};

} // namespace steward::gui
