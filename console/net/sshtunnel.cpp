#include "sshtunnel.h"

#include "netlogging.h"
#include "secretwipe.h"
#include "sshtunnelworker.h"

#include <libssh/libssh.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

// Caps on what one bridged connection may hold in memory in either direction; beyond them we stop
// reading and let TCP and the SSH channel window push back.
constexpr qsizetype kMaxPendingBytes = 256 * 1024;
constexpr int kIdlePumpMsecs = 250;
constexpr int kBusyPumpMsecs = 10;

// OpenSSH's "SHA256:<base64>" form of a host key fingerprint.
QString sha256Fingerprint(ssh_key key)
{
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != SSH_OK)
        return {};
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    ssh_clean_pubkey_hash(&hash);
    if (!text)
        return {};
    const QString fingerprint = QString::fromLatin1(text);
    ssh_string_free_char(text);
    return fingerprint;
}

} // namespace

SshTunnelSettings SshTunnelSettings::fromProfile(const ConnectionProfile &profile)
{
    SshTunnelSettings settings;
    settings.host = profile.sshHost;
    settings.port = profile.sshPort;
    settings.user = profile.sshUser;
    settings.auth = profile.sshAuth;
    settings.keyFile = profile.sshKeyFile;
    settings.knownHostsFile = profile.knownHostsFile;
    settings.forwardHost = profile.apiHost;
    settings.forwardPort = profile.apiPort;
    return settings;
}

// ---------------------------------------------------------------------------------------------
// SshTunnel (caller's thread)

SshTunnel::SshTunnel(QObject *parent)
    : QObject(parent)
{
}

SshTunnel::~SshTunnel()
{
    if (!m_thread)
        return;
    // The worker's destructor closes the channels and the session on its own thread when the
    // event loop ends. Waiting keeps shutdown orderly; a thread still stuck in a blocking libssh
    // call (bounded by the connect time-out) is left to finish and delete itself.
    m_thread->quit();
    m_thread->wait(QDeadlineTimer(3000));
}

void SshTunnel::start(const SshTunnelSettings &settings, const QString &secret)
{
    Q_ASSERT(!m_thread);
    if (m_thread)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(u"ssh-tunnel"_s);
    m_worker = new SshTunnelWorker(settings, secret);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);

    connect(m_worker, &SshTunnelWorker::hostKeyNeedsApproval, this, &SshTunnel::hostKeyNeedsApproval);
    connect(m_worker, &SshTunnelWorker::ready, this, [this](quint16 port) {
        m_localPort = port;
        Q_EMIT ready(port);
    });
    connect(m_worker, &SshTunnelWorker::failed, this, [this](const QString &message, Failure failure) {
        if (m_failed)
            return;
        m_failed = true;
        m_localPort = 0;
        Q_EMIT failed(message, failure);
    });

    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &SshTunnelWorker::start, Qt::QueuedConnection);
}

void SshTunnel::approveHostKey(bool remember)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, remember] { worker->approveHostKey(remember); },
                                  Qt::QueuedConnection);
}

void SshTunnel::rejectHostKey()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &SshTunnelWorker::rejectHostKey, Qt::QueuedConnection);
}

// ---------------------------------------------------------------------------------------------
// SshTunnelWorker (tunnel thread)

SshTunnelWorker::SshTunnelWorker(const SshTunnelSettings &settings, const QString &secret)
    : m_settings(settings)
    , m_secret(deepCopy(secret))
{
    m_timer.setSingleShot(false);
    connect(&m_timer, &QTimer::timeout, this, &SshTunnelWorker::pump);
}

SshTunnelWorker::~SshTunnelWorker()
{
    shutdown();
}

QString SshTunnelWorker::hostLabel() const
{
    if (m_settings.port == 22)
        return m_settings.host;
    return u"["_s + m_settings.host + u"]:"_s + QString::number(m_settings.port);
}

QString SshTunnelWorker::sessionError() const
{
    if (!m_session)
        return {};
    return QString::fromUtf8(ssh_get_error(m_session));
}

void SshTunnelWorker::fail(const QString &message, SshTunnel::Failure failure)
{
    if (m_done)
        return;
    qCWarning(lcNetSsh).noquote() << "SSH tunnel via" << hostLabel() << "failed:" << message;
    shutdown();
    Q_EMIT failed(message, failure);
}

