#include "directorynames.h"

#include "srs/domainname.h"

#include <QUrl>

namespace reg::directory {
namespace {

// Longer than any name in U-label form can be (253 octets of A-labels).
constexpr qsizetype kMaxInput = 1024;

Error invalid(const QString &why)
{
    return Error(ErrorCode::InvalidInput, why);
}

bool isAscii(QStringView s)
{
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c.unicode() < 0x80; });
}

bool isLdh(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
}

// A-label form of a name that may hold U-labels; empty when it cannot be converted.
QString toAce(QStringView name)
{
    if (isAscii(name))
        return name.toString();
    return QString::fromLatin1(QUrl::toAce(name.toString(), QUrl::IgnoreIDNWhitelist));
}

} // namespace

Result<QString> normalizeName(QStringView input)
{
    if (input.size() > kMaxInput)
        return invalid(QStringLiteral("the name is too long"));
    if (input.endsWith(u'.'))
        input.chop(1);
    if (input.endsWith(u'.'))
        return invalid(QStringLiteral("the name has an empty label"));
    const QString ace = toAce(input);
    if (ace.isEmpty())
        return invalid(QStringLiteral("the name is not a valid domain name"));
    Result<srs::DomainName> name = srs::DomainName::parse(ace);
    if (!name)
        return invalid(name.error().message);
    return name->toString();
}

Result<NamePattern> parseNamePattern(QStringView input)
{
    if (input.size() > kMaxInput)
        return invalid(QStringLiteral("the pattern is too long"));
    if (input.endsWith(u'.'))
        input.chop(1);
    const qsizetype star = input.indexOf(u'*');
    if (star < 0)
        return invalid(QStringLiteral("a search pattern has one '*'"));
    if (input.indexOf(u'*', star + 1) >= 0)
        return invalid(QStringLiteral("a search pattern has only one '*'"));
    const qsizetype firstDot = input.indexOf(u'.');
    if (firstDot >= 0 && firstDot < star)
        return invalid(QStringLiteral("the '*' of a search pattern must be in its leftmost label"));
    NamePattern p;
    p.prefix = input.first(star).toString().toLower();
    if (p.prefix.isEmpty())
        return invalid(QStringLiteral("a search pattern needs at least one character before '*'"));
    QStringView rest = input.sliced(star + 1);
    const qsizetype dot = rest.indexOf(u'.');
    QString labelRest = (dot < 0 ? rest : rest.first(dot)).toString().toLower();
    for (const QString &part : {p.prefix, labelRest}) {
        if (!std::all_of(part.cbegin(), part.cend(), isLdh))
            return invalid(QStringLiteral("the leftmost label of a search pattern holds only letters, digits and '-' (A-labels)"));
    }
    p.suffix = labelRest;
    p.spansLabels = dot < 0;
    if (dot >= 0) {
        Result<QString> domain = normalizeName(rest.sliced(dot + 1));
        if (!domain) {
            // A single label (a TLD) is a valid place to search under.
            const QString tld = toAce(rest.sliced(dot + 1)).toLower();
            if (tld.isEmpty() || tld.size() > 63 || !std::all_of(tld.cbegin(), tld.cend(), isLdh))
                return invalid(domain.error().message);
            p.suffix += u'.' + tld;
        } else {
            p.suffix += u'.' + *domain;
        }
    }
    if (p.prefix.size() + p.suffix.size() > 253)
        return invalid(QStringLiteral("the pattern is too long"));
    p.from = p.prefix;
    p.to = p.prefix;
    // The prefix is [a-z0-9-]: its last character plus one bounds the range, and stays ASCII.
    p.to.back() = QChar(p.to.back().unicode() + 1);
    return p;
}

bool NamePattern::matches(QStringView name) const
{
    if (name.size() < prefix.size() + suffix.size() || !name.startsWith(prefix) || !name.endsWith(suffix))
        return false;
    // '*' stays inside the leftmost label.
    const QStringView middle = name.sliced(prefix.size(), name.size() - prefix.size() - suffix.size());
    return spansLabels || !middle.contains(u'.');
}

} // namespace reg::directory
