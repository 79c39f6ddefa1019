#pragma once

#include "apiresponse.h"
#include "requestlimiter.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>

class QSslSocket;
class QTcpSocket;

namespace reg::admin {

class GuardedSslServer;

// One management connection's gatekeeper, between the TLS socket and QHttpServer 6.4:
//  - it sees every byte before QHttpServer does (a RequestLimiter) and refuses oversized heads and
//    bodies, chunked bodies and bad lengths before they are buffered;
//  - it keeps answers in request order. Answers are often given after an asynchronous step (scrypt,
//    chain verification), so without it a pipelined fast request would overtake a slow one. Each
//    request takes a ticket when it is dispatched and its answer is written only when every
//    earlier one has been. QHttpServer 6.4 parses one request per readyRead and leaves the rest of
//    a pipelined batch unread; the guard hands it the next one only once the connection has
//    nothing left to answer, so one connection has one request in progress at a time (at most
//    Limits::maxPipelined when the client's bytes arrive in separate reads);
//  - it times out a request whose head and body do not arrive within the request timeout
//    (slow-loris: 408, closed) and a connection idle for the idle timeout.
// Lives on the management thread; a child of its socket, so it dies with it.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    using Writer = std::function<void()>;

    ConnectionGuard(GuardedSslServer &server, QSslSocket *socket);
    ~ConnectionGuard() override;

    // The guard of a socket handed out by GuardedSslServer, or nullptr.
    static ConnectionGuard *of(QTcpSocket *socket);

    QSslSocket *socket() const { return m_socket; }
    // Connects the slot that runs after QHttpServer's readyRead handler (see GuardedSslServer).
    void attachAfter();

    // Reserves the next place in the answer order. nullopt when the connection already has
    // maxPipelined answers outstanding or is closing: the guard then answers 503 (after the
    // outstanding answers) and closes, and the caller must not answer.
    std::optional<quint64> beginAnswer();
    // Gives the answer for a ticket; write() runs once every earlier answer has been written.
    void finishAnswer(quint64 ticket, Writer write);
    int outstandingAnswers() const { return int(m_answers.size()); }

private:
    struct Answer
    {
        quint64 ticket = 0;
        Writer write;   // empty until answered
    };

    void before();
    void after();
    void drain();
    // Stops reading, queues the closing answer after those still owed (left out when answerIsNext
    // is false: earlier complete requests were never dispatched, so it would be taken for theirs).
    void refuse(const ApiResponse &response, bool answerIsNext);
    void refuseVerdict(RequestLimiter::Verdict verdict);
    void flush();
    void continueWithNextRequest();
    void updateIdleTimer();
    void closeSoon();

    QPointer<GuardedSslServer> m_server;
    QSslSocket *m_socket;
    RequestLimiter m_limiter;
    QTimer m_idle;
    QTimer m_requestDeadline;
    std::deque<Answer> m_answers;
    quint64 m_nextTicket = 1;
    int m_maxPipelined;
    int m_dispatched = 0;           // requests QHttpServer has handed to the API on this connection
    qint64 m_inspected = 0;         // unread bytes, from the front, the limiter has judged
    qint64 m_availableBefore = 0;   // unread bytes when QHttpServer's slot started
    qint64 m_continuedAt = -1;      // bytes unread when QHttpServer was last shown the next request
    bool m_refused = false;
    bool m_flushing = false;
    bool m_continueQueued = false;
};

} // namespace reg::admin
