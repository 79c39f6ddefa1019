#pragma once

#include "core/clock.h"
#include "core/configvalues.h"
#include "core/engineconfig.h"
#include "core/result.h"
#include "core/servicestatus.h"
#include "directory/directorystatistics.h"
#include "dns/dnsstatistics.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace reg::store {
class Connection;
class Store;
} // namespace reg::store

namespace reg::monitor {
class MonitorService;
class AlarmEngine;
} // namespace reg::monitor

namespace reg::admin {

class EventHub;
class GuardedSslServer;
class InventoryEndpoints;
class MonitorStateEndpoints;
class MonitorAlarmEndpoints;
class MetricsRegistry;
class RegistrarAdministration;
class RegistryBrowser;
class TokenRegistry;
class UserAccounts;
struct ApiResponse;
struct Request;

// The management API (docs/management-api.md): HTTPS with JSON under /api/v1/, bearer tokens,
// roles, the audit trail, /metrics and the WebSocket event stream. QHttpServer parses HTTP on
// our own TLS listener (GuardedSslServer); routing, authentication and every error answer are
// ours, so each follows the contract. Slow work (scrypt, chain verification) runs on the thread
// pool and answers when done; nothing here blocks the event loop.
// Lives on the thread that creates it (the main thread); owned by the composition root.
class ManagementServer : public QObject
{
    Q_OBJECT
public:
    ManagementServer(const reg::EngineConfig &config, reg::store::Store &store, reg::ServiceStatusBoard &board,
                     const reg::Clock &clock, QObject *parent = nullptr);
    ~ManagementServer() override;

    // Loads [tls] certificate/key, TLS 1.2+ only, binds [management] listen. A clear Error when the
    // port is in use ("127.0.0.1:9443 is already in use") or the certificate or key can't be read.
    reg::Result<void> start();
    // The real address, also when configured with port 0.
    reg::ListenAddress boundAddress() const;
    // Pushes {"type":"shutdown"} to event clients, closes sockets and the listener. Idempotent.
    void shutdown(const QString &reason);

    // Metrics of other services (the XRP port, ...): each source runs on this thread at every
    // /metrics scrape, before rendering; it defines its families (defining twice is harmless) and
    // sets their values. It must stay callable until shutdown().
    using MetricsSource = std::function<void(MetricsRegistry &)>;
    void addMetricsSource(MetricsSource source);

    // The DNS service's counters for /metrics and GET /api/v1/dns/statistics; called on this
    // thread at each scrape or request. nullopt (or no source) means the DNS service is not
    // running: the endpoint answers 503 and /metrics has no registry_dns_* series. It must stay
    // callable until shutdown().
    using DnsStatisticsSource = std::function<std::optional<reg::dns::DnsStatisticsSnapshot>()>;
    void setDnsStatisticsSource(DnsStatisticsSource source);

    // The directory services' counters (Whois, RDAP, their record cache) for /metrics and
    // GET /api/v1/directory/statistics, under the same contract as the DNS source: called on this
    // thread at each scrape or request; nullopt (or no source) means neither Whois nor RDAP runs.
    using DirectoryStatisticsSource = std::function<std::optional<reg::directory::DirectoryStatisticsSnapshot>()>;
    void setDirectoryStatisticsSource(DirectoryStatisticsSource source);

    // The monitor service behind /api/v1/monitor/status and /metrics/<device> (and the alarm
    // endpoints); null (the default) answers them 503 "monitoring is not running". Main thread;
    // cleared before the service goes. Inventory changes through the API make it re-read the inventory.
    void setMonitorService(reg::monitor::MonitorService *service);
    // A message for every event-stream client besides the journal ({"type":"alarm"|"monitor.poll"|
    // "monitor.trap", ...}); dropped when the API is not running. This thread only.
    void publishEvent(const QJsonObject &event);
    // The alarm engine behind /api/v1/monitor/alarms, /maintenance, /traps and /probes, and the
    // inventory name of a device id (empty when unknown). Both are used on this thread only; the
    // engine must outlive the server or be replaced first. Null (or never set): those endpoints
    // answer 503 "monitoring is not running". setMonitorService() sets the service's engine here.
    void setAlarmEngine(reg::monitor::AlarmEngine *engine, std::function<QString(const QString &)> deviceName);

private:
    using Reply = std::function<void(const ApiResponse &)>;
    struct Route;

    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handle(const Request &request, const Reply &reply);
    QJsonObject statusJson();
    void updateMetrics();
    void audit(const Request &request, const QString &actor, const QString &action, const QString &outcome,
               const QString &detail = {});

