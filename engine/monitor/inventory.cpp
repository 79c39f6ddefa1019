#include "inventory.h"

#include "inventoryrows.h"

#include "store/connection.h"
#include "store/store.h"

#include <QMutex>

namespace reg::monitor {
namespace {

// Loading the key file can race between the API's worker and a poller's thread; both end with
// the same key (SecretBox::openKeyFile creates it with O_EXCL), so a plain lock suffices.
QMutex boxLock;

Error at(const QString &where, const Error &e)
{
    return e.withContext(where + QStringLiteral(": "));
}

QString entry(const char *list, qsizetype index)
{
    return QLatin1StringView(list) + u'[' + QString::number(index) + u']';
}

} // namespace

Inventory::Inventory(store::Store &store, const Clock &clock, QString keyFile)
    : m_store(store), m_clock(clock), m_keyFile(std::move(keyFile)), m_box(std::make_shared<std::optional<SecretBox>>())
{
}

Inventory::~Inventory() = default;

Result<store::Connection *> Inventory::reader()
{
    if (!m_reader) {
        Result<std::unique_ptr<store::Connection>> opened = m_store.openReader();
        if (!opened)
            return opened.error();
        m_reader = std::move(*opened);
    }
    return m_reader.get();
}

Result<void> Inventory::write(std::function<Result<void>(store::Connection &, qint64)> work)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    Result<store::CommitReceipt> done = m_store.writer().submitAndWait(
        [work = std::move(work), now](store::Connection &c) -> Result<std::optional<store::JournalChange>> {
            if (Result<void> r = work(c, now); !r)
                return r.error();
            return std::optional<store::JournalChange>();   // operational state: no journal entry
        });
    if (!done)
        return done.error();
    return success();
}

namespace {

InventoryRows::SecretBoxSource boxSource(std::shared_ptr<std::optional<SecretBox>> box, QString keyFile)
{
    return [box = std::move(box), keyFile = std::move(keyFile)]() -> Result<SecretBox> {
        QMutexLocker locker(&boxLock);
        if (!*box) {
            Result<SecretBox> opened = SecretBox::openKeyFile(keyFile);
            if (!opened)
                return opened.error();
            *box = *opened;
        }
        return **box;
    };
}

} // namespace

Result<QList<Site>> Inventory::sites()
{
    Result<store::Connection *> c = reader();
    if (!c)
        return c.error();
    return InventoryRows::sites(**c);
}

Result<Site> Inventory::site(const QString &code)
{
    Result<store::Connection *> c = reader();
    if (!c)
        return c.error();
    Result<QList<Site>> found = InventoryRows::sites(**c, code);
    if (!found)
        return found.error();
    return found->first();
}

Result<QList<Device>> Inventory::devices()
{
    Result<store::Connection *> c = reader();
    if (!c)
        return c.error();
    return InventoryRows::devices(**c);
}

Result<Device> Inventory::device(const QString &name)
{
    Result<store::Connection *> c = reader();
    if (!c)
        return c.error();
    Result<QList<Device>> found = InventoryRows::devices(**c, name);
    if (!found)
        return found.error();
    return found->first();
}

Result<QList<Link>> Inventory::links()
{
    Result<store::Connection *> c = reader();
    if (!c)
        return c.error();
    return InventoryRows::links(**c);
}

Result<Link> Inventory::link(qint64 id)
{
    Result<store::Connection *> c = reader();
    if (!c)
        return c.error();
    Result<QList<Link>> found = InventoryRows::links(**c, id);
    if (!found)
        return found.error();
    return found->first();
}

Result<Topology> Inventory::topology()
{
    Result<store::Connection *> c = reader();
    if (!c)
        return c.error();
    // One read transaction, so the three lists agree with each other.
    if (auto r = (*c)->exec(QStringLiteral("BEGIN")); !r)
        return r.error();
    Result<QList<Site>> s = InventoryRows::sites(**c);
    Result<QList<Device>> d = s ? InventoryRows::devices(**c) : Result<QList<Device>>(s.error());
    Result<QList<Link>> l = d ? InventoryRows::links(**c) : Result<QList<Link>>(d.error());
    (void)(*c)->exec(QStringLiteral("COMMIT"));
    if (!l)
        return l.error();
    return Topology{*s, *d, *l};
}

Result<QList<SnmpTarget>> Inventory::snmpTargets()
{
    Result<store::Connection *> c = reader();
    if (!c)
        return c.error();
    return InventoryRows::snmpTargets(**c, boxSource(m_box, m_keyFile));
}

Result<QList<DeviceDependency>> Inventory::dependencies()
{
    Result<store::Connection *> c = reader();
    if (!c)
        return c.error();
    return InventoryRows::dependencies(**c);
}

Result<void> Inventory::createSite(const Site &site)
{
    return write([site](store::Connection &c, qint64 now) { return InventoryRows::insertSite(c, site, now); });
}

Result<void> Inventory::updateSite(const QString &code, const Site &site)
{
    return write([code, site](store::Connection &c, qint64 now) { return InventoryRows::updateSite(c, code, site, now); });
}

