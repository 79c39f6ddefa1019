#pragma once

#include "zone.h"

#include "core/clock.h"
#include "core/engineconfig.h"
#include "core/result.h"

#include <QObject>

#include <memory>

namespace reg::store {
class Store;
}

namespace reg::dns {

// A zone that got a new version.
struct PublishedZone
{
    DnsName apex;
    std::uint32_t fromSerial = 0;
    std::uint32_t toSerial = 0;
};

// Builds every TLD zone from the registry database and keeps it current from the journal.
//
// loadAll() reads the whole registry once (at start, before the server answers). start() then
// follows the journal on a thread of its own: the entries that touch domains and hosts name the
// owner names to recompute; every publishDelayMs (or sooner, when nothing else is waiting) those
// names are read again from the database, the changed zones get a new version with a new serial
// through ZoneEditor, and the set is published. A zone's serial is the journal sequence number of
// the newest entry it reflects (increasing with every published change and across restarts).
//
// Which names are in a zone (EPP status rules: hold, inactive, pendingDelete and the like keep a
// delegation out; glue only for in-bailiwick hosts that a delegation in the zone uses; DS from
// secDNS) is decided in one place, so an incrementally updated zone always equals a fresh build.
class ZoneUpdater : public QObject
{
    Q_OBJECT
public:
    ZoneUpdater(const DnsConfig &config, store::Store &store, ZonePublisher &publisher, const Clock &clock,
                QObject *parent = nullptr);
    ~ZoneUpdater() override;

    Result<void> loadAll();       // blocking; publishes the first zone set
    void start();                 // follows the journal from the sequence loadAll() read up to
    void stop();                  // blocking; safe to call twice

    // Thread-safe figures for the statistics.
    qint64 appliedSequence() const;
    QDateTime lastPublishedAt() const;

Q_SIGNALS:
    // Emitted from the updater's thread after each publication (use a queued connection).
    void published(const QList<reg::dns::PublishedZone> &zones);
    void failed(const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace reg::dns

Q_DECLARE_METATYPE(reg::dns::PublishedZone)
