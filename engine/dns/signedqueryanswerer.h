#pragma once

#include "dnsresponder.h"

#include "core/clock.h"

#include <cstddef>
#include <cstdint>
#include <memory>

namespace reg::dns {

class TsigKeyring;
class ZoneSet;

// Answers an ordinary request that carries a TSIG record (RFC 8945 5.2, 5.3), for the UDP and TCP
// servers: the request is checked against the keyring, and
// - a good signature gets the responder's answer, written with room kept for the TSIG record
//   (TC when the answer plus the record exceeds the size limit), then signed;
// - an unknown key or algorithm gets NOTAUTH with TSIG error BADKEY, a wrong MAC NOTAUTH/BADSIG,
//   both with an empty MAC (unsigned, 5.3.2); a time outside the fudge NOTAUTH/BADTIME, signed;
//   a MAC shorter than ours NOTAUTH/BADTRUNC;
// - a TSIG record that cannot be read FORMERR without TSIG (5.2).
// An empty keyring (no tsig_key_file) makes every signed request BADKEY.
// This is not the fast path (a signed query costs an HMAC and a few allocations); the servers
// come here only when request.tsigOffset != 0. Immutable and thread-safe: owned by DnsService,
// shared read-only by the server threads.
class SignedQueryAnswerer
{
public:
    SignedQueryAnswerer(const DnsResponder &responder, std::shared_ptr<const TsigKeyring> keyring, const Clock &clock);
    ~SignedQueryAnswerer();

    // Same contract as DnsResponder::respond, for a request with request.tsigOffset != 0.
    void respond(const std::uint8_t *packet, std::size_t size, ParseStatus status, const ParsedRequest &request,
                 const ZoneSet *zones, DnsTransport transport, std::uint8_t *out, std::size_t capacity,
                 DnsResponse &response) const;

private:
    const DnsResponder &m_responder;
    const std::shared_ptr<const TsigKeyring> m_keyring;
    const Clock &m_clock;
};

} // namespace reg::dns
