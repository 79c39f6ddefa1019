#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QVector>

#include <optional>

namespace noc {

// A device's recent metrics for the device page's charts: the samples of
// GET /api/v1/monitor/metrics/<name>, extended live by monitor.poll events and status reads, turned
// into chart lines with gaps where there was no measurement. A poll that got no answer, a value the
// poll did not have, or a silence longer than a few polling intervals is a hole in the line, never
// a zero, so an outage cannot pass for an idle device. Keeps at most MaxSamples, oldest dropped.
// GUI thread (plain value type).
class MetricSeries
{
public:
    static constexpr int MaxSamples = 12000;   // the API's 5,000 plus a good day of live polls

    enum class Metric { RoundTrip, CpuLoad, MemoryUsed, InBitRate, OutBitRate };

    struct InterfaceSample
    {
        std::optional<double> inBps;
        std::optional<double> outBps;
    };
    struct Sample
    {
        QDateTime at;
        bool reachable = false;
        std::optional<double> roundTripMs;
        std::optional<double> cpuLoadPercent;
        std::optional<double> memoryUsedPercent;
        QMap<int, InterfaceSample> interfaces;   // by ifIndex
    };

    // Chart keys are seconds since the epoch (QCustomPlot's date-time keys); a NaN value breaks the line.
    struct Line
    {
        QVector<double> keys;
        QVector<double> values;
        bool hasValues() const;
    };

    // The samples of a metrics answer (sorted by time; malformed ones skipped); false if it has no "samples" list.
    bool setFromJson(const QJsonObject &answer);
    // A live sample; one at the same time as the newest is merged into it, an older one is dropped.
    void append(const Sample &sample);
    void clear() { m_samples.clear(); }

    const QList<Sample> &samples() const { return m_samples; }
    QList<int> interfaceIndexes() const;   // every ifIndex with a rate in some sample, ascending
    Line line(Metric metric, int ifIndex = 0) const;
    // The time between polls, as the median spacing of the samples; 0 with fewer than two.
    qint64 typicalSpacingMsecs() const;

    static Sample fromPollEvent(const QJsonObject &event);
    static std::optional<double> value(const Sample &sample, Metric metric, int ifIndex);

private:
    QList<Sample> m_samples;
};

} // namespace noc
