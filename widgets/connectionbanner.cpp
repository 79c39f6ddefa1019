#include "connectionbanner.h"

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
    , m_action(new QPushButton(this))
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
    m_action->setVisible(false);
    m_action->setCursor(Qt::PointingHandCursor);
    connect(m_action, &QPushButton::clicked, this, &ConnectionBanner::actionTriggered);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 14, 8);
    layout->setSpacing(12);
    layout->addWidget(m_title);
    layout->addWidget(m_detail, 1);
    layout->addWidget(m_action);
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

void ConnectionBanner::setActionText(const QString &text)
{
    m_action->setText(text);
    m_action->setVisible(!text.isEmpty());
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
    // The button keeps the platform palette so it still looks like a button on any fill.
    m_action->setPalette(QPalette());
}

} // namespace noc
