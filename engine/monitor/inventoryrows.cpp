#include "inventoryrows.h"

#include "monitorlogging.h"

#include "store/connection.h"

#include <QHash>
#include <QHostAddress>
#include <QSet>

namespace reg::monitor::InventoryRows {
namespace {

using store::Connection;

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}

QVariant optionalNumber(const std::optional<MapPoint> &point, double MapPoint::*axis)
{
    return point ? QVariant((*point).*axis) : QVariant();
}

std::optional<MapPoint> pointFrom(const QVariant &x, const QVariant &y)
{
    if (!x.isValid() || !y.isValid())
        return std::nullopt;
    return MapPoint{x.toDouble(), y.toDouble()};
}

Result<qint64> idOf(Connection &c, const QString &sql, const QVariant &key, const QString &missing)
{
    Result<QVariant> id = c.queryValue(sql, {key});
    if (!id)
        return id.error();
    if (!id->isValid())
        return Error(ErrorCode::NotFound, missing);
    return id->toLongLong();
}

Result<qint64> siteId(Connection &c, const QString &code)
{
    return idOf(c, QStringLiteral("SELECT id FROM monitor_sites WHERE code = ?1"), code, QStringLiteral("no site %1").arg(code));
}

Result<qint64> deviceId(Connection &c, const QString &name)
{
    return idOf(c, QStringLiteral("SELECT id FROM monitor_devices WHERE name = ?1"), name, QStringLiteral("no device %1").arg(name));
}

// A reference from the object being written: a missing target is the request's fault, not a 404.
Error asBadReference(const Error &e)
{
    return e.code == ErrorCode::NotFound ? invalid(e.message) : e;
}

// Conflict when a site code or device name is already taken.
Result<void> requireFree(Connection &c, const char *table, const char *column, const QString &value, const char *what)
{
    Result<QVariant> taken = c.queryValue(QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ?1").arg(QLatin1StringView(table), QLatin1StringView(column)),
                                          {value});
    if (!taken)
        return taken.error();
    if (taken->isValid())
        return Error(ErrorCode::Conflict, QStringLiteral("a %1 %2 already exists").arg(QLatin1StringView(what), value));
    return success();
}

// The first few names a query finds ("a, b, c, ..."), for a refusal that says what is in the way.
Result<QString> namesInTheWay(Connection &c, const QString &sql, qint64 id)
{
    constexpr int shown = 5;
    Result<QList<QVariantList>> rows = c.queryRows(sql, {id}, shown + 1);
    if (!rows)
        return rows.error();
    QStringList names;
    for (const QVariantList &row : std::as_const(*rows))
        names.append(row.at(0).toString());
    if (names.size() > shown)
        names.last() = QStringLiteral("...");
    return names.join(QStringLiteral(", "));
}

// The associated data binds a sealed secret to its row and column.
QByteArray secretBinding(qint64 deviceId, const char *column)
{
    return QByteArrayLiteral("monitor_devices/") + QByteArray::number(deviceId) + '/' + column;
}

struct SecretColumn
{
    const char *column;
    std::optional<QByteArray> SnmpSettings::*given;
    bool needed;
};

Result<void> writeSnmp(Connection &c, qint64 id, const std::optional<SnmpSettings> &snmp, const SecretBoxSource &box)
{
    if (!snmp) {
        return c.execute(QStringLiteral("UPDATE monitor_devices SET snmp_version = NULL, snmp_user = '', community_sealed = NULL, "
                                        "auth_sealed = NULL, priv_sealed = NULL WHERE id = ?1"),
                         {id});
    }
    const SnmpSettings &s = *snmp;
    const bool v2c = s.version == SnmpVersion::V2c;
    if (auto r = c.execute(QStringLiteral("UPDATE monitor_devices SET snmp_version = ?2, snmp_port = ?3, snmp_user = ?4, snmp_level = ?5, "
                                          "snmp_auth = ?6, snmp_priv = ?7, interval_secs = ?8, timeout_ms = ?9, retries = ?10 WHERE id = ?1"),
                           {id, snmpVersionName(s.version), s.port, QString::fromUtf8(s.user), snmpSecurityLevelName(s.level),
                            snmpAuthProtocolName(s.auth), snmpPrivProtocolName(s.priv), s.intervalSecs, s.timeoutMs, s.retries});
        !r)
        return r;
    const SecretColumn columns[] = {
        {"community_sealed", &SnmpSettings::community, v2c},
        {"auth_sealed", &SnmpSettings::authPassphrase, !v2c && s.level != SnmpSecurityLevel::NoAuthNoPriv},
        {"priv_sealed", &SnmpSettings::privPassphrase, !v2c && s.level == SnmpSecurityLevel::AuthPriv},
    };
    for (const SecretColumn &column : columns) {
        const QString name = QString::fromLatin1(column.column);
        const std::optional<QByteArray> &given = s.*column.given;
        if (!column.needed) {
            // A secret the settings no longer use is not kept (a v2c community after a move to v3).
            if (auto r = c.execute(QStringLiteral("UPDATE monitor_devices SET %1 = NULL WHERE id = ?1").arg(name), {id}); !r)
                return r;
            continue;
        }
        if (given) {
            Result<SecretBox> sealer = box();
            if (!sealer)
                return sealer.error();
            Result<QByteArray> sealed = sealer->seal(*given, secretBinding(id, column.column));
            if (!sealed)
                return sealed.error();
            if (auto r = c.execute(QStringLiteral("UPDATE monitor_devices SET %1 = ?2 WHERE id = ?1").arg(name), {id, *sealed}); !r)
                return r;
            continue;
        }
        Result<QVariant> stored = c.queryValue(QStringLiteral("SELECT %1 IS NOT NULL FROM monitor_devices WHERE id = ?1").arg(name), {id});
        if (!stored)
            return stored.error();
        if (!stored->toBool()) {
            const char *field = column.given == &SnmpSettings::community ? "community"
                : column.given == &SnmpSettings::authPassphrase          ? "authPassphrase"
                                                                         : "privPassphrase";
            return invalid(QStringLiteral("snmp.%1: needed for SNMP %2 at this security level and not stored yet")
                               .arg(QLatin1StringView(field), v2c ? QStringLiteral("v2c") : QStringLiteral("v3")));
        }
    }
    return success();
}

// Interfaces are matched by ifIndex, so a link keeps its interface when only the name or speed
// changes; interfaces no longer listed go (their links become device to device).
Result<void> writeInterfaces(Connection &c, qint64 id, const QList<Interface> &interfaces)
{
    QStringList kept;
    for (const Interface &i : interfaces)
        kept.append(QString::number(i.ifIndex));
    if (auto r = c.execute(QStringLiteral("DELETE FROM monitor_interfaces WHERE device_id = ?1 AND if_index NOT IN (%1)")
                               .arg(kept.isEmpty() ? QStringLiteral("-1") : kept.join(u',')),
                           {id});
        !r)
        return r;
    // Names first moved aside, so two interfaces may swap names in one change.
    if (auto r = c.execute(QStringLiteral("UPDATE monitor_interfaces SET name = '#' || id WHERE device_id = ?1"), {id}); !r)
        return r;
    for (const Interface &i : interfaces) {
        if (auto r = c.execute(QStringLiteral("INSERT INTO monitor_interfaces (device_id, if_index, name, speed_bps) VALUES (?1, ?2, ?3, ?4) "
                                              "ON CONFLICT (device_id, if_index) DO UPDATE SET name = excluded.name, speed_bps = excluded.speed_bps"),
                               {id, i.ifIndex, i.name, i.speedBps});
            !r)
            return r;
    }
    return success();
}

Result<void> writeDeviceRow(Connection &c, qint64 id, const Device &d, const SecretBoxSource &box, qint64 nowMs)
{
    Result<qint64> site = siteId(c, d.site);
    if (!site)
        return asBadReference(site.error());
    if (auto r = c.execute(QStringLiteral("UPDATE monitor_devices SET name = ?2, kind = ?3, site_id = ?4, address = ?5, enabled = ?6, "
                                          "updated_at = ?7 WHERE id = ?1"),
                           {id, d.name, deviceKindName(d.kind), *site, d.address, d.enabled, nowMs});
        !r)
        return r;
    if (auto r = writeSnmp(c, id, d.snmp, box); !r)
        return r;
    return writeInterfaces(c, id, d.interfaces);
}

Result<QHash<qint64, QStringList>> parentNames(Connection &c)
{
    Result<QList<QVariantList>> rows = c.queryRows(QStringLiteral(
        "SELECT p.device_id, d.name FROM monitor_device_parents p JOIN monitor_devices d ON d.id = p.parent_id ORDER BY d.name"));
    if (!rows)
        return rows.error();
    QHash<qint64, QStringList> parents;
    for (const QVariantList &row : std::as_const(*rows))
        parents[row.at(0).toLongLong()].append(row.at(1).toString());
    return parents;
}

Result<QHash<qint64, QList<Interface>>> interfacesByDevice(Connection &c)
{
    Result<QList<QVariantList>> rows = c.queryRows(
        QStringLiteral("SELECT device_id, if_index, name, speed_bps FROM monitor_interfaces ORDER BY device_id, if_index"));
    if (!rows)
        return rows.error();
    QHash<qint64, QList<Interface>> interfaces;
    for (const QVariantList &row : std::as_const(*rows))
        interfaces[row.at(0).toLongLong()].append(Interface{row.at(1).toInt(), row.at(2).toString(), row.at(3).toLongLong()});
    return interfaces;
}

Result<std::optional<qint64>> interfaceId(Connection &c, qint64 device, const LinkEnd &end, const char *side)
{
    if (end.interfaceName.isEmpty())
        return std::optional<qint64>();
    Result<QVariant> id = c.queryValue(QStringLiteral("SELECT id FROM monitor_interfaces WHERE device_id = ?1 AND name = ?2"),
                                       {device, end.interfaceName});
    if (!id)
        return id.error();
    if (!id->isValid())
        return invalid(QStringLiteral("%1.interface: %2 has no interface %3").arg(QLatin1StringView(side), end.device, end.interfaceName));
    return std::optional<qint64>(id->toLongLong());
}

// The columns a link row is written with, resolved from names.
Result<QVariantList> linkColumns(Connection &c, const Link &l)
{
    QVariantList columns;
    for (const auto &[end, side] : {std::pair{&l.a, "a"}, std::pair{&l.b, "b"}}) {
        Result<qint64> device = deviceId(c, end->device);
        if (!device)
            return Error(ErrorCode::InvalidInput, QStringLiteral("%1.device: %2").arg(QLatin1StringView(side), device.error().message));
        Result<std::optional<qint64>> iface = interfaceId(c, *device, *end, side);
        if (!iface)
            return iface.error();
        columns << *device << (*iface ? QVariant(**iface) : QVariant());
    }
    columns << l.capacityBps;
    return columns;
}

} // namespace

