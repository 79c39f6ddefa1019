#pragma once

#include "eppstatus.h"
#include "srserror.h"

#include "store/connection.h"

#include "core/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// Private helpers shared by the contact and host commands (not installed, not a contract).
namespace reg::srs::detail {

// Resets a cached statement when the scope ends, so a read connection never keeps a read
// transaction (and with it an old WAL snapshot) open after a command has answered.
class StatementScope
{
public:
    explicit StatementScope(store::Statement *statement) : m_statement(statement) {}
    ~StatementScope()
    {
        if (m_statement)
            m_statement->reset();
    }
    StatementScope(const StatementScope &) = delete;
    StatementScope &operator=(const StatementScope &) = delete;
    store::Statement *operator->() const { return m_statement; }

private:
    store::Statement *m_statement;
};

// A store failure becomes CommandFailed for the client; the detail goes to the log only.
SrsError storeFailure(const Error &error, const char *where);

inline qint64 toMs(const QDateTime &time) { return time.toMSecsSinceEpoch(); }
inline QDateTime fromMs(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }
std::optional<QDateTime> optionalTime(const store::Statement &statement, int column);

// Stored statuses hold only what is not computed; "ok", "linked" and "pendingTransfer" are derived
// on every read, so these helpers strip them on the way in and out.
StatusSet computedStatuses();
Result<StatusSet> parseStoredStatuses(const QString &text);
QString storedStatusText(const StatusSet &statuses);

// The check commands take 1-99 names (RFC 5730 schemas: maxOccurs 99).
constexpr int maxCheckNames = 99;
std::optional<SrsError> checkNameCount(qsizetype count, const QString &field);

// A client's add/rem of statuses, checked by checkClientStatusChange, as a refusal.
std::optional<SrsError> checkStatusChange(ObjectType type, const StatusSet &current, const StatusSet &add,
                                          const StatusSet &remove, const QString &field);

// Why a status forbids a command, in the registrar's words.
SrsError statusRefusal(EppStatus status, const QString &what, const QString &object);

} // namespace reg::srs::detail
