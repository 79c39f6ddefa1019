#include "connectionguard.h"

#include "guardedsslserver.h"

#include "core/logging.h"

#include <QSslSocket>

namespace reg::admin {

namespace {
// How long a closing connection may take to deliver its last bytes to a peer that does not read.
constexpr int closeGraceMs = 5000;
} // namespace

ConnectionGuard::ConnectionGuard(GuardedSslServer &server, QSslSocket *socket)
    : QObject(socket), m_server(&server), m_socket(socket), m_limiter(server.m_limits.maxBody, server.m_limits.maxHead),
      m_maxPipelined(qMax(1, server.m_limits.maxPipelined))
{
    ++server.m_connections;
    m_idle.setSingleShot(true);
    m_idle.setInterval(server.m_limits.idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        qCDebug(lcAdmin, "closing idle management connection from %s", qUtf8Printable(m_socket->peerAddress().toString()));
        closeSoon();
    });
    m_requestDeadline.setSingleShot(true);
    m_requestDeadline.setInterval(server.m_limits.requestTimeoutMs);
    connect(&m_requestDeadline, &QTimer::timeout, this, [this] {
        if (m_refused || !m_limiter.inRequest())
            return;
        // Every request completed before the slow one must have been dispatched for a 408 to be
        // the next answer in order; otherwise the connection just closes after what it owes.
        const int complete = m_limiter.requestsSeen() - (m_limiter.inBody() ? 1 : 0);
        refuse(ApiResponse::error(408, "request_timeout",
                                  QStringLiteral("the request was not complete within %1 ms of its first byte")
                                      .arg(m_requestDeadline.interval())),
               complete == m_dispatched);
    });
    m_idle.start();
    connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::before);
}

ConnectionGuard::~ConnectionGuard()
{
    if (m_server)
        --m_server->m_connections;
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void ConnectionGuard::attachAfter()
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::after);
}

// Runs before QHttpServer's slot. QHttpServer 6.4 reads up to the end of one request per pass
// (everything, if that request is incomplete); the limiter is shown exactly those bytes, so a
// refusal always concerns the next request in order and earlier pipelined ones are not lost.
void ConnectionGuard::before()
{
    if (m_refused) {
        drain();
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    m_availableBefore = available;
    const qint64 uninspected = available - qMin(m_inspected, available);
    if (uninspected > 0 && !m_limiter.upgraded()) {
        m_continuedAt = -1;
        const int startedBefore = m_limiter.requestsStarted();
        const QByteArray unread = m_socket->peek(available);
        qsizetype consumed = 0;
        const RequestLimiter::Verdict verdict =
            m_limiter.feedRequest(QByteArrayView(unread).sliced(unread.size() - uninspected), &consumed);
        if (verdict != RequestLimiter::Verdict::Continue) {
            refuseVerdict(verdict);
            return;
        }
        m_inspected = available - uninspected + consumed;
        // The deadline runs from the first byte of the request now in progress.
        if (!m_limiter.inRequest())
            m_requestDeadline.stop();
        else if (m_limiter.requestsStarted() != startedBefore || !m_requestDeadline.isActive())
            m_requestDeadline.start();
    }
    if (m_limiter.upgraded()) {
        m_idle.stop();
        m_requestDeadline.stop();
        return;
    }
    updateIdleTimer();
}

// Runs after QHttpServer's slot: what it read is gone from the front of the unread bytes.
void ConnectionGuard::after()
{
    const qint64 taken = qMax<qint64>(0, m_availableBefore - m_socket->bytesAvailable());
    m_inspected = qMax<qint64>(0, m_inspected - taken);
    m_availableBefore = m_socket->bytesAvailable();
    continueWithNextRequest();
}

void ConnectionGuard::drain()
{
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());
    m_inspected = 0;
    m_availableBefore = 0;
}

std::optional<quint64> ConnectionGuard::beginAnswer()
{
    if (m_refused)
        return std::nullopt;
    ++m_dispatched;
    if (int(m_answers.size()) >= m_maxPipelined) {
        refuse(ApiResponse::unavailable(QStringLiteral("more than %1 requests in progress on one connection; wait for their answers")
                                            .arg(m_maxPipelined)),
               true);
        return std::nullopt;
    }
    m_idle.stop();
    const quint64 ticket = m_nextTicket++;
    m_answers.push_back(Answer{ticket, {}});
    return ticket;
}

void ConnectionGuard::finishAnswer(quint64 ticket, Writer write)
{
    for (Answer &answer : m_answers) {
        if (answer.ticket == ticket) {
            answer.write = std::move(write);
            break;
        }
    }
    flush();
}

