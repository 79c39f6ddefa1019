#include "accounttesthelpers.h"
#include "testcertificate.h"

#include "srs/registrarlogin.h"

#include <QDeadlineTimer>

using namespace reg;
using namespace reg::srs;
using Outcome = RegistrarLoginResult::Outcome;

class tst_RegistrarLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void grantsTheRightPasswordWithTheBoundCertificateFromAListedAddress();
    void wrongPasswordAndUnknownUserLookTheSame_data();
    void wrongPasswordAndUnknownUserLookTheSame();
    void certificateMustBeBoundToTheUsersRegistrar_data();
    void certificateMustBeBoundToTheUsersRegistrar();
    void addressMustBeListedForTheUsersRegistrar_data();
    void addressMustBeListedForTheUsersRegistrar();
    void disabledUserIsRefused();
    void locksAfterRepeatedFailuresUntilTheLockExpires();
    void lockedUserIsRefusedWithoutCheckingThePassword();
    void successClearsEarlierFailures();
    void concurrentWrongAttemptsCannotExceedTheLimit();
    void expiredPasswordNeedsANewOne();
    void newPasswordMustFollowThePolicy_data();
    void newPasswordMustFollowThePolicy();
    void newPasswordMayReuseOnlyOlderThanTheLastTwo();
    void failedLoginsAreNotJournaled();
    void answersArriveOnTheEventLoop();
    void createUserChecksItsInput();
    void bindCertificateRefusesGarbageAndDoubleBinding();
    void addressesAreStoredCanonicallyOneAtATime();
    void knownAddressCacheFollowsInvalidation();
    void removedAddressNoLongerAdmits();
    void unlockClearsTheLock();

private:
    RegistrarLoginRequest request(const QString &password, std::optional<QString> newPassword = std::nullopt) const;
    RegistrarLoginResult login(const RegistrarLoginRequest &request);
    RegistrarLoginResult login(const QString &password) { return login(request(password)); }
    qint64 failedLogins(const QString &userId = QStringLiteral("alpha-epp"));
    QStringList journalKinds();

    ManualClock m_clock;
    RegistrarLoginPolicy m_policy;
    QByteArray m_alphaCert;
    QByteArray m_betaCert;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<RegistrarLogin> m_login;

    const QString m_password = QStringLiteral("s3cret-pw");
    const QDateTime m_start = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
};

