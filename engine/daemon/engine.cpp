#include "engine.h"

#include "systemdnotifier.h"

#include "admin/managementserver.h"
#include "admin/metricsregistry.h"
#include "core/logging.h"
#include "dns/dnsservice.h"
#include "dns/transfersetup.h"
#include "monitor/monitorservice.h"
#include "monitor/probeconfiguration.h"
#include "monitor/probescheduler.h"
#include "core/version.h"
#include "directory/directory.h"
#include "rdap/rdapservice.h"
#include "whois/whoisservice.h"
#include "core/securefile.h"
#include "store/store.h"
#include "srs/maintenancescheduler.h"
#include "srs/servedtlds.h"
#include "xrp/xrpcommand.h"
#include "xrp/xrpserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <map>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace reg::daemon {
namespace {

// Services whose capability is not in this release yet: configured, reported, not started.
const char notBuiltDetail[] = "not part of this release";

// Services this engine starts itself when enabled; every other configured one is "not available".
bool isBuiltService(const QString &name)
{
    if (name == u"rdap")
        return true;
    return name == u"management" || name == u"xrp" || name == u"dns" || name == u"whois";
}

// The XRP port's counters on /metrics.
void publishXrpMetrics(admin::MetricsRegistry &m, const xrp::XrpMetricsSnapshot &x)
{
    using T = admin::MetricsRegistry::Type;
    const QString connections = QStringLiteral("registry_xrp_connections");
    const QString sessions = QStringLiteral("registry_xrp_sessions");
    const QString accepted = QStringLiteral("registry_xrp_connections_accepted_total");
    const QString refused = QStringLiteral("registry_xrp_connections_refused_total");
    const QString commands = QStringLiteral("registry_xrp_commands_total");
    m.define(connections, T::Gauge, QStringLiteral("Open XRP connections."));
    m.define(sessions, T::Gauge, QStringLiteral("Logged-in XRP sessions."));
    m.define(accepted, T::Counter, QStringLiteral("XRP connections accepted for a TLS handshake."));
    m.define(refused, T::Counter, QStringLiteral("XRP connections refused, by reason."));
    m.define(commands, T::Counter, QStringLiteral("XRP commands answered, by result class."));
    const auto reason = [](const char *r) { return admin::MetricsRegistry::Labels{{QStringLiteral("reason"), QString::fromLatin1(r)}}; };
    const auto result = [](const char *c) { return admin::MetricsRegistry::Labels{{QStringLiteral("class"), QString::fromLatin1(c)}}; };
    m.set(connections, double(x.connectionsOpen));
    m.set(sessions, double(x.sessionsLoggedIn));
    m.set(accepted, double(x.connectionsAccepted));
    m.set(refused, reason("unknown-address"), double(x.refusedUnknownAddress));
    m.set(refused, reason("connection-limit"), double(x.refusedConnectionLimit));
    m.set(refused, reason("tls-handshake"), double(x.handshakeFailures));
    m.set(commands, result("success"), double(x.commandsSuccess));
    m.set(commands, result("client-error"), double(x.commandsClientError));
    m.set(commands, result("server-error"), double(x.commandsServerError));
    m.set(commands, result("closing"), double(x.commandsClosing));
}

// The EPP object commands (engine/xrp/commands) behind the XRP port.
xrp::XrpCommandSet xrpCommands()
{
    return {&xrp::dispatchCommand, xrp::supportedObjectUris(), xrp::supportedExtensionUris()};
}

} // namespace

Engine::Engine(QString dataDir, const Clock &clock, QObject *parent)
    : QObject(parent), m_dataDir(QDir(dataDir).absolutePath()), m_clock(clock)
{
}

Engine::~Engine()
{
    shutdown(QStringLiteral("engine destroyed"));
    stopAll();
}

QString Engine::readyFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("run/ready.json"));
}

