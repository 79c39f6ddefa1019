#pragma once

#include "whoistextwriter.h"
#include "whoisxmlwriter.h"

#include "core/clock.h"

#include <QByteArray>

namespace reg::directory {
class Directory;
}

namespace reg::whois {

struct WhoisQuery;
class WhoisAnswerCache;

// Answers one parsed query from the directory, in the form the query asked for. A lookup that
// fails in the database becomes a temporary-failure answer, never "no match". Thread-safe (the
// directory is; the writers are stateless); shared by every service thread, owned by WhoisService.
class WhoisAnswerer
{
public:
    enum class Outcome { Answered, NotFound, Failure };
    struct Answer
    {
        QByteArray bytes;
        Outcome outcome = Outcome::Answered;
    };

    WhoisAnswerer(directory::Directory &directory, const Clock &clock);

    // cache, when given, keeps rendered text answers of domains for the calling thread.
    Answer answer(const WhoisQuery &query, WhoisAnswerCache *cache = nullptr) const;
    const WhoisWriter &writer(bool xml) const;

private:
    directory::Directory &m_directory;
    const Clock &m_clock;
    WhoisTextWriter m_text;
    WhoisXmlWriter m_xml;
};

} // namespace reg::whois
