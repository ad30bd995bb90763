// Work that would hold the window (a big query, a long computation) run on a thread of its own,
// with the outcome reported back on the thread that started it. The work gets nothing of the
// caller's but what it captures: a QtSql connection belongs to the thread that opened it, so work
// that reads the database opens its own (`Database(conninfo, actor)`) on the worker.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace steward::gui {

class BackgroundTask : public QObject {
    Q_OBJECT

public:
    // Runs on the worker thread. It may poll `cancelRequested` to stop early; whatever it throws
    // is reported by failed(). Results go where the work's captures point, e.g. a shared_ptr the
    // caller reads once succeeded() arrives.
    using Work = std::function<void(const std::atomic<bool>& cancelRequested)>;

    explicit BackgroundTask(Work work, QObject* parent = nullptr);
    // Requests a cancel and waits for the thread: a worker never outlives what it reports to.
    ~BackgroundTask() override;

    // Starts the work once; later calls do nothing.
    void start();
    // The work may not notice in time; either way, its outcome is then reported as cancelled().
    void cancel();
    bool isRunning() const;
    bool isCancelled() const;

signals:
    // Exactly one of these, on this object's thread, once the worker thread has ended.
    void succeeded();
    void failed(const QString& message);
    void cancelled();

private:
    struct State;

    void onThreadFinished();

    Work m_work;
    std::shared_ptr<State> m_state;
    QThread* m_thread = nullptr;
};

} // namespace steward::gui