std::optional<Engine::Failure> Engine::start()
{
    std::optional<Failure> failure = startServices();
    if (failure) {
        m_running = false;
        if (m_xrp)
            m_xrp->shutdown(QStringLiteral("start failed"));
        if (m_dns)
            m_dns->shutdown();
        if (m_rdap)
            m_rdap->shutdown();
        if (m_whois)
            m_whois->shutdown();
        if (m_management)
            m_management->shutdown(QStringLiteral("start failed"));
        stopAll();
    }
    return failure;
}

std::optional<Engine::Failure> Engine::startServices()
{
    if (!QFileInfo(m_dataDir).isDir())
        return Failure{ExitCode::DataDirectory,
                       Error(ErrorCode::NotFound, QStringLiteral("the data directory %1 does not exist; create one with "
                                                                 "`registryd init --data-dir %1`").arg(m_dataDir))};
    Result<EngineConfig> config = EngineConfig::load(m_dataDir);
    if (!config)
        return Failure{ExitCode::Config, config.error()};
    m_config = std::move(*config);

    if (Result<void> r = lockDataDirectory(); !r)
        return Failure{ExitCode::DataDirectory, r.error()};
    // A ready file left by a crashed engine must not announce this one before it is ready.
    QFile::remove(readyFile());

    // Registered first so the status list starts with the service operators reach the engine by.
    m_board.setStatus(QStringLiteral("management"), ServiceState::Starting);
    m_board.setStatus(QStringLiteral("store"), ServiceState::Starting);
    Result<std::unique_ptr<store::Store>> opened =
        store::Store::open({m_config.store.databaseFile, m_config.store.groupCommitMaxBatch, /*create=*/false}, m_clock);
    if (!opened) {
        m_board.setStatus(QStringLiteral("store"), ServiceState::Failed, {}, opened.error().message);
        return Failure{ExitCode::DataDirectory, opened.error()};
    }
    m_store = std::move(*opened);
    m_board.setStatus(QStringLiteral("store"), ServiceState::Running, {},
                      QStringLiteral("%1, schema %2").arg(QFileInfo(m_store->databaseFile()).fileName()).arg(m_store->schemaVersion()));
    markUnbuiltServices();

    m_management = std::make_unique<admin::ManagementServer>(m_config, *m_store, m_board, m_clock);
    if (Result<void> r = m_management->start(); !r)
        return Failure{ExitCode::Listen, r.error().withContext(QStringLiteral("management API: "))};
    // Directory statistics: 503 and no registry_whois_/rdap_/directory_* series while neither
    // Whois nor RDAP has set its entry of m_directoryStatistics.
    m_management->setDirectoryStatisticsSource([this] { return admin::collectDirectoryStatistics(m_directoryStatistics, m_clock.now()); });
    if (std::optional<Failure> xrpFailure = startXrp())
        return xrpFailure;
    if (std::optional<Failure> dnsFailure = startDns())
        return dnsFailure;
    if (const ServiceConfig *whois = m_config.service(QStringLiteral("whois")), *rdap = m_config.service(QStringLiteral("rdap"));
        (whois && whois->enabled) || (rdap && rdap->enabled))
        ensureDirectory();
    if (std::optional<Failure> rdapFailure = startRdap())
        return rdapFailure;
    if (std::optional<Failure> whoisFailure = startWhois())
        return whoisFailure;
    if (Result<void> r = startMaintenance(); !r)
        return Failure{ExitCode::DataDirectory, r.error()};
    if (Result<void> r = startProbes(); !r)
        return Failure{ExitCode::Config, r.error().withContext(QStringLiteral("service probes: "))};
    if (std::optional<Failure> monitorFailure = startMonitor())
        return monitorFailure;

    m_running = true;
    if (Result<void> r = writeReadyFile(); !r)
        return Failure{ExitCode::Failure, r.error()};
    const QString management = m_management->boundAddress().toString();
    if (Result<void> r = SystemdNotifier::notify("READY=1\nSTATUS=management API on " + management.toUtf8()); !r)
        qCWarning(lcDaemon, "%s", qPrintable(r.error().message));
    qCInfo(lcDaemon, "registryd %s ready: site %s, management API on https://%s, XRP on %s, journal head %lld", registryVersion,
           qPrintable(m_config.siteName), qPrintable(management),
           qPrintable(m_xrp ? m_xrp->boundAddress().toString() : QStringLiteral("(disabled)")),
           qlonglong(m_store->writer().journalHead()));
    return std::nullopt;
}

