#include "inventoryjson.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>
#include <functional>

namespace reg::monitor::InventoryJson {
namespace {

constexpr qsizetype maxSecretLength = 255;
constexpr qsizetype minPassphraseLength = 8;   // RFC 3414 11.2: shorter passphrases are refused by agents

// One JSON object being decoded, with the path its messages start with.
class Fields
{
public:
    Fields(const QJsonObject &object, QString where) : m_object(object), m_where(std::move(where)) {}

    QString at(const QString &field) const { return m_where.isEmpty() ? field : m_where + u'.' + field; }
    Error invalid(const QString &field, const QString &what) const
    {
        return Error(ErrorCode::InvalidInput, at(field) + QStringLiteral(": ") + what);
    }
    bool has(const QString &field) const { return m_object.contains(field) && !m_object.value(field).isNull(); }
    QJsonValue value(const QString &field) const { return m_object.value(field); }

    Result<void> onlyKnown(const QSet<QString> &allowed) const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!allowed.contains(it.key()))
                return invalid(it.key().left(maxNameLength), QStringLiteral("unknown field"));
        }
        return success();
    }

    // Text without control characters; nullopt when absent (or null) and not required.
    Result<std::optional<QString>> text(const QString &field, qsizetype minLength, qsizetype maxLength, bool required) const
    {
        if (!has(field)) {
            if (required)
                return invalid(field, QStringLiteral("missing"));
            return std::optional<QString>();
        }
        const QJsonValue v = m_object.value(field);
        if (!v.isString())
            return invalid(field, QStringLiteral("must be a string"));
        const QString s = v.toString();
        if (s.size() < minLength || s.size() > maxLength)
            return invalid(field, QStringLiteral("must be %1 to %2 characters long").arg(minLength).arg(maxLength));
        for (QChar c : s) {
            if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
                return invalid(field, QStringLiteral("must not contain control characters"));
        }
        return std::optional<QString>(s);
    }

    // A secret: printable ASCII, as SNMP agents configure them.
    Result<std::optional<QByteArray>> secret(const QString &field, qsizetype minLength) const
    {
        Result<std::optional<QString>> s = text(field, minLength, maxSecretLength, false);
        if (!s)
            return s.error();
        if (!*s)
            return std::optional<QByteArray>();
        for (QChar c : **s) {
            if (c.unicode() < 0x20 || c.unicode() > 0x7e)
                return invalid(field, QStringLiteral("must be printable ASCII"));
        }
        return std::optional<QByteArray>((*s)->toLatin1());
    }

    Result<std::optional<qint64>> integer(const QString &field, qint64 minimum, qint64 maximum) const
    {
        if (!has(field))
            return std::optional<qint64>();
        const QJsonValue v = m_object.value(field);
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < double(minimum) || d > double(maximum))
            return invalid(field, QStringLiteral("must be a whole number from %1 to %2").arg(minimum).arg(maximum));
        return std::optional<qint64>(qint64(d));
    }

    Result<std::optional<bool>> boolean(const QString &field) const
    {
        if (!has(field))
            return std::optional<bool>();
        if (!m_object.value(field).isBool())
            return invalid(field, QStringLiteral("must be true or false"));
        return std::optional<bool>(m_object.value(field).toBool());
    }

    Result<QString> name(const QString &field) const
    {
        Result<std::optional<QString>> s = text(field, 1, maxNameLength, true);
        if (!s)
            return s.error();
        Result<QString> checked = InventoryJson::name(**s, at(field));
        if (!checked)
            return checked.error();
        return *checked;
    }

    Result<std::optional<MapPoint>> map(const QString &field) const
    {
        if (!has(field))
            return std::optional<MapPoint>();
        Result<MapPoint> p = point(m_object.value(field), at(field));
        if (!p)
            return p.error();
        return std::optional<MapPoint>(*p);
    }

private:
    QJsonObject m_object;   // implicitly shared: a copy is cheap and outlives temporaries
    QString m_where;
};

