#include "dnsresponder.h"

#include "dnsname.h"
#include "messagewriter.h"
#include "zone.h"

#include <algorithm>
#include <cstring>

namespace reg::dns {

namespace {

using Section = MessageWriter::Section;

std::uint16_t read16(const std::uint8_t *p)
{
    return std::uint16_t(p[0] << 8 | p[1]);
}

std::uint32_t read32(const std::uint8_t *p)
{
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// Whether a lower-cased name equals ancestor or lies below it, label-wise.
bool isAtOrBelow(const std::uint8_t *name, std::size_t length, const std::uint8_t *ancestor, std::size_t ancestorLength)
{
    std::size_t pos = 0;
    while (length - pos > ancestorLength) {
        pos += 1 + std::size_t(name[pos]);
        if (pos >= length)
            return false;
    }
    return length - pos == ancestorLength && std::memcmp(name + pos, ancestor, ancestorLength) == 0;
}

bool sameName(const std::uint8_t *a, std::size_t aLength, const std::uint8_t *b, std::size_t bLength)
{
    return aLength == bLength && std::memcmp(a, b, aLength) == 0;
}

// RFC 2308 3: the SOA of a negative answer lives for min(its TTL, its MINIMUM field).
std::uint32_t negativeTtl(const RRsetView &soa)
{
    std::uint32_t ttl = soa.ttl();
    soa.forEachRdata([&](const std::uint8_t *rdata, std::uint16_t length) {
        if (length >= 22)
            ttl = std::min(ttl, read32(rdata + length - 4));
    });
    return ttl;
}

// One answer being written: the header, the question as sent, and the OPT record kept room for
// until the end, so a truncated answer still carries its EDNS information.
class AnswerBuilder
{
public:
    AnswerBuilder(const std::uint8_t *packet, const ParsedRequest &request, bool questionValid, std::uint8_t *out,
                  std::size_t limit, std::uint16_t advertisedPayload, std::size_t tailReserve)
        : m_request(request)
        , m_questionValid(questionValid)
        , m_out(out)
        , m_limit(limit)
        , m_advertisedPayload(advertisedPayload)
        , m_tailReserve(tailReserve)
        , m_id(read16(packet))
        , m_baseFlags(std::uint16_t(HeaderFlag::QR | (read16(packet + 2) & (0x7800 | HeaderFlag::RD | HeaderFlag::CD))))
        , m_writer(out, limit)
    {
        restart();
    }

    MessageWriter &writer() { return m_writer; }

    // Back to an empty answer (header and question): used when required records did not fit.
    void restart()
    {
        m_writer = MessageWriter(m_out, m_limit);
        m_writer.setId(m_id);
        m_writer.reserveTail(m_tailReserve);
        if (m_questionValid)
            m_writer.addQuestion(m_request.qname, m_request.qnameLength, m_request.qtype, m_request.qclass);
        if (m_request.hasEdns && m_questionValid)
            m_writer.reserveTail(kOptSize);
    }

    void truncate()
    {
        restart();
        m_truncated = true;
    }
    bool truncated() const { return m_truncated; }

    // Every record of an RRset under owner; false (and nothing half-written counts) when one did not fit.
    bool addRRset(Section section, const std::uint8_t *owner, std::size_t ownerLength, const RRsetView &set, std::uint32_t ttl)
    {
        bool fits = true;
        set.forEachRdata([&](const std::uint8_t *rdata, std::uint16_t length) {
            if (fits)
                fits = m_writer.addRecord(section, owner, ownerLength, set.type(), RRClass::IN, ttl, rdata, length);
        });
        return fits;
    }

    std::size_t finish(std::uint16_t rcode, bool authoritative)
    {
        std::uint16_t flags = std::uint16_t(m_baseFlags | (rcode & 0x0F));
        if (authoritative)
            flags |= HeaderFlag::AA;
        if (m_truncated)
            flags |= HeaderFlag::TC;
        m_writer.setFlags(flags);
        if (m_request.hasEdns && m_questionValid) {
            m_writer.releaseTail(kOptSize);
            m_writer.addOpt(m_advertisedPayload, std::uint8_t(rcode >> 4), 0, std::uint16_t(m_request.ednsFlags & kEdnsDoBit));
        }
        return m_writer.finish();
    }

private:
    static constexpr std::size_t kOptSize = 11;
    const ParsedRequest &m_request;
    const bool m_questionValid;
    std::uint8_t *const m_out;
    const std::size_t m_limit;
    const std::uint16_t m_advertisedPayload;
    const std::size_t m_tailReserve;   // kept free to the end: the caller's TSIG record goes there
    const std::uint16_t m_id;
    const std::uint16_t m_baseFlags;
    MessageWriter m_writer;
    bool m_truncated = false;
};

// The A and AAAA records of the name servers an NS set names, into the additional section.
// required: only names at or below `within` (in-bailiwick glue), and failing to fit truncates;
// otherwise only names elsewhere in the zone, added while they fit.
bool addNameServerAddresses(AnswerBuilder &answer, const Zone &zone, const RRsetView &ns, const std::uint8_t *within,
                            std::size_t withinLength, bool required)
{
    bool fits = true;
    const DnsName &apex = zone.apex();
    ns.forEachRdata([&](const std::uint8_t *target, std::uint16_t targetLength) {
        if (!fits || !isAtOrBelow(target, targetLength, apex.data(), apex.size()))
            return;
        const bool inBailiwick = within && isAtOrBelow(target, targetLength, within, withinLength);
        if (inBailiwick != required)
            return;
        const ZoneNode *node = zone.find(target, targetLength);
        if (!node)
            return;
        for (const std::uint16_t type : {RRType::A, RRType::AAAA}) {
            const RRsetView set = node->rrset(type);
            if (fits && !set.isNull())
                fits = answer.addRRset(Section::Additional, node->owner(), node->ownerLength(), set, set.ttl());
        }
    });
    return fits;
}

} // namespace

DnsResponder::DnsResponder(int maxUdpPayload)
    : m_maxUdpPayload(std::uint16_t(std::clamp<int>(maxUdpPayload, int(kMinUdpPayload), int(kMaxTcpMessage))))
{
}

std::size_t DnsResponder::answerLimit(const ParsedRequest &request, DnsTransport transport) const noexcept
{
    if (transport == DnsTransport::Tcp)
        return kMaxTcpMessage;
    if (!request.hasEdns)
        return kMinUdpPayload;
    return std::clamp<std::size_t>(request.ednsUdpSize, kMinUdpPayload, m_maxUdpPayload);
}

void DnsResponder::respond(const std::uint8_t *packet, std::size_t size, ParseStatus status, const ParsedRequest &request,
                           const ZoneSet *zones, DnsTransport transport, std::uint8_t *out, std::size_t capacity,
                           DnsResponse &response, std::size_t tailReserve) const noexcept
{
    response.size = 0;
    response.rcode = Rcode::NoError;
    response.kind = RateLimiter::Kind::Error;
    response.truncated = false;
    response.referral = false;
    response.subject = nullptr;
    response.subjectLength = 0;
    if (status == ParseStatus::Drop || size < kHeaderSize || capacity < kMinUdpPayload)
        return;

    const std::uint8_t opcode = std::uint8_t((read16(packet + 2) >> 11) & 0x0F);
    const bool parsed = status == ParseStatus::Ok;
    const bool questionValid = parsed && request.questionCount == 1;
    const std::size_t limit = std::min(capacity, parsed ? answerLimit(request, transport)
                                                        : (transport == DnsTransport::Tcp ? kMaxTcpMessage : kMinUdpPayload));
    AnswerBuilder answer(packet, request, questionValid, out, limit, m_maxUdpPayload, tailReserve);

    auto finish = [&](std::uint16_t rcode, bool authoritative) {
        response.rcode = rcode;
        response.truncated = answer.truncated();
        response.size = answer.finish(rcode, authoritative);
    };

    // A NOTIFY or UPDATE the parser found malformed (they carry records where a query may not)
    // is still answered for its opcode.
    if (opcode != Opcode::Query)
        return finish(Rcode::NotImp, false);
    if (!parsed || request.questionCount != 1)
        return finish(Rcode::FormErr, false);
    if (request.hasEdns && request.ednsVersion > 0)
        return finish(Rcode::BadVers, false);
    if (request.qtype == RRType::OPT || request.qtype == RRType::TSIG || request.qtype == 249 /* TKEY */)
        return finish(Rcode::FormErr, false);
    if (request.qclass != RRClass::IN)
        return finish(Rcode::Refused, false);

    const std::size_t qnameLength = request.qnameLength;
    std::uint8_t *const lowered = response.loweredQname;
    WireName::copyLowered(lowered, request.qname, qnameLength);
    const Zone *zone = zones ? zones->findZone(lowered, qnameLength) : nullptr;
    if (!zone)
        return finish(Rcode::Refused, false);

    const ZoneNode &apexNode = zone->apexNode();
    const RRsetView soa = apexNode.rrset(RRType::SOA);
    auto negative = [&](std::uint16_t rcode, RateLimiter::Kind kind) {
        response.kind = kind;
        if (!soa.isNull() && !answer.addRRset(Section::Authority, apexNode.owner(), apexNode.ownerLength(), soa, negativeTtl(soa)))
            answer.truncate();
        finish(rcode, true);
    };
    auto positive = [&](const ZoneNode &node, const RRsetView &set) {
        response.kind = RateLimiter::Kind::Answer;
        if (!answer.addRRset(Section::Answer, node.owner(), node.ownerLength(), set, set.ttl()))
            answer.truncate();
        else if (set.type() == RRType::NS)
            addNameServerAddresses(answer, *zone, set, nullptr, 0, false);
        finish(Rcode::NoError, true);
    };

    response.subject = lowered;
    response.subjectLength = qnameLength;
    const bool atApex = sameName(lowered, qnameLength, apexNode.owner(), apexNode.ownerLength());
    if (request.qtype == RRType::AXFR || request.qtype == RRType::IXFR) {
        // Transfers are the TCP server's business (it only comes here without a transfer service).
        if (request.qtype == RRType::IXFR && transport == DnsTransport::Udp && atApex && !soa.isNull())
            return positive(apexNode, soa);
        response.subject = nullptr;
        response.subjectLength = 0;
        return finish(Rcode::Refused, false);
    }

    const ZoneLookup found = zone->lookup(lowered, qnameLength);
    switch (found.kind) {
    case ZoneLookup::Kind::Apex:
    case ZoneLookup::Kind::Authoritative: {
        const ZoneNode &node = found.node ? *found.node : apexNode;
        RRsetView set;
        if (request.qtype == RRType::ANY)
            set = found.kind == ZoneLookup::Kind::Apex ? soa : (node.rrsetCount() > 0 ? node.rrsetAt(0) : RRsetView());
        else
            set = node.rrset(request.qtype);
        if (!set.isNull())
            return positive(node, set);
        return negative(Rcode::NoError, RateLimiter::Kind::NoData);
    }
    case ZoneLookup::Kind::Delegation: {
        const ZoneNode *cut = found.node;
        if (!cut)
            return finish(Rcode::ServFail, false);
        // The parent is authoritative for the DS set at a cut (RFC 4035 3.1.4.1).
        if (request.qtype == RRType::DS && sameName(lowered, qnameLength, cut->owner(), cut->ownerLength())) {
            const RRsetView ds = cut->rrset(RRType::DS);
            if (!ds.isNull())
                return positive(*cut, ds);
            return negative(Rcode::NoError, RateLimiter::Kind::NoData);
        }
        response.kind = RateLimiter::Kind::Referral;
        response.referral = true;
        response.subject = cut->owner();
        response.subjectLength = cut->ownerLength();
        const RRsetView ns = cut->rrset(RRType::NS);
        if (!answer.addRRset(Section::Authority, cut->owner(), cut->ownerLength(), ns, ns.ttl())
            || !addNameServerAddresses(answer, *zone, ns, cut->owner(), cut->ownerLength(), true)) {
            answer.truncate();   // a referral without its in-bailiwick glue is unusable (RFC 9471)
        } else {
            addNameServerAddresses(answer, *zone, ns, cut->owner(), cut->ownerLength(), false);
        }
        return finish(Rcode::NoError, false);
    }
    case ZoneLookup::Kind::EmptyNonTerminal:
        return negative(Rcode::NoError, RateLimiter::Kind::NoData);
    case ZoneLookup::Kind::NxDomain:
        response.subject = zone->apex().data();
        response.subjectLength = zone->apex().size();
        return negative(Rcode::NXDomain, RateLimiter::Kind::NxDomain);
    }
    finish(Rcode::ServFail, false);
}

} // namespace reg::dns
