#include "monitor/monitorjson.h"

using namespace Qt::StringLiterals;

namespace reg::monitor::MonitorJson {

QString time(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject interfaceTraffic(const InterfaceStatus &status)
{
    QJsonObject o{{u"ifIndex"_s, status.index}};
    if (status.inBps)
        o.insert(u"inBps"_s, *status.inBps);
    if (status.outBps)
        o.insert(u"outBps"_s, *status.outBps);
    if (status.utilisationPercent)
        o.insert(u"utilisationPercent"_s, *status.utilisationPercent);
    return o;
}

QJsonArray interfaceTraffic(const QList<InterfaceStatus> &interfaces)
{
    QJsonArray a;
    for (const InterfaceStatus &i : interfaces)
        a.append(interfaceTraffic(i));
    return a;
}

QJsonArray disks(const QList<StorageUsage> &disks)
{
    QJsonArray a;
    for (const StorageUsage &d : disks)
        a.append(QJsonObject{{u"mount"_s, d.description}, {u"usedPercent"_s, d.usedPercent}});
    return a;
}

QJsonObject pollEvent(const PollResult &result, const QString &deviceName)
{
    QJsonObject o{{u"type"_s, u"monitor.poll"_s},
                  {u"device"_s, QString::number(result.deviceId)},
                  {u"deviceName"_s, deviceName},
                  {u"at"_s, time(result.polledAt)},
                  {u"reachable"_s, result.reachable},
                  {u"roundTripMs"_s, result.roundTripMs >= 0 ? QJsonValue(result.roundTripMs) : QJsonValue()}};
    if (!result.ok())
        o.insert(u"error"_s, pollErrorName(result.error));
    QJsonArray interfaces;
    for (const InterfaceStatus &i : result.interfaces) {
        QJsonObject entry{{u"ifIndex"_s, i.index}, {u"operStatus"_s, i.operStatus}};
        if (i.utilisationPercent)
            entry.insert(u"utilisationPercent"_s, *i.utilisationPercent);
        interfaces.append(entry);
    }
    o.insert(u"interfaces"_s, interfaces);
    if (result.cpuLoadPercent)
        o.insert(u"cpuLoadPercent"_s, *result.cpuLoadPercent);
    if (result.memoryUsedPercent)
        o.insert(u"memoryUsedPercent"_s, *result.memoryUsedPercent);
    return o;
}

QJsonObject trapEvent(const TrapRecord &trap, const QString &deviceId, const QString &event)
{
    QJsonObject o{{u"type"_s, u"monitor.trap"_s},
                  {u"receivedAt"_s, time(trap.receivedAt)},
                  {u"source"_s, trap.source.toString()},
                  {u"trapOid"_s, trap.trapOid}};
    if (!deviceId.isEmpty())
        o.insert(u"device"_s, deviceId);
    if (!event.isEmpty())
        o.insert(u"event"_s, event);
    return o;
}

QJsonObject alarm(const Alarm &alarm, const QString &deviceName)
{
    QJsonObject o = alarmJson(alarm);
    if (!deviceName.isEmpty())
        o.insert(u"deviceName"_s, deviceName);
    return o;
}

QJsonObject alarmEvent(const AlarmChange &change, const QString &deviceName)
{
    QJsonObject o = alarmChangeJson(change);
    o.insert(u"type"_s, u"alarm"_s);
    if (!deviceName.isEmpty()) {
        QJsonObject a = o.value(u"alarm"_s).toObject();
        a.insert(u"deviceName"_s, deviceName);
        o.insert(u"alarm"_s, a);
    }
    return o;
}

} // namespace reg::monitor::MonitorJson