void tst_RegistrarLogin::initTestCase()
{
    m_alphaCert = testcertificate::selfSigned(QStringLiteral("rar-alpha"));
    m_betaCert = testcertificate::selfSigned(QStringLiteral("rar-beta"));
    QVERIFY(m_alphaCert.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(!m_betaCert.isEmpty());
    m_policy.maxFailedLogins = 3;
    m_policy.lockoutSecs = 600;
}

void tst_RegistrarLogin::init()
{
    m_clock.set(m_start);
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = accounttest::openStore(*m_dir, m_clock);
    QVERIFY(m_store);
    QVERIFY(accounttest::addRegistrar(*m_store, QStringLiteral("rar-alpha")));
    QVERIFY(accounttest::addRegistrar(*m_store, QStringLiteral("rar-beta")));
    m_login = std::make_unique<RegistrarLogin>(*m_store, m_clock);
    const QString setup = QStringLiteral("setup");
    QVERIFY(m_login->createUser(QStringLiteral("rar-alpha"), QStringLiteral("alpha-epp"), m_password, setup).ok());
    QVERIFY(m_login->bindCertificate(QStringLiteral("rar-alpha"), m_alphaCert, setup).ok());
    QVERIFY(m_login->bindCertificate(QStringLiteral("rar-beta"), m_betaCert, setup).ok());
    QVERIFY(m_login->addAddress(QStringLiteral("rar-alpha"), QHostAddress(QStringLiteral("127.0.0.1")), setup).ok());
    QVERIFY(m_login->addAddress(QStringLiteral("rar-alpha"), QHostAddress(QStringLiteral("::1")), setup).ok());
    QVERIFY(m_login->addAddress(QStringLiteral("rar-beta"), QHostAddress(QStringLiteral("192.0.2.7")), setup).ok());
}

void tst_RegistrarLogin::cleanup()
{
    m_login.reset();
    m_store.reset();
    m_dir.reset();
}

RegistrarLoginRequest tst_RegistrarLogin::request(const QString &password, std::optional<QString> newPassword) const
{
    RegistrarLoginRequest r;
    r.userId = QStringLiteral("alpha-epp");
    r.password = password;
    r.newPassword = std::move(newPassword);
    r.certificateSha256 = testcertificate::sha256(m_alphaCert);
    r.peer = QHostAddress(QStringLiteral("127.0.0.1"));
    return r;
}

RegistrarLoginResult tst_RegistrarLogin::login(const RegistrarLoginRequest &request)
{
    std::optional<RegistrarLoginResult> result;
    m_login->authenticate(request, m_policy, this, [&](RegistrarLoginResult r) { result = std::move(r); });
    // A safety net against a hang, not a timing assertion.
    QDeadlineTimer deadline(30000);
    while (!result && !deadline.hasExpired())
        QTest::qWait(5);
    if (!result) {
        qWarning("no answer to the login");
        return RegistrarLoginResult{Outcome::InvalidCredentials, {}, QStringLiteral("no answer"), {}, {}, false};
    }
    return *result;
}

qint64 tst_RegistrarLogin::failedLogins(const QString &userId)
{
    return accounttest::value(*m_store, QStringLiteral("SELECT failed_logins FROM registrar_users WHERE id = ?1"), {userId})
        .value_or(QVariant(-1))
        .toLongLong();
}

QStringList tst_RegistrarLogin::journalKinds()
{
    auto reader = m_store->openReader();
    if (!reader)
        return {};
    const Result<QList<QVariantList>> rows = (*reader)->queryRows(QStringLiteral("SELECT kind FROM journal ORDER BY seq"));
    QStringList kinds;
    for (const QVariantList &row : rows.value())
        kinds << row.value(0).toString();
    return kinds;
}

void tst_RegistrarLogin::grantsTheRightPasswordWithTheBoundCertificateFromAListedAddress()
{
    m_clock.advance(3600 * 1000);
    const RegistrarLoginResult r = login(m_password);
    QCOMPARE(r.outcome, Outcome::Granted);
    QCOMPARE(r.registrarId, QStringLiteral("rar-alpha"));
    QCOMPARE(r.passwordExpiresAt, m_start.addSecs(m_policy.passwordLifetimeSecs));
    QVERIFY(!r.lockedByThisAttempt);
    QCOMPARE(failedLogins(), qint64(0));
}

void tst_RegistrarLogin::wrongPasswordAndUnknownUserLookTheSame_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password") << QStringLiteral("alpha-epp") << QStringLiteral("wrong-pw1");
    QTest::newRow("password of another case") << QStringLiteral("alpha-epp") << QStringLiteral("S3CRET-PW");
    QTest::newRow("unknown user") << QStringLiteral("nobody-epp") << m_password;
    QTest::newRow("user id of another case") << QStringLiteral("ALPHA-EPP") << m_password;
    QTest::newRow("user id too short") << QStringLiteral("ab") << m_password;
    QTest::newRow("user id too long") << QStringLiteral("a").repeated(17) << m_password;
    QTest::newRow("user id with a space") << QStringLiteral("alpha epp") << m_password;
}

void tst_RegistrarLogin::wrongPasswordAndUnknownUserLookTheSame()
{
    QFETCH(QString, userId);
    QFETCH(QString, password);
    RegistrarLoginRequest r = request(password);
    r.userId = userId;
    const RegistrarLoginResult result = login(r);
    QCOMPARE(result.outcome, Outcome::InvalidCredentials);
    QVERIFY(result.registrarId.isEmpty());
    QCOMPARE(result.message, QStringLiteral("the user id or password is not correct"));
    QVERIFY(!result.message.contains(password));
}

void tst_RegistrarLogin::certificateMustBeBoundToTheUsersRegistrar_data()
{
    QTest::addColumn<QByteArray>("certificateSha256");
    QTest::newRow("another registrar's") << testcertificate::sha256(m_betaCert);
    QTest::newRow("never bound") << testcertificate::sha256(testcertificate::selfSigned(QStringLiteral("stranger")));
    QTest::newRow("none") << QByteArray();
}

