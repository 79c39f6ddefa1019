#pragma once

#include <QFont>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QWidget>

class QMainWindow;
class QShortcut;

namespace noc {

class CriticalAlarmIndicator;

// Wall mode for a NOC screen: the main window full screen with the navigation and menus hidden,
// larger type, the current page kept and the critical-alarm indicator large. Esc (or the owner's
// toggle action) leaves and restores the window as it was. GUI thread; a child of the window.
class WallMode : public QObject
{
    Q_OBJECT
public:
    static constexpr qreal FontScale = 1.4;

    // chrome: what wall mode hides besides the menu bar (the sidebar).
    WallMode(QMainWindow *window, const QList<QWidget *> &chrome, CriticalAlarmIndicator *indicator);

    bool isActive() const { return m_active; }
    void setActive(bool active);

Q_SIGNALS:
    void activeChanged(bool active);

private:
    QMainWindow *m_window;
    QList<QPointer<QWidget>> m_chrome;
    QList<bool> m_chromeWasVisible;
    CriticalAlarmIndicator *m_indicator;
    QShortcut *m_escape;
    bool m_active = false;
    Qt::WindowStates m_previousStates;
    bool m_hadCentralFont = false;
    QFont m_previousCentralFont;
};

} // namespace noc
