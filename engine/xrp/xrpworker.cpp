#include "xrpworker.h"

#include "xrpadmission.h"
#include "xrpaudit.h"
#include "xrpmetrics.h"
#include "xrpsession.h"

#include "core/logging.h"
#include "srs/registrarlogin.h"
#include "store/store.h"

#include <QSslSocket>

#include <unistd.h>

namespace reg::xrp {

XrpWorker::XrpWorker(int index, store::Store &store, XrpSessionEnvironment shared, QSslConfiguration tls)
    : m_index(index), m_store(store), m_env(std::move(shared)), m_tls(std::move(tls))
{
}

XrpWorker::~XrpWorker() = default;

Result<void> XrpWorker::initialize()
{
    Result<std::unique_ptr<store::Connection>> reader = m_store.openReader();
    if (!reader)
        return reader.error().withContext(QStringLiteral("XRP worker %1: opening a read connection: ").arg(m_index));
    m_reader = std::move(*reader);
    m_login = std::make_unique<srs::RegistrarLogin>(m_store, *m_env.services.clock);
    m_audit = std::make_unique<XrpAuditLog>(m_store.writer());
    m_env.services.reader = m_reader.get();
    m_env.services.writer = &m_store.writer();
    m_env.login = m_login.get();
    m_env.audit = m_audit.get();
    return success();
}

void XrpWorker::addConnection(qintptr descriptor, const QHostAddress &peer)
{
    if (m_stopped) {
        ::close(int(descriptor));
        m_env.admission->releaseConnection(peer);
        return;
    }
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcXrp, "XRP connection from %s dropped: %s", qPrintable(peer.toString()), qPrintable(socket->errorString()));
        delete socket;
        ::close(int(descriptor));
        m_env.admission->releaseConnection(peer);
        return;
    }
    // Answers are small and a pipelining client waits for each: Nagle's algorithm would hold one
    // back until the previous one is acknowledged, and delayed ACKs make that up to 40 ms.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->setSslConfiguration(m_tls);
    new XrpSession(socket, peer, m_env, this);   // parent: this; it deletes itself when closed
    socket->startServerEncryption();
}

void XrpWorker::stop(const QString &reason)
{
    if (m_stopped)
        return;
    m_stopped = true;
    // Sessions release their admission slots and record their last rows as they go.
    const QList<XrpSession *> sessions = findChildren<XrpSession *>(Qt::FindDirectChildrenOnly);
    for (XrpSession *session : sessions)
        session->shutdown(reason);
    qDeleteAll(findChildren<XrpSession *>(Qt::FindDirectChildrenOnly));
    if (m_audit)
        m_audit->flush(/*wait=*/true);
    m_audit.reset();
    m_login.reset();
    m_reader.reset();
}

} // namespace reg::xrp