void SshTunnelWorker::start()
{
    m_session = ssh_new();
    if (!m_session) {
        fail(tr("Cannot create an SSH session (out of memory)."), SshTunnel::Failure::Permanent);
        return;
    }
    const QByteArray host = m_settings.host.toUtf8();
    const QByteArray user = m_settings.user.toUtf8();
    const unsigned int port = m_settings.port;
    const long timeout = m_settings.connectTimeoutSecs;
    // The profile is the whole truth: ~/.ssh/config must not silently redirect or re-key the session.
    const bool processConfig = false;
    ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeout);
    if (!m_settings.knownHostsFile.isEmpty()) {
        const QByteArray knownHosts = QFile::encodeName(m_settings.knownHostsFile);
        ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    }

    qCInfo(lcNetSsh).noquote() << "connecting to" << hostLabel() << "as" << m_settings.user;
    if (ssh_connect(m_session) != SSH_OK) {
        fail(tr("Cannot connect to the SSH server %1: %2").arg(hostLabel(), sessionError()),
             SshTunnel::Failure::Transient);
        return;
    }

    ssh_key serverKey = nullptr;
    if (ssh_get_server_publickey(m_session, &serverKey) != SSH_OK) {
        fail(tr("The SSH server %1 sent no usable host key: %2").arg(hostLabel(), sessionError()),
             SshTunnel::Failure::Transient);
        return;
    }
    const QString fingerprint = sha256Fingerprint(serverKey);
    const QString keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(serverKey)));
    ssh_key_free(serverKey);

    const QString knownHostsName = m_settings.knownHostsFile.isEmpty() ? u"~/.ssh/known_hosts"_s
                                                                        : m_settings.knownHostsFile;
    const ssh_known_hosts_e known = ssh_session_is_known_server(m_session);
    switch (known) {
    case SSH_KNOWN_HOSTS_OK:
        authenticate();
        return;
    case SSH_KNOWN_HOSTS_CHANGED: {
        QString recorded;
        ssh_knownhosts_entry *entry = nullptr;
        if (ssh_session_get_known_hosts_entry(m_session, &entry) == SSH_KNOWN_HOSTS_CHANGED && entry) {
            if (entry->publickey)
                recorded = sha256Fingerprint(entry->publickey);
            ssh_knownhosts_entry_free(entry);
        }
        fail(tr("WARNING: THE SSH HOST KEY OF %1 HAS CHANGED. It now presents the %2 key %3, but %4 "
                "records %5. Someone could be intercepting the connection (man-in-the-middle attack), "
                "or the host key was replaced. The connection was refused; if the change is expected, "
                "remove the old key from %4 and connect again.")
                 .arg(hostLabel(), keyType, fingerprint, knownHostsName,
                      recorded.isEmpty() ? tr("a different key") : recorded),
             SshTunnel::Failure::Permanent);
        return;
    }
    case SSH_KNOWN_HOSTS_OTHER:
        fail(tr("WARNING: the SSH server %1 presented a %2 key (%3), but %4 holds a key of a different "
                "type for this host. Someone could be intercepting the connection (man-in-the-middle "
                "attack). The connection was refused; if the change is expected, remove the old key "
                "from %4 and connect again.").arg(hostLabel(), keyType, fingerprint, knownHostsName),
             SshTunnel::Failure::Permanent);
        return;
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        if (!fingerprint.isEmpty() && fingerprint == m_settings.acceptedFingerprint) {
            authenticate();
            return;
        }
        m_waitingForApproval = true;
        qCInfo(lcNetSsh).noquote() << "unknown host key" << keyType << fingerprint << "for" << hostLabel();
        Q_EMIT hostKeyNeedsApproval(hostLabel(), keyType, fingerprint);
        return;
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    fail(tr("Cannot check the host key of %1 against %2: %3").arg(hostLabel(), knownHostsName, sessionError()),
         SshTunnel::Failure::Permanent);
}

void SshTunnelWorker::approveHostKey(bool remember)
{
    if (!m_waitingForApproval || m_done)
        return;
    m_waitingForApproval = false;
    if (remember) {
        if (ssh_session_update_known_hosts(m_session) != SSH_OK) {
            qCWarning(lcNetSsh).noquote() << "could not add the host key of" << hostLabel()
                                          << "to known_hosts:" << sessionError();
        }
    }
    authenticate();
}

void SshTunnelWorker::rejectHostKey()
{
    if (!m_waitingForApproval)
        return;
    m_waitingForApproval = false;
    fail(tr("The host key of %1 was not accepted.").arg(hostLabel()), SshTunnel::Failure::Permanent);
}

