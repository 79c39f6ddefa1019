#include "rdappath.h"

#include <QList>
#include <QStringDecoder>
#include <QUrl>

namespace reg::rdap {
namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Percent-decodes one path segment or query value into UTF-8 text; false on a broken escape,
// invalid UTF-8 or a control character (none belongs in a name, handle or address).
bool decodeComponent(QByteArrayView in, QString *out)
{
    QByteArray bytes;
    bytes.reserve(in.size());
    bool ascii = true;
    for (qsizetype i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size())
                return false;
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            c = char(hi * 16 + lo);
            i += 2;
        }
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            return false;
        ascii = ascii && u < 0x80;
        bytes.append(c);
    }
    if (ascii) {   // nearly every query: no decoder needed
        *out = QString::fromLatin1(bytes);
        return true;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = utf8(bytes);
    return !utf8.hasError();
}

RdapPath error(int status, const QString &message)
{
    RdapPath p;
    p.kind = RdapPath::Kind::Error;
    p.status = status;
    p.message = message;
    return p;
}

bool isLdhLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > 63 || label.front() == u'-' || label.back() == u'-')
        return false;
    for (QChar c : label) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'))
            return false;
    }
    return true;
}

bool isAscii(QStringView s)
{
    for (QChar c : s) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return true;
}

// A search pattern (RFC 9082 4.1): "prefix*.rest" or a plain name; the '*' label is ASCII (a
// partial U-label has no A-label prefix to compare), the rest is normalised like any name.
QString normalizePattern(const QString &pattern, QString *why)
{
    const qsizetype star = pattern.indexOf(u'*');
    if (star < 0)
        return normalizeDomainName(pattern, why);
    if (pattern.indexOf(u'*', star + 1) >= 0) {
        *why = QStringLiteral("a search pattern may hold one '*' only");
        return {};
    }
    const qsizetype dot = pattern.indexOf(u'.');
    if (dot < 0 || star != dot - 1) {
        *why = QStringLiteral("'*' may only end the leftmost label of a search pattern, followed by the rest of the name");
        return {};
    }
    const QString prefix = pattern.first(star).toLower();
    if (prefix.isEmpty()) {
        *why = QStringLiteral("a search pattern needs at least one character before '*'");
        return {};
    }
    if (!isAscii(prefix)) {
        *why = QStringLiteral("the partial label of a search pattern must be given as an A-label (ASCII)");
        return {};
    }
    for (QChar c : prefix) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-') || prefix.front() == u'-') {
            *why = QStringLiteral("the partial label holds a character that is not a letter, digit or hyphen");
            return {};
        }
    }
    if (prefix.size() > 62) {
        *why = QStringLiteral("the partial label is too long");
        return {};
    }
    const QString rest = normalizeDomainName(pattern.sliced(dot + 1), why);
    if (rest.isEmpty())
        return {};
    return prefix + u"*." + rest;
}

// The parameters of a search query; false when malformed or a parameter repeats.
bool parseQuery(QByteArrayView query, QList<QPair<QByteArray, QString>> *params, QString *why)
{
    if (query.isEmpty())
        return true;
    qsizetype start = 0;
    while (start <= query.size()) {
        qsizetype end = query.indexOf('&', start);
        if (end < 0)
            end = query.size();
        const QByteArrayView pair = query.sliced(start, end - start);
        start = end + 1;
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArrayView key = eq < 0 ? pair : pair.first(eq);
        QString value;
        if (!decodeComponent(eq < 0 ? QByteArrayView() : pair.sliced(eq + 1), &value)) {
            *why = QStringLiteral("a query parameter is not valid percent-encoded UTF-8");
            return false;
        }
        for (const auto &p : std::as_const(*params)) {
            if (p.first == key) {
                *why = QStringLiteral("the query parameter \"%1\" appears more than once").arg(QString::fromLatin1(key));
                return false;
            }
        }
        if (params->size() >= 8) {
            *why = QStringLiteral("too many query parameters");
            return false;
        }
        params->append({key.toByteArray(), value});
        if (end == query.size())
            break;
    }
    return true;
}

RdapPath searchPath(RdapPath::Kind kind, const QString &pattern)
{
    QString why;
    const QString normalized = normalizePattern(pattern, &why);
    if (normalized.isEmpty())
        return error(400, why);
    RdapPath p;
    p.kind = kind;
    p.name = normalized;
    return p;
}

} // namespace

const char *RdapPath::typeName() const
{
    switch (kind) {
    case Kind::Domain:
        return "domain";
    case Kind::Nameserver:
        return "nameserver";
    case Kind::Entity:
        return "entity";
    case Kind::Help:
        return "help";
    case Kind::DomainSearch:
        return "domains-search";
    case Kind::NameserverSearch:
    case Kind::NameserverByIp:
        return "nameservers-search";
    case Kind::Error:
        break;
    }
    return "other";
}

