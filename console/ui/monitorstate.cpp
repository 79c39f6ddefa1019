#include "monitorstate.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace noc {

namespace MonitorJson {

QString text(const QJsonValue &value, int maxLength)
{
    return value.isString() ? value.toString().left(maxLength) : QString();
}

QString id(const QJsonValue &value)
{
    if (value.isString()) {
        const QString s = value.toString();
        return s.size() <= 64 ? s : QString();
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d >= 0 && d <= 9007199254740991.0 && d == std::floor(d))
            return QString::number(qint64(d));
    }
    return {};
}

std::optional<double> number(const QJsonValue &value)
{
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return std::nullopt;
    return value.toDouble();
}

QDateTime time(const QJsonValue &value)
{
    if (!value.isString() || value.toString().size() > 40)
        return {};
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace MonitorJson

namespace {

// IF-MIB status numbers; the API may also spell them out.
int ifStatus(const QJsonValue &value)
{
    if (value.isDouble()) {
        const int n = value.toInt(0);
        return n >= 1 && n <= 7 ? n : 0;
    }
    static const QStringList names{u"up"_s, u"down"_s, u"testing"_s, u"unknown"_s, u"dormant"_s, u"notPresent"_s,
                                   u"lowerLayerDown"_s};
    const qsizetype i = names.indexOf(MonitorJson::text(value, 32));
    return i < 0 ? 0 : int(i) + 1;
}

qint64 bitsPerSecond(const QJsonValue &value)
{
    const std::optional<double> n = MonitorJson::number(value);
    return n && *n >= 0 && *n < 1e15 ? qint64(*n) : 0;
}

std::optional<double> percent(const QJsonValue &value)
{
    const std::optional<double> n = MonitorJson::number(value);
    if (!n || *n < 0)
        return std::nullopt;
    return std::min(*n, 1000.0);   // a counter glitch above 100 % is shown, not trusted beyond reason
}

std::optional<double> rate(const QJsonValue &value)
{
    const std::optional<double> n = MonitorJson::number(value);
    return n && *n >= 0 ? n : std::nullopt;
}

} // namespace

std::optional<MonitorDeviceInfo> MonitorDeviceInfo::fromJson(const QJsonObject &device)
{
    MonitorDeviceInfo info;
    info.id = MonitorJson::id(device.value(u"id"_s));
    info.name = MonitorJson::text(device.value(u"name"_s), 64);
    if (info.id.isEmpty() || info.name.isEmpty())
        return std::nullopt;
    info.kind = MonitorJson::text(device.value(u"kind"_s), 32);
    info.site = MonitorJson::text(device.value(u"site"_s), 64);
    info.address = MonitorJson::text(device.value(u"address"_s), 64);
    info.enabled = device.value(u"enabled"_s).toBool(true);
    // Only the version: the answer never carries a community or passphrase, and this reads no other field.
    info.snmpVersion = MonitorJson::text(device.value(u"snmp"_s).toObject().value(u"version"_s), 8);
    const QJsonArray parents = device.value(u"parents"_s).toArray();
    for (qsizetype i = 0; i < parents.size() && i < 64; ++i) {
        const QString parent = MonitorJson::text(parents.at(i), 64);
        if (!parent.isEmpty())
            info.parents.append(parent);
    }
    const QJsonArray interfaces = device.value(u"interfaces"_s).toArray();
    for (qsizetype i = 0; i < interfaces.size() && i < MonitorJson::MaxInterfaces; ++i) {
        const QJsonObject o = interfaces.at(i).toObject();
        const int ifIndex = o.value(u"ifIndex"_s).toInt(0);
        if (ifIndex <= 0)
            continue;
        info.interfaces.append({ifIndex, MonitorJson::text(o.value(u"name"_s), 64), bitsPerSecond(o.value(u"speedBps"_s))});
    }
    return info;
}

QString MonitorInterfaceState::statusName(int status)
{
    switch (status) {
    case 1: return QCoreApplication::translate("noc::MonitorInterfaceState", "up");
    case 2: return QCoreApplication::translate("noc::MonitorInterfaceState", "down");
    case 3: return QCoreApplication::translate("noc::MonitorInterfaceState", "testing");
    case 5: return QCoreApplication::translate("noc::MonitorInterfaceState", "dormant");
    case 6: return QCoreApplication::translate("noc::MonitorInterfaceState", "not present");
    case 7: return QCoreApplication::translate("noc::MonitorInterfaceState", "lower layer down");
    default: return QCoreApplication::translate("noc::MonitorInterfaceState", "unknown");
    }
}

std::optional<MonitorDeviceState> MonitorDeviceState::fromStatusJson(const QJsonObject &device)
{
    MonitorDeviceState s;
    s.id = MonitorJson::id(device.value(u"id"_s));
    if (s.id.isEmpty())
        return std::nullopt;
    s.polled = device.value(u"polled"_s).toBool(false);
    s.lastPolledAt = MonitorJson::time(device.value(u"lastPolledAt"_s));
    if (device.value(u"reachable"_s).isBool())
        s.reachable = device.value(u"reachable"_s).toBool();
    s.roundTripMs = rate(device.value(u"roundTripMs"_s));
    s.error = MonitorJson::text(device.value(u"error"_s));
    // The engine's kind of error ("timeout", "auth") and, when it has one, its words.
    if (const QString detail = MonitorJson::text(device.value(u"errorDetail"_s)); !detail.isEmpty())
        s.error = s.error.isEmpty() ? detail : s.error + u": "_s + detail;
    s.stale = device.value(u"stale"_s).toBool(false);
    s.worstSeverity = MonitorJson::text(device.value(u"worstSeverity"_s), 16);
    s.suppressedBy = MonitorJson::id(device.value(u"suppressedBy"_s));
    s.acknowledged = device.value(u"acknowledged"_s).toBool(false);
    s.inMaintenance = device.value(u"inMaintenance"_s).toBool(false);
    s.cpuLoadPercent = percent(device.value(u"cpuLoadPercent"_s));
    s.memoryUsedPercent = percent(device.value(u"memoryUsedPercent"_s));
    const QJsonArray disks = device.value(u"disks"_s).toArray();
    for (qsizetype i = 0; i < disks.size() && i < 256; ++i) {
        const QJsonObject d = disks.at(i).toObject();
        const std::optional<double> used = percent(d.value(u"usedPercent"_s));
        const QString mount = MonitorJson::text(d.value(u"mount"_s), 256);
        if (!mount.isEmpty() && used)
            s.disks.append({mount, *used});
    }
    const QJsonArray interfaces = device.value(u"interfaces"_s).toArray();
    for (qsizetype i = 0; i < interfaces.size() && i < MonitorJson::MaxInterfaces; ++i) {
        const QJsonObject o = interfaces.at(i).toObject();
        MonitorInterfaceState iface;
        iface.ifIndex = o.value(u"ifIndex"_s).toInt(0);
        if (iface.ifIndex <= 0)
            continue;
        iface.name = MonitorJson::text(o.value(u"name"_s), 64);
        iface.adminStatus = ifStatus(o.value(u"adminStatus"_s));
        iface.operStatus = ifStatus(o.value(u"operStatus"_s));
        iface.speedBps = bitsPerSecond(o.value(u"speedBps"_s));
        iface.inBps = rate(o.value(u"inBps"_s));
        iface.outBps = rate(o.value(u"outBps"_s));
        iface.utilisationPercent = percent(o.value(u"utilisationPercent"_s));
        s.interfaces.append(iface);
    }
    return s;
}

void MonitorDeviceState::applyPoll(const QJsonObject &event)
{
    const QDateTime at = MonitorJson::time(event.value(u"at"_s));
    if (at.isValid() && lastPolledAt.isValid() && at < lastPolledAt)
        return;   // older than what we show (a status read overtook it)
    polled = true;
    if (at.isValid())
        lastPolledAt = at;
    if (event.value(u"reachable"_s).isBool())
        reachable = event.value(u"reachable"_s).toBool();
    roundTripMs = rate(event.value(u"roundTripMs"_s));
    error = MonitorJson::text(event.value(u"error"_s));
    stale = false;
    if (reachable.value_or(false)) {
        if (const std::optional<double> cpu = percent(event.value(u"cpuLoadPercent"_s)))
            cpuLoadPercent = cpu;
        if (const std::optional<double> memory = percent(event.value(u"memoryUsedPercent"_s)))
            memoryUsedPercent = memory;
    }
    const QJsonArray polledInterfaces = event.value(u"interfaces"_s).toArray();
    for (qsizetype i = 0; i < polledInterfaces.size() && i < MonitorJson::MaxInterfaces; ++i) {
        const QJsonObject o = polledInterfaces.at(i).toObject();
        const int ifIndex = o.value(u"ifIndex"_s).toInt(0);
        for (MonitorInterfaceState &iface : interfaces) {
            if (iface.ifIndex != ifIndex)
                continue;
            if (const int oper = ifStatus(o.value(u"operStatus"_s)))
                iface.operStatus = oper;
            iface.utilisationPercent = percent(o.value(u"utilisationPercent"_s));
            break;
        }
    }
}

} // namespace noc
