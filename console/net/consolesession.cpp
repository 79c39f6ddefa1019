#include "consolesession.h"

#include "statustracker.h"

#include "netlogging.h"
#include "profilestore.h"
#include "reconnectbackoff.h"
#include "secretwipe.h"
#include "servertrust.h"
#include "sshtunnel.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>

#include <optional>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

constexpr qint64 kMaxReplyBytes = 8 * 1024 * 1024;
constexpr int kRequestTimeoutMsecs = 20000;
constexpr int kDefaultHeartbeatMsecs = 10000;
// A few silent re-logins in a row are normal (token expiry, engine restart with a fresh token
// table); more means something is wrong and the back-off should take over.
constexpr int kMaxSilentRelogins = 3;

// WebSocket close codes of the management API (docs/management-api.md).
constexpr int kCloseTokenExpired = 4001;
constexpr int kClosePolicyViolation = 1008;
constexpr int kCloseTryAgainLater = 4013;

QString errorCode(const QJsonObject &body)
{
    return body.value(u"error"_s).toObject().value(u"code"_s).toString();
}

QString errorMessage(const QJsonObject &body)
{
    return body.value(u"error"_s).toObject().value(u"message"_s).toString();
}

} // namespace

// All of ConsoleSession's moving parts. Every asynchronous callback carries the attempt number it
// belongs to and is ignored once a newer attempt started, so a late reply from a torn-down
// connection can never change the state.
class ConsoleSessionPrivate
{
public:
    // Messages are taken by value: callers often pass a member (trustFailure) that teardown clears.
    explicit ConsoleSessionPrivate(ConsoleSession *session);

    void setState(ConsoleSession::State state, const QString &detail);
    void beginAttempt();
    void startTunnel();
    void login();
    void fetchStatus();
    void openEvents();
    void silentRelogin(QString why);
    void scheduleReconnect(QString reason);
    void fail(QString message);
    void teardownApi();
    void teardownTunnel();
    void wipeSecrets();

    QUrl apiUrl(const QString &pathAndQuery) const;
    QNetworkRequest request(const QUrl &url, bool authenticated) const;
    void watchReply(QNetworkReply *reply);
    void handleSslErrors(QNetworkReply *reply, const QList<QSslError> &errors);
    void checkHandshake(QNetworkReply *reply);
    static QJsonObject readBody(QNetworkReply *reply);
    void handleEventMessage(const QString &message);
    void handleSocketGone();
    void checkHeartbeat();
    void adoptHeartbeatInterval(const QJsonObject &status);

    ConsoleSession *q;
    ConsoleSession::State state = ConsoleSession::State::Disconnected;
    QString stateDetail;
    ConnectionProfile profile;
    QString password;
    QString sshSecret;
    QByteArray token;
    StatusTracker tracker;

    std::optional<ServerTrust> trust;
    QNetworkAccessManager *network = nullptr;
    QPointer<QNetworkReply> loginReply;
    QPointer<QNetworkReply> statusReply;
    QPointer<QWebSocket> socket;
    bool socketWasConnected = false;
    SshTunnel *tunnel = nullptr;
    QString sshApprovedFingerprint;   // approved without "remember": valid for this session only
    QString pendingHostKeyFingerprint;

    QSslCertificate pendingCertificate;
    bool awaitingCertificateApproval = false;
    bool awaitingHostKeyApproval = false;
    QString trustFailure;             // set when a handshake was refused; the reply then fails

    ReconnectBackoff backoff;
    QTimer reconnectTimer;
    QTimer heartbeatTimer;
    QElapsedTimer sinceLastMessage;
    int heartbeatMsecs = kDefaultHeartbeatMsecs;
    int silentRelogins = 0;
    quint64 attempt = 0;
};

