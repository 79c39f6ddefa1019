#include "xrpsession.h"

#include "xrpadmission.h"
#include "xrpmetrics.h"
#include "xrptransactionids.h"

#include "core/logging.h"
#include "srs/registrarlogin.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslSocket>

namespace reg::xrp {
namespace {

using namespace Qt::StringLiterals;

constexpr qint64 ReadChunk = 16 * 1024;
// Decrypted bytes Qt may hold for us; beyond it Qt stops reading the socket, so a full queue
// turns into TCP back-pressure instead of memory.
constexpr qint64 SocketReadBuffer = 64 * 1024;

// The verbs of RFC 5730 section 2.9; anything else inside <command> is 2000 "Unknown command".
bool isKnownVerb(QStringView name)
{
    static const QStringList verbs{u"check"_s, u"create"_s, u"delete"_s, u"info"_s,   u"login"_s,
                                   u"logout"_s, u"poll"_s,  u"renew"_s,  u"transfer"_s, u"update"_s};
    return verbs.contains(name);
}

// Client-supplied text in an answer or audit message: short and on one line.
QString quoted(const QString &value)
{
    QString v = value.simplified();
    if (v.size() > 64)
        v = v.left(61) + u"..."_s;
    return u'"' + v + u'"';
}

EppResponseContent responseOf(EppResult result, const QString &message = {})
{
    EppResponseContent content;
    content.result = result;
    content.message = message;
    return content;
}

// A token of the XSD (xs:token): whitespace collapsed.
QString tokenText(const EppElement *element)
{
    return element ? element->text().simplified() : QString();
}

} // namespace

XrpSession::XrpSession(QSslSocket *socket, const QHostAddress &peer, const XrpSessionEnvironment &environment, QObject *parent)
    : QObject(parent), m_env(environment), m_socket(socket), m_peer(canonicalPeerAddress(peer)), m_peerText(m_peer.toString()),
      m_frames(qsizetype(environment.config.maxFrameBytes)),
      m_xml(EppXmlLimits{.maxBytes = qsizetype(environment.config.maxFrameBytes)}),
      m_loginTimer(this), m_idleTimer(this), m_frameTimer(this), m_closeTimer(this)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(SocketReadBuffer);
    m_env.metrics->connectionsOpen.fetch_add(1, std::memory_order_relaxed);
    m_info.clientAddress = m_peerText;

    for (QTimer *timer : {&m_loginTimer, &m_idleTimer, &m_frameTimer, &m_closeTimer})
        timer->setSingleShot(true);
    // The login time-out also bounds the TLS handshake: a peer that never finishes it is closed.
    m_loginTimer.start(int(m_env.config.loginTimeoutSecs * 1000));
    connect(&m_loginTimer, &QTimer::timeout, this, [this] {
        if (!m_encrypted) {
            m_tlsError = u"TLS handshake not completed within %1 s"_s.arg(m_env.config.loginTimeoutSecs);
            onSocketError();
            return;
        }
        closeSession(EppResult::CommandFailedClosingConnection, u"timeout"_s,
                     u"no successful login within %1 s of the greeting"_s.arg(m_env.config.loginTimeoutSecs));
    });
    m_idleTimer.setInterval(int(m_env.config.idleTimeoutSecs * 1000));
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        // A slow command of ours is not idleness; a client that stopped reading its answers is.
        if (m_inFlight) {
            m_idleTimer.start();
            return;
        }
        closeSession(EppResult::CommandFailedClosingConnection, u"timeout"_s,
                     u"session idle for %1 s"_s.arg(m_env.config.idleTimeoutSecs));
    });
    connect(&m_frameTimer, &QTimer::timeout, this, [this] {
        closeSession(EppResult::CommandFailedClosingConnection, u"frame"_s,
                     u"a frame was begun but not completed within %1 s"_s.arg(m_env.config.frameTimeoutSecs));
    });
    connect(&m_closeTimer, &QTimer::timeout, this, [this] { finish(u"the client did not read the last answer"_s); });

    connect(m_socket, &QSslSocket::encrypted, this, &XrpSession::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &XrpSession::readFromSocket);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts.append(e.errorString());
        m_tlsError = texts.join(u"; "_s);
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, &XrpSession::onSocketError);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, [this] {
        if (!m_inFlight && !m_queue.empty() && !outputBlocked())
            processQueue();
    });
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        if (std::optional<EppError> truncated = m_frames.endOfStream(); truncated && !m_closing)
            audit(newTrace(u"frame"_s), eppResultCode(truncated->result), u"connection closed inside a frame: "_s + truncated->message);
        finish(m_closing ? u"closed"_s : u"the client closed the connection"_s);
    });
}