std::optional<Engine::Failure> Engine::startDns()
{
    const ServiceConfig *service = m_config.service(QStringLiteral("dns"));
    if (!service || !service->enabled)
        return std::nullopt;
    const QString name = QStringLiteral("dns");
    m_board.setStatus(name, ServiceState::Starting, {}, QStringLiteral("loading the zones"));
    m_dns = std::make_unique<dns::DnsService>(m_config, *m_store, m_clock);
    // Zone transfers and NOTIFY: the TSIG key file must be there and private, or DNS does not start.
    Result<std::unique_ptr<dns::TransferSetup>> transfers = dns::TransferSetup::attach(*m_dns, m_config, m_clock);
    if (!transfers) {
        m_board.setStatus(name, ServiceState::Failed, {}, transfers.error().message);
        qCCritical(lcDaemon, "DNS: %s", qUtf8Printable(transfers.error().message));
        m_dns.reset();
        return Failure{ExitCode::Config, transfers.error().withContext(QStringLiteral("DNS: "))};
    }
    m_dnsTransfers = std::move(*transfers);
    if (Result<void> r = m_dns->start(); !r) {
        m_board.setStatus(name, ServiceState::Failed, {}, r.error().message);
        qCCritical(lcDaemon, "DNS: %s", qUtf8Printable(r.error().message));
        m_dnsTransfers.reset();   // its Notifier reads the service's zones
        m_dns.reset();
        return Failure{ExitCode::Listen, r.error().withContext(QStringLiteral("DNS: "))};
    }
    m_board.setStatus(name, ServiceState::Running, m_dns->boundAddress().toString(),
                      QStringLiteral("UDP (%1 threads) and TCP").arg(m_dns->udpThreadCount()));
    // /metrics and GET /api/v1/dns/statistics; nothing (503) once the service is gone.
    m_management->setDnsStatisticsSource([this]() -> std::optional<dns::DnsStatisticsSnapshot> {
        if (m_dns)
            return m_dns->statistics();
        return std::nullopt;
    });
    return std::nullopt;
}

std::optional<Engine::Failure> Engine::startWhois()
{
    const ServiceConfig *service = m_config.service(QStringLiteral("whois"));
    if (!service || !service->enabled)
        return std::nullopt;
    const QString name = QStringLiteral("whois");
    m_board.setStatus(name, ServiceState::Starting);
    m_whois = std::make_unique<whois::WhoisService>(m_config, ensureDirectory(), m_clock);
    if (Result<void> r = m_whois->start(); !r) {
        m_board.setStatus(name, ServiceState::Failed, {}, r.error().message);
        qCCritical(lcDaemon, "Whois: %s", qUtf8Printable(r.error().message));
        m_whois.reset();
        return Failure{ExitCode::Listen, r.error().withContext(QStringLiteral("Whois: "))};
    }
    m_board.setStatus(name, ServiceState::Running, m_whois->boundAddress().toString(),
                      QStringLiteral("TCP (%1 threads)").arg(m_whois->threadCount()));
    // GET /api/v1/directory/statistics and /metrics; cleared when Whois stops.
    m_directoryStatistics.whois = [this] { return m_whois->statistics(); };
    return std::nullopt;
}

std::optional<Engine::Failure> Engine::startXrp()
{
    const ServiceConfig *service = m_config.service(QStringLiteral("xrp"));
    if (!service || !service->enabled)
        return std::nullopt;
    const QString name = QStringLiteral("xrp");
    m_board.setStatus(name, ServiceState::Starting, {}, QStringLiteral("loading TLS material"));
    m_xrp = std::make_unique<xrp::XrpServer>(m_config, *m_store, m_clock, xrpCommands());
    if (Result<void> r = m_xrp->start(); !r) {
        m_board.setStatus(name, ServiceState::Failed, {}, r.error().message);
        qCCritical(lcDaemon, "XRP port: %s", qUtf8Printable(r.error().message));
        return Failure{ExitCode::Listen, r.error().withContext(QStringLiteral("XRP port: "))};
    }
    m_board.setStatus(name, ServiceState::Running, m_xrp->boundAddress().toString(),
                      QStringLiteral("%1 worker threads").arg(m_xrp->workerCount()));
    m_management->addMetricsSource([this](admin::MetricsRegistry &metrics) {
        if (m_xrp)
            publishXrpMetrics(metrics, m_xrp->metrics());
    });
    return std::nullopt;
}

