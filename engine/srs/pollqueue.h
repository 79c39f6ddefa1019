#pragma once

#include "srscontext.h"
#include "srserror.h"
#include "srswrite.h"

#include "store/connection.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace reg::srs {

// One service message (RFC 5730 2.9.2.3). `data` says what resData the XRP port renders with it:
// {"type": "domain:trnData", ...TransferInfo fields} for transfers, {"type": "domain:panData"} for
// pending actions, {"type": "rgp-poll:pollData"} and so on; {} for a message with text only.
struct PollMessage
{
    qint64 id = 0;
    QString registrarId;
    QDateTime queuedAt;
    QString kind;               // transfer, autoRenew, delete, purge, lowBalance, hostRename ...
    QString object;
    QString message;            // human-readable, English
    QJsonObject data;
};

struct PollHead
{
    qint64 count = 0;                  // messages queued for the registrar
    std::optional<PollMessage> first;  // the oldest, if any
};

// The per-registrar message queue. enqueue() is called by other commands inside their transaction;
// req() reads; ack() removes the message (only the registrar's own; 2303 otherwise).
class PollQueue
{
public:
    static Result<qint64> enqueue(store::Connection &connection, const QString &registrarId, const QDateTime &at,
                                  const QString &kind, const QString &object, const QString &message,
                                  const QJsonObject &data = {});
    static SrsOutcome<PollHead> req(store::Connection &reader, const RequestContext &ctx);
    // Answers the count left and the id acknowledged.
    static WriteCommand<PollHead> ack(RequestContext ctx, QString messageId);
};

} // namespace reg::srs
