#include "whoisquery.h"

#include <QStringDecoder>
#include <QUrl>

#include <algorithm>

namespace reg::whois {
namespace {

constexpr qsizetype maxNameLength = 253;      // RFC 1035 2.3.4, without the trailing dot
constexpr qsizetype maxLabelLength = 63;
constexpr qsizetype maxRegistrarLength = 255;
constexpr qsizetype maxEchoLength = 255;

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}

bool isLdhLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > maxLabelLength)
        return false;
    if (label.front() == u'-' || label.back() == u'-')
        return false;
    for (QChar c : label) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'))
            return false;
    }
    return true;
}

// The A-label form of a domain or host name, or an error saying what is wrong with it.
Result<QString> toALabels(QString name)
{
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name.isEmpty())
        return invalid(QStringLiteral("the name is empty"));
    if (name.size() > maxNameLength * 4)   // no valid name is longer, whatever its script
        return invalid(QStringLiteral("the name is too long"));
    // IDNA processing only when there is something to convert or check: a plain ASCII name
    // without an A-label only needs lower case (and the LDH checks below).
    const bool plain = std::all_of(name.cbegin(), name.cend(), [](QChar c) { return c.unicode() < 0x80; })
                       && !name.contains(u"xn--", Qt::CaseInsensitive);
    QString lower;
    if (plain) {
        lower = name.toLower();
    } else {
        const QByteArray ace = QUrl::toAce(name, QUrl::IgnoreIDNWhitelist);
        if (ace.isEmpty())
            return invalid(QStringLiteral("\"%1\" is not a valid domain name").arg(name));
        lower = QString::fromLatin1(ace).toLower();
    }
    if (lower.size() > maxNameLength)
        return invalid(QStringLiteral("the name is longer than %1 characters").arg(maxNameLength));
    const QList<QStringView> labels = QStringView(lower).split(u'.');
    if (labels.size() < 2)
        return invalid(QStringLiteral("\"%1\" is not a domain name: a name has at least two labels (example.tld)").arg(name));
    for (QStringView label : labels) {
        if (!isLdhLabel(label))
            return invalid(QStringLiteral("\"%1\" is not a valid domain name: each label is 1-63 letters, digits or "
                                          "hyphens, not beginning or ending with a hyphen").arg(name));
    }
    return lower;
}

Result<QHostAddress> toAddress(const QString &text)
{
    QHostAddress address;
    if (!address.setAddress(text) || !address.scopeId().isEmpty())
        return invalid(QStringLiteral("\"%1\" is not an IPv4 or IPv6 address").arg(text));
    return address;
}

bool looksLikeAddress(const QString &token)
{
    if (token.contains(u':'))
        return true;   // no domain name has a colon
    for (QChar c : token) {
        if (!(c.isDigit() || c == u'.'))
            return false;
    }
    return true;       // only digits and dots: a dotted quad (a name of digits only has no TLD)
}

} // namespace

const char *WhoisQuery::typeName(Type type)
{
    switch (type) {
    case Type::Domain: return "domain";
    case Type::Host: return "host";
    case Type::Address: return "address";
    case Type::Registrar: return "registrar";
    case Type::Registrars: return "registrars";
    case Type::Help: return "help";
    }
    return "invalid";
}

WhoisLineScan scanWhoisLine(QByteArrayView received, int maxBytes)
{
    const qsizetype limit = qMax(0, maxBytes);
    // The terminator may follow the last allowed byte: look at most limit + 2 bytes (CR LF) far.
    const qsizetype window = qMin(received.size(), limit + 2);
    const qsizetype lf = received.first(window).indexOf('\n');
    if (lf >= 0) {
        const qsizetype content = (lf > 0 && received[lf - 1] == '\r') ? lf - 1 : lf;
        if (content > limit)
            return {WhoisLineScan::State::TooLong, 0};
        return {WhoisLineScan::State::Complete, lf + 1};
    }
    if (received.size() > limit + 1)   // limit bytes and a CR may still be followed by LF
        return {WhoisLineScan::State::TooLong, 0};
    if (received.size() == limit + 1 && received.back() != '\r')
        return {WhoisLineScan::State::TooLong, 0};
    return {WhoisLineScan::State::Incomplete, 0};
}