void tst_RegistrarLogin::certificateMustBeBoundToTheUsersRegistrar()
{
    QFETCH(QByteArray, certificateSha256);
    RegistrarLoginRequest r = request(m_password);
    r.certificateSha256 = certificateSha256;
    const RegistrarLoginResult result = login(r);
    QCOMPARE(result.outcome, Outcome::CertificateNotBound);
    QCOMPARE(failedLogins(), qint64(0));
}

void tst_RegistrarLogin::addressMustBeListedForTheUsersRegistrar_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("listed IPv4") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("listed IPv6") << QStringLiteral("::1") << true;
    QTest::newRow("IPv4-mapped IPv6 of a listed IPv4") << QStringLiteral("::ffff:127.0.0.1") << true;
    QTest::newRow("IPv6 written long") << QStringLiteral("0:0:0:0:0:0:0:1") << true;
    QTest::newRow("another registrar's address") << QStringLiteral("192.0.2.7") << false;
    QTest::newRow("neighbour of a listed address") << QStringLiteral("127.0.0.2") << false;
    QTest::newRow("IPv4-mapped IPv6 of an unlisted IPv4") << QStringLiteral("::ffff:127.0.0.2") << false;
}

void tst_RegistrarLogin::addressMustBeListedForTheUsersRegistrar()
{
    QFETCH(QString, peer);
    QFETCH(bool, allowed);
    RegistrarLoginRequest r = request(m_password);
    r.peer = QHostAddress(peer);
    QVERIFY(!r.peer.isNull());
    QCOMPARE(login(r).outcome, allowed ? Outcome::Granted : Outcome::AddressNotAllowed);
}

void tst_RegistrarLogin::disabledUserIsRefused()
{
    QVERIFY(accounttest::exec(*m_store, QStringLiteral("UPDATE registrar_users SET disabled = 1 WHERE id = 'alpha-epp'")));
    const RegistrarLoginResult r = login(m_password);
    QCOMPARE(r.outcome, Outcome::Disabled);
    QCOMPARE(r.registrarId, QStringLiteral("rar-alpha"));
}

void tst_RegistrarLogin::locksAfterRepeatedFailuresUntilTheLockExpires()
{
    RegistrarLoginResult r = login(QStringLiteral("wrong-pw1"));
    QCOMPARE(r.outcome, Outcome::InvalidCredentials);
    QVERIFY(!r.lockedByThisAttempt);
    QCOMPARE(login(QStringLiteral("wrong-pw2")).outcome, Outcome::InvalidCredentials);
    QCOMPARE(failedLogins(), qint64(2));
    r = login(QStringLiteral("wrong-pw3"));
    QCOMPARE(r.outcome, Outcome::InvalidCredentials);
    QVERIFY(r.lockedByThisAttempt);
    QCOMPARE(r.lockedUntil, m_start.addSecs(600));

    // Even the right password does not open a locked account.
    r = login(m_password);
    QCOMPARE(r.outcome, Outcome::Locked);
    QCOMPARE(r.lockedUntil, m_start.addSecs(600));
    m_clock.advance(599 * 1000);
    QCOMPARE(login(m_password).outcome, Outcome::Locked);

    m_clock.advance(1000);
    r = login(m_password);
    QCOMPARE(r.outcome, Outcome::Granted);
    QCOMPARE(failedLogins(), qint64(0));
    QVERIFY(accounttest::value(*m_store, QStringLiteral("SELECT locked_until FROM registrar_users WHERE id = 'alpha-epp'"))->isNull());
}

void tst_RegistrarLogin::lockedUserIsRefusedWithoutCheckingThePassword()
{
    for (int i = 0; i < 3; ++i)
        (void)login(QStringLiteral("wrong-pw%1").arg(i));
    QCOMPARE(failedLogins(), qint64(3));
    QCOMPARE(login(QStringLiteral("wrong-pw9")).outcome, Outcome::Locked);
    QCOMPARE(failedLogins(), qint64(3));

    // After the lock has run out, a wrong password starts a fresh count instead of locking at once.
    m_clock.advance(601 * 1000);
    const RegistrarLoginResult r = login(QStringLiteral("wrong-pw9"));
    QCOMPARE(r.outcome, Outcome::InvalidCredentials);
    QVERIFY(!r.lockedByThisAttempt);
    QCOMPARE(failedLogins(), qint64(1));
}