ConsoleSessionPrivate::ConsoleSessionPrivate(ConsoleSession *session)
    : q(session)
{
    // The default manager has no disk cache and only an in-memory cookie jar: nothing the engine
    // sends lands on disk, and every request carries its bearer token explicitly.
    network = new QNetworkAccessManager(q);
    network->setAutoDeleteReplies(false);

    reconnectTimer.setSingleShot(true);
    QObject::connect(&reconnectTimer, &QTimer::timeout, q, [this] { beginAttempt(); });
    QObject::connect(&heartbeatTimer, &QTimer::timeout, q, [this] { checkHeartbeat(); });
}

void ConsoleSessionPrivate::setState(ConsoleSession::State newState, const QString &detail)
{
    if (state == newState && stateDetail == detail)
        return;
    if (state != newState)
        qCInfo(lcNet).noquote() << "session" << profile.name << "->" << newState << detail;
    state = newState;
    stateDetail = detail;
    Q_EMIT q->stateChanged(state, detail);
}

void ConsoleSessionPrivate::wipeSecrets()
{
    wipeSecret(password);
    wipeSecret(sshSecret);
    wipeSecret(token);
}

void ConsoleSessionPrivate::teardownApi()
{
    ++attempt;
    trustFailure.clear();
    awaitingCertificateApproval = false;
    pendingCertificate = QSslCertificate();
    heartbeatTimer.stop();
    for (QPointer<QNetworkReply> *reply : {&loginReply, &statusReply}) {
        if (QNetworkReply *r = reply->data()) {
            r->disconnect(q);
            r->abort();
            r->deleteLater();
        }
        *reply = nullptr;
    }
    if (QWebSocket *ws = socket.data()) {
        ws->disconnect(q);
        ws->abort();
        ws->deleteLater();
    }
    socket = nullptr;
    socketWasConnected = false;
    // A new attempt must do a fresh handshake (and so a fresh trust decision), never reuse a
    // connection that was accepted for a previous engine or tunnel.
    network->clearConnectionCache();
    network->clearAccessCache();
}

void ConsoleSessionPrivate::teardownTunnel()
{
    awaitingHostKeyApproval = false;
    pendingHostKeyFingerprint.clear();
    if (tunnel) {
        tunnel->disconnect(q);
        delete tunnel;
        tunnel = nullptr;
    }
}

void ConsoleSessionPrivate::fail(QString message)
{
    qCWarning(lcNet).noquote() << "session" << profile.name << "stopped:" << message;
    reconnectTimer.stop();
    teardownApi();
    teardownTunnel();
    wipeSecrets();
    setState(ConsoleSession::State::Disconnected, message);
}

void ConsoleSessionPrivate::scheduleReconnect(QString reason)
{
    teardownApi();
    // The tunnel is rebuilt on every attempt: a half-dead TCP connection under a tunnel that still
    // looks open would otherwise be reused for ever.
    teardownTunnel();
    const int delay = backoff.next();
    qCInfo(lcNet).noquote() << "session" << profile.name << "lost:" << reason << "- retrying in" << delay << "ms";
    // Reasons often end in a system error string without a full stop; the detail is two sentences.
    if (!reason.isEmpty() && !reason.endsWith(u'.') && !reason.endsWith(u'!') && !reason.endsWith(u'?'))
        reason += u'.';
    setState(ConsoleSession::State::Reconnecting,
             ConsoleSession::tr("%1 Next attempt in %2 s.").arg(reason).arg((delay + 500) / 1000));
    Q_EMIT q->reconnectScheduled(delay);
    reconnectTimer.start(delay);
}

void ConsoleSessionPrivate::beginAttempt()
{
    teardownApi();
    if (profile.transport == ConnectionProfile::Transport::SshTunnel) {
        if (!tunnel || !tunnel->isReady()) {
            startTunnel();
            return;
        }
    }
    login();
}

