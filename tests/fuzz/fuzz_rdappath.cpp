// Fuzz target: the RDAP query path and query-string parser. Any target must give a query or an
// error, never a crash or hang; every accepted name must satisfy what the lookups rely on (an
// A-label in lower case within length limits that normalises to itself, one '*' at most).
#include "rdap/rdappath.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using reg::rdap::RdapPath;
    const QByteArrayView target(reinterpret_cast<const char *>(data), qsizetype(size));
    const RdapPath path = reg::rdap::parseRdapPath(target);
    switch (path.kind) {
    case RdapPath::Kind::Domain:
    case RdapPath::Kind::Nameserver: {
        QString why;
        if (path.name.isEmpty() || path.name.size() > reg::rdap::kMaxNameBytes || path.name != path.name.toLower()
            || reg::rdap::normalizeDomainName(path.name, &why) != path.name)
            std::abort();
        break;
    }
    case RdapPath::Kind::DomainSearch:
    case RdapPath::Kind::NameserverSearch:
        if (path.name.isEmpty() || path.name.count(u'*') > 1 || path.name.startsWith(u'*'))
            std::abort();
        break;
    case RdapPath::Kind::Entity:
        if (path.name.isEmpty() || path.name.size() > reg::rdap::kMaxHandleLength)
            std::abort();
        break;
    case RdapPath::Kind::NameserverByIp:
        if (path.address.isNull())
            std::abort();
        break;
    case RdapPath::Kind::Help:
        break;
    case RdapPath::Kind::Error:
        if (path.message.isEmpty() || (path.status != 400 && path.status != 414 && path.status != 501))
            std::abort();
        break;
    }
    if (path.kind != RdapPath::Kind::Error && size > size_t(reg::rdap::kMaxRdapTargetBytes))
        std::abort();
    return 0;
}
