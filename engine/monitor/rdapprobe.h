#pragma once

#include "monitor/proberun.h"

#include <QByteArray>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace reg::monitor {

// RDAP (RFC 7480, 9083) over HTTPS: GET /domain/<name> (or /help when no name is configured)
// with the server certificate verified against the configured CA. The TCP and TLS handshake is
// "connect", the rest of the exchange "answer". A 200 (or a 404, which RDAP answers with a JSON
// error body) is good when the body is a JSON object naming rdapConformance. A fresh connection
// each time, so the time includes the handshake as a client's first request would.
// Lives on the scheduler's thread.
class RdapProbe final : public ProbeRun
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxBodyBytes = 1024 * 1024;

    RdapProbe(ProbeTarget target, ProbeSettings settings, const Clock &clock, QObject *parent = nullptr);
    ~RdapProbe() override;

private:
    void begin() override;
    void abortIo() override;
    void onFinished();

    ProbeSettings m_settings;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
};

} // namespace reg::monitor
