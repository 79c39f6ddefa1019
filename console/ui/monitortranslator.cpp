#include "monitortranslator.h"

#include <QJsonArray>
#include <QPointF>

#include <cmath>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

QString interfaceKey(const QString &deviceId, int ifIndex)
{
    return deviceId + u'/' + QString::number(ifIndex);
}

std::optional<QPointF> mapPosition(const QJsonValue &map)
{
    const QJsonObject o = map.toObject();
    const std::optional<double> x = MonitorJson::number(o.value(u"x"_s));
    const std::optional<double> y = MonitorJson::number(o.value(u"y"_s));
    if (!x || !y || std::abs(*x) > 1e6 || std::abs(*y) > 1e6)
        return std::nullopt;
    return QPointF(*x, *y);
}

} // namespace

DeviceKind MonitorTranslator::kindFromName(const QString &kind)
{
    static const QHash<QString, DeviceKind> kinds{
        {u"router"_s, DeviceKind::Router},        {u"switch"_s, DeviceKind::Switch},
        {u"firewall"_s, DeviceKind::Firewall},    {u"load-balancer"_s, DeviceKind::LoadBalancer},
        {u"server"_s, DeviceKind::Server},        {u"nameserver"_s, DeviceKind::Nameserver},
        {u"registryd-node"_s, DeviceKind::RegistryNode},
    };
    return kinds.value(kind, DeviceKind::Other);
}

void MonitorTranslator::clear()
{
    m_hasTopology = false;
    m_devices.clear();
    m_idsByName.clear();
    m_states.clear();
    m_links.clear();
    m_linkEndsByInterface.clear();
}

TopologySnapshot MonitorTranslator::setTopology(const QJsonObject &topology)
{
    m_devices.clear();
    m_idsByName.clear();
    m_links.clear();
    m_linkEndsByInterface.clear();
    m_hasTopology = true;

    TopologySnapshot snapshot;
    const QJsonArray sites = topology.value(u"sites"_s).toArray();
    for (qsizetype i = 0; i < sites.size() && i < 4096; ++i) {
        const QJsonObject o = sites.at(i).toObject();
        const QString code = MonitorJson::text(o.value(u"code"_s), 64);
        if (code.isEmpty())
            continue;
        const QString name = MonitorJson::text(o.value(u"name"_s), 128);
        snapshot.sites.append({code, name.isEmpty() ? code : name, mapPosition(o.value(u"map"_s))});
    }

    const QJsonArray devices = topology.value(u"devices"_s).toArray();
    for (qsizetype i = 0; i < devices.size() && i < MonitorJson::MaxDevices; ++i) {
        const QJsonObject o = devices.at(i).toObject();
        std::optional<MonitorDeviceInfo> info = MonitorDeviceInfo::fromJson(o);
        if (!info || m_devices.contains(info->id) || m_idsByName.contains(info->name))
            continue;
        TopologyDevice device;
        device.id = info->id;
        device.name = info->name;
        device.kind = kindFromName(info->kind);
        device.siteId = info->site;
        device.position = mapPosition(o.value(u"map"_s));
        const DeviceStatusUpdate drawn = drawnState(info->id);
        device.status = drawn.status;
        device.cause = drawn.cause;
        device.acknowledged = drawn.acknowledged;
        device.inMaintenance = drawn.inMaintenance;
        device.lastPolled = drawn.lastPolled;
        device.stale = drawn.stale;
        snapshot.devices.append(device);
        m_idsByName.insert(info->name, info->id);
        m_devices.insert(info->id, std::move(*info));
    }
    // States of devices no longer in the inventory would only confuse the counts.
    for (auto it = m_states.begin(); it != m_states.end();)
        it = m_devices.contains(it.key()) ? std::next(it) : m_states.erase(it);

    const QJsonArray links = topology.value(u"links"_s).toArray();
    for (qsizetype i = 0; i < links.size() && i < MonitorJson::MaxLinks; ++i) {
        const QJsonObject o = links.at(i).toObject();
        TopologyLink link;
        link.id = MonitorJson::id(o.value(u"id"_s));
        const QJsonObject ends[2] = {o.value(u"a"_s).toObject(), o.value(u"b"_s).toObject()};
        QString deviceIds[2];
        for (int end = 0; end < 2; ++end)
            deviceIds[end] = m_idsByName.value(MonitorJson::text(ends[end].value(u"device"_s), 64));
        if (link.id.isEmpty() || deviceIds[0].isEmpty() || deviceIds[1].isEmpty() || m_links.contains(link.id))
            continue;
        link.fromDeviceId = deviceIds[0];
        link.toDeviceId = deviceIds[1];
        const std::optional<double> capacity = MonitorJson::number(o.value(u"capacityBps"_s));
        link.capacityBitsPerSecond = capacity && *capacity > 0 && *capacity < 1e15 ? qint64(*capacity) : 0;
        for (int end = 0; end < 2; ++end) {
            const QString interfaceName = MonitorJson::text(ends[end].value(u"interface"_s), 64);
            if (interfaceName.isEmpty())
                continue;
            for (const MonitorInterfaceInfo &iface : std::as_const(m_devices[deviceIds[end]].interfaces)) {
                if (iface.name == interfaceName) {
                    m_linkEndsByInterface.insert(interfaceKey(deviceIds[end], iface.ifIndex), {link.id, end});
                    break;
                }
            }
        }
        m_links.insert(link.id, LinkEnds{});
        snapshot.links.append(link);
    }
    return snapshot;
}

