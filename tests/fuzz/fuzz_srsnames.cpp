// Fuzz target: the registry's name, address and status parsers. Any input must give a value or an
// error, never a crash or hang; every accepted value must satisfy the invariants the rest of the SRS
// relies on (lower-case, within length limits, re-parses to itself).
#include "srs/domainname.h"
#include "srs/eppstatus.h"
#include "srs/ipaddressrules.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList tlds{u"example"_s, u"co.example"_s, u"xn--p1ai"_s};

    const reg::Result<reg::srs::DomainName> name = reg::srs::DomainName::parse(text);
    if (name.ok()) {
        const QString &stored = name->toString();
        if (stored.size() > 253 || stored != stored.toLower() || stored.endsWith(u'.') || name->labelCount() < 2)
            std::abort();
        const reg::Result<reg::srs::DomainName> again = reg::srs::DomainName::parse(stored);
        if (!again.ok() || *again != *name)
            std::abort();
        (void)name->checkRegistrable(tlds);
    }
    const reg::Result<reg::srs::HostName> host = reg::srs::HostName::parse(text);
    if (host.ok()) {
        const reg::Result<reg::srs::DomainName> parent = host->superordinateDomain(tlds);
        if (parent.ok() && (!host->isSubordinateTo(*parent) || !parent->checkRegistrable(tlds).ok()))
            std::abort();
    }
    (void)reg::srs::decodePunycode(text);

    for (bool documentation : {false, true}) {
        for (auto version : {reg::srs::IpVersion::V4, reg::srs::IpVersion::V6}) {
            const reg::Result<QHostAddress> address = reg::srs::IpAddressRules(documentation).validate(text, version);
            if (address.ok()) {
                const bool v4 = address->protocol() == QAbstractSocket::IPv4Protocol;
                if (v4 != (version == reg::srs::IpVersion::V4))
                    std::abort();
                // The canonical form must itself be accepted (it is what gets stored).
                if (!reg::srs::IpAddressRules(documentation).validate(address->toString(), version).ok())
                    std::abort();
            }
        }
    }

    const reg::Result<reg::srs::StatusSet> statuses = reg::srs::StatusSet::fromNames(text.split(u' '));
    if (statuses.ok()) {
        for (auto type : {reg::srs::ObjectType::Domain, reg::srs::ObjectType::Host, reg::srs::ObjectType::Contact}) {
            if (statuses->validate(type).ok() && statuses->normalized(type).names().isEmpty())
                std::abort();
        }
    }
    return 0;
}