Result<QList<Site>> sites(Connection &c, const std::optional<QString> &code)
{
    Result<QList<QVariantList>> rows = c.queryRows(
        QStringLiteral("SELECT code, name, role, location, map_x, map_y FROM monitor_sites WHERE ?1 IS NULL OR code = ?1 ORDER BY code"),
        {code ? QVariant(*code) : QVariant()});
    if (!rows)
        return rows.error();
    QList<Site> list;
    for (const QVariantList &row : std::as_const(*rows))
        list.append(Site{row.at(0).toString(), row.at(1).toString(), parseSiteRole(row.at(2).toString()).value_or(SiteRole::Other),
                         row.at(3).toString(), pointFrom(row.at(4), row.at(5))});
    if (code && list.isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("no site %1").arg(*code));
    return list;
}

Result<QList<Device>> devices(Connection &c, const std::optional<QString> &name)
{
    Result<QList<QVariantList>> rows = c.queryRows(
        QStringLiteral("SELECT d.id, d.name, d.kind, s.code, d.address, d.enabled, d.snmp_version, d.snmp_port, d.snmp_user, "
                       "d.snmp_level, d.snmp_auth, d.snmp_priv, d.community_sealed IS NOT NULL, d.auth_sealed IS NOT NULL, "
                       "d.priv_sealed IS NOT NULL, d.interval_secs, d.timeout_ms, d.retries, m.x, m.y "
                       "FROM monitor_devices d JOIN monitor_sites s ON s.id = d.site_id "
                       "LEFT JOIN monitor_map_positions m ON m.device_id = d.id "
                       "WHERE ?1 IS NULL OR d.name = ?1 ORDER BY d.name"),
        {name ? QVariant(*name) : QVariant()});
    if (!rows)
        return rows.error();
    if (name && rows->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("no device %1").arg(*name));
    Result<QHash<qint64, QStringList>> parents = parentNames(c);
    if (!parents)
        return parents.error();
    Result<QHash<qint64, QList<Interface>>> interfaces = interfacesByDevice(c);
    if (!interfaces)
        return interfaces.error();
    QList<Device> list;
    for (const QVariantList &row : std::as_const(*rows)) {
        Device d;
        d.id = row.at(0).toLongLong();
        d.name = row.at(1).toString();
        d.kind = parseDeviceKind(row.at(2).toString()).value_or(DeviceKind::Server);
        d.site = row.at(3).toString();
        d.address = row.at(4).toString();
        d.enabled = row.at(5).toBool();
        if (row.at(6).isValid()) {
            SnmpSettings s;
            s.version = parseSnmpVersion(row.at(6).toString()).value_or(SnmpVersion::V2c);
            s.port = quint16(row.at(7).toInt());
            s.user = row.at(8).toString().toUtf8();
            s.level = parseSnmpSecurityLevel(row.at(9).toString()).value_or(SnmpSecurityLevel::AuthPriv);
            s.auth = parseSnmpAuthProtocol(row.at(10).toString()).value_or(SnmpAuthProtocol::Sha1);
            s.priv = parseSnmpPrivProtocol(row.at(11).toString()).value_or(SnmpPrivProtocol::Aes128);
            s.communitySet = row.at(12).toBool();
            s.authPassphraseSet = row.at(13).toBool();
            s.privPassphraseSet = row.at(14).toBool();
            s.intervalSecs = row.at(15).toInt();
            s.timeoutMs = row.at(16).toInt();
            s.retries = row.at(17).toInt();
            d.snmp = s;
        }
        d.map = pointFrom(row.at(18), row.at(19));
        d.parents = parents->value(d.id);
        d.interfaces = interfaces->value(d.id);
        list.append(d);
    }
    return list;
}

