#include "emptystatepage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace noc {

namespace {
constexpr int IconSize = 96;
constexpr int TextWidth = 460;
} // namespace

EmptyStatePage::EmptyStatePage(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
{
    m_icon->setAlignment(Qt::AlignCenter);
    m_icon->setFixedSize(IconSize, IconSize);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setTextFormat(Qt::PlainText);

    m_description->setAlignment(Qt::AlignCenter);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_description->setMaximumWidth(TextWidth);
    m_description->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_icon, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(m_title, 0, Qt::AlignHCenter);
    layout->addSpacing(6);
    layout->addWidget(m_description, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

void EmptyStatePage::setIcon(const QIcon &icon)
{
    m_icon->setPixmap(icon.pixmap(QSize(IconSize, IconSize), devicePixelRatio(), QIcon::Disabled));
}

void EmptyStatePage::setTitle(const QString &title)
{
    m_title->setText(title);
    setAccessibleName(title);
}

void EmptyStatePage::setDescription(const QString &description)
{
    m_description->setText(description);
    setAccessibleDescription(description);
}

QString EmptyStatePage::title() const
{
    return m_title->text();
}

QString EmptyStatePage::description() const
{
    return m_description->text();
}

} // namespace noc
