#include "ipaddressrules.h"

#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace reg::srs {

namespace {

Error invalid(const QString &message) { return {ErrorCode::InvalidInput, message}; }

QString shown(QStringView text)
{
    QString s = text.left(64).toString();
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u'?';
    }
    return u'"' + s + u'"';
}

// Strict dotted quad: exactly four decimal octets 0-255, no leading zeros (which some stacks read as
// octal), no shortened forms like "127.1" that inet_aton would accept.
std::optional<quint32> parseDottedQuad(QStringView text)
{
    const auto parts = text.split(u'.');
    if (parts.size() != 4)
        return std::nullopt;
    quint32 value = 0;
    for (QStringView part : parts) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.front() == u'0'))
            return std::nullopt;
        uint octet = 0;
        for (QChar c : part) {
            if (c < u'0' || c > u'9')
                return std::nullopt;
            octet = octet * 10 + (c.unicode() - u'0');
        }
        if (octet > 255)
            return std::nullopt;
        value = (value << 8) | octet;
    }
    return value;
}

struct V4Range
{
    quint32 network;
    int prefix;
    const char16_t *why;
};

bool inRange(quint32 address, quint32 network, int prefix)
{
    const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
    return (address & mask) == network;
}

constexpr quint32 v4(int a, int b, int c, int d) { return quint32(a) << 24 | quint32(b) << 16 | quint32(c) << 8 | quint32(d); }

// RFC 6890 special-purpose registry entries that are never reachable as a public name server.
const std::array kV4Refused{
    V4Range{v4(0, 0, 0, 0), 8, u"is in 0.0.0.0/8 (\"this network\", RFC 1122)"},
    V4Range{v4(10, 0, 0, 0), 8, u"is private (RFC 1918)"},
    V4Range{v4(100, 64, 0, 0), 10, u"is shared address space (RFC 6598)"},
    V4Range{v4(127, 0, 0, 0), 8, u"is loopback"},
    V4Range{v4(169, 254, 0, 0), 16, u"is link-local"},
    V4Range{v4(172, 16, 0, 0), 12, u"is private (RFC 1918)"},
    V4Range{v4(192, 0, 0, 0), 24, u"is reserved for IETF protocol assignments (RFC 6890)"},
    V4Range{v4(192, 168, 0, 0), 16, u"is private (RFC 1918)"},
    V4Range{v4(198, 18, 0, 0), 15, u"is reserved for benchmarking (RFC 2544)"},
    V4Range{v4(224, 0, 0, 0), 4, u"is multicast"},
    V4Range{v4(240, 0, 0, 0), 4, u"is reserved (including broadcast)"},
};

const std::array kV4Documentation{
    V4Range{v4(192, 0, 2, 0), 24, nullptr},
    V4Range{v4(198, 51, 100, 0), 24, nullptr},
    V4Range{v4(203, 0, 113, 0), 24, nullptr},
};

bool inRange6(const Q_IPV6ADDR &address, std::initializer_list<quint8> prefixBytes, int prefixBits)
{
    const auto *bytes = prefixBytes.begin();
    for (int bit = 0; bit < prefixBits; bit += 8) {
        const int remaining = prefixBits - bit;
        const quint8 mask = remaining >= 8 ? 0xff : quint8(0xff << (8 - remaining));
        const quint8 want = size_t(bit / 8) < prefixBytes.size() ? bytes[bit / 8] : 0;
        if ((address[bit / 8] & mask) != (want & mask))
            return false;
    }
    return true;
}

} // namespace

Result<IpVersion> parseIpVersion(QStringView attribute)
{
    if (attribute.isEmpty() || attribute == u"v4")
        return IpVersion::V4;
    if (attribute == u"v6")
        return IpVersion::V6;
    return invalid(u"ip attribute %1 is neither \"v4\" nor \"v6\""_s.arg(shown(attribute)));
}

