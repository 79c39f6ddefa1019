#pragma once

#include "sshtunnel.h"

#include <libssh/libssh.h>

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

class QSocketNotifier;
class QTcpServer;
class QTcpSocket;

namespace noc {

// The thread-side half of SshTunnel: owns the libssh session, the loopback listener and one
// forwarded channel per accepted connection. Lives on SshTunnel's private thread and is only ever
// touched there (libssh sessions are not thread-safe); talks to the facade through queued signals.
// Connect and authentication use libssh's blocking calls (bounded by a time-out) because they run
// off the GUI thread; once the tunnel is up the session is non-blocking and driven by a socket
// notifier on the SSH socket plus a short timer for output libssh could not send at once.
class SshTunnelWorker : public QObject
{
    Q_OBJECT
public:
    SshTunnelWorker(const SshTunnelSettings &settings, const QString &secret);
    ~SshTunnelWorker() override;

    void start();
    void approveHostKey(bool remember);
    void rejectHostKey();
    void shutdown();

Q_SIGNALS:
    void hostKeyNeedsApproval(const QString &host, const QString &keyType, const QString &sha256Fingerprint);
    void ready(quint16 localPort);
    void failed(const QString &message, noc::SshTunnel::Failure failure);

private:
    // One accepted loopback connection and the SSH channel it is forwarded through.
    struct Bridge
    {
        QPointer<QTcpSocket> socket;
        ssh_channel channel = nullptr;
        bool channelOpen = false;
        bool socketClosed = false;   // the local side hung up; send EOF once pending data is out
        bool eofSent = false;
        QByteArray toChannel;        // read from the socket, not yet accepted by the channel
    };

    void fail(const QString &message, SshTunnel::Failure failure);
    void authenticate();
    void startListening();
    void acceptConnections();
    void pump();
    bool pumpBridge(Bridge &bridge);
    void closeBridge(Bridge &bridge);
    void releaseSession();
    QString sessionError() const;
    QString hostLabel() const;

    SshTunnelSettings m_settings;
    QString m_secret;
    ssh_session m_session = nullptr;
    ssh_event m_event = nullptr;
    QTcpServer *m_server = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    // Parented so that moveToThread() takes it along: an unparented member would stay on the
    // creating (GUI) thread, where the worker can neither start nor stop it.
    QTimer m_timer{this};
    std::vector<std::unique_ptr<Bridge>> m_bridges;
    bool m_waitingForApproval = false;
    bool m_done = false;
    bool m_pumping = false;   // socket signals can fire from inside pump(); never re-enter it
};

} // namespace noc
