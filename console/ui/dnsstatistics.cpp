#include "dnsstatistics.h"

#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace noc {
namespace {

// Counters arrive as JSON numbers; anything else (or a negative value) counts as 0, and a value
// beyond 64 bits is capped rather than converted (which would be undefined).
quint64 counter(const QJsonValue &value)
{
    const double d = value.toDouble(0);
    if (!(d > 0))
        return 0;
    if (d >= 18446744073709551616.0)
        return std::numeric_limits<quint64>::max();
    return quint64(d);
}

QDateTime isoTime(const QJsonValue &value)
{
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

std::optional<DnsStatisticsSample> DnsStatisticsSample::fromJson(const QJsonObject &json)
{
    DnsStatisticsSample s;
    s.at = isoTime(json.value("at"_L1));
    const QJsonValue queries = json.value("queries"_L1);
    if (!s.at.isValid() || !queries.isObject())
        return std::nullopt;
    s.udpQueries = counter(queries.toObject().value("udp"_L1));
    s.tcpQueries = counter(queries.toObject().value("tcp"_L1));
    const QJsonObject rcodes = json.value("responseCodes"_L1).toObject();
    for (auto it = rcodes.begin(); it != rcodes.end(); ++it)
        s.responseCodes.insert(it.key(), counter(it.value()));
    s.referrals = counter(json.value("referrals"_L1));
    s.truncated = counter(json.value("truncated"_L1));
    s.rateLimitedDropped = counter(json.value("rateLimitedDropped"_L1));
    const QJsonArray zones = json.value("zones"_L1).toArray();
    for (const QJsonValue &value : zones) {
        const QJsonObject z = value.toObject();
        Zone zone;
        zone.apex = z.value("apex"_L1).toString();
        if (zone.apex.isEmpty())
            continue;
        zone.serial = quint32(counter(z.value("serial"_L1)));
        zone.nodes = counter(z.value("nodes"_L1));
        zone.journalSequence = qint64(counter(z.value("journalSequence"_L1)));
        zone.publishedAt = isoTime(z.value("publishedAt"_L1));
        s.zones.append(zone);
    }
    return s;
}

DnsRateTracker::DnsRateTracker(qint64 windowSecs, qint64 maxIntervalSecs)
    : RateTracker(windowSecs, maxIntervalSecs)
{
}

DnsRateTracker::Outcome DnsRateTracker::add(const DnsStatisticsSample &sample)
{
    // Any counter below its previous value: the engine (or its DNS service) started again.
    const auto wentDown = [](const DnsStatisticsSample &before, const DnsStatisticsSample &now) {
        bool down = now.udpQueries < before.udpQueries || now.tcpQueries < before.tcpQueries
            || now.referrals < before.referrals || now.truncated < before.truncated
            || now.rateLimitedDropped < before.rateLimitedDropped;
        for (auto it = before.responseCodes.begin(); it != before.responseCodes.end() && !down; ++it)
            down = now.responseCodes.value(it.key()) < it.value();
        return down;
    };
    const auto rates = [](const DnsStatisticsSample &before, const DnsStatisticsSample &now, double seconds) {
        DnsRatePoint p;
        p.udp = counterRate(now.udpQueries, before.udpQueries, seconds);
        p.tcp = counterRate(now.tcpQueries, before.tcpQueries, seconds);
        p.total = p.udp + p.tcp;
        for (auto it = now.responseCodes.begin(); it != now.responseCodes.end(); ++it)
            p.responseCodes.insert(it.key(), counterRate(it.value(), before.responseCodes.value(it.key()), seconds));
        p.referrals = counterRate(now.referrals, before.referrals, seconds);
        p.truncated = counterRate(now.truncated, before.truncated, seconds);
        p.rateLimitedDropped = counterRate(now.rateLimitedDropped, before.rateLimitedDropped, seconds);
        return p;
    };
    return addSample(sample, wentDown, rates);
}

} // namespace noc