void ConsoleSessionPrivate::startTunnel()
{
    teardownTunnel();
    setState(ConsoleSession::State::Connecting,
             ConsoleSession::tr("Opening the SSH tunnel to %1...").arg(profile.sshHost));
    tunnel = new SshTunnel(q);
    QObject::connect(tunnel, &SshTunnel::ready, q, [this](quint16) { login(); });
    QObject::connect(tunnel, &SshTunnel::hostKeyNeedsApproval, q,
                     [this](const QString &host, const QString &keyType, const QString &fingerprint) {
                         awaitingHostKeyApproval = true;
                         pendingHostKeyFingerprint = fingerprint;
                         setState(ConsoleSession::State::Connecting,
                                  ConsoleSession::tr("Waiting for approval of the SSH host key of %1.").arg(host));
                         Q_EMIT q->hostKeyNeedsApproval(host, keyType, fingerprint);
                     });
    QObject::connect(tunnel, &SshTunnel::failed, q, [this](const QString &message, SshTunnel::Failure failure) {
        if (failure == SshTunnel::Failure::Permanent)
            fail(message);
        else
            scheduleReconnect(message);
    });
    SshTunnelSettings settings = SshTunnelSettings::fromProfile(profile);
    settings.acceptedFingerprint = sshApprovedFingerprint;
    tunnel->start(settings, sshSecret);
}

QUrl ConsoleSessionPrivate::apiUrl(const QString &pathAndQuery) const
{
    QUrl url;
    url.setScheme(u"https"_s);
    if (profile.transport == ConnectionProfile::Transport::SshTunnel) {
        url.setHost(u"127.0.0.1"_s);
        url.setPort(tunnel ? tunnel->localPort() : 0);
    } else {
        url.setHost(profile.apiHost);
        url.setPort(profile.apiPort);
    }
    const qsizetype queryStart = pathAndQuery.indexOf(u'?');
    url.setPath(pathAndQuery.left(queryStart));
    if (queryStart >= 0)
        url.setQuery(pathAndQuery.mid(queryStart + 1));
    return url;
}

QNetworkRequest ConsoleSessionPrivate::request(const QUrl &url, bool authenticated) const
{
    QNetworkRequest req(url);
    req.setSslConfiguration(trust->sslConfiguration());
    req.setTransferTimeout(kRequestTimeoutMsecs);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("noc-console/" REGISTRY_VERSION));
    req.setRawHeader("Accept", "application/json");
    // Through the tunnel the socket goes to 127.0.0.1, but the certificate names the engine host.
    if (profile.transport == ConnectionProfile::Transport::SshTunnel)
        req.setPeerVerifyName(profile.apiHost);
    if (authenticated)
        req.setRawHeader("Authorization", "Bearer " + token);
    return req;
}

void ConsoleSessionPrivate::watchReply(QNetworkReply *reply)
{
    QObject::connect(reply, &QNetworkReply::sslErrors, q,
                     [this, reply](const QList<QSslError> &errors) { handleSslErrors(reply, errors); });
    QObject::connect(reply, &QNetworkReply::encrypted, q, [this, reply] { checkHandshake(reply); });
    QObject::connect(reply, &QNetworkReply::downloadProgress, q, [reply](qint64 received, qint64) {
        if (received > kMaxReplyBytes)
            reply->abort();
    });
}

void ConsoleSessionPrivate::handleSslErrors(QNetworkReply *reply, const QList<QSslError> &errors)
{
    const QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
    const ServerTrust::Decision decision = trust->evaluate(leaf, errors);
    switch (decision.verdict) {
    case ServerTrust::Verdict::Trusted: {
        bool nameMismatch = false;
        for (const QSslError &error : errors)
            nameMismatch = nameMismatch || error.error() == QSslError::HostNameMismatch;
        reply->setProperty("noc_nameMismatch", nameMismatch);
        reply->ignoreSslErrors(errors);
        return;
    }
    case ServerTrust::Verdict::NeedsApproval:
        if (awaitingCertificateApproval)
            return;
        awaitingCertificateApproval = true;
        pendingCertificate = leaf;
        reply->abort();
        setState(ConsoleSession::State::Connecting,
                 ConsoleSession::tr("Waiting for approval of the server certificate."));
        Q_EMIT q->serverCertificateNeedsApproval(ServerTrust::sha256Fingerprint(leaf), leaf.subjectDisplayName(),
                                                 leaf.issuerDisplayName(), decision.problem);
        return;
    case ServerTrust::Verdict::Rejected:
        trustFailure = decision.problem;
        reply->abort();
        return;
    }
}

