#include "monitor/inventorysnapshot.h"

#include "monitor/inventory.h"

#include <QStringList>

#include <algorithm>

namespace reg::monitor {
namespace {

// IPv4-mapped IPv6 (a trap arriving on a dual-stack socket) and IPv4 compare alike.
QString addressKey(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

} // namespace

Result<InventorySnapshot> InventorySnapshot::read(Inventory &inventory)
{
    Result<Topology> topology = inventory.topology();
    if (!topology)
        return topology.error();
    Result<QList<SnmpTarget>> targets = inventory.snmpTargets();
    if (!targets)
        return targets.error();
    Result<QList<DeviceDependency>> dependencies = inventory.dependencies();
    if (!dependencies)
        return dependencies.error();
    return build(std::move(topology->devices), std::move(topology->links), std::move(*targets), *dependencies);
}

InventorySnapshot InventorySnapshot::build(QList<Device> devices, QList<Link> links, QList<SnmpTarget> targets,
                                           const QList<DeviceDependency> &dependencies)
{
    InventorySnapshot s;
    s.m_devices = std::move(devices);
    s.m_links = std::move(links);
    for (const SnmpTarget &t : std::as_const(targets))
        s.m_targets.insert(t.deviceId, t);
    for (qsizetype i = 0; i < s.m_devices.size(); ++i) {
        const Device &d = s.m_devices.at(i);
        s.m_index.insert(d.id, i);
        s.m_byName.insert(d.name, d.id);
        if (QHostAddress address; !d.address.isEmpty() && address.setAddress(d.address)) {
            const QString key = addressKey(address);
            if (!s.m_byAddress.contains(key) || s.m_byAddress.value(key) > d.id)
                s.m_byAddress.insert(key, d.id);
        }
        if (d.kind == DeviceKind::RegistrydNode && (!s.m_nodeBySite.contains(d.site) || s.m_nodeBySite.value(d.site) > d.id))
            s.m_nodeBySite.insert(d.site, d.id);
    }
    QList<DeviceDependency> sorted = dependencies;
    std::sort(sorted.begin(), sorted.end(), [](const DeviceDependency &a, const DeviceDependency &b) { return a.deviceId < b.deviceId; });
    QStringList key;
    for (const DeviceDependency &d : std::as_const(sorted)) {
        QStringList parents;
        for (qint64 p : d.parentIds)
            parents << QString::number(p);
        parents.sort();
        s.m_graph.setDevice(QString::number(d.deviceId), d.siteCode, parents);
        key << QString::number(d.deviceId) + u'@' + d.siteCode + u'<' + parents.join(u',');
    }
    s.m_dependencyKey = key.join(u';');
    return s;
}

const Device *InventorySnapshot::device(qint64 id) const
{
    auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_devices.at(*it);
}

std::optional<qint64> InventorySnapshot::idOf(const QString &name) const
{
    auto it = m_byName.constFind(name);
    if (it == m_byName.cend())
        return std::nullopt;
    return *it;
}

QString InventorySnapshot::nameOf(qint64 id) const
{
    const Device *d = device(id);
    return d ? d->name : QString();
}

std::optional<qint64> InventorySnapshot::deviceAt(const QHostAddress &address) const
{
    auto it = m_byAddress.constFind(addressKey(address));
    if (it == m_byAddress.cend())
        return std::nullopt;
    return *it;
}

QString InventorySnapshot::probeDevice(const QString &siteCode) const
{
    auto it = m_nodeBySite.constFind(siteCode);
    return it == m_nodeBySite.cend() ? QStringLiteral("site:") + siteCode : QString::number(*it);
}

bool InventorySnapshot::sameTarget(const SnmpTarget &a, const SnmpTarget &b)
{
    const SnmpCredentials &x = a.credentials;
    const SnmpCredentials &y = b.credentials;
    return a.deviceId == b.deviceId && a.address == b.address && a.port == b.port && a.timeoutMs == b.timeoutMs
        && a.retries == b.retries && a.intervalSecs == b.intervalSecs && x.version == y.version && x.community == y.community
        && x.user == y.user && x.level == y.level && x.auth == y.auth && x.authPassphrase == y.authPassphrase
        && x.priv == y.priv && x.privPassphrase == y.privPassphrase;
}

} // namespace reg::monitor
