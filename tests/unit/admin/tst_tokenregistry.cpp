#include "admin/tokenregistry.h"

#include <QTest>

using namespace reg::admin;

class tst_TokenRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void issuedTokenIsRandom256BitsAndValid()
    {
        reg::ManualClock clock;
        TokenRegistry tokens(clock, 3600);
        const auto a = tokens.issue(QStringLiteral("alice"), {Role::Noc}, {});
        const auto b = tokens.issue(QStringLiteral("alice"), {Role::Noc}, {});
        QCOMPARE(a.token.size(), 43);   // 32 bytes, base64url without padding
        QCOMPARE(QByteArray::fromBase64(a.token, QByteArray::Base64UrlEncoding).size(), 32);
        QVERIFY(a.token != b.token);
        const auto lookup = tokens.lookup(a.token);
        QCOMPARE(lookup.status, TokenRegistry::Status::Valid);
        QCOMPARE(lookup.session.user, QStringLiteral("alice"));
        QCOMPARE(lookup.session.roles, QList<Role>{Role::Noc});
        QCOMPARE(lookup.session.expiresAt, clock.now().addSecs(3600));
    }

    void tokenExpiresAtItsLifetime()
    {
        reg::ManualClock clock;
        TokenRegistry tokens(clock, 60);
        const auto issued = tokens.issue(QStringLiteral("bob"), {Role::Admin}, {});
        clock.advance(59'999);
        QCOMPARE(tokens.lookup(issued.token).status, TokenRegistry::Status::Valid);
        clock.advance(1);
        QCOMPARE(tokens.lookup(issued.token).status, TokenRegistry::Status::Expired);
        QCOMPARE(tokens.activeCount(), 0);
        // Long after expiry it is forgotten and becomes simply unknown.
        clock.advance((TokenRegistry::expiredMemorySecs + 1) * 1000);
        tokens.purge();
        QCOMPARE(tokens.lookup(issued.token).status, TokenRegistry::Status::Unknown);
    }

    void revokeEndsOnlyThatToken()
    {
        reg::ManualClock clock;
        TokenRegistry tokens(clock, 3600);
        const auto a = tokens.issue(QStringLiteral("carol"), {Role::Admin}, {});
        const auto b = tokens.issue(QStringLiteral("carol"), {Role::Admin}, {});
        QVERIFY(tokens.revoke(a.token));
        QCOMPARE(tokens.lookup(a.token).status, TokenRegistry::Status::Unknown);
        QCOMPARE(tokens.lookup(b.token).status, TokenRegistry::Status::Valid);
        QVERIFY(!tokens.revoke(a.token));
        QCOMPARE(tokens.revokeUser(QStringLiteral("CAROL")), 1);
        QCOMPARE(tokens.lookup(b.token).status, TokenRegistry::Status::Unknown);
    }

    // After a password change: every other session ends, the one that made the change continues
    // and no longer counts as expired.
    void revokeUserCanKeepOneSessionWithANewPasswordExpiry()
    {
        reg::ManualClock clock;
        TokenRegistry tokens(clock, 3600);
        const auto kept = tokens.issue(QStringLiteral("frank"), {Role::Noc}, clock.now());
        const auto other = tokens.issue(QStringLiteral("frank"), {Role::Noc}, clock.now());
        const auto someoneElse = tokens.issue(QStringLiteral("gina"), {Role::Noc}, {});
        QVERIFY(tokens.lookup(kept.token).session.passwordExpired(clock.now()));
        QCOMPARE(tokens.revokeUser(QStringLiteral("Frank"), TokenRegistry::hashToken(kept.token)), 1);
        QCOMPARE(tokens.lookup(other.token).status, TokenRegistry::Status::Unknown);
        QCOMPARE(tokens.lookup(someoneElse.token).status, TokenRegistry::Status::Valid);
        QVERIFY(tokens.setPasswordExpiry(TokenRegistry::hashToken(kept.token), clock.now().addDays(90)));
        const auto lookup = tokens.lookup(kept.token);
        QCOMPARE(lookup.status, TokenRegistry::Status::Valid);
        QVERIFY(!lookup.session.passwordExpired(clock.now()));
        QVERIFY(!tokens.setPasswordExpiry(TokenRegistry::hashToken(other.token), clock.now()));
    }

    void malformedTokensAreUnknown_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short") << QByteArray("abc");
        QTest::newRow("bad-chars") << QByteArray(43, '+');
        QTest::newRow("too-long") << QByteArray(44, 'a');
    }
    void malformedTokensAreUnknown()
    {
        QFETCH(QByteArray, token);
        reg::ManualClock clock;
        TokenRegistry tokens(clock, 3600);
        QCOMPARE(tokens.lookup(token).status, TokenRegistry::Status::Unknown);
    }

    void sessionsPerUserAreCapped()
    {
        reg::ManualClock clock;
        TokenRegistry tokens(clock, 3600);
        const auto first = tokens.issue(QStringLiteral("dave"), {Role::Noc}, {});
        for (int i = 1; i < TokenRegistry::maxSessionsPerUser; ++i) {
            clock.advance(1);
            tokens.issue(QStringLiteral("dave"), {Role::Noc}, {});
        }
        QCOMPARE(tokens.lookup(first.token).status, TokenRegistry::Status::Valid);
        clock.advance(1);
        const auto newest = tokens.issue(QStringLiteral("dave"), {Role::Noc}, {});
        QCOMPARE(tokens.lookup(first.token).status, TokenRegistry::Status::Unknown);
        QCOMPARE(tokens.lookup(newest.token).status, TokenRegistry::Status::Valid);
        QCOMPARE(tokens.activeCount(), TokenRegistry::maxSessionsPerUser);
    }

    void passwordExpiryIsReported()
    {
        reg::ManualClock clock;
        TokenRegistry tokens(clock, 3600);
        const auto issued = tokens.issue(QStringLiteral("erin"), {Role::Noc}, clock.now().addSecs(10));
        QVERIFY(!tokens.lookup(issued.token).session.passwordExpired(clock.now()));
        clock.advance(10'000);
        QVERIFY(tokens.lookup(issued.token).session.passwordExpired(clock.now()));
    }
};

QTEST_GUILESS_MAIN(tst_TokenRegistry)
#include "tst_tokenregistry.moc"
