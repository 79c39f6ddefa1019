#pragma once

#include "xrp/eppelement.h"
#include "xrp/eppresponsewriter.h"
#include "xrp/eppresult.h"

#include "srs/pollqueue.h"

#include <functional>

class QXmlStreamWriter;

namespace reg::xrp {

// RFC 5730 poll: <poll op="req"/> and <poll op="ack" msgID=".."/>, and the <msgQ> and resData of
// the answers. A message's data (PollMessage::data, JSON) says which resData goes with it:
// {"type": "domain:trnData"} or "contact:trnData" with the transfer fields, "domain:panData" with
// name, paResult, paTRID (clTRID/svTRID) and paDate; anything else is sent as text only.
// Pure functions; any thread.

struct PollCommand
{
    bool ack = false;
    QString messageId;   // ack only
};

EppOutcome<PollCommand> parsePoll(const EppElement &poll);

// The msgQ of a req answer: the message at the head of the queue.
EppMessageQueue messageQueueFor(const srs::PollMessage &message, qint64 count);

// The resData writer for a message, or an empty function when it carries none.
std::function<void(QXmlStreamWriter &)> pollMessageResData(const srs::PollMessage &message);

} // namespace reg::xrp
