#pragma once

#include "core/clock.h"
#include "core/engineconfig.h"
#include "core/servicestatus.h"
#include "store/journalentry.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QWebSocket;

namespace reg::store {
class Store;
class JournalSubscription;
} // namespace reg::store

namespace reg::admin {

class TokenRegistry;

// The WebSocket event stream (/api/v1/events): authenticates each upgraded socket by the bearer
// token on its upgrade request, greets it with the engine status, then pushes every committed
// journal entry, every service state change and a heartbeat. Closes with 1008 for a bad token,
// 4013 over max_event_clients or when a client stops reading, 4001 when the token expires.
// Lives on the management thread; owned by ManagementServer.
class EventHub : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 maxQueuedBytesPerClient = 4 * 1024 * 1024;

    EventHub(const ManagementConfig &config, TokenRegistry &tokens, store::Store &store, ServiceStatusBoard &board,
             const Clock &clock, std::function<QJsonObject()> status, QObject *parent = nullptr);
    ~EventHub() override;

    // Starts following the journal after its current head.
    void start(qint64 journalHead);
    void addClient(std::unique_ptr<QWebSocket> socket);
    void shutdown(const QString &reason);
    // A message that is not a journal entry (the monitor service's alarms, polls and traps), sent
    // to every client under the same rules as journal messages (back-pressure included).
    void publish(const QJsonObject &message);
    int clientCount() const { return int(m_clients.size()); }

private:
    struct Client;
    void broadcast(const QJsonObject &message);
    void send(Client &client, const QJsonObject &message);
    void closeClient(QWebSocket *socket, int code, const QString &reason);
    void checkTokens();
    void removeClient(QWebSocket *socket);
    void onJournalEntry(const store::JournalEntry &entry);
    void onServiceChanged(const ServiceStatus &status);

    ManagementConfig m_config;
    TokenRegistry &m_tokens;
    store::Store &m_store;
    ServiceStatusBoard &m_board;
    const Clock &m_clock;
    std::function<QJsonObject()> m_status;
    store::JournalSubscription *m_subscription = nullptr;
    QTimer m_heartbeat;
    QTimer m_expiryCheck;
    QList<std::shared_ptr<Client>> m_clients;
    qint64 m_lastJournalSeq = 0;
    bool m_shuttingDown = false;
};

QJsonObject serviceStatusJson(const ServiceStatus &status);

} // namespace reg::admin
