#pragma once

#include "dnsstatistics.h"

#include "core/clock.h"
#include "core/engineconfig.h"
#include "core/result.h"

#include <functional>
#include <memory>

namespace reg::store {
class Store;
}

namespace reg::dns {

class TsigKeyring;
class ZonePublisher;
class ZoneTransferService;
class ZoneUpdater;

// The authoritative DNS service as the engine runs it: builds the zones (ZoneUpdater), answers
// UDP and TCP on the [dns] listen address (the same port for both), serves zone transfers and
// sends NOTIFY. Owned by the engine on its main thread; the answering happens on threads of its own.
class DnsService
{
public:
    DnsService(const EngineConfig &config, store::Store &store, const Clock &clock);
    ~DnsService();   // shuts down

    // Loads every zone from the database (blocking: the server answers only complete zones), then
    // binds and starts answering. Fails with a clear message when the address cannot be bound or
    // the TSIG key file is missing or unsafe.
    Result<void> start();
    void shutdown();

    ListenAddress boundAddress() const;   // the real port when the configuration said 0
    int udpThreadCount() const;
    DnsStatisticsSnapshot statistics() const;   // thread-safe
    ZonePublisher &publisher();

    // Hooks for the zone transfer part, set before start(): the service AXFR/IXFR over TCP go to
    // (without one they are REFUSED), and a source of its figures (transfers, NOTIFY) for
    // statistics(), called on any thread. The updater exists from construction (for NOTIFY on
    // its published() signal).
    void setTransferService(std::shared_ptr<ZoneTransferService> transfers);
    void addStatisticsSource(std::function<void(DnsStatisticsSnapshot &)> source);
    ZoneUpdater &updater();
    // The keys signed ordinary queries are checked against (SignedQueryAnswerer), set before
    // start(); without it every signed query gets NOTAUTH/BADKEY.
    void setTsigKeyring(std::shared_ptr<const TsigKeyring> keyring);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace reg::dns
