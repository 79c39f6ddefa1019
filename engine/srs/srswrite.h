#pragma once

#include "srserror.h"

#include "store/connection.h"
#include "store/writer.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace reg::srs {

// What a write command produces inside the writer's transaction: its answer, and the journal
// change that describes it (nullopt for bookkeeping that changes no registry object, such as a
// poll ack). Poll messages and ledger rows it writes go in the same transaction.
template<typename T>
struct Committed
{
    T value;
    std::optional<store::JournalChange> change;
};

// An SRS write command bound to its arguments: runs on the writer thread with the write connection.
template<typename T>
using WriteCommand = std::function<SrsOutcome<Committed<T>>(store::Connection &)>;

// Runs `command` on the writer thread in its own savepoint: a refusal rolls back everything it
// wrote and is handed to `done` as it is; a store failure becomes CommandFailed (logged, not shown).
// `done` runs on `context`'s thread after the commit, with the journal sequence (0 if none).
template<typename T>
void submitWrite(store::Writer &writer, QObject *context, WriteCommand<T> command,
                 std::function<void(SrsOutcome<T>, qint64 sequence)> done)
{
    struct Slot
    {
        std::optional<SrsOutcome<Committed<T>>> outcome;
    };
    auto slot = std::make_shared<Slot>();
    store::WriteWork work = [slot, command = std::move(command)](store::Connection &c) -> Result<std::optional<store::JournalChange>> {
        slot->outcome.emplace(command(c));
        if (!slot->outcome->ok())
            return Error(ErrorCode::Conflict, QStringLiteral("refused"));   // rolls back this command only
        return slot->outcome->value().change;
    };
    writer.submit(std::move(work), context, [slot, done = std::move(done)](Result<store::CommitReceipt> receipt) {
        if (slot->outcome && !slot->outcome->ok()) {
            done(slot->outcome->error(), 0);
        } else if (!receipt || !slot->outcome) {
            done(SrsError(Refusal::CommandFailed, QStringLiteral("the registry could not complete the command; try again")), 0);
        } else {
            done(std::move(slot->outcome->value().value), receipt->sequence);
        }
    });
}

// The blocking form, for threads without an event loop to return to (tests, command-line tools).
template<typename T>
SrsOutcome<T> runWrite(store::Writer &writer, WriteCommand<T> command)
{
    std::optional<SrsOutcome<Committed<T>>> outcome;
    Result<store::CommitReceipt> receipt = writer.submitAndWait([&](store::Connection &c) -> Result<std::optional<store::JournalChange>> {
        outcome.emplace(command(c));
        if (!outcome->ok())
            return Error(ErrorCode::Conflict, QStringLiteral("refused"));
        return outcome->value().change;
    });
    if (outcome && !outcome->ok())
        return outcome->error();
    if (!receipt || !outcome)
        return SrsError(Refusal::CommandFailed, QStringLiteral("the registry could not complete the command; try again"));
    return std::move(outcome->value().value);
}

} // namespace reg::srs
