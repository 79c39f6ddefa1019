#pragma once

#include "messageparser.h"
#include "ratelimiter.h"

#include <cstddef>
#include <cstdint>

namespace reg::dns {

class ZoneSet;

enum class DnsTransport : std::uint8_t { Udp, Tcp };

// What the responder did, for the counters and the rate limiter.
struct DnsResponse
{
    std::size_t size = 0;                 // bytes of the answer in the caller's buffer; 0: send nothing
    std::uint16_t rcode = Rcode::NoError; // with the EDNS extended bits (BADVERS is 16)
    RateLimiter::Kind kind = RateLimiter::Kind::Error;
    bool truncated = false;
    bool referral = false;
    // The lower-cased name the answer is about (query name, zone cut, or zone apex), for RRL.
    const std::uint8_t *subject = nullptr;
    std::size_t subjectLength = 0;
    std::uint8_t loweredQname[kMaxNameWireLength];   // scratch the subject may point into
};

// Turns one request into one answer (RFC 1034 4.3.2 for an authoritative-only server), writing
// into a caller's buffer; no allocation, no lock, noexcept: this is the answer path.
//
// Choices an operator may ask about (docs/dns.md):
// - never recursion: RA is never set, RD and CD are copied;
// - names outside every zone, and classes other than IN (CHAOS included), get REFUSED;
// - opcodes other than QUERY get NOTIMP, NOTIFY included (registryd is the primary, it never
//   takes zone changes from a NOTIFY);
// - ANY is answered minimally (RFC 8482): one RRset, the SOA at the apex, else the node's first;
// - AXFR over UDP is REFUSED; IXFR over UDP gets the current SOA alone (RFC 1995 4: "retry over
//   TCP"); over TCP both go to the transfer service, and are REFUSED here when there is none;
// - positive answers carry no authority section (minimal responses); an NS answer carries the
//   in-zone addresses of the servers when they fit;
// - referrals carry the cut's NS set in authority and glue in additional: glue below the cut is
//   required (TC when it does not fit), glue elsewhere in the zone (sibling glue) only if it fits.
// Stateless and thread-safe; one per server, shared by its threads.
class DnsResponder
{
public:
    explicit DnsResponder(int maxUdpPayload);

    // packet/size is the request as received; status/request its parse. zones may be null (no
    // zones yet: everything REFUSED). capacity must be at least 512 (the answer never grows
    // beyond what the transport and the client's EDNS size allow, even with more room).
    // tailReserve bytes of that limit stay free after the answer (TC when the rest does not fit),
    // for a TSIG record the caller appends (SignedQueryAnswerer).
    void respond(const std::uint8_t *packet, std::size_t size, ParseStatus status, const ParsedRequest &request,
                 const ZoneSet *zones, DnsTransport transport, std::uint8_t *out, std::size_t capacity,
                 DnsResponse &response, std::size_t tailReserve = 0) const noexcept;

    // The answer size limit for a request over a transport (RFC 6891 6.2.5, RFC 1035 4.2.1).
    std::size_t answerLimit(const ParsedRequest &request, DnsTransport transport) const noexcept;

private:
    const std::uint16_t m_maxUdpPayload;
};

} // namespace reg::dns
