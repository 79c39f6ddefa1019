#include "statisticspoller.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace noc {

StatisticsPoller::StatisticsPoller(ConsoleSession *session, const QString &path, const QString &requestPrefix, QWidget *page)
    : QObject(page), m_session(session), m_page(page), m_path(path), m_requestPrefix(requestPrefix), m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &StatisticsPoller::refresh);
    connect(m_session, &ConsoleSession::apiReply, this, &StatisticsPoller::onApiReply);
    connect(m_session, &ConsoleSession::stateChanged, this,
            [this](ConsoleSession::State state, const QString &) { onStateChanged(state); });
    m_page->installEventFilter(this);
    onStateChanged(m_session->state());
}

void StatisticsPoller::setInterval(int msecs)
{
    m_timer->setInterval(std::max(100, msecs));
}

int StatisticsPoller::interval() const
{
    return m_timer->interval();
}

bool StatisticsPoller::isPolling() const
{
    return m_timer->isActive();
}

void StatisticsPoller::refresh()
{
    if (!m_connected || !m_pending.isEmpty())
        return;
    m_pending = m_requestPrefix + QString::number(++m_serial);
    m_session->get(m_path, m_pending);
}

void StatisticsPoller::forgetPending()
{
    m_pending.clear();
}

bool StatisticsPoller::eventFilter(QObject *watched, QEvent *event)
{
    // The page is already (in)visible when its show or hide event is sent.
    if (watched == m_page && (event->type() == QEvent::Show || event->type() == QEvent::Hide))
        updatePolling();
    return QObject::eventFilter(watched, event);
}

void StatisticsPoller::updatePolling()
{
    // Only a page someone looks at costs the engine requests.
    const bool poll = m_connected && m_page->isVisible();
    if (poll && !m_timer->isActive()) {
        m_timer->start();
        refresh();
    } else if (!poll) {
        m_timer->stop();
    }
}

void StatisticsPoller::onStateChanged(ConsoleSession::State state)
{
    const bool connected = state == ConsoleSession::State::Connected || state == ConsoleSession::State::Stale;
    if (connected == m_connected)
        return;
    m_connected = connected;
    m_pending.clear();   // an answer still on its way will not arrive
    Q_EMIT connectedChanged(connected);
    updatePolling();
}

void StatisticsPoller::onApiReply(const QString &requestId, int status, const QJsonObject &body)
{
    if (!requestId.startsWith(m_requestPrefix) || requestId != m_pending)
        return;
    m_pending.clear();
    if (status == 200)
        Q_EMIT statisticsReceived(body);
    else
        Q_EMIT failed(status, body.value("error"_L1).toObject().value("message"_L1).toString());
}

} // namespace noc
