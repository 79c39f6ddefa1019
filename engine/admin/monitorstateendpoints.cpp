#include "monitorstateendpoints.h"

#include "monitor/monitorjson.h"
#include "monitor/monitorsamplestore.h"
#include "monitor/monitorservice.h"
#include "store/connection.h"

#include <QHash>
#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace reg::admin {
namespace {

using namespace reg::monitor;

const QString metricsPrefix = u"/api/v1/monitor/metrics/"_s;

QJsonValue orNull(bool present, const QJsonValue &value)
{
    return present ? value : QJsonValue();
}

// What the device's active alarms say about it, for the map's colours.
struct AlarmSummary
{
    std::optional<Severity> worst;     // active, not suppressed
    QString suppressedBy;
    int active = 0;
    int acknowledged = 0;
};

QHash<QString, AlarmSummary> summariseAlarms(const AlarmEngine &alarms)
{
    QHash<QString, AlarmSummary> byDevice;
    for (const Alarm &alarm : alarms.activeAlarms()) {
        AlarmSummary &s = byDevice[alarm.subject.deviceId];
        ++s.active;
        if (alarm.acknowledgement)
            ++s.acknowledged;
        if (alarm.isSuppressed()) {
            // The reachability alarm's root cause names the device's; another's only when it has none.
            if (s.suppressedBy.isEmpty() || alarm.subject.isReachability())
                s.suppressedBy = alarm.suppressedBy;
        } else if (!s.worst || alarm.severity > *s.worst) {
            s.worst = alarm.severity;
        }
    }
    return byDevice;
}

QJsonArray interfacesJson(const Device &device, const DeviceState *state)
{
    QJsonArray out;
    if (state && state->last && !state->last->interfaces.isEmpty()) {
        for (const InterfaceStatus &i : state->last->interfaces) {
            QJsonObject o = MonitorJson::interfaceTraffic(i);
            o.insert(u"name"_s, i.name);
            o.insert(u"adminStatus"_s, i.adminStatus);
            o.insert(u"operStatus"_s, i.operStatus);
            o.insert(u"speedBps"_s, double(i.speedBps));
            out.append(o);
        }
        return out;
    }
    // Not polled (yet): what the inventory knows, states unknown.
    for (const Interface &i : device.interfaces) {
        out.append(QJsonObject{{u"ifIndex"_s, i.ifIndex}, {u"name"_s, i.name}, {u"adminStatus"_s, QJsonValue()},
                               {u"operStatus"_s, QJsonValue()}, {u"speedBps"_s, double(i.speedBps)}});
    }
    return out;
}

// A link's utilisation: the busier of its two ends, as last polled; null when neither is known.
QJsonValue linkUtilisation(const Link &link, const InventorySnapshot &inventory, const DeviceStateTable &states)
{
    std::optional<double> busiest;
    for (const LinkEnd &end : {link.a, link.b}) {
        const std::optional<qint64> id = inventory.idOf(end.device);
        const DeviceState *state = id ? states.find(*id) : nullptr;
        if (!state || !state->last || end.interfaceName.isEmpty())
            continue;
        for (const InterfaceStatus &i : state->last->interfaces) {
            if (i.name == end.interfaceName && i.utilisationPercent && (!busiest || *i.utilisationPercent > *busiest))
                busiest = i.utilisationPercent;
        }
    }
    return busiest ? QJsonValue(*busiest) : QJsonValue();
}

Result<QDateTime> parseTime(const QUrlQuery &query, const QString &name)
{
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    const QDateTime at = text.size() <= 40 ? QDateTime::fromString(text, Qt::ISODateWithMs) : QDateTime();
    // A time without a zone would be read as the server's local time: refused.
    const qsizetype t = text.indexOf(u'T');
    const bool zoned = text.endsWith(u'Z') || (t > 0 && (text.indexOf(u'+', t) > 0 || text.indexOf(u'-', t) > 0));
    if (!at.isValid() || !zoned)
        return Error(ErrorCode::InvalidInput, u"%1: an ISO 8601 time with a zone, e.g. 2026-11-21T10:00:00Z"_s.arg(name));
    return at.toUTC();
}

} // namespace

bool MonitorStateEndpoints::isStatusPath(const QString &path)
{
    return path == u"/api/v1/monitor/status";
}

bool MonitorStateEndpoints::isMetricsPath(const QString &path)
{
    return path.startsWith(metricsPrefix);
}

