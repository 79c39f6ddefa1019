#include "eppclientconnection.h"

#include "eppresponse.h"

#include <QFile>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace reg::xrpclient {
namespace {

Result<QByteArray> readPem(const QString &path, const char *what)
{
    if (path.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("no %1 file given").arg(QLatin1StringView(what)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidInput, QStringLiteral("cannot read the %1 %2: %3").arg(QLatin1StringView(what), path, file.errorString()));
    // PEM files of a CA bundle, a certificate or a key are small; anything larger is not one.
    constexpr qint64 maxPemBytes = 1024 * 1024;
    const QByteArray pem = file.read(maxPemBytes + 1);
    if (pem.size() > maxPemBytes)
        return Error(ErrorCode::TooLarge, QStringLiteral("the %1 %2 is larger than 1 MiB").arg(QLatin1StringView(what), path));
    return pem;
}

} // namespace

EppClientConnection::EppClientConnection(QObject *parent)
    : QObject(parent)
{
    m_progressTimer.setSingleShot(true);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("no answer from %1 within %2 s").arg(m_peerDescription).arg(m_progressTimer.interval() / 1000));
    });
}

EppClientConnection::~EppClientConnection() = default;

Result<QSslConfiguration> EppClientConnection::sslConfiguration(const EppClientEndpoint &endpoint)
{
    Result<QByteArray> caPem = readPem(endpoint.caFile, "CA certificate");
    if (!caPem)
        return caPem.error();
    const QList<QSslCertificate> cas = QSslCertificate::fromData(*caPem, QSsl::Pem);
    if (cas.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1 holds no PEM certificate").arg(endpoint.caFile));

    Result<QByteArray> certPem = readPem(endpoint.certificateFile, "client certificate");
    if (!certPem)
        return certPem.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certPem, QSsl::Pem);
    if (chain.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1 holds no PEM certificate").arg(endpoint.certificateFile));

    Result<QByteArray> keyPem = readPem(endpoint.keyFile, "client key");
    if (!keyPem)
        return keyPem.error();
    QSslKey key(*keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1 holds no unencrypted PEM EC or RSA private key").arg(endpoint.keyFile));

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setCaCertificates(cas);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    return config;
}

Result<void> EppClientConnection::open(const EppClientEndpoint &endpoint)
{
    if (m_socket)
        return Error(ErrorCode::Conflict, QStringLiteral("this connection was already opened"));
    if (endpoint.port == 0)
        return Error(ErrorCode::InvalidInput, QStringLiteral("no XRP port given"));
    Result<QSslConfiguration> config = sslConfiguration(endpoint);
    if (!config)
        return config.error();

    m_reader = xrp::EppFrameReader(endpoint.maxFrameBytes);
    m_progressTimer.setInterval(std::max(1, endpoint.responseTimeoutMs));
    m_peerDescription = QStringLiteral("%1:%2").arg(endpoint.host).arg(endpoint.port);
    m_socket = new QSslSocket(this);
    m_socket->setSslConfiguration(*config);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);   // commands are small; Nagle only adds latency

    connect(m_socket, &QSslSocket::readyRead, this, &EppClientConnection::onReadyRead);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        m_socketError = QAbstractSocket::SslHandshakeFailedError;
        fail(QStringLiteral("TLS verification of %1 failed: %2").arg(m_peerDescription, texts.join(QStringLiteral("; "))));
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (!m_failed)
            m_socketError = error;
        if (error == QAbstractSocket::RemoteHostClosedError) {
            // A clean close after the last answer (logout) is not a failure; one with commands
            // outstanding or inside a frame is.
            if (const std::optional<xrp::EppError> truncated = m_reader.endOfStream())
                fail(QStringLiteral("%1 closed the connection: %2").arg(m_peerDescription, truncated->message));
            else if (!m_pending.empty() || !m_greetingReceived)
                fail(QStringLiteral("%1 closed the connection").arg(m_peerDescription));
            return;
        }
        fail(QStringLiteral("connection to %1: %2").arg(m_peerDescription, m_socket->errorString()));
    });
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        if (!m_pending.empty())
            fail(QStringLiteral("%1 closed the connection with %2 command(s) unanswered").arg(m_peerDescription).arg(m_pending.size()));
    });

    m_socket->connectToHostEncrypted(endpoint.host, endpoint.port,
                                     endpoint.peerName.isEmpty() ? endpoint.host : endpoint.peerName);
    armTimer();
    return success();
}