std::optional<Engine::Failure> Engine::startRdap()
{
    const ServiceConfig *service = m_config.service(QStringLiteral("rdap"));
    if (!service || !service->enabled)
        return std::nullopt;
    const QString name = QStringLiteral("rdap");
    m_board.setStatus(name, ServiceState::Starting, {}, QStringLiteral("loading TLS material"));
    m_rdap = std::make_unique<rdap::RdapService>(m_config, ensureDirectory(), m_clock);
    if (Result<void> r = m_rdap->start(); !r) {
        m_board.setStatus(name, ServiceState::Failed, {}, r.error().message);
        qCCritical(lcDaemon, "RDAP: %s", qUtf8Printable(r.error().message));
        m_rdap.reset();
        return Failure{r.error().code == ErrorCode::InvalidInput ? ExitCode::Config : ExitCode::Listen,
                       r.error().withContext(QStringLiteral("RDAP: "))};
    }
    m_board.setStatus(name, ServiceState::Running, m_rdap->boundAddress().toString(),
                      QStringLiteral("HTTPS (%1 threads), %2").arg(m_rdap->threadCount()).arg(m_rdap->baseUrl()));
    m_directoryStatistics.rdap = [this] { return m_rdap->statistics(); };
    return std::nullopt;
}

directory::Directory &Engine::ensureDirectory()
{
    if (!m_directory) {
        m_directory = std::make_unique<directory::Directory>(m_config.directory, *m_store, m_clock);
        connect(m_directory.get(), &directory::Directory::failed, this,
                [](const QString &message) { qCWarning(lcDaemon, "%s", qPrintable(message)); });
        m_directory->start();
        // Its cache and journal position go into the directory statistics (with Whois or RDAP).
        m_directoryStatistics.cache = [this] { return m_directory->cacheStatistics(); };
        m_directoryStatistics.journalSequence = [this] { return m_directory->appliedSequence(); };
    }
    return *m_directory;
}

Result<void> Engine::startMaintenance()
{
    // The registry's clock runs whether or not registrars are connected: expiries, grace periods,
    // transfer deadlines and purges happen on time even with the XRP port disabled.
    Result<std::unique_ptr<store::Connection>> reader = m_store->openReader();
    if (!reader)
        return reader.error().withContext(QStringLiteral("registry maintenance: "));
    Result<QStringList> tlds = srs::loadServedTlds(**reader);
    if (!tlds)
        return tlds.error();
    SrsPolicy policy = m_config.srs;
    policy.tlds = *tlds;
    m_maintenance = std::make_unique<srs::MaintenanceScheduler>(*m_store, policy, m_clock,
                                                                std::chrono::seconds(policy.maintenanceIntervalSecs));
    if (!m_maintenance->start())
        return Error(ErrorCode::Internal, QStringLiteral("registry maintenance could not start (see the log)"));
    return success();
}

