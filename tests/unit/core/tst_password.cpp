#include "core/passwordhasher.h"
#include "core/passwordpolicy.h"

#include <QTest>

using namespace reg;

namespace {
// The cheapest cost the hasher accepts, so the test spends its time on behaviour, not on scrypt.
const PasswordHasher::Cost fast{10, 8, 1};
}

class tst_Password : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hashVerifiesOnlyTheRightPassword();
    void hashesAreSaltedAndSelfDescribing();
    void malformedStoredHashesNeverVerify_data();
    void malformedStoredHashesNeverVerify();
    void policyFollowsSeed001_data();
    void policyFollowsSeed001();
    void lastTwoPasswordsCannotBeReused();
    void generatedPasswordsSatisfyPolicy();
};

void tst_Password::hashVerifiesOnlyTheRightPassword()
{
    Result<QString> stored = PasswordHasher::hash(QStringLiteral("s3cret!"), fast);
    QVERIFY(stored.ok());
    QVERIFY(PasswordHasher::verify(QStringLiteral("s3cret!"), *stored));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("s3cret"), *stored));
    QVERIFY(!PasswordHasher::verify(QString(), *stored));
}

void tst_Password::hashesAreSaltedAndSelfDescribing()
{
    const QString a = *PasswordHasher::hash(QStringLiteral("same-1"), fast);
    const QString b = *PasswordHasher::hash(QStringLiteral("same-1"), fast);
    QVERIFY(a != b);
    QVERIFY(a.startsWith(u"$scrypt$ln=10,r=8,p=1$"));
    QVERIFY(!a.contains(u"same-1"));
}

void tst_Password::malformedStoredHashesNeverVerify_data()
{
    QTest::addColumn<QString>("stored");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain text") << QStringLiteral("secret1");
    QTest::newRow("wrong scheme") << QStringLiteral("$bcrypt$ln=10,r=8,p=1$AAAAAAAAAAA$AAAA");
    QTest::newRow("huge cost") << QStringLiteral("$scrypt$ln=40,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    QTest::newRow("bad base64") << QStringLiteral("$scrypt$ln=10,r=8,p=1$!!!!$????");
    QTest::newRow("missing part") << QStringLiteral("$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA");
}

void tst_Password::malformedStoredHashesNeverVerify()
{
    QFETCH(QString, stored);
    QVERIFY(!PasswordHasher::verify(QStringLiteral("secret1"), stored));
}

void tst_Password::policyFollowsSeed001_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("too short") << QStringLiteral("ab1") << false;
    QTest::newRow("five chars") << QStringLiteral("abcd1") << false;
    QTest::newRow("letters only") << QStringLiteral("abcdefgh") << false;
    QTest::newRow("digits only") << QStringLiteral("12345678") << false;
    QTest::newRow("letter and digit") << QStringLiteral("abcde1") << true;
    QTest::newRow("letter and punctuation") << QStringLiteral("abcde!") << true;
    QTest::newRow("unicode letter and digit") << QStringLiteral("Grüße7") << true;
    QTest::newRow("control character") << QStringLiteral("abc\x01" "de1") << false;
    QTest::newRow("too long") << (QString(200, u'a') + u'1') << false;
}

void tst_Password::policyFollowsSeed001()
{
    QFETCH(QString, password);
    QFETCH(bool, accepted);
    Result<void> result = PasswordPolicy::checkStrength(password);
    QCOMPARE(result.ok(), accepted);
    if (!accepted)
        QVERIFY(!result.error().message.isEmpty());
}

void tst_Password::lastTwoPasswordsCannotBeReused()
{
    const QStringList history = {*PasswordHasher::hash(QStringLiteral("second-2"), fast),
                                 *PasswordHasher::hash(QStringLiteral("first-1"), fast),
                                 *PasswordHasher::hash(QStringLiteral("zeroth-0"), fast)};
    QVERIFY(!PasswordPolicy::checkNotReused(QStringLiteral("second-2"), history).ok());
    QVERIFY(!PasswordPolicy::checkNotReused(QStringLiteral("first-1"), history).ok());
    // Only the two most recent count.
    QVERIFY(PasswordPolicy::checkNotReused(QStringLiteral("zeroth-0"), history).ok());
    QVERIFY(PasswordPolicy::checkNotReused(QStringLiteral("brand-new-3"), history).ok());
}

void tst_Password::generatedPasswordsSatisfyPolicy()
{
    for (int i = 0; i < 50; ++i) {
        const QString password = PasswordHasher::generatePassword();
        QCOMPARE(password.size(), 20);
        QVERIFY2(PasswordPolicy::checkStrength(password).ok(), qPrintable(password));
    }
    QVERIFY(PasswordHasher::generatePassword() != PasswordHasher::generatePassword());
}

QTEST_GUILESS_MAIN(tst_Password)
#include "tst_password.moc"
