#include "zonecontent.h"

#include "dnsconstants.h"

namespace reg::dns {

namespace {

void appendBigEndian(QByteArray &out, std::uint32_t value, int bytes)
{
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xff));
}

std::uint32_t ttl(qint64 seconds)
{
    // RFC 2181 8: a TTL is 0 to 2^31 - 1; the configuration already limits it, this keeps it so.
    return std::uint32_t(std::clamp<qint64>(seconds, 0, 0x7fffffff));
}

} // namespace

QByteArray addressRdata(const QHostAddress &address)
{
    QByteArray out;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        appendBigEndian(out, address.toIPv4Address(), 4);
    } else {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        out = QByteArray(reinterpret_cast<const char *>(v6.c), 16);
    }
    return out;
}

std::uint16_t addressType(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv4Protocol ? RRType::A : RRType::AAAA;
}

Result<DnsName> registryName(const QString &text)
{
    Result<DnsName> name = DnsName::fromText(text);
    if (!name)
        return name.error();
    return name->lowered();
}

Result<DnsName> registryName(QByteArrayView utf8)
{
    // Printable ASCII without escapes goes straight to lower-cased wire form; anything else (escapes,
    // non-ASCII, empty labels, overlong names) takes the general path and its error messages.
    QByteArray wire(utf8.size() + 2, Qt::Uninitialized);
    char *out = wire.data();
    qsizetype labelStart = 0;   // where the current label's length byte goes
    qsizetype at = 1;
    bool plain = !utf8.isEmpty() && utf8.size() + 2 <= qsizetype(kMaxNameWireLength);
    for (qsizetype i = 0; plain && i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (c == '.') {
            const qsizetype length = at - labelStart - 1;
            if (length == 0 || length > qsizetype(kMaxLabelLength)) {
                plain = false;
                break;
            }
            out[labelStart] = char(length);
            labelStart = at++;
            continue;
        }
        if (c < 0x21 || c > 0x7e || c == '\\') {
            plain = false;
            break;
        }
        out[at++] = (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
    }
    if (plain) {
        const qsizetype length = at - labelStart - 1;
        if (length == 0 && at > 1) {
            at = labelStart;            // a trailing dot: the name was already complete
        } else if (length == 0 || length > qsizetype(kMaxLabelLength)) {
            plain = false;
        } else {
            out[labelStart] = char(length);
        }
    }
    if (!plain)
        return registryName(QString::fromUtf8(utf8));
    out[at++] = '\0';
    wire.truncate(at);
    return DnsName::fromWire(wire);
}

Result<ZoneContent> ZoneContent::make(const DnsConfig &config, const DnsName &apex)
{
    ZoneContent content;
    content.m_apex = apex.lowered();
    content.m_config = config;
    if (config.apexNameServers.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("[dns] nameservers names no apex name server for the zone %1").arg(apex.toText()));
    for (const ApexNameServer &ns : config.apexNameServers) {
        Result<DnsName> name = registryName(ns.name);
        if (!name)
            return name.error().withContext(QStringLiteral("[dns] nameservers: "));
        content.m_apexNs.append(name->wire());
        // Addresses of apex name servers are served only inside the zone that holds the name.
        if (!ns.addresses.isEmpty() && *name != content.m_apex && name->isSubdomainOf(content.m_apex)) {
            const qsizetype existing = content.m_configuredOwners.indexOf(*name);
            if (existing >= 0) {
                content.m_configuredAddresses[existing].append(ns.addresses);
            } else {
                content.m_configuredOwners.append(*name);
                content.m_configuredAddresses.append(ns.addresses);
            }
        }
    }
    Result<DnsName> mname = registryName(config.soaPrimary.isEmpty() ? config.apexNameServers.first().name : config.soaPrimary);
    if (!mname)
        return mname.error().withContext(QStringLiteral("[dns] soa_primary: "));
    Result<DnsName> rname = registryName(config.soaContact);
    if (!rname)
        return rname.error().withContext(QStringLiteral("[dns] soa_contact: "));
    content.m_soaNames = mname->wire() + rname->wire();
    return content;
}

QList<RRsetData> ZoneContent::apexRRsets(std::uint32_t serial) const
{
    QByteArray soa = m_soaNames;
    appendBigEndian(soa, serial, 4);
    for (qint64 seconds : {m_config.soaRefreshSecs, m_config.soaRetrySecs, m_config.soaExpireSecs, m_config.soaMinimumSecs})
        appendBigEndian(soa, ttl(seconds), 4);
    return {{RRType::SOA, ttl(m_config.soaTtlSecs), {soa}}, {RRType::NS, ttl(m_config.apexNsTtlSecs), m_apexNs}};
}

bool ZoneContent::delegationInZone(const DomainFacts &domain)
{
    return delegationInZone(domain.statuses, !domain.nameServers.isEmpty());
}

bool ZoneContent::delegationInZone(const srs::StatusSet &statuses, bool hasNameServers)
{
    // RFC 5731 2.3: without name servers a domain is "inactive" and has no delegation.
    return statuses.inZone() && hasNameServers;
}

bool ZoneContent::belowDelegation(const DnsName &host) const
{
    return host.labelCount() > m_apex.labelCount() + 1 && host.isSubdomainOf(m_apex);
}

QList<RRsetData> ZoneContent::rrsets(const OwnerFacts &facts) const
{
    QList<RRsetData> out;
    if (facts.owner == m_apex || !facts.owner.isSubdomainOf(m_apex))
        return out;
    if (facts.domain && delegationInZone(*facts.domain)) {
        RRsetData ns{RRType::NS, ttl(m_config.delegationTtlSecs), {}};
        for (const DnsName &server : facts.domain->nameServers)
            ns.rdatas.append(server.wire());
        out.append(ns);
        RRsetData ds{RRType::DS, ttl(m_config.dsTtlSecs), {}};
        for (const DsFacts &d : facts.domain->ds) {
            const QByteArray digest = QByteArray::fromHex(d.digestHex.toLatin1());
            if (digest.isEmpty())
                continue;
            QByteArray rdata;
            appendBigEndian(rdata, std::uint32_t(d.keyTag), 2);
            appendBigEndian(rdata, std::uint32_t(d.algorithm), 1);
            appendBigEndian(rdata, std::uint32_t(d.digestType), 1);
            rdata.append(digest);
            ds.rdatas.append(rdata);
        }
        if (!ds.rdatas.isEmpty())
            out.append(ds);
    }
    // Glue: only what a referral of this zone needs (RFC 9471: in-bailiwick, used, under a cut
    // that is in the zone). Anything else would be served as if we were authoritative for it.
    if (facts.host && facts.host->superordinateInZone && facts.host->usedInZone && belowDelegation(facts.owner)) {
        RRsetData a{RRType::A, ttl(m_config.delegationTtlSecs), {}};
        RRsetData aaaa{RRType::AAAA, ttl(m_config.delegationTtlSecs), {}};
        for (const QHostAddress &address : facts.host->addresses)
            (addressType(address) == RRType::A ? a : aaaa).rdatas.append(addressRdata(address));
        out.append(a);
        out.append(aaaa);
    }
    const qsizetype configured = m_configuredOwners.indexOf(facts.owner);
    if (configured >= 0) {
        RRsetData a{RRType::A, ttl(m_config.apexNsTtlSecs), {}};
        RRsetData aaaa{RRType::AAAA, ttl(m_config.apexNsTtlSecs), {}};
        for (const QHostAddress &address : m_configuredAddresses[configured])
            (addressType(address) == RRType::A ? a : aaaa).rdatas.append(addressRdata(address));
        out.append(a);
        out.append(aaaa);
    }
    return out;
}

} // namespace reg::dns
