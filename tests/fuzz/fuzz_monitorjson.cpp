// Fuzz target: what noc-console's Topology and device pages do with the engine's monitoring JSON
// (the topology, the status, monitor.poll events, a metrics answer). Any bytes must be read or
// skipped, never crash, and never grow the map or a chart past its caps. The input is tried as
// each of the four documents, in the order the page receives them.
#include "ui/metricseries.h"
#include "ui/monitortranslator.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonObject json = QJsonDocument::fromJson(input).object();
    noc::MonitorTranslator translator;
    const noc::TopologySnapshot snapshot = translator.setTopology(json);
    if (snapshot.devices.size() > noc::MonitorJson::MaxDevices || snapshot.links.size() > noc::MonitorJson::MaxLinks)
        std::abort();
    (void)translator.applyStatus(json);
    (void)translator.applyPoll(json);
    (void)translator.summary();
    noc::MetricSeries series;
    if (series.setFromJson(json)) {
        series.append(noc::MetricSeries::fromPollEvent(json));
        for (int ifIndex : series.interfaceIndexes())
            (void)series.line(noc::MetricSeries::Metric::InBitRate, ifIndex);
        (void)series.line(noc::MetricSeries::Metric::RoundTrip);
    }
    if (series.samples().size() > noc::MetricSeries::MaxSamples)
        std::abort();
    return 0;
}
