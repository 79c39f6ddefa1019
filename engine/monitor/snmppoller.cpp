#include "monitor/snmppoller.h"

#include "monitor/monitorlogging.h"
#include "monitor/netsnmplibrary.h"
#include "monitor/snmpdevicepoll.h"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/large_fd_set.h>

#include <QRandomGenerator>

#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <vector>

namespace reg::monitor {

namespace {
constexpr qint64 kMaxSleepMs = 1000;   // look at the clock at least this often
constexpr int kMinIntervalSecs = 1;
}

struct SnmpPoller::Device
{
    SnmpTarget target;
    QByteArray authKu;
    QByteArray privKu;
    qint64 nextDueMs = 0;
    std::unique_ptr<SnmpDevicePoll> poll;
    PollHistory history;
};

// The poller thread's working set: every device, the idle ones ordered by when they are due, and
// the ones with a poll in flight. A turn of the loop then costs in proportion to the polls in
// flight and the polls starting, not to the inventory: with a thousand devices, each answer no
// longer walks all thousand.
struct SnmpPoller::Schedule
{
    std::unordered_map<qint64, Device> devices;
    std::set<std::pair<qint64, qint64>> idle;   // (nextDueMs, device id)
    std::vector<qint64> busy;                   // device ids with a poll in flight

    void add(qint64 id, Device device)
    {
        idle.insert({device.nextDueMs, id});
        devices.insert_or_assign(id, std::move(device));
    }

    // Closes its poll in flight, if any: hold the net-snmp library lock.
    void remove(qint64 id)
    {
        const auto it = devices.find(id);
        if (it == devices.end())
            return;
        idle.erase({it->second.nextDueMs, id});
        busy.erase(std::remove(busy.begin(), busy.end(), id), busy.end());
        devices.erase(it);
    }

    // A device waiting for its turn is moved to dueMs; one being polled counts from dueMs when done.
    void reschedule(qint64 id, Device &device, qint64 dueMs)
    {
        const bool waiting = idle.erase({device.nextDueMs, id}) > 0;
        device.nextDueMs = dueMs;
        if (waiting)
            idle.insert({dueMs, id});
    }
};

SnmpPoller::SnmpPoller(const Clock &clock, SnmpPollerOptions options, QObject *parent)
    : QObject(parent), m_clock(clock), m_options(options)
{
    qRegisterMetaType<reg::monitor::PollResult>();
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

SnmpPoller::~SnmpPoller()
{
    stop();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void SnmpPoller::start()
{
    if (m_thread.joinable())
        return;
    NetSnmpLibrary::ensureInitialised();
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = false;
        for (auto it = m_targets.cbegin(); it != m_targets.cend(); ++it)
            m_changed.insert(it.key());
    }
    m_thread = std::thread([this] { run(); });
}

void SnmpPoller::stop()
{
    if (!m_thread.joinable())
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    wake();
    m_thread.join();
}

void SnmpPoller::wake()
{
    const quint64 one = 1;
    if (m_wakeFd >= 0)
        (void)!::write(m_wakeFd, &one, sizeof one);
}

void SnmpPoller::setTargets(const QList<SnmpTarget> &targets)
{
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_targets.cbegin(); it != m_targets.cend(); ++it)
            m_changed.insert(it.key());
        m_targets.clear();
        for (const SnmpTarget &target : targets) {
            m_targets.insert(target.deviceId, target);
            m_changed.insert(target.deviceId);
        }
    }
    wake();
}

void SnmpPoller::upsertTarget(const SnmpTarget &target)
{
    {
        QMutexLocker lock(&m_mutex);
        m_targets.insert(target.deviceId, target);
        m_changed.insert(target.deviceId);
    }
    wake();
}

void SnmpPoller::removeTarget(qint64 deviceId)
{
    {
        QMutexLocker lock(&m_mutex);
        m_targets.remove(deviceId);
        m_changed.insert(deviceId);
    }
    wake();
}

void SnmpPoller::pollSoon(qint64 deviceId)
{
    {
        QMutexLocker lock(&m_mutex);
        m_pollSoon.insert(deviceId);
    }
    wake();
}

int SnmpPoller::targetCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_targets.size());
}

int SnmpPoller::inFlight() const
{
    QMutexLocker lock(&m_mutex);
    return m_inFlight;
}

namespace {

bool sameAgent(const SnmpTarget &a, const SnmpTarget &b)
{
    const SnmpCredentials &x = a.credentials;
    const SnmpCredentials &y = b.credentials;
    return a.address == b.address && a.port == b.port && x.version == y.version && x.community == y.community
           && x.user == y.user && x.level == y.level && x.auth == y.auth && x.authPassphrase == y.authPassphrase
           && x.priv == y.priv && x.privPassphrase == y.privPassphrase;
}

} // namespace

