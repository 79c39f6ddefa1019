#pragma once

#include "zone.h"

#include "core/result.h"

#include <QIODevice>
#include <QString>

namespace reg::dns {

// Writes one zone version as RFC 1035 master-file text (section 5): $ORIGIN and $TTL, the SOA
// first, the apex NS set, then every other node in canonical order (RFC 4034 6.1), owner names
// absolute. Types without a presentation form here use the RFC 3597 generic syntax. The output is
// what named-checkzone and kzonecheck read, and what a secondary would get by AXFR.
class MasterFileWriter
{
public:
    static Result<void> write(const Zone &zone, QIODevice &out);
    static QString recordText(const ZoneRecord &record);   // one line, without the newline
};

} // namespace reg::dns