Result<void> Engine::startProbes()
{
    if (!m_config.probes.enabled)
        return success();
    QList<monitor::LocalService> local;
    const auto add = [&local](const char *name, const ListenAddress &bound) {
        local.append({QString::fromLatin1(name), bound.address, bound.port});
    };
    if (m_xrp)
        add("xrp", m_xrp->boundAddress());
    if (m_whois)
        add("whois", m_whois->boundAddress());
    if (m_rdap)
        add("rdap", m_rdap->boundAddress());
    if (m_dns)
        add("dns", m_dns->boundAddress());
    Result<std::unique_ptr<store::Connection>> reader = m_store->openReader();
    if (!reader)
        return reader.error();
    Result<QStringList> zones = srs::loadServedTlds(**reader);
    if (!zones)
        return zones.error();
    Result<monitor::ProbeSettings> settings = monitor::probeSettings(m_config.probes, *zones);
    if (!settings) {
        m_board.setStatus(QStringLiteral("probes"), ServiceState::Failed, {}, settings.error().message);
        return settings.error();
    }
    const QList<monitor::ProbeTarget> targets = monitor::probeTargets(m_config.probes, m_config.siteName, local);
    m_probes = std::make_unique<monitor::ProbeScheduler>(targets, *settings, m_store.get(), m_clock);
    monitor::ProbeScheduler::Options options;
    options.retentionSecs = m_config.probes.retentionSecs;
    m_probes->setOptions(options);
    m_probes->start();
    m_board.setStatus(QStringLiteral("probes"), ServiceState::Running, {},
                      QStringLiteral("%1 target(s) every %2 s").arg(targets.size()).arg(m_config.probes.intervalSecs));
    return success();
}

// The monitor service's counters on /metrics.
static void publishMonitorMetrics(admin::MetricsRegistry &m, const monitor::MonitorService &service)
{
    using T = admin::MetricsRegistry::Type;
    static const struct { const char *name; T type; const char *help; } families[] = {
        {"registry_monitor_polls_total", T::Counter, "SNMP polls finished, by result."},
        {"registry_monitor_traps_total", T::Counter, "SNMP traps, by what became of them."},
        {"registry_monitor_poll_targets", T::Gauge, "Devices polled over SNMP."},
        {"registry_monitor_alarms_active", T::Gauge, "Active alarms, by severity."},
    };
    for (const auto &f : families)
        m.define(QString::fromLatin1(f.name), f.type, QString::fromLatin1(f.help));
    const auto set = [&m](const char *family, const char *label, const QString &value, double number) {
        m.set(QString::fromLatin1(family), admin::MetricsRegistry::Labels{{QString::fromLatin1(label), value}}, number);
    };
    const monitor::MonitorService::Counters c = service.counters();
    const monitor::TrapCounters t = service.trapCounters();
    set("registry_monitor_polls_total", "result", QStringLiteral("ok"), double(c.polls - c.pollsFailed));
    set("registry_monitor_polls_total", "result", QStringLiteral("failed"), double(c.pollsFailed));
    const std::pair<const char *, qint64> traps[] = {{"accepted", t.accepted}, {"unknown-source", c.trapsFromUnknown},
                                                     {"rate-limited", t.rateLimited}, {"unknown-community", t.unknownCommunity},
                                                     {"v3-rejected", t.v3Rejected}, {"unsupported", t.unsupported + t.malformed}};
    for (const auto &[outcome, count] : traps)
        set("registry_monitor_traps_total", "outcome", QString::fromLatin1(outcome), double(count));
    m.set(QStringLiteral("registry_monitor_poll_targets"), double(service.inventory().targets().size()));
    std::map<monitor::Severity, int> bySeverity;
    for (const monitor::Alarm &alarm : service.alarms().activeAlarms())
        ++bySeverity[alarm.severity];
    for (const monitor::Severity s : {monitor::Severity::Warning, monitor::Severity::Minor, monitor::Severity::Major, monitor::Severity::Critical})
        set("registry_monitor_alarms_active", "severity", monitor::severityName(s), bySeverity[s]);
}

