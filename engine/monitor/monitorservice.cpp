#include "monitor/monitorservice.h"

#include "monitor/inventory.h"
#include "monitor/monitorjson.h"
#include "monitor/monitorlogging.h"
#include "monitor/monitorsettings.h"
#include "monitor/probescheduler.h"
#include "monitor/snmppoller.h"
#include "monitor/traplog.h"

#include "store/store.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace reg::monitor {
namespace {

constexpr int samplePruneBatch = 1000;
constexpr int pruneIntervalMs = 3600 * 1000;
constexpr int tickCheckMs = 1000;

// A trap severity as an alarm severity; "info" is logged only.
std::optional<Severity> alarmSeverity(TrapSeverity severity)
{
    switch (severity) {
    case TrapSeverity::Critical: return Severity::Critical;
    case TrapSeverity::Major: return Severity::Major;
    case TrapSeverity::Minor: return Severity::Minor;
    case TrapSeverity::Warning: return Severity::Warning;
    case TrapSeverity::Info: return std::nullopt;
    }
    return std::nullopt;
}

// The trap mapping names an interface's alarm "link-down:<ifIndex>"; polls and the contract call
// the same subject "if:<ifIndex>", so a linkDown trap and an oper-down poll meet in one alarm.
QString trapComponent(const QString &alarm)
{
    static const QString linkDown = u"link-down:"_s;
    if (alarm.startsWith(linkDown))
        return PollEvaluator::interfaceComponent(alarm.mid(linkDown.size()).toInt());
    return alarm;
}

} // namespace

MonitorService::MonitorService(const MonitorConfig &config, store::Store &store, const Clock &clock, QString secretsKeyFile,
                               QObject *parent)
    : QObject(parent),
      m_config(config),
      m_store(store),
      m_clock(clock),
      m_evaluator(MonitorSettings::thresholds(config)),
      m_repository(store.writer()),
      m_alarms(clock, &m_repository, MonitorSettings::hysteresis(config)),
      m_samples(store),
      m_inventoryReader(std::make_unique<Inventory>(store, clock, std::move(secretsKeyFile)))
{
    m_inventoryThread.setMaxThreadCount(1);
    m_inventoryThread.setExpiryTimeout(-1);   // one thread for the service's life: the inventory's connection stays on it
    TrapLogOptions trapLogOptions;
    trapLogOptions.retentionDays = int(config.trapLogRetentionSecs / 86400);
    m_trapLog = std::make_unique<TrapLog>(store, clock, trapLogOptions);
    m_alarms.setChangeHandler([this](const AlarmChange &change) { onAlarmChange(change); });

    m_refreshTimer.setInterval(int(config.inventoryRefreshSecs * 1000));
    connect(&m_refreshTimer, &QTimer::timeout, this, &MonitorService::refreshInventory);
    // Acknowledgements lapse and maintenance windows start and end within a second of their time.
    // Every check ticks: tick() is a pass over the active alarms and open windows, and asking
    // nextDeadline() first would miss a deadline set and passed between two checks (it names only
    // times still ahead).
    m_tickTimer.setInterval(tickCheckMs);
    connect(&m_tickTimer, &QTimer::timeout, this, [this] { m_alarms.tick(); });
    m_pruneTimer.setInterval(pruneIntervalMs);
    connect(&m_pruneTimer, &QTimer::timeout, this, &MonitorService::prune);
}

MonitorService::~MonitorService()
{
    stop();
}

