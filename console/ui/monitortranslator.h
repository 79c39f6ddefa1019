#pragma once

#include "monitorstate.h"
#include "widgets/topologysnapshot.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace noc {

// Turns the management API's monitoring JSON into what the topology map draws: the inventory
// (GET /api/v1/monitor/topology) into a TopologySnapshot keyed by device id, the status answer
// (GET /api/v1/monitor/status) and monitor.poll events into DeviceStatusUpdates and
// LinkUtilisationUpdates. Keeps the newest state of every device so a poll, which carries no
// alarm severity, can be folded into what the last status said, and so a re-read inventory is
// drawn in its current colours at once. Also counts devices for the summary strip.
// GUI thread (plain value holder; no I/O, no signals); owned by TopologyPage.
class MonitorTranslator
{
    Q_DECLARE_TR_FUNCTIONS(noc::MonitorTranslator)
public:
    struct Updates
    {
        QList<DeviceStatusUpdate> devices;
        QList<LinkUtilisationUpdate> links;
        bool inventoryChanged = false;   // a device or link the inventory did not have: re-read it
    };

    struct Summary
    {
        int up = 0;          // answering, no active alarm
        int alarmed = 0;     // answering, with an active alarm (warning to critical)
        int down = 0;        // down or unreachable behind a failed parent
        int unknown = 0;     // not polled or no answer yet
        int stale = 0;       // not polled recently: its colour may be old (counted here only)
        int total() const { return up + alarmed + down + unknown + stale; }
    };

    // Replaces the inventory; the snapshot has every device in its newest known state.
    TopologySnapshot setTopology(const QJsonObject &topology);
    Updates applyStatus(const QJsonObject &status);
    Updates applyPoll(const QJsonObject &event);
    void clear();

    bool hasTopology() const { return m_hasTopology; }
    const MonitorDeviceInfo *deviceInfo(const QString &id) const;
    const MonitorDeviceState *deviceState(const QString &id) const;
    QString deviceName(const QString &id) const;        // the inventory name, else the id
    QString deviceIdForName(const QString &name) const; // "" when unknown
    Summary summary() const;

    // How a device's state is drawn: worst severity to colour, reachability, acknowledged, maintenance, stale.
    DeviceStatusUpdate statusUpdate(const MonitorDeviceState &state) const;
    static DeviceKind kindFromName(const QString &kind);

private:
    struct LinkEnds
    {
        std::array<std::optional<double>, 2> utilisation;   // measured at end a, end b
    };
    std::optional<double> linkUtilisation(const QString &linkId) const;
    DeviceStatusUpdate drawnState(const QString &id) const;

    bool m_hasTopology = false;
    QHash<QString, MonitorDeviceInfo> m_devices;          // by id
    QHash<QString, QString> m_idsByName;
    QHash<QString, MonitorDeviceState> m_states;          // by id
    QHash<QString, LinkEnds> m_links;                     // by link id
    // (device id, ifIndex) -> (link id, end 0 or 1), for interface utilisation from polls.
    QMultiHash<QString, std::pair<QString, int>> m_linkEndsByInterface;
};

} // namespace noc