Result<QList<Link>> links(Connection &c, std::optional<qint64> id)
{
    Result<QList<QVariantList>> rows = c.queryRows(
        QStringLiteral("SELECT l.id, a.name, ai.name, b.name, bi.name, l.capacity_bps FROM monitor_links l "
                       "JOIN monitor_devices a ON a.id = l.a_device_id JOIN monitor_devices b ON b.id = l.b_device_id "
                       "LEFT JOIN monitor_interfaces ai ON ai.id = l.a_interface_id "
                       "LEFT JOIN monitor_interfaces bi ON bi.id = l.b_interface_id "
                       "WHERE ?1 IS NULL OR l.id = ?1 ORDER BY l.id"),
        {id ? QVariant(*id) : QVariant()});
    if (!rows)
        return rows.error();
    if (id && rows->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("no link %1").arg(*id));
    QList<Link> list;
    for (const QVariantList &row : std::as_const(*rows))
        list.append(Link{row.at(0).toLongLong(), LinkEnd{row.at(1).toString(), row.at(2).toString()},
                         LinkEnd{row.at(3).toString(), row.at(4).toString()}, row.at(5).toLongLong()});
    return list;
}

Result<QList<DeviceDependency>> dependencies(Connection &c)
{
    Result<QList<QVariantList>> rows = c.queryRows(QStringLiteral(
        "SELECT d.id, d.name, s.code FROM monitor_devices d JOIN monitor_sites s ON s.id = d.site_id ORDER BY d.id"));
    if (!rows)
        return rows.error();
    Result<QList<QVariantList>> edges = c.queryRows(QStringLiteral("SELECT device_id, parent_id FROM monitor_device_parents ORDER BY parent_id"));
    if (!edges)
        return edges.error();
    QHash<qint64, QList<qint64>> parents;
    for (const QVariantList &edge : std::as_const(*edges))
        parents[edge.at(0).toLongLong()].append(edge.at(1).toLongLong());
    QList<DeviceDependency> list;
    for (const QVariantList &row : std::as_const(*rows)) {
        const qint64 id = row.at(0).toLongLong();
        list.append(DeviceDependency{id, row.at(1).toString(), row.at(2).toString(), parents.value(id)});
    }
    return list;
}

