#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace reg::setup {

// A private key and the certificate issued for it, both PEM. The key is PKCS#8 without a
// passphrase (the files holding it are 0600 and the daemon must start unattended).
struct KeyAndCertificate
{
    QByteArray privateKeyPem;
    QByteArray certificatePem;
};

struct ServerIdentity
{
    QString commonName;
    QStringList dnsNames;             // subjectAltName DNS entries
    QList<QHostAddress> addresses;    // subjectAltName IP entries
};

// The development certificate authority `registryd init` creates so that TLS works out of the box:
// a self-signed CA (10 years, CA:TRUE, keyCertSign|cRLSign) that issues the server certificate
// (serverAuth, subjectAltNames) and one client certificate per registrar (clientAuth, CN = registrar
// id). Keys are EC P-256: as strong as RSA-3072 for this purpose and fast enough to create a whole
// PKI in milliseconds. Certificates are X.509 v3 with random 127-bit serial numbers and are back-dated
// by five minutes against small clock differences. Production deployments replace these files with
// certificates from their own CA; nothing else depends on how they were made.
//
// Built with OpenSSL 3's C API. Not thread-safe per instance; owned by the caller (init).
class DevelopmentCa
{
public:
    static constexpr int caValidityDays = 3650;
    static constexpr int leafValidityDays = 825;   // the longest lifetime browsers accept for servers

    static Result<DevelopmentCa> create(const QString &commonName, const QDateTime &now);

    DevelopmentCa(DevelopmentCa &&) noexcept;
    DevelopmentCa &operator=(DevelopmentCa &&) noexcept;
    ~DevelopmentCa();

    const KeyAndCertificate &authority() const { return m_authority; }
    Result<KeyAndCertificate> issueServer(const ServerIdentity &identity, const QDateTime &now) const;
    Result<KeyAndCertificate> issueClient(const QString &commonName, const QDateTime &now) const;

private:
    struct Keys;
    DevelopmentCa(std::unique_ptr<Keys> keys, KeyAndCertificate authority);
    std::unique_ptr<Keys> m_keys;
    KeyAndCertificate m_authority;
};

// The names the server certificate carries by default: localhost, this host's name, 127.0.0.1, ::1.
ServerIdentity defaultServerIdentity();

} // namespace reg::setup
