#pragma once

#include "result.h"

#include <QStringList>

namespace reg {

// The password rules of seed 001, shared by management users and registrar users: at least six
// characters, at least one letter, at least one digit or punctuation character; no reuse of the
// two most recent passwords; valid for 90 days.
namespace PasswordPolicy {
constexpr int minLength = 6;
constexpr int maxLength = 128;
constexpr int historyDepth = 2;
constexpr qint64 lifetimeDays = 90;

// Checks the shape of a new password. Error code InvalidInput with a message a user can act on.
Result<void> checkStrength(const QString &password);
// Checks the new password against the stored hashes of the previous ones (newest first).
Result<void> checkNotReused(const QString &password, const QStringList &recentHashes);
} // namespace PasswordPolicy

} // namespace reg
