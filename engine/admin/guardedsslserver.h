#pragma once

#include <QList>
#include <QPointer>
#include <QSslServer>

namespace reg::admin {

class ConnectionGuard;

// The TLS listener under the management QHttpServer. QHttpServer 6.4 buffers whole requests with
// no limit and answers in whatever order handlers finish, so every connection gets a
// ConnectionGuard that sees each byte before QHttpServer does (answering 413/431/411/400/408 itself
// and closing the connection before an oversized or trickling request is buffered) and keeps the
// connection's answers in request order. The server also caps concurrent connections.
//
// Ordering is what makes this work: the guard's "before" slot is connected to readyRead when the
// TLS handshake starts (before QHttpServer connects its own), and its "after" slot is connected
// once QHttpServer has taken the socket, so the guard always knows which bytes are new.
// Lives on the management thread; owned (after bind()) by the QHttpServer.
class GuardedSslServer : public QSslServer
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxBody = 1024 * 1024;
        qsizetype maxHead = 16 * 1024;
        int maxConnections = 256;
        int idleTimeoutMs = 120 * 1000;
        int requestTimeoutMs = 30 * 1000;   // first byte of a request to its last
        int maxPipelined = 16;              // answers outstanding on one connection
    };

    explicit GuardedSslServer(const Limits &limits, QObject *parent = nullptr);

    // Call right after QAbstractHttpServer::bind(this).
    void armAfterHttpServer();
    QTcpSocket *nextPendingConnection() override;

    int connectionCount() const { return m_connections; }
    // Closes every connection (shutdown); the listener itself is closed with close().
    void disconnectAll();

Q_SIGNALS:
    void requestRefused(int status, const QString &source);

protected:
    void incomingConnection(qintptr handle) override;

private:
    friend class ConnectionGuard;
    void attachAfterSlots();

    Limits m_limits;
    int m_connections = 0;
    QList<QPointer<QTcpSocket>> m_handedOut;
    QList<QPointer<ConnectionGuard>> m_guards;
};

} // namespace reg::admin
