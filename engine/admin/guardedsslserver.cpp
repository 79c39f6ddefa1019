#include "guardedsslserver.h"

#include "connectionguard.h"

#include "core/logging.h"

#include <QSslSocket>

#include <sys/socket.h>
#include <unistd.h>

namespace reg::admin {

GuardedSslServer::GuardedSslServer(const Limits &limits, QObject *parent) : QSslServer(parent), m_limits(limits)
{
    connect(this, &QSslServer::startedEncryptionHandshake, this, [this](QSslSocket *socket) {
        m_guards.removeIf([](const QPointer<ConnectionGuard> &g) { return g.isNull(); });
        m_guards.append(new ConnectionGuard(*this, socket));
    });
}

void GuardedSslServer::incomingConnection(qintptr handle)
{
    if (m_connections >= m_limits.maxConnections) {
        // Over the cap: refuse at the TCP level; there is no TLS session to send an answer on yet.
        qCWarning(lcAdmin, "management connection refused: %d connections open (limit %d)", m_connections, m_limits.maxConnections);
        ::shutdown(int(handle), SHUT_RDWR);
        ::close(int(handle));
        return;
    }
    QSslServer::incomingConnection(handle);
}

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    if (socket)
        m_handedOut.append(socket);
    return socket;
}

void GuardedSslServer::armAfterHttpServer()
{
    // Connected after QHttpServer's own slot for this signal, so it runs once QHttpServer has
    // taken the new sockets and connected its readyRead handler.
    connect(this, &QTcpServer::pendingConnectionAvailable, this, &GuardedSslServer::attachAfterSlots);
}

void GuardedSslServer::attachAfterSlots()
{
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_handedOut)) {
        if (!socket)
            continue;
        for (const QPointer<ConnectionGuard> &guard : std::as_const(m_guards)) {
            if (guard && guard->socket() == socket)
                guard->attachAfter();
        }
    }
    m_handedOut.clear();
}

void GuardedSslServer::disconnectAll()
{
    for (const QPointer<ConnectionGuard> &guard : std::as_const(m_guards)) {
        if (guard)
            guard->socket()->disconnectFromHost();
    }
}

} // namespace reg::admin
