#include "connectionindicator.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

namespace noc {

namespace {
constexpr int FlashIntervalMs = 600;
constexpr int TickIntervalMs = 250;   // finer than a second so the countdown never skips a number
constexpr int PadX = 10;
constexpr int PadY = 3;
constexpr int DotSize = 9;
} // namespace

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    QFont f = font();
    f.setBold(true);
    setFont(f);
    m_flashTimer.setInterval(FlashIntervalMs);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        m_flashOn = !m_flashOn;
        update();
    });
    m_tickTimer.setInterval(TickIntervalMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &ConnectionIndicator::onTick);
    enter(State::Disconnected);
}

void ConnectionIndicator::showConnected(const QString &site, const QString &endpoint, bool viaSsh)
{
    m_site = site;
    m_endpoint = endpoint;
    m_viaSsh = viaSsh;
    enter(State::Connected);
}

void ConnectionIndicator::showConnecting(const QString &endpoint)
{
    m_endpoint = endpoint;
    enter(State::Connecting);
}

void ConnectionIndicator::showStale(qint64 msecsSinceHeartbeat)
{
    m_staleOffsetMs = qMax<qint64>(0, msecsSinceHeartbeat);
    m_staleSince.start();
    enter(State::Stale);
}

void ConnectionIndicator::showReconnecting(qint64 msecsUntilRetry)
{
    m_retryAt = QDeadlineTimer(qMax<qint64>(0, msecsUntilRetry));
    enter(State::Reconnecting);
}

void ConnectionIndicator::showDisconnected(const QString &reason)
{
    m_reason = reason;
    enter(State::Disconnected);
}

StatusPalette::Severity ConnectionIndicator::severity() const
{
    switch (m_state) {
    case State::Connected: return StatusPalette::Severity::Ok;
    case State::Connecting: return StatusPalette::Severity::Info;
    case State::Stale: return StatusPalette::Severity::Warning;
    case State::Reconnecting:
    case State::Disconnected: return StatusPalette::Severity::Critical;
    }
    return StatusPalette::Severity::Critical;
}

bool ConnectionIndicator::isFlashing() const
{
    return m_flashTimer.isActive();
}

QString ConnectionIndicator::text() const
{
    return m_text;
}

void ConnectionIndicator::enter(State state)
{
    m_state = state;
    const bool flashing = state == State::Stale || state == State::Reconnecting || state == State::Disconnected;
    if (flashing && !m_flashTimer.isActive()) {
        m_flashOn = true;
        m_flashTimer.start();
    } else if (!flashing) {
        m_flashTimer.stop();
        m_flashOn = true;
    }
    if (state == State::Stale || state == State::Reconnecting)
        m_tickTimer.start();
    else
        m_tickTimer.stop();
    refresh();
}

void ConnectionIndicator::onTick()
{
    refresh();
}

void ConnectionIndicator::refresh()
{
    QString text;
    switch (m_state) {
    case State::Connected:
        text = m_viaSsh ? tr("Connected to %1 · %2 · via SSH").arg(m_site, m_endpoint)
                        : tr("Connected to %1 · %2 · TLS").arg(m_site, m_endpoint);
        break;
    case State::Connecting:
        text = tr("Connecting to %1…").arg(m_endpoint);
        break;
    case State::Stale: {
        const qint64 seconds = (m_staleOffsetMs + m_staleSince.elapsed()) / 1000;
        text = tr("Stale — no heartbeat for %n s", nullptr, int(seconds));
        break;
    }
    case State::Reconnecting: {
        const qint64 remaining = m_retryAt.remainingTime();
        const int seconds = int((remaining + 999) / 1000);
        text = seconds > 0 ? tr("Disconnected — reconnecting in %n s", nullptr, seconds)
                           : tr("Disconnected — reconnecting now…");
        break;
    }
    case State::Disconnected:
        text = m_reason.isEmpty() ? tr("Disconnected") : tr("Disconnected — %1").arg(m_reason);
        break;
    }
    if (text != m_text) {
        m_text = text;
        setAccessibleName(text);
        setToolTip(text);
        updateGeometry();
    }
    update();
}

QSize ConnectionIndicator::sizeHint() const
{
    const QFontMetrics fm(font());
    return QSize(PadX * 3 + DotSize + fm.horizontalAdvance(m_text), fm.height() + 2 * PadY);
}

QSize ConnectionIndicator::minimumSizeHint() const
{
    return sizeHint();
}

void ConnectionIndicator::paintEvent(QPaintEvent *)
{
    const StatusPalette::Severity sev = severity();
    const QColor fill = m_flashOn ? StatusPalette::background(sev) : StatusPalette::pale(sev);
    const QColor ink = m_flashOn ? StatusPalette::foreground(sev) : StatusPalette::text(sev);

    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = r.height() / 2.0;
    p.setPen(QPen(StatusPalette::background(sev), 1));
    p.setBrush(fill);
    p.drawRoundedRect(r, radius, radius);

    const qreal dotY = r.center().y() - DotSize / 2.0;
    p.setPen(Qt::NoPen);
    p.setBrush(ink);
    p.drawEllipse(QRectF(PadX, dotY, DotSize, DotSize));

    p.setPen(ink);
    const QRect textRect = rect().adjusted(PadX * 2 + DotSize, 0, -PadX, 0);
    p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, m_text);
}

void ConnectionIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace noc
