#pragma once

#include "dnscounters.h"

#include <QHostAddress>

#include <memory>

class QThread;

namespace reg::dns {

class DnsResponder;
class SignedQueryAnswerer;
class ZonePublisher;
class ZoneTransferService;
class TcpWorker;

// The limits of the TCP side (RFC 7766), from [dns].
struct TcpLimits
{
    int maxConnections = 256;
    int maxConnectionsPerAddress = 16;
    int idleTimeoutMs = 10000;        // no query for this long closes the connection
    int maxQueriesPerConnection = 0;  // 0: unlimited
};

// Answers DNS over TCP (RFC 7766) on a thread of its own with a Qt event loop: 2-byte length
// framing, pipelined queries answered in order, an idle timeout, connection limits overall and per
// address (a connection over them is closed at once), an optional cap on queries per connection,
// and zone transfers handed to the ZoneTransferService with back-pressure (the next message is
// produced only when the socket's send buffer has drained). Input is bounded: one message at a
// time, at most 64 KiB, and a client that does not read its answers is not read from either.
// Requests carrying TSIG (other than transfers) are answered by signedQueries when there is one.
// Owned by DnsService; the responder, publisher, transfer service and signedQueries must outlive it.
class TcpServer
{
public:
    TcpServer(const TcpLimits &limits, const DnsResponder &responder, ZonePublisher &publisher,
              ZoneTransferService *transfers, const SignedQueryAnswerer *signedQueries = nullptr);
    ~TcpServer();   // stops
    TcpServer(const TcpServer &) = delete;
    TcpServer &operator=(const TcpServer &) = delete;

    // Takes over a listening socket (DnsSocket::openTcpListener) and starts the thread. false if
    // Qt does not accept the descriptor (it is closed then).
    bool start(int listeningFd);
    void stop();   // blocking: every connection is closed; safe to call twice
    void addCounters(DnsStatisticsSnapshot &snapshot) const;

private:
    const TcpLimits m_limits;
    const DnsResponder &m_responder;
    ZonePublisher &m_publisher;
    ZoneTransferService *m_transfers;
    const SignedQueryAnswerer *m_signedQueries;
    DnsCounters m_counters;   // written by the TCP thread only
    std::unique_ptr<QThread> m_thread;
    TcpWorker *m_worker = nullptr;   // lives on m_thread
};

} // namespace reg::dns
