#include "directorystatisticsjson.h"

#include "apiresponse.h"

#include <QJsonArray>

namespace reg::admin {
namespace {

// JSON numbers are doubles: exact up to 2^53, which a counter does not reach in practice.
QJsonValue count(quint64 value)
{
    return QJsonValue(double(value));
}

QJsonObject serviceJson(const directory::DirectoryServiceCounters &c)
{
    QJsonObject types;
    for (const auto &[type, value] : c.byType)
        types.insert(type, count(value));
    QJsonArray clients;
    for (const directory::TopClients::Entry &e : c.topClients) {
        if (clients.size() == MaxTopClients)
            break;
        clients.append(QJsonObject{
            {QStringLiteral("address"), e.address.toString()},
            {QStringLiteral("queries"), count(e.queries)},
            {QStringLiteral("refused"), count(e.refused)},
        });
    }
    return QJsonObject{
        {QStringLiteral("running"), c.running},
        {QStringLiteral("queries"), count(c.queries)},
        {QStringLiteral("queryTypes"), types},
        {QStringLiteral("notFound"), count(c.notFound)},
        {QStringLiteral("rateLimited"), count(c.rateLimited)},
        {QStringLiteral("malformed"), count(c.malformed)},
        {QStringLiteral("connectionsRefused"), count(c.connectionsRefused)},
        {QStringLiteral("failures"), count(c.failures)},
        {QStringLiteral("openConnections"), double(c.openConnections)},
        {QStringLiteral("topClients"), clients},
    };
}

} // namespace

QJsonObject directoryStatisticsJson(const directory::DirectoryStatisticsSnapshot &s)
{
    const quint64 lookups = s.cache.hits + s.cache.misses;
    return QJsonObject{
        {QStringLiteral("at"), isoTimeOrNull(s.at)},
        {QStringLiteral("whois"), serviceJson(s.whois)},
        {QStringLiteral("rdap"), serviceJson(s.rdap)},
        {QStringLiteral("cache"), QJsonObject{
             {QStringLiteral("hits"), count(s.cache.hits)},
             {QStringLiteral("misses"), count(s.cache.misses)},
             // Since start; null before the first lookup rather than a made-up 0 or 1.
             {QStringLiteral("hitRatio"), lookups ? QJsonValue(double(s.cache.hits) / double(lookups)) : QJsonValue(QJsonValue::Null)},
             {QStringLiteral("invalidations"), count(s.cache.invalidations)},
             {QStringLiteral("evictions"), count(s.cache.evictions)},
             {QStringLiteral("entries"), double(s.cache.entries)},
         }},
        {QStringLiteral("journalSequence"), double(s.journalSequence)},
    };
}

} // namespace reg::admin
