// Steward's own PostgreSQL cluster, used when no database server is configured: created on first
// use in a private directory, reachable only through a Unix socket in a private directory, and
// shared safely by every Steward process on the machine that points at the same directory.
//
// Lifecycle across processes uses flock(2) on two files in the cluster directory: control.lock is
// held exclusively while a process starts or stops the server, and every client process holds a
// shared lock on clients.lock while it uses the cluster. When a client is done it checks, under
// control.lock, whether it was the last one; if so, and the cluster is not marked persistent, it
// stops the server. Locks die with their process, so a crashed client never blocks the others;
// a server it left running is reused by the next start.
#pragma once

#include <steward/export.h>

#include <QString>

#include <memory>

namespace steward {

class STEWARD_CORE_API EmbeddedCluster {
public:
    struct Options {
        // For test suites: fsync, synchronous_commit and full_page_writes off. Fast, and a crash
        // may lose or corrupt data, which is fine for a cluster that is thrown away.
        bool throwaway = false;
        // Also listen on 127.0.0.1 at this port (0: the private socket only). For test harnesses
        // that must reach the server the way a team's clients do, over TCP.
        quint16 tcpPort = 0;
    };

    explicit EmbeddedCluster(QString directory);
    EmbeddedCluster(QString directory, Options options);
    // Releases this object's client registration; stops the server if it was the last client on
    // the machine and the cluster is not persistent. Never throws; problems are logged.
    ~EmbeddedCluster();

    EmbeddedCluster(const EmbeddedCluster&) = delete;
    EmbeddedCluster& operator=(const EmbeddedCluster&) = delete;

    // STEWARD_CLUSTER when set; else $XDG_DATA_HOME/steward/cluster (default
    // ~/.local/share/steward/cluster), or /var/lib/steward/cluster when running as root (see the
    // definition for why).
    static QString defaultDirectory();

    // Creates the cluster if the directory holds none, starts the server unless it already runs,
    // creates the "steward" database if missing, and registers this object as a client.
    // Throws steward::Error (Unavailable) naming the step that failed.
    void start();
    // Stops the server now (fast shutdown: open sessions are disconnected), whoever uses it.
    void stop();

    // A persistent cluster is left running when its last client exits (`steward db start`).
    // Stored as a marker file in the directory, so it holds for every process.
    void setPersistent(bool keep);
    bool isPersistent() const;

    bool isRunning() const;
    // libpq key=value conninfo for the "steward" database over the private socket.
    QString conninfo() const;
    QString directory() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace steward
