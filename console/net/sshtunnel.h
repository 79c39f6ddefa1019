#pragma once

#include "connectionprofile.h"

#include <QObject>
#include <QString>

class QThread;

namespace noc {

class SshTunnelWorker;

// Where and how to open one SSH tunnel. No secret in here: the password or key passphrase is
// handed to SshTunnel::start separately and forgotten once authentication is over.
struct SshTunnelSettings
{
    QString host;
    quint16 port = 22;
    QString user;
    ConnectionProfile::SshAuth auth = ConnectionProfile::SshAuth::PublicKey;
    QString keyFile;
    QString knownHostsFile;           // empty: ~/.ssh/known_hosts
    QString forwardHost;              // the management API as seen from the SSH server
    quint16 forwardPort = 9443;
    QString acceptedFingerprint;      // a host key the user approved earlier in this session, not saved
    int connectTimeoutSecs = 15;

    static SshTunnelSettings fromProfile(const ConnectionProfile &profile);
};

// An SSH connection (libssh) that forwards every connection made to a local loopback port to the
// management API on the engine host, like `ssh -L 127.0.0.1:0:apiHost:apiPort`.
// The facade lives on the caller's (GUI) thread; the libssh session, the listening socket and the
// bridged connections live on a private QThread, because libssh's connect and authentication block.
// Host keys are checked against known_hosts: an unknown key is asked about (hostKeyNeedsApproval),
// a changed key is a hard failure. Owned by ConsoleSession; one instance serves one tunnel, and
// destroying it closes the tunnel and ends its thread.
class SshTunnel : public QObject
{
    Q_OBJECT
public:
    enum class Failure {
        Transient, // network trouble; trying again later may work
        Permanent, // host key changed or rejected, authentication refused: retrying cannot help
    };
    Q_ENUM(Failure)

    explicit SshTunnel(QObject *parent = nullptr);
    ~SshTunnel() override;

    // secret: SSH password or key passphrase (may be empty). Call once.
    void start(const SshTunnelSettings &settings, const QString &secret);
    void approveHostKey(bool remember);
    void rejectHostKey();

    bool isReady() const { return m_localPort != 0; }
    quint16 localPort() const { return m_localPort; }

Q_SIGNALS:
    void hostKeyNeedsApproval(const QString &host, const QString &keyType, const QString &sha256Fingerprint);
    void ready(quint16 localPort);
    // Opening failed, or the established tunnel was lost. Emitted at most once.
    void failed(const QString &message, noc::SshTunnel::Failure failure);

private:
    QThread *m_thread = nullptr;
    SshTunnelWorker *m_worker = nullptr;
    quint16 m_localPort = 0;
    bool m_failed = false;
};

} // namespace noc
