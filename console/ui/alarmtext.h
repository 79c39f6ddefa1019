#pragma once

#include "alarmrecord.h"
#include "widgets/statuspalette.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace noc {

// How the console words and colours alarms, in one place so the table, the detail dialog and the
// indicator say the same thing. Plain functions; GUI thread (they read the current translation).
class AlarmText
{
    Q_DECLARE_TR_FUNCTIONS(AlarmText)
public:
    static QString severity(AlarmSeverity severity);
    static StatusPalette::Severity paletteSeverity(AlarmSeverity severity);
    // "if:2 — interface down" style: the component in words, then the summary.
    static QString component(const QString &component);
    static QString componentAndCause(const AlarmRecord &alarm);
    static QString acknowledgement(const AlarmRecord &alarm);
    static QString acknowledgementDetail(const AlarmRecord &alarm);
    // suppressedByName: the root-cause device as the console names it.
    static QString state(const AlarmRecord &alarm, const QString &suppressedByName);
    static QString changeKind(const QString &kind);
    static QString localTime(const QDateTime &at);   // "2026-11-21 23:40:05" in local time
    static QString utcTime(const QDateTime &at);     // "2026-11-21T22:40:05Z"
};

} // namespace noc
