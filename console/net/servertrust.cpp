#include "servertrust.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace noc {

reg::Result<ServerTrust> ServerTrust::fromProfile(const ConnectionProfile &profile)
{
    ServerTrust trust;
    if (!profile.caFile.isEmpty()) {
        QFile file(profile.caFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return reg::Error(reg::ErrorCode::InvalidInput,
                              tr("Cannot read the CA file %1: %2").arg(profile.caFile, file.errorString()));
        }
        // A CA bundle is small; anything larger is not what the user meant to choose.
        constexpr qint64 kMaxCaFileSize = 4 * 1024 * 1024;
        if (file.size() > kMaxCaFileSize) {
            return reg::Error(reg::ErrorCode::InvalidInput,
                              tr("The CA file %1 is too large to be a certificate file.").arg(profile.caFile));
        }
        trust.m_caCertificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (trust.m_caCertificates.isEmpty()) {
            return reg::Error(reg::ErrorCode::InvalidInput,
                              tr("The CA file %1 holds no PEM certificate.").arg(profile.caFile));
        }
        trust.m_caFile = profile.caFile;
    }
    if (!profile.pinnedSha256.isEmpty()) {
        trust.m_pinned = normalizedFingerprint(profile.pinnedSha256);
        if (trust.m_pinned.isEmpty()) {
            return reg::Error(reg::ErrorCode::InvalidInput,
                              tr("The pinned certificate fingerprint \"%1\" is not a SHA-256 fingerprint "
                                 "(64 hexadecimal digits).").arg(profile.pinnedSha256));
        }
    }
    return trust;
}

QString ServerTrust::sha256Fingerprint(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString ServerTrust::normalizedFingerprint(const QString &text)
{
    QByteArray hex;
    hex.reserve(64);
    for (const QChar c : text) {
        if (c == u':' || c.isSpace())
            continue;
        const char16_t u = c.unicode();
        const bool hexDigit = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
        if (!hexDigit)
            return {};
        hex.append(static_cast<char>(c.toUpper().unicode()));
        if (hex.size() > 64)
            return {};
    }
    if (hex.size() != 64)
        return {};
    return QString::fromLatin1(QByteArray::fromHex(hex).toHex(':').toUpper());
}

QSslConfiguration ServerTrust::sslConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // Setting the list (even an empty one) also stops Qt loading system roots on demand.
    config.setCaCertificates(m_caCertificates);
    return config;
}

ServerTrust::Decision ServerTrust::evaluate(const QSslCertificate &leaf, const QList<QSslError> &errors) const
{
    if (leaf.isNull())
        return {Verdict::Rejected, tr("The server presented no certificate.")};

    const QString fingerprint = sha256Fingerprint(leaf);
    const bool hostNameVerified = !m_hostNameVerified.isEmpty() && m_hostNameVerified == fingerprint;
    auto isExcused = [&](const QSslError &error, bool chainExcused) {
        if (error.error() == QSslError::HostNameMismatch)
            return hostNameVerified;
        return chainExcused && isTrustChainError(error.error());
    };
    auto unexcused = [&](bool chainExcused) {
        QList<QSslError> remaining;
        for (const QSslError &error : errors) {
            if (!isExcused(error, chainExcused))
                remaining.append(error);
        }
        return remaining;
    };

    if (usesCaFile()) {
        const QList<QSslError> remaining = unexcused(false);
        if (remaining.isEmpty())
            return {Verdict::Trusted, {}};
        return {Verdict::Rejected,
                tr("The server certificate (SHA-256 %1) does not verify against the CA file %2: %3")
                    .arg(fingerprint, m_caFile, describe(remaining))};
    }

    const QString expected = !m_pinned.isEmpty() ? m_pinned : m_sessionAccepted;
    if (!expected.isEmpty()) {
        if (fingerprint != expected) {
            return {Verdict::Rejected,
                    tr("WARNING: the server certificate has changed. Expected SHA-256 %1 but the server "
                       "presented %2. Someone may be intercepting the connection (man in the middle). "
                       "If the certificate was replaced on purpose, clear the pinned fingerprint in the "
                       "connection profile and connect again.").arg(expected, fingerprint)};
        }
        const QList<QSslError> remaining = unexcused(true);
        if (remaining.isEmpty())
            return {Verdict::Trusted, {}};
        return {Verdict::Rejected,
                tr("The pinned server certificate (SHA-256 %1) is not acceptable: %2")
                    .arg(fingerprint, describe(remaining))};
    }

    // First use: only a certificate whose sole fault is that nobody vouches for it may be offered
    // to the user; an expired certificate or a wrong host name is refused outright.
    const QList<QSslError> remaining = unexcused(true);
    if (!remaining.isEmpty()) {
        return {Verdict::Rejected,
                tr("The server certificate (SHA-256 %1) is not acceptable: %2").arg(fingerprint, describe(remaining))};
    }
    QString problem = describe(errors);
    if (problem.isEmpty())
        problem = tr("No CA file is configured and no certificate is pinned for this connection.");
    return {Verdict::NeedsApproval, problem};
}

void ServerTrust::acceptForSession(const QSslCertificate &leaf)
{
    m_sessionAccepted = sha256Fingerprint(leaf);
}

void ServerTrust::pin(const QString &sha256Fingerprint)
{
    m_pinned = normalizedFingerprint(sha256Fingerprint);
}

void ServerTrust::setHostNameVerified(const QSslCertificate &leaf)
{
    m_hostNameVerified = sha256Fingerprint(leaf);
}

bool ServerTrust::isTrustChainError(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return true;
    default:
        return false;
    }
}

QString ServerTrust::describe(const QList<QSslError> &errors)
{
    QStringList texts;
    for (const QSslError &error : errors) {
        const QString text = error.errorString();
        if (!texts.contains(text))
            texts.append(text);
    }
    return texts.join(u"; "_s);
}

} // namespace noc
