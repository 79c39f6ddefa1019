#include "dnsname.h"

#include <QHashFunctions>

#include <algorithm>
#include <cstring>

namespace reg::dns {

namespace WireName {

std::size_t validLength(const std::uint8_t *data, std::size_t size)
{
    std::size_t pos = 0;
    while (pos < size) {
        const std::uint8_t length = data[pos];
        if (length > kMaxLabelLength)
            return 0;   // a compression pointer or a reserved label type
        pos += 1 + std::size_t(length);
        if (pos > kMaxNameWireLength)
            return 0;
        if (length == 0)
            return pos;
    }
    return 0;
}

void copyLowered(std::uint8_t *dst, const std::uint8_t *src, std::size_t length)
{
    for (std::size_t i = 0; i < length; ++i)
        dst[i] = lowerAscii(src[i]);
}

bool equalIgnoringCase(const std::uint8_t *a, const std::uint8_t *b, std::size_t length)
{
    for (std::size_t i = 0; i < length; ++i) {
        if (lowerAscii(a[i]) != lowerAscii(b[i]))
            return false;
    }
    return true;
}

std::uint64_t hashLowered(const std::uint8_t *lowered, std::size_t length)
{
    // FNV-1a with a final avalanche (from splitmix64) so the low bits spread well for bucketing.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (std::size_t i = 0; i < length; ++i) {
        h ^= lowered[i];
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

} // namespace WireName

namespace {

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}

int digitValue(QChar c)
{
    return (c >= u'0' && c <= u'9') ? c.unicode() - u'0' : -1;
}

} // namespace

DnsName::DnsName() : m_wire(1, '\0') {}

Result<DnsName> DnsName::fromText(QStringView text)
{
    if (text.isEmpty())
        return invalid(QStringLiteral("a domain name cannot be empty"));
    if (text == u".")
        return DnsName();
    QByteArray wire;
    wire.reserve(std::min<qsizetype>(text.size() + 2, kMaxNameWireLength));
    QByteArray label;
    const auto endLabel = [&]() -> std::optional<Error> {
        if (label.isEmpty())
            return invalid(QStringLiteral("\"%1\" has an empty label").arg(text.left(300)));
        if (std::size_t(label.size()) > kMaxLabelLength)
            return invalid(QStringLiteral("\"%1\" has a label longer than 63 bytes").arg(text.left(300)));
        wire.append(char(label.size()));
        wire.append(label);
        label.clear();
        if (std::size_t(wire.size()) + 1 > kMaxNameWireLength)
            return invalid(QStringLiteral("\"%1\" is longer than 255 bytes in wire form").arg(text.left(300)));
        return std::nullopt;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.unicode() > 0x7e || c.unicode() < 0x21)
            return invalid(QStringLiteral("\"%1\" contains a character that is not printable ASCII; give IDNs as A-labels")
                               .arg(text.left(300)));
        if (c == u'.') {
            if (auto e = endLabel())
                return *e;
            continue;
        }
        if (c == u'\\') {
            if (i + 1 >= text.size())
                return invalid(QStringLiteral("\"%1\" ends with a lone backslash").arg(text.left(300)));
            if (digitValue(text[i + 1]) >= 0) {
                const int d1 = digitValue(text[i + 1]);
                const int d2 = i + 2 < text.size() ? digitValue(text[i + 2]) : -1;
                const int d3 = i + 3 < text.size() ? digitValue(text[i + 3]) : -1;
                if (d2 < 0 || d3 < 0 || d1 * 100 + d2 * 10 + d3 > 255)
                    return invalid(QStringLiteral("\"%1\" has a malformed \\DDD escape").arg(text.left(300)));
                label.append(char(d1 * 100 + d2 * 10 + d3));
                i += 3;
            } else {
                label.append(char(text[i + 1].unicode()));
                ++i;
            }
        } else {
            label.append(char(c.unicode()));
        }
        if (std::size_t(label.size()) > kMaxLabelLength)
            return invalid(QStringLiteral("\"%1\" has a label longer than 63 bytes").arg(text.left(300)));
    }
    if (!label.isEmpty()) {
        if (auto e = endLabel())
            return *e;
    }
    wire.append('\0');
    return DnsName(std::move(wire));
}