Result<QList<SnmpTarget>> snmpTargets(Connection &c, const SecretBoxSource &box)
{
    Result<QList<QVariantList>> rows = c.queryRows(QStringLiteral(
        "SELECT id, name, address, snmp_version, snmp_port, snmp_user, snmp_level, snmp_auth, snmp_priv, community_sealed, "
        "auth_sealed, priv_sealed, interval_secs, timeout_ms, retries FROM monitor_devices "
        "WHERE enabled = 1 AND snmp_version IS NOT NULL AND address <> '' ORDER BY id"));
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return QList<SnmpTarget>();
    Result<SecretBox> opener = box();
    if (!opener)
        return opener.error();
    QList<SnmpTarget> targets;
    for (const QVariantList &row : std::as_const(*rows)) {
        SnmpTarget t;
        t.deviceId = row.at(0).toLongLong();
        t.address = QHostAddress(row.at(2).toString());
        t.port = quint16(row.at(4).toInt());
        SnmpCredentials &cr = t.credentials;
        cr.version = parseSnmpVersion(row.at(3).toString()).value_or(SnmpVersion::V2c);
        cr.user = row.at(5).toString().toUtf8();
        cr.level = parseSnmpSecurityLevel(row.at(6).toString()).value_or(SnmpSecurityLevel::AuthPriv);
        cr.auth = parseSnmpAuthProtocol(row.at(7).toString()).value_or(SnmpAuthProtocol::Sha1);
        cr.priv = parseSnmpPrivProtocol(row.at(8).toString()).value_or(SnmpPrivProtocol::Aes128);
        t.intervalSecs = row.at(12).toInt();
        t.timeoutMs = row.at(13).toInt();
        t.retries = row.at(14).toInt();
        bool opened = true;
        for (const auto &[column, index, target] : {std::tuple{"community_sealed", 9, &cr.community},
                                                    std::tuple{"auth_sealed", 10, &cr.authPassphrase},
                                                    std::tuple{"priv_sealed", 11, &cr.privPassphrase}}) {
            const QVariant sealed = row.at(index);
            if (!sealed.isValid())
                continue;
            Result<QByteArray> secret = opener->open(sealed.toByteArray(), secretBinding(t.deviceId, column));
            if (!secret) {
                opened = false;
                break;
            }
            *target = *secret;
        }
        if (!opened) {
            qCWarning(lcMonitor, "device %s is not polled: its stored SNMP secret does not open (altered, or another "
                                 "monitor-secrets.key); set it again", qUtf8Printable(row.at(1).toString()));
            continue;
        }
        targets.append(t);
    }
    return targets;
}

