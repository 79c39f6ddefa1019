#pragma once

#include "contact.h"
#include "srserror.h"

#include <QString>

#include <optional>

namespace reg::srs::ContactRules {

// Field rules for contacts (RFC 5733 and contact-1.0.xsd), each giving the refusal for the first
// value at fault, naming the element and the value. Pure functions; any thread.
//
// Limits beyond the schema, chosen here: an id is printable ASCII without spaces (the schema's token
// would allow any character; ids end up in Whois output and logs); a phone extension is 1-10 digits.
constexpr int minIdLength = 3;
constexpr int maxIdLength = 16;
constexpr int maxLineLength = 255;
constexpr int maxPostalCodeLength = 16;
constexpr int maxStreetLines = 3;
constexpr int maxPhoneLength = 17;
constexpr int maxExtensionLength = 10;
constexpr int maxEmailLength = 255;

std::optional<SrsError> checkId(const QString &id);
// 1-2 forms, at most one of each type; every form complete and valid for its type.
std::optional<SrsError> checkPostalInfoList(const QList<PostalInfo> &forms);
std::optional<SrsError> checkPostalInfo(const PostalInfo &form);
// `field` is "contact:voice" or "contact:fax"; an empty number is valid (the element is optional).
std::optional<SrsError> checkPhone(const PhoneNumber &phone, const QString &field);
std::optional<SrsError> checkEmail(const QString &email);

} // namespace reg::srs::ContactRules
