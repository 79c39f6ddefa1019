#pragma once

#include "xrpmetrics.h"
#include "xrpsessionenvironment.h"

#include "core/clock.h"
#include "core/configvalues.h"
#include "core/engineconfig.h"
#include "core/result.h"

#include <QList>
#include <QSslConfiguration>
#include <QTcpServer>

#include <memory>

class QThread;

namespace reg::store {
class Store;
}

namespace reg::xrp {

class XrpAdmission;
class XrpTransactionIds;
class XrpWorker;

// The XRP port's listener. On the engine thread it accepts each TCP connection, refuses at once
// (before any TLS work) a peer no registrar lists or one over max_connections /
// max_connections_per_address, and hands the descriptor round-robin to one of N XrpWorker threads,
// where the TLS handshake and the session run. It owns the workers, the server-wide limits,
// transaction ids and metrics, and keeps its own RegistrarLogin for the address check, whose cache
// it drops whenever a registrar change is committed.
// Lives on the engine thread; owned by the composition root.
class XrpServer : public QTcpServer
{
    Q_OBJECT
public:
    XrpServer(const EngineConfig &config, store::Store &store, const Clock &clock, XrpCommandSet commands,
              QObject *parent = nullptr);
    ~XrpServer() override;   // calls shutdown()

    // Loads the TLS material and the TLDs, starts the workers and listens on config.xrp's service.
    Result<void> start();
    // Stops listening, ends every session (a last 2500 where none is in flight), flushes the audit
    // rows and stops the worker threads. Idempotent; call before the store closes.
    void shutdown(const QString &reason);

    ListenAddress boundAddress() const { return m_bound; }
    XrpMetricsSnapshot metrics() const { return m_metrics.snapshot(); }
    int workerCount() const { return int(m_workers.size()); }

    // The server side of XRP's TLS: TLS 1.2+, [tls] certificate and key, client certificates
    // required and verified against [tls] ca.
    static Result<QSslConfiguration> loadTlsConfiguration(const TlsConfig &tls);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Worker
    {
        QThread *thread = nullptr;
        XrpWorker *worker = nullptr;
    };
    void stopWorkers(const QString &reason);

    EngineConfig m_config;
    store::Store &m_store;
    const Clock &m_clock;
    XrpCommandSet m_commands;
    XrpMetrics m_metrics;
    std::unique_ptr<XrpAdmission> m_admission;
    std::unique_ptr<XrpTransactionIds> m_transactionIds;
    std::unique_ptr<srs::RegistrarLogin> m_addressCheck;
    SrsPolicy m_policy;
    QList<Worker> m_workers;
    qsizetype m_nextWorker = 0;
    ListenAddress m_bound;
    bool m_running = false;
};

} // namespace reg::xrp
