#pragma once

#include "monitor/alarm.h"
#include "monitor/alarmoutcome.h"
#include "monitor/snmppollresult.h"

#include <QList>
#include <QString>

namespace reg::monitor {

class AlarmEngine;

// The levels a poll's measurements are checked against (from [monitor]).
struct PollThresholds
{
    ThresholdRule cpu;
    ThresholdRule memory;
    ThresholdRule storage;       // used space of a fixed disk; the metric text is completed per mount
};

// One thing to tell the alarm engine about one subject.
struct Observation
{
    enum class Kind { Observe, RaiseNow, Clear };
    Kind kind = Kind::Observe;
    AlarmSubject subject;
    Outcome outcome;             // Observe
    Severity severity = Severity::Warning;   // RaiseNow
    QString text;                // RaiseNow: the cause; Clear: the reason

    void applyTo(AlarmEngine &engine) const;
};

// Turns one SNMP poll into observations per subject (docs/monitoring.md, "Monitor service"):
// reachability (component ""), the agent's answers ("snmp": v3 authentication failures, errors),
// every interface that is administratively up ("if:<ifIndex>"), CPU, memory and each fixed disk
// ("storage:<mount>") against the thresholds, and a restart (sysUpTime went back) raised at once
// as a warning and cleared by the next good poll that does not see one. A device that did not
// answer tells nothing about its parts: only its reachability is observed.
// Stateless and protocol-free; any thread.
class PollEvaluator
{
public:
    explicit PollEvaluator(PollThresholds thresholds) : m_thresholds(std::move(thresholds)) {}

    QList<Observation> evaluate(const PollResult &result) const;

    static QString interfaceComponent(int ifIndex) { return QStringLiteral("if:%1").arg(ifIndex); }
    static QString storageComponent(const QString &mount) { return QStringLiteral("storage:") + mount; }
    static QString restartComponent() { return QStringLiteral("restart"); }

private:
    PollThresholds m_thresholds;
};

} // namespace reg::monitor