Result<QHostAddress> IpAddressRules::validate(QStringView text, IpVersion version) const
{
    if (text.isEmpty())
        return invalid(u"empty IP address"_s);
    if (text.size() > 45) // INET6_ADDRSTRLEN - 1: the longest IPv6 text form with an embedded IPv4 tail
        return invalid(u"IP address %1 is too long"_s.arg(shown(text)));

    if (version == IpVersion::V4) {
        const std::optional<quint32> value = parseDottedQuad(text);
        if (!value) {
            if (text.contains(u':'))
                return invalid(u"%1 is an IPv6 address but ip=\"v4\" was declared"_s.arg(shown(text)));
            return invalid(u"%1 is not a valid IPv4 address (four decimal octets 0-255, no leading zeros)"_s.arg(shown(text)));
        }
        for (const V4Range &range : kV4Documentation) {
            if (inRange(*value, range.network, range.prefix)) {
                if (m_allowDocumentation)
                    return QHostAddress(*value);
                return invalid(u"%1 is in a documentation range (RFC 5737) and not usable as glue"_s.arg(shown(text)));
            }
        }
        for (const V4Range &range : kV4Refused) {
            if (inRange(*value, range.network, range.prefix))
                return invalid(u"%1 %2 and cannot be a public name server address"_s.arg(shown(text), QString::fromUtf16(range.why)));
        }
        return QHostAddress(*value);
    }

    // IPv6: only hex digits, colons and an optional dotted IPv4 tail; no zone ids ("%eth0"), brackets or
    // spaces, which QHostAddress would otherwise accept or strip.
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool hex = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
        if (!hex && u != u':' && u != u'.') {
            if (u == u'%')
                return invalid(u"%1 has a zone id, which glue cannot carry"_s.arg(shown(text)));
            return invalid(u"%1 is not a valid IPv6 address"_s.arg(shown(text)));
        }
    }
    if (!text.contains(u':')) {
        if (parseDottedQuad(text))
            return invalid(u"%1 is an IPv4 address but ip=\"v6\" was declared"_s.arg(shown(text)));
        return invalid(u"%1 is not a valid IPv6 address"_s.arg(shown(text)));
    }
    QHostAddress address;
    if (!address.setAddress(text.toString()) || address.protocol() != QAbstractSocket::IPv6Protocol)
        return invalid(u"%1 is not a valid IPv6 address"_s.arg(shown(text)));
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    // RFC 3849 2001:db8::/32 and RFC 9637 3fff::/20.
    if (inRange6(bytes, {0x20, 0x01, 0x0d, 0xb8}, 32) || inRange6(bytes, {0x3f, 0xff, 0x00}, 20)) {
        if (m_allowDocumentation)
            return address;
        return invalid(u"%1 is in a documentation range (RFC 3849) and not usable as glue"_s.arg(shown(text)));
    }
    // Only global unicast 2000::/3 (RFC 4291 2.4) is routed publicly; everything else (unspecified,
    // loopback, IPv4-mapped, link-local, unique local, multicast) is refused, with a reason.
    if (!inRange6(bytes, {0x20}, 3)) {
        QString why = u"is not a global unicast address (2000::/3)"_s;
        if (address.isLoopback())
            why = u"is loopback"_s;
        else if (inRange6(bytes, {}, 128))
            why = u"is the unspecified address"_s;
        else if (inRange6(bytes, {0xff}, 8))
            why = u"is multicast"_s;
        else if (inRange6(bytes, {0xfe, 0x80}, 10))
            why = u"is link-local"_s;
        else if (inRange6(bytes, {0xfc}, 7))
            why = u"is a unique local (private) address"_s;
        else if (inRange6(bytes, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}, 96))
            why = u"is an IPv4-mapped address; declare it as ip=\"v4\""_s;
        return invalid(u"%1 %2 and cannot be a public name server address"_s.arg(shown(text), why));
    }
    // Inside 2000::/3 but special-purpose per RFC 6890 and its updates: Teredo 2001::/32, ORCHIDv2
    // 2001:20::/28, benchmarking 2001:2::/48, 6to4 2002::/16 relays no longer exist (RFC 7526).
    if (inRange6(bytes, {0x20, 0x01, 0x00, 0x00}, 32) || inRange6(bytes, {0x20, 0x01, 0x00, 0x02, 0x00, 0x00}, 48)
        || inRange6(bytes, {0x20, 0x01, 0x00, 0x20}, 28) || inRange6(bytes, {0x20, 0x02}, 16))
        return invalid(u"%1 is in a special-purpose IPv6 range (RFC 6890) and cannot be a public name server address"_s.arg(shown(text)));
    return address;
}

} // namespace reg::srs
