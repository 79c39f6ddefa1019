#pragma once

#include "dnsconstants.h"

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <cstdint>

namespace reg::dns {

// Functions on raw, uncompressed wire-form names (length-prefixed labels ending with the root
// label), for the answer path where no QByteArray is made. Callers pass names already validated
// (by DnsName or the message parser).
namespace WireName {
// The length of the valid uncompressed name starting at data, or 0 if there is none within size
// (a label over 63 bytes, a compression pointer, no root label, or over 255 bytes).
std::size_t validLength(const std::uint8_t *data, std::size_t size);
// Copies length bytes from src to dst with ASCII letters lowered (label lengths are below 64 and
// never letters, so the whole name can be mapped byte by byte).
void copyLowered(std::uint8_t *dst, const std::uint8_t *src, std::size_t length);
bool equalIgnoringCase(const std::uint8_t *a, const std::uint8_t *b, std::size_t length);
// A 64-bit hash of a lower-cased name; the zone index uses it.
std::uint64_t hashLowered(const std::uint8_t *lowered, std::size_t length);
inline std::uint8_t lowerAscii(std::uint8_t c) { return (c >= 'A' && c <= 'Z') ? std::uint8_t(c + 32) : c; }
} // namespace WireName

// A domain name in uncompressed wire form. Keeps the bytes it was given (case preserved, as DNS
// requires when a name is echoed); comparison and hashing ignore ASCII case (RFC 4343).
// Always valid: the only ways to make one check the limits (63-byte labels, 255-byte names).
class DnsName
{
public:
    DnsName();   // the root, "."

    // Presentation format (RFC 1035 5.1): labels separated by '.', a trailing dot optional (every
    // name is taken as absolute), "\." "\\" and "\DDD" escapes. "@" and relative names are the
    // caller's business. Unicode is refused: IDNs are given as A-labels.
    static Result<DnsName> fromText(QStringView text);
    // Exactly one uncompressed name filling the bytes.
    static Result<DnsName> fromWire(const QByteArray &wire);

    const QByteArray &wire() const { return m_wire; }
    const std::uint8_t *data() const { return reinterpret_cast<const std::uint8_t *>(m_wire.constData()); }
    std::size_t size() const { return std::size_t(m_wire.size()); }
    // Presentation format with the trailing dot ("example.tld."), escaping what needs it.
    QString toText() const;

    bool isRoot() const { return m_wire.size() == 1; }
    int labelCount() const;                   // the root label not counted
    DnsName lowered() const;
    DnsName parent() const;                   // without the first label; the root's parent is the root
    // True when this name equals ancestor or lies below it (label-wise, ignoring case).
    bool isSubdomainOf(const DnsName &ancestor) const;
    // This name with "label." put in front; fails when the result would be too long.
    Result<DnsName> withPrefix(const QByteArray &label) const;

    bool operator==(const DnsName &other) const;
    bool operator!=(const DnsName &other) const { return !(*this == other); }
    // Canonical DNS order (RFC 4034 6.1): by labels from the root, case-insensitively.
    bool canonicalLess(const DnsName &other) const;

private:
    explicit DnsName(QByteArray wire) : m_wire(std::move(wire)) {}
    QByteArray m_wire;
};

std::size_t qHash(const DnsName &name, std::size_t seed = 0);

} // namespace reg::dns
