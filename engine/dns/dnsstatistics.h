#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <cstdint>

namespace reg::dns {

// A copy of the DNS server's counters at one moment (totals since start), for /metrics, the
// management API and the console's DNS panel. A plain value type.
struct DnsStatisticsSnapshot
{
    QDateTime at;                                   // UTC
    std::uint64_t udpQueries = 0;
    std::uint64_t tcpQueries = 0;
    QList<QPair<QString, std::uint64_t>> byType;    // "A", "NS", "SOA", "AAAA", "DS", "ANY", "AXFR", "IXFR", "other"
    QList<QPair<QString, std::uint64_t>> byRcode;   // "NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "other"
    std::uint64_t referrals = 0;
    std::uint64_t truncated = 0;                    // answers sent with TC (too big for UDP, or RRL slip)
    std::uint64_t rateLimitedDropped = 0;           // answers RRL did not send
    std::uint64_t malformedDropped = 0;             // packets not worth an answer (short, QR set)
    std::uint64_t tcpConnectionsRefused = 0;        // over the connection limits
    std::uint64_t transfersServed = 0;              // AXFR and IXFR that went out
    std::uint64_t transfersRefused = 0;             // not listed, no or bad TSIG
    std::uint64_t notifiesSent = 0;
    std::uint64_t notifiesFailed = 0;               // no answer after every retry

    struct Zone
    {
        QString apex;                               // "example."
        std::uint32_t serial = 0;
        std::uint64_t nodes = 0;
        qint64 journalSequence = 0;                 // the last journal entry the zone reflects
        QDateTime publishedAt;
    };
    QList<Zone> zones;
};

} // namespace reg::dns