Result<void> Inventory::deleteSite(const QString &code)
{
    return write([code](store::Connection &c, qint64) { return InventoryRows::deleteSite(c, code); });
}

Result<qint64> Inventory::createDevice(const Device &device)
{
    auto id = std::make_shared<qint64>(0);
    const InventoryRows::SecretBoxSource box = boxSource(m_box, m_keyFile);
    Result<void> done = write([device, box, id](store::Connection &c, qint64 now) -> Result<void> {
        Result<qint64> created = InventoryRows::insertDevice(c, device, box, now);
        if (!created)
            return created.error();
        *id = *created;
        if (auto r = InventoryRows::setParents(c, *created, device.parents); !r)
            return r;
        return InventoryRows::checkNoCycle(c);
    });
    if (!done)
        return done.error();
    return *id;
}

Result<void> Inventory::updateDevice(const QString &name, const Device &device)
{
    const InventoryRows::SecretBoxSource box = boxSource(m_box, m_keyFile);
    return write([name, device, box](store::Connection &c, qint64 now) -> Result<void> {
        Result<qint64> id = InventoryRows::updateDevice(c, name, device, box, now);
        if (!id)
            return id.error();
        if (auto r = InventoryRows::setParents(c, *id, device.parents); !r)
            return r;
        return InventoryRows::checkNoCycle(c);
    });
}

Result<void> Inventory::deleteDevice(const QString &name)
{
    return write([name](store::Connection &c, qint64) { return InventoryRows::deleteDevice(c, name); });
}

Result<qint64> Inventory::createLink(const Link &link)
{
    auto id = std::make_shared<qint64>(0);
    Result<void> done = write([link, id](store::Connection &c, qint64 now) -> Result<void> {
        Result<qint64> created = InventoryRows::insertLink(c, link, now);
        if (!created)
            return created.error();
        *id = *created;
        return success();
    });
    if (!done)
        return done.error();
    return *id;
}

Result<void> Inventory::updateLink(qint64 id, const Link &link)
{
    return write([id, link](store::Connection &c, qint64) { return InventoryRows::updateLink(c, id, link); });
}

Result<void> Inventory::deleteLink(qint64 id)
{
    return write([id](store::Connection &c, qint64) { return InventoryRows::deleteLink(c, id); });
}

Result<void> Inventory::saveMapPositions(const QHash<QString, MapPoint> &positions)
{
    return write([positions](store::Connection &c, qint64 now) -> Result<void> {
        for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
            if (auto r = InventoryRows::saveMapPosition(c, it.key(), it.value(), now); !r)
                return r;
        }
        return success();
    });
}

namespace {

Result<void> importInto(store::Connection &c, const TopologyImportFile &file, const InventoryRows::SecretBoxSource &box, qint64 now)
{
    const Topology &topology = file.topology;
    if (file.replace) {
        if (auto r = InventoryRows::clear(c); !r)
            return r;
    }
    for (qsizetype i = 0; i < topology.sites.size(); ++i) {
        if (auto r = InventoryRows::insertSite(c, topology.sites.at(i), now); !r)
            return at(entry("sites", i), r.error());
    }
    // Every device first, then the dependencies, so a parent may come later in the file.
    QList<qint64> ids;
    for (qsizetype i = 0; i < topology.devices.size(); ++i) {
        Result<qint64> id = InventoryRows::insertDevice(c, topology.devices.at(i), box, now);
        if (!id)
            return at(entry("devices", i), id.error());
        ids.append(*id);
    }
    for (qsizetype i = 0; i < topology.devices.size(); ++i) {
        if (auto r = InventoryRows::setParents(c, ids.at(i), topology.devices.at(i).parents); !r)
            return at(entry("devices", i), r.error());
    }
    if (auto r = InventoryRows::checkNoCycle(c); !r)
        return r;
    for (qsizetype i = 0; i < topology.links.size(); ++i) {
        if (Result<qint64> r = InventoryRows::insertLink(c, topology.links.at(i), now); !r)
            return at(entry("links", i), r.error());
    }
    return success();
}

} // namespace

store::WriteWork Inventory::importWork(const TopologyImportFile &file, const QString &keyFile, qint64 nowMs)
{
    const InventoryRows::SecretBoxSource box = boxSource(std::make_shared<std::optional<SecretBox>>(), keyFile);
    return [file, box, nowMs](store::Connection &c) -> Result<std::optional<store::JournalChange>> {
        if (Result<void> r = importInto(c, file, box, nowMs); !r)
            return r.error();
        return std::optional<store::JournalChange>();
    };
}

Result<ImportSummary> Inventory::importTopology(const TopologyImportFile &file)
{
    const InventoryRows::SecretBoxSource box = boxSource(m_box, m_keyFile);
    Result<void> done = write([file, box](store::Connection &c, qint64 now) { return importInto(c, file, box, now); });
    if (!done)
        return done.error();
    return ImportSummary{int(file.topology.sites.size()), int(file.topology.devices.size()), int(file.topology.links.size())};
}

} // namespace reg::monitor