void ConsoleSessionPrivate::checkHandshake(QNetworkReply *reply)
{
    // Belt and braces: even when the TLS stack reported nothing, a pinned certificate must match.
    const QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
    if (!trust->usesCaFile()) {
        const ServerTrust::Decision decision = trust->evaluate(leaf, {});
        if (decision.verdict != ServerTrust::Verdict::Trusted) {
            if (!awaitingCertificateApproval && trustFailure.isEmpty())
                trustFailure = decision.problem;
            reply->abort();
            return;
        }
    }
    if (!reply->property("noc_nameMismatch").toBool())
        trust->setHostNameVerified(leaf);
}

QJsonObject ConsoleSessionPrivate::readBody(QNetworkReply *reply)
{
    const QByteArray data = reply->read(kMaxReplyBytes);
    if (data.isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error == QJsonParseError::NoError && document.isObject())
        return document.object();
    // /metrics and the like answer text; hand it over as such rather than dropping it.
    return QJsonObject{{u"text"_s, QString::fromUtf8(data)}};
}

void ConsoleSessionPrivate::login()
{
    teardownApi();
    const quint64 thisAttempt = attempt;
    setState(ConsoleSession::State::Authenticating,
             ConsoleSession::tr("Logging in to %1 as %2...").arg(profile.apiHost, profile.user));

    QNetworkRequest req = request(apiUrl(u"/api/v1/login"_s), false);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json; charset=utf-8"));
    QByteArray body = QJsonDocument(QJsonObject{{u"user"_s, profile.user}, {u"password"_s, password}})
                          .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = network->post(req, body);
    wipeSecret(body);
    loginReply = reply;
    watchReply(reply);
    QObject::connect(reply, &QNetworkReply::finished, q, [this, reply, thisAttempt] {
        reply->deleteLater();
        if (thisAttempt != attempt)
            return;
        loginReply = nullptr;
        if (!trustFailure.isEmpty()) {
            fail(trustFailure);
            return;
        }
        if (awaitingCertificateApproval)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QJsonObject answer = readBody(reply);
        if (status == 0) {
            scheduleReconnect(ConsoleSession::tr("Cannot reach the management API: %1").arg(reply->errorString()));
            return;
        }
        const QString code = errorCode(answer);
        if (status == 200) {
            const QString newToken = answer.value(u"token"_s).toString();
            if (newToken.isEmpty()) {
                fail(ConsoleSession::tr("The engine answered the login without a token."));
                return;
            }
            wipeSecret(token);
            token = newToken.toLatin1();
            QString tokenText = answer.take(u"token"_s).toString();
            wipeSecret(tokenText);
            fetchStatus();
            return;
        }
        QString message = errorMessage(answer);
        if (message.isEmpty())
            message = ConsoleSession::tr("The engine refused the login (HTTP %1).").arg(status);
        if (code == u"invalid_credentials" || code == u"account_locked") {
            const QString shown = code == u"account_locked"
                                      ? ConsoleSession::tr("The account %1 is locked: %2").arg(profile.user, message)
                                      : ConsoleSession::tr("Login as %1 failed: %2").arg(profile.user, message);
            Q_EMIT q->loginFailed(shown);
            fail(shown);
            return;
        }
        if (status >= 500) {
            scheduleReconnect(ConsoleSession::tr("The engine is not available: %1").arg(message));
            return;
        }
        // Any other 4xx means this console and the engine disagree; retrying will not fix it.
        fail(ConsoleSession::tr("The engine rejected the login request: %1").arg(message));
    });
}

