#include "requestlimiter.h"

#include <QList>

namespace reg::admin {
namespace {

bool hasToken(const QByteArray &headerValue, QByteArrayView token)
{
    const QList<QByteArray> parts = headerValue.split(',');
    for (const QByteArray &part : parts) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The end of the head: the index just past the blank line, or -1.
qsizetype headEnd(const QByteArray &head)
{
    const qsizetype crlf = head.indexOf("\r\n\r\n");
    const qsizetype lf = head.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        return crlf + 4;
    if (lf >= 0)
        return lf + 2;
    return -1;
}

} // namespace

RequestLimiter::RequestLimiter(qint64 maxBody, qsizetype maxHead) : m_maxBody(maxBody), m_maxHead(maxHead) {}

RequestLimiter::Verdict RequestLimiter::feed(QByteArrayView bytes)
{
    return feed(bytes, false, nullptr);
}

RequestLimiter::Verdict RequestLimiter::feedRequest(QByteArrayView bytes, qsizetype *consumed)
{
    return feed(bytes, true, consumed);
}

RequestLimiter::Verdict RequestLimiter::feed(QByteArrayView bytes, bool stopAtRequestEnd, qsizetype *consumed)
{
    const qsizetype total = bytes.size();
    const auto finished = [&](Verdict verdict) {
        if (consumed)
            *consumed = total - bytes.size();
        return verdict;
    };
    while (!bytes.isEmpty()) {
        switch (m_state) {
        case State::Rejected:
            return finished(m_rejection);
        case State::Upgraded:
            return finished(Verdict::Continue);
        case State::Body: {
            const qint64 take = qMin<qint64>(m_bodyRemaining, bytes.size());
            m_bodyRemaining -= take;
            bytes = bytes.sliced(take);
            if (m_bodyRemaining == 0) {
                m_state = State::Head;
                if (stopAtRequestEnd)
                    return finished(Verdict::Continue);
            }
            break;
        }
        case State::Head: {
            // Blank lines between requests are allowed (RFC 9112, 2.2) and are not part of a head.
            if (m_head.isEmpty()) {
                while (!bytes.isEmpty() && (bytes.front() == '\r' || bytes.front() == '\n'))
                    bytes = bytes.sliced(1);
                if (bytes.isEmpty())
                    break;
                ++m_started;
            }
            // Keep one byte more than the cap so "exactly at the cap" and "over it" differ.
            const qsizetype before = m_head.size();
            const qsizetype room = m_maxHead + 1 - before;
            const qsizetype take = qMin<qsizetype>(room, bytes.size());
            m_head.append(bytes.first(take));
            const qsizetype end = headEnd(m_head);
            if (end < 0) {
                if (m_head.size() > m_maxHead) {
                    m_state = State::Rejected;
                    m_rejection = Verdict::HeadTooLarge;
                    m_head.clear();
                    return finished(m_rejection);
                }
                bytes = bytes.sliced(take);
                break;
            }
            const qsizetype consumedFromBytes = end - before;
            bytes = bytes.sliced(consumedFromBytes);
            const Verdict verdict = finishHead(end);
            if (verdict != Verdict::Continue) {
                m_state = State::Rejected;
                m_rejection = verdict;
                return finished(verdict);
            }
            if (stopAtRequestEnd && m_state != State::Body)
                return finished(Verdict::Continue);
            break;
        }
        }
    }
    return finished(m_state == State::Rejected ? m_rejection : Verdict::Continue);
}

RequestLimiter::Verdict RequestLimiter::finishHead(qsizetype headLength)
{
    const QByteArray head = m_head.first(headLength);
    m_head.clear();
    ++m_requests;

    bool haveLength = false;
    qint64 length = 0;
    QByteArray upgrade;
    QByteArray connection;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;   // QHttpServer rejects malformed header lines itself
        const QByteArray name = line.first(colon).trimmed().toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed();
        if (name == "content-length") {
            if (value.isEmpty() || value.size() > 18)
                return Verdict::BadRequest;
            for (char c : value) {
                if (c < '0' || c > '9')
                    return Verdict::BadRequest;
            }
            const qint64 parsed = value.toLongLong();
            if (haveLength && parsed != length)
                return Verdict::BadRequest;
            haveLength = true;
            length = parsed;
        } else if (name == "transfer-encoding") {
            return Verdict::LengthRequired;
        } else if (name == "upgrade") {
            upgrade = value;
        } else if (name == "connection") {
            connection += ',' + value;
        }
    }
    m_declaredLength = length;
    if (length > m_maxBody)
        return Verdict::BodyTooLarge;
    if (upgrade.compare("websocket", Qt::CaseInsensitive) == 0 && hasToken(connection, "upgrade")) {
        m_state = State::Upgraded;
        return Verdict::Continue;
    }
    m_bodyRemaining = length;
    m_state = length > 0 ? State::Body : State::Head;
    return Verdict::Continue;
}

} // namespace reg::admin