QString indexed(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

Result<SnmpSettings> snmpSettings(const Fields &parent, const QString &field)
{
    const QJsonValue value = parent.value(field);
    if (!value.isObject())
        return parent.invalid(field, QStringLiteral("must be an object or null"));
    const QJsonObject object = value.toObject();
    const Fields f(object, parent.at(field));
    SnmpSettings s;
    Result<std::optional<QString>> versionText = f.text(QStringLiteral("version"), 1, 8, true);
    if (!versionText)
        return versionText.error();
    const std::optional<SnmpVersion> version = parseSnmpVersion(**versionText);
    if (!version)
        return f.invalid(QStringLiteral("version"), QStringLiteral("must be \"2c\" or \"3\""));
    s.version = *version;
    QSet<QString> allowed{QStringLiteral("version"), QStringLiteral("port"), QStringLiteral("intervalSecs"),
                          QStringLiteral("timeoutMs"), QStringLiteral("retries"),
                          // read back by toJson(); accepted so a GET answer can be sent back as it is
                          QStringLiteral("communitySet"), QStringLiteral("authPassphraseSet"), QStringLiteral("privPassphraseSet")};
    if (s.version == SnmpVersion::V2c)
        allowed << QStringLiteral("community");
    else
        allowed << QStringLiteral("user") << QStringLiteral("level") << QStringLiteral("auth") << QStringLiteral("priv")
                << QStringLiteral("authPassphrase") << QStringLiteral("privPassphrase");
    if (Result<void> r = f.onlyKnown(allowed); !r)
        return Error(r.error().code, r.error().message + QStringLiteral(" for SNMP version %1").arg(**versionText));

    struct Number
    {
        const char *field;
        qint64 minimum;
        qint64 maximum;
        std::function<void(qint64)> set;
    };
    const Number numbers[] = {
        {"port", 1, 65535, [&](qint64 v) { s.port = quint16(v); }},
        {"intervalSecs", 10, 86400, [&](qint64 v) { s.intervalSecs = int(v); }},
        {"timeoutMs", 100, 60000, [&](qint64 v) { s.timeoutMs = int(v); }},
        {"retries", 0, 10, [&](qint64 v) { s.retries = int(v); }},
    };
    for (const Number &n : numbers) {
        Result<std::optional<qint64>> v = f.integer(QLatin1StringView(n.field), n.minimum, n.maximum);
        if (!v)
            return v.error();
        if (*v)
            n.set(**v);
    }

    if (s.version == SnmpVersion::V2c) {
        Result<std::optional<QByteArray>> community = f.secret(QStringLiteral("community"), 1);
        if (!community)
            return community.error();
        s.community = *community;
        return s;
    }

    Result<std::optional<QString>> user = f.text(QStringLiteral("user"), 1, 32, true);
    if (!user)
        return user.error();
    s.user = (*user)->toUtf8();
    Result<std::optional<QString>> levelText = f.text(QStringLiteral("level"), 1, 16, false);
    if (!levelText)
        return levelText.error();
    if (*levelText) {
        const std::optional<SnmpSecurityLevel> level = parseSnmpSecurityLevel(**levelText);
        if (!level)
            return f.invalid(QStringLiteral("level"), QStringLiteral("must be noAuthNoPriv, authNoPriv or authPriv"));
        s.level = *level;
    }
    const bool authenticates = s.level != SnmpSecurityLevel::NoAuthNoPriv;
    const bool encrypts = s.level == SnmpSecurityLevel::AuthPriv;
    s.auth = authenticates ? SnmpAuthProtocol::Sha1 : SnmpAuthProtocol::None;
    s.priv = encrypts ? SnmpPrivProtocol::Aes128 : SnmpPrivProtocol::None;
    Result<std::optional<QString>> authText = f.text(QStringLiteral("auth"), 1, 16, false);
    if (!authText)
        return authText.error();
    if (*authText) {
        const std::optional<SnmpAuthProtocol> auth = parseSnmpAuthProtocol(**authText);
        if (!auth || (*auth == SnmpAuthProtocol::None) == authenticates)
            return f.invalid(QStringLiteral("auth"), authenticates ? QStringLiteral("must be SHA, SHA-256 or SHA-512 at level %1")
                                                                           .arg(snmpSecurityLevelName(s.level))
                                                                   : QStringLiteral("must be none at level noAuthNoPriv"));
        s.auth = *auth;
    }
    Result<std::optional<QString>> privText = f.text(QStringLiteral("priv"), 1, 16, false);
    if (!privText)
        return privText.error();
    if (*privText) {
        const std::optional<SnmpPrivProtocol> priv = parseSnmpPrivProtocol(**privText);
        if (!priv || (*priv == SnmpPrivProtocol::None) == encrypts)
            return f.invalid(QStringLiteral("priv"), encrypts ? QStringLiteral("must be AES at level authPriv")
                                                              : QStringLiteral("must be none below level authPriv"));
        s.priv = *priv;
    }
    Result<std::optional<QByteArray>> authPassphrase = f.secret(QStringLiteral("authPassphrase"), minPassphraseLength);
    if (!authPassphrase)
        return authPassphrase.error();
    Result<std::optional<QByteArray>> privPassphrase = f.secret(QStringLiteral("privPassphrase"), minPassphraseLength);
    if (!privPassphrase)
        return privPassphrase.error();
    if (*authPassphrase && !authenticates)
        return f.invalid(QStringLiteral("authPassphrase"), QStringLiteral("not used at level noAuthNoPriv"));
    if (*privPassphrase && !encrypts)
        return f.invalid(QStringLiteral("privPassphrase"), QStringLiteral("used only at level authPriv"));
    s.authPassphrase = *authPassphrase;
    s.privPassphrase = *privPassphrase;
    return s;
}

Result<QList<Interface>> interfaces(const Fields &parent, const QString &field)
{
    const QJsonValue value = parent.value(field);
    if (!value.isArray())
        return parent.invalid(field, QStringLiteral("must be an array"));
    const QJsonArray array = value.toArray();
    if (array.size() > maxInterfaces)
        return parent.invalid(field, QStringLiteral("at most %1 interfaces per device").arg(maxInterfaces));
    QList<Interface> list;
    QSet<int> indexes;
    QSet<QString> names;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = indexed(parent.at(field), i);
        if (!array.at(i).isObject())
            return Error(ErrorCode::InvalidInput, where + QStringLiteral(": must be an object"));
        const QJsonObject object = array.at(i).toObject();
        const Fields f(object, where);
        if (Result<void> r = f.onlyKnown({QStringLiteral("ifIndex"), QStringLiteral("name"), QStringLiteral("speedBps")}); !r)
            return r.error();
        Result<std::optional<qint64>> ifIndex = f.integer(QStringLiteral("ifIndex"), 1, 2147483647);
        if (!ifIndex)
            return ifIndex.error();
        if (!*ifIndex)
            return f.invalid(QStringLiteral("ifIndex"), QStringLiteral("missing"));
        Result<std::optional<QString>> name = f.text(QStringLiteral("name"), 1, maxNameLength, true);
        if (!name)
            return name.error();
        Result<std::optional<qint64>> speed = f.integer(QStringLiteral("speedBps"), 0, maxBitsPerSecond);
        if (!speed)
            return speed.error();
        const Interface iface{int(**ifIndex), **name, speed->value_or(0)};
        if (indexes.contains(iface.ifIndex))
            return f.invalid(QStringLiteral("ifIndex"), QStringLiteral("%1 is listed twice").arg(iface.ifIndex));
        if (names.contains(iface.name))
            return f.invalid(QStringLiteral("name"), QStringLiteral("\"%1\" is listed twice").arg(iface.name));
        indexes.insert(iface.ifIndex);
        names.insert(iface.name);
        list.append(iface);
    }
    return list;
}

