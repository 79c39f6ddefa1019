#include "monitoralarmendpoints.h"

#include "apirequests.h"
#include "monitoralarmrequests.h"

#include "monitor/alarmengine.h"
#include "monitor/alarmrepository.h"
#include "monitor/proberesultstore.h"
#include "monitor/traplog.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrlQuery>

#include <map>

using namespace Qt::StringLiterals;

namespace reg::admin {
namespace {

namespace Requests = MonitorAlarmRequests;
using monitor::Alarm;
using monitor::MaintenanceWindow;

const QString prefix = u"/api/v1/monitor/"_s;

MonitorAlarmEndpoints::Step answered(MonitorAlarmEndpoints::Outcome outcome)
{
    return {std::move(outcome), {}, {}};
}

MonitorAlarmEndpoints::Outcome answer(const ApiResponse &response, QList<MonitorAlarmEndpoints::AuditEntry> audit = {})
{
    return {response, std::move(audit)};
}

// {"<key>": [item...]} from a list read from the database.
template<typename T, typename ToJson>
Result<QJsonObject> listJson(const Result<QList<T>> &items, const QString &key, ToJson toJson)
{
    if (!items)
        return items.error();
    QJsonArray array;
    for (const T &item : *items)
        array.append(toJson(item));
    return QJsonObject{{key, array}};
}

// The finishing step of a read that needs nothing from the main thread.
MonitorAlarmEndpoints::Outcome plainAnswer(const Result<QJsonObject> &read)
{
    return answer(read ? ApiResponse::json(*read) : ApiResponse::fromError(read.error()));
}

QString outcomeOf(const ApiResponse &response)
{
    return response.isError() ? QString::fromLatin1(response.errorCode) : u"success"_s;
}

// Optional text fields are left out rather than sent empty.
void insertUnlessEmpty(QJsonObject &json, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        json.insert(key, value);
}

QJsonObject windowJson(const MaintenanceWindow &w, const QDateTime &now)
{
    QJsonArray weekdays;
    for (int d : w.weekdays)
        weekdays.append(d);
    QJsonObject json{
        {u"id"_s, w.id},
        {u"title"_s, w.title},
        {u"createdBy"_s, w.createdBy},
        {u"createdAt"_s, isoTime(w.createdAt)},
        {u"devices"_s, QJsonArray::fromStringList(w.deviceIds)},
        {u"sites"_s, QJsonArray::fromStringList(w.siteIds)},
        {u"recurrence"_s, monitor::recurrenceName(w.recurrence)},
        {u"start"_s, isoTime(w.start)},
        {u"end"_s, isoTime(w.end)},
        {u"weekdays"_s, weekdays},
        {u"activeNow"_s, w.activeAt(now)},
    };
    if (w.until)
        json.insert(u"until"_s, w.until->toString(Qt::ISODate));
    if (w.endedAt)
        json.insert(u"endedAt"_s, isoTime(*w.endedAt));
    return json;
}

QJsonObject trapJson(const monitor::TrapLogEntry &entry)
{
    const monitor::TrapRecord &t = entry.trap;
    QJsonObject json{
        {u"id"_s, entry.id},
        {u"receivedAt"_s, isoTime(t.receivedAt)},
        {u"source"_s, t.source.toString()},
        {u"version"_s, t.version},
        {u"trapOid"_s, t.trapOid},
        {u"varbinds"_s, t.varbinds},
        {u"inform"_s, t.inform},
    };
    insertUnlessEmpty(json, u"securityName"_s, t.securityName);
    insertUnlessEmpty(json, u"event"_s, entry.event);
    return json;
}

QJsonObject probeJson(const monitor::ProbeResult &r)
{
    QJsonObject phases;
    for (const monitor::ProbePhase &p : r.phases)
        phases.insert(p.name, double(p.micros) / 1000.0);
    QJsonObject json{
        {u"service"_s, monitor::probeServiceName(r.service)},
        {u"site"_s, r.site},
        {u"target"_s, r.target},
        {u"startedAt"_s, isoTime(r.startedAt)},
        {u"ok"_s, r.ok},
        {u"totalMs"_s, double(r.totalMicros) / 1000.0},
        {u"phases"_s, phases},
    };
    if (r.errorKind != monitor::ProbeErrorKind::None)
        json.insert(u"errorKind"_s, monitor::probeErrorKindName(r.errorKind));
    insertUnlessEmpty(json, u"error"_s, r.error);
    return json;
}

QJsonObject eventJson(const monitor::AlarmEvent &e)
{
    QJsonObject json{
        {u"at"_s, isoTime(e.at)},
        {u"kind"_s, monitor::alarmChangeKindName(e.kind)},
        {u"severity"_s, monitor::severityName(e.severity)},
        {u"notified"_s, e.notified},
    };
    insertUnlessEmpty(json, u"actor"_s, e.actor);
    insertUnlessEmpty(json, u"detail"_s, e.detail);
    return json;
}

// The audit detail of one alarm: its id and subject, so the trail reads without a lookup.
QString alarmDetail(qint64 id, const std::optional<Alarm> &alarm)
{
    return alarm ? u"alarm %1 (%2)"_s.arg(id).arg(alarm->subject.key()) : u"alarm %1"_s.arg(id);
}

QJsonObject resultJson(qint64 id, const Result<void> &result)
{
    QJsonObject json{{u"id"_s, id}, {u"ok"_s, result.ok()}};
    if (!result) {
        const ApiResponse error = ApiResponse::fromError(result.error());
        json.insert(u"error"_s, QJsonObject{{u"code"_s, QString::fromLatin1(error.errorCode)}, {u"message"_s, result.error().message}});
    }
    return json;
}

} // namespace

MonitorAlarmEndpoints::MonitorAlarmEndpoints(monitor::AlarmEngine &engine, DeviceName deviceName, const Clock &clock)
    : m_engine(engine), m_deviceName(std::move(deviceName)), m_clock(clock)
{
}

QByteArrayList MonitorAlarmEndpoints::methodsFor(const QString &path)
{
    static const QRegularExpression alarmItem(u"^/api/v1/monitor/alarms/[^/]+$"_s);
    static const QRegularExpression windowEnd(u"^/api/v1/monitor/maintenance/[^/]+/end$"_s);
    if (path == u"/api/v1/monitor/alarms/acknowledge" || path == u"/api/v1/monitor/alarms/unacknowledge")
        return {"POST"};
    if (path == u"/api/v1/monitor/alarms" || alarmItem.match(path).hasMatch() || path == u"/api/v1/monitor/traps"
        || path == u"/api/v1/monitor/probes")
        return {"GET"};
    if (path == u"/api/v1/monitor/maintenance")
        return {"GET", "POST"};
    if (windowEnd.match(path).hasMatch())
        return {"POST"};
    return {};
}

Permission MonitorAlarmEndpoints::permissionFor(const QByteArray &method, const QString &path)
{
    if (method == "GET")
        return Permission::ViewMonitoring;
    if (path.startsWith(u"/api/v1/monitor/alarms/"))
        return Permission::AcknowledgeAlarms;
    return Permission::ManageMonitoring;
}

MonitorAlarmEndpoints::Step MonitorAlarmEndpoints::handle(const QByteArray &method, const QString &path, const QUrlQuery &query,
                                                          const QByteArray &body, const QString &actor)
{
    const QStringList parts = path.mid(prefix.size()).split(u'/');
    const QString &collection = parts.first();
    if (collection == u"alarms") {
        if (parts.size() == 1)
            return listAlarms(query);
        if (method == "POST")
            return answered(parts.at(1) == u"acknowledge" ? acknowledge(body, actor) : unacknowledge(body, actor));
        return alarm(parts.at(1));
    }
    if (collection == u"maintenance") {
        if (parts.size() == 3)
            return answered(endWindow(parts.at(1), body, actor));
        return method == "POST" ? answered(createWindow(body, actor)) : listWindows(query);
    }
    if (collection == u"traps")
        return traps(query);
    if (collection == u"probes")
        return probes(query);
    return answered(answer(ApiResponse::notFound()));
}

QJsonObject MonitorAlarmEndpoints::named(QJsonObject alarm) const
{
    const QString device = alarm.value(u"device"_s).toString();
    if (m_deviceName && !device.startsWith(u"site:")) {
        if (const QString name = m_deviceName(device); !name.isEmpty())
            alarm.insert(u"deviceName"_s, name);
    }
    return alarm;
}

MonitorAlarmEndpoints::Finish MonitorAlarmEndpoints::finishWithNames(bool listOfAlarms) const
{
    return [this, listOfAlarms](const Result<QJsonObject> &read) -> Outcome {
        if (!read)
            return answer(ApiResponse::fromError(read.error()));
        if (!listOfAlarms)
            return answer(ApiResponse::json(named(*read)));
        QJsonArray alarms;
        for (const QJsonValue &a : read->value(u"alarms"_s).toArray())
            alarms.append(named(a.toObject()));
        return answer(ApiResponse::json(QJsonObject{{u"alarms"_s, alarms}}));
    };
}

MonitorAlarmEndpoints::Step MonitorAlarmEndpoints::listAlarms(const QUrlQuery &query)
{
    Result<Requests::AlarmQuery> q = Requests::parseAlarmQuery(query);
    if (!q)
        return answered(answer(ApiResponse::fromError(q.error())));
    if (q->cleared) {
        const monitor::ClearedAlarmQuery stored{q->from, q->to, q->deviceId, q->minSeverity, q->limit};
        Read read = [stored](store::Connection &reader) {
            return listJson(monitor::AlarmRepository::cleared(reader, stored), u"alarms"_s, monitor::alarmJson);
        };
        return {std::nullopt, std::move(read), finishWithNames(true)};
    }
    QJsonArray alarms;
    for (const Alarm &a : m_engine.activeAlarms()) {
        if (q->minSeverity && a.severity < *q->minSeverity)
            continue;
        if (!q->deviceId.isEmpty() && a.subject.deviceId != q->deviceId)
            continue;
        if (q->attentionOnly && !a.wantsAttention())
            continue;
        alarms.append(named(monitor::alarmJson(a)));
    }
    return answered(answer(ApiResponse::json(QJsonObject{{u"alarms"_s, alarms}})));
}

MonitorAlarmEndpoints::Step MonitorAlarmEndpoints::alarm(const QString &segment)
{
    Result<qint64> id = Requests::parseAlarmId(segment);
    if (!id)
        return answered(answer(ApiResponse::fromError(id.error())));
    // The engine knows an active alarm best (the database may lag by a queued write); a cleared
    // one only the database remembers. The history is always the database's.
    const std::optional<Alarm> active = m_engine.activeAlarm(*id);
    Read read = [alarmId = *id, active](store::Connection &reader) -> Result<QJsonObject> {
        std::optional<Alarm> alarm = active;
        if (!alarm) {
            Result<std::optional<Alarm>> stored = monitor::AlarmRepository::find(reader, alarmId);
            if (!stored)
                return stored.error();
            if (!*stored)
                return Error(ErrorCode::NotFound, u"no alarm %1"_s.arg(alarmId));
            alarm = **stored;
        }
        Result<QList<monitor::AlarmEvent>> history = monitor::AlarmRepository::history(reader, alarmId);
        if (!history)
            return history.error();
        QJsonArray events;
        for (const monitor::AlarmEvent &e : *history)
            events.append(eventJson(e));
        QJsonObject json = monitor::alarmJson(*alarm);
        json.insert(u"history"_s, events);
        return json;
    };
    return {std::nullopt, std::move(read), finishWithNames(false)};
}

MonitorAlarmEndpoints::Outcome MonitorAlarmEndpoints::acknowledge(const QByteArray &body, const QString &actor)
{
    const QString action = u"monitor.alarm.acknowledge"_s;
    Result<Requests::Acknowledge> request = Requests::parseAcknowledge(body, m_clock.now());
    if (!request) {
        const ApiResponse response = ApiResponse::fromError(request.error());
        return answer(response, {{action, outcomeOf(response), {}}});
    }
    QJsonArray results;
    QList<AuditEntry> audit;
    for (qint64 id : std::as_const(request->ids)) {
        const std::optional<Alarm> before = m_engine.activeAlarm(id);
        const Result<void> done = m_engine.acknowledge(id, actor, request->comment, request->expiresAt);
        results.append(resultJson(id, done));
        const QString expiry = request->expiresAt ? u", until "_s + isoTime(*request->expiresAt) : QString();
        audit.append({action, done ? u"success"_s : QString::fromLatin1(ApiResponse::fromError(done.error()).errorCode),
                      alarmDetail(id, before) + expiry});
    }
    return answer(ApiResponse::json(QJsonObject{{u"results"_s, results}}), audit);
}

MonitorAlarmEndpoints::Outcome MonitorAlarmEndpoints::unacknowledge(const QByteArray &body, const QString &actor)
{
    const QString action = u"monitor.alarm.unacknowledge"_s;
    Result<QList<qint64>> ids = Requests::parseUnacknowledge(body);
    if (!ids) {
        const ApiResponse response = ApiResponse::fromError(ids.error());
        return answer(response, {{action, outcomeOf(response), {}}});
    }
    QJsonArray results;
    QList<AuditEntry> audit;
    for (qint64 id : std::as_const(*ids)) {
        const std::optional<Alarm> before = m_engine.activeAlarm(id);
        const Result<void> done = m_engine.unacknowledge(id, actor);
        results.append(resultJson(id, done));
        audit.append({action, done ? u"success"_s : QString::fromLatin1(ApiResponse::fromError(done.error()).errorCode),
                      alarmDetail(id, before)});
    }
    return answer(ApiResponse::json(QJsonObject{{u"results"_s, results}}), audit);
}

MonitorAlarmEndpoints::Step MonitorAlarmEndpoints::listWindows(const QUrlQuery &query)
{
    const QDateTime now = m_clock.now();
    Result<Requests::WindowQuery> q = Requests::parseWindowQuery(query, now);
    if (!q)
        return answered(answer(ApiResponse::fromError(q.error())));
    // The engine's windows, minus any that ran out since its last tick.
    std::map<qint64, MaintenanceWindow> windows;
    for (const MaintenanceWindow &w : m_engine.maintenanceWindows()) {
        const std::optional<QDateTime> last = w.lastEnd();
        if (!last || *last > now)
            windows.emplace(w.id, w);
    }
    auto json = [now](const std::map<qint64, MaintenanceWindow> &all) {
        QJsonArray array;
        for (const auto &[id, w] : all)
            array.append(windowJson(w, now));
        return QJsonObject{{u"windows"_s, array}};
    };
    if (!q->includeEnded)
        return answered(answer(ApiResponse::json(json(windows))));
    Read read = [current = std::move(windows), from = q->from, to = q->to, json](store::Connection &reader) -> Result<QJsonObject> {
        Result<QList<MaintenanceWindow>> past = monitor::AlarmRepository::windowsOverlappingOrEnded(reader, from, to);
        if (!past)
            return past.error();
        std::map<qint64, MaintenanceWindow> all = current;
        for (const MaintenanceWindow &w : *past)
            all.emplace(w.id, w);   // the engine's copy wins: the database may lag by a queued write
        return json(all);
    };
    return {std::nullopt, std::move(read), plainAnswer};
}

MonitorAlarmEndpoints::Outcome MonitorAlarmEndpoints::createWindow(const QByteArray &body, const QString &actor)
{
    const QString action = u"monitor.maintenance.create"_s;
    const QDateTime now = m_clock.now();
    Result<MaintenanceWindow> window = Requests::parseWindow(body, now);
    if (!window) {
        const ApiResponse response = ApiResponse::fromError(window.error());
        return answer(response, {{action, outcomeOf(response), {}}});
    }
    window->createdBy = actor;
    window->createdAt = now;
    Result<qint64> id = m_engine.addMaintenanceWindow(*window);
    if (!id) {
        const ApiResponse response = ApiResponse::fromError(id.error());
        return answer(response, {{action, outcomeOf(response), window->title.left(64)}});
    }
    window->id = *id;
    window->start = window->start.toUTC();
    window->end = window->end.toUTC();
    const QString detail = u"window %1 \"%2\": %3 devices, %4 sites, %5 to %6 (%7)"_s.arg(*id)
                               .arg(window->title.left(64))
                               .arg(window->deviceIds.size())
                               .arg(window->siteIds.size())
                               .arg(isoTime(window->start), isoTime(window->end), monitor::recurrenceName(window->recurrence));
    return answer(ApiResponse::json(windowJson(*window, now), 201), {{action, u"success"_s, detail}});
}

MonitorAlarmEndpoints::Outcome MonitorAlarmEndpoints::endWindow(const QString &segment, const QByteArray &body, const QString &actor)
{
    const QString action = u"monitor.maintenance.end"_s;
    Result<qint64> id = Requests::parseWindowId(segment);
    if (id && !body.isEmpty()) {
        if (Result<void> empty = ApiRequests::parseEmpty(body); !empty)
            id = empty.error();
    }
    if (!id) {
        const ApiResponse response = ApiResponse::fromError(id.error());
        return answer(response, {{action, outcomeOf(response), segment.left(32)}});
    }
    Result<MaintenanceWindow> ended = m_engine.endMaintenanceWindow(*id, actor);
    const ApiResponse response = ended ? ApiResponse::json(windowJson(*ended, m_clock.now())) : ApiResponse::fromError(ended.error());
    return answer(response, {{action, outcomeOf(response), u"window %1"_s.arg(*id)}});
}

MonitorAlarmEndpoints::Step MonitorAlarmEndpoints::traps(const QUrlQuery &query)
{
    Result<Requests::TrapQuery> q = Requests::parseTrapQuery(query);
    if (!q)
        return answered(answer(ApiResponse::fromError(q.error())));
    Read read = [q = *q](store::Connection &reader) {
        return listJson(monitor::TrapLog::recent(reader, q.limit, q.source), u"traps"_s, trapJson);
    };
    return {std::nullopt, std::move(read), plainAnswer};
}

MonitorAlarmEndpoints::Step MonitorAlarmEndpoints::probes(const QUrlQuery &query)
{
    Result<Requests::ProbeQuery> q = Requests::parseProbeQuery(query);
    if (!q)
        return answered(answer(ApiResponse::fromError(q.error())));
    Read read = [q = *q](store::Connection &reader) {
        return listJson(monitor::ProbeResultStore::read(reader, q.service, q.limit, q.site), u"results"_s, probeJson);
    };
    return {std::nullopt, std::move(read), plainAnswer};
}

} // namespace reg::admin
