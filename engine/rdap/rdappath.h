#pragma once

#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

namespace reg::rdap {

// What an RDAP request target asks for (RFC 9082), validated and normalised: names are A-labels in
// lower case without a trailing dot, whatever form the client sent (RFC 9082 3.1.3 lets it send
// U-labels); patterns keep their one '*'.
struct RdapPath
{
    enum class Kind {
        Domain,             // /domain/<name>
        Nameserver,         // /nameserver/<name>
        Entity,             // /entity/<handle>
        Help,               // /help
        DomainSearch,       // /domains?name=<pattern>
        NameserverSearch,   // /nameservers?name=<pattern>
        NameserverByIp,     // /nameservers?ip=<address>
        Error,              // answer with status and message
    };
    Kind kind = Kind::Error;
    QString name;           // Domain, Nameserver: the A-label name; searches: the pattern; Entity: the handle
    QHostAddress address;   // NameserverByIp
    int status = 400;       // Error: 400 malformed or unknown, 414 too long, 501 known but not served
    QString message;        // Error: what is wrong, for the RDAP error body

    // The statistics key (DirectoryServiceCounters::byType).
    const char *typeName() const;
};

inline constexpr qsizetype kMaxRdapTargetBytes = 2048;
inline constexpr int kMaxNameBytes = 253;       // RFC 1035 2.3.4, without the trailing dot
inline constexpr int kMaxHandleLength = 64;

// Parses a request target in origin-form ("/domain/example.test?x=y") below the service's base
// path. Hostile input: the target is capped at kMaxRdapTargetBytes, percent-escapes must be
// complete and decode to UTF-8 without control characters, each name is checked label by label
// (letters, digits and hyphens, 1-63 bytes, no hyphen at either end) after IDNA conversion, a
// search pattern has at most one '*' and only at the end of its leftmost label, after at least
// one character, and a query parameter may appear once. Thread-safe.
RdapPath parseRdapPath(QByteArrayView target);

// The A-label form of `name` (any case, optional trailing dot, U-labels allowed), or an empty
// string with *why set when it is not a valid host name.
QString normalizeDomainName(const QString &name, QString *why);

} // namespace reg::rdap