void ConnectionGuard::flush()
{
    // A writer can re-enter through signals emitted while writing; the outer loop finishes the job.
    if (m_flushing)
        return;
    m_flushing = true;
    while (!m_answers.empty() && m_answers.front().write) {
        const Writer write = std::move(m_answers.front().write);
        m_answers.pop_front();
        write();
    }
    m_flushing = false;
    if (m_answers.empty()) {
        updateIdleTimer();
        continueWithNextRequest();
    }
}

// QHttpServer 6.4 reads one request per readyRead and leaves the rest of a pipelined batch in
// the socket, where no further readyRead would announce it. Once everything is answered, show it
// the next request by emitting readyRead again (queued, so the current call stack unwinds first).
void ConnectionGuard::continueWithNextRequest()
{
    if (m_continueQueued || m_refused || m_limiter.upgraded() || !m_answers.empty())
        return;
    const qint64 available = m_socket->bytesAvailable();
    // Nothing left, or QHttpServer made no progress on it last time (it always consumes what it
    // can parse, so this is only a guard against looping).
    if (available == 0 || available == m_continuedAt || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_continueQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_continueQueued = false;
        if (m_refused || m_limiter.upgraded() || !m_answers.empty() || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        const qint64 unread = m_socket->bytesAvailable();
        if (unread == 0 || unread == m_continuedAt)
            return;
        m_continuedAt = unread;
        Q_EMIT m_socket->readyRead();
    }, Qt::QueuedConnection);
}

void ConnectionGuard::updateIdleTimer()
{
    if (m_refused || m_limiter.upgraded()) {
        m_idle.stop();
        return;
    }
    // Idle means no request arriving and none being answered. Bytes that start no request (blank
    // lines) do not restart the timer, so they cannot keep a connection open either.
    const bool idle = !m_limiter.inRequest() && m_answers.empty();
    if (!idle)
        m_idle.stop();
    else if (!m_idle.isActive())
        m_idle.start();
}

void ConnectionGuard::refuseVerdict(RequestLimiter::Verdict verdict)
{
    const GuardedSslServer::Limits &limits = m_server ? m_server->m_limits : GuardedSslServer::Limits{};
    ApiResponse response;
    switch (verdict) {
    case RequestLimiter::Verdict::HeadTooLarge:
        response = ApiResponse::error(431, "payload_too_large", QStringLiteral("the request head is larger than %1 bytes").arg(limits.maxHead));
        break;
    case RequestLimiter::Verdict::BodyTooLarge:
        response = ApiResponse::payloadTooLarge(limits.maxBody);
        break;
    case RequestLimiter::Verdict::LengthRequired:
        response = ApiResponse::error(411, "bad_request", QStringLiteral("chunked request bodies are not accepted; send Content-Length"));
        break;
    case RequestLimiter::Verdict::BadRequest:
    case RequestLimiter::Verdict::Continue:
        response = ApiResponse::badRequest(QStringLiteral("the Content-Length header is not a valid length"));
        break;
    }
    // Only an oversized head leaves the offending request uncounted.
    const int complete = m_limiter.requestsSeen() - (verdict == RequestLimiter::Verdict::HeadTooLarge ? 0 : 1);
    refuse(response, complete == m_dispatched);
}

void ConnectionGuard::refuse(const ApiResponse &response, bool answerIsNext)
{
    m_refused = true;
    m_idle.stop();
    m_requestDeadline.stop();
    const QString source = m_socket->peerAddress().toString();
    qCInfo(lcAdmin, "refused a request from %s with %d (%s)%s", qUtf8Printable(source), response.status,
           response.errorCode.constData(),
           answerIsNext ? "" : "; closing without an answer: earlier pipelined requests were not dispatched");
    drain();
    if (m_server)
        Q_EMIT m_server->requestRefused(response.status, source);
    // The refusal takes its place after the answers still owed; the connection closes after it.
    const QByteArray raw = answerIsNext ? rawClosingResponse(response) : QByteArray();
    m_answers.push_back(Answer{0, [this, raw] {
        if (!raw.isEmpty() && m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->write(raw);
        closeSoon();
    }});
    flush();
}

void ConnectionGuard::closeSoon()
{
    m_socket->disconnectFromHost();
    // A peer that does not read what is left to send must not keep the connection open.
    QTimer::singleShot(closeGraceMs, m_socket, [socket = m_socket] { socket->abort(); });
}

} // namespace reg::admin
