#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace reg::monitor {

// Why a poll did not complete. A v2c agent ignores a request with a wrong community, so for v2c a
// wrong community is reported as Timeout: the two cannot be told apart on the wire.
enum class PollError {
    None,
    Timeout,                // no answer after the retries (agent down, unreachable, wrong v2c community,
                            // v3 wrong privacy key: AES decrypts to garbage the agent drops silently)
    AuthenticationFailure,  // v3: unknown user, wrong authentication key, decryption error, security level
    Malformed,              // an answer that breaks the protocol (unexpected type, OIDs out of order, too large)
    AgentError,             // the agent answered with an error status
    Transport,              // the request could not be sent (address, socket)
};
QString pollErrorName(PollError error);   // "timeout", "authentication-failure", ...

struct InterfaceStatus
{
    int index = 0;                       // ifIndex
    QString name;                        // ifName, or ifDescr when the agent has no ifXTable
    int adminStatus = 0;                 // IF-MIB: 1 up, 2 down, 3 testing
    int operStatus = 0;                  // IF-MIB: 1 up, 2 down, ... 7 lowerLayerDown
    std::optional<quint64> inOctets;     // ifHCInOctets
    std::optional<quint64> outOctets;    // ifHCOutOctets
    quint64 speedBps = 0;                // ifHighSpeed x 10^6; 0 when unknown
    // Between this poll and the previous one; nullopt on the first poll, after a restart or a
    // counter reset, and utilisation also when the speed is unknown.
    std::optional<double> inBps;
    std::optional<double> outBps;
    std::optional<double> utilisationPercent;
};

struct StorageUsage
{
    int index = 0;                       // hrStorageIndex
    QString description;                 // hrStorageDescr: the mount point for a disk
    quint64 sizeBytes = 0;
    quint64 usedBytes = 0;
    double usedPercent = 0;
};

// One poll of one device, delivered by SnmpPoller when the poll ends (successfully or not).
struct PollResult
{
    qint64 deviceId = 0;
    QDateTime polledAt;                  // when the poll started (reg::Clock, UTC)
    bool reachable = false;              // the agent answered (possibly with an error)
    int roundTripMs = -1;                // of the sysUpTime get; -1 when it did not answer
    PollError error = PollError::None;
    QString errorDetail;                 // for the operator; never a secret
    std::optional<quint32> sysUpTime;    // hundredths of a second
    bool restarted = false;              // sysUpTime went backwards since the previous poll
    QList<InterfaceStatus> interfaces;
    std::optional<double> cpuLoadPercent;      // hrProcessorLoad averaged over processors
    std::optional<double> memoryUsedPercent;   // hrStorageRam
    QList<StorageUsage> disks;                 // hrStorageFixedDisk

    bool ok() const { return error == PollError::None; }
};

} // namespace reg::monitor

Q_DECLARE_METATYPE(reg::monitor::PollResult)
