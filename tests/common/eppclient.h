#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QString>

#include <memory>

namespace testsupport {

// A small synchronous EPP-over-TLS client for tests (RFC 5734 framing): connects with or without a
// client certificate, reads the greeting, sends frames (or raw bytes, to break the framing on
// purpose) and reads answers. Blocking with bounded waits; test threads only.
class EppClient
{
public:
    EppClient();
    ~EppClient();

    // Trusts caFile; presents certificateFile/keyFile when given. localAddress, when not null, is the
    // address the client connects from (127.0.0.x tests of the address allow-list).
    void setCredentials(const QString &caFile, const QString &certificateFile = {}, const QString &keyFile = {});
    void setLocalAddress(const QHostAddress &address) { m_localAddress = address; }

    // true once the TLS handshake completed (client side); *error says why not.
    bool connectTo(quint16 port, QString *error = nullptr, int timeoutMs = 15000);
    // connectTo() and the greeting; the greeting's XML, or empty.
    QByteArray connectAndReadGreeting(quint16 port, QString *error = nullptr);

    bool sendFrame(const QByteArray &xml);
    bool sendRaw(const QByteArray &bytes);
    // The next frame's XML; empty on time-out or when the server closed first.
    QByteArray readFrame(int timeoutMs = 15000);
    // Sends xml and reads the answer.
    QByteArray exchange(const QByteArray &xml, int timeoutMs = 15000);
    // true once the server has closed the connection (or it never was open).
    bool waitForClosed(int timeoutMs = 15000);
    bool isConnected() const;
    void close();

    QSslSocket &socket() { return *m_socket; }

    static QByteArray frame(const QByteArray &xml);

private:
    bool fillBuffer(qsizetype need, int timeoutMs);

    std::unique_ptr<QSslSocket> m_socket;
    QSslConfiguration m_configuration;
    QHostAddress m_localAddress;
    QByteArray m_buffer;
};

} // namespace testsupport