QString normalizeDomainName(const QString &input, QString *why)
{
    QString name = input;
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name.isEmpty()) {
        *why = QStringLiteral("the name is empty");
        return {};
    }
    if (name.size() > kMaxNameBytes * 2) {
        *why = QStringLiteral("the name is longer than 253 characters");
        return {};
    }
    if (!isAscii(name)) {
        // RFC 9082 3.1.3: U-labels are allowed; compare on A-labels.
        const QByteArray ace = QUrl::toAce(name);
        if (ace.isEmpty()) {
            *why = QStringLiteral("the name is not a valid internationalised domain name");
            return {};
        }
        name = QString::fromLatin1(ace);
    }
    name = name.toLower();
    if (name.size() > kMaxNameBytes) {
        *why = QStringLiteral("the name is longer than 253 characters");
        return {};
    }
    for (QStringView label : QStringView(name).split(u'.')) {
        if (!isLdhLabel(label)) {
            *why = QStringLiteral("the name has a label that is empty, longer than 63 characters, or holds a character "
                                  "other than letters, digits and hyphens");
            return {};
        }
    }
    return name;
}

RdapPath parseRdapPath(QByteArrayView target)
{
    if (target.size() > kMaxRdapTargetBytes)
        return error(414, QStringLiteral("the request target is longer than %1 bytes").arg(kMaxRdapTargetBytes));
    if (target.isEmpty() || target.front() != '/')
        return error(400, QStringLiteral("the request target is not a path"));
    qsizetype queryStart = target.indexOf('?');
    const QByteArrayView path = queryStart < 0 ? target : target.first(queryStart);
    const QByteArrayView query = queryStart < 0 ? QByteArrayView() : target.sliced(queryStart + 1);
    if (qsizetype hash = query.indexOf('#'); hash >= 0)
        return error(400, QStringLiteral("a request target has no fragment"));

    // Split the path on '/' before decoding, so "%2F" stays inside its segment (and fails there).
    QList<QByteArrayView> segments;
    qsizetype start = 1;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        segments.append(path.sliced(start, end - start));
        if (segments.size() > 3)
            return error(400, QStringLiteral("the path has too many segments"));
        start = end + 1;
    }
    if (!segments.isEmpty() && segments.back().isEmpty() && segments.size() > 1)
        segments.removeLast();   // one trailing slash is forgiven
    if (segments.isEmpty() || segments.front().isEmpty())
        return error(400, QStringLiteral("the path names no RDAP query; see /help"));

    const QByteArrayView type = segments.front();
    if (segments.size() == 1) {
        if (type == "help")
            return RdapPath{RdapPath::Kind::Help, {}, {}, 200, {}};
        const bool domains = type == "domains";
        if (domains || type == "nameservers" || type == "entities") {
            QList<QPair<QByteArray, QString>> params;
            QString why;
            if (!parseQuery(query, &params, &why))
                return error(400, why);
            if (type == "entities")
                return error(501, QStringLiteral("entity searches are not served here"));
            if (params.size() != 1)
                return error(400, QStringLiteral("a search takes exactly one parameter: %1")
                                      .arg(domains ? QStringLiteral("name") : QStringLiteral("name or ip")));
            const auto &[key, value] = params.front();
            if (key == "name")
                return searchPath(domains ? RdapPath::Kind::DomainSearch : RdapPath::Kind::NameserverSearch, value);
            if (!domains && key == "ip") {
                QHostAddress address;
                if (value.size() > 64 || !address.setAddress(value) || value.contains(u'%'))
                    return error(400, QStringLiteral("the ip parameter is not an IPv4 or IPv6 address"));
                RdapPath p;
                p.kind = RdapPath::Kind::NameserverByIp;
                p.address = address;
                return p;
            }
            if (domains && (key == "nsLdhName" || key == "nsIp"))
                return error(501, QStringLiteral("domain searches by name server are not served here"));
            return error(400, QStringLiteral("unknown search parameter \"%1\"").arg(QString::fromLatin1(key).left(32)));
        }
    }
    if (segments.size() == 2 && (type == "domain" || type == "nameserver" || type == "entity")) {
        QString value;
        if (!decodeComponent(segments[1], &value))
            return error(400, QStringLiteral("the path is not valid percent-encoded UTF-8"));
        RdapPath p;
        if (type == "entity") {
            if (value.isEmpty() || value.size() > kMaxHandleLength)
                return error(400, QStringLiteral("an entity handle has 1 to %1 characters").arg(kMaxHandleLength));
            // Printable ASCII without spaces, as the registry allows in contact ids (contactrules.h).
            for (QChar c : std::as_const(value)) {
                const char16_t u = c.unicode();
                if (u <= u' ' || u > u'~')
                    return error(400, QStringLiteral("an entity handle holds only printable ASCII characters, no spaces"));
            }
            p.kind = RdapPath::Kind::Entity;
            p.name = value;
            return p;
        }
        QString why;
        p.name = normalizeDomainName(value, &why);
        if (p.name.isEmpty())
            return error(400, why);
        p.kind = type == "domain" ? RdapPath::Kind::Domain : RdapPath::Kind::Nameserver;
        return p;
    }
    if (type == "ip" || type == "autnum")
        return error(501, QStringLiteral("IP network and autonomous system queries are served by the regional internet registries"));
    if (type == "domain" || type == "nameserver" || type == "entity" || type == "help")
        return error(400, QStringLiteral("malformed %1 query").arg(QString::fromLatin1(type)));
    return error(400, QStringLiteral("not an RDAP query served here; see /help"));
}

} // namespace reg::rdap