void ConsoleSessionPrivate::fetchStatus()
{
    const quint64 thisAttempt = attempt;
    QNetworkReply *reply = network->get(request(apiUrl(u"/api/v1/status"_s), true));
    statusReply = reply;
    watchReply(reply);
    QObject::connect(reply, &QNetworkReply::finished, q, [this, reply, thisAttempt] {
        reply->deleteLater();
        if (thisAttempt != attempt)
            return;
        statusReply = nullptr;
        if (!trustFailure.isEmpty()) {
            fail(trustFailure);
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = readBody(reply);
        if (status == 200) {
            QString problem;
            if (tracker.setStatus(answer, &problem)) {
                adoptHeartbeatInterval(tracker.status());
                Q_EMIT q->statusReceived(tracker.status());
            } else {
                // The event stream's hello carries the status again; wait for that one.
                qCWarning(lcNet).noquote() << "ignoring an unreadable status document:" << problem;
            }
            openEvents();
            return;
        }
        if (status == 401) {
            silentRelogin(errorMessage(answer));
            return;
        }
        const QString why = status == 0 ? reply->errorString() : errorMessage(answer);
        scheduleReconnect(ConsoleSession::tr("Cannot read the engine status: %1").arg(why));
    });
}

void ConsoleSessionPrivate::openEvents()
{
    const quint64 thisAttempt = attempt;
    auto *ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, q);
    socket = ws;
    socketWasConnected = false;
    ws->setSslConfiguration(trust->sslConfiguration());
    ws->setMaxAllowedIncomingMessageSize(quint64(StatusTracker::maxMessageBytes));
    ws->setMaxAllowedIncomingFrameSize(quint64(StatusTracker::maxMessageBytes));
    if (profile.transport == ConnectionProfile::Transport::SshTunnel)
        ws->setProxy(QNetworkProxy::NoProxy);

    QObject::connect(ws, &QWebSocket::sslErrors, q, [this, ws, thisAttempt](const QList<QSslError> &errors) {
        if (thisAttempt != attempt)
            return;
        const ServerTrust::Decision decision = trust->evaluate(ws->sslConfiguration().peerCertificate(), errors);
        if (decision.verdict == ServerTrust::Verdict::Trusted) {
            ws->ignoreSslErrors(errors);
            return;
        }
        // The login just accepted a certificate; anything else on the event stream is refused.
        trustFailure = decision.verdict == ServerTrust::Verdict::Rejected
                           ? decision.problem
                           : ConsoleSession::tr("The event stream presented a different certificate than the API.");
    });
    QObject::connect(ws, &QWebSocket::connected, q, [this, ws, thisAttempt] {
        if (thisAttempt != attempt)
            return;
        if (!trust->usesCaFile()
            && trust->evaluate(ws->sslConfiguration().peerCertificate(), {}).verdict != ServerTrust::Verdict::Trusted) {
            fail(ConsoleSession::tr("The event stream presented a different certificate than the API."));
            return;
        }
        socketWasConnected = true;
        silentRelogins = 0;
        backoff.reset();
        sinceLastMessage.start();
        heartbeatTimer.start(std::max(250, heartbeatMsecs / 2));
        setState(ConsoleSession::State::Connected,
                 ConsoleSession::tr("Connected to %1 as %2.").arg(profile.name, profile.user));
    });
    QObject::connect(ws, &QWebSocket::textMessageReceived, q, [this, thisAttempt](const QString &message) {
        if (thisAttempt == attempt)
            handleEventMessage(message);
    });
    QObject::connect(ws, &QWebSocket::disconnected, q, [this, thisAttempt] {
        if (thisAttempt == attempt)
            handleSocketGone();
    });
    QObject::connect(ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), q, [this, ws, thisAttempt](QAbstractSocket::SocketError) {
        if (thisAttempt != attempt)
            return;
        qCInfo(lcNet).noquote() << "event stream error:" << ws->errorString();
        // A failed connect or handshake never reaches "disconnected"; make sure it is handled once.
        QTimer::singleShot(0, q, [this, thisAttempt] {
            if (thisAttempt == attempt && socket && socket->state() == QAbstractSocket::UnconnectedState)
                handleSocketGone();
        });
    });

    QUrl url = apiUrl(u"/api/v1/events"_s);
    url.setScheme(u"wss"_s);
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + token);
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("noc-console/" REGISTRY_VERSION));
    ws->open(req);
}

