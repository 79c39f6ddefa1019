#pragma once

#include <QStringList>

namespace reg {

// The registry's policy knobs (reg::srs uses them), from the [srs] section of registryd.conf plus the
// TLDs in the database. Durations in seconds. A plain value; copy it to every thread that needs it.
// Defaults are the common gTLD values (RFC 3915 periods, 5-day transfer window).
struct SrsPolicy
{
    QStringList tlds;                                   // served TLDs, from the tlds table

    qint64 addGraceSecs = 5 * 86400;                    // delete inside it: purge at once, refund the create
    qint64 renewGraceSecs = 5 * 86400;                  // delete inside it: refund the renewal
    qint64 autoRenewGraceSecs = 45 * 86400;             // delete or transfer inside it: refund the auto-renewal
    qint64 transferGraceSecs = 5 * 86400;               // delete inside it: refund the transfer
    qint64 redemptionSecs = 30 * 86400;                 // a deleted domain can be restored meanwhile
    qint64 pendingRestoreSecs = 7 * 86400;              // the restore report must arrive within it
    qint64 pendingDeleteSecs = 5 * 86400;               // after redemption, before the purge
    qint64 transferPendingSecs = 5 * 86400;             // a transfer not acted on is approved by the server

    int minPeriodYears = 1;
    int maxPeriodYears = 10;                            // also the longest registration a renew may reach
    int maxNameServers = 13;
    int maxDsRecords = 8;
    int maxCustomFields = 20;
    bool allowDocumentationAddresses = false;           // RFC 5737/3849 ranges for glue (test registries)
    bool autoRenew = true;                              // expiry renews (and bills) rather than deletes
    qint64 maintenanceIntervalSecs = 60;                // how often the engine looks for due life-cycle events
};

} // namespace reg
