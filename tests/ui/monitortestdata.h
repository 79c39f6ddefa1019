#pragma once

// Monitoring answers and events exactly as docs/management-api.md ("Monitoring inventory") and the
// issue-6 monitoring contract spell them, for the topology and device page tests: two sites, a
// router (id 17) with two interfaces, a firewall behind it, a server behind the firewall, a name
// server without SNMP, and two links (router-firewall on interfaces, firewall-server device to device).

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cmath>

namespace monitortest {

using namespace Qt::StringLiterals;

inline QJsonObject parse(const char *json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    Q_ASSERT_X(error.error == QJsonParseError::NoError, "monitortest::parse", qPrintable(error.errorString()));
    return doc.object();
}

inline QJsonObject topology()
{
    return parse(R"({
  "sites": [
    {"code": "site-a", "name": "SRS data centre A", "role": "srs", "location": "Frankfurt", "map": null},
    {"code": "ns-lon", "name": "London", "role": "nameserver", "location": "London", "map": {"x": 900, "y": 0}}
  ],
  "devices": [
    {"id": 17, "name": "a-rtr1", "kind": "router", "site": "site-a", "address": "10.1.0.1", "enabled": true,
     "snmp": {"version": "2c", "port": 161, "communitySet": true, "intervalSecs": 300, "timeoutMs": 2000, "retries": 1},
     "parents": [], "interfaces": [{"ifIndex": 1, "name": "xe-0/0/1", "speedBps": 10000000000},
                                   {"ifIndex": 2, "name": "xe-0/0/2", "speedBps": 1000000000}],
     "map": {"x": 100, "y": 120}},
    {"id": 18, "name": "a-fw1", "kind": "firewall", "site": "site-a", "address": "10.1.0.5", "enabled": true,
     "snmp": {"version": "3", "port": 161, "user": "noc", "level": "authPriv", "auth": "SHA-256", "priv": "AES",
              "authPassphraseSet": true, "privPassphraseSet": true, "intervalSecs": 60, "timeoutMs": 2000, "retries": 1},
     "parents": ["a-rtr1"], "interfaces": [{"ifIndex": 1, "name": "eth1", "speedBps": 10000000000}], "map": null},
    {"id": 19, "name": "a-srs1", "kind": "registryd-node", "site": "site-a", "address": "10.1.1.10", "enabled": true,
     "snmp": {"version": "2c", "port": 1161, "communitySet": true, "intervalSecs": 300, "timeoutMs": 2000, "retries": 1},
     "parents": ["a-fw1"], "interfaces": [], "map": null},
    {"id": 20, "name": "lon-ns1", "kind": "nameserver", "site": "ns-lon", "address": "10.4.0.10", "enabled": true,
     "snmp": null, "parents": [], "interfaces": [], "map": null}
  ],
  "links": [
    {"id": 5, "a": {"device": "a-rtr1", "interface": "xe-0/0/1"}, "b": {"device": "a-fw1", "interface": "eth1"},
     "capacityBps": 10000000000},
    {"id": 6, "a": {"device": "a-fw1"}, "b": {"device": "a-srs1"}, "capacityBps": 1000000000}
  ]
})");
}