Result<void> insertSite(Connection &c, const Site &s, qint64 nowMs)
{
    if (Result<void> free = requireFree(c, "monitor_sites", "code", s.code, "site"); !free)
        return free;
    return c.execute(QStringLiteral("INSERT INTO monitor_sites (code, name, role, location, map_x, map_y, created_at, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"),
                     {s.code, s.name, siteRoleName(s.role), s.location, optionalNumber(s.map, &MapPoint::x),
                      optionalNumber(s.map, &MapPoint::y), nowMs});
}

Result<void> updateSite(Connection &c, const QString &code, const Site &s, qint64 nowMs)
{
    Result<qint64> id = siteId(c, code);
    if (!id)
        return id.error();
    if (s.code != code) {
        if (Result<void> free = requireFree(c, "monitor_sites", "code", s.code, "site"); !free)
            return free;
    }
    return c.execute(QStringLiteral("UPDATE monitor_sites SET code = ?2, name = ?3, role = ?4, location = ?5, map_x = ?6, map_y = ?7, "
                                    "updated_at = ?8 WHERE id = ?1"),
                     {*id, s.code, s.name, siteRoleName(s.role), s.location, optionalNumber(s.map, &MapPoint::x),
                      optionalNumber(s.map, &MapPoint::y), nowMs});
}