void tst_RegistrarLogin::successClearsEarlierFailures()
{
    (void)login(QStringLiteral("wrong-pw1"));
    (void)login(QStringLiteral("wrong-pw2"));
    QCOMPARE(failedLogins(), qint64(2));
    QCOMPARE(login(m_password).outcome, Outcome::Granted);
    QCOMPARE(failedLogins(), qint64(0));
    QCOMPARE(login(QStringLiteral("wrong-pw3")).outcome, Outcome::InvalidCredentials);
    QCOMPARE(failedLogins(), qint64(1));
}

void tst_RegistrarLogin::concurrentWrongAttemptsCannotExceedTheLimit()
{
    // All eight pass the early check before any has been counted; the count and the lock are decided
    // again in the write transaction, so exactly three count and the rest find the user locked.
    constexpr int attempts = 8;
    QList<RegistrarLoginResult> results;
    for (int i = 0; i < attempts; ++i)
        m_login->authenticate(request(QStringLiteral("wrong-pw%1").arg(i)), m_policy, this,
                              [&](RegistrarLoginResult r) { results.append(std::move(r)); });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), attempts, 60000);
    int invalid = 0, locked = 0, lockedNow = 0;
    for (const RegistrarLoginResult &r : std::as_const(results)) {
        invalid += r.outcome == Outcome::InvalidCredentials;
        locked += r.outcome == Outcome::Locked;
        lockedNow += r.lockedByThisAttempt;
    }
    QCOMPARE(invalid, m_policy.maxFailedLogins);
    QCOMPARE(locked, attempts - m_policy.maxFailedLogins);
    QCOMPARE(lockedNow, 1);
    QCOMPARE(failedLogins(), qint64(m_policy.maxFailedLogins));
}

void tst_RegistrarLogin::expiredPasswordNeedsANewOne()
{
    m_clock.advance(m_policy.passwordLifetimeSecs * 1000 - 1000);
    QCOMPARE(login(m_password).outcome, Outcome::Granted);
    m_clock.advance(1000);
    RegistrarLoginResult r = login(m_password);
    QCOMPARE(r.outcome, Outcome::PasswordExpired);
    QVERIFY2(r.message.startsWith(u"password expired on 2026-05-30"), qPrintable(r.message));
    QVERIFY2(r.message.contains(u"<newPW>"), qPrintable(r.message));
    QCOMPARE(failedLogins(), qint64(0));

    const QStringList kindsBefore = journalKinds();
    r = login(request(m_password, QStringLiteral("n3w-secret")));
    QCOMPARE(r.outcome, Outcome::Granted);
    QCOMPARE(r.passwordExpiresAt, m_clock.now().addSecs(m_policy.passwordLifetimeSecs));
    QCOMPARE(journalKinds(), kindsBefore + QStringList{QStringLiteral("registrar-user.password")});
    const QString data = accounttest::value(*m_store, QStringLiteral("SELECT data FROM journal ORDER BY seq DESC LIMIT 1"))->toString();
    QVERIFY2(!data.contains(u"scrypt") && !data.contains(u"n3w-secret"), qPrintable(data));

    QCOMPARE(login(m_password).outcome, Outcome::InvalidCredentials);
    QCOMPARE(login(QStringLiteral("n3w-secret")).outcome, Outcome::Granted);
}

void tst_RegistrarLogin::newPasswordMustFollowThePolicy_data()
{
    QTest::addColumn<QString>("newPassword");
    QTest::addColumn<QString>("rule");
    QTest::newRow("too short") << QStringLiteral("ab1") << QStringLiteral("at least 6");
    QTest::newRow("longer than EPP allows") << QStringLiteral("abcdefgh12345678x") << QStringLiteral("at most 16");
    QTest::newRow("no digit or punctuation") << QStringLiteral("abcdefgh") << QStringLiteral("digit or punctuation");
    QTest::newRow("no letter") << QStringLiteral("12345678") << QStringLiteral("letter");
    QTest::newRow("the current one") << m_password << QStringLiteral("differ from the last 2");
}

