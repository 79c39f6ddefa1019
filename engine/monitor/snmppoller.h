#pragma once

#include "monitor/snmppollresult.h"
#include "monitor/snmptarget.h"

#include "core/clock.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>

#include <memory>
#include <thread>

namespace reg::monitor {

struct SnmpPollerOptions
{
    int maxInFlight = 256;            // polls (sockets) open at once; the rest wait their turn
    bool spreadFirstPolls = true;     // first poll of a device at a random moment within its interval
};

// Polls every target on its own interval with net-snmp's asynchronous single-session API, many
// devices in flight at once: each poll is a small state machine (SnmpDevicePoll) with its own
// time-outs, so a slow or dead device never delays the others. The loop runs on a thread of its own
// (select() over the sessions' sockets), never on a Qt event-loop thread; results leave it through
// the queued signal polled(). Targets may be replaced at any time from any thread.
// Owned by the monitoring composition (registryd); stop() or the destructor joins the thread.
class SnmpPoller : public QObject
{
    Q_OBJECT
public:
    explicit SnmpPoller(const Clock &clock = SystemClock::instance(), SnmpPollerOptions options = {},
                        QObject *parent = nullptr);
    ~SnmpPoller() override;

    void start();
    void stop();

    // Replace every target / add or change one / remove one. A changed address or credentials
    // abandons the poll in flight and forgets the counters (they belong to another agent now).
    void setTargets(const QList<SnmpTarget> &targets);
    void upsertTarget(const SnmpTarget &target);
    void removeTarget(qint64 deviceId);
    // Poll this device as soon as a slot is free, then continue on its interval.
    void pollSoon(qint64 deviceId);

    int targetCount() const;
    int inFlight() const;             // polls open right now (for /metrics and the benchmark)

Q_SIGNALS:
    // Emitted on the poller thread, so receivers on other threads get it queued.
    void polled(const reg::monitor::PollResult &result);

private:
    struct Device;
    struct Schedule;
    void run();
    void applyChanges(Schedule &schedule, qint64 nowMs);
    void wake();

    const Clock &m_clock;
    const SnmpPollerOptions m_options;

    // Shared with the poller thread: what the owner asked for since the loop last looked.
    mutable QMutex m_mutex;
    QHash<qint64, SnmpTarget> m_targets;
    QSet<qint64> m_changed;
    QSet<qint64> m_pollSoon;
    bool m_stopping = false;
    int m_inFlight = 0;

    int m_wakeFd = -1;                // eventfd: wakes select() when targets change or on stop
    std::thread m_thread;
};

} // namespace reg::monitor
