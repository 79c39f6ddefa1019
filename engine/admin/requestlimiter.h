#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace reg::admin {

// Follows the HTTP/1.1 request stream of one connection byte by byte, ahead of QHttpServer, and
// says when a request must be refused before it is buffered: a head over maxHead, a declared
// Content-Length over maxBody, a chunked body (refused outright: with no length up front the
// server would have to buffer to find out), or an unreadable Content-Length. It keeps at most
// maxHead bytes. After a WebSocket upgrade it stops inspecting: frames have their own limits.
// A value type owned by one connection's guard; not thread-safe.
class RequestLimiter
{
public:
    enum class Verdict { Continue, HeadTooLarge, BodyTooLarge, LengthRequired, BadRequest };

    static constexpr qsizetype defaultMaxHead = 16 * 1024;

    explicit RequestLimiter(qint64 maxBody, qsizetype maxHead = defaultMaxHead);

    // Feeds the next bytes of the stream. Once a verdict other than Continue is returned, every
    // later call returns it again.
    Verdict feed(QByteArrayView bytes);
    // The same, but stops at the end of the request in progress (after its body, if any), with
    // *consumed set to the bytes taken: exactly what QHttpServer 6.4 reads in one pass, so the
    // bytes of a later pipelined request are judged only when it comes up.
    Verdict feedRequest(QByteArrayView bytes, qsizetype *consumed);

    bool upgraded() const { return m_state == State::Upgraded; }
    bool inBody() const { return m_state == State::Body; }
    // True between the first byte of a request (blank lines between requests do not count) and
    // its last: what a request timeout measures.
    bool inRequest() const { return m_state == State::Body || (m_state == State::Head && !m_head.isEmpty()); }
    qint64 declaredLength() const { return m_declaredLength; }
    int requestsSeen() const { return m_requests; }      // heads completed
    int requestsStarted() const { return m_started; }   // heads begun

private:
    enum class State { Head, Body, Upgraded, Rejected };
    Verdict feed(QByteArrayView bytes, bool stopAtRequestEnd, qsizetype *consumed);
    Verdict finishHead(qsizetype headLength);

    qint64 m_maxBody;
    qsizetype m_maxHead;
    State m_state = State::Head;
    Verdict m_rejection = Verdict::Continue;
    QByteArray m_head;
    qint64 m_bodyRemaining = 0;
    qint64 m_declaredLength = 0;
    int m_requests = 0;
    int m_started = 0;
};

} // namespace reg::admin