void tst_RegistrarLogin::newPasswordMustFollowThePolicy()
{
    QFETCH(QString, newPassword);
    QFETCH(QString, rule);
    const QStringList kindsBefore = journalKinds();
    const RegistrarLoginResult r = login(request(m_password, newPassword));
    QCOMPARE(r.outcome, Outcome::NewPasswordRefused);
    QVERIFY2(r.message.contains(rule), qPrintable(r.message));
    QVERIFY(!r.message.contains(newPassword));
    QCOMPARE(journalKinds(), kindsBefore);
    QCOMPARE(login(m_password).outcome, Outcome::Granted);   // unchanged
    // A new password with a wrong current one is just a wrong password.
    QCOMPARE(login(request(QStringLiteral("wrong-pw1"), QStringLiteral("fine-pw-42"))).outcome, Outcome::InvalidCredentials);
}

void tst_RegistrarLogin::newPasswordMayReuseOnlyOlderThanTheLastTwo()
{
    QCOMPARE(login(request(m_password, QStringLiteral("second-pw2"))).outcome, Outcome::Granted);
    m_clock.advance(1000);
    QCOMPARE(login(request(QStringLiteral("second-pw2"), QStringLiteral("third-pw3"))).outcome, Outcome::Granted);
    m_clock.advance(1000);
    // The last two (third-pw3, the current one, and second-pw2) are refused; the first is old enough.
    QCOMPARE(login(request(QStringLiteral("third-pw3"), QStringLiteral("second-pw2"))).outcome, Outcome::NewPasswordRefused);
    QCOMPARE(login(request(QStringLiteral("third-pw3"), m_password)).outcome, Outcome::Granted);
    QCOMPARE(accounttest::value(*m_store, QStringLiteral("SELECT count(*) FROM registrar_user_password_history"))->toInt(), 2);
}

void tst_RegistrarLogin::failedLoginsAreNotJournaled()
{
    const QStringList kindsBefore = journalKinds();
    (void)login(QStringLiteral("wrong-pw1"));
    RegistrarLoginRequest unknown = request(m_password);
    unknown.userId = QStringLiteral("nobody-epp");
    (void)login(unknown);
    (void)login(m_password);
    QCOMPARE(journalKinds(), kindsBefore);
}

void tst_RegistrarLogin::answersArriveOnTheEventLoop()
{
    // Even an answer decided before any hashing (here: a foreign certificate) is not given inside the call.
    bool answered = false;
    RegistrarLoginRequest r = request(m_password);
    r.certificateSha256 = testcertificate::sha256(m_betaCert);
    m_login->authenticate(r, m_policy, this, [&](RegistrarLoginResult) { answered = true; });
    QVERIFY(!answered);
    QTRY_VERIFY(answered);
}

void tst_RegistrarLogin::createUserChecksItsInput()
{
    const QString actor = QStringLiteral("admin");
    QCOMPARE(m_login->createUser(QStringLiteral("rar-alpha"), QStringLiteral("ab"), m_password, actor).error().code, ErrorCode::InvalidInput);
    QCOMPARE(m_login->createUser(QStringLiteral("rar-alpha"), QStringLiteral("bad user"), m_password, actor).error().code,
             ErrorCode::InvalidInput);
    QCOMPARE(m_login->createUser(QStringLiteral("rar-alpha"), QStringLiteral("alpha-2"), QStringLiteral("short"), actor).error().code,
             ErrorCode::InvalidInput);
    QCOMPARE(m_login->createUser(QStringLiteral("rar-alpha"), QStringLiteral("alpha-2"), QStringLiteral("abcdefgh12345678x"), actor)
                 .error().code,
             ErrorCode::InvalidInput);
    QCOMPARE(m_login->createUser(QStringLiteral("rar-nobody"), QStringLiteral("alpha-2"), m_password, actor).error().code,
             ErrorCode::NotFound);
    QCOMPARE(m_login->createUser(QStringLiteral("rar-beta"), QStringLiteral("alpha-epp"), m_password, actor).error().code,
             ErrorCode::Conflict);
    QVERIFY(m_login->createUser(QStringLiteral("rar-alpha"), QStringLiteral("alpha-2"), m_password, actor).ok());
    const QString data = accounttest::value(*m_store, QStringLiteral("SELECT data FROM journal WHERE kind = 'registrar-user.create' "
                                                                     "ORDER BY seq DESC LIMIT 1"))->toString();
    QVERIFY2(data.contains(u"rar-alpha") && !data.contains(u"scrypt") && !data.contains(m_password), qPrintable(data));
    // The second user of a registrar logs in on its own.
    RegistrarLoginRequest r = request(m_password);
    r.userId = QStringLiteral("alpha-2");
    QCOMPARE(login(r).outcome, Outcome::Granted);
}

