#include "signedqueryanswerer.h"

#include "messagewriter.h"
#include "tsig.h"

#include <algorithm>

namespace reg::dns {

namespace {

// The header and question of the request with an error rcode, nothing else: the body of a
// FORMERR or NOTAUTH answer before its TSIG record. Returns the size, 0 when it cannot be written.
std::size_t writeErrorAnswer(const std::uint8_t *packet, ParseStatus status, const ParsedRequest &request, std::uint16_t rcode,
                             std::uint8_t *out, std::size_t capacity, std::size_t tailReserve)
{
    MessageWriter writer(out, capacity);
    writer.reserveTail(tailReserve);
    writer.setId(std::uint16_t(packet[0] << 8 | packet[1]));
    const std::uint16_t requestFlags = std::uint16_t(packet[2] << 8 | packet[3]);
    writer.setFlags(std::uint16_t(HeaderFlag::QR | (requestFlags & (0x7800 | HeaderFlag::RD | HeaderFlag::CD)) | (rcode & 0x0F)));
    if (status == ParseStatus::Ok && request.questionCount == 1)
        writer.addQuestion(request.qname, request.qnameLength, request.qtype, request.qclass);
    writer.releaseTail(tailReserve);
    return writer.finish();
}

} // namespace

SignedQueryAnswerer::SignedQueryAnswerer(const DnsResponder &responder, std::shared_ptr<const TsigKeyring> keyring, const Clock &clock)
    : m_responder(responder), m_keyring(keyring ? std::move(keyring) : std::make_shared<const TsigKeyring>()), m_clock(clock)
{
}

SignedQueryAnswerer::~SignedQueryAnswerer() = default;

void SignedQueryAnswerer::respond(const std::uint8_t *packet, std::size_t size, ParseStatus status, const ParsedRequest &request,
                                  const ZoneSet *zones, DnsTransport transport, std::uint8_t *out, std::size_t capacity,
                                  DnsResponse &response) const
{
    response = DnsResponse{};
    if (status == ParseStatus::Drop || size < kHeaderSize || capacity < kMinUdpPayload || request.tsigOffset == 0)
        return;
    const std::uint64_t now = std::uint64_t(m_clock.now().toSecsSinceEpoch());
    TsigSession session = TsigSession::verifyRequest(*m_keyring, packet, size, request.tsigOffset, now);
    // The whole signed answer stays within what the transport and the client's EDNS size allow.
    const std::size_t limit = std::min(capacity, status == ParseStatus::Ok ? m_responder.answerLimit(request, transport)
                                                                           : std::size_t(kMinUdpPayload));
    const std::size_t space = session.recordSpace();

    if (session.check() == TsigSession::Check::Ok) {
        m_responder.respond(packet, size, status, request, zones, transport, out, limit, response, space);
    } else {
        const std::uint16_t rcode = session.check() == TsigSession::Check::FormErr ? Rcode::FormErr : Rcode::NotAuth;
        response.rcode = rcode;
        response.kind = RateLimiter::Kind::Error;
        response.size = writeErrorAnswer(packet, status, request, rcode, out, limit, space);
        if (session.check() == TsigSession::Check::FormErr)
            return;   // 5.2: a TSIG record we cannot read gets no TSIG record back
    }
    if (response.size == 0)
        return;
    // sign() gives 0 only when the record does not fit, which the reservation rules out; send
    // nothing rather than an answer the client would take as unsigned.
    response.size = session.sign(out, response.size, limit, now);
}

} // namespace reg::dns
