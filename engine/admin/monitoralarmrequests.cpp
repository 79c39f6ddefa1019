#include "monitoralarmrequests.h"

#include "apirequests.h"
#include "registryrequests.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace reg::admin::MonitorAlarmRequests {
namespace {

constexpr qsizetype maxScopeIdLength = 64;
constexpr qint64 maxJsonInteger = 9007199254740991LL;   // 2^53 - 1: larger numbers lose digits in a double

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}

// Device ids ("17", "site:ams1") and site codes: short, printable, no spaces or slashes.
bool isScopeId(const QString &text)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9._:-]{1,%1}$"_s.arg(maxScopeIdLength));
    return pattern.match(text).hasMatch();
}

bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

Result<bool> parseBool(const QString &value, const QString &field)
{
    if (value == u"true")
        return true;
    if (value == u"false")
        return false;
    return invalid(u"\"%1\" must be true or false"_s.arg(field));
}

// "limit" into limit: 1 to maxLimit.
Result<void> readLimit(const QString &value, int &limit)
{
    Result<int> parsed = RegistryRequests::parseLimit(value, maxLimit);
    if (!parsed)
        return parsed.error();
    limit = *parsed;
    return success();
}

Result<qint64> parseDecimalId(const QString &text, const QString &what)
{
    static const QRegularExpression number(u"^[1-9][0-9]{0,15}$"_s);
    if (!number.match(text).hasMatch())
        return invalid(u"%1 is a number from 1"_s.arg(what));
    return text.toLongLong();
}

// "ids": 1..500 distinct alarm ids, as JSON integers.
Result<QList<qint64>> parseIds(const QJsonObject &object)
{
    const QJsonValue value = object.value(u"ids"_s);
    if (!value.isArray())
        return invalid(u"\"ids\" must be an array of alarm ids"_s);
    const QJsonArray array = value.toArray();
    if (array.isEmpty() || array.size() > maxIdsPerRequest)
        return invalid(u"\"ids\" must hold from 1 to %1 alarm ids"_s.arg(maxIdsPerRequest));
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const QJsonValue &item : array) {
        const double d = item.toDouble(-1);
        if (!item.isDouble() || d < 1 || d > double(maxJsonInteger) || d != double(qint64(d)))
            return invalid(u"\"ids\" must hold alarm ids, whole numbers from 1"_s);
        const qint64 id = qint64(d);
        if (seen.contains(id))
            return invalid(u"\"ids\" names alarm %1 twice"_s.arg(id));
        seen.insert(id);
        ids.append(id);
    }
    return ids;
}

Result<QString> stringField(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (!value.isString())
        return invalid(u"\"%1\" must be a string"_s.arg(field));
    return value.toString();
}

Result<QStringList> scopeIds(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return QStringList();
    if (!value.isArray())
        return invalid(u"\"%1\" must be an array of strings"_s.arg(field));
    QStringList ids;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString() || !isScopeId(item.toString()))
            return invalid(u"\"%1\" holds ids of 1 to %2 letters, digits and . _ : -"_s.arg(field).arg(maxScopeIdLength));
        if (ids.contains(item.toString()))
            return invalid(u"\"%1\" names \"%2\" twice"_s.arg(field, item.toString()));
        ids.append(item.toString());
        if (ids.size() > 1000)   // MaintenanceWindow::validate() refuses this too; stop reading early
            return invalid(u"\"%1\" holds at most 1000 ids"_s.arg(field));
    }
    return ids;
}

Result<QList<int>> weekdays(const QJsonObject &object)
{
    const QJsonValue value = object.value(u"weekdays"_s);
    if (value.isUndefined())
        return QList<int>();
    if (!value.isArray() || value.toArray().size() > 7)
        return invalid(u"\"weekdays\" must be an array of up to 7 days, 1 (Monday) to 7 (Sunday)"_s);
    QList<int> days;
    for (const QJsonValue &item : value.toArray()) {
        const double d = item.toDouble(0);
        if (!item.isDouble() || d < 1 || d > 7 || d != double(int(d)))
            return invalid(u"\"weekdays\" holds days 1 (Monday) to 7 (Sunday)"_s);
        if (days.contains(int(d)))
            return invalid(u"\"weekdays\" names day %1 twice"_s.arg(int(d)));
        days.append(int(d));
    }
    std::sort(days.begin(), days.end());
    return days;
}

Result<QDateTime> timeField(const QJsonObject &object, const QString &field)
{
    Result<QString> text = stringField(object, field);
    if (!text)
        return text.error();
    return parseTime(*text, field);
}

} // namespace

