#pragma once

#include "net/consolesession.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace noc {

// What a monitoring page needs of the engine: GETs and writes answered by request id, the event
// stream, and whether there is an engine to ask. Pages hold this rather than the ConsoleSession, so
// a UI test can drive a page with contract JSON and check what it sends, without a server.
// GUI thread; owned by the page (or the test) that uses it.
class ApiChannel : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual bool isConnected() const = 0;
    virtual void get(const QString &path, const QString &requestId) = 0;
    virtual void send(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &requestId) = 0;

Q_SIGNALS:
    // true after every (re)connect: events missed meanwhile are not replayed, so re-read the state.
    void connectedChanged(bool connected);
    void replied(const QString &requestId, int httpStatus, const QJsonObject &body);
    void eventReceived(const QJsonObject &event);
};

// The ApiChannel of the running console: forwards to the one ConsoleSession.
class SessionApiChannel : public ApiChannel
{
    Q_OBJECT
public:
    explicit SessionApiChannel(ConsoleSession *session, QObject *parent = nullptr);

    bool isConnected() const override { return m_connected; }
    void get(const QString &path, const QString &requestId) override;
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &requestId) override;

private:
    ConsoleSession *m_session;
    bool m_connected = false;
};

} // namespace noc
