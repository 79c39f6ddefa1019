#include "metricseries.h"

#include "monitorstate.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

// A silence longer than this many polling intervals breaks the line.
constexpr double GapFactor = 2.5;

std::optional<double> nonNegative(const QJsonValue &value)
{
    const std::optional<double> n = MonitorJson::number(value);
    return n && *n >= 0 ? n : std::nullopt;
}

MetricSeries::Sample sampleFromJson(const QJsonObject &o)
{
    MetricSeries::Sample s;
    s.at = MonitorJson::time(o.value(u"at"_s));
    s.reachable = o.value(u"reachable"_s).toBool(false);
    s.roundTripMs = nonNegative(o.value(u"roundTripMs"_s));
    s.cpuLoadPercent = nonNegative(o.value(u"cpuLoadPercent"_s));
    s.memoryUsedPercent = nonNegative(o.value(u"memoryUsedPercent"_s));
    const QJsonArray interfaces = o.value(u"interfaces"_s).toArray();
    for (qsizetype i = 0; i < interfaces.size() && i < MonitorJson::MaxInterfaces; ++i) {
        const QJsonObject iface = interfaces.at(i).toObject();
        const int ifIndex = iface.value(u"ifIndex"_s).toInt(0);
        if (ifIndex > 0)
            s.interfaces.insert(ifIndex, {nonNegative(iface.value(u"inBps"_s)), nonNegative(iface.value(u"outBps"_s))});
    }
    return s;
}

} // namespace

bool MetricSeries::Line::hasValues() const
{
    return std::any_of(values.cbegin(), values.cend(), [](double v) { return !std::isnan(v); });
}

bool MetricSeries::setFromJson(const QJsonObject &answer)
{
    if (!answer.value(u"samples"_s).isArray())
        return false;
    m_samples.clear();
    const QJsonArray samples = answer.value(u"samples"_s).toArray();
    for (qsizetype i = 0; i < samples.size() && m_samples.size() < MaxSamples; ++i) {
        Sample s = sampleFromJson(samples.at(i).toObject());
        if (s.at.isValid())
            m_samples.append(std::move(s));
    }
    std::stable_sort(m_samples.begin(), m_samples.end(), [](const Sample &a, const Sample &b) { return a.at < b.at; });
    return true;
}

MetricSeries::Sample MetricSeries::fromPollEvent(const QJsonObject &event)
{
    // A poll event carries no interface rates (only utilisation); those come with status reads.
    Sample s = sampleFromJson(event);
    s.interfaces.clear();
    return s;
}

void MetricSeries::append(const Sample &sample)
{
    if (!sample.at.isValid())
        return;
    if (!m_samples.isEmpty()) {
        Sample &newest = m_samples.last();
        if (sample.at < newest.at)
            return;
        if (sample.at == newest.at) {
            // The same poll seen twice (an event, then a status read): keep every value either had.
            newest.reachable = sample.reachable;
            newest.roundTripMs = sample.roundTripMs ? sample.roundTripMs : newest.roundTripMs;
            newest.cpuLoadPercent = sample.cpuLoadPercent ? sample.cpuLoadPercent : newest.cpuLoadPercent;
            newest.memoryUsedPercent = sample.memoryUsedPercent ? sample.memoryUsedPercent : newest.memoryUsedPercent;
            for (auto it = sample.interfaces.cbegin(); it != sample.interfaces.cend(); ++it)
                newest.interfaces.insert(it.key(), it.value());
            return;
        }
    }
    m_samples.append(sample);
    if (m_samples.size() > MaxSamples)
        m_samples.remove(0, m_samples.size() - MaxSamples);
}

QList<int> MetricSeries::interfaceIndexes() const
{
    QList<int> indexes;
    for (const Sample &s : m_samples) {
        for (auto it = s.interfaces.cbegin(); it != s.interfaces.cend(); ++it) {
            if ((it->inBps || it->outBps) && !indexes.contains(it.key()))
                indexes.append(it.key());
        }
    }
    std::sort(indexes.begin(), indexes.end());
    return indexes;
}

std::optional<double> MetricSeries::value(const Sample &sample, Metric metric, int ifIndex)
{
    if (!sample.reachable)
        return std::nullopt;   // no answer is no measurement, not a zero
    switch (metric) {
    case Metric::RoundTrip: return sample.roundTripMs;
    case Metric::CpuLoad: return sample.cpuLoadPercent;
    case Metric::MemoryUsed: return sample.memoryUsedPercent;
    case Metric::InBitRate: return sample.interfaces.value(ifIndex).inBps;
    case Metric::OutBitRate: return sample.interfaces.value(ifIndex).outBps;
    }
    return std::nullopt;
}

qint64 MetricSeries::typicalSpacingMsecs() const
{
    if (m_samples.size() < 2)
        return 0;
    QList<qint64> spacings;
    spacings.reserve(m_samples.size() - 1);
    for (qsizetype i = 1; i < m_samples.size(); ++i)
        spacings.append(m_samples.at(i - 1).at.msecsTo(m_samples.at(i).at));
    const auto middle = spacings.begin() + spacings.size() / 2;
    std::nth_element(spacings.begin(), middle, spacings.end());
    return *middle;
}

MetricSeries::Line MetricSeries::line(Metric metric, int ifIndex) const
{
    Line line;
    line.keys.reserve(m_samples.size() + 8);
    line.values.reserve(m_samples.size() + 8);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const qint64 spacing = typicalSpacingMsecs();
    const qint64 longestSilence = spacing > 0 ? qint64(double(spacing) * GapFactor) : 0;
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        const Sample &s = m_samples.at(i);
        const double key = double(s.at.toMSecsSinceEpoch()) / 1000.0;
        if (i > 0 && longestSilence > 0 && m_samples.at(i - 1).at.msecsTo(s.at) > longestSilence) {
            // Polls stopped (the engine, or the console, was away): a hole, not a straight line across.
            line.keys.append(key - double(spacing) / 1000.0);
            line.values.append(nan);
        }
        line.keys.append(key);
        line.values.append(value(s, metric, ifIndex).value_or(nan));
    }
    return line;
}

} // namespace noc
