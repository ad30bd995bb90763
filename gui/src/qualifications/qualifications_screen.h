// The qualifications: the catalogue (built-in, the packs' and the organisation's own), and for
// the one selected who holds it with its expiry and what requires it; Import… reads completions
// from a learning-management system's CSV export. The lists are read on a worker thread.
#pragma once

#include "services/qualification_service.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace steward::gui {

class BackgroundTask;
class ImportQualificationsDialog;
class MessageBar;
class Workspace;

class QualificationsScreen : public QWidget {
    Q_OBJECT

public:
    enum CatalogueColumn {
        KeyColumn,
        NameColumn,
        ProviderColumn,
        ValidityColumn,
        SourceColumn,
        HoldersColumn,
        CatalogueColumnCount
    };
    enum HolderColumn {
        PersonColumn,
        CompletedColumn,
        ExpiresColumn,
        StateColumn,
        HolderColumnCount
    };

    explicit QualificationsScreen(Workspace& workspace, QWidget* parent = nullptr);
    ~QualificationsScreen() override;

    // Reads the lists again in the background, keeping the selection; loaded() follows.
    void reload();
    bool isBusy() const { return m_task != nullptr; }
    // Runs the event loop until the reading has ended (tests and screenshots).
    bool waitUntilIdle(int timeoutMs = 60000);
    // Selects a qualification by key; false when the catalogue has none such.
    bool showQualification(const QString& key);
    // Import…: the import of the file at `path`, shown as a window of its own; a committed
    // import reloads the lists.
    ImportQualificationsDialog* importFile(const QString& path);

    QTableWidget* catalogueTable() const { return m_catalogue; }
    QTableWidget* holdersTable() const { return m_holders; }
    QLabel* requiredLabel() const { return m_required; }
    QPushButton* importButton() const { return m_import; }
    MessageBar* messageBar() const { return m_message; }

signals:
    void personActivated(const QString& email);
    void loaded();
    // An import committed: people's pages and the coverage findings change with it.
    void qualificationsChanged();

private:
    struct Lists;
    void showLists();
    void showDetails();

    Workspace& m_workspace;
    MessageBar* m_message;
    QPushButton* m_import;
    QTableWidget* m_catalogue;
    QLabel* m_title;
    QLabel* m_required;
    QTableWidget* m_holders;
    BackgroundTask* m_task = nullptr;
    std::shared_ptr<const Lists> m_lists;
};

} // namespace steward::gui