void SshTunnelWorker::authenticate()
{
    QByteArray secret = m_secret.toUtf8();
    wipeSecret(m_secret);
    int rc = SSH_AUTH_ERROR;
    if (m_settings.auth == ConnectionProfile::SshAuth::PublicKey) {
        const QFileInfo keyInfo(m_settings.keyFile);
        if (!keyInfo.isFile() || !keyInfo.isReadable()) {
            wipeSecret(secret);
            fail(tr("Cannot read the SSH private key %1.").arg(m_settings.keyFile), SshTunnel::Failure::Permanent);
            return;
        }
        ssh_key key = nullptr;
        const QByteArray keyPath = QFile::encodeName(m_settings.keyFile);
        const int imported = ssh_pki_import_privkey_file(keyPath.constData(),
                                                         secret.isEmpty() ? nullptr : secret.constData(),
                                                         nullptr, nullptr, &key);
        wipeSecret(secret);
        if (imported != SSH_OK || !key) {
            fail(tr("Cannot load the SSH private key %1: it is not a private key, or the passphrase is wrong.")
                     .arg(m_settings.keyFile),
                 SshTunnel::Failure::Permanent);
            return;
        }
        rc = ssh_userauth_publickey(m_session, nullptr, key);
        ssh_key_free(key);
    } else {
        rc = ssh_userauth_password(m_session, nullptr, secret.constData());
        wipeSecret(secret);
    }

    switch (rc) {
    case SSH_AUTH_SUCCESS:
        startListening();
        return;
    case SSH_AUTH_DENIED:
        fail(tr("The SSH server %1 refused the %2 for user %3.")
                 .arg(hostLabel(),
                      m_settings.auth == ConnectionProfile::SshAuth::PublicKey ? tr("public key") : tr("password"),
                      m_settings.user),
             SshTunnel::Failure::Permanent);
        return;
    case SSH_AUTH_PARTIAL:
        fail(tr("The SSH server %1 asks for a further authentication method, which the console does not support.")
                 .arg(hostLabel()),
             SshTunnel::Failure::Permanent);
        return;
    default:
        fail(tr("SSH authentication with %1 failed: %2").arg(hostLabel(), sessionError()),
             SshTunnel::Failure::Transient);
        return;
    }
}

void SshTunnelWorker::startListening()
{
    ssh_set_blocking(m_session, 0);
    m_event = ssh_event_new();
    if (!m_event || ssh_event_add_session(m_event, m_session) != SSH_OK) {
        fail(tr("Cannot set up the SSH event loop."), SshTunnel::Failure::Transient);
        return;
    }

    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        fail(tr("Cannot open a local port for the SSH tunnel: %1").arg(m_server->errorString()),
             SshTunnel::Failure::Transient);
        return;
    }
    connect(m_server, &QTcpServer::newConnection, this, &SshTunnelWorker::acceptConnections);

    m_notifier = new QSocketNotifier(ssh_get_fd(m_session), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SshTunnelWorker::pump);
    m_timer.start(kIdlePumpMsecs);

    qCInfo(lcNetSsh).noquote() << u"tunnel up: 127.0.0.1:%1 -> %2:%3 via %4"_s.arg(m_server->serverPort())
                                      .arg(m_settings.forwardHost)
                                      .arg(m_settings.forwardPort)
                                      .arg(hostLabel());
    Q_EMIT ready(m_server->serverPort());
}

void SshTunnelWorker::acceptConnections()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        auto bridge = std::make_unique<Bridge>();
        bridge->socket = socket;
        bridge->channel = ssh_channel_new(m_session);
        if (!bridge->channel) {
            qCWarning(lcNetSsh) << "cannot create an SSH channel:" << sessionError();
            socket->abort();
            socket->deleteLater();
            continue;
        }
        connect(socket, &QTcpSocket::readyRead, this, &SshTunnelWorker::pump);
        connect(socket, &QTcpSocket::bytesWritten, this, &SshTunnelWorker::pump);
        connect(socket, &QTcpSocket::disconnected, this, &SshTunnelWorker::pump);
        m_bridges.push_back(std::move(bridge));
    }
    pump();
}

