// Unit tests for engine/srs/authinfo.cpp: the policy for new values, the salted hash (a new salt on
// every call, never the clear value) and constant-time matching that refuses malformed stored values.
#include "srs/authinfo.h"

#include <QTest>

using namespace Qt::StringLiterals;
namespace AuthInfo = reg::srs::AuthInfo;
using reg::srs::Refusal;

class tst_AuthInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policy_data();
    void policy();
    void policyNamesTheFieldButNeverTheValue();
    void hashIsSaltedPerCall();
    void hashNeverContainsTheClearValue();
    void matchesOnlyTheRightValue();
    void malformedStoredValuesNeverMatch_data();
    void malformedStoredValuesNeverMatch();
};

void tst_AuthInfo::policy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("letters and digits") << u"abc12345"_s << true;
    QTest::newRow("letters and punctuation") << u"abcdefg!"_s << true;
    QTest::newRow("exactly 64") << (u"a1"_s.repeated(32)) << true;
    QTest::newRow("seven characters") << u"abc1234"_s << false;
    QTest::newRow("65 characters") << (u"a1"_s.repeated(32) + u'x') << false;
    QTest::newRow("letters only") << u"abcdefgh"_s << false;
    QTest::newRow("digits only") << u"12345678"_s << false;
    QTest::newRow("inner space") << u"abc 12345"_s << false;
    QTest::newRow("leading space") << u" abc12345"_s << false;
    QTest::newRow("non-ascii") << u"abcä12345"_s << false;
    QTest::newRow("control character") << u"abc\t12345"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_AuthInfo::policy()
{
    QFETCH(QString, password);
    QFETCH(bool, accepted);
    const auto checked = AuthInfo::checkPolicy(password, u"domain:pw"_s);
    QCOMPARE(checked.ok(), accepted);
    if (!accepted)
        QCOMPARE(checked.error().refusal, Refusal::PolicyError);
}

void tst_AuthInfo::policyNamesTheFieldButNeverTheValue()
{
    const auto checked = AuthInfo::checkPolicy(u"onlyletters"_s, u"contact:pw"_s);
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().field, u"contact:pw"_s);
    QVERIFY(checked.error().value.isEmpty());
    QVERIFY(!checked.error().message.contains(u"onlyletters"_s));
}

void tst_AuthInfo::hashIsSaltedPerCall()
{
    const QString a = AuthInfo::hash(u"secret-123"_s);
    const QString b = AuthInfo::hash(u"secret-123"_s);
    QVERIFY(a != b);
    QCOMPARE(a.size(), 32 + 1 + 64);   // 16-byte salt hex, '$', SHA-256 hex
    QCOMPARE(a.indexOf(u'$'), 32);
    QVERIFY(a.left(32) != b.left(32));
    QVERIFY(AuthInfo::matches(a, u"secret-123"_s));
    QVERIFY(AuthInfo::matches(b, u"secret-123"_s));
}

void tst_AuthInfo::hashNeverContainsTheClearValue()
{
    const QString clear = u"abcdef12"_s;
    QVERIFY(!AuthInfo::hash(clear).contains(clear));
}

void tst_AuthInfo::matchesOnlyTheRightValue()
{
    const QString stored = AuthInfo::hash(u"Right-Value-9"_s);
    QVERIFY(AuthInfo::matches(stored, u"Right-Value-9"_s));
    QVERIFY(!AuthInfo::matches(stored, u"right-value-9"_s));
    QVERIFY(!AuthInfo::matches(stored, u"Right-Value-9 "_s));
    QVERIFY(!AuthInfo::matches(stored, QString()));
    // A stored value with its digest changed in one place no longer matches.
    QString tampered = stored;
    tampered[tampered.size() - 1] = tampered.back() == u'0' ? u'1' : u'0';
    QVERIFY(!AuthInfo::matches(tampered, u"Right-Value-9"_s));
}

void tst_AuthInfo::malformedStoredValuesNeverMatch_data()
{
    QTest::addColumn<QString>("stored");
    const QString good = AuthInfo::hash(u"abc12345"_s);
    QTest::newRow("empty") << QString();
    QTest::newRow("no separator") << QString(good).remove(u'$');
    QTest::newRow("separator first") << (u'$' + good.mid(33));
    QTest::newRow("short salt") << good.mid(2);
    QTest::newRow("short digest") << good.chopped(2);
    QTest::newRow("not hex") << (u"zz"_s + good.mid(2));
    QTest::newRow("clear text") << u"abc12345"_s;
}

void tst_AuthInfo::malformedStoredValuesNeverMatch()
{
    QFETCH(QString, stored);
    QVERIFY(!AuthInfo::matches(stored, u"abc12345"_s));
    QVERIFY(!AuthInfo::matches(stored, QString()));
}

QTEST_GUILESS_MAIN(tst_AuthInfo)
#include "tst_authinfo.moc"
