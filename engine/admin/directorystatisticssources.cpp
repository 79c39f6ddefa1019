#include "directorystatisticssources.h"

namespace reg::admin {

std::optional<directory::DirectoryStatisticsSnapshot> collectDirectoryStatistics(const DirectoryStatisticsSources &sources,
                                                                                 const QDateTime &at)
{
    if (!sources.whois && !sources.rdap)
        return std::nullopt;
    directory::DirectoryStatisticsSnapshot s;
    s.at = at.toUTC();
    if (sources.whois) {
        s.whois = sources.whois();
        s.whois.running = true;
    }
    if (sources.rdap) {
        s.rdap = sources.rdap();
        s.rdap.running = true;
    }
    if (sources.cache)
        s.cache = sources.cache();
    if (sources.journalSequence)
        s.journalSequence = sources.journalSequence();
    return s;
}

} // namespace reg::admin
