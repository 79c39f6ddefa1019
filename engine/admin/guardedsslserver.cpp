#include "guardedsslserver.h"

#include "apiresponse.h"
#include "requestlimiter.h"

#include "core/logging.h"

#include <QSslSocket>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

namespace reg::admin {

// One connection's gatekeeper; a child of its socket, so it dies with it.
class ConnectionGuard : public QObject
{
public:
    ConnectionGuard(GuardedSslServer &server, QSslSocket *socket)
        : QObject(socket), m_server(&server), m_socket(socket),
          m_limiter(server.m_limits.maxBody, server.m_limits.maxHead)
    {
        ++server.m_connections;
        m_idle.setSingleShot(true);
        m_idle.setInterval(server.m_limits.idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, [this] {
            if (!m_limiter.upgraded()) {
                qCDebug(lcAdmin, "closing idle management connection from %s", qUtf8Printable(m_socket->peerAddress().toString()));
                m_socket->disconnectFromHost();
            }
        });
        m_idle.start();
        connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::before);
    }

    ~ConnectionGuard() override
    {
        if (m_server)
            --m_server->m_connections;
    }

    QSslSocket *socket() const { return m_socket; }
    void attachAfter() { connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::after); }

private:
    // Runs before QHttpServer's slot: inspect only the bytes it has not been shown yet.
    void before()
    {
        if (m_refused) {
            drain();
            return;
        }
        m_idle.start();
        const qint64 available = m_socket->bytesAvailable();
        const qint64 fresh = available - qMin(m_inspectedUnread, available);
        if (fresh > 0) {
            const QByteArray unread = m_socket->peek(available);
            const RequestLimiter::Verdict verdict = m_limiter.feed(QByteArrayView(unread).sliced(unread.size() - fresh));
            if (verdict != RequestLimiter::Verdict::Continue) {
                refuse(verdict);
                return;
            }
        }
        m_inspectedUnread = available;
        if (m_limiter.upgraded())
            m_idle.stop();
    }

    // Runs after QHttpServer's slot: what it left unread has been inspected already.
    void after() { m_inspectedUnread = m_socket->bytesAvailable(); }

    void drain()
    {
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        m_socket->skip(m_socket->bytesAvailable());
        m_inspectedUnread = 0;
    }

    void refuse(RequestLimiter::Verdict verdict)
    {
        m_refused = true;
        ApiResponse response;
        switch (verdict) {
        case RequestLimiter::Verdict::HeadTooLarge:
            response = ApiResponse::error(431, "payload_too_large",
                                          QStringLiteral("the request head is larger than %1 bytes").arg(m_server->m_limits.maxHead));
            break;
        case RequestLimiter::Verdict::BodyTooLarge:
            response = ApiResponse::payloadTooLarge(m_server->m_limits.maxBody);
            break;
        case RequestLimiter::Verdict::LengthRequired:
            response = ApiResponse::error(411, "bad_request", QStringLiteral("chunked request bodies are not accepted; send Content-Length"));
            break;
        case RequestLimiter::Verdict::BadRequest:
        case RequestLimiter::Verdict::Continue:
            response = ApiResponse::badRequest(QStringLiteral("the Content-Length header is not a valid length"));
            break;
        }
        const QString source = m_socket->peerAddress().toString();
        qCInfo(lcAdmin, "refused a request from %s with %d before reading it (%s)", qUtf8Printable(source), response.status,
               response.errorCode.constData());
        drain();
        m_socket->write(rawClosingResponse(response));
        m_socket->disconnectFromHost();
        if (m_server)
            Q_EMIT m_server->requestRefused(response.status, source);
    }

    QPointer<GuardedSslServer> m_server;
    QSslSocket *m_socket;
    RequestLimiter m_limiter;
    QTimer m_idle;
    qint64 m_inspectedUnread = 0;
    bool m_refused = false;
};

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