ApiResponse MonitorStateEndpoints::status(const MonitorService &service, const QDateTime &now)
{
    const InventorySnapshot &inventory = service.inventory();
    const DeviceStateTable &states = service.deviceStates();
    const QHash<QString, AlarmSummary> alarms = summariseAlarms(service.alarms());
    QJsonArray devices;
    for (const Device &device : inventory.devices()) {
        const QString id = QString::number(device.id);
        const bool polled = inventory.targets().contains(device.id);
        const DeviceState *state = polled ? states.find(device.id) : nullptr;
        const std::optional<PollResult> &last = state ? state->last : std::optional<PollResult>();
        const AlarmSummary summary = alarms.value(id);
        QJsonObject d{{u"id"_s, id},
                      {u"name"_s, device.name},
                      {u"site"_s, device.site},
                      {u"polled"_s, polled},
                      {u"lastPolledAt"_s, orNull(bool(last), last ? MonitorJson::time(last->polledAt) : QString())},
                      {u"reachable"_s, orNull(bool(last), last && last->reachable)},
                      {u"roundTripMs"_s, orNull(last && last->roundTripMs >= 0, last ? last->roundTripMs : 0)},
                      {u"error"_s, orNull(last && !last->ok(), last ? pollErrorName(last->error) : QString())},
                      {u"stale"_s, polled && states.isStale(device.id, now)},
                      {u"worstSeverity"_s, orNull(bool(summary.worst), summary.worst ? severityName(*summary.worst) : QString())},
                      {u"suppressedBy"_s, orNull(!summary.suppressedBy.isEmpty(), summary.suppressedBy)},
                      {u"acknowledged"_s, summary.active > 0 && summary.acknowledged == summary.active},
                      {u"inMaintenance"_s, service.alarms().inMaintenance(id, now)},
                      {u"interfaces"_s, interfacesJson(device, state)},
                      {u"disks"_s, last ? MonitorJson::disks(last->disks) : QJsonArray()}};
        if (last && !last->ok() && !last->errorDetail.isEmpty())
            d.insert(u"errorDetail"_s, last->errorDetail);
        if (last && last->cpuLoadPercent)
            d.insert(u"cpuLoadPercent"_s, *last->cpuLoadPercent);
        if (last && last->memoryUsedPercent)
            d.insert(u"memoryUsedPercent"_s, *last->memoryUsedPercent);
        devices.append(d);
    }
    QJsonArray links;
    for (const Link &link : inventory.links())
        links.append(QJsonObject{{u"id"_s, link.id}, {u"utilisationPercent"_s, linkUtilisation(link, inventory, states)}});
    return ApiResponse::json({{u"generatedAt"_s, MonitorJson::time(now)}, {u"devices"_s, devices}, {u"links"_s, links}});
}

Result<std::pair<QDateTime, QDateTime>> MonitorStateEndpoints::parseRange(const QUrlQuery &query, const QDateTime &now)
{
    for (const auto &item : query.queryItems()) {
        if (item.first != u"from" && item.first != u"to")
            return Error(ErrorCode::InvalidInput, u"%1: unknown parameter (from and to are known)"_s.arg(item.first.left(32)));
        if (query.allQueryItemValues(item.first).size() > 1)
            return Error(ErrorCode::InvalidInput, u"%1: given more than once"_s.arg(item.first));
    }
    QDateTime to = now.toUTC();
    if (query.hasQueryItem(u"to"_s)) {
        Result<QDateTime> parsed = parseTime(query, u"to"_s);
        if (!parsed)
            return parsed.error();
        to = *parsed;
    }
    QDateTime from = to.addSecs(-defaultRangeSecs);
    if (query.hasQueryItem(u"from"_s)) {
        Result<QDateTime> parsed = parseTime(query, u"from"_s);
        if (!parsed)
            return parsed.error();
        from = *parsed;
    }
    if (from >= to)
        return Error(ErrorCode::InvalidInput, u"from: must be before to"_s);
    if (from.secsTo(to) > maxRangeSecs)
        return Error(ErrorCode::InvalidInput, u"from: at most 31 days before to"_s);
    return std::pair{from, to};
}

Result<MonitorStateEndpoints::MetricsQuery> MonitorStateEndpoints::parseMetrics(const MonitorService &service, const QString &path,
                                                                                const QUrlQuery &query, const QDateTime &now)
{
    MetricsQuery q;
    q.device = path.mid(metricsPrefix.size());
    if (q.device.isEmpty() || q.device.size() > 128 || q.device.contains(u'/'))
        return Error(ErrorCode::NotFound, u"no device \"%1\" in the inventory"_s.arg(q.device.left(128)));
    Result<std::pair<QDateTime, QDateTime>> range = parseRange(query, now);
    if (!range)
        return range.error();
    q.from = range->first;
    q.to = range->second;
    const std::optional<qint64> id = service.inventory().idOf(q.device);
    if (!id)
        return Error(ErrorCode::NotFound, u"no device \"%1\" in the inventory"_s.arg(q.device));
    q.deviceId = *id;
    return q;
}

MonitorStateEndpoints::MonitorStateEndpoints(std::unique_ptr<store::Connection> reader) : m_reader(std::move(reader)) {}

MonitorStateEndpoints::~MonitorStateEndpoints() = default;

ApiResponse MonitorStateEndpoints::metrics(const MetricsQuery &query)
{
    Result<QList<QJsonObject>> samples = MonitorSampleStore::read(*m_reader, query.deviceId, query.from, query.to);
    if (!samples)
        return ApiResponse::fromError(samples.error());
    QJsonArray array;
    for (const QJsonObject &s : std::as_const(*samples))
        array.append(s);
    return ApiResponse::json({{u"device"_s, query.device},
                              {u"deviceId"_s, QString::number(query.deviceId)},
                              {u"from"_s, MonitorJson::time(query.from)},
                              {u"to"_s, MonitorJson::time(query.to)},
                              {u"samples"_s, array}});
}

} // namespace reg::admin
