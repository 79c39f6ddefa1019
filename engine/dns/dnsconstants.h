#pragma once

#include <cstddef>
#include <cstdint>

// Numbers from the DNS wire protocol (RFC 1035 and the RFCs that extend it), in one place.
namespace reg::dns {

namespace RRType {
constexpr std::uint16_t A = 1;
constexpr std::uint16_t NS = 2;
constexpr std::uint16_t CNAME = 5;
constexpr std::uint16_t SOA = 6;
constexpr std::uint16_t PTR = 12;
constexpr std::uint16_t MX = 15;
constexpr std::uint16_t TXT = 16;
constexpr std::uint16_t AAAA = 28;
constexpr std::uint16_t OPT = 41;     // RFC 6891
constexpr std::uint16_t DS = 43;      // RFC 4034
constexpr std::uint16_t RRSIG = 46;
constexpr std::uint16_t NSEC = 47;
constexpr std::uint16_t DNSKEY = 48;
constexpr std::uint16_t TSIG = 250;   // RFC 8945
constexpr std::uint16_t IXFR = 251;   // RFC 1995
constexpr std::uint16_t AXFR = 252;   // RFC 5936
constexpr std::uint16_t ANY = 255;
} // namespace RRType

namespace RRClass {
constexpr std::uint16_t IN = 1;
constexpr std::uint16_t CH = 3;
constexpr std::uint16_t NONE = 254;
constexpr std::uint16_t ANY = 255;
} // namespace RRClass

namespace Opcode {
constexpr std::uint8_t Query = 0;
constexpr std::uint8_t Notify = 4;    // RFC 1996
constexpr std::uint8_t Update = 5;
} // namespace Opcode

namespace Rcode {
constexpr std::uint16_t NoError = 0;
constexpr std::uint16_t FormErr = 1;
constexpr std::uint16_t ServFail = 2;
constexpr std::uint16_t NXDomain = 3;
constexpr std::uint16_t NotImp = 4;
constexpr std::uint16_t Refused = 5;
constexpr std::uint16_t NotAuth = 9;
constexpr std::uint16_t BadVers = 16;  // extended (EDNS), RFC 6891
// TSIG error values (RFC 8945 section 5.2.3): carried in the TSIG record's Error field.
constexpr std::uint16_t BadSig = 16;
constexpr std::uint16_t BadKey = 17;
constexpr std::uint16_t BadTime = 18;
constexpr std::uint16_t BadTrunc = 22;
} // namespace Rcode

// Header flag bits in the second 16-bit word (RFC 1035 4.1.1).
namespace HeaderFlag {
constexpr std::uint16_t QR = 0x8000;
constexpr std::uint16_t AA = 0x0400;
constexpr std::uint16_t TC = 0x0200;
constexpr std::uint16_t RD = 0x0100;
constexpr std::uint16_t RA = 0x0080;
constexpr std::uint16_t AD = 0x0020;
constexpr std::uint16_t CD = 0x0010;
} // namespace HeaderFlag

constexpr std::size_t kHeaderSize = 12;
constexpr std::size_t kMaxNameWireLength = 255;     // RFC 1035 2.3.4, root label included
constexpr std::size_t kMaxLabelLength = 63;
constexpr std::size_t kMaxLabels = 128;             // 255 bytes hold at most 127 labels plus the root
constexpr std::size_t kMinUdpPayload = 512;         // without EDNS (RFC 1035 4.2.1)
constexpr std::size_t kMaxTcpMessage = 65535;       // the 2-byte length prefix (RFC 1035 4.2.2)
constexpr std::uint16_t kEdnsDoBit = 0x8000;        // in the OPT TTL's flags (RFC 3225)

} // namespace reg::dns
