#include "monitor/probescheduler.h"

#include "monitor/monitorlogging.h"
#include "monitor/probefactory.h"

#include <QRandomGenerator>

#include <cmath>

namespace reg::monitor {

ProbeScheduler::ProbeScheduler(QList<ProbeTarget> targets, ProbeSettings settings, store::Store *store, const Clock &clock,
                               QObject *parent)
    : QObject(parent), m_targets(std::move(targets)), m_settings(std::move(settings)), m_clock(clock)
{
    if (store)
        m_results.emplace(*store);
    m_factory = [this](const ProbeTarget &target, QObject *owner) { return createProbe(target, m_settings, m_clock, owner); };
    connect(&m_pruneTimer, &QTimer::timeout, this, &ProbeScheduler::pruneNow);
}

ProbeScheduler::~ProbeScheduler()
{
    stop();
}

void ProbeScheduler::start()
{
    if (m_running)
        return;
    m_running = true;
    m_slots.clear();
    for (const ProbeTarget &target : std::as_const(m_targets)) {
        auto slot = std::make_unique<Slot>();
        slot->target = target;
        slot->timer.setSingleShot(true);
        Slot *s = slot.get();
        connect(&slot->timer, &QTimer::timeout, this, [this, s] { launch(*s); });
        // The first probes spread over one interval instead of all going out at once.
        slot->timer.start(int(QRandomGenerator::global()->bounded(std::max(1, target.intervalMs))));
        m_slots.push_back(std::move(slot));
    }
    qCInfo(lcMonitor, "service probes: %d target(s)", int(m_targets.size()));
    if (m_results) {
        m_pruneTimer.start(std::max(1, m_options.pruneIntervalMs));
        pruneNow();
    }
}

void ProbeScheduler::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_pruneTimer.stop();
    for (auto &slot : m_slots) {
        slot->timer.stop();
        if (slot->run)
            delete slot->run.data();   // its destructor closes the sockets; no result is delivered
    }
    m_slots.clear();
}

int ProbeScheduler::inFlight() const
{
    int n = 0;
    for (const auto &slot : m_slots)
        n += (slot->run && !slot->run->finished()) ? 1 : 0;
    return n;
}

int ProbeScheduler::jittered(int intervalMs) const
{
    const double spread = m_options.jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
    return std::max(1, int(std::lround(intervalMs * (1.0 + spread))));
}

void ProbeScheduler::launch(Slot &slot)
{
    if (!m_running || slot.run)
        return;   // one probe of a target at a time
    ProbeRun *run = m_factory(slot.target, this);
    if (!run)
        return;
    slot.run = run;
    slot.sinceStart.start();
    ++m_started;
    run->start([this, &slot](const ProbeResult &result) { onFinished(slot, result); });
}

void ProbeScheduler::onFinished(Slot &slot, const ProbeResult &result)
{
    if (slot.run) {
        slot.run->deleteLater();   // we are inside one of its signal handlers
        slot.run.clear();
    }
    if (!result.ok)
        qCWarning(lcMonitor, "probe %s at %s (%s) failed after %lld ms: %s: %s", qPrintable(probeServiceName(result.service)),
                  qPrintable(result.site), qPrintable(result.target), qlonglong(result.totalMicros / 1000),
                  qPrintable(probeErrorKindName(result.errorKind)), qPrintable(result.error));
    Q_EMIT resultReady(result);
    if (m_results) {
        m_results->record(result, this, [this, result](Result<void> written) {
            if (!written) {
                qCWarning(lcMonitor, "probe result not recorded: %s", qPrintable(written.error().message));
                return;
            }
            Q_EMIT resultRecorded(result);
        });
    }
    if (m_running) {
        const qint64 elapsed = slot.sinceStart.elapsed();
        slot.timer.start(int(std::max<qint64>(0, jittered(slot.target.intervalMs) - elapsed)));
    }
}

void ProbeScheduler::pruneNow()
{
    if (!m_results || m_pruning)
        return;
    m_pruning = true;
    pruneStep(m_clock.now().addSecs(-m_options.retentionSecs), 0);
}

void ProbeScheduler::pruneStep(const QDateTime &cutoff, qint64 deletedSoFar)
{
    m_results->pruneBatch(cutoff, m_options.pruneBatch, this, [this, cutoff, deletedSoFar](Result<int> deleted) {
        if (!deleted) {
            m_pruning = false;
            qCWarning(lcMonitor, "pruning probe results: %s", qPrintable(deleted.error().message));
            return;
        }
        const qint64 total = deletedSoFar + *deleted;
        // A full batch means there may be more; each batch is its own short transaction, queued
        // behind whatever the writer has, so registry commands are never held up for long.
        if (*deleted >= m_options.pruneBatch) {
            pruneStep(cutoff, total);
            return;
        }
        m_pruning = false;
        if (total > 0)
            qCInfo(lcMonitor, "pruned %lld probe result(s) older than %s", qlonglong(total), qPrintable(cutoff.toString(Qt::ISODate)));
        Q_EMIT pruned(total);
    });
}

} // namespace reg::monitor
