#pragma once

#include "core/result.h"

#include <QString>
#include <QStringView>

namespace reg::directory {

// The names a directory client sends, made into what the registry stores: A-labels, lower case,
// no trailing dot. Client input is hostile: lengths are capped before any conversion, and every
// result has passed the registry's own name rules (srs::DomainName). Value functions; any thread.

// A domain or host name in A-label or U-label form, any case, with or without the trailing dot.
// InvalidInput when it is not a valid name of at least two labels.
Result<QString> normalizeName(QStringView input);

// RFC 9082 3.2.1 partial match: one '*' in the leftmost label ("exa*.example", "ns*", "e*e.example"),
// with at least one character before it so the match is a range of the unique name index and
// never a scan of the whole table. The rest of the name after the leftmost label may be a U-label.
// Without a domain part ("exa*") the '*' also stands for the labels to the right ("example.net").
struct NamePattern
{
    QString prefix;       // before '*': [a-z0-9-]+
    QString suffix;       // after '*' (rest of the leftmost label, then ".domain" when given)
    QString from;         // the index range [from, to) holding every match
    QString to;
    bool spansLabels = false;   // no domain part: '*' may cover dots

    bool matches(QStringView name) const;
};
Result<NamePattern> parseNamePattern(QStringView input);

} // namespace reg::directory
