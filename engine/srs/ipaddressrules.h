#pragma once

#include "core/result.h"

#include <QHostAddress>
#include <QStringView>

namespace reg::srs {

// The address family a glue record declares (RFC 5732 section 2.5, attribute ip="v4" / "v6").
enum class IpVersion { V4, V6 };

// Parses the ip attribute of <host:addr>; absent means "v4" per RFC 5732 section 2.5.
Result<IpVersion> parseIpVersion(QStringView attribute);

// Decides whether a text address may be published as glue for a public name server: strict syntax
// (dotted-quad IPv4 without leading zeros, IPv6 without zone ids), family matching the declared version,
// and no address that is never reachable on the public Internet. Documentation ranges (RFC 5737,
// RFC 3849, RFC 9637) pass only when allowDocumentation is set, for demo and test data.
// A value type; any thread.
class IpAddressRules
{
public:
    explicit IpAddressRules(bool allowDocumentation = false) : m_allowDocumentation(allowDocumentation) {}

    bool allowsDocumentation() const { return m_allowDocumentation; }

    // The parsed address on success (its toString() is the canonical text to store).
    Result<QHostAddress> validate(QStringView text, IpVersion version) const;

private:
    bool m_allowDocumentation;
};

} // namespace reg::srs
