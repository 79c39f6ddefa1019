#include <net/servertrust.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace noc;
using namespace Qt::StringLiterals;

namespace {

// Two throw-away self-signed certificates (public parts only); their SHA-256 fingerprints were
// computed independently with `openssl x509 -noout -fingerprint -sha256`.
constexpr char kCertA[] = R"(-----BEGIN CERTIFICATE-----
MIIBqzCCAVGgAwIBAgIUAvrQf087zCF/FQ6Uix2nnyUBbpowCgYIKoZIzj0EAwIw
KjEZMBcGA1UEAwwQcmVnaXN0cnlkLXRlc3QtYTENMAsGA1UECgwEVGVzdDAgFw0y
NjExMjEwNTU1NTRaGA8yMTI2MTAyODA1NTU1NFowKjEZMBcGA1UEAwwQcmVnaXN0
cnlkLXRlc3QtYTENMAsGA1UECgwEVGVzdDBZMBMGByqGSM49AgEGCCqGSM49AwEH
A0IABJ7PtwX3NQQtTZVGrPJy9WbugQAS+pdL02RxL6rCzxaqHK+WLu7q+2GDp3uN
sfIraAZzjPllXD9gce6d9OUaZgejUzBRMB0GA1UdDgQWBBTATHwWF5v2WpVYV5Zh
AChIC7rIGzAfBgNVHSMEGDAWgBTATHwWF5v2WpVYV5ZhAChIC7rIGzAPBgNVHRMB
Af8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIBpM+chhsAi0YSTNKWzoTk/ivXR5
fsddajKANLNMClJsAiEAzi3AcUvkKRWFcWmEML25HtsQoyayARHjEVe3l/vNLHo=
-----END CERTIFICATE-----
)";
constexpr char kFingerprintA[] =
    "D9:67:58:93:B3:E2:F7:96:9C:31:47:0E:AA:64:D7:2A:6E:EA:76:65:5A:42:8E:04:77:3E:6E:1B:9C:54:83:97";

constexpr char kCertB[] = R"(-----BEGIN CERTIFICATE-----
MIIBqjCCAVGgAwIBAgIUEw93UEkY0Xm4TcO9L45Z+Z04KeswCgYIKoZIzj0EAwIw
KjEZMBcGA1UEAwwQcmVnaXN0cnlkLXRlc3QtYjENMAsGA1UECgwEVGVzdDAgFw0y
NjExMjEwNTU1NTRaGA8yMTI2MTAyODA1NTU1NFowKjEZMBcGA1UEAwwQcmVnaXN0
cnlkLXRlc3QtYjENMAsGA1UECgwEVGVzdDBZMBMGByqGSM49AgEGCCqGSM49AwEH
A0IABALz/GdjKPnxsEZLHQmBv8tdZFxfDo+RNCmwtUTTsPL5HWnDghpVeqDkAkN6
T/zh966Px2GI6Ou6GlYRmQgcdH2jUzBRMB0GA1UdDgQWBBSd+iEwOLQTmgCGSLG3
id3qJZPzrjAfBgNVHSMEGDAWgBSd+iEwOLQTmgCGSLG3id3qJZPzrjAPBgNVHRMB
Af8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCID80QYsmmFiIB+jBTQxeGXuqyBn7
ss2GCPQGjbnWkPjCAiBfA+xOvr7BZhJ6tWZxyBzqurTklhFXRsQDqq7LdlApgw==
-----END CERTIFICATE-----
)";
constexpr char kFingerprintB[] =
    "A8:E3:5C:E0:97:2A:57:20:3C:2A:D8:0C:2B:E7:B1:17:35:C0:FB:66:DF:58:9A:7B:1D:F9:47:F8:44:96:71:B0";

QSslCertificate certA()
{
    return QSslCertificate(QByteArray(kCertA), QSsl::Pem);
}

QSslCertificate certB()
{
    return QSslCertificate(QByteArray(kCertB), QSsl::Pem);
}

ServerTrust trustFor(const ConnectionProfile &profile)
{
    auto trust = ServerTrust::fromProfile(profile);
    if (!trust)
        qFatal("unexpected: %s", qPrintable(trust.error().message));
    return trust.value();
}

} // namespace

