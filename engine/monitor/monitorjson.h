#pragma once

#include "monitor/alarm.h"
#include "monitor/snmppollresult.h"
#include "monitor/traprecord.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace reg::monitor {

// The JSON shapes the monitor service shares between the event stream, the status answer and the
// sample table (the issue-6 contract, docs/management-api.md "Monitor state"). Times in UTC ISO 8601.
namespace MonitorJson {

QString time(const QDateTime &at);
// An interface's traffic: {"ifIndex", "inBps"?, "outBps"?, "utilisationPercent"?}.
QJsonObject interfaceTraffic(const InterfaceStatus &status);
QJsonArray interfaceTraffic(const QList<InterfaceStatus> &interfaces);
// [{"mount", "usedPercent"}]
QJsonArray disks(const QList<StorageUsage> &disks);
// {"type":"monitor.poll", "device", "deviceName", "at", "reachable", "roundTripMs", "error"?,
//  "interfaces":[{"ifIndex","operStatus","utilisationPercent"?}], "cpuLoadPercent"?, "memoryUsedPercent"?}
QJsonObject pollEvent(const PollResult &result, const QString &deviceName);
// {"type":"monitor.trap", "receivedAt", "source", "device"?, "trapOid", "event"?}
QJsonObject trapEvent(const TrapRecord &trap, const QString &deviceId, const QString &event);
// alarmJson() with "deviceName" when the name is known.
QJsonObject alarm(const Alarm &alarm, const QString &deviceName);
// {"type":"alarm", ...alarmChangeJson()} with "deviceName" inside "alarm".
QJsonObject alarmEvent(const AlarmChange &change, const QString &deviceName);

} // namespace MonitorJson

} // namespace reg::monitor
