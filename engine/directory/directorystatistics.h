#pragma once

#include "directory.h"
#include "topclients.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace reg::directory {

// The counters of one directory service (Whois or RDAP) since start; a plain value type.
struct DirectoryServiceCounters
{
    bool running = false;
    quint64 queries = 0;                        // every query answered or refused
    QList<QPair<QString, quint64>> byType;      // whois: "domain", "host", "address", "registrar",
                                                // "registrars", "help", "invalid";
                                                // rdap: "domain", "nameserver", "entity", "help",
                                                // "domains-search", "nameservers-search", "other"
    quint64 notFound = 0;
    quint64 rateLimited = 0;                    // refused by ClientRateLimiter
    quint64 malformed = 0;                      // refused as malformed, oversized or binary
    quint64 connectionsRefused = 0;             // over the connection limits
    quint64 failures = 0;                       // database failures answered as temporary errors
    qint64 openConnections = 0;
    QList<TopClients::Entry> topClients;        // the busiest addresses, most queries first
};

// What /metrics, GET /api/v1/directory/statistics and the console's directory panel show.
struct DirectoryStatisticsSnapshot
{
    QDateTime at;                               // UTC
    DirectoryServiceCounters whois;
    DirectoryServiceCounters rdap;
    DirectoryCacheStatistics cache;
    qint64 journalSequence = 0;                 // Directory::appliedSequence()
};

} // namespace reg::directory
