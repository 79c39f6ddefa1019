#pragma once

#include "result.h"

#include <QString>

namespace reg {

// Slow, salted password hashing with scrypt (OpenSSL). The stored form carries its own parameters,
// "$scrypt$ln=15,r=8,p=1$<salt b64>$<hash b64>", so the cost can be raised later without breaking
// existing hashes. Thread-safe; each hash costs about 32 MiB and ~100 ms by design.
namespace PasswordHasher {
struct Cost
{
    int log2N = 15;
    int r = 8;
    int p = 1;
};

Result<QString> hash(const QString &password, Cost cost = {});
// Constant-time comparison; false for a malformed stored hash.
bool verify(const QString &password, const QString &storedHash);
// A random password that satisfies PasswordPolicy, for generated accounts.
QString generatePassword(int length = 20);
} // namespace PasswordHasher

} // namespace reg
