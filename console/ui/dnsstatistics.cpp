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
    : m_windowSecs(windowSecs), m_maxIntervalSecs(maxIntervalSecs)
{
}

DnsRateTracker::Outcome DnsRateTracker::add(const DnsStatisticsSample &sample)
{
    if (!m_previous) {
        m_previous = sample;
        m_nextAfterGap = true;
        return Outcome::First;
    }
    const DnsStatisticsSample &before = *m_previous;
    const qint64 ms = before.at.msecsTo(sample.at);
    if (ms == 0)
        return Outcome::Ignored;

    // Any counter below its previous value: the engine (or its DNS service) started again.
    bool wentDown = ms < 0 || sample.udpQueries < before.udpQueries || sample.tcpQueries < before.tcpQueries
        || sample.referrals < before.referrals || sample.truncated < before.truncated
        || sample.rateLimitedDropped < before.rateLimitedDropped;
    for (auto it = before.responseCodes.begin(); it != before.responseCodes.end() && !wentDown; ++it)
        wentDown = sample.responseCodes.value(it.key()) < it.value();
    if (wentDown || ms > m_maxIntervalSecs * 1000) {
        if (wentDown)
            ++m_resets;
        m_previous = sample;
        m_nextAfterGap = true;
        trim(sample.at);
        return wentDown ? Outcome::Reset : Outcome::Gap;
    }

    const double seconds = double(ms) / 1000.0;
    const auto rate = [seconds](quint64 now, quint64 then) { return double(now - then) / seconds; };
    DnsRatePoint p;
    p.at = sample.at;
    p.seconds = seconds;
    p.udp = rate(sample.udpQueries, before.udpQueries);
    p.tcp = rate(sample.tcpQueries, before.tcpQueries);
    p.total = p.udp + p.tcp;
    for (auto it = sample.responseCodes.begin(); it != sample.responseCodes.end(); ++it)
        p.responseCodes.insert(it.key(), rate(it.value(), before.responseCodes.value(it.key())));
    p.referrals = rate(sample.referrals, before.referrals);
    p.truncated = rate(sample.truncated, before.truncated);
    p.rateLimitedDropped = rate(sample.rateLimitedDropped, before.rateLimitedDropped);
    p.afterGap = m_nextAfterGap;
    m_nextAfterGap = false;
    m_points.append(p);
    m_previous = sample;
    trim(sample.at);
    return Outcome::Added;
}

void DnsRateTracker::clear()
{
    m_previous.reset();
    m_points.clear();
    m_nextAfterGap = true;
    m_resets = 0;
}

void DnsRateTracker::trim(const QDateTime &newest)
{
    const QDateTime oldest = newest.addSecs(-m_windowSecs);
    qsizetype drop = 0;
    while (drop < m_points.size() && m_points.at(drop).at < oldest)
        ++drop;
    m_points.remove(0, drop);
}

} // namespace noc