    void login(const Request &request, const Reply &reply);
    void logout(const Request &request, const Reply &reply);
    void me(const Request &request, const Reply &reply);
    void status(const Request &request, const Reply &reply);
    void journal(const Request &request, const Reply &reply);
    void verifyJournal(const Request &request, const Reply &reply);
    void listUsers(const Request &request, const Reply &reply);
    void createUser(const Request &request, const Reply &reply);
    void unlockUser(const Request &request, const Reply &reply, const QString &name);
    void changePassword(const Request &request, const Reply &reply);
    void metrics(const Request &request, const Reply &reply);
    void dnsStatistics(const Request &request, const Reply &reply);
    void directoryStatistics(const Request &request, const Reply &reply);
    void registrySearch(const Request &request, const Reply &reply);
    // Runs read on the registry worker thread and answers on this thread; done (may be empty) sees
    // the result first, for the audit trail of personal-data views.
    void readRegistry(const Reply &reply, std::function<Result<QJsonObject>(RegistryBrowser &)> read,
                      std::function<void(const Result<QJsonObject> &)> done = {});
    // Registrar administration (POST/PATCH/DELETE under /registry/registrars): the route's decoding
    // happens here, the store work on the registry worker thread; answered and audited on this thread.
    using RegistrarWork = std::function<Result<ApiResponse>(RegistrarAdministration &, RegistryBrowser &)>;
    void administerRegistrar(const Request &request, const Reply &reply, const QString &action, const QString &detail,
                             RegistrarWork work);
    void registrarCommand(const Request &request, const Reply &reply, const QString &registrarSegment, const QString &command);
    // The monitoring inventory (/api/v1/monitor/sites|devices|links|topology|import|layout): run on
    // the registry worker thread, answered and audited on this thread.
    void monitorInventory(const Request &request, const Reply &reply);
    // GET /api/v1/monitor/status (from the monitor service) and /monitor/metrics/<device> (the
    // sample table, read on the registry worker thread).
    void monitorStatus(const Request &request, const Reply &reply);
    void monitorMetrics(const Request &request, const Reply &reply);
    // Alarms, maintenance windows, the trap log and probe results: engine calls on this thread,
    // database reads on the registry worker thread; answered and audited on this thread.
    void monitorAlarms(const Request &request, const Reply &reply);

    reg::EngineConfig m_config;
    reg::store::Store &m_store;
    reg::ServiceStatusBoard &m_board;
    const reg::Clock &m_clock;
    std::unique_ptr<UserAccounts> m_accounts;
    std::unique_ptr<TokenRegistry> m_tokens;
    std::unique_ptr<MetricsRegistry> m_metrics;
    std::unique_ptr<reg::store::Connection> m_reader;
    // Registry reads can scan (a "contains" search), so they leave the event loop: one worker
    // thread, one read connection, queries in arrival order. Declared after m_browser so the pool
    // (which waits for its thread) goes first.
    std::unique_ptr<RegistryBrowser> m_browser;
    std::unique_ptr<RegistrarAdministration> m_registrarAdmin;   // used only on the registry worker thread
    std::unique_ptr<InventoryEndpoints> m_inventory;              // used only on the registry worker thread
    std::unique_ptr<MonitorStateEndpoints> m_monitorState;        // used only on the registry worker thread
    QPointer<reg::monitor::MonitorService> m_monitor;
    std::unique_ptr<MonitorAlarmEndpoints> m_alarms;              // on this thread; null while monitoring is off
    quint64 m_alarmsGeneration = 0;                               // bumped by setAlarmEngine(): stale reads answer 503
    std::unique_ptr<reg::store::Connection> m_alarmReader;        // used only on the registry worker thread
    QThreadPool m_registryPool;
    QHttpServer *m_http = nullptr;          // child of this
    GuardedSslServer *m_listener = nullptr; // child of m_http after bind()
    EventHub *m_events = nullptr;           // child of this
    QDateTime m_startedAt;
    reg::ListenAddress m_bound;
    QList<MetricsSource> m_metricsSources;
    DnsStatisticsSource m_dnsStatistics;
    DirectoryStatisticsSource m_directoryStatistics;
    QList<Reply> m_verifyWaiters;           // requests sharing the chain verification in progress
    bool m_running = false;
    bool m_shuttingDown = false;
};

} // namespace reg::admin