XrpSession::~XrpSession()
{
    releaseSlots();
    m_env.metrics->connectionsOpen.fetch_sub(1, std::memory_order_relaxed);
}

void XrpSession::releaseSlots()
{
    if (m_sessionCounted) {
        m_sessionCounted = false;
        m_env.admission->releaseSession(m_info.userId);
        m_env.metrics->sessionsLoggedIn.fetch_sub(1, std::memory_order_relaxed);
    }
    if (m_connectionCounted) {
        m_connectionCounted = false;
        m_env.admission->releaseConnection(m_peer);
    }
}

qint64 XrpSession::nowMs() const
{
    return m_env.services.clock->now().toMSecsSinceEpoch();
}

XrpSession::Trace XrpSession::newTrace(const QString &command) const
{
    Trace trace;
    trace.atMs = nowMs();
    trace.elapsed.start();
    trace.command = command;
    trace.serverTransactionId = m_env.transactionIds->next();
    return trace;
}

void XrpSession::onEncrypted()
{
    m_encrypted = true;
    m_certificateSha256 = m_socket->peerCertificate().digest(QCryptographicHash::Sha256);
    qCInfo(lcXrp, "XRP session from %s started (client certificate %s)", qPrintable(m_peerText),
           qPrintable(m_socket->peerCertificate().subjectInfo(QSslCertificate::CommonName).join(u", "_s)));
    // The greeting is the server's first word (RFC 5730 2.4); it is not a command, so it has no row.
    EppGreetingContent greeting{m_env.config.serverId, m_env.services.clock->now(), m_env.objectUris, m_env.extensionUris};
    if (EppOutcome<QByteArray> frame = writeEppFrame(writeEppGreeting(greeting)))
        m_socket->write(*frame);
    m_loginTimer.start(int(m_env.config.loginTimeoutSecs * 1000));   // counted from the greeting
    m_idleTimer.start();
    readFromSocket();   // a client may send its login right behind the handshake
}

void XrpSession::onSocketError()
{
    if (m_finished)
        return;
    if (!m_encrypted) {
        // No client certificate, one our CA did not sign, or no TLS at all: refused before EPP.
        const QString reason = m_tlsError.isEmpty() ? m_socket->errorString() : m_tlsError;
        m_env.metrics->handshakeFailures.fetch_add(1, std::memory_order_relaxed);
        audit(newTrace(u"tls"_s), eppResultCode(EppResult::AuthenticationErrorClosingConnection), u"TLS handshake failed: "_s + reason);
        qCInfo(lcXrp, "XRP connection from %s refused: TLS handshake failed: %s", qPrintable(m_peerText), qPrintable(reason));
        finish(u"TLS handshake failed"_s);
        return;
    }
    if (m_socket->error() != QAbstractSocket::RemoteHostClosedError)
        qCDebug(lcXrp, "XRP session from %s: %s", qPrintable(m_peerText), qPrintable(m_socket->errorString()));
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        finish(m_socket->errorString());
}

void XrpSession::readFromSocket()
{
    if (!m_encrypted || m_finished)
        return;
    if (m_closing || m_frames.hasError()) {
        m_socket->skip(m_socket->bytesAvailable());   // nothing more is read from a stream out of step
        return;
    }
    bool received = false;
    while (qsizetype(m_queue.size()) < MaxQueuedFrames && m_socket->bytesAvailable() > 0) {
        const QByteArray chunk = m_socket->read(ReadChunk);
        EppFrameReader::FeedResult fed = m_frames.feed(chunk);
        for (QByteArray &frame : fed.frames)
            m_queue.push_back(Pending{std::move(frame), std::nullopt});
        received = received || !fed.frames.isEmpty();
        if (fed.error) {
            m_queue.push_back(Pending{{}, fed.error});
            received = true;
            break;
        }
    }
    // The frame time-out measures one frame from its first byte: it restarts with every frame that
    // completes, and it does not run while the session itself stopped reading (a full queue).
    if (m_frames.hasError() || m_frames.pendingBytes() == 0 || qsizetype(m_queue.size()) >= MaxQueuedFrames)
        m_frameTimer.stop();
    else if (received || !m_frameTimer.isActive())
        m_frameTimer.start(int(m_env.config.frameTimeoutSecs * 1000));
    if (received)
        m_idleTimer.start();
    processQueue();
}

