#pragma once

#include "dnscounters.h"

#include "core/result.h"

#include <QHostAddress>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace reg::dns {

class DnsResponder;
class RateLimiter;
class SignedQueryAnswerer;
class ZonePublisher;

// Answers DNS over UDP: one SO_REUSEPORT socket and one plain thread per configured thread, each
// receiving and sending in batches (recvmmsg/sendmmsg). A thread looks at the publisher's
// generation once per batch and takes a new zone set only when it moved, so answering touches no
// lock, no reference count and no allocation; each thread counts into its own DnsCounters.
// stop() wakes the threads with shutdown() on their sockets and joins them.
// A request carrying TSIG goes to signedQueries instead of the responder (without one it is
// answered unsigned, as the responder sees it).
// Owned by DnsService; the responder, limiter, publisher and signedQueries must outlive it.
class UdpServer
{
public:
    UdpServer(const DnsResponder &responder, ZonePublisher &publisher, RateLimiter &limiter, int maxUdpPayload,
              const SignedQueryAnswerer *signedQueries = nullptr);
    ~UdpServer();   // stops
    UdpServer(const UdpServer &) = delete;
    UdpServer &operator=(const UdpServer &) = delete;

    // Binds threadCount sockets to address:port; with port 0 the first socket picks a free port and
    // the others join it. Returns the port. Nothing is left open on failure.
    Result<quint16> bind(const QHostAddress &address, quint16 port, int threadCount);
    void start();
    void stop();   // blocking; safe to call twice

    int threadCount() const { return int(m_sockets.size()); }
    void addCounters(DnsStatisticsSnapshot &snapshot) const;

private:
    void serve(int index) noexcept;
    void closeSockets();

    const DnsResponder &m_responder;
    const SignedQueryAnswerer *const m_signedQueries;
    ZonePublisher &m_publisher;
    RateLimiter &m_limiter;
    const int m_maxUdpPayload;
    std::vector<int> m_sockets;
    std::vector<std::thread> m_threads;
    std::unique_ptr<DnsCounters[]> m_counters;
    std::atomic<bool> m_stopping{false};
};

} // namespace reg::dns