Result<WhoisQuery> parseWhoisQuery(QByteArrayView line, int maxBytes)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.size() > maxBytes)
        return Error(ErrorCode::TooLarge, QStringLiteral("the query is longer than %1 bytes").arg(maxBytes));
    for (char c : line) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && b != '\t') || b == 0x7f)
            return invalid(QStringLiteral("the query contains a control character (byte 0x%1); send one line of text")
                               .arg(uint(b), 2, 16, QLatin1Char('0')));
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(line);
    if (decoder.hasError())
        return invalid(QStringLiteral("the query is not valid UTF-8"));
    for (QChar c : text) {
        if (c != u'\t' && (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format))
            return invalid(QStringLiteral("the query contains a control character (U+%1)")
                               .arg(uint(c.unicode()), 4, 16, QLatin1Char('0')));
    }

    QStringList tokens = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (tokens.isEmpty())
        return invalid(QStringLiteral("the query is empty"));

    WhoisQuery query;
    query.text = tokens.join(u' ').left(maxEchoLength);
    if (tokens.size() > 1 && tokens.front().compare(u"xml", Qt::CaseInsensitive) == 0) {
        query.xml = true;
        tokens.removeFirst();
    }
    const QString keyword = tokens.front().toLower();
    const qsizetype arguments = tokens.size() - 1;
    const auto nameQuery = [&](WhoisQuery::Type type, const QString &name) -> Result<WhoisQuery> {
        Result<QString> ace = toALabels(name);
        if (!ace)
            return ace.error();
        query.type = type;
        query.name = *ace;
        query.unicodeName = ace->contains(u"xn--") ? QUrl::fromAce(ace->toLatin1(), QUrl::IgnoreIDNWhitelist) : *ace;
        return query;
    };
    const auto addressQuery = [&](const QString &candidate) -> Result<WhoisQuery> {
        Result<QHostAddress> address = toAddress(candidate);
        if (!address)
            return address.error();
        query.type = WhoisQuery::Type::Address;
        query.address = *address;
        return query;
    };

    if (arguments == 0) {
        if (keyword == u"help" || keyword == u"?") {
            query.type = WhoisQuery::Type::Help;
            return query;
        }
        if (keyword == u"registrars") {
            query.type = WhoisQuery::Type::Registrars;
            return query;
        }
        if (keyword == u"domain" || keyword == u"nameserver" || keyword == u"host" || keyword == u"registrar"
            || keyword == u"address")
            return invalid(QStringLiteral("\"%1\" needs an argument (send \"help\" for the query syntax)").arg(keyword));
        if (looksLikeAddress(tokens.front()))
            return addressQuery(tokens.front());
        return nameQuery(WhoisQuery::Type::Domain, tokens.front());
    }
    if (keyword == u"registrar") {
        const QString idOrName = tokens.mid(1).join(u' ');
        if (idOrName.size() > maxRegistrarLength)
            return invalid(QStringLiteral("a registrar id or name has at most %1 characters").arg(maxRegistrarLength));
        query.type = WhoisQuery::Type::Registrar;
        query.name = idOrName;
        return query;
    }
    if (arguments > 1)
        return invalid(QStringLiteral("unexpected \"%1\": send \"help\" for the query syntax").arg(tokens.at(2).left(64)));
    if (keyword == u"domain")
        return nameQuery(WhoisQuery::Type::Domain, tokens.at(1));
    if (keyword == u"nameserver" || keyword == u"host")
        return nameQuery(WhoisQuery::Type::Host, tokens.at(1));
    if (keyword == u"address")
        return addressQuery(tokens.at(1));
    return invalid(QStringLiteral("unknown keyword \"%1\": send \"help\" for the query syntax").arg(tokens.front().left(64)));
}

} // namespace reg::whois