MonitorTranslator::Updates MonitorTranslator::applyStatus(const QJsonObject &status)
{
    Updates updates;
    const QJsonArray devices = status.value(u"devices"_s).toArray();
    for (qsizetype i = 0; i < devices.size() && i < MonitorJson::MaxDevices; ++i) {
        std::optional<MonitorDeviceState> state = MonitorDeviceState::fromStatusJson(devices.at(i).toObject());
        if (!state)
            continue;
        if (!m_devices.contains(state->id)) {
            updates.inventoryChanged = true;   // added since the inventory was read
            continue;
        }
        updates.devices.append(statusUpdate(*state));
        m_states.insert(state->id, std::move(*state));
    }
    const QJsonArray links = status.value(u"links"_s).toArray();
    for (qsizetype i = 0; i < links.size() && i < MonitorJson::MaxLinks; ++i) {
        const QJsonObject o = links.at(i).toObject();
        const QString id = MonitorJson::id(o.value(u"id"_s));
        auto link = m_links.find(id);
        if (link == m_links.end()) {
            updates.inventoryChanged |= !id.isEmpty();
            continue;
        }
        // The engine's figure for the link as a whole; polls refine it end by end afterwards.
        const std::optional<double> utilisation = MonitorJson::number(o.value(u"utilisationPercent"_s));
        link->utilisation = {utilisation, utilisation};
        updates.links.append({id, utilisation});
    }
    return updates;
}

MonitorTranslator::Updates MonitorTranslator::applyPoll(const QJsonObject &event)
{
    Updates updates;
    const QString id = MonitorJson::id(event.value(u"device"_s));
    if (id.isEmpty())
        return updates;
    if (!m_devices.contains(id)) {
        updates.inventoryChanged = m_hasTopology;
        return updates;
    }
    auto state = m_states.find(id);
    if (state == m_states.end()) {
        MonitorDeviceState fresh;
        fresh.id = id;
        state = m_states.insert(id, fresh);
    }
    state->applyPoll(event);
    updates.devices.append(statusUpdate(*state));

    const QJsonArray interfaces = event.value(u"interfaces"_s).toArray();
    for (qsizetype i = 0; i < interfaces.size() && i < MonitorJson::MaxInterfaces; ++i) {
        const QJsonObject o = interfaces.at(i).toObject();
        const int ifIndex = o.value(u"ifIndex"_s).toInt(0);
        const std::optional<double> utilisation = MonitorJson::number(o.value(u"utilisationPercent"_s));
        const auto ends = m_linkEndsByInterface.values(interfaceKey(id, ifIndex));
        for (const auto &[linkId, end] : ends) {
            m_links[linkId].utilisation[size_t(end)] = utilisation;
            updates.links.append({linkId, linkUtilisation(linkId)});
        }
    }
    return updates;
}

