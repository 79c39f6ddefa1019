#include "topologylegend.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace noc {

namespace {
constexpr int Pad = 8;
constexpr int Swatch = 22;
constexpr int Gap = 6;
constexpr int SectionGap = 16;
} // namespace

TopologyLegend::TopologyLegend(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    retranslate();
}

void TopologyLegend::retranslate()
{
    m_sections = {
        {tr("Link utilisation"), TopologyStyle::linkLegend(), true},
        {tr("Device status"), TopologyStyle::deviceLegend(), false},
    };
    setAccessibleName(tr("Map legend"));
    QStringList description;
    for (const Section &section : std::as_const(m_sections)) {
        QStringList labels;
        for (const auto &entry : section.entries)
            labels.append(entry.label);
        description.append(section.title + u": "_s + labels.join(u", "_s));
    }
    setAccessibleDescription(description.join(u"; "_s));
    updateGeometry();
    resize(sizeHint());
    update();
}

QSize TopologyLegend::sizeHint() const
{
    // Sections side by side, entries in a column under each title.
    const QFontMetrics fm(font());
    const int line = fm.height() + 2;
    int width = Pad;
    int rows = 0;
    for (const Section &section : m_sections) {
        int column = fm.horizontalAdvance(section.title);
        for (const auto &entry : section.entries)
            column = qMax(column, Swatch + Gap + fm.horizontalAdvance(entry.label));
        width += column + SectionGap;
        rows = qMax(rows, int(section.entries.size()) + 1);
    }
    return {width - SectionGap + Pad, 2 * Pad + rows * line};
}

void TopologyLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0x90, 0xa4, 0xae));
    painter.setBrush(QColor(255, 255, 255, 230));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    const QFontMetrics fm(font());
    const int line = fm.height() + 2;
    int x = Pad;
    for (const Section &section : std::as_const(m_sections)) {
        int y = Pad;
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QPoint(x, y + fm.ascent()), section.title);
        painter.setFont(font());
        int column = fm.horizontalAdvance(section.title);
        for (const auto &entry : section.entries) {
            y += line;
            const int mid = y + line / 2 - 1;
            if (section.lines) {
                QPen pen(entry.colour, 3, entry.dashed ? Qt::DashLine : Qt::SolidLine);
                painter.setPen(pen);
                painter.drawLine(x, mid, x + Swatch, mid);
            } else {
                painter.setPen(entry.colour.darker(160));
                painter.setBrush(entry.colour);
                painter.drawEllipse(QPointF(x + Swatch / 2.0, mid), 5, 5);
            }
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawText(QPoint(x + Swatch + Gap, y + fm.ascent()), entry.label);
            column = qMax(column, Swatch + Gap + fm.horizontalAdvance(entry.label));
        }
        x += column + SectionGap;
    }
}

void TopologyLegend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange)
        resize(sizeHint());
    QWidget::changeEvent(event);
}

} // namespace noc