Result<void> deleteSite(Connection &c, const QString &code)
{
    Result<qint64> id = siteId(c, code);
    if (!id)
        return id.error();
    Result<QString> devices = namesInTheWay(c, QStringLiteral("SELECT name FROM monitor_devices WHERE site_id = ?1 ORDER BY name"), *id);
    if (!devices)
        return devices.error();
    if (!devices->isEmpty())
        return Error(ErrorCode::Conflict, QStringLiteral("site %1 still has devices (%2): move or delete them first").arg(code, *devices));
    return c.execute(QStringLiteral("DELETE FROM monitor_sites WHERE id = ?1"), {*id});
}

Result<qint64> insertDevice(Connection &c, const Device &d, const SecretBoxSource &box, qint64 nowMs)
{
    if (Result<void> free = requireFree(c, "monitor_devices", "name", d.name, "device"); !free)
        return free.error();
    Result<qint64> site = siteId(c, d.site);
    if (!site)
        return asBadReference(site.error()).withContext(QStringLiteral("site: "));
    if (auto r = c.execute(QStringLiteral("INSERT INTO monitor_devices (name, kind, site_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)"),
                           {d.name, deviceKindName(d.kind), *site, nowMs});
        !r)
        return r.error();
    const qint64 id = c.lastInsertRowId();
    if (auto r = writeDeviceRow(c, id, d, box, nowMs); !r)
        return r.error();
    return id;
}

Result<qint64> updateDevice(Connection &c, const QString &name, const Device &d, const SecretBoxSource &box, qint64 nowMs)
{
    Result<qint64> id = deviceId(c, name);
    if (!id)
        return id.error();
    if (d.name != name) {
        if (Result<void> free = requireFree(c, "monitor_devices", "name", d.name, "device"); !free)
            return free.error();
    }
    if (auto r = writeDeviceRow(c, *id, d, box, nowMs); !r)
        return r.error();
    return *id;
}

Result<void> setParents(Connection &c, qint64 id, const QStringList &parents)
{
    if (auto r = c.execute(QStringLiteral("DELETE FROM monitor_device_parents WHERE device_id = ?1"), {id}); !r)
        return r;
    for (qsizetype i = 0; i < parents.size(); ++i) {
        Result<qint64> parent = deviceId(c, parents.at(i));
        if (!parent)
            return invalid(QStringLiteral("parents[%1]: %2").arg(i).arg(parent.error().message));
        if (*parent == id)
            return invalid(QStringLiteral("parents[%1]: a device cannot depend on itself").arg(i));
        if (auto r = c.execute(QStringLiteral("INSERT OR IGNORE INTO monitor_device_parents (device_id, parent_id) VALUES (?1, ?2)"),
                               {id, *parent});
            !r)
            return r;
    }
    return success();
}

Result<void> checkNoCycle(Connection &c)
{
    Result<QList<QVariantList>> rows = c.queryRows(QStringLiteral(
        "SELECT c.name, p.name FROM monitor_device_parents e JOIN monitor_devices c ON c.id = e.device_id "
        "JOIN monitor_devices p ON p.id = e.parent_id ORDER BY c.name, p.name"));
    if (!rows)
        return rows.error();
    QHash<QString, QStringList> parents;
    for (const QVariantList &row : std::as_const(*rows))
        parents[row.at(0).toString()].append(row.at(1).toString());
    // Depth-first search with colours; a grey device met again closes a cycle, which the path names.
    enum class Colour { White, Grey, Black };
    QHash<QString, Colour> colour;
    QStringList path;
    std::function<std::optional<QStringList>(const QString &)> visit = [&](const QString &device) -> std::optional<QStringList> {
        colour.insert(device, Colour::Grey);
        path.append(device);
        for (const QString &parent : parents.value(device)) {
            const Colour seen = colour.value(parent, Colour::White);
            if (seen == Colour::Grey) {
                QStringList cycle = path.mid(path.indexOf(parent));
                cycle.append(parent);
                return cycle;
            }
            if (seen == Colour::White) {
                if (std::optional<QStringList> cycle = visit(parent))
                    return cycle;
            }
        }
        path.removeLast();
        colour.insert(device, Colour::Black);
        return std::nullopt;
    };
    // In name order, so the same cycle is always reported the same way.
    QStringList devices = parents.keys();
    devices.sort();
    for (const QString &device : std::as_const(devices)) {
        if (colour.value(device, Colour::White) != Colour::White)
            continue;
        if (std::optional<QStringList> cycle = visit(device))
            return Error(ErrorCode::Conflict, QStringLiteral("the dependencies would form a cycle: %1 (each depends on the next)")
                                                  .arg(cycle->join(QStringLiteral(" -> "))));
    }
    return success();
}

