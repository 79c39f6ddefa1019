#include "pollqueue.h"

#include "core/logging.h"

#include <QJsonDocument>

namespace reg::srs {
namespace {

// msgID is a token to the client; ours are decimal row ids. Anything else cannot name a message.
constexpr qsizetype maxMessageIdLength = 18;

SrsError storeFailure(const Error &error)
{
    qCWarning(lcStore, "poll queue: %s", qPrintable(error.message));
    return SrsError(Refusal::CommandFailed, QStringLiteral("the registry could not complete the command; try again"));
}

std::optional<qint64> parseMessageId(const QString &text)
{
    if (text.isEmpty() || text.size() > maxMessageIdLength)
        return std::nullopt;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

// Columns id, queued_at, kind, object, message, data starting at `first`.
PollMessage readMessage(const store::Statement &st, const QString &registrarId, int first = 0)
{
    PollMessage m;
    m.id = st.int64(first);
    m.registrarId = registrarId;
    m.queuedAt = QDateTime::fromMSecsSinceEpoch(st.int64(first + 1), Qt::UTC);
    m.kind = st.text(first + 2);
    m.object = st.text(first + 3);
    m.message = st.text(first + 4);
    m.data = QJsonDocument::fromJson(st.text(first + 5).toUtf8()).object();
    return m;
}

Result<qint64> countFor(store::Connection &connection, const QString &registrarId)
{
    Result<store::Statement *> st =
        connection.prepare(QStringLiteral("SELECT count(*) FROM poll_messages WHERE registrar_id = ?1"));
    if (!st)
        return st.error();
    if (auto b = (*st)->bind(1, registrarId); !b)
        return b.error();
    Result<bool> row = (*st)->step();
    if (!row)
        return row.error();
    const qint64 count = *row ? (*st)->int64(0) : 0;
    (*st)->reset();
    return count;
}

} // namespace

Result<qint64> PollQueue::enqueue(store::Connection &connection, const QString &registrarId, const QDateTime &at,
                                  const QString &kind, const QString &object, const QString &message,
                                  const QJsonObject &data)
{
    Result<store::Statement *> st = connection.prepare(QStringLiteral(
        "INSERT INTO poll_messages (registrar_id, queued_at, kind, object, message, data) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    if (!st)
        return st.error();
    const QString json = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    if (auto b = (*st)->bindAll({registrarId, at.toMSecsSinceEpoch(), kind, object, message, json}); !b)
        return b.error();
    if (auto r = (*st)->run(); !r)
        return r.error();
    return connection.lastInsertRowId();
}

SrsOutcome<PollHead> PollQueue::req(store::Connection &reader, const RequestContext &ctx)
{
    // One statement: the oldest message with the queue's length beside it (no row: the queue is empty).
    Result<store::Statement *> st = reader.prepare(QStringLiteral(
        "SELECT id, queued_at, kind, object, message, data, "
        "       (SELECT count(*) FROM poll_messages WHERE registrar_id = ?1) "
        "FROM poll_messages WHERE registrar_id = ?1 ORDER BY id LIMIT 1"));
    if (!st)
        return storeFailure(st.error());
    if (auto b = (*st)->bind(1, ctx.registrarId); !b)
        return storeFailure(b.error());
    Result<bool> row = (*st)->step();
    if (!row)
        return storeFailure(row.error());
    PollHead head;
    if (*row) {
        head.first = readMessage(**st, ctx.registrarId);
        head.count = (*st)->int64(6);
    }
    (*st)->reset();
    return head;
}

WriteCommand<PollHead> PollQueue::ack(RequestContext ctx, QString messageId)
{
    return [ctx = std::move(ctx), messageId = std::move(messageId)](store::Connection &c) -> SrsOutcome<Committed<PollHead>> {
        // Another registrar's message answers exactly like a missing one: its existence is not ours to learn.
        const auto notFound = [&] {
            return SrsError(Refusal::NotFound, QStringLiteral("no message with this id is queued for you"),
                            QStringLiteral("msgID"), messageId);
        };
        const std::optional<qint64> id = parseMessageId(messageId);
        if (!id)
            return notFound();
        Result<store::Statement *> st = c.prepare(QStringLiteral(
            "DELETE FROM poll_messages WHERE id = ?1 AND registrar_id = ?2 "
            "RETURNING id, queued_at, kind, object, message, data"));
        if (!st)
            return storeFailure(st.error());
        if (auto b = (*st)->bindAll({*id, ctx.registrarId}); !b)
            return storeFailure(b.error());
        Result<bool> row = (*st)->step();
        if (!row)
            return storeFailure(row.error());
        if (!*row) {
            (*st)->reset();
            return notFound();
        }
        PollHead head;
        head.first = readMessage(**st, ctx.registrarId);
        if (auto done = (*st)->step(); !done)
            return storeFailure(done.error());
        (*st)->reset();
        Result<qint64> left = countFor(c, ctx.registrarId);
        if (!left)
            return storeFailure(left.error());
        head.count = *left;
        // Bookkeeping of the registrar's own mailbox: no registry object changes, so no journal entry.
        return Committed<PollHead>{std::move(head), std::nullopt};
    };
}

} // namespace reg::srs
