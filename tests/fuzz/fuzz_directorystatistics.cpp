// Fuzz target: what noc-console's Whois & RDAP page does with an answer of
// GET /api/v1/directory/statistics. Any bytes must be read or refused, turned into rates and table
// rows without crashing, and never kept past the parser's caps.
#include "ui/directoryclientmodel.h"
#include "ui/directorystatistics.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    const std::optional<noc::DirectoryStatisticsSample> sample = noc::DirectoryStatisticsSample::fromJson(document.object());
    if (!sample)
        return 0;
    for (const noc::DirectoryStatisticsSample::Service *s : {&sample->whois, &sample->rdap}) {
        if (s->topClients.size() > noc::DirectoryStatisticsSample::MaxClientsPerService
            || s->queryTypes.size() > noc::DirectoryStatisticsSample::MaxQueryTypes)
            std::abort();
    }
    // The same answer as baseline, a second later, and as a restart: rates never negative.
    noc::DirectoryRateTracker tracker;
    tracker.add(*sample);
    noc::DirectoryStatisticsSample later = *sample;
    later.at = sample->at.addSecs(1);
    later.whois.queries += 3;
    tracker.add(later);
    noc::DirectoryStatisticsSample restarted = later;
    restarted.at = later.at.addSecs(1);
    restarted.whois.queries = 0;
    tracker.add(restarted);
    for (const noc::DirectoryRatePoint &p : tracker.points()) {
        if (p.whoisQueries < 0 || p.rdapQueries < 0 || p.whoisRateLimited < 0 || p.rdapRateLimited < 0 || p.cacheLookups < 0)
            std::abort();
    }
    noc::DirectoryClientModel model;
    model.setSample(*sample);
    if (model.rowCount() != sample->whois.topClients.size() + sample->rdap.topClients.size())
        std::abort();
    for (int row = 0; row < model.rowCount(); ++row)
        (void)model.data(model.index(row, noc::DirectoryClientModel::AddressColumn));
    return 0;
}
