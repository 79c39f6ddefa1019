#pragma once

#include "tsig.h"
#include "zonetransfer.h"

#include "core/clock.h"
#include "core/engineconfig.h"
#include "core/result.h"

#include <memory>

namespace reg::dns {

// The zone transfers registryd serves as the hidden primary: AXFR (RFC 5936) and IXFR (RFC 1995)
// over TCP, to the transfer_allowed addresses only, signed with TSIG (RFC 8945).
//
// Decisions, in order: an unlisted address is REFUSED (no key work for strangers); a TSIG that
// does not verify gets NOTAUTH with the TSIG error (BADKEY/BADSIG unsigned, BADTIME signed); no
// TSIG while require_tsig is REFUSED; a zone that is not ours (the question must be an apex) is
// NOTAUTH. An accepted transfer streams from the zone version current at the start, every
// message signed (5.3.1 chaining). IXFR answers from Zone::history(): just the SOA when the
// client is current, the deltas when history reaches back to its serial, else the whole zone.
//
// start() is called on the TCP server's thread; streams are used there too. Thread-safe: the
// service holds only immutable state (the configuration and the keyring).
class ZoneTransfers final : public ZoneTransferService
{
public:
    ZoneTransfers(const DnsConfig &config, std::shared_ptr<const TsigKeyring> keyring, const Clock &clock);

    // Loads the key file the configuration names (an empty keyring when it names none). Fails
    // when the file is missing, unsafe or malformed, or notify_key is not in it.
    static Result<std::shared_ptr<const TsigKeyring>> loadKeyring(const DnsConfig &config);

    std::unique_ptr<TransferStream> start(const std::uint8_t *packet, std::size_t size, const ParsedRequest &request,
                                          const QHostAddress &peer, std::shared_ptr<const ZoneSet> zones) override;

private:
    bool allowed(const QHostAddress &peer) const;

    const QList<QHostAddress> m_allowed;
    const bool m_requireTsig;
    const std::shared_ptr<const TsigKeyring> m_keyring;
    const Clock &m_clock;
};

} // namespace reg::dns
