#pragma once

#include "statuspalette.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <QWidget>

namespace noc {

// The status-bar pill that says, in words and colour, whether the data on screen is live: green when
// connected, amber flashing when the link is stale, red flashing while disconnected or waiting to
// reconnect. It counts the stale time up and the reconnect delay down by itself, so its owner only
// reports transitions. A quiet grey dot is exactly what this widget exists to avoid.
// GUI thread; owned by its parent (normally the main window's status bar).
class ConnectionIndicator : public QWidget
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Stale, Reconnecting };
    Q_ENUM(State)

    explicit ConnectionIndicator(QWidget *parent = nullptr);

    // endpoint: "127.0.0.1:9443"; viaSsh selects "via SSH" over "TLS" in the text.
    void showConnected(const QString &site, const QString &endpoint, bool viaSsh);
    void showConnecting(const QString &endpoint);
    void showStale(qint64 msecsSinceHeartbeat);
    void showReconnecting(qint64 msecsUntilRetry);
    void showDisconnected(const QString &reason = {});

    State state() const { return m_state; }
    StatusPalette::Severity severity() const;
    bool isFlashing() const;
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void enter(State state);
    void refresh();
    void onTick();

    State m_state = State::Disconnected;
    QString m_site;
    QString m_endpoint;
    QString m_reason;
    bool m_viaSsh = false;
    qint64 m_staleOffsetMs = 0;
    QElapsedTimer m_staleSince;
    QDeadlineTimer m_retryAt;
    QTimer m_flashTimer;
    QTimer m_tickTimer;
    bool m_flashOn = true;
    QString m_text;
};

} // namespace noc
