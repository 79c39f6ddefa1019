#include "domainname.h"

#include <QUrl>

#include <algorithm>
#include <cstdint>

using namespace Qt::StringLiterals;

namespace reg::srs {

namespace {

constexpr qsizetype kMaxLabel = 63;
constexpr qsizetype kMaxName = 253; // RFC 1035 2.3.4: 255 octets on the wire = 253 in text form

Error invalid(const QString &message) { return {ErrorCode::InvalidInput, message}; }

bool isLdh(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-';
}

// Quotes outside input in messages without letting control characters or megabytes through.
QString quoted(QStringView text)
{
    QString shown = text.left(80).toString();
    for (QChar &c : shown) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u'?';
    }
    return u'"' + shown + (text.size() > 80 ? u"...\""_s : u"\""_s);
}

// RFC 3492 section 6.1.
uint32_t adapt(uint32_t delta, uint32_t numPoints, bool firstTime)
{
    constexpr uint32_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
    delta = firstTime ? delta / damp : delta / 2;
    delta += delta / numPoints;
    uint32_t k = 0;
    while (delta > ((base - tmin) * tmax) / 2) {
        delta /= base - tmin;
        k += base;
    }
    return k + (((base - tmin + 1) * delta) / (delta + skew));
}

} // namespace

Result<QString> decodePunycode(QStringView encoded)
{
    constexpr uint32_t base = 36, tmin = 1, tmax = 26;
    constexpr uint32_t maxInt = 0x7fffffff;
    if (encoded.isEmpty())
        return invalid(u"empty Punycode"_s);

    std::u32string output;
    const qsizetype delimiter = encoded.lastIndexOf(u'-');
    qsizetype in = 0;
    if (delimiter > 0) {
        for (qsizetype j = 0; j < delimiter; ++j) {
            const char16_t c = encoded[j].unicode();
            if (c >= 0x80)
                return invalid(u"Punycode basic part is not ASCII"_s);
            output.push_back(c);
        }
        in = delimiter + 1;
    }

    uint32_t n = 128, i = 0, bias = 72;
    while (in < encoded.size()) {
        const uint32_t oldi = i;
        uint32_t w = 1;
        for (uint32_t k = base;; k += base) {
            if (in >= encoded.size())
                return invalid(u"truncated Punycode"_s);
            const char16_t c = encoded[in++].unicode();
            uint32_t digit;
            if (c >= u'a' && c <= u'z')
                digit = c - u'a';
            else if (c >= u'A' && c <= u'Z')
                digit = c - u'A';
            else if (c >= u'0' && c <= u'9')
                digit = c - u'0' + 26;
            else
                return invalid(u"invalid Punycode digit"_s);
            if (digit > (maxInt - i) / w)
                return invalid(u"Punycode overflow"_s);
            i += digit * w;
            const uint32_t t = k <= bias ? tmin : (k >= bias + tmax ? tmax : k - bias);
            if (digit < t)
                break;
            if (w > maxInt / (base - t))
                return invalid(u"Punycode overflow"_s);
            w *= base - t;
        }
        const uint32_t points = uint32_t(output.size()) + 1;
        bias = adapt(i - oldi, points, oldi == 0);
        if (i / points > maxInt - n)
            return invalid(u"Punycode overflow"_s);
        n += i / points;
        i %= points;
        // A decoded code point must be non-basic, a scalar value, and in the Unicode range.
        if (n < 0x80 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff))
            return invalid(u"Punycode decodes to an invalid code point"_s);
        if (output.size() >= size_t(kMaxLabel))
            return invalid(u"Punycode decodes to too many code points"_s);
        output.insert(output.begin() + i, char32_t(n));
        ++i;
    }
    return QString::fromUcs4(output.data(), qsizetype(output.size()));
}

Result<void> validateLabel(QStringView label)
{
    if (label.isEmpty())
        return invalid(u"empty label"_s);
    if (label.size() > kMaxLabel)
        return invalid(u"label too long (%1 characters, at most 63)"_s.arg(label.size()));
    for (QChar c : label) {
        if (!isLdh(c))
            return invalid(u"label %1 has a character other than a letter, digit or hyphen"_s.arg(quoted(label)));
    }
    if (label.front() == u'-' || label.back() == u'-')
        return invalid(u"label %1 starts or ends with a hyphen"_s.arg(quoted(label)));
    // RFC 5891 4.2.3.1: "--" in positions 3 and 4 is reserved for A-labels ("xn--").
    if (label.size() >= 4 && label[2] == u'-' && label[3] == u'-') {
        if (!label.startsWith(u"xn--"))
            return invalid(u"label %1 has hyphens in positions 3 and 4 but is not an xn-- A-label"_s.arg(quoted(label)));
        const Result<QString> decoded = decodePunycode(label.mid(4));
        if (!decoded)
            return invalid(u"A-label %1 is not valid Punycode: %2"_s.arg(quoted(label), decoded.error().message));
        const QString &ulabel = *decoded;
        // RFC 5891 5.4: the A-label must be the canonical encoding of a valid U-label; IDNA processing of
        // the decoded form must give back exactly this label (refuses disallowed or unmapped code points).
        const QByteArray reencoded = QUrl::toAce(ulabel, QUrl::IgnoreIDNWhitelist);
        if (reencoded.isEmpty() || QLatin1StringView(reencoded) != label)
            return invalid(u"A-label %1 is not the canonical form of a valid IDN label"_s.arg(quoted(label)));
    }
    return success();
}

