#pragma once

#include "core/result.h"
#include "delegationpopulator.h"
#include "xrpclient/eppclientconnection.h"

#include <QList>
#include <QStringList>

namespace reg::bench {

// How long committed changes took to be served.
struct ChangeDelays
{
    QList<double> fromCommitMs;   // from the XRP answer (the change is committed) to the first referral
    QList<double> fromSendMs;     // from sending domain:create to the first referral
    int notServed = 0;            // created, but not answered within the bound
    QStringList errors;           // the first few problems
};

// Creates `count` domains over XRP, one after the other, each delegated to two of the shared
// out-of-zone name servers, and after each polls 127.0.0.1:dnsPort over UDP until the new domain's
// referral comes back (at most boundMs). Blocking: runs local event loops for XRP, so a dnsperf
// load started before keeps running in its own process meanwhile.
Result<ChangeDelays> measureChangeToAnswer(const xrpclient::EppClientEndpoint &endpoint, const DelegationRegistrar &registrar,
                                           const QString &tld, quint16 dnsPort, int count, int boundMs);

} // namespace reg::bench
