#pragma once

#include "apiresponse.h"
#include "role.h"

#include "core/clock.h"
#include "core/result.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QUrlQuery;

namespace reg::store {
class Connection;
} // namespace reg::store

namespace reg::monitor {
class AlarmEngine;
} // namespace reg::monitor

namespace reg::admin {

// The alarm, maintenance-window, trap-log and probe endpoints under /api/v1/monitor/
// (docs/management-api.md, "Monitoring alarms"). ManagementServer routes, authenticates and audits;
// this decodes the request (MonitorAlarmRequests), calls the AlarmEngine or plans a database read,
// and shapes the answer. A call is handled in up to two steps because the work lives on two
// threads: engine calls happen in handle(), on the main thread where the engine lives; database
// reads (cleared alarms, history, past windows, traps, probes) are returned as a Read that the
// caller runs on the management API's registry worker thread with that thread's connection, and
// whose Finish shapes the answer back on the main thread (device names come from the engine's
// owner, which is not thread-safe). Owned by ManagementServer; the engine must outlive it.
class MonitorAlarmEndpoints
{
public:
    using DeviceName = std::function<QString(const QString &deviceId)>;

    // One audit line per thing changed (an acknowledgement of three alarms writes three).
    struct AuditEntry
    {
        QString action;        // "monitor.alarm.acknowledge"
        QString outcome;       // "success" or the API error code
        QString detail;        // ids and titles, never a secret
    };
    struct Outcome
    {
        ApiResponse response;
        QList<AuditEntry> audit;
    };
    using Read = std::function<Result<QJsonObject>(store::Connection &)>;     // worker thread
    using Finish = std::function<Outcome(const Result<QJsonObject> &)>;     // main thread
    // Either answered at once (done), or a read to run and the step that finishes it.
    struct Step
    {
        std::optional<Outcome> done;
        Read read;
        Finish finish;
    };

    MonitorAlarmEndpoints(monitor::AlarmEngine &engine, DeviceName deviceName, const Clock &clock);

    // The methods a path accepts; empty when it is not one of these endpoints.
    static QByteArrayList methodsFor(const QString &path);
    // What a call needs: reads ViewMonitoring, (un)acknowledging AcknowledgeAlarms, windows ManageMonitoring.
    static Permission permissionFor(const QByteArray &method, const QString &path);

    Step handle(const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &body,
                const QString &actor);

private:
    Step listAlarms(const QUrlQuery &query);
    Step alarm(const QString &segment);
    Outcome acknowledge(const QByteArray &body, const QString &actor);
    Outcome unacknowledge(const QByteArray &body, const QString &actor);
    Step listWindows(const QUrlQuery &query);
    Outcome createWindow(const QByteArray &body, const QString &actor);
    Outcome endWindow(const QString &segment, const QByteArray &body, const QString &actor);
    Step traps(const QUrlQuery &query);
    Step probes(const QUrlQuery &query);

    // Adds "deviceName" to an alarm object when the device is in the inventory.
    QJsonObject named(QJsonObject alarm) const;
    // The finishing step of a read whose answer holds alarms in a top-level "alarms" array, or is one.
    Finish finishWithNames(bool listOfAlarms) const;

    monitor::AlarmEngine &m_engine;
    DeviceName m_deviceName;
    const Clock &m_clock;
};

} // namespace reg::admin
