#pragma once

#include "monitor/probetypes.h"

#include "core/clock.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace reg::monitor {

// One attempt of one probe: the common frame every service probe fills in. It owns the hard
// deadline (so a silent peer can never hang the scheduler), the stopwatch and the phase times,
// and guarantees that the result is delivered exactly once: on success, on the first failure, or
// at the deadline, after which the subclass's I/O is aborted and nothing more is reported.
// Asynchronous on the thread that created it (no waitFor*); owned by the ProbeScheduler, which
// deletes it (deleteLater) once the result arrived.
class ProbeRun : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ProbeResult &result)>;

    ProbeRun(ProbeTarget target, const Clock &clock, QObject *parent = nullptr);
    ~ProbeRun() override;

    // Starts the probe; done runs once on this thread, possibly before start() returns (a
    // configuration problem is known at once).
    void start(Done done);
    bool finished() const { return m_finished; }
    const ProbeTarget &target() const { return m_target; }

protected:
    // Starts the service's I/O; reports through markPhase(), succeed() and fail().
    virtual void begin() = 0;
    // Stops every socket at once and silently: called once when the run finishes for any reason.
    virtual void abortIo() = 0;

    // Ends the phase in progress under name (its time runs from the end of the previous one).
    void markPhase(const QString &name);
    // What the probe is waiting for, named in the time-out message ("the greeting", "login").
    void setStep(const QString &step) { m_step = step; }
    void succeed(QJsonObject detail = {});
    void fail(ProbeErrorKind kind, const QString &message, QJsonObject detail = {});
    // A socket's failure as an error kind: refused, time-out, TLS, or any other network error.
    static ProbeErrorKind kindOf(QAbstractSocket::SocketError error);

private:
    void finish(bool ok, ProbeErrorKind kind, const QString &message, QJsonObject detail);

    ProbeTarget m_target;
    const Clock &m_clock;
    Done m_done;
    ProbeResult m_result;
    QElapsedTimer m_stopwatch;
    qint64 m_phaseStartNs = 0;
    QTimer m_deadline;
    QString m_step;
    bool m_finished = false;
};

} // namespace reg::monitor