std::optional<Engine::Failure> Engine::startMonitor()
{
    const QString name = QStringLiteral("monitor");
    if (!m_config.monitor.enabled)
        return std::nullopt;   // like the probes: no status entry while not configured
    m_board.setStatus(name, ServiceState::Starting, {}, QStringLiteral("reading the inventory"));
    m_monitor = std::make_unique<monitor::MonitorService>(m_config.monitor, *m_store, m_clock,
                                                          QDir(m_config.dataDir).filePath(QStringLiteral("monitor-secrets.key")));
    m_monitor->setEventPublisher([this](const QJsonObject &event) {
        if (m_management)
            m_management->publishEvent(event);
    });
    if (m_probes)
        m_monitor->attachProbes(*m_probes);
    if (Result<void> r = m_monitor->start(); !r) {
        m_board.setStatus(name, ServiceState::Failed, {}, r.error().message);
        qCCritical(lcDaemon, "monitor: %s", qUtf8Printable(r.error().message));
        m_monitor.reset();
        const bool config = r.error().code == ErrorCode::InvalidInput || r.error().code == ErrorCode::NotFound;
        return Failure{config ? ExitCode::Config : ExitCode::Listen, r.error().withContext(QStringLiteral("monitor: "))};
    }
    const auto report = [this, name](int targets) {
        m_board.setStatus(name, ServiceState::Running, m_monitor->trapAddress().toString(),
                          QStringLiteral("%1 device(s) polled over SNMP; traps on UDP").arg(targets));
    };
    report(int(m_monitor->inventory().targets().size()));
    connect(m_monitor.get(), &monitor::MonitorService::inventoryApplied, this, report);
    m_management->setMonitorService(m_monitor.get());
    m_management->addMetricsSource([this](admin::MetricsRegistry &metrics) {
        if (m_monitor)
            publishMonitorMetrics(metrics, *m_monitor);
    });
    return std::nullopt;
}

void Engine::stopMonitor()
{
    if (!m_monitor)
        return;
    if (m_management)
        m_management->setMonitorService(nullptr);
    m_board.setStatus(QStringLiteral("monitor"), ServiceState::Stopping);
    m_monitor->stop();
    m_monitor.reset();
    m_board.setStatus(QStringLiteral("monitor"), ServiceState::Stopped);
}

void Engine::markUnbuiltServices()
{
    for (const ServiceConfig &service : std::as_const(m_config.services)) {
        if (service.name == u"management")
            continue;
        if (service.enabled && isBuiltService(service.name))
            continue;   // its own start reports it
        if (service.enabled)
            m_board.setStatus(service.name, ServiceState::NotAvailable, {}, QString::fromLatin1(notBuiltDetail));
        else
            m_board.setStatus(service.name, ServiceState::Stopped, {}, QStringLiteral("disabled in registryd.conf"));
    }
}

Result<void> Engine::lockDataDirectory()
{
    const QString runDir = QDir(m_dataDir).filePath(QStringLiteral("run"));
    if (Result<void> r = SecureFile::makeDirectory(runDir); !r)
        return r;
    const QString lockFile = runDir + QStringLiteral("/registryd.lock");
    m_lockFd = ::open(QFile::encodeName(lockFile).constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (m_lockFd < 0)
        return Error(ErrorCode::Internal, QStringLiteral("cannot open %1: %2").arg(lockFile, QString::fromLocal8Bit(std::strerror(errno))));
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        QFile f(lockFile);
        const QByteArray holder = f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
        ::close(m_lockFd);
        m_lockFd = -1;
        if (err == EWOULDBLOCK)
            return Error(ErrorCode::Conflict, QStringLiteral("another registryd (pid %1) is already running with the data directory %2")
                                                  .arg(holder.isEmpty() ? QStringLiteral("unknown") : QString::fromLatin1(holder), m_dataDir));
        return Error(ErrorCode::Internal, QStringLiteral("cannot lock %1: %2").arg(lockFile, QString::fromLocal8Bit(std::strerror(err))));
    }
    const QByteArray pid = QByteArray::number(QCoreApplication::applicationPid()) + '\n';
    if (::ftruncate(m_lockFd, 0) != 0 || ::pwrite(m_lockFd, pid.constData(), size_t(pid.size()), 0) != pid.size())
        qCWarning(lcDaemon, "cannot record the pid in %s", qPrintable(lockFile));
    return success();
}