void XrpSession::processQueue()
{
    if (m_inQueueLoop)
        return;   // a synchronous answer inside handleFrame: the loop below goes on
    m_inQueueLoop = true;
    while (!m_inFlight && !m_closing && !m_finished && !m_queue.empty() && !outputBlocked()) {
        Pending next = std::move(m_queue.front());
        m_queue.pop_front();
        handleFrame(std::move(next));
    }
    m_inQueueLoop = false;
    // Room again: take what Qt buffered meanwhile (readyRead does not fire again for it).
    if (!m_closing && !m_finished && !m_inFlight && m_queue.empty() && m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &XrpSession::readFromSocket, Qt::QueuedConnection);
}

bool XrpSession::outputBlocked() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() > MaxPendingOutputBytes;
}

void XrpSession::handleFrame(Pending pending)
{
    ++m_commands;
    if (pending.framingError) {
        // The length field cannot be trusted, so neither can anything after it: answer and close.
        const EppResult result = closesSession(pending.framingError->result) ? pending.framingError->result
                                                                             : EppResult::CommandFailedClosingConnection;
        refuse(newTrace(u"frame"_s), result, pending.framingError->message);
        return;
    }
    EppOutcome<EppElement> parsed = m_xml.parse(pending.frame);
    if (!parsed) {
        refuse(newTrace(u"xml"_s), parsed.error().result, parsed.error().message);
        return;
    }
    const auto message = std::make_shared<const EppElement>(std::move(parsed).value());
    const std::vector<EppElement> &body = message->children();
    if (body.size() != 1) {
        refuse(newTrace(u"xml"_s), EppResult::CommandSyntaxError, u"<epp> must hold exactly one <hello> or <command>"_s);
        return;
    }
    const EppElement &element = body.front();
    if (element.is(EppNamespace, u"hello")) {
        sendGreeting(newTrace(u"hello"_s));
        return;
    }
    if (element.is(EppNamespace, u"command")) {
        handleCommand(message, element, newTrace(u"command"_s));
        return;
    }
    refuse(newTrace(u"xml"_s), EppResult::CommandSyntaxError,
           u"a client sends <hello> or <command>, not <%1>"_s.arg(element.name().left(64)));
}

void XrpSession::sendGreeting(Trace trace)
{
    EppGreetingContent greeting{m_env.config.serverId, m_env.services.clock->now(), m_env.objectUris, m_env.extensionUris};
    if (EppOutcome<QByteArray> frame = writeEppFrame(writeEppGreeting(greeting)))
        m_socket->write(*frame);
    m_env.metrics->countResult(eppResultCode(EppResult::Success));
    audit(trace, eppResultCode(EppResult::Success), u"greeting"_s);
}

