#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

namespace reg::whois {

// One port-43 query, parsed (RFC 3912 leaves the syntax to the server; docs/whois.md documents
// ours). A plain value type.
//
//   [xml] <name>                       a domain name (a bare name is always a domain)
//   [xml] domain <name>
//   [xml] nameserver <name>            a host; "host <name>" is the same
//   [xml] <IPv4 or IPv6 address>       the hosts using the address; "address <ip>" is the same
//   [xml] registrar <id or name>
//   [xml] registrars                   the list of registrars
//   [xml] help                         the query syntax
//
// Keywords are case-insensitive; "xml" in front asks for the XWP (XML) form of the answer.
// Unicode names are converted to A-labels.
struct WhoisQuery
{
    enum class Type { Domain, Host, Address, Registrar, Registrars, Help };

    Type type = Type::Help;
    bool xml = false;
    QString name;            // Domain, Host: the A-label form, lower case, no trailing dot;
                             // Registrar: the id or name as asked (spaces collapsed)
    QString unicodeName;     // Domain, Host: the U-label form (equal to name when ASCII)
    QHostAddress address;    // Address
    QString text;            // the query as asked (for "No match for ..."), at most 255 characters

    static const char *typeName(Type type);  // "domain", "host", ... as DirectoryServiceCounters counts them
};

// Where a query line ends in the bytes received so far. A line ends with LF (CRLF or a bare LF);
// a line longer than maxBytes (without its terminator) is refused before its end arrives.
struct WhoisLineScan
{
    enum class State { Incomplete, Complete, TooLong };
    State state = State::Incomplete;
    qsizetype length = 0;    // Complete: the line's length including its terminator
};
WhoisLineScan scanWhoisLine(QByteArrayView received, int maxBytes);

// Parses one query line, with or without its CRLF/LF terminator. Input is hostile: longer than
// maxBytes, not UTF-8, any control character, an unknown keyword, a malformed name or address
// gives an InvalidInput/TooLarge error whose message is fit to send to the client.
Result<WhoisQuery> parseWhoisQuery(QByteArrayView line, int maxBytes = 512);

} // namespace reg::whois
