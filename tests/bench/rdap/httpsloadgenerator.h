#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace reg::bench {

// What one load run measured.
struct HttpsLoadResult
{
    quint64 requests = 0;           // answered, any status
    quint64 ok = 0;                 // 200
    quint64 notFound = 0;           // 404
    quint64 other = 0;              // anything else (a 429 here means the limits were not raised)
    quint64 failedConnections = 0;
    double seconds = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

// An HTTPS/1.1 keep-alive load generator of our own (Debian has no h2load/wrk on this machine):
// one thread, epoll, non-blocking OpenSSL clients; `connections` kept-alive connections, each
// with one request outstanding at a time (so the latency of every request is measured from
// its write to the end of its answer). Targets come from `nextTarget`, called on the
// generator's thread. The certificate is not verified: it measures the server, not the PKI.
// All connections finish their TLS handshakes before the measured `seconds` begin.
// ratePerSecond > 0 paces the requests at that rate (latency then counts from when each request
// was due); 0 sends the next request as soon as a connection's answer is in.
class HttpsLoadGenerator
{
public:
    static HttpsLoadResult run(quint16 port, int connections, double seconds, const std::function<QByteArray()> &nextTarget,
                               double ratePerSecond = 0);
};

} // namespace reg::bench