void XrpSession::handleCommand(const std::shared_ptr<const EppElement> &message, const EppElement &command, Trace trace)
{
    const EppElement *action = nullptr;
    const EppElement *extension = nullptr;
    const EppElement *clTRID = nullptr;
    for (const EppElement &child : command.children()) {
        if (child.is(EppNamespace, u"extension"))
            extension = &child;
        else if (child.is(EppNamespace, u"clTRID"))
            clTRID = &child;
        else if (!action)
            action = &child;
        else
            return refuse(std::move(trace), EppResult::CommandSyntaxError, u"<command> holds more than one command"_s);
    }
    if (clTRID) {
        const QString id = tokenText(clTRID);
        if (id.size() < 3 || id.size() > 64)
            return refuse(std::move(trace), EppResult::CommandSyntaxError, u"<clTRID> must be 3 to 64 characters"_s);
        trace.clientTransactionId = id;
    }
    if (!action)
        return refuse(std::move(trace), EppResult::CommandSyntaxError, u"<command> holds no command"_s);
    trace.command = action->name().left(64);
    if (action->namespaceUri() != EppNamespace || !isKnownVerb(action->name()))
        return refuse(std::move(trace), EppResult::UnknownCommand, u"unknown command <%1>"_s.arg(action->name().left(64)));

    if (action->name() == u"login")
        return handleLogin(*action, std::move(trace));
    if (action->name() == u"logout")
        return answer(std::move(trace), responseOf(EppResult::SuccessEndingSession));
    if (!m_loggedIn)
        return refuse(std::move(trace), EppResult::CommandUseError, u"log in first"_s);

    const EppElement *object = nullptr;
    if (action->name() != u"poll") {
        if (action->children().empty())
            return refuse(std::move(trace), EppResult::CommandSyntaxError, u"<%1> names no object"_s.arg(action->name()));
        object = &action->children().front();
        // "domain:create" until the handler names it better: the object namespace's short name.
        const QString type = object->namespaceUri().section(u':', -1).section(u'-', 0, 0);
        if (!type.isEmpty())
            trace.command = type.left(16) + u':' + action->name();
    }

    XrpCommand xrpCommand{&command, action, object, extension, trace.clientTransactionId, trace.serverTransactionId, &m_info};
    m_inFlight = true;
    auto shared = std::make_shared<Trace>(std::move(trace));
    m_env.dispatcher(xrpCommand, m_env.services, this, [this, shared, message](EppResponseContent response, XrpAuditSubject subject) {
        if (!subject.command.isEmpty())
            shared->command = subject.command;
        shared->object = subject.object;
        m_inFlight = false;
        answer(std::move(*shared), std::move(response));
        processQueue();
    });
}

void XrpSession::handleLogin(const EppElement &login, Trace trace)
{
    const auto child = [&login](QStringView name) { return login.child(EppNamespace, name); };
    if (m_loggedIn)
        return refuse(std::move(trace), EppResult::CommandUseError, u"already logged in; log out first"_s);

    const EppElement *clID = child(u"clID");
    const EppElement *pw = child(u"pw");
    const EppElement *newPW = child(u"newPW");
    const EppElement *options = child(u"options");
    const EppElement *svcs = child(u"svcs");
    for (const auto &[element, name] : {std::pair{clID, u"clID"_s}, std::pair{pw, u"pw"_s}, std::pair{options, u"options"_s},
                                        std::pair{svcs, u"svcs"_s}}) {
        if (!element)
            return refuse(std::move(trace), EppResult::RequiredParameterMissing, u"<login> needs <%1>"_s.arg(name));
    }
    const EppElement *version = options->child(EppNamespace, u"version");
    const EppElement *lang = options->child(EppNamespace, u"lang");
    if (!version || !lang)
        return refuse(std::move(trace), EppResult::RequiredParameterMissing, u"<options> needs <version> and <lang>"_s);

    const QString userId = tokenText(clID);
    trace.object = userId.left(64);
    if (userId.size() < 3 || userId.size() > 16)
        return refuse(std::move(trace), EppResult::CommandSyntaxError, u"<clID> must be 3 to 16 characters"_s);
    // pwType allows 6-16 characters; longer ones are let through to the password check (which
    // refuses them like any wrong password) so the limit never tells an attacker anything.
    const QString password = tokenText(pw);
    if (password.isEmpty() || password.size() > 256 || (newPW && (tokenText(newPW).isEmpty() || tokenText(newPW).size() > 256)))
        return refuse(std::move(trace), EppResult::CommandSyntaxError, u"<pw> and <newPW> must be 1 to 256 characters"_s);
    if (tokenText(version) != u"1.0")
        return refuse(std::move(trace), EppResult::UnimplementedProtocolVersion,
                      u"protocol version %1 is not offered; use 1.0"_s.arg(quoted(tokenText(version))));
    if (tokenText(lang) != u"en")
        return refuse(std::move(trace), EppResult::UnimplementedOption,
                      u"language %1 is not offered; use en"_s.arg(quoted(tokenText(lang))));

    QStringList objectUris;
    for (const EppElement *uri : svcs->children(EppNamespace, u"objURI")) {
        const QString value = tokenText(uri);
        if (!m_env.objectUris.contains(value))
            return refuse(std::move(trace), EppResult::UnimplementedObjectService,
                          u"object service %1 is not offered"_s.arg(quoted(value)));
        objectUris.append(value);
    }
    if (objectUris.isEmpty())
        return refuse(std::move(trace), EppResult::RequiredParameterMissing, u"<svcs> needs at least one <objURI>"_s);
    QStringList extensionUris;
    if (const EppElement *svcExtension = svcs->child(EppNamespace, u"svcExtension")) {
        for (const EppElement *uri : svcExtension->children(EppNamespace, u"extURI")) {
            const QString value = tokenText(uri);
            if (!m_env.extensionUris.contains(value))
                return refuse(std::move(trace), EppResult::UnimplementedExtension,
                              u"extension %1 is not offered"_s.arg(quoted(value)));
            extensionUris.append(value);
        }
    }

    srs::RegistrarLoginRequest request;
    request.userId = userId;
    request.password = password;
    if (newPW)
        request.newPassword = tokenText(newPW);
    request.certificateSha256 = m_certificateSha256;
    request.peer = m_peer;
    srs::RegistrarLoginPolicy policy;
    policy.maxFailedLogins = m_env.config.maxFailedLogins;
    policy.lockoutSecs = m_env.config.lockoutSecs;
    policy.passwordLifetimeSecs = m_env.config.passwordLifetimeSecs;

    m_info.userId = userId;
    m_info.objectUris = objectUris;
    m_info.extensionUris = extensionUris;
    m_inFlight = true;
    auto shared = std::make_shared<Trace>(std::move(trace));
    m_env.login->authenticate(request, policy, this, [this, shared](const srs::RegistrarLoginResult &result) {
        m_inFlight = false;
        finishLogin(result, std::move(*shared));
        processQueue();
    });
}

