#pragma once

#include "connectionprofile.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <memory>

namespace noc {

class ConsoleSessionPrivate;

// The console's one live connection to a registryd: opens the transport (direct TLS, or an SSH
// tunnel first), logs in, fetches status, keeps the event stream open, watches heartbeats, and
// reconnects with exponential back-off (1 s doubling to 60 s, with jitter) when the link drops.
// Lives on the GUI thread; all I/O is asynchronous (the SSH tunnel runs on its own thread).
//
// Trust decisions are asked, never assumed: an unknown server certificate or SSH host key emits a
// *NeedsApproval signal and the connection waits until the UI answers through approve*/reject*.
// A certificate that differs from the pinned one, or a host key that differs from known_hosts, is
// never asked about: the connection fails with a warning naming both fingerprints (as OpenSSH does).
class ConsoleSession : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,   // not connected and not trying
        Connecting,     // opening the SSH tunnel and/or TLS, or waiting for a trust decision
        Authenticating, // logging in to the management API
        Connected,      // logged in, event stream open, heartbeats arriving
        Stale,          // connected but no heartbeat for three intervals: data on screen is old
        Reconnecting,   // lost; waiting for the next attempt (see reconnectScheduled)
    };
    Q_ENUM(State)

    explicit ConsoleSession(QObject *parent = nullptr);
    ~ConsoleSession() override;

    State state() const;
    ConnectionProfile profile() const;
    QJsonObject lastStatus() const;       // the newest status document, empty before the first

    // password: management API password; sshSecret: SSH password or key passphrase (may be empty).
    // Secrets are kept in memory only for reconnects and wiped on disconnectFromEngine().
    void connectToEngine(const ConnectionProfile &profile, const QString &password, const QString &sshSecret = {});
    void disconnectFromEngine();

    // Answers to the approval signals. remember=true pins the certificate / adds the host key.
    void approveServerCertificate(bool remember);
    void rejectServerCertificate();
    void approveHostKey(bool remember);
    void rejectHostKey();

    // Skips the back-off wait: while Reconnecting (or Stale, where the link may be half dead), drops
    // what is left of the connection and tries again at once with the secrets kept in memory, so
    // the operator is not asked for them again. A failed attempt goes back to the back-off, which
    // keeps growing: pressing "Reconnect now" repeatedly cannot hammer an engine that is down.
    // Returns false and changes nothing in any other state.
    bool reconnectNow();
    bool canReconnectNow() const;

    // Bounds of the reconnect back-off (defaults 1 s and 60 s); see ReconnectBackoff for how odd
    // values are corrected. Restarts the sequence; an attempt already scheduled keeps its time.
    void setReconnectDelays(int initialMsecs, int maximumMsecs);

    // The engine's [management] heartbeat; three intervals without a message mark the link stale,
    // six drop it and reconnect. Defaults to the engine's default of 10 s.
    void setHeartbeatInterval(int msecs);

    // Authenticated GET of an API path ("/api/v1/journal?from=1"); the reply arrives on apiReply.
    void get(const QString &path, const QString &requestId);
    // Authenticated POST, PUT, PATCH or DELETE of an API path with a JSON body (empty: no body);
    // the reply arrives on apiReply like a GET's. A refused method answers with status 0.
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &requestId);

Q_SIGNALS:
    void stateChanged(noc::ConsoleSession::State state, const QString &detail);
    void statusReceived(const QJsonObject &status);   // GET /status result and the hello's status
    void eventReceived(const QJsonObject &event);     // every event-stream message
    void apiReply(const QString &requestId, int httpStatus, const QJsonObject &body);
    void loginFailed(const QString &message);         // wrong password or locked: no auto-retry
    void reconnectScheduled(int msecs);
    void serverCertificateNeedsApproval(const QString &sha256Fingerprint, const QString &subject,
                                        const QString &issuer, const QString &problem);
    void hostKeyNeedsApproval(const QString &host, const QString &keyType, const QString &sha256Fingerprint);
    // The profile changed because the user pinned a certificate; the UI saves it.
    void profileUpdated(const noc::ConnectionProfile &profile);

private:
    void request(const QByteArray &method, const QString &path, const QByteArray &body, const QString &requestId);

    std::unique_ptr<ConsoleSessionPrivate> d;
};

} // namespace noc