Result<QDateTime> parseTime(const QString &text, const QString &field)
{
    static const QRegularExpression pattern(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$"_s);
    if (text.size() > 40 || !pattern.match(text).hasMatch())
        return invalid(u"\"%1\" must be an ISO 8601 time with a zone, like 2026-11-21T22:00:00Z"_s.arg(field));
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return invalid(u"\"%1\" is not a valid time"_s.arg(field));
    return time.toUTC();
}

Result<AlarmQuery> parseAlarmQuery(const QUrlQuery &query)
{
    auto items = RegistryRequests::checkedItems(query, {u"state"_s, u"severity"_s, u"device"_s, u"attention"_s, u"from"_s, u"to"_s, u"limit"_s});
    if (!items)
        return items.error();
    AlarmQuery q;
    bool rangeOrLimit = false;
    for (const auto &[key, value] : std::as_const(*items)) {
        if (key == u"state") {
            if (value != u"active" && value != u"cleared")
                return invalid(u"\"state\" must be active or cleared"_s);
            q.cleared = value == u"cleared";
        } else if (key == u"severity") {
            q.minSeverity = monitor::parseSeverity(value);
            if (!q.minSeverity)
                return invalid(u"\"severity\" must be warning, minor, major or critical"_s);
        } else if (key == u"device") {
            if (!isScopeId(value))
                return invalid(u"\"device\" must be a device id"_s);
            q.deviceId = value;
        } else if (key == u"attention") {
            Result<bool> attention = parseBool(value, key);
            if (!attention)
                return attention.error();
            q.attentionOnly = *attention;
        } else if (key == u"limit") {
            if (Result<void> limit = readLimit(value, q.limit); !limit)
                return limit.error();
            rangeOrLimit = true;
        } else {
            Result<QDateTime> time = parseTime(value, key);
            if (!time)
                return time.error();
            (key == u"from" ? q.from : q.to) = *time;
            rangeOrLimit = true;
        }
    }
    if (!q.cleared && rangeOrLimit)
        return invalid(u"\"from\", \"to\" and \"limit\" apply to state=cleared; the active alarms come whole"_s);
    if (q.cleared && q.attentionOnly)
        return invalid(u"\"attention\" applies to active alarms only"_s);
    if (q.from && q.to && *q.to <= *q.from)
        return invalid(u"\"to\" must be after \"from\""_s);
    return q;
}

Result<qint64> parseAlarmId(const QString &segment)
{
    return parseDecimalId(segment, u"an alarm id"_s);
}

Result<qint64> parseWindowId(const QString &segment)
{
    return parseDecimalId(segment, u"a maintenance window id"_s);
}

Result<Acknowledge> parseAcknowledge(const QByteArray &body, const QDateTime &now)
{
    Result<QJsonObject> object = ApiRequests::parseJsonObject(body, {u"ids"_s, u"comment"_s, u"expiresAt"_s});
    if (!object)
        return object.error();
    Acknowledge ack;
    Result<QList<qint64>> ids = parseIds(*object);
    if (!ids)
        return ids.error();
    ack.ids = *ids;
    Result<QString> comment = stringField(*object, u"comment"_s);
    if (!comment)
        return comment.error();
    if (comment->trimmed().isEmpty() || comment->size() > maxCommentLength)
        return invalid(u"\"comment\" must say in 1 to %1 characters why the alarm is taken"_s.arg(maxCommentLength));
    if (hasControlCharacter(*comment))
        return invalid(u"\"comment\" must not hold control characters"_s);
    ack.comment = comment->trimmed();
    if (object->contains(u"expiresAt"_s) && !object->value(u"expiresAt"_s).isNull()) {
        Result<QDateTime> expires = timeField(*object, u"expiresAt"_s);
        if (!expires)
            return expires.error();
        if (*expires <= now)
            return invalid(u"\"expiresAt\" must be in the future"_s);
        if (now.msecsTo(*expires) > maxAcknowledgementMs)
            return invalid(u"\"expiresAt\" may be at most 30 days ahead"_s);
        ack.expiresAt = *expires;
    }
    return ack;
}

Result<QList<qint64>> parseUnacknowledge(const QByteArray &body)
{
    Result<QJsonObject> object = ApiRequests::parseJsonObject(body, {u"ids"_s});
    if (!object)
        return object.error();
    return parseIds(*object);
}

Result<WindowQuery> parseWindowQuery(const QUrlQuery &query, const QDateTime &now)
{
    auto items = RegistryRequests::checkedItems(query, {u"include"_s, u"from"_s, u"to"_s});
    if (!items)
        return items.error();
    WindowQuery q;
    std::optional<QDateTime> from;
    std::optional<QDateTime> to;
    for (const auto &[key, value] : std::as_const(*items)) {
        if (key == u"include") {
            if (value != u"ended")
                return invalid(u"\"include\" takes one value: ended"_s);
            q.includeEnded = true;
            continue;
        }
        Result<QDateTime> time = parseTime(value, key);
        if (!time)
            return time.error();
        (key == u"from" ? from : to) = *time;
    }
    if (!q.includeEnded && (from || to))
        return invalid(u"\"from\" and \"to\" apply with include=ended"_s);
    q.to = to.value_or(now);
    q.from = from.value_or(q.to.addMSecs(-defaultEndedWindowRangeMs));
    if (q.to <= q.from)
        return invalid(u"\"to\" must be after \"from\""_s);
    if (q.from.msecsTo(q.to) > maxWindowRangeMs)
        return invalid(u"\"from\" to \"to\" may cover at most 366 days"_s);
    return q;
}

Result<monitor::MaintenanceWindow> parseWindow(const QByteArray &body, const QDateTime &now)
{
    Result<QJsonObject> object = ApiRequests::parseJsonObject(
        body, {u"title"_s, u"devices"_s, u"sites"_s, u"recurrence"_s, u"start"_s, u"end"_s, u"weekdays"_s, u"until"_s});
    if (!object)
        return object.error();
    monitor::MaintenanceWindow w;
    if (object->contains(u"title"_s)) {
        Result<QString> title = stringField(*object, u"title"_s);
        if (!title)
            return title.error();
        if (hasControlCharacter(*title))
            return invalid(u"\"title\" must not hold control characters"_s);
        w.title = title->trimmed();
    }
    Result<QStringList> devices = scopeIds(*object, u"devices"_s);
    if (!devices)
        return devices.error();
    Result<QStringList> sites = scopeIds(*object, u"sites"_s);
    if (!sites)
        return sites.error();
    w.deviceIds = *devices;
    w.siteIds = *sites;
    if (object->contains(u"recurrence"_s)) {
        Result<QString> name = stringField(*object, u"recurrence"_s);
        if (!name)
            return name.error();
        const auto recurrence = monitor::parseRecurrence(*name);
        if (!recurrence)
            return invalid(u"\"recurrence\" must be none, daily or weekly"_s);
        w.recurrence = *recurrence;
    }
    Result<QDateTime> start = timeField(*object, u"start"_s);
    if (!start)
        return start.error();
    Result<QDateTime> end = timeField(*object, u"end"_s);
    if (!end)
        return end.error();
    w.start = *start;
    w.end = *end;
    Result<QList<int>> days = weekdays(*object);
    if (!days)
        return days.error();
    w.weekdays = *days;
    if (object->contains(u"until"_s)) {
        Result<QString> until = stringField(*object, u"until"_s);
        if (!until)
            return until.error();
        static const QRegularExpression date(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
        const QDate day = date.match(*until).hasMatch() ? QDate::fromString(*until, Qt::ISODate) : QDate();
        if (!day.isValid())
            return invalid(u"\"until\" must be a date, YYYY-MM-DD"_s);
        w.until = day;
    }
    if (Result<void> valid = w.validate(); !valid)
        return valid.error();
    const std::optional<QDateTime> last = w.lastEnd();
    if (last && *last <= now)
        return invalid(u"\"end\" (or \"until\") is in the past: the window would never apply"_s);
    return w;
}

Result<TrapQuery> parseTrapQuery(const QUrlQuery &query)
{
    auto items = RegistryRequests::checkedItems(query, {u"limit"_s, u"source"_s});
    if (!items)
        return items.error();
    TrapQuery q;
    for (const auto &[key, value] : std::as_const(*items)) {
        if (key == u"limit") {
            if (Result<void> limit = readLimit(value, q.limit); !limit)
                return limit.error();
            continue;
        }
        const QHostAddress address(value);
        if (value.size() > 64 || address.isNull())
            return invalid(u"\"source\" must be an IPv4 or IPv6 address"_s);
        q.source = address.toString();
    }
    return q;
}

Result<ProbeQuery> parseProbeQuery(const QUrlQuery &query)
{
    auto items = RegistryRequests::checkedItems(query, {u"service"_s, u"site"_s, u"limit"_s});
    if (!items)
        return items.error();
    ProbeQuery q;
    for (const auto &[key, value] : std::as_const(*items)) {
        if (key == u"limit") {
            if (Result<void> limit = readLimit(value, q.limit); !limit)
                return limit.error();
        } else if (key == u"service") {
            const auto service = monitor::parseProbeService(value);
            if (!service)
                return invalid(u"\"service\" must be xrp, whois, rdap, dns-udp or dns-tcp"_s);
            q.service = monitor::probeServiceName(*service);
        } else {
            if (!isScopeId(value))
                return invalid(u"\"site\" must be a site code"_s);
            q.site = value;
        }
    }
    return q;
}

} // namespace reg::admin::MonitorAlarmRequests
