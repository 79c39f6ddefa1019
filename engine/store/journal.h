#pragma once

#include "connection.h"
#include "journalentry.h"

#include "core/result.h"

namespace reg::store {

struct JournalHead
{
    qint64 sequence = 0;
    QByteArray hash;     // journalGenesisHash() for an empty journal
    QDateTime time;
};

struct ChainVerification
{
    bool ok = true;
    qint64 entriesChecked = 0;
    qint64 firstBadSequence = 0;  // 0 when ok
    QString reason;
};

// Reading the journal through any connection. Stateless; every function is safe on any thread
// with that thread's own connection.
namespace Journal {
Result<JournalHead> head(Connection &connection);
// Entries with sequence >= from, in order, at most limit of them.
Result<JournalEntries> read(Connection &connection, qint64 from, int limit);
// Recomputes the chain from sequence `from` (1 = all) to the head: finds gaps, edits, reordering.
Result<ChainVerification> verify(Connection &connection, qint64 from = 1);
} // namespace Journal

} // namespace reg::store