void tst_RegistrarLogin::bindCertificateRefusesGarbageAndDoubleBinding()
{
    const QString actor = QStringLiteral("admin");
    QCOMPARE(m_login->bindCertificate(QStringLiteral("rar-alpha"), QByteArray("not a certificate"), actor).error().code,
             ErrorCode::InvalidInput);
    QCOMPARE(m_login->bindCertificate(QStringLiteral("rar-alpha"), QByteArray(), actor).error().code, ErrorCode::InvalidInput);
    QCOMPARE(m_login->bindCertificate(QStringLiteral("rar-alpha"), m_betaCert, actor).error().code, ErrorCode::Conflict);
    QCOMPARE(m_login->bindCertificate(QStringLiteral("rar-alpha"), m_alphaCert, actor).error().code, ErrorCode::Conflict);
    const QByteArray other = testcertificate::selfSigned(QStringLiteral("rar-alpha-2"));
    QCOMPARE(m_login->bindCertificate(QStringLiteral("rar-nobody"), other, actor).error().code, ErrorCode::NotFound);
    QVERIFY(m_login->bindCertificate(QStringLiteral("rar-alpha"), other, actor).ok());

    const QString stored = accounttest::value(*m_store, QStringLiteral("SELECT sha256 FROM registrar_certificates WHERE subject = 'CN=rar-alpha-2'"))
                               ->toString();
    QCOMPARE(stored, QString::fromLatin1(testcertificate::sha256(other).toHex()));
    // A second certificate of the same registrar works as well as the first.
    RegistrarLoginRequest r = request(m_password);
    r.certificateSha256 = testcertificate::sha256(other);
    QCOMPARE(login(r).outcome, Outcome::Granted);
}

void tst_RegistrarLogin::addressesAreStoredCanonicallyOneAtATime()
{
    const QString actor = QStringLiteral("admin");
    QVERIFY(m_login->addAddress(QStringLiteral("rar-beta"), QHostAddress(QStringLiteral("::ffff:198.51.100.9")), actor).ok());
    QVERIFY(m_login->addAddress(QStringLiteral("rar-beta"), QHostAddress(QStringLiteral("2001:DB8:0:0::1")), actor).ok());
    QCOMPARE(m_login->addAddress(QStringLiteral("rar-beta"), QHostAddress(QStringLiteral("198.51.100.9")), actor).error().code,
             ErrorCode::Conflict);
    for (const char *bad : {"0.0.0.0", "::", "224.0.0.1", "255.255.255.255", "ff02::1"}) {
        QCOMPARE(m_login->addAddress(QStringLiteral("rar-beta"), QHostAddress(QString::fromLatin1(bad)), actor).error().code,
                 ErrorCode::InvalidInput);
    }
    QCOMPARE(m_login->addAddress(QStringLiteral("rar-beta"), QHostAddress(), actor).error().code, ErrorCode::InvalidInput);
    QCOMPARE(m_login->addAddress(QStringLiteral("rar-nobody"), QHostAddress(QStringLiteral("192.0.2.1")), actor).error().code,
             ErrorCode::NotFound);
    // Two registrars may share an address (one platform serving both).
    QVERIFY(m_login->addAddress(QStringLiteral("rar-beta"), QHostAddress(QStringLiteral("127.0.0.1")), actor).ok());

    auto reader = m_store->openReader();
    QVERIFY(reader.ok());
    const Result<QList<QVariantList>> rows =
        (*reader)->queryRows(QStringLiteral("SELECT address FROM registrar_addresses WHERE registrar_id = 'rar-beta' ORDER BY address"));
    QVERIFY(rows.ok());
    QStringList stored;
    for (const QVariantList &row : *rows)
        stored << row.value(0).toString();
    QCOMPARE(stored, (QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("192.0.2.7"), QStringLiteral("198.51.100.9"),
                                  QStringLiteral("2001:db8::1")}));
}

