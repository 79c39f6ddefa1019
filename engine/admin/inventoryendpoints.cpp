#include "inventoryendpoints.h"

#include "apirequests.h"

#include "monitor/inventory.h"
#include "monitor/inventoryjson.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <functional>

namespace reg::admin {
namespace {

namespace Json = monitor::InventoryJson;

constexpr int maxLayoutPositions = 10000;

const QString prefix = QStringLiteral("/api/v1/monitor/");

// One collection (sites, devices, links): how its objects are named, read, decoded and changed.
struct Collection
{
    QString singular;
    QString plural;
    QSet<QString> fields;
    std::function<Result<QString>(const QString &segment)> key;
    std::function<Result<QJsonArray>()> list;
    std::function<Result<QJsonObject>(const QString &key)> one;
    std::function<Result<QString>(const QJsonObject &body)> create;                        // the new object's key
    std::function<Result<QString>(const QString &key, const QJsonObject &merged)> update;  // its key afterwards
    std::function<Result<void>(const QString &key)> remove;
};

template<typename T>
Result<QJsonArray> jsonList(const Result<QList<T>> &items)
{
    if (!items)
        return items.error();
    QJsonArray array;
    for (const T &item : *items)
        array.append(Json::toJson(item));
    return array;
}

template<typename T>
Result<QJsonObject> jsonOne(const Result<T> &item)
{
    if (!item)
        return item.error();
    return Json::toJson(*item);
}

InventoryEndpoints::Outcome answer(const Result<ApiResponse> &result, const QString &action = {}, const QString &detail = {})
{
    return {result ? *result : ApiResponse::fromError(result.error()), action, detail};
}

InventoryEndpoints::Outcome serve(const Collection &c, const QByteArray &method, const QString &segment, const QByteArray &body)
{
    const QString action = QStringLiteral("monitor.") + c.singular + u'.';
    if (segment.isNull()) {
        if (method == "GET") {
            Result<QJsonArray> list = c.list();
            if (!list)
                return answer(list.error());
            return answer(ApiResponse::json(QJsonObject{{c.plural, *list}}));
        }
        Result<QJsonObject> object = ApiRequests::parseJsonObject(body, c.fields);
        if (!object)
            return answer(object.error(), action + u"create");
        Result<QString> created = c.create(*object);
        if (!created)
            return answer(created.error(), action + u"create",
                          object->value(QStringLiteral("code")).toString(object->value(QStringLiteral("name")).toString()).left(64));
        Result<QJsonObject> read = c.one(*created);
        if (!read)
            return answer(read.error(), action + u"create", *created);
        return answer(ApiResponse::json(*read, 201), action + u"create", *created);
    }
    Result<QString> key = c.key(segment);
    if (method == "GET") {
        if (!key)
            return answer(key.error());
        Result<QJsonObject> read = c.one(*key);
        if (!read)
            return answer(read.error());
        return answer(ApiResponse::json(*read));
    }
    const QString verb = method == "PATCH" ? QStringLiteral("update") : QStringLiteral("delete");
    if (!key)
        return answer(key.error(), action + verb, segment.left(64));
    if (method == "DELETE") {
        if (Result<void> removed = c.remove(*key); !removed)
            return answer(removed.error(), action + verb, *key);
        return answer(ApiResponse::noContent(), action + verb, *key);
    }
    Result<QJsonObject> patch = ApiRequests::parseJsonObject(body, c.fields);
    if (!patch)
        return answer(patch.error(), action + verb, *key);
    Result<QJsonObject> current = c.one(*key);
    if (!current)
        return answer(current.error(), action + verb, *key);
    Result<QString> updated = c.update(*key, Json::patched(*current, *patch));
    if (!updated)
        return answer(updated.error(), action + verb, *key);
    Result<QJsonObject> read = c.one(*updated);
    if (!read)
        return answer(read.error(), action + verb, *key);
    return answer(ApiResponse::json(*read), action + verb, *key == *updated ? *key : *key + QStringLiteral(" -> ") + *updated);
}

} // namespace

InventoryEndpoints::InventoryEndpoints(std::unique_ptr<monitor::Inventory> inventory) : m_inventory(std::move(inventory)) {}

InventoryEndpoints::~InventoryEndpoints() = default;

QByteArrayList InventoryEndpoints::methodsFor(const QString &path)
{
    static const QRegularExpression collection(QStringLiteral("^/api/v1/monitor/(sites|devices|links)$"));
    static const QRegularExpression item(QStringLiteral("^/api/v1/monitor/(sites|devices|links)/[^/]+$"));
    if (collection.match(path).hasMatch())
        return {"GET", "POST"};
    if (item.match(path).hasMatch())
        return {"GET", "PATCH", "DELETE"};
    if (path == u"/api/v1/monitor/topology")
        return {"GET"};
    if (path == u"/api/v1/monitor/import" || path == u"/api/v1/monitor/layout")
        return {"POST"};
    return {};
}

InventoryEndpoints::Outcome InventoryEndpoints::handle(const QByteArray &method, const QString &path, const QByteArray &body)
{
    const QStringList parts = path.mid(prefix.size()).split(u'/');
    const QString segment = parts.size() > 1 ? parts.at(1) : QString();
    if (parts.first() == u"sites")
        return sites(method, segment, body);
    if (parts.first() == u"devices")
        return devices(method, segment, body);
    if (parts.first() == u"links")
        return links(method, segment, body);
    if (parts.first() == u"topology") {
        Result<monitor::Topology> topology = m_inventory->topology();
        if (!topology)
            return answer(topology.error());
        return answer(ApiResponse::json(Json::toJson(*topology)));
    }
    if (parts.first() == u"import")
        return importTopology(body);
    if (parts.first() == u"layout")
        return saveLayout(body);
    return answer(ApiResponse::notFound());
}

InventoryEndpoints::Outcome InventoryEndpoints::sites(const QByteArray &method, const QString &code, const QByteArray &body)
{
    monitor::Inventory &inventory = *m_inventory;
    const Collection c{
        QStringLiteral("site"), QStringLiteral("sites"), Json::siteFields(),
        [](const QString &segment) { return Json::name(segment, QStringLiteral("a site code")); },
        [&] { return jsonList(inventory.sites()); },
        [&](const QString &key) { return jsonOne(inventory.site(key)); },
        [&](const QJsonObject &request) -> Result<QString> {
            Result<monitor::Site> site = Json::site(request);
            if (!site)
                return site.error();
            if (Result<void> r = inventory.createSite(*site); !r)
                return r.error();
            return site->code;
        },
        [&](const QString &key, const QJsonObject &merged) -> Result<QString> {
            Result<monitor::Site> site = Json::site(merged);
            if (!site)
                return site.error();
            if (Result<void> r = inventory.updateSite(key, *site); !r)
                return r.error();
            return site->code;
        },
        [&](const QString &key) { return inventory.deleteSite(key); }};
    return serve(c, method, code, body);
}

InventoryEndpoints::Outcome InventoryEndpoints::devices(const QByteArray &method, const QString &name, const QByteArray &body)
{
    monitor::Inventory &inventory = *m_inventory;
    const Collection c{
        QStringLiteral("device"), QStringLiteral("devices"), Json::deviceFields(),
        [](const QString &segment) { return Json::name(segment, QStringLiteral("a device name")); },
        [&] { return jsonList(inventory.devices()); },
        [&](const QString &key) { return jsonOne(inventory.device(key)); },
        [&](const QJsonObject &request) -> Result<QString> {
            Result<monitor::Device> device = Json::device(request);
            if (!device)
                return device.error();
            if (Result<qint64> r = inventory.createDevice(*device); !r)
                return r.error();
            return device->name;
        },
        [&](const QString &key, const QJsonObject &merged) -> Result<QString> {
            Result<monitor::Device> device = Json::device(merged);
            if (!device)
                return device.error();
            if (Result<void> r = inventory.updateDevice(key, *device); !r)
                return r.error();
            return device->name;
        },
        [&](const QString &key) { return inventory.deleteDevice(key); }};
    return serve(c, method, name, body);
}

InventoryEndpoints::Outcome InventoryEndpoints::links(const QByteArray &method, const QString &id, const QByteArray &body)
{
    monitor::Inventory &inventory = *m_inventory;
    const Collection c{
        QStringLiteral("link"), QStringLiteral("links"), Json::linkFields(),
        [](const QString &segment) -> Result<QString> {
            static const QRegularExpression number(QStringLiteral("^[1-9][0-9]{0,15}$"));
            if (!number.match(segment).hasMatch())
                return Error(ErrorCode::InvalidInput, QStringLiteral("a link is named by its number"));
            return segment;
        },
        [&] { return jsonList(inventory.links()); },
        [&](const QString &key) { return jsonOne(inventory.link(key.toLongLong())); },
        [&](const QJsonObject &request) -> Result<QString> {
            Result<monitor::Link> link = Json::link(request);
            if (!link)
                return link.error();
            Result<qint64> created = inventory.createLink(*link);
            if (!created)
                return created.error();
            return QString::number(*created);
        },
        [&](const QString &key, const QJsonObject &merged) -> Result<QString> {
            Result<monitor::Link> link = Json::link(merged);
            if (!link)
                return link.error();
            if (Result<void> r = inventory.updateLink(key.toLongLong(), *link); !r)
                return r.error();
            return key;
        },
        [&](const QString &key) { return inventory.deleteLink(key.toLongLong()); }};
    return serve(c, method, id, body);
}

InventoryEndpoints::Outcome InventoryEndpoints::importTopology(const QByteArray &body)
{
    const QString action = QStringLiteral("monitor.import");
    Result<monitor::TopologyImportFile> file = monitor::TopologyImportFile::parse(body);
    if (!file)
        return answer(file.error(), action);
    const QString detail = QStringLiteral("%1%2 sites, %3 devices, %4 links")
                               .arg(file->replace ? QStringLiteral("replace: ") : QString())
                               .arg(file->topology.sites.size()).arg(file->topology.devices.size()).arg(file->topology.links.size());
    Result<monitor::ImportSummary> imported = m_inventory->importTopology(*file);
    if (!imported)
        return answer(imported.error(), action, detail);
    return answer(ApiResponse::json(QJsonObject{{QStringLiteral("sites"), imported->sites},
                                                {QStringLiteral("devices"), imported->devices},
                                                {QStringLiteral("links"), imported->links},
                                                {QStringLiteral("replaced"), file->replace}}),
                  action, detail);
}

InventoryEndpoints::Outcome InventoryEndpoints::saveLayout(const QByteArray &body)
{
    const QString action = QStringLiteral("monitor.layout");
    Result<QJsonObject> object = ApiRequests::parseJsonObject(body, {QStringLiteral("positions")});
    if (!object)
        return answer(object.error(), action);
    const QJsonValue positions = object->value(QStringLiteral("positions"));
    if (!positions.isObject() || positions.toObject().size() > maxLayoutPositions)
        return answer(Error(ErrorCode::InvalidInput,
                            QStringLiteral("positions: must be an object of at most %1 entries {\"device\": {\"x\": number, \"y\": number}}")
                                .arg(maxLayoutPositions)),
                      action);
    QHash<QString, monitor::MapPoint> points;
    const QJsonObject all = positions.toObject();
    for (auto it = all.begin(); it != all.end(); ++it) {
        Result<monitor::MapPoint> point = Json::point(it.value(), QStringLiteral("positions.") + it.key().left(64));
        if (!point)
            return answer(point.error(), action);
        points.insert(it.key(), *point);
    }
    Result<void> saved = m_inventory->saveMapPositions(points);
    if (!saved)
        return answer(saved.error(), action, QStringLiteral("%1 devices").arg(points.size()));
    return answer(ApiResponse::noContent(), action, QStringLiteral("%1 devices").arg(points.size()));
}

} // namespace reg::admin