void ConsoleSessionPrivate::handleSocketGone()
{
    QWebSocket *ws = socket.data();
    if (!ws)
        return;
    const int code = ws->closeCode();
    const QString reason = ws->closeReason();
    const bool wasConnected = socketWasConnected;
    const QString error = ws->errorString();
    if (!trustFailure.isEmpty()) {
        fail(trustFailure);
        return;
    }
    if (code == kCloseTokenExpired) {
        silentRelogin(ConsoleSession::tr("The session token expired."));
        return;
    }
    if (code == kClosePolicyViolation) {
        silentRelogin(reason);
        return;
    }
    if (code == kCloseTryAgainLater) {
        scheduleReconnect(ConsoleSession::tr("The engine serves too many consoles right now."));
        return;
    }
    QString why;
    if (!reason.isEmpty())
        why = ConsoleSession::tr("The engine closed the event stream: %1.").arg(reason);
    else if (wasConnected)
        why = ConsoleSession::tr("The connection to the engine was lost.");
    else
        why = ConsoleSession::tr("Cannot open the event stream: %1").arg(error);
    scheduleReconnect(why);
}

void ConsoleSessionPrivate::silentRelogin(QString why)
{
    if (++silentRelogins > kMaxSilentRelogins) {
        silentRelogins = 0;
        scheduleReconnect(why);
        return;
    }
    qCInfo(lcNet).noquote() << "session" << profile.name << "logging in again:" << why;
    wipeSecret(token);
    login();
}

void ConsoleSessionPrivate::handleEventMessage(const QString &message)
{
    sinceLastMessage.start();
    QString error;
    const std::optional<QJsonObject> event = StatusTracker::decodeEvent(message.toUtf8(), &error);
    if (!event) {
        qCWarning(lcNet).noquote() << "ignoring an event:" << error;
        return;
    }
    if (state == ConsoleSession::State::Stale)
        setState(ConsoleSession::State::Connected,
                 ConsoleSession::tr("Connected to %1 as %2.").arg(profile.name, profile.user));
    if (tracker.applyEvent(*event)) {
        adoptHeartbeatInterval(tracker.status());
        Q_EMIT q->statusReceived(tracker.status());
    }
    Q_EMIT q->eventReceived(*event);
}

// The engine says how often it sends heartbeats; staleness is judged against that, not a guess.
void ConsoleSessionPrivate::adoptHeartbeatInterval(const QJsonObject &status)
{
    const double seconds = status.value(u"heartbeatSeconds"_s).toDouble(0);
    if (seconds >= 1 && seconds <= 300) {
        heartbeatMsecs = int(seconds * 1000);
        if (heartbeatTimer.isActive())
            heartbeatTimer.start(std::max(250, heartbeatMsecs / 2));
    }
}

void ConsoleSessionPrivate::checkHeartbeat()
{
    if (!socket || !socketWasConnected)
        return;
    const qint64 silent = sinceLastMessage.elapsed();
    if (silent >= 6LL * heartbeatMsecs) {
        scheduleReconnect(ConsoleSession::tr("No word from the engine for %1 s.").arg(silent / 1000));
        return;
    }
    if (silent >= 3LL * heartbeatMsecs && state == ConsoleSession::State::Connected) {
        setState(ConsoleSession::State::Stale,
                 ConsoleSession::tr("No heartbeat from the engine for %1 s; the data shown may be out of date.")
                     .arg(silent / 1000));
        socket->ping();
    }
}

// ---------------------------------------------------------------------------------------------

ConsoleSession::ConsoleSession(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ConsoleSessionPrivate>(this))
{
}

ConsoleSession::~ConsoleSession()
{
    d->reconnectTimer.stop();
    d->teardownApi();
    d->teardownTunnel();
    d->wipeSecrets();
}

