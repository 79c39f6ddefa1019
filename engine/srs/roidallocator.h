#pragma once

#include "core/result.h"

#include <QString>

namespace reg::store {
class Connection;
}

namespace reg::srs {

// Repository object identifiers (RFC 5730 2.8): "D000123-REG" for domains, "C…" contacts, "H…" hosts.
// Numbers come from roid_counters inside the caller's write transaction, so they are unique for the
// life of the repository and never reused after a purge. Writer thread only.
class RoidAllocator
{
public:
    enum class Kind { Domain, Contact, Host };
    static Result<QString> next(store::Connection &writeConnection, Kind kind);
    // Raises the counter to at least `number` (the seeder loads objects with ROIDs made elsewhere).
    static Result<void> reserveUpTo(store::Connection &writeConnection, Kind kind, qint64 number);
    static QString format(Kind kind, qint64 number);
};

} // namespace reg::srs