Result<QStringList> parents(const Fields &parent, const QString &field, const QString &self)
{
    const QJsonValue value = parent.value(field);
    if (!value.isArray())
        return parent.invalid(field, QStringLiteral("must be an array of device names"));
    const QJsonArray array = value.toArray();
    if (array.size() > maxParents)
        return parent.invalid(field, QStringLiteral("at most %1 parents per device").arg(maxParents));
    QStringList list;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = indexed(parent.at(field), i);
        Result<QString> n = name(array.at(i).toString(), where);
        if (!array.at(i).isString() || !n)
            return Error(ErrorCode::InvalidInput, where + QStringLiteral(": must be a device name"));
        if (*n == self)
            return Error(ErrorCode::InvalidInput, where + QStringLiteral(": a device cannot depend on itself"));
        if (list.contains(*n))
            return Error(ErrorCode::InvalidInput, where + QStringLiteral(": %1 is listed twice").arg(*n));
        list.append(*n);
    }
    return list;
}

Result<LinkEnd> linkEnd(const Fields &parent, const QString &field)
{
    const QJsonValue value = parent.value(field);
    if (!value.isObject())
        return parent.invalid(field, QStringLiteral("must be an object {\"device\": name, \"interface\": name}"));
    const QJsonObject object = value.toObject();
    const Fields f(object, parent.at(field));
    if (Result<void> r = f.onlyKnown({QStringLiteral("device"), QStringLiteral("interface")}); !r)
        return r.error();
    Result<QString> device = f.name(QStringLiteral("device"));
    if (!device)
        return device.error();
    Result<std::optional<QString>> iface = f.text(QStringLiteral("interface"), 1, maxNameLength, false);
    if (!iface)
        return iface.error();
    return LinkEnd{*device, iface->value_or(QString())};
}

