#pragma once

#include "core/clock.h"

#include <QHostAddress>
#include <QList>
#include <QPair>

#include <memory>

namespace reg::directory {

// Queries per minute per client address (seed 001: 1,000 a minute from one address, 20,000 from
// designated registrar networks), for Whois and RDAP each with its own instance. A token bucket per
// address that refills continuously, so a client over its limit is refused only until it has
// earned a query back, and told when that is. IPv6 clients are counted per /64 (one subscriber).
// Thread-safe and lock-striped; memory is bounded (idle full buckets are forgotten; when the table
// is full the least recently seen go first).
class ClientRateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        qint64 retryAfterMs = 0;    // when refused: until the next query is allowed
        bool registrar = false;     // the address is in a registrar network
    };

    ClientRateLimiter(int perMinute, int registrarPerMinute, QList<QPair<QHostAddress, int>> registrarNetworks,
                      const Clock &clock, int maxTrackedClients = 1 << 20);
    ~ClientRateLimiter();

    Decision admit(const QHostAddress &client);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace reg::directory
