#include "whoiswriter.h"

namespace reg::whois {

QStringList whoisHelpLines()
{
    return {
        QStringLiteral("Query syntax (one query per connection; keywords are case-insensitive):"),
        QStringLiteral("  example.tld                  a domain name (a bare name is always a domain)"),
        QStringLiteral("  domain example.tld           the same"),
        QStringLiteral("  nameserver ns1.example.tld   a name server (host); \"host ns1.example.tld\" is the same"),
        QStringLiteral("  192.0.2.1 or 2001:db8::1     the name servers using the address; \"address 192.0.2.1\" too"),
        QStringLiteral("  registrar <id or name>       one registrar, by its id or its name"),
        QStringLiteral("  registrars                   the list of registrars"),
        QStringLiteral("  help                         this text"),
        QStringLiteral("Put \"xml\" in front of any query for the XWP (XML) form: \"xml example.tld\"."),
        QStringLiteral("Internationalised names may be sent in Unicode (UTF-8); answers show both forms."),
        QStringLiteral("Dates are UTC (ISO 8601). Contact details a registrant keeps private are not shown;"),
        QStringLiteral("each contact's \"Privacy:\" line says which level applies (unrestricted, restricted, private)."),
        QStringLiteral("Custom fields of the sponsoring registrar follow \"Additional Information:\"."),
    };
}

QStringList whoisTermsOfUse()
{
    return {
        QStringLiteral("Registry Whois service (RFC 3912). The data is provided for information about domain"),
        QStringLiteral("registrations only. You may not use it to send unsolicited mail or to collect the data in"),
        QStringLiteral("bulk; queries are limited per client address. Send \"help\" for the query syntax."),
    };
}

QString whoisDate(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODate);   // "2026-11-21T14:05:00Z": whole seconds, UTC
}

} // namespace reg::whois
