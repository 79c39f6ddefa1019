#include "requestcoalescer.h"

#include <QTimer>

namespace noc {

RequestCoalescer::RequestCoalescer(int minimumGapMsecs, QObject *parent)
    : QObject(parent), m_gap(new QTimer(this))
{
    m_gap->setSingleShot(true);
    m_gap->setInterval(minimumGapMsecs);
    connect(m_gap, &QTimer::timeout, this, &RequestCoalescer::tryFire);
}

void RequestCoalescer::setMinimumGap(int msecs)
{
    m_gap->setInterval(msecs);
}

void RequestCoalescer::request()
{
    m_pending = true;
    tryFire();
}

void RequestCoalescer::finished()
{
    m_busy = false;
    tryFire();
}

void RequestCoalescer::reset()
{
    m_busy = false;
    m_pending = false;
    m_gap->stop();
}

void RequestCoalescer::tryFire()
{
    if (!m_pending || m_busy || m_gap->isActive())
        return;
    m_pending = false;
    m_busy = true;
    m_gap->start();
    Q_EMIT fire();
}

} // namespace noc
