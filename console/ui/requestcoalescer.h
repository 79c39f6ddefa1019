#pragma once

#include <QObject>

class QTimer;

namespace noc {

// Turns a burst of "something changed, read it again" into few reads: request() asks for a read;
// fire() comes at once when none is on its way and the last one started at least minimumGap ago,
// otherwise once, later, for every request made meanwhile. The owner sends the read on fire() and
// calls finished() when its answer (or failure) is in. So a storm of alarm events costs at most one
// read per gap, and never two reads of the same thing in flight.
// GUI thread; a child of its owner.
class RequestCoalescer : public QObject
{
    Q_OBJECT
public:
    explicit RequestCoalescer(int minimumGapMsecs, QObject *parent = nullptr);

    void request();
    void finished();
    void reset();          // forgets the read on its way and any request waiting (a reconnect)
    bool isBusy() const { return m_busy; }
    bool isPending() const { return m_pending; }
    void setMinimumGap(int msecs);

Q_SIGNALS:
    void fire();

private:
    void tryFire();

    QTimer *m_gap;         // single shot: running while the gap since the last fire lasts
    bool m_busy = false;
    bool m_pending = false;
};

} // namespace noc