void XrpSession::finishLogin(const srs::RegistrarLoginResult &result, Trace trace)
{
    using Outcome = srs::RegistrarLoginResult::Outcome;
    m_info.registrarId = result.registrarId;
    if (result.outcome == Outcome::Granted) {
        if (!m_env.admission->acquireSession(m_info.userId)) {
            return refuse(std::move(trace), EppResult::SessionLimitExceededClosingConnection,
                          u"user %1 already has the most sessions allowed at once (%2)"_s.arg(m_info.userId).arg(m_env.config.maxSessionsPerUser));
        }
        m_sessionCounted = true;
        m_loggedIn = true;
        m_loginTimer.stop();
        m_env.metrics->sessionsLoggedIn.fetch_add(1, std::memory_order_relaxed);
        qCInfo(lcXrp, "XRP session from %s: registrar %s user %s logged in", qPrintable(m_peerText), qPrintable(m_info.registrarId),
               qPrintable(m_info.userId));
        return answer(std::move(trace), responseOf(EppResult::Success));
    }

    m_info.objectUris.clear();
    m_info.extensionUris.clear();
    EppResult code = EppResult::AuthenticationError;
    QString message = result.message;
    switch (result.outcome) {
    case Outcome::Granted:
        break;
    case Outcome::InvalidCredentials:
        if (message.isEmpty())
            message = u"invalid user id or password"_s;
        break;
    case Outcome::Locked:
        if (message.isEmpty())
            message = u"user locked after repeated failed logins until %1"_s.arg(result.lockedUntil.toString(Qt::ISODate));
        break;
    case Outcome::Disabled:
        if (message.isEmpty())
            message = u"user disabled; ask the registry"_s;
        break;
    case Outcome::PasswordExpired:
        if (message.isEmpty())
            message = u"password expired; log in with <newPW> to set a new one"_s;
        break;
    case Outcome::NewPasswordRefused:
        // RFC 5730 has no code of its own for a refused newPW; 2200 with the rule that failed.
        if (message.isEmpty())
            message = u"the new password does not meet the password policy"_s;
        break;
    case Outcome::CertificateNotBound:
    case Outcome::AddressNotAllowed:
        code = EppResult::AuthenticationErrorClosingConnection;
        if (message.isEmpty())
            message = result.outcome == Outcome::CertificateNotBound ? u"the client certificate is not bound to this registrar"_s
                                                                      : u"this address is not allowed for this registrar"_s;
        break;
    }
    if (!closesSession(code) && ++m_failedLogins >= MaxFailedLogins) {
        code = EppResult::AuthenticationErrorClosingConnection;
        message += u"; too many failed logins in this session"_s;
    }
    m_info.userId.clear();
    refuse(std::move(trace), code, message);
    m_info.registrarId.clear();
}