QJsonValue mapJson(const std::optional<MapPoint> &point)
{
    if (!point)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("x"), point->x}, {QStringLiteral("y"), point->y}};
}

QJsonObject snmpJson(const SnmpSettings &s)
{
    QJsonObject o{{QStringLiteral("version"), snmpVersionName(s.version)},
                  {QStringLiteral("port"), s.port},
                  {QStringLiteral("intervalSecs"), s.intervalSecs},
                  {QStringLiteral("timeoutMs"), s.timeoutMs},
                  {QStringLiteral("retries"), s.retries}};
    if (s.version == SnmpVersion::V2c) {
        o.insert(QStringLiteral("communitySet"), s.communitySet);
        return o;
    }
    o.insert(QStringLiteral("user"), QString::fromUtf8(s.user));
    o.insert(QStringLiteral("level"), snmpSecurityLevelName(s.level));
    o.insert(QStringLiteral("auth"), snmpAuthProtocolName(s.auth));
    o.insert(QStringLiteral("priv"), snmpPrivProtocolName(s.priv));
    o.insert(QStringLiteral("authPassphraseSet"), s.authPassphraseSet);
    o.insert(QStringLiteral("privPassphraseSet"), s.privPassphraseSet);
    return o;
}

QJsonObject endJson(const LinkEnd &end)
{
    QJsonObject o{{QStringLiteral("device"), end.device}};
    if (!end.interfaceName.isEmpty())
        o.insert(QStringLiteral("interface"), end.interfaceName);
    return o;
}

} // namespace

QSet<QString> siteFields()
{
    return {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("location"), QStringLiteral("map")};
}

QSet<QString> deviceFields()
{
    return {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("site"),
            QStringLiteral("address"), QStringLiteral("enabled"), QStringLiteral("snmp"), QStringLiteral("parents"),
            QStringLiteral("interfaces"), QStringLiteral("map")};
}

QSet<QString> linkFields()
{
    return {QStringLiteral("id"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("capacityBps")};
}

Result<MapPoint> point(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return Error(ErrorCode::InvalidInput, where + QStringLiteral(": must be an object {\"x\": number, \"y\": number}"));
    const Fields f(value.toObject(), where);
    if (Result<void> r = f.onlyKnown({QStringLiteral("x"), QStringLiteral("y")}); !r)
        return r.error();
    MapPoint p;
    for (auto [axis, target] : {std::pair{QStringLiteral("x"), &p.x}, std::pair{QStringLiteral("y"), &p.y}}) {
        const QJsonValue v = f.value(axis);
        if (!v.isDouble() || !std::isfinite(v.toDouble()) || std::abs(v.toDouble()) > maxMapCoordinate)
            return f.invalid(axis, QStringLiteral("must be a number from -%1 to %1").arg(maxMapCoordinate));
        *target = v.toDouble();
    }
    return p;
}

Result<QString> name(const QString &text, const QString &what)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!pattern.match(text).hasMatch())
        return Error(ErrorCode::InvalidInput,
                     what + QStringLiteral(": must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit"));
    return text;
}

