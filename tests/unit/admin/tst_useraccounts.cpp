#include "admin/useraccounts.h"

#include "core/passwordpolicy.h"
#include "store/journal.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace reg::admin;

namespace {

// Runs the event loop until an asynchronous UserAccounts call answers.
template<typename T>
T waitFor(const std::function<void(std::function<void(T)>)> &call)
{
    std::optional<T> answer;
    call([&](T value) { answer.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000))
        qFatal("no answer within 30 s");
    return *answer;
}

} // namespace

class tst_UserAccounts : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    reg::ManualClock m_clock;
    std::unique_ptr<reg::store::Store> m_store;
    std::unique_ptr<UserAccounts> m_accounts;
    QObject m_context;
    const LoginPolicy m_policy{3, 600};

    reg::Result<LoginResult> login(const QString &user, const QString &password)
    {
        return waitFor<reg::Result<LoginResult>>([&](auto done) {
            m_accounts->authenticate(user, password, m_policy, &m_context, done);
        });
    }
    reg::Result<PasswordChangeResult> changeResult(const QString &user, const QString &oldPassword, const QString &newPassword)
    {
        return waitFor<reg::Result<PasswordChangeResult>>([&](auto done) {
            m_accounts->changePassword(user, oldPassword, newPassword, m_policy, &m_context, done);
        });
    }
    // Success as a plain Result: a wrong current password becomes Forbidden, a lock Locked.
    reg::Result<void> changePassword(const QString &user, const QString &oldPassword, const QString &newPassword)
    {
        const auto result = changeResult(user, oldPassword, newPassword);
        if (!result)
            return result.error();
        switch (result->outcome) {
        case PasswordChangeResult::Outcome::Changed: return reg::success();
        case PasswordChangeResult::Outcome::WrongPassword: return reg::Error(reg::ErrorCode::Forbidden, QStringLiteral("wrong"));
        case PasswordChangeResult::Outcome::Locked: return reg::Error(reg::ErrorCode::Locked, QStringLiteral("locked"));
        }
        return reg::success();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        static int n = 0;
        reg::store::StoreOptions options;
        options.databaseFile = m_dir.filePath(QStringLiteral("registry-%1.db").arg(++n));
        options.create = true;
        auto store = reg::store::Store::open(options, m_clock);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(*store);
        m_accounts = std::make_unique<UserAccounts>(*m_store, m_clock);
        const auto created = m_accounts->createUser(QStringLiteral("alice"), QStringLiteral("first-pw1"), {Role::Noc}, QStringLiteral("setup"));
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    }
    void cleanup()
    {
        m_accounts.reset();
        m_store.reset();
    }

    void createUserJournalsWithoutSecrets()
    {
        auto reader = m_store->openReader();
        QVERIFY(reader);
        auto entries = reg::store::Journal::read(**reader, 1, 10);
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        const auto &entry = entries->first();
        QCOMPARE(entry.change.kind, QStringLiteral("user.create"));
        QCOMPARE(entry.change.actor, QStringLiteral("setup"));
        QCOMPARE(entry.change.object, QStringLiteral("alice"));
        QVERIFY(!entry.change.data.contains(QStringLiteral("password")));
        QVERIFY(!QJsonDocument(entry.change.data).toJson().contains("scrypt"));
    }

    void createUserRejectsDuplicatesCaseInsensitively()
    {
        const auto again = m_accounts->createUser(QStringLiteral("ALICE"), QStringLiteral("other-pw2"), {Role::Admin}, QStringLiteral("setup"));
        QVERIFY(!again);
        QCOMPARE(again.error().code, reg::ErrorCode::Conflict);
    }

    void createUserChecksPolicyAndName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("password");
        QTest::newRow("short-password") << QStringLiteral("bob") << QStringLiteral("a1");
        QTest::newRow("no-digit-or-punct") << QStringLiteral("bob") << QStringLiteral("abcdefgh");
        QTest::newRow("no-letter") << QStringLiteral("bob") << QStringLiteral("12345678");
        QTest::newRow("bad-name") << QStringLiteral("bob smith") << QStringLiteral("good-pw1");
        QTest::newRow("empty-name") << QString() << QStringLiteral("good-pw1");
    }
    void createUserChecksPolicyAndName()
    {
        QFETCH(QString, name);
        QFETCH(QString, password);
        const auto created = m_accounts->createUser(name, password, {Role::Noc}, QStringLiteral("setup"));
        QVERIFY(!created);
        QCOMPARE(created.error().code, reg::ErrorCode::InvalidInput);
        auto users = m_accounts->listUsers();
        QVERIFY(users);
        QCOMPARE(users->size(), 1);   // nothing changed
    }

    void rightPasswordLogsIn()
    {
        const auto result = login(QStringLiteral("alice"), QStringLiteral("first-pw1"));
        QVERIFY(result);
        QCOMPARE(result->outcome, LoginResult::Outcome::Success);
        QCOMPARE(result->user.roles, QList<Role>{Role::Noc});
    }

    void unknownUserIsInvalidCredentials()
    {
        const auto result = login(QStringLiteral("mallory"), QStringLiteral("whatever1"));
        QVERIFY(result);
        QCOMPARE(result->outcome, LoginResult::Outcome::InvalidCredentials);
    }

    void failuresLockTheAccountForTheLockoutPeriod()
    {
        for (int i = 1; i <= 2; ++i) {
            const auto r = login(QStringLiteral("alice"), QStringLiteral("wrong-pw%1").arg(i));
            QCOMPARE(r->outcome, LoginResult::Outcome::InvalidCredentials);
            QVERIFY(!r->lockedByThisAttempt);
            QCOMPARE((*m_accounts->findUser(QStringLiteral("alice")))->failedLogins, i);
        }
        const auto third = login(QStringLiteral("alice"), QStringLiteral("wrong-pw3"));
        QCOMPARE(third->outcome, LoginResult::Outcome::InvalidCredentials);
        QVERIFY(third->lockedByThisAttempt);

        // Locked: even the right password is refused.
        const auto locked = login(QStringLiteral("alice"), QStringLiteral("first-pw1"));
        QCOMPARE(locked->outcome, LoginResult::Outcome::Locked);
        QCOMPARE(locked->user.lockedUntil, m_clock.now().addSecs(600));

        m_clock.advance(599'000);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("first-pw1"))->outcome, LoginResult::Outcome::Locked);
        m_clock.advance(1'000);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("first-pw1"))->outcome, LoginResult::Outcome::Success);
        const auto user = *m_accounts->findUser(QStringLiteral("alice"));
        QCOMPARE(user->failedLogins, 0);
        QVERIFY(!user->lockedUntil.isValid());
    }

    void successResetsTheFailureCount()
    {
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("wrong-pw1"))->outcome, LoginResult::Outcome::InvalidCredentials);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("wrong-pw2"))->outcome, LoginResult::Outcome::InvalidCredentials);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("first-pw1"))->outcome, LoginResult::Outcome::Success);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("wrong-pw3"))->outcome, LoginResult::Outcome::InvalidCredentials);
        QCOMPARE((*m_accounts->findUser(QStringLiteral("alice")))->failedLogins, 1);
    }

    void unlockClearsALock()
    {
        for (int i = 0; i < 3; ++i)
            (void)login(QStringLiteral("alice"), QStringLiteral("wrong-pw1"));
        QVERIFY((*m_accounts->findUser(QStringLiteral("alice")))->isLocked(m_clock.now()));
        const auto unlocked = waitFor<reg::Result<void>>([&](auto done) {
            m_accounts->unlock(QStringLiteral("alice"), QStringLiteral("admin"), &m_context, done);
        });
        QVERIFY(unlocked);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("first-pw1"))->outcome, LoginResult::Outcome::Success);
        const auto missing = waitFor<reg::Result<void>>([&](auto done) {
            m_accounts->unlock(QStringLiteral("nobody"), QStringLiteral("admin"), &m_context, done);
        });
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, reg::ErrorCode::NotFound);
    }

    void passwordChangeFollowsPolicyAndForbidsTheLastTwo()
    {
        // Wrong current password.
        auto r = changePassword(QStringLiteral("alice"), QStringLiteral("not-it1"), QStringLiteral("second-pw2"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, reg::ErrorCode::Forbidden);
        // Too weak.
        r = changePassword(QStringLiteral("alice"), QStringLiteral("first-pw1"), QStringLiteral("abc"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, reg::ErrorCode::InvalidInput);
        // Same as the current one.
        r = changePassword(QStringLiteral("alice"), QStringLiteral("first-pw1"), QStringLiteral("first-pw1"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, reg::ErrorCode::InvalidInput);

        m_clock.advance(1000);
        r = changePassword(QStringLiteral("alice"), QStringLiteral("first-pw1"), QStringLiteral("second-pw2"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE((*m_accounts->findUser(QStringLiteral("alice")))->passwordChangedAt, m_clock.now());
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("first-pw1"))->outcome, LoginResult::Outcome::InvalidCredentials);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("second-pw2"))->outcome, LoginResult::Outcome::Success);

        // The previous password is one of the last two: refused.
        m_clock.advance(1000);
        r = changePassword(QStringLiteral("alice"), QStringLiteral("second-pw2"), QStringLiteral("first-pw1"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, reg::ErrorCode::InvalidInput);

        r = changePassword(QStringLiteral("alice"), QStringLiteral("second-pw2"), QStringLiteral("third-pw3"));
        QVERIFY(r);
        // Two changes later the first password is allowed again.
        m_clock.advance(1000);
        r = changePassword(QStringLiteral("alice"), QStringLiteral("third-pw3"), QStringLiteral("first-pw1"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    }

    // A stolen token must not let anyone guess the password without limit through /me/password.
    void wrongCurrentPasswordCountsTowardsTheLockout()
    {
        const auto first = changeResult(QStringLiteral("alice"), QStringLiteral("guess-1"), QStringLiteral("second-pw2"));
        QVERIFY(first);
        QCOMPARE(first->outcome, PasswordChangeResult::Outcome::WrongPassword);
        QVERIFY(!first->lockedByThisAttempt);
        QCOMPARE((*m_accounts->findUser(QStringLiteral("alice")))->failedLogins, 1);
        // Failed logins and failed re-authentications share one count.
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("wrong-pw2"))->outcome, LoginResult::Outcome::InvalidCredentials);
        const auto third = changeResult(QStringLiteral("alice"), QStringLiteral("guess-3"), QStringLiteral("second-pw2"));
        QCOMPARE(third->outcome, PasswordChangeResult::Outcome::WrongPassword);
        QVERIFY(third->lockedByThisAttempt);
        QCOMPARE(third->user.lockedUntil, m_clock.now().addSecs(600));

        // Locked: neither the right current password nor a login gets through, and nothing changed.
        const auto locked = changeResult(QStringLiteral("alice"), QStringLiteral("first-pw1"), QStringLiteral("second-pw2"));
        QCOMPARE(locked->outcome, PasswordChangeResult::Outcome::Locked);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("first-pw1"))->outcome, LoginResult::Outcome::Locked);
        m_clock.advance(600'000);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("first-pw1"))->outcome, LoginResult::Outcome::Success);
    }

    void successfulChangeClearsTheFailureCount()
    {
        QCOMPARE(changeResult(QStringLiteral("alice"), QStringLiteral("guess-1"), QStringLiteral("second-pw2"))->outcome,
                 PasswordChangeResult::Outcome::WrongPassword);
        const auto changed = changeResult(QStringLiteral("alice"), QStringLiteral("first-pw1"), QStringLiteral("second-pw2"));
        QCOMPARE(changed->outcome, PasswordChangeResult::Outcome::Changed);
        QCOMPARE(changed->user.failedLogins, 0);
        QCOMPARE((*m_accounts->findUser(QStringLiteral("alice")))->failedLogins, 0);
    }

    // A weak new password is refused before the current one is checked: it neither counts nor changes anything.
    void policyViolationDoesNotCount()
    {
        const auto weak = changeResult(QStringLiteral("alice"), QStringLiteral("guess-1"), QStringLiteral("abc"));
        QVERIFY(!weak);
        QCOMPARE(weak.error().code, reg::ErrorCode::InvalidInput);
        QCOMPARE((*m_accounts->findUser(QStringLiteral("alice")))->failedLogins, 0);
    }

    void passwordExpiresAfterNinetyDays()
    {
        const auto user = *m_accounts->findUser(QStringLiteral("alice"));
        QCOMPARE(user->passwordExpiresAt(), user->passwordChangedAt.addDays(reg::PasswordPolicy::lifetimeDays));
    }
};

QTEST_GUILESS_MAIN(tst_UserAccounts)
#include "tst_useraccounts.moc"
