// Fuzz target: the Whois line scanner and query parser, and the text and XWP writers' answers to
// what the parser accepted or refused. Any input must give a query or an error, never a crash or
// a hang; an accepted query always holds a name, an address or nothing as its type says, and its
// names are valid A-labels within the limits.
#include "whois/whoisquery.h"
#include "whois/whoistextwriter.h"
#include "whois/whoisxmlwriter.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace reg::whois;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    // The first byte picks the limit so short and long limits are both explored.
    const int maxBytes = size > 0 ? 8 + data[0] * 2 : 512;
    const WhoisLineScan scan = scanWhoisLine(input, maxBytes);
    if (scan.state == WhoisLineScan::State::Complete && (scan.length <= 0 || scan.length > input.size()))
        std::abort();

    const QByteArrayView line = scan.state == WhoisLineScan::State::Complete ? input.first(scan.length) : input;
    const reg::Result<WhoisQuery> query = parseWhoisQuery(line, maxBytes);
    const WhoisTextWriter text;
    const WhoisXmlWriter xml;
    if (!query) {
        if (query.error().message.isEmpty())
            std::abort();
        (void)text.invalidQuery(query.error().message);
        (void)xml.invalidQuery(query.error().message);
        return 0;
    }
    switch (query->type) {
    case WhoisQuery::Type::Domain:
    case WhoisQuery::Type::Host:
        if (query->name.isEmpty() || query->name.size() > 253 || query->name != query->name.toLower()
            || query->unicodeName.isEmpty())
            std::abort();
        for (QChar c : query->name) {
            if (!(c.isDigit() || (c >= u'a' && c <= u'z') || c == u'-' || c == u'.'))
                std::abort();
        }
        break;
    case WhoisQuery::Type::Address:
        if (query->address.isNull())
            std::abort();
        break;
    case WhoisQuery::Type::Registrar:
        if (query->name.isEmpty() || query->name.size() > 255)
            std::abort();
        break;
    case WhoisQuery::Type::Registrars:
    case WhoisQuery::Type::Help:
        break;
    }
    (void)text.noMatch(*query, {});
    (void)xml.noMatch(*query, {});
    return 0;
}