class tst_ServerTrust : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fingerprintIsUpperCaseHexPairsWithColons();
    void normalizesFingerprintText_data();
    void normalizesFingerprintText();
    void firstUseAsksForApproval();
    void firstUseRefusesAnExpiredCertificate();
    void sessionApprovalTrustsOnlyThatCertificate();
    void pinnedCertificateIsTrusted();
    void pinMismatchIsHardFailureNamingBothFingerprints();
    void pinDoesNotExcuseHostNameMismatchUnlessVerifiedElsewhere();
    void caFileIsAuthoritative();
    void unreadableCaFileIsAClearError();
    void caFileWithoutCertificateIsAClearError();
    void malformedPinIsAClearError();
    void configurationRequiresTls12AndOnlyTheChosenCa();
};

void tst_ServerTrust::fingerprintIsUpperCaseHexPairsWithColons()
{
    QCOMPARE(ServerTrust::sha256Fingerprint(certA()), QString::fromLatin1(kFingerprintA));
    QCOMPARE(ServerTrust::sha256Fingerprint(certB()), QString::fromLatin1(kFingerprintB));
    QCOMPARE(ServerTrust::sha256Fingerprint(QSslCertificate()), QString());
}

void tst_ServerTrust::normalizesFingerprintText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QString canonical = QString::fromLatin1(kFingerprintA);
    QString bare = canonical;
    bare.remove(u':');
    QTest::newRow("canonical") << canonical << canonical;
    QTest::newRow("lower case") << canonical.toLower() << canonical;
    QTest::newRow("no colons") << bare << canonical;
    QTest::newRow("spaces") << canonical.toLower().replace(u':', u' ') << canonical;
    QTest::newRow("too short") << canonical.left(62) << QString();
    QTest::newRow("too long") << canonical + u":00"_s << QString();
    QTest::newRow("not hex") << canonical.left(93) + u"ZZ"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void tst_ServerTrust::normalizesFingerprintText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(ServerTrust::normalizedFingerprint(input), expected);
}

void tst_ServerTrust::firstUseAsksForApproval()
{
    const ServerTrust trust = trustFor({});
    const auto decision = trust.evaluate(certA(), {QSslError(QSslError::SelfSignedCertificate, certA())});
    QCOMPARE(decision.verdict, ServerTrust::Verdict::NeedsApproval);
    QVERIFY(!decision.problem.isEmpty());
}

void tst_ServerTrust::firstUseRefusesAnExpiredCertificate()
{
    const ServerTrust trust = trustFor({});
    const auto decision = trust.evaluate(certA(), {QSslError(QSslError::SelfSignedCertificate, certA()),
                                                   QSslError(QSslError::CertificateExpired, certA())});
    QCOMPARE(decision.verdict, ServerTrust::Verdict::Rejected);
}

void tst_ServerTrust::sessionApprovalTrustsOnlyThatCertificate()
{
    ServerTrust trust = trustFor({});
    trust.acceptForSession(certA());
    QCOMPARE(trust.evaluate(certA(), {QSslError(QSslError::SelfSignedCertificate, certA())}).verdict,
             ServerTrust::Verdict::Trusted);
    QCOMPARE(trust.evaluate(certB(), {QSslError(QSslError::SelfSignedCertificate, certB())}).verdict,
             ServerTrust::Verdict::Rejected);
    QVERIFY(trust.pinnedFingerprint().isEmpty());
}

void tst_ServerTrust::pinnedCertificateIsTrusted()
{
    ConnectionProfile profile;
    profile.pinnedSha256 = QString::fromLatin1(kFingerprintA).toLower();
    const ServerTrust trust = trustFor(profile);
    const QList<QSslError> errors{QSslError(QSslError::SelfSignedCertificateInChain, certA()),
                                  QSslError(QSslError::UnableToGetLocalIssuerCertificate, certA())};
    QCOMPARE(trust.evaluate(certA(), errors).verdict, ServerTrust::Verdict::Trusted);
    QCOMPARE(trust.evaluate(certA(), {}).verdict, ServerTrust::Verdict::Trusted);
}

