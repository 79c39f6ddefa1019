#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace noc {

// What the console knows of one monitored device, as plain values read from the management API:
// its inventory entry (GET /api/v1/monitor/topology) and its newest state (GET /api/v1/monitor/status,
// kept current by monitor.poll events). The readers treat the JSON as hostile: wrong types read as
// absent, lists and texts are capped. Any thread (copied by value).

struct MonitorInterfaceInfo
{
    int ifIndex = 0;
    QString name;
    qint64 speedBps = 0;
};

struct MonitorDeviceInfo
{
    QString id;                 // the inventory id in decimal ("17"): what status, polls and alarms key on
    QString name;
    QString kind;               // the API's word: router, firewall, load-balancer, ...
    QString site;
    QString address;
    QStringList parents;        // device names
    QString snmpVersion;        // "2c", "3"; empty: not polled (never a secret: the API returns none)
    bool enabled = true;
    QList<MonitorInterfaceInfo> interfaces;

    static std::optional<MonitorDeviceInfo> fromJson(const QJsonObject &device);
};

struct MonitorInterfaceState
{
    int ifIndex = 0;
    QString name;
    int adminStatus = 0;        // IF-MIB ifAdminStatus (1 up, 2 down, 3 testing); 0 unknown
    int operStatus = 0;         // IF-MIB ifOperStatus (1 up ... 7 lowerLayerDown); 0 unknown
    qint64 speedBps = 0;
    std::optional<double> inBps;
    std::optional<double> outBps;
    std::optional<double> utilisationPercent;

    static QString statusName(int ifStatus);   // "up", "down", ... translated; "unknown"
};

struct MonitorDisk
{
    QString mount;
    double usedPercent = 0;
};

struct MonitorDeviceState
{
    QString id;
    bool polled = false;                 // has SNMP settings and is enabled
    QDateTime lastPolledAt;              // invalid: never polled
    std::optional<bool> reachable;       // none: no poll yet
    std::optional<double> roundTripMs;
    QString error;
    bool stale = false;
    QString worstSeverity;               // "critical|major|minor|warning"; empty: no active unsuppressed alarm
    QString suppressedBy;                // root-cause device id, when unreachable behind it
    bool acknowledged = false;
    bool inMaintenance = false;
    std::optional<double> cpuLoadPercent;
    std::optional<double> memoryUsedPercent;
    QList<MonitorDisk> disks;
    QList<MonitorInterfaceState> interfaces;

    // One entry of the status answer's "devices"; none when it has no usable id.
    static std::optional<MonitorDeviceState> fromStatusJson(const QJsonObject &device);
    // Folds a monitor.poll event for this device in: reachability, round trip, time, load and the
    // interfaces' oper status and utilisation. The poll is news, so the device is no longer stale.
    void applyPoll(const QJsonObject &event);
};

namespace MonitorJson {
constexpr int MaxDevices = 20000;
constexpr int MaxLinks = 40000;
constexpr int MaxInterfaces = 1024;
constexpr int MaxTextLength = 512;

QString text(const QJsonValue &value, int maxLength = MaxTextLength);   // "" unless a string
// An id the API writes as a number (topology) or a decimal string (status, events): "17"; "" if neither.
QString id(const QJsonValue &value);
std::optional<double> number(const QJsonValue &value);                  // none unless a finite number
QDateTime time(const QJsonValue &value);                                // ISO 8601; invalid otherwise
} // namespace MonitorJson

} // namespace noc
