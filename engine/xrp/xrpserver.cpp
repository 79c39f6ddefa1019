#include "xrpserver.h"

#include "xrpadmission.h"
#include "xrptransactionids.h"
#include "xrpworker.h"

#include "core/logging.h"
#include "core/servertls.h"
#include "srs/registrarlogin.h"
#include "srs/servedtlds.h"
#include "store/store.h"

#include <QFile>
#include <QSslKey>
#include <QThread>

#include <sys/socket.h>
#include <unistd.h>

namespace reg::xrp {
namespace {

using namespace Qt::StringLiterals;

// The peer of an accepted descriptor, before any socket object exists for it.
QHostAddress peerOf(qintptr descriptor)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr *>(&storage));
}

// Registrar users, certificates and addresses change the answer of isKnownAddress().
bool touchesRegistrarAccess(const store::JournalEntries &entries)
{
    for (const store::JournalEntry &entry : entries) {
        if (entry.change.kind.startsWith(u"registrar"))
            return true;
    }
    return false;
}

} // namespace

Result<QSslConfiguration> XrpServer::loadTlsConfiguration(const TlsConfig &tls)
{
    Result<QSslConfiguration> configuration = loadServerTlsConfiguration(tls);
    if (!configuration)
        return configuration.error();
    Result<QList<QSslCertificate>> authorities = readPemCertificates(tls.caFile, u"CA certificate"_s);
    if (!authorities)
        return authorities.error();
    // Registrars authenticate with a client certificate from our CA (seed 000); without one the
    // handshake fails. Which registrar it belongs to is checked at login.
    configuration->setCaCertificates(*authorities);
    configuration->setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration->setAllowedNextProtocols({});
    return configuration;
}

XrpServer::XrpServer(const EngineConfig &config, store::Store &store, const Clock &clock, XrpCommandSet commands, QObject *parent)
    : QTcpServer(parent), m_config(config), m_store(store), m_clock(clock), m_commands(std::move(commands)),
      m_admission(std::make_unique<XrpAdmission>(config.xrp.maxConnections, config.xrp.maxConnectionsPerAddress,
                                                 config.xrp.maxSessionsPerUser)),
      m_transactionIds(std::make_unique<XrpTransactionIds>(config.xrp.serverId, clock.now()))
{
    m_policy = config.srs;
}

XrpServer::~XrpServer()
{
    shutdown(u"XRP server destroyed"_s);
}

Result<void> XrpServer::start()
{
    const ServiceConfig *service = m_config.service(u"xrp"_s);
    if (!service)
        return Error(ErrorCode::InvalidInput, u"[xrp] has no listen address"_s);
    Result<QSslConfiguration> tls = loadTlsConfiguration(m_config.tls);
    if (!tls)
        return tls.error();

    Result<std::unique_ptr<store::Connection>> reader = m_store.openReader();
    if (!reader)
        return reader.error().withContext(u"opening a read connection: "_s);
    Result<QStringList> tlds = srs::loadServedTlds(**reader);
    if (!tlds)
        return tlds.error();
    m_policy.tlds = *tlds;

    m_addressCheck = std::make_unique<srs::RegistrarLogin>(m_store, m_clock);
    connect(&m_store.writer(), &store::Writer::committed, this, [this](const store::JournalEntries &entries) {
        if (m_addressCheck && touchesRegistrarAccess(entries))
            m_addressCheck->invalidateAddressCache();
    });

    XrpSessionEnvironment shared;
    shared.config = m_config.xrp;
    shared.services.clock = &m_clock;
    shared.services.policy = &m_policy;
    shared.admission = m_admission.get();
    shared.transactionIds = m_transactionIds.get();
    shared.metrics = &m_metrics;
    shared.dispatcher = m_commands.dispatcher;
    shared.objectUris = m_commands.objectUris;
    shared.extensionUris = m_commands.extensionUris;

    const int count = m_config.xrp.threads > 0 ? m_config.xrp.threads : std::max(1, QThread::idealThreadCount());
    for (int i = 0; i < count; ++i) {
        Worker w;
        w.thread = new QThread(this);
        w.thread->setObjectName(u"xrp-%1"_s.arg(i));
        w.worker = new XrpWorker(i, m_store, shared, *tls);
        w.worker->moveToThread(w.thread);
        connect(w.thread, &QThread::finished, w.worker, &QObject::deleteLater);
        w.thread->start();
        m_workers.append(w);
        Result<void> initialized = success();
        QMetaObject::invokeMethod(w.worker, [&initialized, worker = w.worker] { initialized = worker->initialize(); },
                                  Qt::BlockingQueuedConnection);
        if (!initialized) {
            stopWorkers(u"start failed"_s);
            return initialized.error();
        }
    }

    if (!listen(service->listen.address, service->listen.port)) {
        const Error error(ErrorCode::Unavailable, serverError() == QAbstractSocket::AddressInUseError
                                                      ? u"%1 is already in use"_s.arg(service->listen.toString())
                                                      : u"cannot listen on %1: %2"_s.arg(service->listen.toString(), errorString()));
        stopWorkers(u"start failed"_s);
        return error;
    }
    m_bound = ListenAddress{serverAddress(), serverPort()};
    m_running = true;
    qCInfo(lcXrp, "XRP port listening on %s with %d worker threads (TLS 1.2+, client certificates required)",
           qPrintable(m_bound.toString()), count);
    return success();
}

void XrpServer::incomingConnection(qintptr descriptor)
{
    const QHostAddress peer = canonicalPeerAddress(peerOf(descriptor));
    if (!m_running || m_workers.isEmpty() || peer.isNull()) {
        ::close(int(descriptor));
        return;
    }
    // Fails closed: an address the registry cannot check is not served.
    Result<bool> known = m_addressCheck->isKnownAddress(peer);
    if (!known || !*known) {
        m_metrics.refusedUnknownAddress.fetch_add(1, std::memory_order_relaxed);
        if (!known)
            qCWarning(lcXrp, "XRP connection from %s refused: %s", qPrintable(peer.toString()), qPrintable(known.error().message));
        else
            qCDebug(lcXrp, "XRP connection from %s refused: no registrar lists the address", qPrintable(peer.toString()));
        ::close(int(descriptor));
        return;
    }
    if (!m_admission->acquireConnection(peer)) {
        m_metrics.refusedConnectionLimit.fetch_add(1, std::memory_order_relaxed);
        qCInfo(lcXrp, "XRP connection from %s refused: connection limit reached", qPrintable(peer.toString()));
        ::close(int(descriptor));
        return;
    }
    m_metrics.connectionsAccepted.fetch_add(1, std::memory_order_relaxed);
    XrpWorker *worker = m_workers.at(m_nextWorker).worker;
    m_nextWorker = (m_nextWorker + 1) % m_workers.size();
    QMetaObject::invokeMethod(worker, [worker, descriptor, peer] { worker->addConnection(descriptor, peer); }, Qt::QueuedConnection);
}

void XrpServer::shutdown(const QString &reason)
{
    if (isListening())
        close();
    m_running = false;
    stopWorkers(reason);
    m_addressCheck.reset();
}

void XrpServer::stopWorkers(const QString &reason)
{
    for (const Worker &w : std::as_const(m_workers)) {
        QMetaObject::invokeMethod(w.worker, [worker = w.worker, reason] { worker->stop(reason); }, Qt::BlockingQueuedConnection);
        w.thread->quit();
        w.thread->wait();
        delete w.thread;
    }
    m_workers.clear();
}

} // namespace reg::xrp
