#include "apichannel.h"

namespace noc {

namespace {
bool isLinked(ConsoleSession::State state)
{
    // A stale link still carries requests; a reconnect after it emits Connected again.
    return state == ConsoleSession::State::Connected || state == ConsoleSession::State::Stale;
}
} // namespace

SessionApiChannel::SessionApiChannel(ConsoleSession *session, QObject *parent)
    : ApiChannel(parent), m_session(session), m_connected(isLinked(session->state()))
{
    connect(session, &ConsoleSession::stateChanged, this, [this](ConsoleSession::State state, const QString &) {
        const bool connected = isLinked(state);
        if (connected == m_connected)
            return;
        m_connected = connected;
        Q_EMIT connectedChanged(connected);
    });
    connect(session, &ConsoleSession::apiReply, this, &ApiChannel::replied);
    connect(session, &ConsoleSession::eventReceived, this, &ApiChannel::eventReceived);
}

void SessionApiChannel::get(const QString &path, const QString &requestId)
{
    m_session->get(path, requestId);
}

void SessionApiChannel::send(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &requestId)
{
    m_session->send(method, path, body, requestId);
}

} // namespace noc
