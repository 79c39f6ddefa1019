#pragma once

#include "zone.h"
#include "zonecontent.h"

#include "core/result.h"

#include <QHash>
#include <QStringList>

#include <memory>

namespace reg::store {
class Connection;
}

namespace reg::dns {

// Reads what the zones need from the registry database through one read connection (so it lives
// on the thread that owns that connection). The full build streams a few queries per zone; the
// point reads give the facts of single owner names for journal updates. Both end in
// ZoneContent::rrsets(), so an updated zone and a fresh build agree.
class ZoneSource
{
public:
    explicit ZoneSource(store::Connection &connection) : m_connection(connection) {}

    // A read transaction: everything read between them comes from one snapshot of the database.
    Result<void> beginSnapshot();
    void endSnapshot();

    Result<QStringList> tlds();
    Result<qint64> journalHead();   // 0 when the journal is empty

    // The whole zone of content.apex() at `serial`.
    Result<std::shared_ptr<const Zone>> build(const ZoneContent &content, std::uint32_t serial, int historyLimit);
    // The facts of one owner name below the apex.
    Result<OwnerFacts> facts(const ZoneContent &content, const DnsName &owner);
    // Relations the updater follows when an object changes.
    Result<QStringList> hostsBelowDomain(const QString &domain);
    Result<QStringList> domainsUsingHost(const QString &host);

    // The TLD a zone apex stands for ("example" for "example.").
    static QString tldOf(const DnsName &apex);

private:
    srs::StatusSet parseStatuses(const QString &stored, const QString &domain);
    srs::StatusSet parseStatuses(QByteArrayView storedUtf8, QByteArrayView domainUtf8);
    store::Connection &m_connection;
    QHash<QByteArray, srs::StatusSet> m_statusCache;   // few distinct combinations among millions of rows
};

// One consistent load of every zone: the journal sequence it reflects and a zone per TLD.
struct LoadedZones
{
    qint64 sequence = 0;
    QList<ZoneContent> contents;
    QList<std::shared_ptr<const Zone>> zones;   // parallel to contents
};

// Builds every zone (or only `onlyZone` when it is not empty) in one read transaction.
Result<LoadedZones> loadZones(store::Connection &connection, const DnsConfig &config, int historyLimit,
                              const QString &onlyZone = QString());

} // namespace reg::dns