void EppClientConnection::send(const QByteArray &xml, const QString &clientTransactionId, ResponseHandler handler)
{
    if (m_failed || !m_socket) {
        handler(Error(ErrorCode::Unavailable, QStringLiteral("the connection is not open")));
        return;
    }
    xrp::EppOutcome<QByteArray> frame = xrp::writeEppFrame(xml);
    if (!frame) {
        handler(Error(ErrorCode::InvalidInput, frame.error().message));
        return;
    }
    m_pending.push_back({clientTransactionId.toUtf8(), std::move(handler)});
    m_socket->write(*frame);
    armTimer();
}

void EppClientConnection::close()
{
    if (!m_socket || m_failed)
        return;
    // Closing on purpose is not a failure: failed() stays silent, and what was written is flushed.
    m_failed = true;
    m_progressTimer.stop();
    std::deque<Pending> pending;
    pending.swap(m_pending);
    m_socket->disconnectFromHost();
    const QPointer<EppClientConnection> self(this);
    for (Pending &p : pending) {
        p.handler(Error(ErrorCode::Unavailable, QStringLiteral("the connection was closed before the answer arrived")));
        if (!self)
            return;
    }
}

bool EppClientConnection::isEncrypted() const
{
    return m_socket && m_socket->isEncrypted();
}

void EppClientConnection::onReadyRead()
{
    const QPointer<EppClientConnection> self(this);
    while (self && !m_failed && m_socket->bytesAvailable() > 0) {
        const QByteArray bytes = m_socket->read(64 * 1024);
        xrp::EppFrameReader::FeedResult fed = m_reader.feed(bytes);
        for (QByteArray &frame : fed.frames) {
            onFrame(std::move(frame));
            if (!self || m_failed)
                return;
        }
        if (fed.error) {
            fail(QStringLiteral("%1 sent a bad frame: %2").arg(m_peerDescription, fed.error->message));
            return;
        }
    }
}

void EppClientConnection::onFrame(QByteArray frame)
{
    if (!m_greetingReceived) {
        m_greetingReceived = true;
        m_greeting = frame;
        armTimer();
        Q_EMIT greetingReceived(m_greeting);
        return;
    }
    if (m_pending.empty()) {
        fail(QStringLiteral("%1 sent a message nobody asked for").arg(m_peerDescription));
        return;
    }
    auto match = m_pending.begin();
    const QByteArray trid = EppResponse::scanElementText(frame, "clTRID");
    if (!trid.isEmpty() && match->clientTransactionId != trid) {
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
            if (it->clientTransactionId == trid) {
                match = it;
                break;
            }
        }
    }
    ResponseHandler handler = std::move(match->handler);
    m_pending.erase(match);
    armTimer();
    handler(std::move(frame));
}

void EppClientConnection::armTimer()
{
    // Running while something is awaited: the greeting, or an answer.
    if (!m_failed && (!m_greetingReceived || !m_pending.empty()))
        m_progressTimer.start();
    else
        m_progressTimer.stop();
}

void EppClientConnection::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    m_progressTimer.stop();
    std::deque<Pending> pending;
    pending.swap(m_pending);
    if (m_socket) {
        // abort(): after a failure there is nothing left worth flushing, and a peer that stopped
        // reading must not keep us waiting.
        m_socket->abort();
    }
    const QPointer<EppClientConnection> self(this);
    for (Pending &p : pending) {
        p.handler(Error(ErrorCode::Unavailable, message));
        if (!self)
            return;
    }
    Q_EMIT failed(message);
}

} // namespace reg::xrpclient
