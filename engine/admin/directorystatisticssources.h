#pragma once

#include "directory/directorystatistics.h"

#include <QDateTime>

#include <functional>
#include <optional>

namespace reg::admin {

// Where the directory statistics come from: the composition root fills an entry when the part it
// reads starts and clears it when that part stops, and hands collectDirectoryStatistics() to the
// management server. An empty entry means that part is not running. The functions run on the
// management thread at each scrape or request, so each must be thread-safe towards its service.
struct DirectoryStatisticsSources
{
    std::function<directory::DirectoryServiceCounters()> whois;
    std::function<directory::DirectoryServiceCounters()> rdap;
    std::function<directory::DirectoryCacheStatistics()> cache;     // Directory::cacheStatistics
    std::function<qint64()> journalSequence;                        // Directory::appliedSequence
};

// One snapshot at `at`, or nullopt while neither Whois nor RDAP runs (the API then answers 503
// and /metrics has no directory series). A service with a source counts as running whatever its
// counters say, so a source cannot report a running service as stopped by forgetting a flag.
std::optional<directory::DirectoryStatisticsSnapshot> collectDirectoryStatistics(const DirectoryStatisticsSources &sources,
                                                                                 const QDateTime &at);

} // namespace reg::admin