Result<Site> site(const QJsonObject &object, const QString &where)
{
    const Fields f(object, where);
    if (Result<void> r = f.onlyKnown(siteFields()); !r)
        return r.error();
    Site s;
    Result<QString> code = f.name(QStringLiteral("code"));
    if (!code)
        return code.error();
    s.code = *code;
    Result<std::optional<QString>> name = f.text(QStringLiteral("name"), 1, maxTextLength, true);
    if (!name)
        return name.error();
    s.name = (*name)->trimmed();
    Result<std::optional<QString>> role = f.text(QStringLiteral("role"), 1, 16, true);
    if (!role)
        return role.error();
    const std::optional<SiteRole> parsedRole = parseSiteRole(**role);
    if (!parsedRole)
        return f.invalid(QStringLiteral("role"), QStringLiteral("must be srs, nameserver, office, escrow or other"));
    s.role = *parsedRole;
    Result<std::optional<QString>> location = f.text(QStringLiteral("location"), 0, maxTextLength, false);
    if (!location)
        return location.error();
    s.location = location->value_or(QString()).trimmed();
    Result<std::optional<MapPoint>> map = f.map(QStringLiteral("map"));
    if (!map)
        return map.error();
    s.map = *map;
    return s;
}

Result<Device> device(const QJsonObject &object, const QString &where)
{
    const Fields f(object, where);
    if (Result<void> r = f.onlyKnown(deviceFields()); !r)
        return r.error();
    Device d;
    Result<QString> name = f.name(QStringLiteral("name"));
    if (!name)
        return name.error();
    d.name = *name;
    Result<std::optional<QString>> kind = f.text(QStringLiteral("kind"), 1, 16, true);
    if (!kind)
        return kind.error();
    const std::optional<DeviceKind> parsedKind = parseDeviceKind(**kind);
    if (!parsedKind)
        return f.invalid(QStringLiteral("kind"),
                         QStringLiteral("must be router, firewall, load-balancer, switch, server, nameserver or registryd-node"));
    d.kind = *parsedKind;
    Result<QString> site = f.name(QStringLiteral("site"));
    if (!site)
        return site.error();
    d.site = *site;
    Result<std::optional<QString>> address = f.text(QStringLiteral("address"), 0, 64, false);
    if (!address)
        return address.error();
    if (*address && !(*address)->isEmpty()) {
        QHostAddress parsed;
        if ((*address)->contains(u'%') || (*address)->contains(u'/') || !parsed.setAddress(**address))
            return f.invalid(QStringLiteral("address"), QStringLiteral("must be one IPv4 or IPv6 address"));
        d.address = parsed.toString();
    }
    Result<std::optional<bool>> enabled = f.boolean(QStringLiteral("enabled"));
    if (!enabled)
        return enabled.error();
    d.enabled = enabled->value_or(true);
    if (f.has(QStringLiteral("snmp"))) {
        Result<SnmpSettings> snmp = snmpSettings(f, QStringLiteral("snmp"));
        if (!snmp)
            return snmp.error();
        if (d.address.isEmpty())
            return f.invalid(QStringLiteral("address"), QStringLiteral("needed to poll the device over SNMP"));
        d.snmp = *snmp;
    }
    if (f.has(QStringLiteral("parents"))) {
        Result<QStringList> list = parents(f, QStringLiteral("parents"), d.name);
        if (!list)
            return list.error();
        d.parents = *list;
    }
    if (f.has(QStringLiteral("interfaces"))) {
        Result<QList<Interface>> list = interfaces(f, QStringLiteral("interfaces"));
        if (!list)
            return list.error();
        d.interfaces = *list;
    }
    // "id" and "map" are read back only: the console saves positions through the layout, and the
    // id is the database's; both are accepted (and ignored) so an answer can be sent back as it is.
    if (f.has(QStringLiteral("map"))) {
        if (Result<std::optional<MapPoint>> map = f.map(QStringLiteral("map")); !map)
            return map.error();
    }
    return d;
}