Result<void> MonitorService::start()
{
    Result<TrapReceiverOptions> trapOptions = MonitorSettings::trapReceiverOptions(m_config);
    if (!trapOptions)
        return trapOptions.error();
    Inventory *reader = m_inventoryReader.get();
    Result<InventorySnapshot> snapshot =
        QtConcurrent::run(&m_inventoryThread, [reader] { return InventorySnapshot::read(*reader); }).result();
    if (!snapshot)
        return snapshot.error().withContext(u"reading the inventory: "_s);

    // The graph first: restored maintenance windows may be scoped by site.
    m_alarms.setDependencyGraph(snapshot->graph());
    {
        Result<std::unique_ptr<store::Connection>> connection = m_store.openReader();
        if (!connection)
            return connection.error();
        if (Result<void> r = m_alarms.restore(**connection); !r)
            return r.error().withContext(u"restoring the alarms: "_s);
    }

    m_traps = std::make_unique<TrapReceiver>(m_clock, *trapOptions);
    connect(m_traps.get(), &TrapReceiver::trapReceived, this, &MonitorService::onTrap);
    if (Result<void> r = m_traps->start(); !r) {
        m_traps.reset();
        return r.error().withContext(u"trap receiver: "_s);
    }
    m_poller = std::make_unique<SnmpPoller>(m_clock);
    connect(m_poller.get(), &SnmpPoller::polled, this, &MonitorService::onPolled);
    m_running = true;
    applyInventory(std::move(*snapshot));
    m_poller->start();
    m_refreshTimer.start();
    m_tickTimer.start();
    m_pruneTimer.start();
    prune();
    qCInfo(lcMonitor, "monitor service: %lld device(s) polled, traps on %s, %lld active alarm(s)",
           qlonglong(m_inventory.targets().size()), qUtf8Printable(trapAddress().toString()),
           qlonglong(m_alarms.activeAlarms().size()));
    return success();
}

void MonitorService::stop()
{
    const bool wasRunning = m_running;
    m_running = false;
    m_refreshTimer.stop();
    m_tickTimer.stop();
    m_pruneTimer.stop();
    if (m_poller)
        m_poller->stop();
    if (m_traps)
        m_traps->stop();
    m_inventoryThread.waitForDone();
    if (wasRunning)
        qCInfo(lcMonitor, "monitor service stopped");
}

void MonitorService::attachProbes(ProbeScheduler &probes)
{
    connect(&probes, &ProbeScheduler::resultReady, this, &MonitorService::onProbeResult);
}

void MonitorService::refreshInventory()
{
    if (!m_running)
        return;
    if (m_refreshing) {
        m_refreshAgain = true;   // a change during a read: read once more after it
        return;
    }
    m_refreshing = true;
    Inventory *reader = m_inventoryReader.get();
    QtConcurrent::run(&m_inventoryThread, [reader] { return InventorySnapshot::read(*reader); })
        .then(this, [this](Result<InventorySnapshot> snapshot) {
            m_refreshing = false;
            if (!m_running)
                return;
            if (snapshot)
                applyInventory(std::move(*snapshot));
            else
                qCWarning(lcMonitor, "reading the inventory failed: %s", qUtf8Printable(snapshot.error().message));
            if (m_refreshAgain) {
                m_refreshAgain = false;
                refreshInventory();
            }
        });
}

void MonitorService::applyInventory(InventorySnapshot snapshot)
{
    const QDateTime now = m_clock.now();
    for (auto it = m_inventory.targets().cbegin(); it != m_inventory.targets().cend(); ++it) {
        if (!snapshot.targets().contains(it.key())) {
            m_poller->removeTarget(it.key());
            m_states.forget(it.key());
        }
    }
    for (const SnmpTarget &target : snapshot.targets()) {
        const auto old = m_inventory.targets().constFind(target.deviceId);
        if (old == m_inventory.targets().cend() || !InventorySnapshot::sameTarget(*old, target)) {
            m_poller->upsertTarget(target);
            if (old != m_inventory.targets().cend())
                m_states.forget(target.deviceId);   // other settings: staleness counts from now
        }
        m_states.track(target, now);
    }
    const bool graphChanged = !m_inventory.sameDependencies(snapshot);
    m_inventory = std::move(snapshot);
    if (graphChanged)
        m_alarms.setDependencyGraph(m_inventory.graph());
    Q_EMIT inventoryApplied(int(m_inventory.targets().size()));
}

void MonitorService::onPolled(const PollResult &result)
{
    if (!m_running || !m_states.record(result))
        return;   // removed from the inventory while its poll was in flight
    ++m_counters.polls;
    if (!result.ok())
        ++m_counters.pollsFailed;
    for (const Observation &observation : m_evaluator.evaluate(result))
        observation.applyTo(m_alarms);
    m_samples.record(result, this);
    publish(MonitorJson::pollEvent(result, m_inventory.nameOf(result.deviceId)));
}

