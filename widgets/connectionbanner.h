#pragma once

#include "statuspalette.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace noc {

// A full-width coloured strip across the top of a window that says the data below is not live and
// why, with one optional action ("Connect…"). Its owner hides it when all is well; the strip is
// deliberately loud because a console showing old data as if it were current is a NOC's worst tool.
// GUI thread; owned by its parent widget.
class ConnectionBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ConnectionBanner(QWidget *parent = nullptr);

    void showMessage(StatusPalette::Severity severity, const QString &title, const QString &detail = {});
    // Empty text hides the action button.
    void setActionText(const QString &text);

    StatusPalette::Severity severity() const { return m_severity; }
    QString title() const;
    QString detail() const;

Q_SIGNALS:
    void actionTriggered();

private:
    void applyColours();

    StatusPalette::Severity m_severity = StatusPalette::Severity::Neutral;
    QLabel *m_title = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_action = nullptr;
};

} // namespace noc
