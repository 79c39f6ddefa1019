#include "whoisloadgenerator.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <thread>

namespace reg::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Slot
{
    int fd = -1;
    WhoisLoadQuery query;
    qsizetype sent = 0;
    QByteArray answer;
    Clock::time_point started;
};

// One thread's share of the connections.
class LoadThread
{
public:
    LoadThread(quint16 port, int connections, int index, int threadCount, double ratePerSecond,
               const std::function<WhoisLoadQuery(quint64)> &queries, std::atomic<quint64> &next)
        : m_port(port), m_slots(size_t(connections)), m_index(index), m_threadCount(threadCount), m_queries(queries), m_next(next)
        , m_interval(ratePerSecond > 0 ? qint64(1e9 * threadCount / ratePerSecond) : 0)
    {
    }

    void run(Clock::time_point measureFrom, Clock::time_point until)
    {
        m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
        m_result.latencyUs.reserve(1 << 20);
        const bool paced = m_interval.count() > 0;
        // The threads' schedules interleave: together they ask at the whole rate, evenly.
        Clock::time_point nextDue = Clock::now() + m_interval * m_index / m_threadCount;
        if (!paced) {
            for (size_t i = 0; i < m_slots.size(); ++i)
                open(i, Clock::now());
        }
        epoll_event events[256];
        bool pastWarmUp = false;
        while (Clock::now() < until) {
            int timeoutMs = 100;
            if (paced) {
                // Query k is due at its time; it waits for a free slot if every one is busy, and its
                // latency counts from when it was due (no coordinated omission).
                const Clock::time_point now = Clock::now();
                if (!pastWarmUp && now >= measureFrom) {
                    // What the warm-up (a cold cache) left undone is not owed to the measured run.
                    pastWarmUp = true;
                    nextDue = std::max(nextDue, measureFrom + m_interval * m_index / m_threadCount);
                }
                for (size_t i = 0; i < m_slots.size() && nextDue <= now; ++i) {
                    if (m_slots[i].fd < 0) {
                        open(i, nextDue);
                        nextDue += m_interval;
                    }
                }
                timeoutMs = int(std::clamp<qint64>(std::chrono::ceil<std::chrono::milliseconds>(nextDue - now).count(), 0, 100));
            }
            const int n = ::epoll_wait(m_epoll, events, 256, timeoutMs);
            const Clock::time_point now = Clock::now();
            for (int e = 0; e < n; ++e)
                onEvent(size_t(events[e].data.u64), events[e].events, measureFrom, until);
            // A connection stuck for 10 s is a failure; free its slot.
            for (size_t i = 0; i < m_slots.size(); ++i) {
                if (!paced && m_slots[i].fd < 0 && now < until) {
                    open(i, now);   // its last connect failed at once
                } else if (m_slots[i].fd >= 0 && now - m_slots[i].started > std::chrono::seconds(10)) {
                    ++m_result.failed;
                    finish(i, now < until);
                }
            }
        }
        for (Slot &s : m_slots) {
            if (s.fd >= 0)
                ::close(s.fd);
        }
        ::close(m_epoll);
    }

    WhoisLoadResult &result() { return m_result; }

private:
    void open(size_t i, Clock::time_point due)
    {
        Slot &s = m_slots[i];
        s.query = m_queries(m_next.fetch_add(1, std::memory_order_relaxed));
        s.sent = 0;
        s.answer.clear();
        s.started = due;
        s.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(s.fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = htonl(0x7f000000u | quint32(1 + (m_sourceCounter++ * m_threadCount + m_index) % 250));
        ::bind(s.fd, reinterpret_cast<sockaddr *>(&local), sizeof local);
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(m_port);
        server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const bool connected = ::connect(s.fd, reinterpret_cast<sockaddr *>(&server), sizeof server) == 0;
        if (!connected && errno != EINPROGRESS) {
            ++m_result.failed;
            ::close(s.fd);
            s.fd = -1;
            return;
        }
        // On loopback the handshake is usually done when connect() returns: send the query at
        // once, as a blocking client would, and wait only for the answer.
        if (connected) {
            const ssize_t n = ::send(s.fd, s.query.line.constData(), size_t(s.query.line.size()), MSG_NOSIGNAL);
            if (n > 0)
                s.sent = n;
        }
        epoll_event event{};
        event.events = (s.sent < s.query.line.size() ? EPOLLOUT : 0u) | EPOLLIN | EPOLLRDHUP;
        event.data.u64 = i;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, s.fd, &event);
    }

