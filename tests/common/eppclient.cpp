#include "eppclient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSslKey>
#include <QtEndian>

namespace testsupport {

EppClient::EppClient() : m_socket(std::make_unique<QSslSocket>())
{
    m_configuration = QSslConfiguration::defaultConfiguration();
    m_configuration.setProtocol(QSsl::TlsV1_2OrLater);
    m_configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

EppClient::~EppClient() = default;

void EppClient::setCredentials(const QString &caFile, const QString &certificateFile, const QString &keyFile)
{
    m_configuration.setCaCertificates(QSslCertificate::fromPath(caFile, QSsl::Pem));
    if (!certificateFile.isEmpty()) {
        m_configuration.setLocalCertificateChain(QSslCertificate::fromPath(certificateFile, QSsl::Pem));
        QFile key(keyFile);
        if (key.open(QIODevice::ReadOnly)) {
            const QByteArray pem = key.readAll();
            QSslKey parsed(pem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
            if (parsed.isNull())
                parsed = QSslKey(pem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
            m_configuration.setPrivateKey(parsed);
        }
    }
}

bool EppClient::connectTo(quint16 port, QString *error, int timeoutMs)
{
    m_buffer.clear();
    m_socket = std::make_unique<QSslSocket>();
    m_socket->setSslConfiguration(m_configuration);
    m_socket->setPeerVerifyName(QStringLiteral("localhost"));
    if (!m_localAddress.isNull())
        m_socket->bind(m_localAddress);
    m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!m_socket->waitForEncrypted(timeoutMs)) {
        if (error)
            *error = m_socket->errorString();
        return false;
    }
    return true;
}

QByteArray EppClient::connectAndReadGreeting(quint16 port, QString *error)
{
    if (!connectTo(port, error))
        return {};
    return readFrame();
}

QByteArray EppClient::frame(const QByteArray &xml)
{
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(quint32(xml.size() + 4), out.data());
    return out + xml;
}

bool EppClient::sendFrame(const QByteArray &xml)
{
    return sendRaw(frame(xml));
}

bool EppClient::sendRaw(const QByteArray &bytes)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    if (m_socket->write(bytes) != bytes.size())
        return false;
    QDeadlineTimer deadline(15000);
    while (m_socket->encryptedBytesToWrite() > 0 || m_socket->bytesToWrite() > 0) {
        if (deadline.hasExpired() || !m_socket->waitForBytesWritten(int(std::max<qint64>(1, deadline.remainingTime()))))
            return m_socket->bytesToWrite() == 0;
    }
    return true;
}

bool EppClient::fillBuffer(qsizetype need, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_buffer.size() < need) {
        m_buffer += m_socket->readAll();
        if (m_buffer.size() >= need)
            break;
        if (m_socket->state() != QAbstractSocket::ConnectedState || deadline.hasExpired())
            return false;
        if (!m_socket->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())))) {
            m_buffer += m_socket->readAll();
            if (m_buffer.size() >= need)
                break;
            if (m_socket->state() != QAbstractSocket::ConnectedState || deadline.hasExpired())
                return false;
        }
    }
    return true;
}

QByteArray EppClient::readFrame(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    if (!fillBuffer(4, timeoutMs))
        return {};
    const quint32 total = qFromBigEndian<quint32>(m_buffer.constData());
    if (total < 5 || total > 64 * 1024 * 1024)
        return {};
    if (!fillBuffer(qsizetype(total), int(std::max<qint64>(1, deadline.remainingTime()))))
        return {};
    const QByteArray xml = m_buffer.mid(4, total - 4);
    m_buffer.remove(0, total);
    return xml;
}

QByteArray EppClient::exchange(const QByteArray &xml, int timeoutMs)
{
    if (!sendFrame(xml))
        return {};
    return readFrame(timeoutMs);
}

bool EppClient::waitForClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket->state() != QAbstractSocket::UnconnectedState) {
        if (deadline.hasExpired())
            return false;
        m_socket->waitForDisconnected(int(std::max<qint64>(1, std::min<qint64>(deadline.remainingTime(), 500))));
        m_buffer += m_socket->readAll();
    }
    return true;
}

bool EppClient::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void EppClient::close()
{
    m_socket->abort();
}

} // namespace testsupport
