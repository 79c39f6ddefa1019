#include "maintenancescheduler.h"

#include "registrymaintenance.h"
#include "srswrite.h"

#include "store/store.h"

#include <QLoggingCategory>

namespace reg::srs {
namespace {

Q_LOGGING_CATEGORY(lcMaintenance, "registry.srs.maintenance")

const char *kindName(DueEvent::Kind kind)
{
    switch (kind) {
    case DueEvent::Kind::AutoRenew: return "autoRenew";
    case DueEvent::Kind::GracePeriodEnded: return "gracePeriodEnded";
    case DueEvent::Kind::TransferDeadline: return "transferDeadline";
    case DueEvent::Kind::RedemptionEnded: return "redemptionEnded";
    case DueEvent::Kind::RestoreLapsed: return "restoreLapsed";
    case DueEvent::Kind::Purge: return "purge";
    }
    return "?";
}

} // namespace

MaintenanceScheduler::MaintenanceScheduler(store::Store &store, SrsPolicy policy, const Clock &clock,
                                           std::chrono::milliseconds interval, int batchSize, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_policy(std::make_shared<const SrsPolicy>(std::move(policy)))
    , m_clock(clock)
    , m_batchSize(std::max(1, batchSize))
{
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &MaintenanceScheduler::runOnce);
}

MaintenanceScheduler::~MaintenanceScheduler() = default;

bool MaintenanceScheduler::start()
{
    if (!m_reader) {
        Result<std::unique_ptr<store::Connection>> reader = m_store.openReader();
        if (!reader) {
            qCWarning(lcMaintenance, "cannot open a read connection: %s", qPrintable(reader.error().message));
            return false;
        }
        m_reader = std::move(reader).value();
    }
    m_timer.start();
    // What fell due while the engine was down is handled now, not one interval later.
    QMetaObject::invokeMethod(this, &MaintenanceScheduler::runOnce, Qt::QueuedConnection);
    return true;
}

void MaintenanceScheduler::stop()
{
    m_timer.stop();
}

void MaintenanceScheduler::runOnce()
{
    if (m_inFlight > 0 || !m_reader)
        return;
    SrsOutcome<QList<DueEvent>> due = RegistryMaintenance::due(*m_reader, m_clock.now(), m_batchSize);
    if (!due) {
        qCWarning(lcMaintenance, "listing due events failed: %s", qPrintable(due.error().message));
        return;
    }
    if (due->isEmpty()) {
        Q_EMIT batchFinished(0, 0);
        return;
    }
    m_inFlight = int(due->size());
    m_batchTotal = m_inFlight;
    m_batchFailed = 0;
    for (const DueEvent &event : *due) {
        RequestContext ctx;
        ctx.serverTransactionId = QStringLiteral("maintenance");
        ctx.policy = m_policy.get();
        ctx.clock = &m_clock;
        WriteCommand<Done> command = [policy = m_policy, process = RegistryMaintenance::process(ctx, event)](store::Connection &c) {
            return process(c);
        };
        submitWrite<Done>(m_store.writer(), this, std::move(command),
                          [this, event](SrsOutcome<Done> outcome, qint64) {
                              if (!outcome) {
                                  // Left for the next cycle: the event is still due.
                                  qCWarning(lcMaintenance, "%s of %s failed: %s", kindName(event.kind), qPrintable(event.object),
                                            qPrintable(outcome.error().message));
                              }
                              finishOne(outcome.ok());
                          });
    }
}

void MaintenanceScheduler::finishOne(bool ok)
{
    if (!ok)
        ++m_batchFailed;
    if (--m_inFlight > 0)
        return;
    const int total = m_batchTotal;
    const int failed = m_batchFailed;
    Q_EMIT batchFinished(total, failed);
    // A full batch means more may be waiting; a failing one waits for the timer instead of spinning.
    if (total >= m_batchSize && failed == 0)
        QTimer::singleShot(0, this, &MaintenanceScheduler::runOnce);
}

} // namespace reg::srs