    // Only queries due (paced) or opened after measureFrom count: one from the warm-up says nothing
    // about the measured run.
    void onEvent(size_t i, quint32 events, Clock::time_point measureFrom, Clock::time_point until)
    {
        Slot &s = m_slots[i];
        if (s.fd < 0)
            return;
        const bool measuring = s.started >= measureFrom;
        if ((events & EPOLLOUT) && s.sent < s.query.line.size()) {
            const ssize_t n = ::send(s.fd, s.query.line.constData() + s.sent, size_t(s.query.line.size() - s.sent), MSG_NOSIGNAL);
            if (n > 0)
                s.sent += n;
            if (s.sent == s.query.line.size()) {
                epoll_event event{};
                event.events = EPOLLIN | EPOLLRDHUP;
                event.data.u64 = i;
                ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, s.fd, &event);
            } else if (n < 0 && errno != EAGAIN) {
                ++m_result.failed;
                finish(i, Clock::now() < until);
                return;
            }
        }
        if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
            char buffer[16384];
            for (;;) {
                const ssize_t n = ::recv(s.fd, buffer, sizeof buffer, 0);
                if (n > 0) {
                    s.answer.append(buffer, n);
                    continue;
                }
                if (n < 0 && errno == EAGAIN)
                    return;
                const Clock::time_point now = Clock::now();
                if (n < 0 || s.answer.isEmpty()) {
                    ++m_result.failed;
                } else if (s.answer.startsWith("% Query rate limit") || s.answer.startsWith("% Too many")) {
                    ++m_result.refused;
                } else if (s.answer.contains(s.query.expectMatch ? QByteArrayView("Domain Name: ") : QByteArrayView("No match for"))) {
                    if (measuring) {
                        ++m_result.completed;
                        m_result.answerBytes += quint64(s.answer.size());
                        m_result.latencyUs.push_back(quint32(std::chrono::duration_cast<std::chrono::microseconds>(now - s.started).count()));
                    }
                } else {
                    ++m_result.wrong;
                }
                finish(i, now < until);
                return;
            }
        }
    }

    void finish(size_t i, bool again)
    {
        ::close(m_slots[i].fd);
        m_slots[i].fd = -1;
        if (again && m_interval.count() == 0)
            open(i, Clock::now());   // paced: the slot waits for the next query's time
    }

    quint16 m_port;
    std::vector<Slot> m_slots;
    int m_index;
    int m_threadCount;
    quint64 m_sourceCounter = 0;
    const std::function<WhoisLoadQuery(quint64)> &m_queries;
    std::atomic<quint64> &m_next;
    const std::chrono::nanoseconds m_interval;   // between this thread's queries; 0: unpaced
    int m_epoll = -1;
    WhoisLoadResult m_result;
};

} // namespace

double WhoisLoadResult::percentileMs(double p) const
{
    if (latencyUs.empty())
        return 0;
    const size_t index = std::min(latencyUs.size() - 1, size_t(p / 100.0 * double(latencyUs.size())));
    return latencyUs[index] / 1000.0;
}

WhoisLoadGenerator::WhoisLoadGenerator(quint16 port, int threads, int connections, double ratePerSecond)
    : m_port(port), m_threads(std::max(1, threads)), m_connections(std::max(m_threads, connections)), m_rate(ratePerSecond)
{
}

WhoisLoadResult WhoisLoadGenerator::run(const std::function<WhoisLoadQuery(quint64)> &queries, std::chrono::milliseconds warmUp,
                                        std::chrono::milliseconds duration)
{
    std::atomic<quint64> next{0};
    std::vector<std::unique_ptr<LoadThread>> loads;
    for (int t = 0; t < m_threads; ++t)
        loads.push_back(std::make_unique<LoadThread>(m_port, m_connections / m_threads, t, m_threads, m_rate, queries, next));
    const Clock::time_point start = Clock::now();
    const Clock::time_point measureFrom = start + warmUp;
    const Clock::time_point until = measureFrom + duration;
    std::vector<std::thread> threads;
    for (auto &load : loads)
        threads.emplace_back([&load, measureFrom, until] { load->run(measureFrom, until); });
    for (std::thread &t : threads)
        t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - measureFrom).count();

    WhoisLoadResult total;
    total.seconds = seconds;
    for (auto &load : loads) {
        WhoisLoadResult &r = load->result();
        total.completed += r.completed;
        total.answerBytes += r.answerBytes;
        total.wrong += r.wrong;
        total.refused += r.refused;
        total.failed += r.failed;
        total.latencyUs.insert(total.latencyUs.end(), r.latencyUs.begin(), r.latencyUs.end());
    }
    std::sort(total.latencyUs.begin(), total.latencyUs.end());
    return total;
}

} // namespace reg::bench
