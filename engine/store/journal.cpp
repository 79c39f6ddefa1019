#include "journal.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace reg::store {
namespace {

constexpr int verifyBatch = 2000;
constexpr int maxReadLimit = 10000;

const QString selectEntries = QStringLiteral(
    "SELECT seq, committed_at, actor, kind, object, data, prev_hash, hash FROM journal "
    "WHERE seq >= ?1 ORDER BY seq LIMIT ?2");

Result<JournalEntry> entryFromRow(const Statement &row)
{
    JournalEntry entry;
    entry.sequence = row.int64(0);
    entry.time = QDateTime::fromMSecsSinceEpoch(row.int64(1), Qt::UTC);
    entry.change.actor = row.text(2);
    entry.change.kind = row.text(3);
    entry.change.object = row.text(4);
    QJsonParseError parseError;
    const QJsonDocument data = QJsonDocument::fromJson(row.blob(5), &parseError);
    if (parseError.error != QJsonParseError::NoError || !data.isObject())
        return Error(ErrorCode::Corrupt, QStringLiteral("journal entry %1 has unreadable data").arg(entry.sequence));
    entry.change.data = data.object();
    entry.prevHash = row.blob(6);
    entry.hash = row.blob(7);
    return entry;
}

} // namespace

Result<JournalHead> Journal::head(Connection &connection)
{
    Result<Statement *> stmt = connection.prepare(
        QStringLiteral("SELECT seq, hash, committed_at FROM journal ORDER BY seq DESC LIMIT 1"));
    if (!stmt)
        return stmt.error();
    Result<bool> row = (*stmt)->step();
    if (!row)
        return row.error();
    JournalHead head{0, journalGenesisHash(), {}};
    if (*row) {
        head.sequence = (*stmt)->int64(0);
        head.hash = (*stmt)->blob(1);
        head.time = QDateTime::fromMSecsSinceEpoch((*stmt)->int64(2), Qt::UTC);
    }
    (*stmt)->reset();
    return head;
}

Result<JournalEntries> Journal::read(Connection &connection, qint64 from, int limit)
{
    limit = std::clamp(limit, 0, maxReadLimit);
    Result<Statement *> stmt = connection.prepare(selectEntries);
    if (!stmt)
        return stmt.error();
    if (auto r = (*stmt)->bindAll({std::max<qint64>(from, 1), limit}); !r)
        return r.error();
    JournalEntries entries;
    for (;;) {
        Result<bool> row = (*stmt)->step();
        if (!row) {
            (*stmt)->reset();
            return row.error();
        }
        if (!*row)
            break;
        Result<JournalEntry> entry = entryFromRow(**stmt);
        if (!entry) {
            (*stmt)->reset();
            return entry.error();
        }
        entries.append(std::move(entry).value());
    }
    (*stmt)->reset();
    return entries;
}

Result<ChainVerification> Journal::verify(Connection &connection, qint64 from)
{
    from = std::max<qint64>(from, 1);
    ChainVerification report;
    QByteArray expectedPrev = journalGenesisHash();
    if (from > 1) {
        Result<JournalEntries> before = read(connection, from - 1, 1);
        if (!before)
            return before.error();
        if (before->isEmpty() || before->first().sequence != from - 1) {
            report.ok = false;
            report.firstBadSequence = from - 1;
            report.reason = QStringLiteral("entry %1 is missing").arg(from - 1);
            return report;
        }
        expectedPrev = before->first().hash;
    }
    qint64 expectedSeq = from;
    const auto fail = [&](qint64 seq, const QString &reason) {
        report.ok = false;
        report.firstBadSequence = seq;
        report.reason = reason;
        return report;
    };
    Result<Statement *> stmt = connection.prepare(selectEntries);
    if (!stmt)
        return stmt.error();
    for (;;) {
        if (auto r = (*stmt)->bindAll({expectedSeq, verifyBatch}); !r)
            return r.error();
        int rows = 0;
        for (;; ++rows) {
            Result<bool> row = (*stmt)->step();
            if (!row) {
                (*stmt)->reset();
                return row.error();
            }
            if (!*row)
                break;
            const qint64 seq = (*stmt)->int64(0);
            Result<JournalEntry> entry = entryFromRow(**stmt);
            QString problem;
            if (seq != expectedSeq)
                problem = QStringLiteral("entry %1 is missing (next is %2)").arg(expectedSeq).arg(seq);
            else if (!entry)
                problem = entry.error().message;
            else if (entry->prevHash != expectedPrev)
                problem = QStringLiteral("entry %1 does not chain to the entry before it").arg(seq);
            else if (JournalEntry::computeHash(seq, entry->time, entry->change, entry->prevHash) != entry->hash)
                problem = QStringLiteral("hash of entry %1 does not match its content").arg(seq);
            if (!problem.isEmpty()) {
                (*stmt)->reset();
                return fail(expectedSeq, problem);
            }
            expectedPrev = entry->hash;
            ++expectedSeq;
            ++report.entriesChecked;
        }
        (*stmt)->reset();
        if (rows < verifyBatch)
            break;
    }
    return report;
}

} // namespace reg::store
