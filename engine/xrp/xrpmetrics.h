#pragma once

#include <QtGlobal>

#include <atomic>

namespace reg::xrp {

// What /metrics and the status board can show of the XRP port at one moment.
struct XrpMetricsSnapshot
{
    qint64 connectionsOpen = 0;
    qint64 sessionsLoggedIn = 0;
    qint64 connectionsAccepted = 0;
    qint64 refusedUnknownAddress = 0;       // closed before TLS: no registrar lists the address
    qint64 refusedConnectionLimit = 0;      // max_connections or max_connections_per_address
    qint64 handshakeFailures = 0;           // no or untrusted client certificate, TLS errors
    qint64 commandsSuccess = 0;             // 1xxx
    qint64 commandsClientError = 0;         // 20xx-23xx
    qint64 commandsServerError = 0;         // 24xx
    qint64 commandsClosing = 0;             // 25xx: the session ended with it
};

// Counters of the XRP port, bumped by the server and by every worker thread; lock-free, relaxed
// (each counter is exact, a snapshot is not an atomic cut across them). Owned by XrpServer.
class XrpMetrics
{
public:
    std::atomic<qint64> connectionsOpen{0};
    std::atomic<qint64> sessionsLoggedIn{0};
    std::atomic<qint64> connectionsAccepted{0};
    std::atomic<qint64> refusedUnknownAddress{0};
    std::atomic<qint64> refusedConnectionLimit{0};
    std::atomic<qint64> handshakeFailures{0};
    std::atomic<qint64> commandsSuccess{0};
    std::atomic<qint64> commandsClientError{0};
    std::atomic<qint64> commandsServerError{0};
    std::atomic<qint64> commandsClosing{0};

    void countResult(int code)
    {
        std::atomic<qint64> &counter = code < 2000 ? commandsSuccess
                                     : code < 2400 ? commandsClientError
                                     : code < 2500 ? commandsServerError
                                                   : commandsClosing;
        counter.fetch_add(1, std::memory_order_relaxed);
    }

    XrpMetricsSnapshot snapshot() const
    {
        const auto get = [](const std::atomic<qint64> &a) { return a.load(std::memory_order_relaxed); };
        return {get(connectionsOpen),       get(sessionsLoggedIn),     get(connectionsAccepted), get(refusedUnknownAddress),
                get(refusedConnectionLimit), get(handshakeFailures),    get(commandsSuccess),     get(commandsClientError),
                get(commandsServerError),   get(commandsClosing)};
    }
};

} // namespace reg::xrp
