// Chooses one active person for a gap: a search line over the whole directory that asks the
// database for one small page per search (an organisation may have 100k people), with the
// people who already hold the relevant role listed first.
#pragma once

#include <QDialog>
#include <QString>

#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTimer;

namespace steward::gui {

class Workspace;

class PersonPicker : public QDialog {
    Q_OBJECT

public:
    // Searches show at most this many people; the rest are reached by typing more.
    static constexpr int kPageSize = 50;

    struct Candidate {
        QString email;
        QString name;
        QString note; // why they are suggested, e.g. "holds the role on the project"
    };

    // `explanation` says what the chosen person will be given.
    PersonPicker(Workspace& workspace, const QString& title, const QString& explanation,
                 QWidget* parent = nullptr);

    // People listed above the search results while the search line is empty.
    void setSuggestions(std::vector<Candidate> suggestions);
    // Shows an allocation field for the role assignment the choice may create.
    void setAllocationVisible(bool visible);

    // Runs the search now instead of after the typing pause.
    void search(const QString& text);
    // Selects the listed person with this e-mail; false when they are not listed.
    bool select(const QString& email);

    QString selectedEmail() const;
    QString selectedName() const;
    int allocationPercent() const;

    QLineEdit* searchLine() const { return m_search; }
    QListWidget* results() const { return m_results; }

private:
    void refresh();

    Workspace& m_workspace;
    std::vector<Candidate> m_suggestions;
    QLineEdit* m_search;
    QListWidget* m_results;
    QLabel* m_status;
    QLabel* m_allocationLabel;
    QSpinBox* m_allocation;
    QTimer* m_typingPause;
    QPushButton* m_ok;
};

} // namespace steward::gui