void tst_ServerTrust::pinMismatchIsHardFailureNamingBothFingerprints()
{
    ConnectionProfile profile;
    profile.pinnedSha256 = QString::fromLatin1(kFingerprintA);
    const ServerTrust trust = trustFor(profile);
    const auto decision = trust.evaluate(certB(), {QSslError(QSslError::SelfSignedCertificate, certB())});
    QCOMPARE(decision.verdict, ServerTrust::Verdict::Rejected);
    QVERIFY2(decision.problem.contains(QString::fromLatin1(kFingerprintA)), qPrintable(decision.problem));
    QVERIFY2(decision.problem.contains(QString::fromLatin1(kFingerprintB)), qPrintable(decision.problem));
}

void tst_ServerTrust::pinDoesNotExcuseHostNameMismatchUnlessVerifiedElsewhere()
{
    ConnectionProfile profile;
    profile.pinnedSha256 = QString::fromLatin1(kFingerprintA);
    ServerTrust trust = trustFor(profile);
    const QList<QSslError> errors{QSslError(QSslError::SelfSignedCertificate, certA()),
                                  QSslError(QSslError::HostNameMismatch, certA())};
    QCOMPARE(trust.evaluate(certA(), errors).verdict, ServerTrust::Verdict::Rejected);
    trust.setHostNameVerified(certB());
    QCOMPARE(trust.evaluate(certA(), errors).verdict, ServerTrust::Verdict::Rejected);
    trust.setHostNameVerified(certA());
    QCOMPARE(trust.evaluate(certA(), errors).verdict, ServerTrust::Verdict::Trusted);
}

void tst_ServerTrust::caFileIsAuthoritative()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString caPath = dir.filePath(u"ca.pem"_s);
    QFile file(caPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kCertA);
    file.close();

    ConnectionProfile profile;
    profile.caFile = caPath;
    // A pin does not weaken the CA check: with a CA file, only verification counts.
    profile.pinnedSha256 = QString::fromLatin1(kFingerprintB);
    const ServerTrust trust = trustFor(profile);
    QVERIFY(trust.usesCaFile());
    QCOMPARE(trust.evaluate(certA(), {}).verdict, ServerTrust::Verdict::Trusted);
    const auto decision = trust.evaluate(certB(), {QSslError(QSslError::SelfSignedCertificate, certB())});
    QCOMPARE(decision.verdict, ServerTrust::Verdict::Rejected);
    QVERIFY2(decision.problem.contains(caPath), qPrintable(decision.problem));
}

void tst_ServerTrust::unreadableCaFileIsAClearError()
{
    ConnectionProfile profile;
    profile.caFile = u"/nonexistent/ca.pem"_s;
    const auto trust = ServerTrust::fromProfile(profile);
    QVERIFY(!trust);
    QVERIFY2(trust.error().message.contains(profile.caFile), qPrintable(trust.error().message));
}

void tst_ServerTrust::caFileWithoutCertificateIsAClearError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notacert.pem"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a certificate\n");
    file.close();
    ConnectionProfile profile;
    profile.caFile = path;
    const auto trust = ServerTrust::fromProfile(profile);
    QVERIFY(!trust);
    QCOMPARE(trust.error().code, reg::ErrorCode::InvalidInput);
    QVERIFY2(trust.error().message.contains(u"no PEM certificate"_s), qPrintable(trust.error().message));
}

void tst_ServerTrust::malformedPinIsAClearError()
{
    ConnectionProfile profile;
    profile.pinnedSha256 = u"AB:CD"_s;
    const auto trust = ServerTrust::fromProfile(profile);
    QVERIFY(!trust);
    QVERIFY2(trust.error().message.contains(u"AB:CD"_s), qPrintable(trust.error().message));
}

void tst_ServerTrust::configurationRequiresTls12AndOnlyTheChosenCa()
{
    const ServerTrust pinned = trustFor({});
    QSslConfiguration config = pinned.sslConfiguration();
    QCOMPARE(config.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(config.peerVerifyMode(), QSslSocket::VerifyPeer);
    QVERIFY(config.caCertificates().isEmpty());

    QTemporaryDir dir;
    const QString caPath = dir.filePath(u"ca.pem"_s);
    QFile file(caPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kCertA);
    file.close();
    ConnectionProfile profile;
    profile.caFile = caPath;
    config = trustFor(profile).sslConfiguration();
    QCOMPARE(config.caCertificates(), QList<QSslCertificate>{certA()});
}

QTEST_GUILESS_MAIN(tst_ServerTrust)
#include "tst_servertrust.moc"