void SshTunnelWorker::pump()
{
    if (m_done || !m_event || m_pumping)
        return;
    m_pumping = true;
    const auto unmark = qScopeGuard([this] { m_pumping = false; });
    ssh_event_dopoll(m_event, 0);
    if (!ssh_is_connected(m_session) || (ssh_get_status(m_session) & (SSH_CLOSED | SSH_CLOSED_ERROR))) {
        QString detail = sessionError();
        if (detail.isEmpty())
            detail = tr("the server closed the connection");
        fail(tr("The SSH connection to %1 was lost: %2").arg(hostLabel(), detail), SshTunnel::Failure::Transient);
        return;
    }

    bool busy = false;
    for (auto it = m_bridges.begin(); it != m_bridges.end();) {
        Bridge &bridge = **it;
        if (!pumpBridge(bridge)) {
            closeBridge(bridge);
            it = m_bridges.erase(it);
            continue;
        }
        busy = busy || !bridge.channelOpen || !bridge.toChannel.isEmpty();
        ++it;
    }
    // libssh may hold back output (full channel window, a channel still opening); poll quickly
    // until it is through, then fall back to the idle rate.
    const int interval = busy ? kBusyPumpMsecs : kIdlePumpMsecs;
    if (m_timer.interval() != interval)
        m_timer.start(interval);
}

bool SshTunnelWorker::pumpBridge(Bridge &bridge)
{
    QTcpSocket *socket = bridge.socket.data();
    if (!socket)
        return false;
    if (socket->state() != QAbstractSocket::ConnectedState)
        bridge.socketClosed = true;

    if (bridge.toChannel.size() < kMaxPendingBytes && socket->bytesAvailable() > 0)
        bridge.toChannel.append(socket->read(kMaxPendingBytes - bridge.toChannel.size()));

    if (!bridge.channelOpen) {
        const QByteArray forwardHost = m_settings.forwardHost.toUtf8();
        const int rc = ssh_channel_open_forward(bridge.channel, forwardHost.constData(), m_settings.forwardPort,
                                                "127.0.0.1", socket->peerPort());
        if (rc == SSH_AGAIN)
            return !bridge.socketClosed;
        if (rc != SSH_OK) {
            qCWarning(lcNetSsh).noquote() << u"the SSH server refused to forward to %1:%2: %3"_s
                                                 .arg(m_settings.forwardHost)
                                                 .arg(m_settings.forwardPort)
                                                 .arg(sessionError());
            return false;
        }
        bridge.channelOpen = true;
    }

    while (!bridge.toChannel.isEmpty()) {
        const int chunk = int(std::min<qsizetype>(bridge.toChannel.size(), 32 * 1024));
        const int written = ssh_channel_write(bridge.channel, bridge.toChannel.constData(), uint32_t(chunk));
        if (written == SSH_ERROR) {
            qCWarning(lcNetSsh) << "writing to the SSH channel failed:" << sessionError();
            return false;
        }
        if (written <= 0)
            break;
        bridge.toChannel.remove(0, written);
    }

    char buffer[16 * 1024];
    while (!bridge.socketClosed && socket->bytesToWrite() < kMaxPendingBytes) {
        const int received = ssh_channel_read_nonblocking(bridge.channel, buffer, sizeof buffer, 0);
        if (received == SSH_ERROR) {
            qCWarning(lcNetSsh) << "reading from the SSH channel failed:" << sessionError();
            return false;
        }
        if (received <= 0)
            break;
        socket->write(buffer, received);
    }

    if (bridge.socketClosed && bridge.toChannel.isEmpty())
        return false;
    if (ssh_channel_is_closed(bridge.channel))
        return false;
    if (ssh_channel_is_eof(bridge.channel) && ssh_channel_poll(bridge.channel, 0) <= 0) {
        // The engine side is done; let the socket flush what it has, then hang up.
        socket->disconnectFromHost();
        return false;
    }
    return true;
}

void SshTunnelWorker::closeBridge(Bridge &bridge)
{
    if (bridge.channel) {
        if (bridge.channelOpen && !ssh_channel_is_closed(bridge.channel))
            ssh_channel_close(bridge.channel);
        ssh_channel_free(bridge.channel);
        bridge.channel = nullptr;
    }
    if (QTcpSocket *socket = bridge.socket.data()) {
        socket->disconnect(this);
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->disconnectFromHost();
        socket->deleteLater();
    }
}

void SshTunnelWorker::shutdown()
{
    if (m_done)
        return;
    m_done = true;
    m_waitingForApproval = false;
    wipeSecret(m_secret);
    m_timer.stop();
    for (auto &bridge : m_bridges)
        closeBridge(*bridge);
    m_bridges.clear();
    delete m_notifier;
    m_notifier = nullptr;
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    releaseSession();
}

void SshTunnelWorker::releaseSession()
{
    if (m_event) {
        if (m_session)
            ssh_event_remove_session(m_event, m_session);
        ssh_event_free(m_event);
        m_event = nullptr;
    }
    if (m_session) {
        if (ssh_is_connected(m_session))
            ssh_disconnect(m_session);
        ssh_free(m_session);
        m_session = nullptr;
    }
}

} // namespace noc
