#include "eventhub.h"

#include "apiresponse.h"
#include "tokenregistry.h"

#include "core/logging.h"
#include "core/version.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QWebSocket>

namespace reg::admin {

// "Try again later" in the application range: Qt 6.4's QWebSocket rejects the standard 1013 as an
// invalid close code, so a Qt console could never tell it apart from a protocol error.
constexpr quint16 closeTryAgainLater = 4013;

struct EventHub::Client
{
    std::unique_ptr<QWebSocket> socket;
    QByteArray tokenHash;
    QString user;
    qint64 queuedBytes = 0;
};

QJsonObject serviceStatusJson(const ServiceStatus &status)
{
    return QJsonObject{{QStringLiteral("name"), status.name},
                       {QStringLiteral("state"), QString::fromLatin1(serviceStateName(status.state))},
                       {QStringLiteral("listen"), status.listen},
                       {QStringLiteral("detail"), status.detail},
                       {QStringLiteral("since"), isoTime(status.since)}};
}

EventHub::EventHub(const ManagementConfig &config, TokenRegistry &tokens, store::Store &store, ServiceStatusBoard &board,
                   const Clock &clock, std::function<QJsonObject()> status, QObject *parent)
    : QObject(parent), m_config(config), m_tokens(tokens), m_store(store), m_board(board), m_clock(clock),
      m_status(std::move(status))
{
    m_heartbeat.setInterval(int(qMin<qint64>(config.heartbeatSecs * 1000, std::numeric_limits<int>::max())));
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        broadcast(QJsonObject{{QStringLiteral("type"), QStringLiteral("heartbeat")},
                              {QStringLiteral("time"), isoTime(m_clock.now())},
                              {QStringLiteral("journalHead"), m_store.writer().journalHead()}});
    });
    // Token expiry and revocation are checked once a second rather than with a timer per client:
    // cheap, and it follows an injected clock.
    m_expiryCheck.setInterval(1000);
    connect(&m_expiryCheck, &QTimer::timeout, this, &EventHub::checkTokens);
    connect(&m_board, &ServiceStatusBoard::changed, this, &EventHub::onServiceChanged, Qt::QueuedConnection);
}

EventHub::~EventHub()
{
    for (const std::shared_ptr<Client> &client : std::as_const(m_clients)) {
        if (client->socket)
            client->socket->disconnect(this);
    }
    m_clients.clear();
}

void EventHub::start(qint64 journalHead)
{
    m_lastJournalSeq = journalHead;
    m_subscription = m_store.subscribe(journalHead + 1, this);
    connect(m_subscription, &store::JournalSubscription::entry, this, &EventHub::onJournalEntry);
    connect(m_subscription, &store::JournalSubscription::failed, this, [](const QString &message) {
        qCWarning(lcAdmin, "the event stream stopped following the journal: %s", qUtf8Printable(message));
    });
    m_heartbeat.start();
    m_expiryCheck.start();
}

void EventHub::addClient(std::unique_ptr<QWebSocket> socket)
{
    if (!socket)
        return;
    QWebSocket *raw = socket.get();
    // Client messages are ignored; a small cap keeps a hostile client from making us buffer.
    raw->setMaxAllowedIncomingFrameSize(64 * 1024);
    raw->setMaxAllowedIncomingMessageSize(64 * 1024);
    auto client = std::make_shared<Client>();
    client->socket = std::move(socket);
    m_clients.append(client);
    connect(raw, &QWebSocket::disconnected, this, [this, raw] { removeClient(raw); });
    connect(raw, &QWebSocket::bytesWritten, this, [client](qint64 written) {
        client->queuedBytes = qMax<qint64>(0, client->queuedBytes - written);
    });

    const QString source = raw->peerAddress().toString();
    if (m_shuttingDown) {
        closeClient(raw, 1001, QStringLiteral("engine shutting down"));
        return;
    }
    const QByteArray authorization = raw->request().rawHeader("Authorization");
    const QByteArray token = authorization.startsWith("Bearer ") ? authorization.sliced(7).trimmed() : QByteArray();
    const TokenRegistry::Lookup lookup = m_tokens.lookup(token);
    if (lookup.status != TokenRegistry::Status::Valid) {
        const QString reason = token.isEmpty() ? QStringLiteral("missing bearer token")
            : lookup.status == TokenRegistry::Status::Expired ? QStringLiteral("token expired")
                                                                : QStringLiteral("unknown token");
        qCInfo(lcAudit, "event stream refused from %s: %s", qUtf8Printable(source), qUtf8Printable(reason));
        closeClient(raw, 1008, reason);
        return;
    }
    if (m_clients.size() > m_config.maxEventClients) {
        qCWarning(lcAdmin, "event stream refused for %s: %d clients connected", qUtf8Printable(lookup.session.user),
                  m_config.maxEventClients);
        closeClient(raw, closeTryAgainLater, QStringLiteral("too many event clients; try again later"));
        return;
    }
    client->tokenHash = TokenRegistry::hashToken(token);
    client->user = lookup.session.user;
    qCInfo(lcAdmin, "event stream opened for %s from %s", qUtf8Printable(client->user), qUtf8Printable(source));
    send(*client, QJsonObject{{QStringLiteral("type"), QStringLiteral("hello")},
                              {QStringLiteral("version"), QString::fromLatin1(registryVersion)},
                              {QStringLiteral("user"), client->user},
                              {QStringLiteral("status"), m_status()}});
}