ConsoleSession::State ConsoleSession::state() const
{
    return d->state;
}

ConnectionProfile ConsoleSession::profile() const
{
    return d->profile;
}

QJsonObject ConsoleSession::lastStatus() const
{
    return d->tracker.status();
}

void ConsoleSession::setHeartbeatInterval(int msecs)
{
    d->heartbeatMsecs = std::max(100, msecs);
}

void ConsoleSession::setReconnectDelays(int initialMsecs, int maximumMsecs)
{
    d->backoff = ReconnectBackoff(initialMsecs, maximumMsecs);
}

bool ConsoleSession::canReconnectNow() const
{
    return d->state == State::Reconnecting || d->state == State::Stale;
}

bool ConsoleSession::reconnectNow()
{
    if (!canReconnectNow())
        return false;
    qCInfo(lcNet).noquote() << "session" << d->profile.name << "reconnecting now at the operator's request";
    d->reconnectTimer.stop();
    d->teardownApi();
    // A stale link may sit on a tunnel whose TCP connection is dead; never reuse it.
    d->teardownTunnel();
    d->setState(State::Connecting, tr("Reconnecting to %1...").arg(d->profile.name));
    d->beginAttempt();
    return true;
}

void ConsoleSession::connectToEngine(const ConnectionProfile &profile, const QString &password,
                                     const QString &sshSecret)
{
    d->reconnectTimer.stop();
    d->teardownApi();
    d->teardownTunnel();
    d->wipeSecrets();
    d->profile = profile;
    d->tracker.clear();
    d->backoff.reset();
    d->silentRelogins = 0;
    d->sshApprovedFingerprint.clear();

    if (const auto valid = ProfileStore::validate(profile); !valid) {
        d->trust.reset();
        d->setState(State::Disconnected, valid.error().message);
        return;
    }
    auto trust = ServerTrust::fromProfile(profile);
    if (!trust) {
        d->trust.reset();
        d->setState(State::Disconnected, trust.error().message);
        return;
    }
    d->trust = std::move(trust).value();
    // The tunnel's loopback end must be reached directly, never through a configured proxy.
    d->network->setProxy(profile.transport == ConnectionProfile::Transport::SshTunnel
                             ? QNetworkProxy(QNetworkProxy::NoProxy)
                             : QNetworkProxy(QNetworkProxy::DefaultProxy));
    d->password = deepCopy(password);
    d->sshSecret = deepCopy(sshSecret);
    d->setState(State::Connecting, tr("Connecting to %1...").arg(profile.name));
    d->beginAttempt();
}

void ConsoleSession::disconnectFromEngine()
{
    if (d->state == State::Disconnected)
        return;
    d->reconnectTimer.stop();
    // Revoke the token on the engine while the transport is still there; nobody waits for it.
    if (!d->token.isEmpty() && d->socketWasConnected) {
        QNetworkReply *logout = d->network->post(d->request(d->apiUrl(u"/api/v1/logout"_s), true), QByteArray());
        // The token goes only to a server the trust rules accept, even on the way out.
        QObject::connect(logout, &QNetworkReply::sslErrors, logout,
                         [logout, trust = *d->trust](const QList<QSslError> &errors) {
                             const QSslCertificate leaf = logout->sslConfiguration().peerCertificate();
                             if (trust.evaluate(leaf, errors).verdict == ServerTrust::Verdict::Trusted)
                                 logout->ignoreSslErrors(errors);
                             else
                                 logout->abort();
                         });
        QObject::connect(logout, &QNetworkReply::finished, logout, &QObject::deleteLater);
        if (d->tunnel) {
            SshTunnel *retiring = d->tunnel;
            retiring->disconnect(this);
            retiring->setParent(nullptr);
            d->tunnel = nullptr;
            QObject::connect(logout, &QNetworkReply::finished, retiring, &QObject::deleteLater);
        }
    }
    d->teardownApi();
    d->teardownTunnel();
    d->wipeSecrets();
    d->setState(State::Disconnected, tr("Disconnected."));
}