Result<Link> link(const QJsonObject &object, const QString &where)
{
    const Fields f(object, where);
    if (Result<void> r = f.onlyKnown(linkFields()); !r)
        return r.error();
    Link l;
    Result<LinkEnd> a = linkEnd(f, QStringLiteral("a"));
    if (!a)
        return a.error();
    Result<LinkEnd> b = linkEnd(f, QStringLiteral("b"));
    if (!b)
        return b.error();
    if (a->device == b->device)
        return f.invalid(QStringLiteral("b"), QStringLiteral("a link joins two different devices"));
    l.a = *a;
    l.b = *b;
    Result<std::optional<qint64>> capacity = f.integer(QStringLiteral("capacityBps"), 1, maxBitsPerSecond);
    if (!capacity)
        return capacity.error();
    if (!*capacity)
        return f.invalid(QStringLiteral("capacityBps"), QStringLiteral("missing"));
    l.capacityBps = **capacity;
    return l;
}

QJsonObject toJson(const Site &s)
{
    return QJsonObject{{QStringLiteral("code"), s.code}, {QStringLiteral("name"), s.name},
                       {QStringLiteral("role"), siteRoleName(s.role)}, {QStringLiteral("location"), s.location},
                       {QStringLiteral("map"), mapJson(s.map)}};
}

QJsonObject toJson(const Device &d)
{
    QJsonArray interfaces;
    for (const Interface &i : d.interfaces)
        interfaces.append(QJsonObject{{QStringLiteral("ifIndex"), i.ifIndex}, {QStringLiteral("name"), i.name},
                                      {QStringLiteral("speedBps"), double(i.speedBps)}});
    return QJsonObject{{QStringLiteral("id"), double(d.id)}, {QStringLiteral("name"), d.name},
                       {QStringLiteral("kind"), deviceKindName(d.kind)}, {QStringLiteral("site"), d.site},
                       {QStringLiteral("address"), d.address}, {QStringLiteral("enabled"), d.enabled},
                       {QStringLiteral("snmp"), d.snmp ? QJsonValue(snmpJson(*d.snmp)) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("parents"), QJsonArray::fromStringList(d.parents)},
                       {QStringLiteral("interfaces"), interfaces}, {QStringLiteral("map"), mapJson(d.map)}};
}

QJsonObject toJson(const Link &l)
{
    return QJsonObject{{QStringLiteral("id"), double(l.id)}, {QStringLiteral("a"), endJson(l.a)},
                       {QStringLiteral("b"), endJson(l.b)}, {QStringLiteral("capacityBps"), double(l.capacityBps)}};
}

QJsonObject toJson(const Topology &t)
{
    QJsonArray sites;
    for (const Site &s : t.sites)
        sites.append(toJson(s));
    QJsonArray devices;
    for (const Device &d : t.devices)
        devices.append(toJson(d));
    QJsonArray links;
    for (const Link &l : t.links)
        links.append(toJson(l));
    return QJsonObject{{QStringLiteral("sites"), sites}, {QStringLiteral("devices"), devices}, {QStringLiteral("links"), links}};
}

QJsonObject patched(const QJsonObject &current, const QJsonObject &patch)
{
    QJsonObject merged = current;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QJsonObject stored = current.value(it.key()).toObject();
        const QJsonObject changes = it.value().toObject();
        const QString storedVersion = stored.value(QStringLiteral("version")).toString();
        // Field by field only within one SNMP version: a new version brings its own secrets.
        const bool mergeFields = it.key() == u"snmp" && it.value().isObject() && !stored.isEmpty()
            && changes.value(QStringLiteral("version")).toString(storedVersion) == storedVersion;
        if (!mergeFields) {
            merged.insert(it.key(), it.value());
            continue;
        }
        QJsonObject snmp = stored;
        for (auto c = changes.begin(); c != changes.end(); ++c)
            snmp.insert(c.key(), c.value());
        merged.insert(it.key(), snmp);
    }
    return merged;
}

} // namespace reg::monitor::InventoryJson
