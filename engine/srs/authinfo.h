#pragma once

#include "srserror.h"

#include <QString>

namespace reg::srs {

// Authorization information of domains and contacts (the EPP <authInfo><pw>). Following RFC 9154,
// the registry keeps only a salted SHA-256 of it ("salt-hex$digest-hex") and never returns it:
// info answers carry an empty <pw/>. A fast hash is right here because the registry requires
// high-entropy values (the policy below) — unlike user passwords, which get scrypt.
namespace AuthInfo {

constexpr int minLength = 8;
constexpr int maxLength = 64;

// The policy for a new value: 8-64 printable ASCII characters, no spaces at either end, at least
// one letter and one digit or punctuation character. PolicyError with a message naming the rule;
// `field` is the element name for the error ("domain:pw").
SrsOutcome<Done> checkPolicy(const QString &password, const QString &field);

QString hash(const QString &password);                       // new random 16-byte salt each call
bool matches(const QString &stored, const QString &candidate); // constant time; false for "" or malformed

} // namespace AuthInfo
} // namespace reg::srs
