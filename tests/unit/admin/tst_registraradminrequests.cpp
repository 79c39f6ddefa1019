#include "admin/registraradminrequests.h"

#include <QTest>

using namespace reg;
using namespace reg::admin;
namespace R = reg::admin::RegistrarAdminRequests;

class tst_RegistrarAdminRequests : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createRegistrarAcceptsAFullBody()
    {
        const Result<R::CreateRegistrar> r = R::parseCreateRegistrar(
            "{\"id\":\"rar-new\",\"name\":\" New Ltd \",\"ianaId\":42,\"email\":\"a@b.test\",\"phone\":\"+1.7035555555\",\n                \"url\":\"https://new.test\",\"creditLimitCents\":100,\"lowBalanceCents\":5}");
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->id, QStringLiteral("rar-new"));
        QCOMPARE(r->name, QStringLiteral("New Ltd"));
        QVERIFY(r->ianaId && *r->ianaId == 42);
        QCOMPARE(r->creditLimitCents, qint64(100));
        QCOMPARE(r->lowBalanceCents, qint64(5));
    }

    void createRegistrarDefaults()
    {
        const Result<R::CreateRegistrar> r = R::parseCreateRegistrar("{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\"}");
        QVERIFY(r);
        QVERIFY(!r->ianaId);
        QCOMPARE(r->creditLimitCents, qint64(0));
        QCOMPARE(r->phone, QString());
    }

    void createRegistrarTakesWhoisFields()
    {
        const Result<R::CreateRegistrar> r = R::parseCreateRegistrar(
            "{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\",\"whoisServer\":\"Whois.Registrar.Example.\","
            "\"webWhoisUrl\":\"https://registrar.example/whois?q=\"}");
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->whoisServer, QStringLiteral("whois.registrar.example"));
        QCOMPARE(r->webWhoisUrl, QStringLiteral("https://registrar.example/whois?q="));
        const Result<R::CreateRegistrar> none = R::parseCreateRegistrar("{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\"}");
        QVERIFY(none);
        QVERIFY(none->whoisServer.isEmpty());
        QVERIFY(none->webWhoisUrl.isEmpty());
    }

    void whoisFieldsAreValidated_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("host name") << QByteArray("\"whoisServer\":\"whois.r.example\"") << true;
        QTest::newRow("empty server") << QByteArray("\"whoisServer\":\"\"") << true;
        QTest::newRow("server with port") << QByteArray("\"whoisServer\":\"whois.r.example:43\"") << false;
        QTest::newRow("server is a url") << QByteArray("\"whoisServer\":\"https://whois.r.example\"") << false;
        QTest::newRow("server single label") << QByteArray("\"whoisServer\":\"whois\"") << false;
        QTest::newRow("server ip") << QByteArray("\"whoisServer\":\"192.0.2.1\"") << false;
        QTest::newRow("server too long") << (QByteArray("\"whoisServer\":\"") + QByteArray(250, 'a') + ".example\"") << false;
        QTest::newRow("server number") << QByteArray("\"whoisServer\":43") << false;
        QTest::newRow("http url") << QByteArray("\"webWhoisUrl\":\"http://r.example/whois\"") << true;
        QTest::newRow("empty url") << QByteArray("\"webWhoisUrl\":\"\"") << true;
        QTest::newRow("javascript url") << QByteArray("\"webWhoisUrl\":\"javascript:alert(1)\"") << false;
        QTest::newRow("ftp url") << QByteArray("\"webWhoisUrl\":\"ftp://r.example/\"") << false;
        QTest::newRow("url without host") << QByteArray("\"webWhoisUrl\":\"https:///whois\"") << false;
        QTest::newRow("url with credentials") << QByteArray("\"webWhoisUrl\":\"https://u:p@r.example/\"") << false;
        QTest::newRow("url with space") << QByteArray("\"webWhoisUrl\":\"https://r.example/a b\"") << false;
        QTest::newRow("url too long") << (QByteArray("\"webWhoisUrl\":\"https://r.example/") + QByteArray(250, 'a') + "\"") << false;
        QTest::newRow("url control char") << QByteArray("\"webWhoisUrl\":\"https://r.example/\\u0007\"") << false;
        QTest::newRow("rdap base") << QByteArray("\"rdapBaseUrl\":\"https://rdap.r.example/v1/\"") << true;
        QTest::newRow("rdap base without path") << QByteArray("\"rdapBaseUrl\":\"https://rdap.r.example\"") << true;
        QTest::newRow("empty rdap base") << QByteArray("\"rdapBaseUrl\":\"\"") << true;
        QTest::newRow("rdap base over http") << QByteArray("\"rdapBaseUrl\":\"http://rdap.r.example/\"") << false;
        QTest::newRow("rdap base with query") << QByteArray("\"rdapBaseUrl\":\"https://rdap.r.example/?x=1\"") << false;
        QTest::newRow("rdap base with fragment") << QByteArray("\"rdapBaseUrl\":\"https://rdap.r.example/#top\"") << false;
        QTest::newRow("rdap base with credentials") << QByteArray("\"rdapBaseUrl\":\"https://u:p@rdap.r.example/\"") << false;
        QTest::newRow("rdap base too long") << (QByteArray("\"rdapBaseUrl\":\"https://r.example/") + QByteArray(250, 'a') + "\"") << false;
        QTest::newRow("rdap base number") << QByteArray("\"rdapBaseUrl\":443") << false;
    }

    void whoisFieldsAreValidated()
    {
        QFETCH(QByteArray, fields);
        QFETCH(bool, accepted);
        const QByteArray create = "{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\"," + fields + "}";
        QCOMPARE(R::parseCreateRegistrar(create).ok(), accepted);
        const Result<R::AccountUpdate> update = R::parseAccountUpdate("{" + fields + "}");
        QCOMPARE(update.ok(), accepted);
        if (accepted)
            QVERIFY(update->whoisServer || update->webWhoisUrl || update->rdapBaseUrl);
    }

    void createRegistrarRefuses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("not json") << QByteArray("{id:");
        QTest::newRow("missing id") << QByteArray("{\"name\":\"N\",\"email\":\"a@b.test\"}");
        QTest::newRow("id 2 chars") << QByteArray("{\"id\":\"ab\",\"name\":\"N\",\"email\":\"a@b.test\"}");
        QTest::newRow("id 17 chars") << QByteArray("{\"id\":\"abcdefghijklmnopq\",\"name\":\"N\",\"email\":\"a@b.test\"}");
        QTest::newRow("id with slash") << QByteArray("{\"id\":\"ab/cd\",\"name\":\"N\",\"email\":\"a@b.test\"}");
        QTest::newRow("id with space") << QByteArray("{\"id\":\"ab cd\",\"name\":\"N\",\"email\":\"a@b.test\"}");
        QTest::newRow("id number") << QByteArray("{\"id\":12345,\"name\":\"N\",\"email\":\"a@b.test\"}");
        QTest::newRow("blank name") << QByteArray("{\"id\":\"abc\",\"name\":\"  \",\"email\":\"a@b.test\"}");
        QTest::newRow("control char") << QByteArray("{\"id\":\"abc\",\"name\":\"N\\u0007\",\"email\":\"a@b.test\"}");
        QTest::newRow("bad email") << QByteArray("{\"id\":\"abc\",\"name\":\"N\",\"email\":\"nobody\"}");
        QTest::newRow("bad phone") << QByteArray("{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\",\"phone\":\"555-1234\"}");
        QTest::newRow("bad url") << QByteArray("{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\",\"url\":\"javascript:x\"}");
        QTest::newRow("iana zero") << QByteArray("{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\",\"ianaId\":0}");
        QTest::newRow("iana string") << QByteArray("{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\",\"ianaId\":\"1\"}");
        QTest::newRow("negative credit") << QByteArray("{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\",\"creditLimitCents\":-1}");
        QTest::newRow("fractional credit") << QByteArray("{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\",\"creditLimitCents\":1.5}");
        QTest::newRow("huge credit") << QByteArray("{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\",\"creditLimitCents\":1e300}");
        QTest::newRow("unknown field") << QByteArray("{\"id\":\"abc\",\"name\":\"N\",\"email\":\"a@b.test\",\"balanceCents\":1}");
    }
    void createRegistrarRefuses()
    {
        QFETCH(QByteArray, body);
        const Result<R::CreateRegistrar> r = R::parseCreateRegistrar(body);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY(!r.error().message.isEmpty());
    }

    void addressesAreSingle_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::newRow("v4") << QByteArray("{\"address\":\"192.0.2.1\"}") << true;
        QTest::newRow("v6") << QByteArray("{\"address\":\"2001:db8::1\"}") << true;
        QTest::newRow("cidr") << QByteArray("{\"address\":\"10.0.0.0/8\"}") << false;
        QTest::newRow("v6 cidr") << QByteArray("{\"address\":\"2001:db8::/32\"}") << false;
        QTest::newRow("dash range") << QByteArray("{\"address\":\"10.0.0.1-10.0.0.9\"}") << false;
        QTest::newRow("wildcard") << QByteArray("{\"address\":\"10.0.0.*\"}") << false;
        QTest::newRow("name") << QByteArray("{\"address\":\"example.net\"}") << false;
        QTest::newRow("scope id") << QByteArray("{\"address\":\"fe80::1%eth0\"}") << false;
        QTest::newRow("missing") << QByteArray("{}") << false;
        QTest::newRow("extra") << QByteArray("{\"address\":\"192.0.2.1\",\"mask\":\"255.0.0.0\"}") << false;
    }
    void addressesAreSingle()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QCOMPARE(bool(R::parseAddress(body)), ok);
    }

    void certificates()
    {
        const QByteArray pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        QVERIFY(R::parseCertificate("application/x-pem-file", pem));
        QVERIFY(R::parseCertificate("application/json", "{\"pem\":\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\"}"));
        QVERIFY(!R::parseCertificate("application/x-pem-file", pem + pem));   // a chain
        QVERIFY(!R::parseCertificate("application/x-pem-file", "-----BEGIN PRIVATE KEY-----\nAA\n-----END PRIVATE KEY-----\n"));
        QVERIFY(!R::parseCertificate("application/json", "{\"pem\":\"\"}"));
        const Result<QByteArray> big = R::parseCertificate("application/x-pem-file", QByteArray(R::maxCertificateBytes + 1, 'A'));
        QVERIFY(!big);
        QCOMPARE(big.error().code, ErrorCode::TooLarge);
        QVERIFY(R::isPemContentType("application/x-pem-file; charset=us-ascii"));
        QVERIFY(!R::isPemContentType("text/plain"));
    }

    void paymentsAndUpdates()
    {
        const Result<R::Payment> p = R::parsePayment("{\"amountCents\":2500,\"description\":\" wire \"}");
        QVERIFY(p);
        QCOMPARE(p->amountCents, qint64(2500));
        QCOMPARE(p->description, QStringLiteral("wire"));
        QVERIFY(!R::parsePayment("{\"amountCents\":0,\"description\":\"x\"}"));
        QVERIFY(!R::parsePayment("{\"amountCents\":-5,\"description\":\"x\"}"));
        QVERIFY(!R::parsePayment("{\"amountCents\":5}"));
        QVERIFY(!R::parsePayment("{\"description\":\"x\"}"));
        QVERIFY(!R::parsePayment(QByteArray("{\"amountCents\":5,\"description\":\"") + QByteArray(201, 'x') + "\"}"));

        const Result<R::AccountUpdate> u = R::parseAccountUpdate("{\"lowBalanceCents\":7}");
        QVERIFY(u);
        QVERIFY(!u->creditLimitCents);
        QVERIFY(u->lowBalanceCents && *u->lowBalanceCents == 7);
        QVERIFY(!R::parseAccountUpdate("{}"));
        QVERIFY(!R::parseAccountUpdate("{\"creditLimitCents\":-1}"));
    }

    void identifiers()
    {
        QVERIFY(R::parseRegistrarUser("{\"userId\":\"rar-epp\"}"));
        QVERIFY(!R::parseRegistrarUser("{\"userId\":\"x\"}"));
        QVERIFY(!R::parseRegistrarUser("{\"userId\":\"rar-epp\",\"password\":\"x\"}"));   // passwords are generated, never sent
        QVERIFY(R::parseRegistrarId(QStringLiteral("rar-alpha")));
        QVERIFY(!R::parseRegistrarId(QStringLiteral("..")) );
        QVERIFY(!R::parseRegistrarId(QStringLiteral("rar%20alpha")));
    }
};

QTEST_GUILESS_MAIN(tst_RegistrarAdminRequests)
#include "tst_registraradminrequests.moc"
