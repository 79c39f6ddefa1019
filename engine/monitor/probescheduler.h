#pragma once

#include "monitor/proberesultstore.h"
#include "monitor/proberun.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace reg::store {
class Store;
}

namespace reg::monitor {

// Runs the service probes on their schedules: each target every interval (jittered by +-10 % so
// probes of many targets spread out and never fall into step), never more than one probe of a
// target in flight (the next is planned only when the last one finished, and every probe has a
// hard deadline shorter than its interval). Each result is written to probe_results and emitted
// for the alarm engine. Old results are pruned in bounded batches (at start and then hourly).
// Lives on the thread that created it, which must run an event loop; owned by the composition root.
class ProbeScheduler : public QObject
{
    Q_OBJECT
public:
    using Factory = std::function<ProbeRun *(const ProbeTarget &target, QObject *parent)>;

    struct Options
    {
        qint64 retentionSecs = 400 * 86400;   // a year of results for the yearly SLA report, and some
        int pruneBatch = 1000;                // rows per delete transaction
        int pruneIntervalMs = 3600 * 1000;
        double jitter = 0.1;                  // fraction of the interval
    };

    // store may be null (results are only emitted); settings go to every probe.
    ProbeScheduler(QList<ProbeTarget> targets, ProbeSettings settings, store::Store *store, const Clock &clock,
                   QObject *parent = nullptr);
    ~ProbeScheduler() override;

    void setOptions(const Options &options) { m_options = options; }
    // Replaces the probes (tests use it for a probe that never answers).
    void setFactory(Factory factory) { m_factory = std::move(factory); }

    void start();
    // Aborts the probes in flight (their results are dropped) and stops every timer.
    void stop();
    bool isRunning() const { return m_running; }

    const QList<ProbeTarget> &targets() const { return m_targets; }
    int inFlight() const;
    qint64 probesStarted() const { return m_started; }
    // Starts a pruning round now unless one runs.
    void pruneNow();

Q_SIGNALS:
    // Every finished probe, as soon as it finished (before it is written).
    void resultReady(const reg::monitor::ProbeResult &result);
    // After the result's row was committed (tests wait on it).
    void resultRecorded(const reg::monitor::ProbeResult &result);
    // After a pruning round, with the rows it deleted.
    void pruned(qint64 rows);

private:
    struct Slot
    {
        ProbeTarget target;
        QTimer timer;
        QPointer<ProbeRun> run;
        QElapsedTimer sinceStart;   // since the last probe started
    };

    void launch(Slot &slot);
    void onFinished(Slot &slot, const ProbeResult &result);
    int jittered(int intervalMs) const;
    void pruneStep(const QDateTime &cutoff, qint64 deletedSoFar);

    QList<ProbeTarget> m_targets;
    ProbeSettings m_settings;
    const Clock &m_clock;
    std::optional<ProbeResultStore> m_results;
    Options m_options;
    Factory m_factory;
    std::vector<std::unique_ptr<Slot>> m_slots;
    QTimer m_pruneTimer;
    bool m_pruning = false;
    bool m_running = false;
    qint64 m_started = 0;
};

} // namespace reg::monitor
