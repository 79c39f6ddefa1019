#pragma once

#include "core/result.h"

#include <QString>

#include <cstdint>

namespace reg::bench {

// The parts of an answer the benchmark checks: the header and, for a referral, the owner and type
// of the first authority record.
struct ProbeAnswer
{
    std::uint16_t rcode = 0;
    bool authoritative = false;
    bool truncated = false;
    int answers = 0;
    int authorities = 0;
    int additionals = 0;
    QString firstAuthorityOwner;          // lower-case presentation form with the trailing dot
    std::uint16_t firstAuthorityType = 0;

    // A referral to exactly `delegation` (lower-case, trailing dot): NOERROR, not authoritative,
    // no answer, the delegation's NS set first in the authority section.
    bool isReferralTo(const QString &delegation) const;
};

// A blocking UDP client for one question at a time, on loopback, for polling a server until it
// answers (cold start, change-to-answer). Not for load: dnsperf makes the load.
class DnsProbe
{
public:
    DnsProbe();
    ~DnsProbe();
    DnsProbe(const DnsProbe &) = delete;
    DnsProbe &operator=(const DnsProbe &) = delete;

    // Sends "name type IN" to 127.0.0.1:port and waits at most timeoutMs for the answer with the
    // same ID and question. An error when nothing usable came back (refused port, time-out, junk).
    Result<ProbeAnswer> query(quint16 port, const QString &name, std::uint16_t type, int timeoutMs);

private:
    int m_socket = -1;
    std::uint16_t m_nextId = 1;
};

} // namespace reg::bench
