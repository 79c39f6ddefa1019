#pragma once

#include "connection.h"

#include "core/result.h"

namespace reg::store {

// Versioned schema changes, applied in order at start inside one transaction each. The version
// lives in PRAGMA user_version. A database whose version is newer than latestVersion() was
// written by a newer registryd and is refused rather than guessed at.
namespace Migrations {
int latestVersion();
// Returns the schema version after migrating.
Result<int> apply(Connection &connection);
} // namespace Migrations

} // namespace reg::store
