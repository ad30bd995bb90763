// The RACI matrix editor: pick a project, set R/A/C/I by typing the letter (Delete clears) or
// with the buttons and the context menu, watch broken shapes light up, and save.
#pragma once

#include "raci/coverage_gap.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace steward::gui {

class MessageBar;
class RaciMatrixModel;
class Workspace;

class RaciEditor : public QWidget {
    Q_OBJECT

public:
    explicit RaciEditor(Workspace& workspace, QWidget* parent = nullptr);

    // Opens a project's matrix. Returns false when the user keeps unsaved edits instead.
    bool openProject(const QString& key);
    // Reads the open project's matrix again; false, and nothing read, while there are unsaved
    // edits: they are the user's, and saving checks them against the stored rows anyway.
    bool reload();
    void reloadProjects();

    RaciMatrixModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QComboBox* projectSelector() const { return m_project; }
    QPushButton* saveButton() const { return m_save; }
    MessageBar* messageBar() const { return m_message; }
    QListWidget* findingsList() const { return m_findings; }
    QPushButton* assignButton() const { return m_assign; }

    // Fills the gap of finding `findingIndex` (in findingsList() order) with `email`: adds them
    // as a column when they are not on the project yet and sets the missing letter as an unsaved
    // edit, which save() writes. False when the finding is not such a gap or editing is not
    // allowed.
    bool assignFromGap(int findingIndex, const QString& email);

    bool save();
    // Whether unsaved edits may be thrown away; asks when there are any.
    bool confirmDiscard();

protected:
    // The first project's matrix is read when the editor is first shown, not when the window is
    // built: in a large organisation that read takes most of a second.
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void saved(const QString& projectKey);

private:
    void load(const QString& key);
    void updateActions();
    void updateFindings();
    void showContextMenu(const QPoint& pos);
    void applyPermissions();
    void showReadOnlyNotice();
    // Asks for a person for the selected finding's gap, then fills it.
    void chooseForSelectedGap();

    Workspace& m_workspace;
    RaciMatrixModel* m_model;
    QComboBox* m_project;
    QPushButton* m_save;
    QPushButton* m_revert;
    QList<QAction*> m_letterActions;
    QAction* m_clearAction;
    MessageBar* m_message;
    QTableView* m_view;
    QLabel* m_findingsTitle;
    QListWidget* m_findings;
    QPushButton* m_assign;
    QList<QWidget*> m_editWidgets; // hidden for a user who may not change staffing
    QString m_currentKey;
    std::optional<CoverageGaps> m_gaps; // the catalogue as of the last load
};

} // namespace steward::gui