void tst_RegistrarLogin::knownAddressCacheFollowsInvalidation()
{
    QCOMPARE(*m_login->isKnownAddress(QHostAddress(QStringLiteral("127.0.0.1"))), true);
    QCOMPARE(*m_login->isKnownAddress(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))), true);
    QCOMPARE(*m_login->isKnownAddress(QHostAddress(QStringLiteral("::1"))), true);
    QCOMPARE(*m_login->isKnownAddress(QHostAddress(QStringLiteral("192.0.2.7"))), true);
    QCOMPARE(*m_login->isKnownAddress(QHostAddress(QStringLiteral("192.0.2.8"))), false);

    // Written behind its back (as another process or the management API would): cached until invalidated.
    QVERIFY(accounttest::exec(*m_store, QStringLiteral("INSERT INTO registrar_addresses VALUES ('rar-beta', '192.0.2.8')")));
    QCOMPARE(*m_login->isKnownAddress(QHostAddress(QStringLiteral("192.0.2.8"))), false);
    m_login->invalidateAddressCache();
    QCOMPARE(*m_login->isKnownAddress(QHostAddress(QStringLiteral("192.0.2.8"))), true);
    // Its own addAddress refreshes it.
    QVERIFY(m_login->addAddress(QStringLiteral("rar-beta"), QHostAddress(QStringLiteral("192.0.2.9")), QStringLiteral("admin")).ok());
    QCOMPARE(*m_login->isKnownAddress(QHostAddress(QStringLiteral("192.0.2.9"))), true);
}

void tst_RegistrarLogin::unlockClearsTheLock()
{
    for (int i = 0; i < 3; ++i)
        (void)login(QStringLiteral("wrong-pw%1").arg(i));
    QCOMPARE(login(m_password).outcome, Outcome::Locked);
    QCOMPARE(m_login->unlockUser(QStringLiteral("nobody-epp"), QStringLiteral("admin")).error().code, ErrorCode::NotFound);
    QVERIFY(m_login->unlockUser(QStringLiteral("alpha-epp"), QStringLiteral("admin")).ok());
    QCOMPARE(journalKinds().last(), QStringLiteral("registrar-user.unlock"));
    QCOMPARE(failedLogins(), qint64(0));
    QCOMPARE(login(m_password).outcome, Outcome::Granted);
}

// (Added with the management API's DELETE .../addresses.) Removal takes the address out of the
// login check and the known-address cache at once; a second removal or another registrar's address is NotFound.
void tst_RegistrarLogin::removedAddressNoLongerAdmits()
{
    const QString actor = QStringLiteral("test");
    const QHostAddress loopback(QStringLiteral("127.0.0.1"));
    QCOMPARE(login(m_password).outcome, Outcome::Granted);
    QVERIFY(m_login->isKnownAddress(loopback).value());
    QCOMPARE(m_login->removeAddress(QStringLiteral("rar-alpha"), QHostAddress(QStringLiteral("192.0.2.7")), actor).error().code,
             ErrorCode::NotFound);
    QCOMPARE(m_login->removeAddress(QStringLiteral("rar-nobody"), loopback, actor).error().code, ErrorCode::NotFound);
    QVERIFY(m_login->removeAddress(QStringLiteral("rar-alpha"), QHostAddress(QStringLiteral("::ffff:127.0.0.1")), actor).ok());
    QCOMPARE(login(m_password).outcome, Outcome::AddressNotAllowed);
    QVERIFY(!m_login->isKnownAddress(loopback).value());
    QCOMPARE(m_login->removeAddress(QStringLiteral("rar-alpha"), loopback, actor).error().code, ErrorCode::NotFound);
    QVERIFY(journalKinds().contains(QStringLiteral("registrar.address")));
}

QTEST_GUILESS_MAIN(tst_RegistrarLogin)
#include "tst_registrarlogin.moc"
