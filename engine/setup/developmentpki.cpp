#include "developmentpki.h"

#include <QRegularExpression>
#include <QSysInfo>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <utility>

namespace reg::setup {
namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME, X509_NAME_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

constexpr const char organisation[] = "registryd development";
constexpr qint64 backdateSecs = 5 * 60;

Error opensslError(const QString &what)
{
    QString detail;
    while (const unsigned long e = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(e, buffer, sizeof buffer);
        if (!detail.isEmpty())
            detail += QStringLiteral("; ");
        detail += QString::fromLatin1(buffer);
    }
    return Error(ErrorCode::Internal, what + QStringLiteral(": ") + (detail.isEmpty() ? QStringLiteral("unknown OpenSSL error") : detail));
}

Result<KeyPtr> generateKey()
{
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return opensslError(QStringLiteral("generating an EC P-256 key"));
    return key;
}

Result<NamePtr> makeName(const QString &commonName)
{
    NamePtr name(X509_NAME_new());
    const QByteArray cn = commonName.toUtf8();
    if (!name
        || !X509_NAME_add_entry_by_txt(name.get(), "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(organisation), -1, -1, 0)
        || !X509_NAME_add_entry_by_txt(name.get(), "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0))
        return opensslError(QStringLiteral("building the name \"%1\"").arg(commonName));
    return name;
}

struct Extension
{
    int nid;
    QByteArray value;   // OpenSSL configuration syntax, e.g. "critical,CA:TRUE"
};

// Builds and signs one certificate. issuer == nullptr makes it self-signed with subjectKey.
Result<X509Ptr> buildCertificate(EVP_PKEY *subjectKey, X509_NAME *subject, X509 *issuer, EVP_PKEY *issuerKey,
                                 const QDateTime &now, int validityDays, const QList<Extension> &extensions)
{
    X509Ptr cert(X509_new());
    BnPtr serial(BN_new());
    if (!cert || !serial)
        return opensslError(QStringLiteral("allocating a certificate"));
    // 127 random bits with the top bit set: positive, never zero, and unguessable as RFC 5280 advises.
    if (!X509_set_version(cert.get(), X509_VERSION_3)
        || !BN_rand(serial.get(), 127, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY)
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return opensslError(QStringLiteral("setting the serial number"));

    const qint64 start = now.toSecsSinceEpoch() - backdateSecs;
    const qint64 end = now.toSecsSinceEpoch() + qint64(validityDays) * 86400;
    if (!ASN1_TIME_set(X509_getm_notBefore(cert.get()), time_t(start)) || !ASN1_TIME_set(X509_getm_notAfter(cert.get()), time_t(end)))
        return opensslError(QStringLiteral("setting the validity period"));

    if (!X509_set_subject_name(cert.get(), subject)
        || !X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : subject)
        || !X509_set_pubkey(cert.get(), subjectKey))
        return opensslError(QStringLiteral("setting subject, issuer and key"));

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer ? issuer : cert.get(), cert.get(), nullptr, nullptr, 0);
    for (const Extension &e : extensions) {
        ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, e.nid, e.value.constData()));
        if (!ext || !X509_add_ext(cert.get(), ext.get(), -1))
            return opensslError(QStringLiteral("adding the extension %1 = %2").arg(QLatin1StringView(OBJ_nid2sn(e.nid)), QString::fromLatin1(e.value)));
    }
    if (!X509_sign(cert.get(), issuerKey, EVP_sha256()))
        return opensslError(QStringLiteral("signing the certificate"));
    return cert;
}

Result<QByteArray> toPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || !PEM_write_bio_X509(bio.get(), cert))
        return opensslError(QStringLiteral("encoding a certificate"));
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(size));
}

Result<QByteArray> toPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || !PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr))
        return opensslError(QStringLiteral("encoding a private key"));
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    QByteArray pem(data, qsizetype(size));
    // The memory BIO is freed with the key material still in it; clear it first.
    OPENSSL_cleanse(data, size_t(size));
    return pem;
}

Result<KeyAndCertificate> encode(EVP_PKEY *key, X509 *cert)
{
    Result<QByteArray> keyPem = toPem(key);
    if (!keyPem)
        return keyPem.error();
    Result<QByteArray> certPem = toPem(cert);
    if (!certPem)
        return certPem.error();
    return KeyAndCertificate{std::move(*keyPem), std::move(*certPem)};
}

bool isDnsName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    return re.match(name).hasMatch();
}

} // namespace

struct DevelopmentCa::Keys
{
    KeyPtr key;
    X509Ptr certificate;
};

DevelopmentCa::DevelopmentCa(std::unique_ptr<Keys> keys, KeyAndCertificate authority)
    : m_keys(std::move(keys)), m_authority(std::move(authority))
{
}

