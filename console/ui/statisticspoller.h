#pragma once

#include "net/consolesession.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

class QTimer;
class QWidget;

namespace noc {

// Polls one statistics path of the engine for a page: while the page is visible and the session
// connected it sends GET <path> on a timer, one request at a time, and hands the page the body of
// a 200 or the status and the engine's words of anything else. Answers to requests it no longer
// waits for (sent before a reconnect or a clear()) are dropped. The texts stay with the page, so
// each page keeps its own translations.
// GUI thread; a child of the page it watches (through an event filter for show and hide).
class StatisticsPoller : public QObject
{
    Q_OBJECT
public:
    // requestPrefix tells this poller's answers from those of every other GET on the session.
    StatisticsPoller(ConsoleSession *session, const QString &path, const QString &requestPrefix, QWidget *page);

    void setInterval(int msecs);
    int interval() const;
    bool isPolling() const;
    bool isConnected() const { return m_connected; }
    // Asks now, unless a request is already on its way or the session is down.
    void refresh();
    // Stops waiting for the request on its way: its answer will be dropped.
    void forgetPending();

Q_SIGNALS:
    // Emitted before polling starts or stops, so the page can say so before the first request.
    void connectedChanged(bool connected);
    void statisticsReceived(const QJsonObject &body);
    // status 0: no answer (network error or not connected); message: the engine's or Qt's words.
    void failed(int status, const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onStateChanged(ConsoleSession::State state);
    void onApiReply(const QString &requestId, int status, const QJsonObject &body);
    void updatePolling();

    ConsoleSession *m_session;
    QWidget *m_page;
    QString m_path;
    QString m_requestPrefix;
    QTimer *m_timer;
    bool m_connected = false;
    quint64 m_serial = 0;
    QString m_pending;              // the request on its way, if any
};

} // namespace noc