inline QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// The router answering with a major alarm, the firewall down (critical, acknowledged), the server
// unreachable behind it, the name server not polled; link 5 at 42 %, link 6 not measured.
inline QJsonObject status(const QDateTime &now)
{
    const QString at = iso(now.addSecs(-30));
    QJsonObject router{
        {u"id"_s, u"17"_s}, {u"name"_s, u"a-rtr1"_s}, {u"site"_s, u"site-a"_s}, {u"polled"_s, true}, {u"lastPolledAt"_s, at},
        {u"reachable"_s, true}, {u"roundTripMs"_s, 3}, {u"error"_s, QJsonValue::Null}, {u"stale"_s, false},
        {u"worstSeverity"_s, u"major"_s}, {u"suppressedBy"_s, QJsonValue::Null}, {u"acknowledged"_s, false},
        {u"inMaintenance"_s, false}, {u"cpuLoadPercent"_s, 37.5}, {u"memoryUsedPercent"_s, 61},
        {u"disks"_s, QJsonArray{QJsonObject{{u"mount"_s, u"/"_s}, {u"usedPercent"_s, 48}}}},
        {u"interfaces"_s, QJsonArray{
            QJsonObject{{u"ifIndex"_s, 1}, {u"name"_s, u"xe-0/0/1"_s}, {u"adminStatus"_s, 1}, {u"operStatus"_s, 1},
                        {u"speedBps"_s, 10000000000.0}, {u"inBps"_s, 4.2e9}, {u"outBps"_s, 1.5e9}, {u"utilisationPercent"_s, 42}},
            QJsonObject{{u"ifIndex"_s, 2}, {u"name"_s, u"xe-0/0/2"_s}, {u"adminStatus"_s, 1}, {u"operStatus"_s, 2},
                        {u"speedBps"_s, 1000000000.0}, {u"utilisationPercent"_s, QJsonValue::Null}}}}};
    QJsonObject firewall{
        {u"id"_s, u"18"_s}, {u"name"_s, u"a-fw1"_s}, {u"site"_s, u"site-a"_s}, {u"polled"_s, true}, {u"lastPolledAt"_s, at},
        {u"reachable"_s, false}, {u"roundTripMs"_s, QJsonValue::Null}, {u"error"_s, u"timeout"_s},
        {u"errorDetail"_s, u"no answer after 2 tries"_s}, {u"stale"_s, false}, {u"worstSeverity"_s, u"critical"_s}, {u"suppressedBy"_s, QJsonValue::Null}, {u"acknowledged"_s, true},
        {u"inMaintenance"_s, false}, {u"interfaces"_s, QJsonArray{}}, {u"disks"_s, QJsonArray{}}};
    QJsonObject server{
        {u"id"_s, u"19"_s}, {u"name"_s, u"a-srs1"_s}, {u"site"_s, u"site-a"_s}, {u"polled"_s, true}, {u"lastPolledAt"_s, at},
        {u"reachable"_s, false}, {u"roundTripMs"_s, QJsonValue::Null}, {u"error"_s, u"timeout"_s}, {u"stale"_s, false},
        {u"worstSeverity"_s, QJsonValue::Null}, {u"suppressedBy"_s, u"18"_s}, {u"acknowledged"_s, false},
        {u"inMaintenance"_s, true}, {u"interfaces"_s, QJsonArray{}}, {u"disks"_s, QJsonArray{}}};
    QJsonObject nameserver{
        {u"id"_s, u"20"_s}, {u"name"_s, u"lon-ns1"_s}, {u"site"_s, u"ns-lon"_s}, {u"polled"_s, false}, {u"lastPolledAt"_s, QJsonValue::Null},
        {u"reachable"_s, QJsonValue::Null}, {u"roundTripMs"_s, QJsonValue::Null}, {u"error"_s, QJsonValue::Null},
        {u"stale"_s, false}, {u"worstSeverity"_s, QJsonValue::Null}, {u"suppressedBy"_s, QJsonValue::Null},
        {u"acknowledged"_s, false}, {u"inMaintenance"_s, false}, {u"interfaces"_s, QJsonArray{}}, {u"disks"_s, QJsonArray{}}};
    return QJsonObject{
        {u"generatedAt"_s, iso(now)},
        {u"devices"_s, QJsonArray{router, firewall, server, nameserver}},
        {u"links"_s, QJsonArray{QJsonObject{{u"id"_s, 5}, {u"utilisationPercent"_s, 42}},
                             QJsonObject{{u"id"_s, 6}, {u"utilisationPercent"_s, QJsonValue::Null}}}}};
}

inline QJsonObject poll(const QString &device, const QDateTime &at, bool reachable, const QJsonArray &interfaces = {})
{
    QJsonObject event{{u"type"_s, u"monitor.poll"_s}, {u"device"_s, device}, {u"deviceName"_s, u"x"_s}, {u"at"_s, iso(at)},
                      {u"reachable"_s, reachable}, {u"interfaces"_s, interfaces}};
    if (reachable) {
        event.insert(u"roundTripMs"_s, 4);
        event.insert(u"cpuLoadPercent"_s, 55);
        event.insert(u"memoryUsedPercent"_s, 62);
    } else {
        event.insert(u"error"_s, u"timeout"_s);
    }
    return event;
}

