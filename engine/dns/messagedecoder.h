#pragma once

#include "dnsconstants.h"
#include "dnsname.h"

#include "core/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <variant>

namespace reg::dns {

// A whole DNS message (request or response) decoded into values, for tests, the NOTIFY sender,
// TSIG verification of responses and the zone export. Allocates freely: not for the answer path,
// which uses parseRequest() and MessageWriter.

struct DnsQuestion
{
    DnsName name;
    std::uint16_t type = 0;
    std::uint16_t klass = 0;
};

// The decoded RDATA of the types the registry serves or signs with.
struct AddressRData { QHostAddress address; };                 // A, AAAA
struct NameRData { DnsName name; };                            // NS, CNAME, PTR
struct MxRData { std::uint16_t preference = 0; DnsName exchange; };
struct SoaRData
{
    DnsName mname;
    DnsName rname;
    std::uint32_t serial = 0;
    std::uint32_t refresh = 0;
    std::uint32_t retry = 0;
    std::uint32_t expire = 0;
    std::uint32_t minimum = 0;
};
struct DsRData
{
    std::uint16_t keyTag = 0;
    std::uint8_t algorithm = 0;
    std::uint8_t digestType = 0;
    QByteArray digest;
};
struct EdnsOption
{
    std::uint16_t code = 0;
    QByteArray data;
};
// OPT (RFC 6891): the payload size, extended RCODE, version and flags live in the record's class
// and TTL; DnsRecord has accessors for them.
struct OptRData { QList<EdnsOption> options; };
struct TsigRData   // RFC 8945 4.2
{
    DnsName algorithm;
    std::uint64_t timeSigned = 0;   // 48 bits, seconds since the epoch
    std::uint16_t fudge = 0;
    QByteArray mac;
    std::uint16_t originalId = 0;
    std::uint16_t error = 0;
    QByteArray otherData;
};
struct RawRData {};   // any other type: only DnsRecord::rdata

using RData = std::variant<RawRData, AddressRData, NameRData, MxRData, SoaRData, DsRData, OptRData, TsigRData>;

struct DnsRecord
{
    DnsName owner;
    std::uint16_t type = 0;
    std::uint16_t klass = 0;
    std::uint32_t ttl = 0;
    // The RDATA with every compressed name expanded (RFC 3597 4: only NS, CNAME, PTR, SOA, MX are
    // decompressed; other types as sent), so it compares with a zone's uncompressed RDATA.
    QByteArray rdata;
    RData data;
    std::size_t offset = 0;         // where the record starts in the message (TSIG verification)

    const SoaRData *soa() const { return std::get_if<SoaRData>(&data); }
    const TsigRData *tsig() const { return std::get_if<TsigRData>(&data); }

    // OPT only.
    std::uint16_t udpPayloadSize() const { return klass; }
    std::uint8_t extendedRcode() const { return std::uint8_t(ttl >> 24); }
    std::uint8_t ednsVersion() const { return std::uint8_t(ttl >> 16); }
    std::uint16_t ednsFlags() const { return std::uint16_t(ttl); }
};

struct DnsMessage
{
    std::uint16_t id = 0;
    std::uint16_t flags = 0;
    QList<DnsQuestion> questions;
    QList<DnsRecord> answers;
    QList<DnsRecord> authority;
    QList<DnsRecord> additional;

    bool isResponse() const { return flags & HeaderFlag::QR; }
    std::uint8_t opcode() const { return std::uint8_t((flags >> 11) & 0x0F); }
    // The 12-bit RCODE: the header's 4 bits and, with EDNS, the OPT's upper 8 (RFC 6891 6.1.3).
    std::uint16_t rcode() const;
    const DnsRecord *opt() const;    // the OPT of the additional section, if any
    const DnsRecord *tsig() const;   // the TSIG, when it is the last additional record
};

// Decodes one message of size bytes. Refuses, with an InvalidInput error that says what and where:
// anything running past the end, trailing bytes, labels over 63 bytes, names over 255 bytes,
// compression pointers that point forwards or at themselves (loops), more than 128 pointer hops,
// RDATA of a decoded type that does not fill its RDLENGTH exactly.
Result<DnsMessage> decodeMessage(const std::uint8_t *data, std::size_t size);
Result<DnsMessage> decodeMessage(const QByteArray &wire);

// Presentation format (RFC 1035 5.1), one line: "owner TTL CLASS TYPE RDATA". RDATA of the types
// above is written field by field (DS digest in hex); unknown types in the RFC 3597 "\# n hex" form.
QString toText(const DnsRecord &record);
// The same from parts; rdata is uncompressed wire form (as a zone holds it).
QString recordToText(const DnsName &owner, std::uint32_t ttl, std::uint16_t klass, std::uint16_t type,
                     const QByteArray &rdata);
QString rdataToText(std::uint16_t type, const QByteArray &rdata);
// "A", "NS", ..., or "TYPE1234" (RFC 3597 5); "IN", "CH", ..., or "CLASS7".
QString typeName(std::uint16_t type);
QString className(std::uint16_t klass);

} // namespace reg::dns
