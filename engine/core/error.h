#pragma once

#include <QString>

namespace reg {

// What went wrong, in terms every protocol front-end can map to its own codes
// (EPP result codes, DNS RCODEs, HTTP statuses) in exactly one place each.
enum class ErrorCode {
    InvalidInput,     // malformed or out-of-range input from a client, file or command line
    NotFound,
    Conflict,         // the object exists, or a constraint would be violated
    Unauthenticated,  // no credentials, wrong credentials, expired token
    Forbidden,        // authenticated but lacking the role or ownership
    Locked,           // account locked after repeated failures
    TooLarge,         // input over a configured limit
    Unavailable,      // a resource is busy or shutting down; retrying later may work
    Timeout,
    Corrupt,          // stored data failed an integrity check (journal chain, schema)
    Internal,         // a bug or an environment failure (disk, OpenSSL); logged, never shown in detail
};

const char *errorCodeName(ErrorCode code);

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;

    Error() = default;
    Error(ErrorCode c, QString m) : code(c), message(std::move(m)) {}

    // Prefixes context ("reading registryd.conf: ") so the message says where, not just what.
    Error withContext(const QString &context) const { return {code, context + message}; }
};

} // namespace reg
