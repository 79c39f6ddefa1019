#include "monitor/rdapprobe.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

namespace reg::monitor {

RdapProbe::RdapProbe(ProbeTarget target, ProbeSettings settings, const Clock &clock, QObject *parent)
    : ProbeRun(std::move(target), clock, parent), m_settings(std::move(settings))
{
}

RdapProbe::~RdapProbe() = default;

void RdapProbe::begin()
{
    QFile caFile(m_settings.caFile);
    const QList<QSslCertificate> cas =
        caFile.open(QIODevice::ReadOnly) ? QSslCertificate::fromData(caFile.read(1024 * 1024), QSsl::Pem) : QList<QSslCertificate>();
    if (cas.isEmpty()) {
        fail(ProbeErrorKind::Config, QStringLiteral("no CA certificate in %1").arg(m_settings.caFile));
        return;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setCaCertificates(cas);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);

    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(target().host);
    url.setPort(target().port);
    url.setPath(m_settings.domain.isEmpty() ? QStringLiteral("/help") : QStringLiteral("/domain/") + m_settings.domain);
    QNetworkRequest request(url);
    request.setSslConfiguration(tls);
    request.setRawHeader("Accept", "application/rdap+json");
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    m_network = new QNetworkAccessManager(this);
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_network->setAutoDeleteReplies(false);
    setStep(QStringLiteral("the TLS handshake"));
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::encrypted, this, [this] {
        markPhase(QStringLiteral("connect"));
        setStep(QStringLiteral("the answer"));
    });
    connect(reply, &QNetworkReply::readyRead, this, [this] {
        m_body += m_reply->read(MaxBodyBytes + 1 - m_body.size());
        if (m_body.size() > MaxBodyBytes)
            fail(ProbeErrorKind::WrongAnswer, QStringLiteral("the answer is larger than %1 bytes").arg(MaxBodyBytes));
    });
    connect(reply, &QNetworkReply::finished, this, &RdapProbe::onFinished);
}

void RdapProbe::onFinished()
{
    if (finished() || !m_reply)
        return;
    const QNetworkReply::NetworkError error = m_reply->error();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        ProbeErrorKind kind = ProbeErrorKind::Network;
        if (error == QNetworkReply::ConnectionRefusedError)
            kind = ProbeErrorKind::Refused;
        else if (error == QNetworkReply::SslHandshakeFailedError)
            kind = ProbeErrorKind::Tls;
        else if (error == QNetworkReply::TimeoutError)
            kind = ProbeErrorKind::Timeout;
        return fail(kind, QStringLiteral("RDAP at %1: %2").arg(target().address(), m_reply->errorString()));
    }
    m_body += m_reply->read(MaxBodyBytes + 1 - m_body.size());
    markPhase(QStringLiteral("answer"));
    QJsonObject detail{{QStringLiteral("httpStatus"), status}, {QStringLiteral("bytes"), qint64(m_body.size())}};
    if (status != 200 && status != 404)
        return fail(ProbeErrorKind::WrongAnswer, QStringLiteral("HTTP status %1 for %2").arg(status).arg(m_reply->url().path()), detail);
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(m_body, &parseError);
    if (!json.isObject() || !json.object().value(QStringLiteral("rdapConformance")).isArray())
        return fail(ProbeErrorKind::WrongAnswer, QStringLiteral("the answer to %1 is not an RDAP JSON object with rdapConformance")
                                                     .arg(m_reply->url().path()), detail);
    succeed(detail);
}

void RdapProbe::abortIo()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_network) {
        m_network->deleteLater();
        m_network = nullptr;
    }
}

} // namespace reg::monitor
