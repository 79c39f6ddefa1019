#pragma once

#include "monitor/proberun.h"

#include "xrpclient/eppcommandbuilder.h"

namespace reg::xrpclient {
class EppClientConnection;
}

namespace reg::monitor {

// The SRS as a registrar sees it (seed 001: "able to initiate sessions ... and perform standard
// functions"): TLS connect with the probe registrar's client certificate and the greeting
// ("connect"), login ("login"), a domain:check ("command"), logout ("logout"). A login answered
// with an EPP error is LoginRefused with the code in detail.eppCode; the password is never logged.
// Lives on the scheduler's thread.
class XrpProbe final : public ProbeRun
{
    Q_OBJECT
public:
    XrpProbe(ProbeTarget target, ProbeSettings settings, const Clock &clock, QObject *parent = nullptr);
    ~XrpProbe() override;

private:
    void begin() override;
    void abortIo() override;
    void onGreeting();
    void onLogin(const QByteArray &xml);
    void onCheck(const QByteArray &xml);
    void onConnectionFailed(const QString &message);
    QString checkedName() const;

    ProbeSettings m_settings;
    xrpclient::EppCommandBuilder m_commands{QStringLiteral("probe")};
    xrpclient::EppClientConnection *m_connection = nullptr;
    int m_checkCode = 0;
};

} // namespace reg::monitor
