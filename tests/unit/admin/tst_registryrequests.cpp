#include "admin/registryrequests.h"

#include <QTest>
#include <QUrlQuery>

using namespace reg::admin;
using namespace reg::admin::RegistryRequests;

class tst_RegistryRequests : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void searchDefaults()
    {
        const reg::Result<Search> s = parseSearch(QUrlQuery(QStringLiteral("q=Example")));
        QVERIFY(s.ok());
        QCOMPARE(s->text, QStringLiteral("example"));   // domain names compare lower-case
        QCOMPARE(s->type, ObjectType::Domain);
        QCOMPARE(s->match, Match::Prefix);
        QCOMPARE(s->limit, defaultSearchLimit);
        QVERIFY(s->after.isEmpty());
    }

    void contactIdsKeepTheirCase()
    {
        const reg::Result<Search> s = parseSearch(QUrlQuery(QStringLiteral("q=AbC-1&type=contact&match=contains&limit=200")));
        QVERIFY(s.ok());
        QCOMPARE(s->text, QStringLiteral("AbC-1"));
        QCOMPARE(s->type, ObjectType::Contact);
        QCOMPARE(s->match, Match::Contains);
        QCOMPARE(s->limit, 200);
    }

    void cursorRoundTrips_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("domain") << QStringLiteral("example.example");
        QTest::newRow("needs padding") << QStringLiteral("ab");
        QTest::newRow("url-unsafe in base64") << QStringLiteral("\xff\xfe?>");
    }
    void cursorRoundTrips()
    {
        QFETCH(QString, key);
        QUrlQuery query(QStringLiteral("q=a"));
        query.addQueryItem(QStringLiteral("cursor"), encodeCursor(key));
        const reg::Result<Search> s = parseSearch(query);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        QCOMPARE(s->after, key);
    }

    void refusesBadSearches_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("missing q") << QStringLiteral("type=host");
        QTest::newRow("blank q") << QStringLiteral("q=%20%20");
        QTest::newRow("non-ASCII q") << QStringLiteral("q=%C3%A4");
        QTest::newRow("q too long") << QStringLiteral("q=") + QString(254, u'a');
        QTest::newRow("bad type") << QStringLiteral("q=a&type=Domain");
        QTest::newRow("bad match") << QStringLiteral("q=a&match=suffix");
        QTest::newRow("limit negative") << QStringLiteral("q=a&limit=-1");
        QTest::newRow("limit overflow") << QStringLiteral("q=a&limit=99999999999");
        QTest::newRow("repeated type") << QStringLiteral("q=a&type=host&type=host");
        QTest::newRow("unknown") << QStringLiteral("q=a&offset=10");
        QTest::newRow("cursor not base64") << QStringLiteral("q=a&cursor=***");
        QTest::newRow("cursor with padding") << QStringLiteral("q=a&cursor=YWI=");
        QTest::newRow("cursor too long") << QStringLiteral("q=a&cursor=") + QString(401, u'A');
    }
    void refusesBadSearches()
    {
        QFETCH(QString, query);
        const reg::Result<Search> s = parseSearch(QUrlQuery(query));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, reg::ErrorCode::InvalidInput);
        QVERIFY(!s.error().message.isEmpty());
    }

    void pages_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("before");
        QTest::addColumn<int>("limit");
        QTest::newRow("defaults") << QString() << true << qint64(0) << defaultPageLimit;
        QTest::newRow("both") << QStringLiteral("before=42&limit=500") << true << qint64(42) << 500;
        QTest::newRow("before zero") << QStringLiteral("before=0") << false << qint64(0) << 0;
        QTest::newRow("before text") << QStringLiteral("before=x") << false << qint64(0) << 0;
        QTest::newRow("limit too big") << QStringLiteral("limit=501") << false << qint64(0) << 0;
        QTest::newRow("unknown") << QStringLiteral("from=1") << false << qint64(0) << 0;
        QTest::newRow("repeated") << QStringLiteral("limit=1&limit=2") << false << qint64(0) << 0;
    }
    void pages()
    {
        QFETCH(QString, query);
        QFETCH(bool, valid);
        QFETCH(qint64, before);
        QFETCH(int, limit);
        const reg::Result<Page> p = parsePage(QUrlQuery(query));
        QCOMPARE(p.ok(), valid);
        if (valid) {
            QCOMPARE(p->before, before);
            QCOMPARE(p->limit, limit);
        }
    }

    void objectNamesAndIds()
    {
        QCOMPARE(*parseObjectName(QStringLiteral("Ns1.Example.EXAMPLE")), QStringLiteral("ns1.example.example"));
        QVERIFY(!parseObjectName(QString()).ok());
        QVERIFY(!parseObjectName(QStringLiteral("a_b.example")).ok());
        QVERIFY(!parseObjectName(QStringLiteral("a b")).ok());
        QVERIFY(!parseObjectName(QString(254, u'a')).ok());
        QCOMPARE(*parseObjectId(QStringLiteral("ALP-0001")), QStringLiteral("ALP-0001"));
        QVERIFY(!parseObjectId(QStringLiteral("a/b")).ok());
        QVERIFY(!parseObjectId(QStringLiteral("a b")).ok());
        QVERIFY(!parseObjectId(QString(65, u'a')).ok());
        QVERIFY(parseNoParameters(QUrlQuery()).ok());
        QVERIFY(!parseNoParameters(QUrlQuery(QStringLiteral("x=1"))).ok());
    }
};

QTEST_GUILESS_MAIN(tst_RegistryRequests)
#include "tst_registryrequests.moc"
