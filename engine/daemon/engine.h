#pragma once

#include "exitcode.h"

#include "admin/directorystatisticssources.h"
#include "core/clock.h"
#include "core/engineconfig.h"
#include "core/result.h"
#include "core/servicestatus.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

namespace reg::store {
class Store;
}
namespace reg::admin {
class ManagementServer;
}
namespace reg::srs {
class MaintenanceScheduler;
}
namespace reg::xrp {
class XrpServer;
}
namespace reg::dns {
class DnsService;
class TransferSetup;
}
namespace reg::directory {
class Directory;
}
namespace reg::rdap {
class RdapService;
}
namespace reg::whois {
class WhoisService;
}
namespace reg::monitor {
class MonitorService;
class ProbeScheduler;
}

namespace reg::daemon {

// `registryd run`: the running engine. start() takes the data directory (an exclusive lock, so two
// engines never share one store), loads the configuration, opens the store, reports every service
// on the status board, starts the management API and the XRP port and, once every listener is
// bound, announces readiness in DIR/run/ready.json and to systemd. shutdown() undoes it in reverse:
// the XRP port and the API first (clients hear why), then the store (the writer flushes), then the
// ready file.
// Lives on the main thread; owned by the composition root.
class Engine : public QObject
{
    Q_OBJECT
public:
    struct Failure
    {
        ExitCode code;
        Error error;
    };

    explicit Engine(QString dataDir, const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~Engine() override;   // shuts down if still running

    // On failure everything started so far is stopped again.
    std::optional<Failure> start();
    void shutdown(const QString &reason);

    QString readyFile() const;

Q_SIGNALS:
    void stopped();

private:
    std::optional<Failure> startServices();
    std::optional<Failure> startXrp();
    std::optional<Failure> startDns();
    std::optional<Failure> startRdap();
    std::optional<Failure> startWhois();
    Result<void> startMaintenance();
    // [probes]: the engine probes its own bound services (and the configured targets).
    Result<void> startProbes();
    // [monitor]: SNMP polling, traps and alarms (after the probes, whose results it alarms on).
    std::optional<Failure> startMonitor();
    void stopMonitor();
    // The registry as Whois and RDAP read it, shared by both: created and started by the first
    // of them to start (or by startServices() when either is enabled), stopped after both.
    directory::Directory &ensureDirectory();
    Result<void> lockDataDirectory();
    Result<void> writeReadyFile();
    void markUnbuiltServices();
    void stopAll();   // the store and the lock; quietly, also after a failed start

    QString m_dataDir;
    const Clock &m_clock;
    EngineConfig m_config;
    ServiceStatusBoard m_board;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<admin::ManagementServer> m_management;
    std::unique_ptr<xrp::XrpServer> m_xrp;
    std::unique_ptr<dns::DnsService> m_dns;
    std::unique_ptr<dns::TransferSetup> m_dnsTransfers;   // AXFR/IXFR and NOTIFY; outlives nothing it serves
    std::unique_ptr<srs::MaintenanceScheduler> m_maintenance;
    std::unique_ptr<directory::Directory> m_directory;
    std::unique_ptr<whois::WhoisService> m_whois;
    // What GET /api/v1/directory/statistics and /metrics read: the directory, Whois and RDAP each
    // set their entry when they start and clear it when they stop.
    admin::DirectoryStatisticsSources m_directoryStatistics;
    std::unique_ptr<rdap::RdapService> m_rdap;   // reads m_directory: declared after it, gone before it
    std::unique_ptr<monitor::ProbeScheduler> m_probes;   // uses the store's writer: stopped before it closes
    std::unique_ptr<monitor::MonitorService> m_monitor;  // likewise; publishes on the management API's event stream
    int m_lockFd = -1;
    bool m_running = false;
};

} // namespace reg::daemon