void ConsoleSession::approveServerCertificate(bool remember)
{
    if (!d->awaitingCertificateApproval || !d->trust)
        return;
    const QSslCertificate certificate = d->pendingCertificate;
    d->awaitingCertificateApproval = false;
    d->pendingCertificate = QSslCertificate();
    const QString fingerprint = ServerTrust::sha256Fingerprint(certificate);
    d->trust->acceptForSession(certificate);
    if (remember) {
        d->trust->pin(fingerprint);
        d->profile.pinnedSha256 = fingerprint;
        Q_EMIT profileUpdated(d->profile);
    }
    d->login();
}

void ConsoleSession::rejectServerCertificate()
{
    if (!d->awaitingCertificateApproval)
        return;
    d->fail(tr("The server certificate was not accepted."));
}

void ConsoleSession::approveHostKey(bool remember)
{
    if (!d->awaitingHostKeyApproval || !d->tunnel)
        return;
    d->awaitingHostKeyApproval = false;
    if (!remember)
        d->sshApprovedFingerprint = d->pendingHostKeyFingerprint;
    d->pendingHostKeyFingerprint.clear();
    d->setState(State::Connecting, tr("Opening the SSH tunnel to %1...").arg(d->profile.sshHost));
    d->tunnel->approveHostKey(remember);
}

void ConsoleSession::rejectHostKey()
{
    if (!d->awaitingHostKeyApproval)
        return;
    d->fail(tr("The SSH host key was not accepted."));
}

void ConsoleSession::get(const QString &path, const QString &requestId)
{
    request("GET", path, QByteArray(), requestId);
}

void ConsoleSession::send(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &requestId)
{
    static const QByteArrayList writes{"POST", "PUT", "PATCH", "DELETE"};
    if (!writes.contains(method)) {
        const QJsonObject error{{u"error"_s, QJsonObject{{u"code"_s, u"bad_request"_s},
                                                        {u"message"_s, tr("%1 is not a method the console sends.").arg(QString::fromLatin1(method))}}}};
        QMetaObject::invokeMethod(this, [this, requestId, error] { Q_EMIT apiReply(requestId, 0, error); }, Qt::QueuedConnection);
        return;
    }
    request(method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact), requestId);
}

void ConsoleSession::request(const QByteArray &method, const QString &path, const QByteArray &body, const QString &requestId)
{
    auto answerLater = [this, requestId](int status, const QString &code, const QString &message) {
        const QJsonObject error{{u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}};
        QMetaObject::invokeMethod(this, [this, requestId, status, error] { Q_EMIT apiReply(requestId, status, error); },
                                  Qt::QueuedConnection);
    };
    if (d->state != State::Connected && d->state != State::Stale) {
        answerLater(0, u"not_connected"_s, tr("Not connected to an engine."));
        return;
    }
    // Only paths on this engine: "//host/..." or a scheme would send the token elsewhere.
    if (!path.startsWith(u'/') || path.startsWith(u"//") || path.contains(u'#')) {
        answerLater(0, u"bad_request"_s, tr("\"%1\" is not an API path.").arg(path));
        return;
    }
    const quint64 thisAttempt = d->attempt;
    QNetworkRequest req = d->request(d->apiUrl(path), true);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = method == "GET" ? d->network->get(req) : d->network->sendCustomRequest(req, method, body);
    d->watchReply(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, requestId, thisAttempt] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QJsonObject answer = ConsoleSessionPrivate::readBody(reply);
        if (status == 0 && answer.isEmpty()) {
            answer = QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, u"network"_s},
                                                         {u"message"_s, reply->errorString()}}}};
        }
        Q_EMIT apiReply(requestId, status, answer);
        if (thisAttempt == d->attempt && status == 401 && errorCode(answer) == u"token_expired")
            d->silentRelogin(tr("The session token expired."));
    });
}

} // namespace noc
