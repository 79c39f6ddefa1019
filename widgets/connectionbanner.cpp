#include "connectionbanner.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace noc {

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);

    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(14, 8, 14, 8);
    m_layout->setSpacing(12);
    m_layout->addWidget(m_title);
    m_layout->addWidget(m_detail, 1);
    applyColours();
}

void ConnectionBanner::showMessage(StatusPalette::Severity severity, const QString &title, const QString &detail)
{
    m_severity = severity;
    m_title->setText(title);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    setAccessibleName(detail.isEmpty() ? title : title + u" — "_s + detail);
    applyColours();
}

void ConnectionBanner::setActions(const QList<QAction *> &actions)
{
    // The owner calls this on every state change; rebuilding identical buttons would make them
    // flicker and lose keyboard focus.
    if (actions == bannerActions())
        return;
    // deleteLater: the change is often caused by a click on one of these very buttons.
    for (const Button &entry : std::as_const(m_buttons)) {
        entry.button->hide();
        m_layout->removeWidget(entry.button);
        entry.button->deleteLater();
    }
    m_buttons.clear();

    for (QAction *action : actions) {
        if (!action)
            continue;
        auto *button = new QPushButton(this);
        button->setCursor(Qt::PointingHandCursor);
        // Keep the platform palette so the button still looks like a button on any fill.
        button->setPalette(QPalette());
        syncButton(button, action);
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button, [button, action] { syncButton(button, action); });
        connect(action, &QObject::destroyed, button, [this, button] {
            m_buttons.removeIf([button](const Button &entry) { return entry.button == button; });
            button->hide();
            m_layout->removeWidget(button);
            button->deleteLater();
        });
        m_layout->addWidget(button);
        // A child created after its parent was shown stays hidden unless shown explicitly.
        button->show();
        m_buttons.append(Button{action, button});
    }
}

QList<QAction *> ConnectionBanner::bannerActions() const
{
    QList<QAction *> actions;
    actions.reserve(m_buttons.size());
    for (const Button &entry : m_buttons) {
        if (entry.action)
            actions.append(entry.action.data());
    }
    return actions;
}

QPushButton *ConnectionBanner::buttonFor(const QAction *action) const
{
    for (const Button &entry : m_buttons) {
        if (action && entry.action == action)
            return entry.button;
    }
    return nullptr;
}

void ConnectionBanner::syncButton(QPushButton *button, const QAction *action)
{
    button->setText(action->iconText());
    button->setEnabled(action->isEnabled());
    button->setToolTip(action->toolTip());
    button->setObjectName(action->objectName());
}

QString ConnectionBanner::title() const
{
    return m_title->text();
}

QString ConnectionBanner::detail() const
{
    return m_detail->text();
}

void ConnectionBanner::applyColours()
{
    QPalette pal = palette();
    pal.setColor(QPalette::Window, StatusPalette::background(m_severity));
    pal.setColor(QPalette::WindowText, StatusPalette::foreground(m_severity));
    setPalette(pal);
    for (const Button &entry : std::as_const(m_buttons))
        entry.button->setPalette(QPalette());
}

} // namespace noc
