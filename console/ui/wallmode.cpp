#include "wallmode.h"

#include "widgets/criticalalarmindicator.h"

#include <QMainWindow>
#include <QMenuBar>
#include <QShortcut>

#include <utility>

namespace noc {

WallMode::WallMode(QMainWindow *window, const QList<QWidget *> &chrome, CriticalAlarmIndicator *indicator)
    : QObject(window), m_window(window), m_indicator(indicator), m_escape(new QShortcut(QKeySequence(Qt::Key_Escape), window))
{
    for (QWidget *w : chrome)
        m_chrome.append(w);
    // Only while on the wall: elsewhere Esc belongs to dialogs and line edits.
    m_escape->setEnabled(false);
    m_escape->setContext(Qt::WindowShortcut);
    connect(m_escape, &QShortcut::activated, this, [this] { setActive(false); });
}

void WallMode::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    QWidget *central = m_window->centralWidget();
    if (active) {
        m_previousStates = m_window->windowState();
        m_chromeWasVisible.clear();
        for (const QPointer<QWidget> &w : std::as_const(m_chrome)) {
            m_chromeWasVisible.append(w && w->isVisibleTo(m_window));
            if (w)
                w->hide();
        }
        m_window->menuBar()->hide();
        if (central) {
            m_hadCentralFont = central->testAttribute(Qt::WA_SetFont);
            m_previousCentralFont = central->font();
            QFont larger = central->font();
            larger.setPointSizeF(larger.pointSizeF() * FontScale);
            central->setFont(larger);
        }
        m_indicator->setLarge(true);
        m_window->setWindowState(m_previousStates | Qt::WindowFullScreen);
    } else {
        for (qsizetype i = 0; i < m_chrome.size(); ++i) {
            if (m_chrome.at(i))
                m_chrome.at(i)->setVisible(m_chromeWasVisible.value(i, true));
        }
        m_window->menuBar()->show();
        // A default QFont resolves nothing, so the page inherits the application's font again.
        if (central)
            central->setFont(m_hadCentralFont ? m_previousCentralFont : QFont());
        m_indicator->setLarge(false);
        m_window->setWindowState(m_previousStates & ~Qt::WindowFullScreen);
    }
    m_escape->setEnabled(active);
    Q_EMIT activeChanged(active);
}

} // namespace noc
