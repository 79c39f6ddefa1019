#include "dnscounters.h"

#include "dnsconstants.h"

namespace reg::dns {

namespace {
const char *const kTypeNames[DnsCounters::TypeCount] = {"A", "NS", "SOA", "AAAA", "DS", "ANY", "AXFR", "IXFR", "other"};
const char *const kRcodeNames[DnsCounters::RcodeCount] = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "other"};
} // namespace

DnsCounters::TypeIndex DnsCounters::typeIndex(std::uint16_t qtype) noexcept
{
    switch (qtype) {
    case RRType::A: return TypeA;
    case RRType::NS: return TypeNS;
    case RRType::SOA: return TypeSOA;
    case RRType::AAAA: return TypeAAAA;
    case RRType::DS: return TypeDS;
    case RRType::ANY: return TypeANY;
    case RRType::AXFR: return TypeAXFR;
    case RRType::IXFR: return TypeIXFR;
    default: return TypeOther;
    }
}

DnsCounters::RcodeIndex DnsCounters::rcodeIndex(std::uint16_t rcode) noexcept
{
    switch (rcode) {
    case Rcode::NoError: return RcodeNoError;
    case Rcode::FormErr: return RcodeFormErr;
    case Rcode::ServFail: return RcodeServFail;
    case Rcode::NXDomain: return RcodeNXDomain;
    case Rcode::NotImp: return RcodeNotImp;
    case Rcode::Refused: return RcodeRefused;
    default: return RcodeOther;
    }
}

void DnsCounters::initialise(DnsStatisticsSnapshot &snapshot)
{
    snapshot.byType.clear();
    snapshot.byRcode.clear();
    for (const char *name : kTypeNames)
        snapshot.byType.append({QString::fromLatin1(name), 0});
    for (const char *name : kRcodeNames)
        snapshot.byRcode.append({QString::fromLatin1(name), 0});
}

void DnsCounters::addTo(DnsStatisticsSnapshot &s) const
{
    constexpr auto relaxed = std::memory_order_relaxed;
    s.udpQueries += udpQueries.load(relaxed);
    s.tcpQueries += tcpQueries.load(relaxed);
    for (int i = 0; i < TypeCount && i < s.byType.size(); ++i)
        s.byType[i].second += byType[i].load(relaxed);
    for (int i = 0; i < RcodeCount && i < s.byRcode.size(); ++i)
        s.byRcode[i].second += byRcode[i].load(relaxed);
    s.referrals += referrals.load(relaxed);
    s.truncated += truncated.load(relaxed);
    s.rateLimitedDropped += rateLimitedDropped.load(relaxed);
    s.malformedDropped += malformedDropped.load(relaxed);
    s.tcpConnectionsRefused += tcpConnectionsRefused.load(relaxed);
    s.transfersServed += transfersServed.load(relaxed);
    s.transfersRefused += transfersRefused.load(relaxed);
}

} // namespace reg::dns
