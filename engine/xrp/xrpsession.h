#pragma once

#include "eppframereader.h"
#include "eppxmlreader.h"
#include "xrpaudit.h"
#include "xrpsessionenvironment.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

class QSslSocket;

namespace reg::srs {
struct RegistrarLoginResult;
}

namespace reg::xrp {

// One registrar connection to the XRP port (RFC 5730/5734), from the TLS handshake to the close.
// It sends the greeting, splits the stream into frames, parses each one, and handles what belongs
// to the session itself: <hello>, <login> (version, language, services, RegistrarLogin, the
// per-user session limit, at most MaxFailedLogins attempts), <logout>, commands before login, and
// the login, idle and frame time-outs. Every other command of a logged-in session goes to the
// dispatcher. Commands are answered strictly in the order they arrived: while one is in flight (or
// while the client has not taken MaxPendingOutputBytes of earlier answers) the next frames wait in
// a queue of at most MaxQueuedFrames, and while that is full the session stops reading, so TCP
// pushes back on a client that sends faster than it reads. Every command and
// every refusal (framing, XML, TLS) gets an audit row.
// Choices where the RFCs leave room: time-outs (login, idle, frame) and engine shutdown send a
// last 2500 naming the reason before closing, so the client's log says why; an impossible or
// oversized frame length is answered 2500 and closes (the stream cannot be resynchronised),
// while invalid XML in a well-framed message is 2001 and the session goes on; a refused <newPW>
// is 2200 with the policy rule in <msg> (RFC 5730 has no code of its own for it); <pw> longer
// than pwType's 16 characters is not refused for syntax but checked like any password (so the
// generated demo passwords work); the third failed login of a session answers 2501 and closes.
// Lives on its worker thread; owned by the XrpWorker (parent), deletes itself once closed.
class XrpSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxQueuedFrames = 16;
    static constexpr int MaxFailedLogins = 3;
    static constexpr int CloseGraceMs = 5000;   // a closing session waits this long for its last answer to drain
    // Answers not yet taken by the client; past this the session stops answering (and so, once its
    // queue is full, reading), so a client that sends without reading cannot make the server buffer
    // its answers without bound.
    static constexpr qint64 MaxPendingOutputBytes = 256 * 1024;

    // Takes ownership of socket, whose descriptor is set; the caller starts server encryption after.
    XrpSession(QSslSocket *socket, const QHostAddress &peer, const XrpSessionEnvironment &environment, QObject *parent = nullptr);
    ~XrpSession() override;

    // Engine shutdown: a last 2500 answer when no command is in flight, then the connection closes.
    void shutdown(const QString &reason);

    bool isLoggedIn() const { return m_loggedIn; }

Q_SIGNALS:
    void finished();

private:
    // What the audit row and the answer of one command need to know, from its arrival on.
    struct Trace
    {
        qint64 atMs = 0;
        QElapsedTimer elapsed;
        QString command;
        QString object;
        QString clientTransactionId;
        QString serverTransactionId;
    };
    struct Pending
    {
        QByteArray frame;
        std::optional<EppError> framingError;   // the stream is out of step: answer, then close
    };

    void onEncrypted();
    void onSocketError();
    void readFromSocket();
    void processQueue();
    bool outputBlocked() const;
    void handleFrame(Pending pending);
    void handleCommand(const std::shared_ptr<const EppElement> &message, const EppElement &command, Trace trace);
    void handleLogin(const EppElement &login, Trace trace);
    void finishLogin(const srs::RegistrarLoginResult &result, Trace trace);
    void sendGreeting(Trace trace);
    void answer(Trace trace, EppResponseContent content);
    void refuse(Trace trace, EppResult result, const QString &message);
    void audit(const Trace &trace, int resultCode, const QString &message);
    void closeSession(EppResult result, const QString &command, const QString &message);   // a final 25xx, unprompted
    void beginClose();
    void finish(const QString &reason);
    void releaseSlots();
    Trace newTrace(const QString &command) const;
    qint64 nowMs() const;

    const XrpSessionEnvironment &m_env;
    QSslSocket *m_socket;
    QHostAddress m_peer;
    QString m_peerText;
    EppFrameReader m_frames;
    EppXmlReader m_xml;
    std::deque<Pending> m_queue;
    QTimer m_loginTimer;
    QTimer m_idleTimer;
    QTimer m_frameTimer;
    QTimer m_closeTimer;
    QByteArray m_certificateSha256;
    QString m_tlsError;
    XrpSessionInfo m_info;
    int m_failedLogins = 0;
    qint64 m_commands = 0;
    bool m_connectionCounted = true;   // the server acquired the admission slot for us
    bool m_encrypted = false;
    bool m_loggedIn = false;
    bool m_sessionCounted = false;
    bool m_inFlight = false;
    bool m_inQueueLoop = false;
    bool m_closing = false;
    bool m_finished = false;
};

} // namespace reg::xrp