DevelopmentCa::DevelopmentCa(DevelopmentCa &&) noexcept = default;
DevelopmentCa &DevelopmentCa::operator=(DevelopmentCa &&) noexcept = default;
DevelopmentCa::~DevelopmentCa() = default;

Result<DevelopmentCa> DevelopmentCa::create(const QString &commonName, const QDateTime &now)
{
    Result<KeyPtr> key = generateKey();
    if (!key)
        return key.error();
    Result<NamePtr> name = makeName(commonName);
    if (!name)
        return name.error();
    Result<X509Ptr> cert = buildCertificate(key->get(), name->get(), nullptr, key->get(), now, caValidityDays,
                                            {{NID_basic_constraints, "critical,CA:TRUE"},
                                             {NID_key_usage, "critical,keyCertSign,cRLSign"},
                                             {NID_subject_key_identifier, "hash"},
                                             {NID_authority_key_identifier, "keyid:always"}});
    if (!cert)
        return cert.error().withContext(QStringLiteral("creating the development CA: "));
    Result<KeyAndCertificate> pem = encode(key->get(), cert->get());
    if (!pem)
        return pem.error();
    auto keys = std::make_unique<Keys>();
    keys->key = std::move(*key);
    keys->certificate = std::move(*cert);
    return DevelopmentCa(std::move(keys), std::move(*pem));
}

Result<KeyAndCertificate> DevelopmentCa::issueServer(const ServerIdentity &identity, const QDateTime &now) const
{
    QStringList altNames;
    for (const QString &dns : identity.dnsNames) {
        if (!isDnsName(dns))
            return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a valid DNS name for a certificate").arg(dns));
        altNames << QStringLiteral("DNS:") + dns;
    }
    for (const QHostAddress &address : identity.addresses) {
        if (address.isNull())
            return Error(ErrorCode::InvalidInput, QStringLiteral("a server certificate address must not be empty"));
        altNames << QStringLiteral("IP:") + address.toString();
    }
    if (altNames.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("a server certificate needs at least one DNS name or address"));

    Result<KeyPtr> key = generateKey();
    if (!key)
        return key.error();
    Result<NamePtr> name = makeName(identity.commonName);
    if (!name)
        return name.error();
    Result<X509Ptr> cert = buildCertificate(key->get(), name->get(), m_keys->certificate.get(), m_keys->key.get(), now,
                                            leafValidityDays,
                                            {{NID_basic_constraints, "critical,CA:FALSE"},
                                             {NID_key_usage, "critical,digitalSignature,keyAgreement"},
                                             {NID_ext_key_usage, "serverAuth"},
                                             {NID_subject_alt_name, altNames.join(u',').toLatin1()},
                                             {NID_subject_key_identifier, "hash"},
                                             {NID_authority_key_identifier, "keyid:always"}});
    if (!cert)
        return cert.error().withContext(QStringLiteral("issuing the server certificate: "));
    return encode(key->get(), cert->get());
}

Result<KeyAndCertificate> DevelopmentCa::issueClient(const QString &commonName, const QDateTime &now) const
{
    if (commonName.isEmpty() || commonName.size() > 64)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a client certificate name must have 1 to 64 characters"));
    Result<KeyPtr> key = generateKey();
    if (!key)
        return key.error();
    Result<NamePtr> name = makeName(commonName);
    if (!name)
        return name.error();
    Result<X509Ptr> cert = buildCertificate(key->get(), name->get(), m_keys->certificate.get(), m_keys->key.get(), now,
                                            leafValidityDays,
                                            {{NID_basic_constraints, "critical,CA:FALSE"},
                                             {NID_key_usage, "critical,digitalSignature"},
                                             {NID_ext_key_usage, "clientAuth"},
                                             {NID_subject_key_identifier, "hash"},
                                             {NID_authority_key_identifier, "keyid:always"}});
    if (!cert)
        return cert.error().withContext(QStringLiteral("issuing the client certificate for %1: ").arg(commonName));
    return encode(key->get(), cert->get());
}

ServerIdentity defaultServerIdentity()
{
    ServerIdentity identity;
    identity.commonName = QStringLiteral("localhost");
    identity.dnsNames << QStringLiteral("localhost");
    const QString host = QSysInfo::machineHostName();
    if (!host.isEmpty() && host != u"localhost" && isDnsName(host)) {
        identity.commonName = host;
        identity.dnsNames << host;
    }
    identity.addresses << QHostAddress(QHostAddress::LocalHost) << QHostAddress(QHostAddress::LocalHostIPv6);
    return identity;
}

} // namespace reg::setup
