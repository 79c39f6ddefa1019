#pragma once

#include <QByteArray>
#include <QList>

#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

namespace reg::bench {

// What the load generator asks and how it judges the answer.
struct WhoisLoadQuery
{
    QByteArray line;          // with CRLF
    bool expectMatch = true;  // a registered name: "Domain Name:"; else "No match"
};

struct WhoisLoadResult
{
    quint64 completed = 0;    // answered and judged correct
    quint64 wrong = 0;        // answered, but not what the query expected
    quint64 refused = 0;      // rate limit or connection limit refusals
    quint64 failed = 0;       // connect or transfer errors, time-outs
    quint64 answerBytes = 0;  // over the completed queries
    double seconds = 0;
    std::vector<quint32> latencyUs;   // per completed query: connect to server close, sorted

    double percentileMs(double p) const;
};

// A Whois load generator as Whois clients behave: a new TCP connection per query (RFC 3912),
// `connections` of them in flight at once, spread over `threads` threads, each an epoll loop of
// non-blocking sockets. Client addresses rotate over 127.0.0.1-127.0.0.250 so the kernel's
// ephemeral ports and TIME_WAIT entries do not run out at tens of thousands of connections a
// second. Lives on the calling thread while run() blocks.
class WhoisLoadGenerator
{
public:
    // ratePerSecond > 0 paces new queries at that rate, at most `connections` in flight (latency
    // then counts from when each query was due); 0 opens the next connection as soon as one ends.
    WhoisLoadGenerator(quint16 port, int threads, int connections, double ratePerSecond = 0);

    // Asks queries(i) for i = 0, 1, ... until `duration` has passed (after `warmUp`, not measured).
    WhoisLoadResult run(const std::function<WhoisLoadQuery(quint64)> &queries, std::chrono::milliseconds warmUp,
                        std::chrono::milliseconds duration);

private:
    quint16 m_port;
    int m_threads;
    int m_connections;
    double m_rate;
};

} // namespace reg::bench