void EventHub::send(Client &client, const QJsonObject &message)
{
    if (client.tokenHash.isEmpty() || !client.socket || client.socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (client.queuedBytes > maxQueuedBytesPerClient) {
        closeClient(client.socket.get(), closeTryAgainLater, QStringLiteral("client is not reading its events"));
        return;
    }
    const QString text = QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
    client.queuedBytes += client.socket->sendTextMessage(text);
}

void EventHub::broadcast(const QJsonObject &message)
{
    // Copy: send() may close a client, which edits m_clients through removeClient().
    const QList<std::shared_ptr<Client>> clients = m_clients;
    for (const std::shared_ptr<Client> &client : clients)
        send(*client, message);
}

void EventHub::publish(const QJsonObject &message)
{
    if (!m_shuttingDown)
        broadcast(message);
}

void EventHub::closeClient(QWebSocket *socket, int code, const QString &reason)
{
    for (const std::shared_ptr<Client> &client : std::as_const(m_clients)) {
        if (client->socket.get() == socket)
            client->tokenHash.clear();   // no more events for it
    }
    socket->close(QWebSocketProtocol::CloseCode(code), reason);
    // A peer that never answers the close handshake must not keep the socket forever.
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
}

void EventHub::removeClient(QWebSocket *socket)
{
    for (qsizetype i = 0; i < m_clients.size(); ++i) {
        if (m_clients[i]->socket.get() == socket) {
            std::shared_ptr<Client> client = m_clients.takeAt(i);
            client->socket.release()->deleteLater();
            return;
        }
    }
}

void EventHub::checkTokens()
{
    const QList<std::shared_ptr<Client>> clients = m_clients;
    for (const std::shared_ptr<Client> &client : clients) {
        if (client->tokenHash.isEmpty())
            continue;
        const TokenRegistry::Lookup lookup = m_tokens.lookupHash(client->tokenHash);
        if (lookup.status == TokenRegistry::Status::Expired)
            closeClient(client->socket.get(), 4001, QStringLiteral("token expired"));
        else if (lookup.status == TokenRegistry::Status::Unknown)
            closeClient(client->socket.get(), 1008, QStringLiteral("token revoked"));
    }
}

void EventHub::onJournalEntry(const store::JournalEntry &entry)
{
    m_lastJournalSeq = entry.sequence;
    broadcast(QJsonObject{{QStringLiteral("type"), QStringLiteral("journal")},
                          {QStringLiteral("seq"), entry.sequence},
                          {QStringLiteral("time"), isoTime(entry.time)},
                          {QStringLiteral("actor"), entry.change.actor},
                          {QStringLiteral("kind"), entry.change.kind},
                          {QStringLiteral("object"), entry.change.object}});
}

void EventHub::onServiceChanged(const ServiceStatus &status)
{
    QJsonObject message = serviceStatusJson(status);
    message.insert(QStringLiteral("type"), QStringLiteral("service"));
    broadcast(message);
}

void EventHub::shutdown(const QString &reason)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_heartbeat.stop();
    m_expiryCheck.stop();
    broadcast(QJsonObject{{QStringLiteral("type"), QStringLiteral("shutdown")}, {QStringLiteral("reason"), reason}});
    const QList<std::shared_ptr<Client>> clients = m_clients;
    for (const std::shared_ptr<Client> &client : clients) {
        if (client->socket) {
            client->socket->flush();
            client->socket->close(QWebSocketProtocol::CloseCodeGoingAway, reason);
        }
    }
}

} // namespace reg::admin
