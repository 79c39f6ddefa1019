#pragma once

#include "dnsconstants.h"

#include <cstddef>
#include <cstdint>

namespace reg::dns {

// The parts of an incoming request the server acts on, as views into the packet (no allocation:
// this runs for every UDP packet). Everything was bounds-checked by parseRequest().
struct ParsedRequest
{
    std::uint16_t id = 0;
    std::uint16_t flags = 0;          // the header's second word (QR, opcode, AA, TC, RD, ..., RCODE)
    std::uint8_t opcode = 0;
    std::uint16_t questionCount = 0;  // 0 or 1 after a successful parse
    std::uint16_t answerCount = 0;
    std::uint16_t authorityCount = 0;
    std::uint16_t additionalCount = 0;

    // The question (when questionCount == 1): the name as sent (case preserved, uncompressed:
    // a question is never compressed), its length including the root label, its label count.
    const std::uint8_t *qname = nullptr;
    std::uint8_t qnameLength = 0;
    std::uint8_t qnameLabels = 0;
    std::uint16_t qtype = 0;
    std::uint16_t qclass = 0;
    std::size_t questionEnd = 0;      // offset just past the question

    // EDNS(0) (RFC 6891): present when the additional section held one OPT record at the root.
    bool hasEdns = false;
    std::uint16_t ednsUdpSize = 0;    // as sent; the responder clamps it
    std::uint8_t ednsVersion = 0;
    std::uint16_t ednsFlags = 0;      // DO bit etc.

    // TSIG (RFC 8945): the offset of the TSIG record, which must be the last record; 0 if none.
    std::size_t tsigOffset = 0;

    // IXFR (RFC 1995): the serial of the SOA the client sent in the authority section.
    bool hasIxfrSerial = false;
    std::uint32_t ixfrSerial = 0;
};

enum class ParseStatus {
    Ok,
    FormErr,   // the header was readable: answer FORMERR with the same id
    Drop,      // not worth an answer: shorter than a header, or a response (QR set), so no loops
};

// Parses a request with every length checked against size. Refuses (FormErr): more than one
// question, a question name that is compressed or malformed, records in the answer section,
// authority records except the one SOA of an IXFR request, a second OPT, an OPT not at the root,
// a TSIG that is not the last record, any record that runs past the end, trailing bytes.
// Unknown records in the additional section are skipped (their names may be compressed).
ParseStatus parseRequest(const std::uint8_t *packet, std::size_t size, ParsedRequest &out) noexcept;

} // namespace reg::dns
