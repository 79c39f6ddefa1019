#include "monitor/xrpprobe.h"

#include "xrpclient/eppclientconnection.h"
#include "xrpclient/eppresponse.h"

namespace reg::monitor {

XrpProbe::XrpProbe(ProbeTarget target, ProbeSettings settings, const Clock &clock, QObject *parent)
    : ProbeRun(std::move(target), clock, parent), m_settings(std::move(settings))
{
}

XrpProbe::~XrpProbe() = default;

QString XrpProbe::checkedName() const
{
    if (!m_settings.domain.isEmpty())
        return m_settings.domain;
    return QStringLiteral("registryd-probe.") + (m_settings.zones.isEmpty() ? QStringLiteral("invalid") : m_settings.zones.first());
}

void XrpProbe::begin()
{
    if (m_settings.registrarId.isEmpty() || m_settings.password.isEmpty()) {
        fail(ProbeErrorKind::Config, QStringLiteral("no probe registrar and password configured"));
        return;
    }
    xrpclient::EppClientEndpoint endpoint;
    endpoint.host = target().host;
    endpoint.port = target().port;
    endpoint.caFile = m_settings.caFile;
    endpoint.certificateFile = m_settings.clientCertificateFile;
    endpoint.keyFile = m_settings.clientKeyFile;
    endpoint.maxFrameBytes = 1024 * 1024;
    // Our own deadline ends the probe first; the connection's is only a backstop.
    endpoint.responseTimeoutMs = target().timeoutMs + 1000;
    m_connection = new xrpclient::EppClientConnection(this);
    connect(m_connection, &xrpclient::EppClientConnection::greetingReceived, this, &XrpProbe::onGreeting);
    connect(m_connection, &xrpclient::EppClientConnection::failed, this, &XrpProbe::onConnectionFailed);
    setStep(QStringLiteral("the greeting"));
    if (Result<void> r = m_connection->open(endpoint); !r)
        fail(ProbeErrorKind::Config, r.error().message);
}

void XrpProbe::abortIo()
{
    if (!m_connection)
        return;
    // Outstanding handlers run with an error here; finished() makes them return at once.
    m_connection->disconnect(this);
    m_connection->close();
    m_connection->deleteLater();
    m_connection = nullptr;
}

void XrpProbe::onConnectionFailed(const QString &message)
{
    if (!m_connection)
        return;
    ProbeErrorKind kind = kindOf(m_connection->socketError());
    if (!m_connection->hasGreeting() && kind == ProbeErrorKind::Network && m_connection->socketError() == QAbstractSocket::RemoteHostClosedError
        && !m_connection->isEncrypted())
        kind = ProbeErrorKind::Tls;   // the server hung up during the handshake: it refused our certificate
    fail(kind, message);
}

void XrpProbe::onGreeting()
{
    markPhase(QStringLiteral("connect"));
    setStep(QStringLiteral("the login answer"));
    xrpclient::LoginParameters login;
    login.clientId = m_settings.registrarId;
    login.password = m_settings.password;
    const xrpclient::EppCommand command = m_commands.login(login);
    m_connection->send(command.xml, command.clientTransactionId, [this](Result<QByteArray> answer) {
        if (finished())
            return;
        if (!answer)
            return fail(ProbeErrorKind::Network, answer.error().message);
        onLogin(*answer);
    });
}

void XrpProbe::onLogin(const QByteArray &xml)
{
    Result<xrpclient::EppResponse> response = xrpclient::EppResponse::parse(xml);
    if (!response || response->isGreeting)
        return fail(ProbeErrorKind::WrongAnswer, QStringLiteral("the login answer is not an EPP response: %1")
                                                     .arg(response ? QStringLiteral("a greeting") : response.error().message));
    if (!response->succeeded()) {
        const QString reason = response->reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(response->reason);
        return fail(ProbeErrorKind::LoginRefused,
                    QStringLiteral("login as %1 refused: %2 %3%4").arg(m_settings.registrarId).arg(response->resultCode).arg(response->message, reason),
                    QJsonObject{{QStringLiteral("eppCode"), response->resultCode}});
    }
    markPhase(QStringLiteral("login"));
    setStep(QStringLiteral("the domain:check answer"));
    const xrpclient::EppCommand command = m_commands.domainCheck({checkedName()});
    m_connection->send(command.xml, command.clientTransactionId, [this](Result<QByteArray> answer) {
        if (finished())
            return;
        if (!answer)
            return fail(ProbeErrorKind::Network, answer.error().message);
        onCheck(*answer);
    });
}

void XrpProbe::onCheck(const QByteArray &xml)
{
    Result<xrpclient::EppResponse> response = xrpclient::EppResponse::parse(xml);
    if (!response || response->isGreeting || !response->succeeded())
        return fail(ProbeErrorKind::WrongAnswer,
                    QStringLiteral("domain:check %1 failed: %2").arg(checkedName(), response ? QStringLiteral("%1 %2").arg(response->resultCode).arg(response->message)
                                                                                             : response.error().message),
                    QJsonObject{{QStringLiteral("eppCode"), response ? response->resultCode : 0}});
    m_checkCode = response->resultCode;
    markPhase(QStringLiteral("command"));
    setStep(QStringLiteral("the logout answer"));
    const xrpclient::EppCommand command = m_commands.logout();
    m_connection->send(command.xml, command.clientTransactionId, [this](Result<QByteArray> answer) {
        if (finished())
            return;
        if (!answer)
            return fail(ProbeErrorKind::Network, answer.error().message);
        Result<xrpclient::EppResponse> logout = xrpclient::EppResponse::parse(*answer);
        if (!logout || logout->resultCode != 1500)
            return fail(ProbeErrorKind::WrongAnswer, QStringLiteral("logout was not answered with 1500"));
        markPhase(QStringLiteral("logout"));
        succeed(QJsonObject{{QStringLiteral("eppCode"), m_checkCode}, {QStringLiteral("checked"), checkedName()}});
    });
}

} // namespace reg::monitor
