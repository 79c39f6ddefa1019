#include "setup/developmentpki.h"

#include "core/clock.h"

#include <QSslCertificate>
#include <QTimeZone>
#include <QSslKey>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <memory>

using namespace reg::setup;

namespace {

struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr parse(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509Ptr cert(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    return cert;
}

// Verifies leaf against ca with OpenSSL's own path validation at the given time and purpose.
int verify(X509 *ca, X509 *leaf, const QDateTime &at, int purpose, const char *host = nullptr)
{
    X509_STORE *store = X509_STORE_new();
    X509_STORE_add_cert(store, ca);
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, leaf, nullptr);
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx);
    X509_VERIFY_PARAM_set_time(param, time_t(at.toSecsSinceEpoch()));
    X509_VERIFY_PARAM_set_purpose(param, purpose);
    if (host)
        X509_VERIFY_PARAM_set1_host(param, host, 0);
    const int ok = X509_verify_cert(ctx);
    const int error = ok == 1 ? X509_V_OK : X509_STORE_CTX_get_error(ctx);
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
    return error;
}

const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);

} // namespace

class tst_DevelopmentPki : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void caIsAProperCertificateAuthority()
    {
        auto ca = DevelopmentCa::create(QStringLiteral("test CA"), now);
        QVERIFY2(ca.ok(), qPrintable(ca.ok() ? QString() : ca.error().message));
        X509Ptr cert = parse(ca->authority().certificatePem);
        QVERIFY(cert);
        QCOMPARE(X509_get_version(cert.get()), long(X509_VERSION_3));
        QVERIFY(X509_check_ca(cert.get()) >= 1);
        QVERIFY(X509_get_key_usage(cert.get()) & KU_KEY_CERT_SIGN);
        QVERIFY(X509_get_key_usage(cert.get()) & KU_CRL_SIGN);
        QCOMPARE(X509_get_extension_flags(cert.get()) & EXFLAG_SS, uint32_t(EXFLAG_SS));
        // Valid for ten years from (just before) now, and self-verifying.
        QCOMPARE(verify(cert.get(), cert.get(), now, X509_PURPOSE_ANY), X509_V_OK);
        QCOMPARE(verify(cert.get(), cert.get(), now.addDays(DevelopmentCa::caValidityDays - 1), X509_PURPOSE_ANY), X509_V_OK);
        QCOMPARE(verify(cert.get(), cert.get(), now.addDays(DevelopmentCa::caValidityDays + 1), X509_PURPOSE_ANY),
                 X509_V_ERR_CERT_HAS_EXPIRED);
    }

    void serverCertificateChainsToTheCaWithItsNames()
    {
        auto ca = DevelopmentCa::create(QStringLiteral("test CA"), now);
        QVERIFY(ca.ok());
        ServerIdentity identity{QStringLiteral("srs1.example"), {QStringLiteral("localhost"), QStringLiteral("srs1.example")},
                                {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)}};
        auto server = ca->issueServer(identity, now);
        QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().message));
        X509Ptr caCert = parse(ca->authority().certificatePem);
        X509Ptr cert = parse(server->certificatePem);
        QVERIFY(cert);

        QCOMPARE(verify(caCert.get(), cert.get(), now, X509_PURPOSE_SSL_SERVER, "localhost"), X509_V_OK);
        QCOMPARE(verify(caCert.get(), cert.get(), now, X509_PURPOSE_SSL_SERVER, "srs1.example"), X509_V_OK);
        QCOMPARE(verify(caCert.get(), cert.get(), now, X509_PURPOSE_SSL_SERVER, "other.example"), X509_V_ERR_HOSTNAME_MISMATCH);
        QCOMPARE(X509_check_ip_asc(cert.get(), "127.0.0.1", 0), 1);
        QCOMPARE(X509_check_ip_asc(cert.get(), "::1", 0), 1);
        QCOMPARE(X509_check_ip_asc(cert.get(), "10.0.0.1", 0), 0);
        // A server certificate is not a CA and cannot authenticate a client.
        QCOMPARE(X509_check_ca(cert.get()), 0);
        QVERIFY(X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER);
        QVERIFY(!(X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT));
        QCOMPARE(verify(caCert.get(), cert.get(), now, X509_PURPOSE_SSL_CLIENT), X509_V_ERR_INVALID_PURPOSE);
        QCOMPARE(verify(caCert.get(), cert.get(), now.addDays(DevelopmentCa::leafValidityDays + 1), X509_PURPOSE_SSL_SERVER),
                 X509_V_ERR_CERT_HAS_EXPIRED);
    }

    void clientCertificateNamesTheRegistrar()
    {
        auto ca = DevelopmentCa::create(QStringLiteral("test CA"), now);
        QVERIFY(ca.ok());
        auto client = ca->issueClient(QStringLiteral("rar-alpha"), now);
        QVERIFY(client.ok());
        X509Ptr caCert = parse(ca->authority().certificatePem);
        X509Ptr cert = parse(client->certificatePem);
        QCOMPARE(verify(caCert.get(), cert.get(), now, X509_PURPOSE_SSL_CLIENT), X509_V_OK);
        QCOMPARE(verify(caCert.get(), cert.get(), now, X509_PURPOSE_SSL_SERVER), X509_V_ERR_INVALID_PURPOSE);

        const QSslCertificate qt(client->certificatePem, QSsl::Pem);
        QCOMPARE(qt.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("rar-alpha")});
        QCOMPARE(qt.issuerInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("test CA")});
    }

    void keysMatchTheirCertificatesAndLoadInQt()
    {
        auto ca = DevelopmentCa::create(QStringLiteral("test CA"), now);
        QVERIFY(ca.ok());
        auto server = ca->issueServer(defaultServerIdentity(), now);
        QVERIFY(server.ok());
        for (const KeyAndCertificate *pair : {&ca->authority(), static_cast<const KeyAndCertificate *>(&*server)}) {
            QVERIFY(pair->privateKeyPem.startsWith("-----BEGIN PRIVATE KEY-----"));   // PKCS#8, no passphrase
            const QSslKey key(pair->privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
            QVERIFY(!key.isNull());
            const QSslCertificate cert(pair->certificatePem, QSsl::Pem);
            QCOMPARE(cert.publicKey().algorithm(), QSsl::Ec);
            X509Ptr x = parse(pair->certificatePem);
            BIO *bio = BIO_new_mem_buf(pair->privateKeyPem.constData(), int(pair->privateKeyPem.size()));
            EVP_PKEY *pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
            BIO_free(bio);
            QVERIFY(pkey);
            QCOMPARE(X509_check_private_key(x.get(), pkey), 1);
            EVP_PKEY_free(pkey);
        }
    }

    void serialNumbersAreUnique()
    {
        auto ca = DevelopmentCa::create(QStringLiteral("test CA"), now);
        QVERIFY(ca.ok());
        auto a = ca->issueClient(QStringLiteral("a"), now);
        auto b = ca->issueClient(QStringLiteral("b"), now);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(QSslCertificate(a->certificatePem).serialNumber() != QSslCertificate(b->certificatePem).serialNumber());
    }

    void rejectsUnusableNames_data()
    {
        QTest::addColumn<QStringList>("dnsNames");
        QTest::addColumn<bool>("withAddress");
        QTest::newRow("no names at all") << QStringList() << false;
        QTest::newRow("comma would inject a SAN") << QStringList{QStringLiteral("a.example,IP:10.0.0.1")} << true;
        QTest::newRow("space") << QStringList{QStringLiteral("bad name")} << true;
        QTest::newRow("empty label") << QStringList{QStringLiteral("a..example")} << true;
    }
    void rejectsUnusableNames()
    {
        QFETCH(QStringList, dnsNames);
        QFETCH(bool, withAddress);
        auto ca = DevelopmentCa::create(QStringLiteral("test CA"), now);
        QVERIFY(ca.ok());
        ServerIdentity identity{QStringLiteral("x"), dnsNames, {}};
        if (withAddress)
            identity.addresses << QHostAddress(QHostAddress::LocalHost);
        auto server = ca->issueServer(identity, now);
        QVERIFY(!server.ok());
        QCOMPARE(server.error().code, reg::ErrorCode::InvalidInput);
    }

    void defaultIdentityCoversLoopback()
    {
        const ServerIdentity identity = defaultServerIdentity();
        QVERIFY(identity.dnsNames.contains(QStringLiteral("localhost")));
        QVERIFY(identity.addresses.contains(QHostAddress(QHostAddress::LocalHost)));
        QVERIFY(identity.addresses.contains(QHostAddress(QHostAddress::LocalHostIPv6)));
    }
};

QTEST_GUILESS_MAIN(tst_DevelopmentPki)
#include "tst_developmentpki.moc"
