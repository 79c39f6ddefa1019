#include "servertls.h"

#include <QFile>
#include <QSslKey>

namespace reg {

Result<QList<QSslCertificate>> readPemCertificates(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidInput, QStringLiteral("cannot read the %1 %2: %3").arg(what, path, file.errorString()));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty() || certificates.first().isNull())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1 holds no PEM certificate").arg(path));
    return certificates;
}

Result<QSslConfiguration> loadServerTlsConfiguration(const TlsConfig &tls)
{
    Result<QList<QSslCertificate>> chain = readPemCertificates(tls.certificateFile, QStringLiteral("TLS certificate"));
    if (!chain)
        return chain.error();
    QFile keyFile(tls.keyFile);
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidInput, QStringLiteral("cannot read the TLS key %1: %2").arg(tls.keyFile, keyFile.errorString()));
    const QByteArray keyData = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        key = QSslKey(keyData, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(tls.keyFile));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(*chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

} // namespace reg
