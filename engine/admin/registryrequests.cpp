#include "registryrequests.h"

#include <QSet>
#include <QUrlQuery>

namespace reg::admin::RegistryRequests {
namespace {

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}

bool isNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.';
}

bool isPrintableAscii(QChar c)
{
    return c.unicode() > 0x20 && c.unicode() < 0x7f;
}

} // namespace

Result<QList<std::pair<QString, QString>>> checkedItems(const QUrlQuery &query, const QStringList &expected)
{
    QList<std::pair<QString, QString>> items;
    QSet<QString> seen;
    const auto raw = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : raw) {
        if (!expected.contains(key))
            return invalid(QStringLiteral("unknown parameter \"%1\"; expected %2").arg(key.left(64), expected.join(QStringLiteral(", "))));
        if (seen.contains(key))
            return invalid(QStringLiteral("the parameter \"%1\" is given twice").arg(key));
        seen.insert(key);
        items.append({key, value});
    }
    return items;
}

Result<int> parseLimit(const QString &value, int maximum)
{
    bool ok = false;
    const int limit = value.toInt(&ok);
    if (!ok || limit < 1 || limit > maximum)
        return invalid(QStringLiteral("\"limit\" must be a number from 1 to %1").arg(maximum));
    return limit;
}

QString typeName(ObjectType type)
{
    switch (type) {
    case ObjectType::Domain: return QStringLiteral("domain");
    case ObjectType::Host: return QStringLiteral("host");
    case ObjectType::Contact: return QStringLiteral("contact");
    case ObjectType::Registrar: return QStringLiteral("registrar");
    }
    return {};
}

Result<Search> parseSearch(const QUrlQuery &query)
{
    Result<QList<std::pair<QString, QString>>> items =
        checkedItems(query, {QStringLiteral("q"), QStringLiteral("type"), QStringLiteral("match"), QStringLiteral("limit"),
                             QStringLiteral("cursor")});
    if (!items)
        return items.error();
    Search search;
    bool haveText = false;
    QString cursor;
    for (const auto &[key, value] : std::as_const(*items)) {
        if (key == u"q") {
            const QString text = value.trimmed();
            if (text.isEmpty())
                return invalid(QStringLiteral("\"q\" must not be empty"));
            if (text.size() > maxSearchTextLength)
                return invalid(QStringLiteral("\"q\" is longer than %1 characters").arg(maxSearchTextLength));
            for (QChar c : text) {
                if (!isPrintableAscii(c))
                    return invalid(QStringLiteral("\"q\" may hold only printable ASCII characters without spaces "
                                                  "(domain and host names in their A-label form)"));
            }
            search.text = text;
            haveText = true;
        } else if (key == u"type") {
            if (value == u"domain")
                search.type = ObjectType::Domain;
            else if (value == u"host")
                search.type = ObjectType::Host;
            else if (value == u"contact")
                search.type = ObjectType::Contact;
            else if (value == u"registrar")
                search.type = ObjectType::Registrar;
            else
                return invalid(QStringLiteral("\"type\" must be one of domain, host, contact, registrar"));
        } else if (key == u"match") {
            if (value == u"prefix")
                search.match = Match::Prefix;
            else if (value == u"contains")
                search.match = Match::Contains;
            else
                return invalid(QStringLiteral("\"match\" must be prefix or contains"));
        } else if (key == u"limit") {
            Result<int> limit = parseLimit(value, maxSearchLimit);
            if (!limit)
                return limit.error();
            search.limit = *limit;
        } else if (key == u"cursor") {
            cursor = value;
        }
    }
    if (!haveText)
        return invalid(QStringLiteral("the parameter \"q\" (what to search for) is missing"));
    if (search.type == ObjectType::Domain || search.type == ObjectType::Host)
        search.text = search.text.toLower();
    if (!cursor.isEmpty()) {
        if (cursor.size() > maxCursorLength)
            return invalid(QStringLiteral("\"cursor\" is not a cursor this server handed out"));
        const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding
                                                                                   | QByteArray::AbortOnBase64DecodingErrors);
        const QString key = decoded ? QString::fromUtf8(*decoded) : QString();
        if (!decoded || key.isEmpty() || cursor.toLatin1() != encodeCursor(key).toLatin1())
            return invalid(QStringLiteral("\"cursor\" is not a cursor this server handed out"));
        search.after = key;
    }
    return search;
}

Result<Page> parsePage(const QUrlQuery &query)
{
    Result<QList<std::pair<QString, QString>>> items = checkedItems(query, {QStringLiteral("before"), QStringLiteral("limit")});
    if (!items)
        return items.error();
    Page page;
    for (const auto &[key, value] : std::as_const(*items)) {
        if (key == u"before") {
            bool ok = false;
            const qint64 before = value.toLongLong(&ok);
            if (!ok || before < 1)
                return invalid(QStringLiteral("\"before\" must be a row id of 1 or more"));
            page.before = before;
        } else {
            Result<int> limit = parseLimit(value, maxPageLimit);
            if (!limit)
                return limit.error();
            page.limit = *limit;
        }
    }
    return page;
}

Result<void> parseNoParameters(const QUrlQuery &query)
{
    if (!query.isEmpty())
        return invalid(QStringLiteral("this endpoint takes no query parameters"));
    return success();
}

Result<QString> parseObjectName(const QString &segment)
{
    if (segment.isEmpty() || segment.size() > 253)
        return invalid(QStringLiteral("a domain or host name has 1 to 253 characters"));
    for (QChar c : segment) {
        if (!isNameCharacter(c))
            return invalid(QStringLiteral("a domain or host name holds only letters, digits, '-' and '.' (A-labels for IDNs)"));
    }
    return segment.toLower();
}

Result<QString> parseObjectId(const QString &segment)
{
    if (segment.isEmpty() || segment.size() > 64)
        return invalid(QStringLiteral("an object id has 1 to 64 characters"));
    for (QChar c : segment) {
        if (!isPrintableAscii(c) || c == u'/')
            return invalid(QStringLiteral("an object id holds only printable ASCII characters"));
    }
    return segment;
}

QString encodeCursor(const QString &key)
{
    return QString::fromLatin1(key.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace reg::admin::RegistryRequests
