#pragma once

#include "messageparser.h"
#include "zone.h"

#include <QByteArray>
#include <QHostAddress>

#include <memory>

namespace reg::dns {

class TsigKeyring;

// The messages of one outgoing zone transfer (AXFR, RFC 5936, or IXFR, RFC 1995), produced one at a
// time so a TCP connection can send them with back-pressure. Holds the zone version it started
// with: a transfer is consistent even while newer versions are published.
class TransferStream
{
public:
    virtual ~TransferStream() = default;
    // The next DNS message (without the TCP length prefix); false when the transfer is complete.
    virtual bool next(QByteArray &message) = 0;
};

// Decides whether a transfer request is allowed (listed address, valid TSIG when required,
// a zone we serve) and starts it. A refusal is one message (REFUSED or NOTAUTH with a TSIG error,
// signed when the request was) returned as a stream of one.
class ZoneTransferService
{
public:
    virtual ~ZoneTransferService() = default;
    // packet/size is the whole request as received over TCP; request is its parse.
    virtual std::unique_ptr<TransferStream> start(const std::uint8_t *packet, std::size_t size, const ParsedRequest &request,
                                                  const QHostAddress &peer, std::shared_ptr<const ZoneSet> zones) = 0;
};

} // namespace reg::dns
