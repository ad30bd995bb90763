#include "common/background_task.h"

#include "common/message_bar.h"

#include <QThread>

namespace steward::gui {

// Shared by both threads: the worker writes `error` before its thread ends, the owner reads it
// only after QThread::finished.
struct BackgroundTask::State {
    std::atomic<bool> cancelRequested{false};
    QString error;
};

BackgroundTask::BackgroundTask(Work work, QObject* parent)
    : QObject(parent)
    , m_work(std::move(work))
    , m_state(std::make_shared<State>())
{
}

BackgroundTask::~BackgroundTask()
{
    if (m_thread) {
        m_state->cancelRequested = true;
        m_thread->wait();
    }
}

void BackgroundTask::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([state = m_state, work = m_work] {
        try {
            work(state->cancelRequested);
        } catch (const std::exception& e) {
            state->error = describeFailure(e);
        }
    });
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, this, &BackgroundTask::onThreadFinished);
    m_thread->start();
}

void BackgroundTask::cancel()
{
    m_state->cancelRequested = true;
}

bool BackgroundTask::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

bool BackgroundTask::isCancelled() const
{
    return m_state->cancelRequested;
}

void BackgroundTask::onThreadFinished()
{
    m_thread->wait();
    if (m_state->cancelRequested)
        emit cancelled();
    else if (!m_state->error.isEmpty())
        emit failed(m_state->error);
    else
        emit succeeded();
}

} // namespace steward::gui