std::optional<double> MonitorTranslator::linkUtilisation(const QString &linkId) const
{
    // The busier end: a link is as full as its fuller direction as either side measures it.
    const LinkEnds ends = m_links.value(linkId);
    std::optional<double> busiest;
    for (const std::optional<double> &u : ends.utilisation) {
        if (u && (!busiest || *u > *busiest))
            busiest = u;
    }
    return busiest;
}

DeviceStatusUpdate MonitorTranslator::statusUpdate(const MonitorDeviceState &state) const
{
    DeviceStatusUpdate u;
    u.deviceId = state.id;
    u.acknowledged = state.acknowledged;
    u.inMaintenance = state.inMaintenance;
    u.lastPolled = state.lastPolledAt;
    // The engine knows each device's interval; a device it does not poll cannot be late.
    u.stale = state.stale;
    static const QHash<QString, DeviceStatus> severities{
        {u"critical"_s, DeviceStatus::Critical}, {u"major"_s, DeviceStatus::Major},
        {u"minor"_s, DeviceStatus::Minor},       {u"warning"_s, DeviceStatus::Warning},
    };
    if (!state.polled) {
        u.status = DeviceStatus::Unknown;
        u.cause = tr("Not polled (no SNMP settings, or disabled)");
    } else if (!state.reachable) {
        u.status = DeviceStatus::Unknown;
        u.cause = tr("Not polled yet");
    } else if (!*state.reachable) {
        if (!state.suppressedBy.isEmpty()) {
            u.status = DeviceStatus::Unreachable;
            u.cause = tr("Unreachable behind %1").arg(deviceName(state.suppressedBy));
        } else if (!state.worstSeverity.isEmpty()) {
            u.status = DeviceStatus::Down;
            u.cause = state.error.isEmpty() ? tr("No answer") : tr("No answer: %1").arg(state.error);
        } else {
            // One lost poll raises no alarm (hysteresis), so it does not paint the device down either.
            u.status = DeviceStatus::Warning;
            u.cause = state.error.isEmpty() ? tr("The last poll was not answered")
                                            : tr("The last poll was not answered: %1").arg(state.error);
        }
    } else {
        u.status = severities.value(state.worstSeverity, DeviceStatus::Up);
        if (!state.error.isEmpty())
            u.cause = state.error;
        else if (u.status != DeviceStatus::Up)
            u.cause = tr("Active %1 alarm").arg(state.worstSeverity);
    }
    return u;
}

DeviceStatusUpdate MonitorTranslator::drawnState(const QString &id) const
{
    const auto state = m_states.constFind(id);
    if (state != m_states.cend())
        return statusUpdate(*state);
    DeviceStatusUpdate u;   // no status read yet: unknown, not late
    u.deviceId = id;
    u.status = DeviceStatus::Unknown;
    u.cause = tr("Waiting for the engine's status");
    u.stale = false;
    return u;
}

const MonitorDeviceInfo *MonitorTranslator::deviceInfo(const QString &id) const
{
    const auto it = m_devices.constFind(id);
    return it == m_devices.cend() ? nullptr : &*it;
}

const MonitorDeviceState *MonitorTranslator::deviceState(const QString &id) const
{
    const auto it = m_states.constFind(id);
    return it == m_states.cend() ? nullptr : &*it;
}

QString MonitorTranslator::deviceName(const QString &id) const
{
    const MonitorDeviceInfo *info = deviceInfo(id);
    return info ? info->name : id;
}

QString MonitorTranslator::deviceIdForName(const QString &name) const
{
    return m_idsByName.value(name);
}

MonitorTranslator::Summary MonitorTranslator::summary() const
{
    Summary s;
    for (auto it = m_devices.cbegin(); it != m_devices.cend(); ++it) {
        const DeviceStatusUpdate drawn = drawnState(it.key());
        if (drawn.stale.value_or(false)) {
            ++s.stale;
            continue;
        }
        switch (drawn.status) {
        case DeviceStatus::Up: ++s.up; break;
        case DeviceStatus::Down:
        case DeviceStatus::Unreachable: ++s.down; break;
        case DeviceStatus::Unknown: ++s.unknown; break;
        default: ++s.alarmed; break;
        }
    }
    return s;
}

} // namespace noc
