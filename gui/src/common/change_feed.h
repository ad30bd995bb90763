// Tells the window what other Steward clients changed, as they commit: the database announces
// every change on the channel "steward_changes" with the table's name (sql/0004), and the feed
// listens on the workspace's connection. Bursts are folded: after the first notification it waits
// a moment and then reports each table once, so a bulk import costs the window one reload.
#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace steward {
class Database;
}

namespace steward::gui {

class ChangeFeed : public QObject {
    Q_OBJECT

public:
    // Subscribes on `db`'s connection; `db` must outlive the feed. `settleMs` is how long a burst
    // is collected before it is reported.
    explicit ChangeFeed(Database& db, int settleMs = 250, QObject* parent = nullptr);
    ~ChangeFeed() override;

    // Whether the driver delivers notifications (QPSQL does); false leaves the feed silent.
    bool isListening() const { return m_listening; }

signals:
    // Tables changed by another connection since the last report, e.g. {"person", "raci_entry"}.
    void changed(const QStringList& tables);

private:
    void collect(const QString& table);

    Database& m_db;
    bool m_listening = false;
    QSet<QString> m_pending;
    QTimer m_settle;
};

// Which screens care about a change to `tables`.
struct ChangedAreas {
    bool people = false;
    bool projects = false;
    bool staffing = false; // assignments and RACI entries
    bool catalogue = false;
    bool audits = false;
    bool plugins = false;
    bool qualifications = false; // the catalogue of them, records and requirements
    bool any() const
    {
        return people || projects || staffing || catalogue || audits || plugins || qualifications;
    }
};
ChangedAreas changedAreas(const QStringList& tables);

} // namespace steward::gui
