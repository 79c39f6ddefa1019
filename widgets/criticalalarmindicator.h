#pragma once

#include <QAbstractButton>
#include <QTimer>

#include <functional>

namespace noc {

// The NOC wall's "look now": how many critical and major alarms want attention and nobody has
// acknowledged, in red once there is one. A new alarm change the engine marks notify (alert())
// makes it flash, and beep if the sound is on, until every one of them is acknowledged or
// cleared (the count drops to 0); alarms already known when the console connects are shown red
// but do not flash. Clicking it is the way to the alarms. Knows nothing of the API: its owner
// reports the count and the alerts. GUI thread; owned by its parent (the main window's status bar).
class CriticalAlarmIndicator : public QAbstractButton
{
    Q_OBJECT
public:
    static constexpr int DefaultFlashIntervalMsecs = 500;
    static constexpr int DefaultBeepIntervalMsecs = 4000;

    explicit CriticalAlarmIndicator(QWidget *parent = nullptr);

    void setCount(int unhandled);
    int count() const { return m_count; }
    // A change that should get a person's attention now; ignored while nothing is unhandled.
    void alert();

    void setSoundEnabled(bool on);
    bool isSoundEnabled() const { return m_soundEnabled; }
    void setFlashInterval(int msecs);
    void setBeepInterval(int msecs);
    // What a beep does (QApplication::beep() by default); a test counts them instead.
    void setBeeper(std::function<void()> beeper);
    // Wall mode: big enough to read across the room.
    void setLarge(bool large);
    bool isLarge() const { return m_large; }

    bool isAlerting() const { return m_alerting; }
    bool isFlashing() const { return m_flashTimer.isActive(); }
    bool isSounding() const { return m_beepTimer.isActive(); }
    bool isFlashOn() const { return m_flashOn; }
    QString displayText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void beep();

    int m_count = 0;
    bool m_alerting = false;
    bool m_soundEnabled = false;
    bool m_large = false;
    bool m_flashOn = true;
    QTimer m_flashTimer;
    QTimer m_beepTimer;
    std::function<void()> m_beeper;
};

} // namespace noc