inline QJsonObject alarmEvent(const QString &device, const QString &severity, const QString &change = QStringLiteral("raised"))
{
    return QJsonObject{
        {u"type"_s, u"alarm"_s}, {u"change"_s, change}, {u"at"_s, iso(QDateTime::currentDateTimeUtc())}, {u"notify"_s, true},
        {u"alarm"_s, QJsonObject{{u"id"_s, 7}, {u"device"_s, device}, {u"deviceName"_s, u"a-rtr1"_s}, {u"component"_s, u"cpu"_s},
                              {u"severity"_s, severity}, {u"state"_s, u"active"_s}, {u"cause"_s, u"CPU load 97 % for 3 polls"_s},
                              {u"summary"_s, u"a-rtr1: CPU load high"_s}, {u"raisedAt"_s, iso(QDateTime::currentDateTimeUtc())},
                              {u"inMaintenance"_s, false}}}};
}

// GET /api/v1/monitor/metrics/a-rtr1: one sample every 5 minutes for the last hours, the router not
// answering for three polls in the middle (reachable false: no values), and nothing at all for a while.
inline QJsonObject metrics(const QDateTime &now, int samples = 60)
{
    QJsonArray list;
    for (int i = samples; i >= 1; --i) {
        const QDateTime at = now.addSecs(-300 * i);
        if (i >= 20 && i < 26)
            continue;   // polls stopped: a silence of half an hour
        const bool reachable = !(i >= 40 && i < 43);
        QJsonObject s{{u"at"_s, iso(at)}, {u"reachable"_s, reachable}};
        if (reachable) {
            const double wave = 0.5 + 0.5 * std::sin(i / 6.0);
            s.insert(u"roundTripMs"_s, 2 + 6 * wave);
            s.insert(u"cpuLoadPercent"_s, 20 + 50 * wave);
            s.insert(u"memoryUsedPercent"_s, 60 + 5 * wave);
            s.insert(u"interfaces"_s, QJsonArray{
                QJsonObject{{u"ifIndex"_s, 1}, {u"inBps"_s, 3e9 + 2e9 * wave}, {u"outBps"_s, 1e9 + 5e8 * wave}, {u"utilisationPercent"_s, 30 + 20 * wave}},
                QJsonObject{{u"ifIndex"_s, 2}, {u"inBps"_s, 2e8 * wave}, {u"outBps"_s, 1e8}}});
            s.insert(u"disks"_s, QJsonArray{QJsonObject{{u"mount"_s, u"/"_s}, {u"usedPercent"_s, 48}}});
        } else {
            s.insert(u"interfaces"_s, QJsonArray{});
        }
        list.append(s);
    }
    return QJsonObject{{u"device"_s, u"a-rtr1"_s}, {u"deviceId"_s, u"17"_s}, {u"from"_s, iso(now.addSecs(-300 * samples))},
                       {u"to"_s, iso(now)}, {u"samples"_s, list}};
}

inline QJsonObject alarms()
{
    return parse(R"({"alarms": [
      {"id": 7, "device": "17", "deviceName": "a-rtr1", "component": "if:2", "severity": "major", "state": "active",
       "cause": "xe-0/0/2 down while admin up", "summary": "a-rtr1 xe-0/0/2 down", "raisedAt": "2026-11-21T22:10:00Z",
       "inMaintenance": false,
       "acknowledgement": {"by": "alice", "at": "2026-11-21T22:12:00Z", "comment": "fibre cut, carrier ticket 4411"}},
      {"id": 9, "device": "17", "deviceName": "a-rtr1", "component": "cpu", "severity": "warning", "state": "active",
       "cause": "CPU load 82 %", "summary": "a-rtr1 CPU load high", "raisedAt": "2026-11-21T23:01:00Z", "inMaintenance": false}
    ]})");
}

} // namespace monitortest
