#include "dnsstatisticsjson.h"

#include "apiresponse.h"

#include <QJsonArray>

namespace reg::admin {
namespace {

// JSON numbers are doubles: exact up to 2^53, which a counter does not reach in practice.
QJsonValue count(std::uint64_t value)
{
    return QJsonValue(double(value));
}

QJsonObject counts(const QList<QPair<QString, std::uint64_t>> &pairs)
{
    QJsonObject out;
    for (const auto &[name, value] : pairs)
        out.insert(name, count(value));
    return out;
}

} // namespace

QJsonObject dnsStatisticsJson(const dns::DnsStatisticsSnapshot &s)
{
    QJsonArray zones;
    for (const dns::DnsStatisticsSnapshot::Zone &z : s.zones) {
        zones.append(QJsonObject{
            {QStringLiteral("apex"), z.apex},
            {QStringLiteral("serial"), double(z.serial)},
            {QStringLiteral("nodes"), count(z.nodes)},
            {QStringLiteral("journalSequence"), double(z.journalSequence)},
            {QStringLiteral("publishedAt"), isoTimeOrNull(z.publishedAt)},
        });
    }
    return QJsonObject{
        {QStringLiteral("at"), isoTimeOrNull(s.at)},
        {QStringLiteral("queries"), QJsonObject{{QStringLiteral("udp"), count(s.udpQueries)},
                                                {QStringLiteral("tcp"), count(s.tcpQueries)},
                                                {QStringLiteral("total"), count(s.udpQueries + s.tcpQueries)}}},
        {QStringLiteral("queryTypes"), counts(s.byType)},
        {QStringLiteral("responseCodes"), counts(s.byRcode)},
        {QStringLiteral("referrals"), count(s.referrals)},
        {QStringLiteral("truncated"), count(s.truncated)},
        {QStringLiteral("rateLimitedDropped"), count(s.rateLimitedDropped)},
        {QStringLiteral("malformedDropped"), count(s.malformedDropped)},
        {QStringLiteral("tcpConnectionsRefused"), count(s.tcpConnectionsRefused)},
        {QStringLiteral("transfers"), QJsonObject{{QStringLiteral("served"), count(s.transfersServed)},
                                                  {QStringLiteral("refused"), count(s.transfersRefused)}}},
        {QStringLiteral("notifies"), QJsonObject{{QStringLiteral("sent"), count(s.notifiesSent)},
                                                 {QStringLiteral("failed"), count(s.notifiesFailed)}}},
        {QStringLiteral("zones"), zones},
    };
}

} // namespace reg::admin
