#pragma once

#include "whoistextwriter.h"
#include "whoisxmlwriter.h"

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
    // The answer is sent as bytes then tail: a cached domain body and the footer go out as they
    // are, without being copied into one buffer first.
    struct Answer
    {
        Answer(QByteArray b, Outcome o, QByteArray t = {}) : bytes(std::move(b)), outcome(o), tail(std::move(t)) {}
        QByteArray bytes;
        Outcome outcome = Outcome::Answered;
        QByteArray tail;
    };

    explicit WhoisAnswerer(directory::Directory &directory);

    // cache, when given, keeps rendered text answers of domains, and the footer, for the calling
    // thread. Every answer is dated by the commit time of the newest change the directory has
    // applied, not by the clock: that is when the data it shows was last updated.
    Answer answer(const WhoisQuery &query, WhoisAnswerCache *cache = nullptr) const;
    const WhoisWriter &writer(bool xml) const;

private:
    directory::Directory &m_directory;
    WhoisTextWriter m_text;
    WhoisXmlWriter m_xml;
};

} // namespace reg::whois
