#include "admin/apirequests.h"

#include <QTest>
#include <QUrlQuery>

using namespace reg::admin;

class tst_ApiRequests : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesLogin()
    {
        const auto login = ApiRequests::parseLogin("{\"user\":\"admin\",\"password\":\"s3cret!\"}");
        QVERIFY(login);
        QCOMPARE(login->user, QStringLiteral("admin"));
        QCOMPARE(login->password, QStringLiteral("s3cret!"));
    }

    void rejectsBadLogin_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("JSON object body");
        QTest::newRow("not-json") << QByteArray("user=admin") << QStringLiteral("not valid JSON");
        QTest::newRow("truncated") << QByteArray("{\"user\":\"admin\"") << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("JSON object");
        QTest::newRow("missing-password") << QByteArray("{\"user\":\"admin\"}") << QStringLiteral("\"password\" is missing");
        QTest::newRow("number-user") << QByteArray("{\"user\":5,\"password\":\"x\"}") << QStringLiteral("\"user\" must be a string");
        QTest::newRow("empty-password") << QByteArray("{\"user\":\"a\",\"password\":\"\"}") << QStringLiteral("must not be empty");
        QTest::newRow("bad-name") << QByteArray("{\"user\":\"a b\",\"password\":\"x\"}") << QStringLiteral("may contain only");
        QTest::newRow("long-name") << (QByteArray("{\"user\":\"") + QByteArray(65, 'a') + "\",\"password\":\"x\"}")
                                   << QStringLiteral("longer than 64");
        QTest::newRow("unknown-field") << QByteArray("{\"user\":\"a\",\"password\":\"x\",\"admin\":true}") << QStringLiteral("unknown field \"admin\"");
    }
    void rejectsBadLogin()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, messagePart);
        const auto login = ApiRequests::parseLogin(body);
        QVERIFY(!login);
        QCOMPARE(login.error().code, reg::ErrorCode::InvalidInput);
        QVERIFY2(login.error().message.contains(messagePart), qPrintable(login.error().message));
    }

    void decodesCreateUser()
    {
        const auto user = ApiRequests::parseCreateUser("{\"name\":\"alice.b\",\"password\":\"pw-12345\",\"roles\":[\"noc\",\"auditor\"]}");
        QVERIFY(user);
        QCOMPARE(user->name, QStringLiteral("alice.b"));
        QCOMPARE(user->roles, (QList<Role>{Role::Noc, Role::Auditor}));
    }

    void rejectsBadCreateUser_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no-roles") << QByteArray("{\"name\":\"a\",\"password\":\"x1\"}");
        QTest::newRow("roles-not-array") << QByteArray("{\"name\":\"a\",\"password\":\"x1\",\"roles\":\"admin\"}");
        QTest::newRow("empty-roles") << QByteArray("{\"name\":\"a\",\"password\":\"x1\",\"roles\":[]}");
        QTest::newRow("unknown-role") << QByteArray("{\"name\":\"a\",\"password\":\"x1\",\"roles\":[\"root\"]}");
        QTest::newRow("duplicate-role") << QByteArray("{\"name\":\"a\",\"password\":\"x1\",\"roles\":[\"noc\",\"noc\"]}");
        QTest::newRow("role-not-string") << QByteArray("{\"name\":\"a\",\"password\":\"x1\",\"roles\":[1]}");
        QTest::newRow("name-unicode") << QByteArray("{\"name\":\"\xc3\xa4\",\"password\":\"x1\",\"roles\":[\"noc\"]}");
    }
    void rejectsBadCreateUser()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!ApiRequests::parseCreateUser(body));
    }

    void journalQuery_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("from");
        QTest::addColumn<int>("limit");
        QTest::newRow("defaults") << QString() << true << qint64(1) << 100;
        QTest::newRow("both") << QStringLiteral("from=5&limit=1000") << true << qint64(5) << 1000;
        QTest::newRow("limit-too-big") << QStringLiteral("limit=1001") << false << qint64(0) << 0;
        QTest::newRow("from-zero") << QStringLiteral("from=0") << false << qint64(0) << 0;
        QTest::newRow("from-text") << QStringLiteral("from=abc") << false << qint64(0) << 0;
        QTest::newRow("unknown") << QStringLiteral("offset=3") << false << qint64(0) << 0;
        QTest::newRow("twice") << QStringLiteral("from=1&from=2") << false << qint64(0) << 0;
    }
    void journalQuery()
    {
        QFETCH(QString, query);
        QFETCH(bool, ok);
        const auto parsed = ApiRequests::parseJournalQuery(QUrlQuery(query));
        QCOMPARE(bool(parsed), ok);
        if (ok) {
            QFETCH(qint64, from);
            QFETCH(int, limit);
            QCOMPARE(parsed->from, from);
            QCOMPARE(parsed->limit, limit);
        }
    }

    void jsonContentTypes_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<bool>("json");
        QTest::newRow("plain") << QByteArray("application/json") << true;
        QTest::newRow("charset") << QByteArray("application/json; charset=utf-8") << true;
        QTest::newRow("upper") << QByteArray("Application/JSON; Charset=UTF-8") << true;
        QTest::newRow("latin1") << QByteArray("application/json; charset=iso-8859-1") << false;
        QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded") << false;
        QTest::newRow("text") << QByteArray("text/plain") << false;
        QTest::newRow("missing") << QByteArray() << false;
    }
    void jsonContentTypes()
    {
        QFETCH(QByteArray, type);
        QFETCH(bool, json);
        QCOMPARE(ApiRequests::isJsonContentType(type), json);
    }

    void emptyBodies()
    {
        QVERIFY(ApiRequests::parseEmpty({}));
        QVERIFY(ApiRequests::parseEmpty("{}"));
        QVERIFY(!ApiRequests::parseEmpty("{\"x\":1}"));
        QVERIFY(!ApiRequests::parseEmpty("nope"));
    }
};

QTEST_GUILESS_MAIN(tst_ApiRequests)
#include "tst_apirequests.moc"
