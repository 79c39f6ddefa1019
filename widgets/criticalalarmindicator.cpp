#include "criticalalarmindicator.h"

#include "statuspalette.h"

#include <QApplication>
#include <algorithm>
#include <QEvent>
#include <QFontMetrics>
#include <QPainter>

namespace noc {

namespace {
constexpr int Margin = 8;
constexpr qreal LargeScale = 2.2;
} // namespace

CriticalAlarmIndicator::CriticalAlarmIndicator(QWidget *parent)
    : QAbstractButton(parent), m_beeper([] { QApplication::beep(); })
{
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::NoFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_flashTimer.setInterval(DefaultFlashIntervalMsecs);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        m_flashOn = !m_flashOn;
        update();
    });
    m_beepTimer.setInterval(DefaultBeepIntervalMsecs);
    connect(&m_beepTimer, &QTimer::timeout, this, &CriticalAlarmIndicator::beep);
    setLarge(false);
    refresh();
}

void CriticalAlarmIndicator::setCount(int unhandled)
{
    m_count = std::max(0, unhandled);
    if (m_count == 0)
        m_alerting = false;   // all acknowledged or cleared: the wall may calm down
    refresh();
}

void CriticalAlarmIndicator::alert()
{
    if (m_count == 0)
        return;
    const bool wasSounding = isSounding();
    m_alerting = true;
    refresh();
    // Every new alert is heard at once, not at the next tick of a running repeat.
    if (m_soundEnabled && wasSounding)
        beep();
}

void CriticalAlarmIndicator::setSoundEnabled(bool on)
{
    m_soundEnabled = on;
    refresh();
}

void CriticalAlarmIndicator::setFlashInterval(int msecs)
{
    m_flashTimer.setInterval(std::max(10, msecs));
}

void CriticalAlarmIndicator::setBeepInterval(int msecs)
{
    m_beepTimer.setInterval(std::max(10, msecs));
}

void CriticalAlarmIndicator::setBeeper(std::function<void()> beeper)
{
    m_beeper = std::move(beeper);
}

void CriticalAlarmIndicator::setLarge(bool large)
{
    m_large = large;
    QFont f = QApplication::font(this);
    f.setBold(true);
    if (large)
        f.setPointSizeF(f.pointSizeF() * LargeScale);
    setFont(f);
    updateGeometry();
    update();
}

void CriticalAlarmIndicator::refresh()
{
    if (m_alerting && !m_flashTimer.isActive()) {
        m_flashOn = true;
        m_flashTimer.start();
    } else if (!m_alerting) {
        m_flashTimer.stop();
        m_flashOn = true;
    }
    const bool sound = m_alerting && m_soundEnabled;
    if (sound && !m_beepTimer.isActive()) {
        m_beepTimer.start();
        beep();
    } else if (!sound) {
        m_beepTimer.stop();
    }
    const QString text = displayText();
    setText(text);
    setToolTip(m_count > 0 ? tr("Show the alarms that need attention") : text);
    setAccessibleName(text);
    updateGeometry();
    update();
}

void CriticalAlarmIndicator::beep()
{
    if (m_beeper)
        m_beeper();
}

QString CriticalAlarmIndicator::displayText() const
{
    return m_count > 0 ? tr("%n critical/major alarm(s) need attention", nullptr, m_count)
                       : tr("No critical alarms");
}

QSize CriticalAlarmIndicator::sizeHint() const
{
    const QFontMetrics fm(font());
    return QSize(fm.horizontalAdvance(displayText()) + 2 * Margin + fm.height(), fm.height() + Margin);
}

QSize CriticalAlarmIndicator::minimumSizeHint() const
{
    return sizeHint();
}

void CriticalAlarmIndicator::paintEvent(QPaintEvent *)
{
    using Severity = StatusPalette::Severity;
    const Severity severity = m_count > 0 ? Severity::Critical : Severity::Ok;
    // Calm when nothing is unhandled: an outline, not a fill, so red stays the only loud thing.
    const QColor fill = m_count == 0 ? Qt::transparent
                        : m_flashOn  ? StatusPalette::background(severity)
                                     : StatusPalette::pale(severity);
    const QColor ink = m_count > 0 && m_flashOn ? StatusPalette::foreground(severity) : StatusPalette::text(severity);

    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(1, 1, -1, -1);
    p.setPen(QPen(StatusPalette::background(severity), 2));
    p.setBrush(fill);
    p.drawRoundedRect(r, 4, 4);
    // A bell-like mark: a filled square with the count, then the words.
    const QFontMetrics fm(font());
    const qreal mark = fm.height() * 0.6;
    const QRectF markRect(Margin, r.center().y() - mark / 2, mark, mark);
    p.setPen(Qt::NoPen);
    p.setBrush(ink);
    p.drawRect(markRect);
    p.setPen(ink);
    p.drawText(rect().adjusted(int(Margin * 1.5 + mark), 0, -Margin, 0), Qt::AlignVCenter | Qt::AlignLeft, displayText());
}

void CriticalAlarmIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QAbstractButton::changeEvent(event);
}

} // namespace noc
