#include "whoisanswerer.h"

#include "whoisanswercache.h"
#include "whoisquery.h"

#include "whoislogging.h"
#include "directory/directory.h"

namespace reg::whois {

WhoisAnswerer::WhoisAnswerer(directory::Directory &directory)
    : m_directory(directory)
{
}

const WhoisWriter &WhoisAnswerer::writer(bool xml) const
{
    if (xml)
        return m_xml;
    return m_text;
}

WhoisAnswerer::Answer WhoisAnswerer::answer(const WhoisQuery &query, WhoisAnswerCache *cache) const
{
    const WhoisWriter &out = writer(query.xml);
    // Read before the lookup: the data found is at least as recent as this.
    const WhoisAnswerContext context{m_directory.appliedTime()};
    const auto failure = [&](const Error &error) {
        // The message may name tables or files: logged for operators, not sent to the public.
        qCWarning(lcWhois, "whois: %s lookup failed: %s", WhoisQuery::typeName(query.type), qUtf8Printable(error.message));
        return Answer{out.temporaryFailure(), Outcome::Failure};
    };
    const auto notFound = [&]() { return Answer{out.noMatch(query, context), Outcome::NotFound}; };

    switch (query.type) {
    case WhoisQuery::Type::Help:
        return {out.help(context), Outcome::Answered};
    case WhoisQuery::Type::Domain: {
        auto domain = m_directory.domain(query.name);
        if (!domain)
            return failure(domain.error());
        if (!*domain)
            return notFound();
        if (cache && !query.xml) {
            QByteArray body = cache->body(*domain, [this](const directory::DomainView &view) { return m_text.domainBody(view); });
            QByteArray footer = cache->footer(context.databaseUpdated, [&]() { return m_text.footer(context); });
            return {std::move(body), Outcome::Answered, std::move(footer)};
        }
        return {out.domain(**domain, context), Outcome::Answered};
    }
    case WhoisQuery::Type::Host: {
        auto host = m_directory.host(query.name);
        if (!host)
            return failure(host.error());
        if (!*host)
            return notFound();
        return {out.hosts({*host}, context), Outcome::Answered};
    }
    case WhoisQuery::Type::Address: {
        auto hosts = m_directory.hostsWithAddress(query.address);
        if (!hosts)
            return failure(hosts.error());
        if (hosts->isEmpty())
            return notFound();
        return {out.hosts(*hosts, context), Outcome::Answered};
    }
    case WhoisQuery::Type::Registrar: {
        auto registrar = m_directory.registrar(query.name);
        if (!registrar)
            return failure(registrar.error());
        if (!*registrar)
            return notFound();
        return {out.registrar(**registrar, context), Outcome::Answered};
    }
    case WhoisQuery::Type::Registrars: {
        auto registrars = m_directory.registrars();
        if (!registrars)
            return failure(registrars.error());
        return {out.registrars(*registrars, context), Outcome::Answered};
    }
    }
    return notFound();
}

} // namespace reg::whois