void XrpSession::refuse(Trace trace, EppResult result, const QString &message)
{
    answer(std::move(trace), responseOf(result, message));
}

void XrpSession::answer(Trace trace, EppResponseContent content)
{
    content.clientTransactionId = trace.clientTransactionId;
    content.serverTransactionId = trace.serverTransactionId;
    EppOutcome<QByteArray> frame = writeEppFrame(writeEppResponse(content));
    if (!frame) {
        // Too big for one frame: the handler's answer cannot be sent, say so instead.
        qCWarning(lcXrp, "XRP session from %s: %s", qPrintable(m_peerText), qPrintable(frame.error().message));
        content = responseOf(EppResult::CommandFailed, u"the answer is too large to send"_s);
        content.clientTransactionId = trace.clientTransactionId;
        content.serverTransactionId = trace.serverTransactionId;
        frame = writeEppFrame(writeEppResponse(content));
    }
    if (frame && !m_finished)
        m_socket->write(*frame);
    const int code = eppResultCode(content.result);
    m_env.metrics->countResult(code);
    audit(trace, code, content.message.isEmpty() ? QString(eppResultMessage(content.result)) : content.message);
    if (!m_closing)
        m_idleTimer.start();
    if (closesSession(content.result) || content.result == EppResult::SuccessEndingSession)
        beginClose();
}

void XrpSession::audit(const Trace &trace, int resultCode, const QString &message)
{
    XrpAuditRecord record;
    record.atMs = trace.atMs;
    record.registrarId = m_info.registrarId;
    record.userId = m_info.userId.isEmpty() && trace.command == u"login" ? trace.object : m_info.userId;
    record.clientAddress = m_peerText;
    record.command = trace.command;
    record.object = trace.object;
    record.clientTransactionId = trace.clientTransactionId;
    record.serverTransactionId = trace.serverTransactionId;
    record.resultCode = resultCode;
    record.latencyUs = trace.elapsed.isValid() ? trace.elapsed.nsecsElapsed() / 1000 : 0;
    record.message = message.left(512);
    m_env.audit->record(std::move(record));
}

void XrpSession::closeSession(EppResult result, const QString &command, const QString &message)
{
    if (m_closing || m_finished)
        return;
    qCInfo(lcXrp, "XRP session from %s (user %s): closing: %s", qPrintable(m_peerText),
           qPrintable(m_info.userId.isEmpty() ? u"-"_s : m_info.userId), qPrintable(message));
    m_queue.clear();
    refuse(newTrace(command), result, message);
}

void XrpSession::shutdown(const QString &reason)
{
    if (m_finished)
        return;
    if (m_encrypted && !m_inFlight && !m_closing)
        closeSession(EppResult::CommandFailedClosingConnection, u"shutdown"_s, reason);
    m_socket->flush();
    finish(reason);
}

void XrpSession::beginClose()
{
    if (m_closing)
        return;
    m_closing = true;
    m_queue.clear();
    m_loginTimer.stop();
    m_idleTimer.stop();
    m_frameTimer.stop();
    m_socket->disconnectFromHost();   // after the last answer is written
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        finish(u"closed"_s);
    else
        m_closeTimer.start(CloseGraceMs);
}

void XrpSession::finish(const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    for (QTimer *timer : {&m_loginTimer, &m_idleTimer, &m_frameTimer, &m_closeTimer})
        timer->stop();
    m_queue.clear();
    if (m_encrypted)
        qCInfo(lcXrp, "XRP session from %s ended (registrar %s, user %s, %lld frames): %s", qPrintable(m_peerText),
               qPrintable(m_info.registrarId.isEmpty() ? u"-"_s : m_info.registrarId),
               qPrintable(m_info.userId.isEmpty() ? u"-"_s : m_info.userId), qlonglong(m_commands), qPrintable(reason));
    m_socket->abort();
    releaseSlots();   // at once, so a client that reconnects right away finds its slot free
    Q_EMIT finished();
    deleteLater();
}

} // namespace reg::xrp
