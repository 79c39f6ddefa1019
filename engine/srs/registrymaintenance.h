#pragma once

#include "srscontext.h"
#include "srserror.h"
#include "srswrite.h"

#include "store/connection.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace reg::srs {

// One thing the clock has made due in the registry.
struct DueEvent
{
    enum class Kind {
        AutoRenew,            // a domain passed its expiry: renew it by a year and bill (or delete, by policy)
        GracePeriodEnded,     // an add/renew/autoRenew/transfer grace period row ran out: drop it
        TransferDeadline,     // a pending transfer was not acted on in time: the server approves it
        RedemptionEnded,      // redemption over: pendingDelete begins
        RestoreLapsed,        // pendingRestore without a report in time: back to redemption
        Purge,                // pendingDelete over: the domain (and its subordinate hosts) are removed
    };
    Kind kind = Kind::AutoRenew;
    QString object;           // domain name or contact id
    QString roid;
    QDateTime dueAt;
};

// The registry's clock-driven life cycle: auto-renewals, the end of grace periods, transfers that
// auto-approve, redemption, pending delete and purge. due() lists what is due, oldest first;
// process() handles one event in its own transaction and journal entry (actor "system"), re-checking
// that it is still due, and queues the poll messages the RFCs and seed 001 call for. Driven by a
// timer in the engine; tests drive it with a ManualClock.
class RegistryMaintenance
{
public:
    static SrsOutcome<QList<DueEvent>> due(store::Connection &reader, const QDateTime &now, int limit);
    static WriteCommand<Done> process(RequestContext ctx, DueEvent event);
};

} // namespace reg::srs
