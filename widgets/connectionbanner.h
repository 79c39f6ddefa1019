#pragma once

#include "statuspalette.h"

#include <QFrame>
#include <QList>
#include <QPointer>

class QAction;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace noc {

// A full-width coloured strip across the top of a window that says the data below is not live and
// why, with the actions that help ("Reconnect now", "Stop", "Connect…"). Its owner hides it when
// all is well; the strip is deliberately loud because a console showing old data as if it were
// current is a NOC's worst tool.
// GUI thread; owned by its parent widget. The actions it shows belong to the caller (usually the
// same QActions as in the window's menus, so both always agree on what is possible).
class ConnectionBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ConnectionBanner(QWidget *parent = nullptr);

    void showMessage(StatusPalette::Severity severity, const QString &title, const QString &detail = {});

    // One push button per action, in order; an empty list shows none. Each button is labelled with
    // the action's iconText() (so a menu's "&Disconnect" can read "Stop" here), follows the action's
    // text, enabled state and tool tip, and triggers it when clicked. An action deleted while shown
    // loses its button.
    void setActions(const QList<QAction *> &actions);
    QList<QAction *> bannerActions() const;
    // The button that shows action, or nullptr; for tests and accessibility tools.
    QPushButton *buttonFor(const QAction *action) const;

    StatusPalette::Severity severity() const { return m_severity; }
    QString title() const;
    QString detail() const;

private:
    struct Button
    {
        QPointer<QAction> action;
        QPushButton *button = nullptr;
    };

    void applyColours();
    static void syncButton(QPushButton *button, const QAction *action);

    StatusPalette::Severity m_severity = StatusPalette::Severity::Neutral;
    QHBoxLayout *m_layout = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_detail = nullptr;
    QList<Button> m_buttons;
};

} // namespace noc