void MonitorService::onTrap(const TrapRecord &trap)
{
    if (!m_running)
        return;
    ++m_counters.traps;
    m_trapLog->append(trap);
    const std::optional<qint64> device = m_inventory.deviceAt(trap.source);
    if (!device)
        ++m_counters.trapsFromUnknown;
    QString eventText;
    if (trap.event) {
        const TrapEvent &event = *trap.event;
        const QString component = trapComponent(event.alarm);
        const bool raise = event.action == TrapEvent::Action::Raise;
        eventText = u"%1 %2 %3"_s.arg(raise ? u"raise"_s : u"clear"_s, trapSeverityName(event.severity), component);
        if (device) {
            const AlarmSubject subject{QString::number(*device), component};
            if (!raise)
                m_alarms.clear(subject, u"trap %1"_s.arg(event.trapOid));
            else if (const std::optional<Severity> severity = alarmSeverity(event.severity))
                m_alarms.raiseNow(subject, *severity, u"trap %1 (%2)"_s.arg(event.alarm, event.trapOid));
        } else {
            qCDebug(lcMonitor, "a trap from %s, where no device is: logged, not alarmed", qUtf8Printable(trap.source.toString()));
        }
    }
    publish(MonitorJson::trapEvent(trap, device ? QString::number(*device) : QString(), eventText));
}

void MonitorService::onProbeResult(const ProbeResult &result)
{
    if (!m_running)
        return;
    const QString service = probeServiceName(result.service);
    const AlarmSubject subject{m_inventory.probeDevice(result.site), u"service:%1@%2"_s.arg(service, result.site)};
    if (result.ok) {
        m_alarms.observe(subject, Outcome::ok());
        return;
    }
    QString cause = u"%1 at %2 failed (%3)"_s.arg(service, result.site, probeErrorKindName(result.errorKind));
    if (!result.error.isEmpty())
        cause += u": "_s + result.error;
    m_alarms.observe(subject, Outcome::failure(Severity::Major, cause));
}

void MonitorService::onAlarmChange(const AlarmChange &change)
{
    publish(MonitorJson::alarmEvent(change, deviceName(change.alarm.subject.deviceId)));
}

void MonitorService::publish(const QJsonObject &event)
{
    if (m_publish)
        m_publish(event);
}

QString MonitorService::deviceName(const QString &deviceId) const
{
    bool ok = false;
    const qint64 id = deviceId.toLongLong(&ok);
    return ok ? m_inventory.nameOf(id) : QString();
}

ListenAddress MonitorService::trapAddress() const
{
    return ListenAddress{m_config.trapListen.address, m_traps ? m_traps->port() : m_config.trapListen.port};
}

TrapCounters MonitorService::trapCounters() const
{
    return m_traps ? m_traps->counters() : TrapCounters{};
}

void MonitorService::prune()
{
    m_trapLog->prune();
    if (m_pruningSamples)
        return;
    m_pruningSamples = true;
    pruneSamples(0);
}

void MonitorService::pruneSamples(qint64 deletedSoFar)
{
    const QDateTime cutoff = m_clock.now().addSecs(-m_config.sampleRetentionSecs);
    // One bounded batch per transaction, so polls' samples are never held up behind a long delete.
    m_samples.pruneBatch(cutoff, samplePruneBatch, this, [this, deletedSoFar, cutoff](Result<int> deleted) {
        if (!deleted) {
            qCWarning(lcMonitor, "pruning poll samples failed: %s", qUtf8Printable(deleted.error().message));
            m_pruningSamples = false;
            return;
        }
        const qint64 total = deletedSoFar + *deleted;
        if (*deleted == samplePruneBatch && m_running)
            return pruneSamples(total);
        m_pruningSamples = false;
        if (total > 0)
            qCInfo(lcMonitor, "pruned %lld poll sample(s) older than %s", qlonglong(total), qUtf8Printable(MonitorJson::time(cutoff)));
    });
}

} // namespace reg::monitor