Result<DomainName> DomainName::parse(QStringView text)
{
    if (text.endsWith(u'.'))
        text.chop(1);
    if (text.isEmpty())
        return invalid(u"empty domain name"_s);
    if (text.size() > kMaxName)
        return invalid(u"name too long (%1 characters, at most 253)"_s.arg(text.size()));
    for (QChar c : text) {
        if (c.unicode() >= 0x80)
            return invalid(u"name %1 is not ASCII; internationalized names must be sent as xn-- A-labels"_s.arg(quoted(text)));
    }
    const QString lower = text.toString().toLower();
    const QStringList parts = lower.split(u'.');
    if (parts.size() < 2)
        return invalid(u"name %1 has a single label; at least two are required"_s.arg(quoted(text)));
    for (const QString &part : parts) {
        if (Result<void> label = validateLabel(part); !label)
            return label.error();
    }
    // RFC 3696 section 2: a top-level label is never all-numeric, so "192.0.2.1" cannot pass as a name.
    const QString &top = parts.constLast();
    if (std::all_of(top.cbegin(), top.cend(), [](QChar c) { return c.isDigit(); }))
        return invalid(u"name %1 has an all-numeric top-level label"_s.arg(quoted(text)));
    return DomainName(lower);
}

Result<DomainName> DomainName::parseRegistrable(QStringView text, const QStringList &tlds)
{
    Result<DomainName> name = parse(text);
    if (!name)
        return name;
    if (Result<void> registrable = name->checkRegistrable(tlds); !registrable)
        return registrable.error();
    return name;
}

QStringList DomainName::labels() const
{
    return m_name.isEmpty() ? QStringList() : m_name.split(u'.');
}

qsizetype DomainName::labelCount() const
{
    return m_name.isEmpty() ? 0 : m_name.count(u'.') + 1;
}

bool DomainName::isAtOrUnder(const DomainName &suffix) const
{
    if (isNull() || suffix.isNull())
        return false;
    if (m_name == suffix.m_name)
        return true;
    return m_name.size() > suffix.m_name.size() && m_name.endsWith(suffix.m_name)
        && m_name[m_name.size() - suffix.m_name.size() - 1] == u'.';
}

Result<QString> DomainName::servingTld(const QStringList &tlds) const
{
    QString best;
    for (const QString &tld : tlds) {
        const QString normal = tld.endsWith(u'.') ? tld.chopped(1).toLower() : tld.toLower();
        if (normal.isEmpty())
            continue;
        const bool under = m_name.size() > normal.size() && m_name.endsWith(normal)
            && m_name[m_name.size() - normal.size() - 1] == u'.';
        if (under && normal.size() > best.size())
            best = normal;
    }
    if (best.isEmpty())
        return invalid(u"%1 is not under a TLD this registry serves"_s.arg(quoted(m_name)));
    return best;
}

bool DomainName::belongsTo(QStringView tld) const
{
    if (tld.endsWith(u'.'))
        tld.chop(1);
    if (isNull() || tld.isEmpty())
        return false;
    const qsizetype dot = m_name.indexOf(u'.');
    return dot > 0 && QStringView(m_name).sliced(dot + 1).compare(tld, Qt::CaseInsensitive) == 0;
}

Result<void> DomainName::checkRegistrable(const QStringList &tlds) const
{
    const Result<QString> tld = servingTld(tlds);
    if (!tld)
        return tld.error();
    const qsizetype tldLabels = tld->count(u'.') + 1;
    if (labelCount() != tldLabels + 1)
        return invalid(u"%1 is not a registrable name: it must be exactly one label under .%2"_s.arg(quoted(m_name), *tld));
    return success();
}

Result<HostName> HostName::parse(QStringView text)
{
    Result<DomainName> name = DomainName::parse(text);
    if (!name)
        return name.error().withContext(u"host name: "_s);
    return HostName(std::move(*name));
}

bool HostName::isSubordinateTo(const DomainName &domain) const
{
    return m_name != domain && m_name.isAtOrUnder(domain);
}

Result<DomainName> HostName::superordinateDomain(const QStringList &tlds) const
{
    const Result<QString> tld = m_name.servingTld(tlds);
    if (!tld)
        return tld.error();
    const qsizetype tldLabels = tld->count(u'.') + 1;
    const QStringList parts = m_name.labels();
    if (parts.size() <= tldLabels + 1)
        return invalid(u"host %1 has no superordinate domain under .%2"_s.arg(quoted(m_name.toString()), *tld));
    const QString domain = parts.sliced(parts.size() - tldLabels - 1).join(u'.');
    return DomainName::parse(domain);
}

} // namespace reg::srs
