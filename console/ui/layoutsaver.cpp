#include "layoutsaver.h"

#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace noc {

LayoutSaver::LayoutSaver(QObject *parent)
    : QObject(parent), m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DefaultDebounceMsecs);
    connect(m_debounce, &QTimer::timeout, this, &LayoutSaver::save);
}

void LayoutSaver::setDebounce(int msecs)
{
    m_debounce->setInterval(msecs);
}

void LayoutSaver::add(const QHash<QString, QPointF> &positions)
{
    if (positions.isEmpty())
        return;
    m_unsaved.insert(positions);
    m_debounce->start();   // restarts: the save waits until the dragging stops
}

void LayoutSaver::finished(bool saved)
{
    if (!m_saving)
        return;
    m_saving = false;
    if (!saved) {
        // Sent again with the next move; a device moved since keeps its newer place.
        for (auto it = m_sending.cbegin(); it != m_sending.cend(); ++it) {
            if (!m_unsaved.contains(it.key()))
                m_unsaved.insert(it.key(), it.value());
        }
        m_sending.clear();
        return;
    }
    m_sending.clear();
    if (!m_unsaved.isEmpty() && !m_debounce->isActive())
        save();   // moved while the last save was on its way
}

void LayoutSaver::reset()
{
    m_debounce->stop();
    m_unsaved.clear();
    m_sending.clear();
    m_saving = false;
}

void LayoutSaver::save()
{
    if (m_saving || m_unsaved.isEmpty())
        return;   // finished() sends what is waiting
    m_sending.clear();
    for (auto it = m_unsaved.begin(); it != m_unsaved.end() && m_sending.size() < MaxPositions;) {
        m_sending.insert(it.key(), it.value());
        it = m_unsaved.erase(it);
    }
    m_saving = true;
    Q_EMIT saveRequested(body(m_sending));
}

QJsonObject LayoutSaver::body(const QHash<QString, QPointF> &positions)
{
    QJsonObject byName;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        // Tenths of a scene unit are finer than anyone drags.
        byName.insert(it.key(), QJsonObject{{u"x"_s, std::round(it->x() * 10) / 10},
                                            {u"y"_s, std::round(it->y() * 10) / 10}});
    }
    return QJsonObject{{u"positions"_s, byName}};
}

} // namespace noc
