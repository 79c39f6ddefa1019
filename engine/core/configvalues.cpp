#include "configvalues.h"


#include <limits>

namespace reg {
namespace {

Error invalid(const QString &message) { return Error(ErrorCode::InvalidInput, message); }

// Parses "<digits><unit>" where unit multiplies; refuses overflow instead of wrapping.
Result<qint64> parseWithUnit(const QString &text, qint64 min, qint64 max, const QString &what,
                             const QList<std::pair<QChar, qint64>> &units)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.size() > 24)
        return invalid(QStringLiteral("expected a %1, got \"%2\"").arg(what, t.left(24)));
    qint64 multiplier = 1;
    QString digits = t;
    const QChar last = t.back().toLower();
    if (!last.isDigit()) {
        bool known = false;
        for (const auto &[unit, factor] : units) {
            if (unit == last) {
                multiplier = factor;
                known = true;
            }
        }
        if (!known)
            return invalid(QStringLiteral("unknown unit in %1 \"%2\"").arg(what, t));
        digits.chop(1);
    }
    for (QChar c : std::as_const(digits)) {
        if (!c.isDigit() || c.unicode() > 127)
            return invalid(QStringLiteral("expected a %1, got \"%2\"").arg(what, t));
    }
    bool ok = false;
    const qint64 number = digits.toLongLong(&ok);
    if (!ok || digits.isEmpty() || number > std::numeric_limits<qint64>::max() / multiplier)
        return invalid(QStringLiteral("%1 \"%2\" is out of range").arg(what, t));
    const qint64 value = number * multiplier;
    if (value < min || value > max)
        return invalid(QStringLiteral("%1 \"%2\" must be between %3 and %4").arg(what, t).arg(min).arg(max));
    return value;
}

} // namespace

Result<ListenAddress> ListenAddress::parse(const QString &text)
{
    const QString t = text.trimmed();
    QString host;
    QString port;
    if (t.startsWith(u'[')) {
        const qsizetype close = t.indexOf(u']');
        if (close < 0 || close + 1 >= t.size() || t[close + 1] != u':')
            return invalid(QStringLiteral("expected \"[ipv6]:port\", got \"%1\"").arg(t.left(64)));
        host = t.mid(1, close - 1);
        port = t.mid(close + 2);
    } else {
        const qsizetype colon = t.lastIndexOf(u':');
        if (colon <= 0 || t.indexOf(u':') != colon)
            return invalid(QStringLiteral("expected \"address:port\" (IPv6 in brackets), got \"%1\"").arg(t.left(64)));
        host = t.left(colon);
        port = t.mid(colon + 1);
    }
    QHostAddress address;
    if (!address.setAddress(host) || (t.startsWith(u'[') && address.protocol() != QAbstractSocket::IPv6Protocol))
        return invalid(QStringLiteral("\"%1\" is not an IP address (host names are not accepted for listeners)").arg(host.left(64)));
    const Result<qint64> number = ConfigValue::parseInteger(port, 0, 65535);
    if (!number)
        return invalid(QStringLiteral("bad port in \"%1\": %2").arg(t.left(64), number.error().message));
    return ListenAddress{address, quint16(*number)};
}

QString ListenAddress::toString() const
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

namespace ConfigValue {

Result<bool> parseBool(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"yes" || t == u"on" || t == u"1")
        return true;
    if (t == u"false" || t == u"no" || t == u"off" || t == u"0")
        return false;
    return invalid(QStringLiteral("expected true or false, got \"%1\"").arg(text.left(24)));
}

Result<qint64> parseInteger(const QString &text, qint64 min, qint64 max)
{
    return parseWithUnit(text, min, max, QStringLiteral("number"), {});
}

Result<qint64> parseDurationSeconds(const QString &text, qint64 min, qint64 max)
{
    return parseWithUnit(text, min, max, QStringLiteral("duration"),
                         {{u's', 1}, {u'm', 60}, {u'h', 3600}, {u'd', 86400}, {u'w', 7 * 86400}});
}

Result<qint64> parseByteSize(const QString &text, qint64 min, qint64 max)
{
    return parseWithUnit(text, min, max, QStringLiteral("size"),
                         {{u'k', 1024}, {u'm', 1024 * 1024}, {u'g', 1024LL * 1024 * 1024}});
}

} // namespace ConfigValue
} // namespace reg