// On the poller thread: take over what the owner changed. Ku keys are derived here, once per
// target (a million hash rounds each), never per poll.
void SnmpPoller::applyChanges(Schedule &schedule, qint64 nowMs)
{
    QHash<qint64, SnmpTarget> changed;
    QSet<qint64> soon;
    {
        QMutexLocker lock(&m_mutex);
        for (const qint64 id : std::as_const(m_changed)) {
            const auto it = m_targets.constFind(id);
            if (it == m_targets.constEnd()) {
                QMutexLocker library(&NetSnmpLibrary::mutex());   // closes a session in flight
                schedule.remove(id);
            } else
                changed.insert(id, *it);
        }
        m_changed.clear();
        soon.swap(m_pollSoon);
    }
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        const SnmpTarget &target = *it;
        const qint64 id = it.key();
        auto existing = schedule.devices.find(id);
        const int intervalMs = qMax(kMinIntervalSecs, target.intervalSecs) * 1000;
        const qint64 firstDue = nowMs + (m_options.spreadFirstPolls ? qint64(QRandomGenerator::global()->bounded(intervalMs)) : 0);
        if (existing != schedule.devices.end() && sameAgent(existing->second.target, target)) {
            if (existing->second.target.intervalSecs != target.intervalSecs)
                schedule.reschedule(id, existing->second, firstDue);
            existing->second.target = target;
            continue;
        }
        Device device;
        device.target = target;
        device.nextDueMs = firstDue;
        if (target.credentials.version == SnmpVersion::V3) {
            QMutexLocker lock(&NetSnmpLibrary::mutex());
            device.authKu = usmMasterKey(target.credentials.auth, target.credentials.authPassphrase);
            device.privKu = usmMasterKey(target.credentials.auth, target.credentials.privPassphrase);
        }
        if (existing != schedule.devices.end()) {
            QMutexLocker lock(&NetSnmpLibrary::mutex());
            schedule.remove(id);   // closes the abandoned session under the library lock
        }
        schedule.add(id, std::move(device));
    }
    for (const qint64 id : std::as_const(soon)) {
        auto it = schedule.devices.find(id);
        if (it != schedule.devices.end() && !it->second.poll)
            schedule.reschedule(id, it->second, nowMs);
    }
}

void SnmpPoller::run()
{
    Schedule schedule;
    netsnmp_large_fd_set fds;
    netsnmp_large_fd_set_init(&fds, FD_SETSIZE);
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            if (m_stopping)
                break;
        }
        qint64 nowMs = monotonicMs();
        applyChanges(schedule, nowMs);

        // Start what is due, the longest overdue first, while there is room.
        if (int(schedule.busy.size()) < m_options.maxInFlight && !schedule.idle.empty()
            && schedule.idle.begin()->first <= nowMs) {
            QMutexLocker lock(&NetSnmpLibrary::mutex());
            for (auto next = schedule.idle.begin();
                 next != schedule.idle.end() && next->first <= nowMs && int(schedule.busy.size()) < m_options.maxInFlight;) {
                const qint64 id = next->second;
                next = schedule.idle.erase(next);
                Device &device = schedule.devices.at(id);
                device.poll = std::make_unique<SnmpDevicePoll>(device.target, device.authKu, device.privKu, m_clock.now());
                device.poll->begin();
                schedule.busy.push_back(id);
            }
        }

        // Wait for answers, time-outs, the next due poll or the owner.
        qint64 waitMs = kMaxSleepMs;
        if (!schedule.idle.empty() && int(schedule.busy.size()) < m_options.maxInFlight)
            waitMs = std::min(waitMs, std::max<qint64>(0, schedule.idle.begin()->first - nowMs));
        NETSNMP_LARGE_FD_ZERO(&fds);
        int maxFd = m_wakeFd + 1;
        NETSNMP_LARGE_FD_SET(m_wakeFd, &fds);
        {
            QMutexLocker lock(&NetSnmpLibrary::mutex());
            for (const qint64 id : schedule.busy) {
                SnmpDevicePoll &poll = *schedule.devices.at(id).poll;
                if (poll.finished() || poll.hasAnswer() || !poll.session()) {
                    waitMs = 0;
                    continue;
                }
                int block = 1;
                timeval timeout{0, 0};
                snmp_sess_select_info2(poll.session(), &maxFd, &fds, &timeout, &block);
                if (!block)
                    waitMs = std::min<qint64>(waitMs, qint64(timeout.tv_sec) * 1000 + timeout.tv_usec / 1000 + 1);
            }
        }
        {
            QMutexLocker lock(&m_mutex);
            m_inFlight = int(schedule.busy.size());
        }
        timeval wait{long(waitMs / 1000), long((waitMs % 1000) * 1000)};
        const int ready = netsnmp_large_fd_set_select(maxFd, &fds, nullptr, nullptr, &wait);
        if (ready > 0 && NETSNMP_LARGE_FD_ISSET(m_wakeFd, &fds)) {
            quint64 drained = 0;
            (void)!::read(m_wakeFd, &drained, sizeof drained);
        }

        // Read answers, run time-outs, move each poll on; collect the finished ones.
        QList<PollResult> results;
        {
            QMutexLocker lock(&NetSnmpLibrary::mutex());
            nowMs = monotonicMs();
            std::vector<qint64> stillBusy;
            stillBusy.reserve(schedule.busy.size());
            for (const qint64 id : schedule.busy) {
                Device &device = schedule.devices.at(id);
                if (device.poll->session() && !device.poll->finished()) {
                    if (ready > 0)
                        snmp_sess_read2(device.poll->session(), &fds);
                    snmp_sess_timeout(device.poll->session());
                }
                device.poll->advance();
                if (!device.poll->finished()) {
                    stillBusy.push_back(id);
                    continue;
                }
                PollHistory next;
                results.append(device.poll->takeResult(device.history, &next));
                device.history = std::move(next);
                device.poll.reset();
                const qint64 intervalMs = qint64(qMax(kMinIntervalSecs, device.target.intervalSecs)) * 1000;
                device.nextDueMs += intervalMs;
                if (device.nextDueMs <= nowMs)   // fell behind (a long time-out): keep the phase, skip the missed
                    device.nextDueMs = nowMs + intervalMs - ((nowMs - device.nextDueMs) % intervalMs);
                schedule.idle.insert({device.nextDueMs, id});
            }
            schedule.busy.swap(stillBusy);
        }
        for (const PollResult &result : std::as_const(results))
            Q_EMIT polled(result);
    }
    QMutexLocker lock(&NetSnmpLibrary::mutex());
    schedule.devices.clear();
    netsnmp_large_fd_set_cleanup(&fds);
}

} // namespace reg::monitor
