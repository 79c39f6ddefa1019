#pragma once

#include "connection.h"
#include "journalentry.h"

#include "core/clock.h"
#include "core/result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace reg::store {

class WriterPrivate;

struct CommitReceipt
{
    qint64 sequence = 0;   // the journal entry written for this work, 0 if it wrote none
    QDateTime committedAt;
};

// A unit of work run on the writer thread inside the group transaction. It reads and writes through
// the given connection and returns the journal change to record with it (nullopt for bookkeeping
// that is not a registry change, such as a failed-login counter). Returning an Error rolls back
// this work only; the other work in the same group still commits.
using WriteWork = std::function<Result<std::optional<JournalChange>>(Connection &)>;

// The writer thread: owns the only write connection and commits in groups. Work submitted while a
// transaction is in progress is queued and committed together in the next transaction (one fsync
// for many commands); each caller is answered only after its own work is durable. Journal entries
// are numbered and hash-chained here, so the chain has exactly one author.
// Created by Store; thread-safe to submit from any thread.
class Writer : public QObject
{
    Q_OBJECT
public:
    ~Writer() override;

    // Asynchronous: done runs on context's thread after the commit (or failure). If context is
    // destroyed first, the work still commits but done is not called.
    void submit(WriteWork work, QObject *context, std::function<void(Result<CommitReceipt>)> done);
    // Blocking: for threads without an event loop to return to (setup, command-line tools, tests).
    Result<CommitReceipt> submitAndWait(WriteWork work);

    // Finishes queued work, then stops accepting more; later submissions fail with Unavailable.
    void shutdown();

    qint64 commitCount() const;   // transactions committed, for /metrics
    qint64 journalHead() const;   // sequence of the newest committed entry

Q_SIGNALS:
    // Emitted on the writer thread after each group commit, with its entries in sequence order.
    void committed(const reg::store::JournalEntries &entries);

private:
    friend class Store;
    Writer(std::unique_ptr<Connection> connection, const Clock &clock, int maxBatch, qint64 head, QByteArray headHash);
    std::unique_ptr<WriterPrivate> d;
};

} // namespace reg::store
