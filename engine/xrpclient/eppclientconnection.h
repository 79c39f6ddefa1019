#pragma once

#include "core/result.h"
#include "xrp/eppframereader.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QTimer>

#include <deque>
#include <functional>

class QSslSocket;

namespace reg::xrpclient {

// Where and how to reach an XRP port (RFC 5734): the server is verified against the CA file and
// its certificate must match peerName (default: host, so an IP address must be in the certificate's
// subject alternative names); the client proves itself with its certificate and key (PEM).
struct EppClientEndpoint
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QString peerName;                   // empty: host
    QString caFile;
    QString certificateFile;
    QString keyFile;
    qsizetype maxFrameBytes = 16 * 1024 * 1024;   // the largest answer accepted, header included
    int responseTimeoutMs = 60000;      // no progress on an outstanding command for this long ends the connection
};

// One EPP session's transport on the client side: TLS 1.2+ with a client certificate, the greeting,
// and framed commands with pipelining (any number in flight; each answer goes to the command it
// belongs to: the one whose clTRID it echoes, else the oldest outstanding, as RFC 5734 answers in
// order). Asynchronous and event driven: no waitFor*(). Lives on the thread that created it;
// owned by its parent (the CLI's BlockingEppClient or a benchmark worker).
class EppClientConnection : public QObject
{
    Q_OBJECT
public:
    // The raw answer (XML without the frame header), or why there is none (connection lost,
    // time-out, framing error).
    using ResponseHandler = std::function<void(Result<QByteArray> response)>;

    explicit EppClientConnection(QObject *parent = nullptr);
    ~EppClientConnection() override;

    // Reads the CA, certificate and key and builds the TLS configuration (TLS 1.2 or newer, peer
    // verification on). Synchronous: it only reads local files.
    static Result<QSslConfiguration> sslConfiguration(const EppClientEndpoint &endpoint);

    // Starts connecting. Errors in the files come back at once; network errors later as failed().
    // greetingReceived() says the session can be used, but commands may be sent before it: they
    // are written once TLS is up and answered after the greeting.
    Result<void> open(const EppClientEndpoint &endpoint);

    // Frames and sends xml; handler runs exactly once on this object's thread, unless the
    // connection is destroyed first. clientTransactionId (may be empty) helps matching.
    void send(const QByteArray &xml, const QString &clientTransactionId, ResponseHandler handler);

    // Closes the TLS session (graceful, after what was written); outstanding commands fail, failed()
    // is not emitted.
    void close();

    bool isEncrypted() const;
    bool hasGreeting() const { return m_greetingReceived; }
    const QByteArray &greeting() const { return m_greeting; }
    qsizetype outstanding() const { return qsizetype(m_pending.size()); }
    // The socket error behind failed() (SslHandshakeFailedError for a failed verification), so a
    // caller such as a service probe can tell a refused connection from a TLS failure without
    // reading the message; UnknownSocketError when the failure was not the socket's.
    QAbstractSocket::SocketError socketError() const { return m_socketError; }

Q_SIGNALS:
    void greetingReceived(const QByteArray &xml);
    // The connection cannot be used any more (refused, TLS or verification failure, peer closed,
    // protocol error, time-out). Emitted once, after every outstanding handler got the error.
    void failed(const QString &message);

private:
    struct Pending
    {
        QByteArray clientTransactionId;
        ResponseHandler handler;
    };

    void onReadyRead();
    void onFrame(QByteArray frame);
    void fail(const QString &message);
    void armTimer();

    QSslSocket *m_socket = nullptr;
    xrp::EppFrameReader m_reader;
    std::deque<Pending> m_pending;
    QByteArray m_greeting;
    bool m_greetingReceived = false;
    bool m_failed = false;
    QAbstractSocket::SocketError m_socketError = QAbstractSocket::UnknownSocketError;
    QString m_peerDescription;
    QTimer m_progressTimer;
};

} // namespace reg::xrpclient
