#pragma once

#include "zone.h"

#include "core/engineconfig.h"
#include "core/result.h"
#include "srs/eppstatus.h"

#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace reg::dns {

// A secDNS DS record as the registry stores it (RFC 5910, RFC 4034 5.1).
struct DsFacts
{
    int keyTag = 0;
    int algorithm = 0;
    int digestType = 0;
    QString digestHex;
};

// What the registry knows about one domain of the zone's TLD.
struct DomainFacts
{
    srs::StatusSet statuses;        // as stored (without ok/inactive, which are derived)
    QList<DnsName> nameServers;     // lower case
    QList<DsFacts> ds;
};

// What the registry knows about one host object, and the two facts about the rest of the zone that
// decide whether it needs glue.
struct HostFacts
{
    QList<QHostAddress> addresses;
    bool superordinateInZone = false;   // its superordinate domain is a delegation of this zone
    bool usedInZone = false;            // at least one delegation of this zone uses it as a name server
};

// Everything that decides the records of one owner name. The full build and the journal updates
// both gather these and ask ZoneContent for the records, so an updated zone equals a fresh build.
struct OwnerFacts
{
    DnsName owner;                       // lower case
    std::optional<DomainFacts> domain;   // a domain of this TLD has this name
    std::optional<HostFacts> host;       // a host object has this name
};

// The rules of what a TLD zone contains, from [dns]: the apex (SOA, NS and the configured addresses
// of apex name servers inside the zone), delegations of domains whose statuses keep them in the zone
// (NS, DS), and glue only for in-bailiwick hosts a delegation of the zone uses. A value type.
class ZoneContent
{
public:
    static Result<ZoneContent> make(const DnsConfig &config, const DnsName &apex);

    const DnsName &apex() const { return m_apex; }
    // The apex node's RRsets (the SOA serial is set when a version is finished).
    QList<RRsetData> apexRRsets(std::uint32_t serial) const;
    // The RRsets of an owner name below the apex; empty when it has none (not in the zone).
    QList<RRsetData> rrsets(const OwnerFacts &facts) const;
    // The names below the apex that get records from the configuration alone (in-zone apex name
    // servers); the builders visit them even when the registry knows nothing of them.
    const QList<DnsName> &configuredOwners() const { return m_configuredOwners; }

    static bool delegationInZone(const DomainFacts &domain);
    static bool delegationInZone(const srs::StatusSet &statuses, bool hasNameServers);
    // Whether a host name lies inside this zone and below one of its delegation points.
    bool belowDelegation(const DnsName &host) const;

private:
    DnsName m_apex;
    DnsConfig m_config;
    QByteArray m_soaNames;   // MNAME and RNAME in wire form
    QList<QByteArray> m_apexNs;
    QList<DnsName> m_configuredOwners;
    QList<QList<QHostAddress>> m_configuredAddresses;   // parallel to m_configuredOwners
};

// RDATA helpers shared by the builders and export.
QByteArray addressRdata(const QHostAddress &address);   // A (4 bytes) or AAAA (16 bytes)
std::uint16_t addressType(const QHostAddress &address);
// Parses a registry host or domain name ("ns1.example.tld", no trailing dot) into a lowered name.
Result<DnsName> registryName(const QString &text);
// The same from the UTF-8 bytes the database hands out, without a detour through QString for
// the plain ASCII names a registry holds (a zone build parses millions).
Result<DnsName> registryName(QByteArrayView utf8);

} // namespace reg::dns