Result<void> deleteDevice(Connection &c, const QString &name)
{
    Result<qint64> id = deviceId(c, name);
    if (!id)
        return id.error();
    Result<QString> children = namesInTheWay(c, QStringLiteral("SELECT d.name FROM monitor_device_parents p JOIN monitor_devices d "
                                                               "ON d.id = p.device_id WHERE p.parent_id = ?1 ORDER BY d.name"),
                                             *id);
    if (!children)
        return children.error();
    if (!children->isEmpty())
        return Error(ErrorCode::Conflict, QStringLiteral("device %1 is a parent of %2: remove those dependencies first").arg(name, *children));
    return c.execute(QStringLiteral("DELETE FROM monitor_devices WHERE id = ?1"), {*id});
}

Result<void> saveMapPosition(Connection &c, const QString &device, const MapPoint &point, qint64 nowMs)
{
    Result<qint64> id = deviceId(c, device);
    if (!id)
        return id.error();
    return c.execute(QStringLiteral("INSERT INTO monitor_map_positions (device_id, x, y, updated_at) VALUES (?1, ?2, ?3, ?4) "
                                    "ON CONFLICT (device_id) DO UPDATE SET x = excluded.x, y = excluded.y, updated_at = excluded.updated_at"),
                     {*id, point.x, point.y, nowMs});
}

Result<qint64> insertLink(Connection &c, const Link &l, qint64 nowMs)
{
    Result<QVariantList> columns = linkColumns(c, l);
    if (!columns)
        return columns.error();
    if (auto r = c.execute(QStringLiteral("INSERT INTO monitor_links (a_device_id, a_interface_id, b_device_id, b_interface_id, capacity_bps, "
                                          "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                           *columns << nowMs);
        !r)
        return r.error();
    return c.lastInsertRowId();
}

Result<void> updateLink(Connection &c, qint64 id, const Link &l)
{
    Result<QVariant> exists = c.queryValue(QStringLiteral("SELECT 1 FROM monitor_links WHERE id = ?1"), {id});
    if (!exists)
        return exists.error();
    if (!exists->isValid())
        return Error(ErrorCode::NotFound, QStringLiteral("no link %1").arg(id));
    Result<QVariantList> columns = linkColumns(c, l);
    if (!columns)
        return columns.error();
    return c.execute(QStringLiteral("UPDATE monitor_links SET a_device_id = ?1, a_interface_id = ?2, b_device_id = ?3, "
                                    "b_interface_id = ?4, capacity_bps = ?5 WHERE id = ?6"),
                     *columns << id);
}

Result<void> deleteLink(Connection &c, qint64 id)
{
    if (auto r = c.execute(QStringLiteral("DELETE FROM monitor_links WHERE id = ?1"), {id}); !r)
        return r;
    if (c.changes() == 0)
        return Error(ErrorCode::NotFound, QStringLiteral("no link %1").arg(id));
    return success();
}

Result<void> clear(Connection &c)
{
    return c.exec(QStringLiteral("DELETE FROM monitor_links; DELETE FROM monitor_map_positions; DELETE FROM monitor_device_parents; "
                                 "DELETE FROM monitor_interfaces; DELETE FROM monitor_devices; DELETE FROM monitor_sites;"));
}

} // namespace reg::monitor::InventoryRows