Result<DnsName> DnsName::fromWire(const QByteArray &wire)
{
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(wire.constData());
    const std::size_t length = WireName::validLength(bytes, std::size_t(wire.size()));
    if (length == 0 || length != std::size_t(wire.size()))
        return invalid(QStringLiteral("not one uncompressed domain name in wire form"));
    return DnsName(wire);
}

QString DnsName::toText() const
{
    if (isRoot())
        return QStringLiteral(".");
    QString out;
    out.reserve(m_wire.size() + 1);
    const std::uint8_t *p = data();
    while (*p != 0) {
        const std::uint8_t length = *p++;
        for (std::uint8_t i = 0; i < length; ++i, ++p) {
            const std::uint8_t c = *p;
            if (c == '.' || c == '\\' || c == '"' || c == '(' || c == ')' || c == ';' || c == '@' || c == '$') {
                out += u'\\';
                out += QLatin1Char(char(c));
            } else if (c < 0x21 || c > 0x7e) {
                out += QStringLiteral("\\%1").arg(int(c), 3, 10, QLatin1Char('0'));
            } else {
                out += QLatin1Char(char(c));
            }
        }
        out += u'.';
    }
    return out;
}

int DnsName::labelCount() const
{
    int count = 0;
    for (const std::uint8_t *p = data(); *p != 0; p += 1 + *p)
        ++count;
    return count;
}

DnsName DnsName::lowered() const
{
    QByteArray out(m_wire.size(), Qt::Uninitialized);
    WireName::copyLowered(reinterpret_cast<std::uint8_t *>(out.data()), data(), size());
    return DnsName(std::move(out));
}

DnsName DnsName::parent() const
{
    if (isRoot())
        return *this;
    return DnsName(m_wire.mid(1 + std::uint8_t(m_wire[0])));
}

bool DnsName::isSubdomainOf(const DnsName &ancestor) const
{
    if (ancestor.size() > size())
        return false;
    // Walk label boundaries until the remaining suffix is as long as the ancestor; it must start
    // on a boundary to be a label-wise match.
    const std::uint8_t *p = data();
    std::size_t remaining = size();
    while (remaining > ancestor.size()) {
        remaining -= 1 + std::size_t(*p);
        p += 1 + *p;
    }
    return remaining == ancestor.size() && WireName::equalIgnoringCase(p, ancestor.data(), remaining);
}

Result<DnsName> DnsName::withPrefix(const QByteArray &label) const
{
    if (label.isEmpty() || std::size_t(label.size()) > kMaxLabelLength)
        return invalid(QStringLiteral("a label must be 1 to 63 bytes"));
    if (std::size_t(label.size()) + 1 + size() > kMaxNameWireLength)
        return invalid(QStringLiteral("the name would be longer than 255 bytes"));
    QByteArray wire;
    wire.reserve(label.size() + 1 + m_wire.size());
    wire.append(char(label.size()));
    wire.append(label);
    wire.append(m_wire);
    return DnsName(std::move(wire));
}

bool DnsName::operator==(const DnsName &other) const
{
    return size() == other.size() && WireName::equalIgnoringCase(data(), other.data(), size());
}

bool DnsName::canonicalLess(const DnsName &other) const
{
    // Collect label offsets, then compare from the last (closest to the root) label on.
    const auto offsets = [](const DnsName &n, std::uint8_t *out) {
        int count = 0;
        for (std::size_t pos = 0; n.data()[pos] != 0; pos += 1 + n.data()[pos])
            out[count++] = std::uint8_t(pos);
        return count;
    };
    std::uint8_t a[kMaxLabels], b[kMaxLabels];
    int na = offsets(*this, a), nb = offsets(other, b);
    while (na > 0 && nb > 0) {
        const std::uint8_t *la = data() + a[--na];
        const std::uint8_t *lb = other.data() + b[--nb];
        const std::size_t common = std::min(la[0], lb[0]);
        for (std::size_t i = 1; i <= common; ++i) {
            const std::uint8_t ca = WireName::lowerAscii(la[i]), cb = WireName::lowerAscii(lb[i]);
            if (ca != cb)
                return ca < cb;
        }
        if (la[0] != lb[0])
            return la[0] < lb[0];
    }
    return na < nb;
}

std::size_t qHash(const DnsName &name, std::size_t seed)
{
    const DnsName lowered = name.lowered();
    return std::size_t(WireName::hashLowered(lowered.data(), lowered.size())) ^ seed;
}

} // namespace reg::dns