Result<void> Engine::writeReadyFile()
{
    QJsonObject services;
    services.insert(QStringLiteral("management"), m_management->boundAddress().toString());
    if (m_xrp)
        services.insert(QStringLiteral("xrp"), m_xrp->boundAddress().toString());
    if (m_dns)
        services.insert(QStringLiteral("dns"), m_dns->boundAddress().toString());
    if (m_rdap)
        services.insert(QStringLiteral("rdap"), m_rdap->boundAddress().toString());
    if (m_whois)
        services.insert(QStringLiteral("whois"), m_whois->boundAddress().toString());
    if (m_monitor)
        services.insert(QStringLiteral("traps"), m_monitor->trapAddress().toString());
    const QJsonObject ready{{QStringLiteral("pid"), QCoreApplication::applicationPid()},
                            {QStringLiteral("version"), QString::fromLatin1(registryVersion)},
                            {QStringLiteral("services"), services}};
    return SecureFile::replace(readyFile(), QJsonDocument(ready).toJson(QJsonDocument::Compact) + '\n');
}

void Engine::shutdown(const QString &reason)
{
    if (!m_running)
        return;
    m_running = false;
    qCInfo(lcDaemon, "shutting down: %s", qPrintable(reason));
    if (Result<void> r = SystemdNotifier::notify("STOPPING=1"); !r)
        qCWarning(lcDaemon, "%s", qPrintable(r.error().message));
    // Not ready any more from the first moment of shutdown, so nobody connects to a closing engine.
    QFile::remove(readyFile());
    // The probes first: the services going away are not outages to record. The monitor service
    // with them: its events go out on the API, which stops below.
    if (m_probes)
        m_probes->stop();
    stopMonitor();
    if (m_xrp) {
        m_board.setStatus(QStringLiteral("xrp"), ServiceState::Stopping);
        m_xrp->shutdown(reason);
        m_board.setStatus(QStringLiteral("xrp"), ServiceState::Stopped);
    }
    if (m_dns) {
        m_board.setStatus(QStringLiteral("dns"), ServiceState::Stopping);
        m_dns->shutdown();
        m_board.setStatus(QStringLiteral("dns"), ServiceState::Stopped);
    }
    if (m_rdap) {
        m_board.setStatus(QStringLiteral("rdap"), ServiceState::Stopping);
        m_rdap->shutdown();
        m_board.setStatus(QStringLiteral("rdap"), ServiceState::Stopped);
    }
    if (m_whois) {
        m_board.setStatus(QStringLiteral("whois"), ServiceState::Stopping);
        m_directoryStatistics.whois = {};
        m_whois->shutdown();
        m_board.setStatus(QStringLiteral("whois"), ServiceState::Stopped);
    }
    if (m_management)
        m_management->shutdown(reason);
    stopAll();
    qCInfo(lcDaemon, "stopped");
    Q_EMIT stopped();
}

void Engine::stopAll()
{
    stopMonitor();
    if (m_probes) {
        m_probes->stop();
        m_probes.reset();
        m_board.setStatus(QStringLiteral("probes"), ServiceState::Stopped);
    }
    if (m_maintenance) {
        m_maintenance->stop();
        m_maintenance.reset();
    }
    // Sessions write audit rows and run commands through the store: they end before it closes.
    if (m_xrp) {
        m_xrp->shutdown(QStringLiteral("engine stopping"));
        m_xrp.reset();
    }
    // The zone updater reads the store: it stops before the store closes.
    if (m_dns) {
        m_dns->shutdown();
        m_dnsTransfers.reset();   // the Notifier reads the service's zones: it goes first
        m_dns.reset();
    }
    if (m_rdap) {
        m_directoryStatistics.rdap = {};
        m_rdap->shutdown();
        m_rdap.reset();
    }
    if (m_whois) {
        m_directoryStatistics.whois = {};
        m_whois->shutdown();
        m_whois.reset();
    }
    // Whois and RDAP read through it: it stops after them and before the store closes.
    if (m_directory) {
        m_directoryStatistics.cache = {};
        m_directoryStatistics.journalSequence = {};
        m_directory->stop();
        m_directory.reset();
    }
    if (m_store) {
        m_board.setStatus(QStringLiteral("store"), ServiceState::Stopping);
        m_store->close();   // finishes queued writes
        m_board.setStatus(QStringLiteral("store"), ServiceState::Stopped);
    }
    if (m_lockFd >= 0) {
        ::close(m_lockFd);
        m_lockFd = -1;
    }
}

} // namespace reg::daemon
