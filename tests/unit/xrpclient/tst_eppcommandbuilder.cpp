// EppCommandBuilder writes commands the official schemas accept; EppResponse reads what servers send.
#include "xrpclient/eppcommandbuilder.h"
#include "xrpclient/eppresponse.h"

#include "common/eppschemavalidator.h"

#include <QSet>
#include <QTest>

using namespace reg;
using namespace reg::xrpclient;

class tst_EppCommandBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void commandsAreSchemaValid_data();
    void commandsAreSchemaValid();
    void valuesAreEscaped();
    void transactionIdsAreUniqueAndEchoedInCommand();
    void parsesResponse();
    void parsesGreetingServices();
    void refusesWhatIsNotAResponse_data();
    void refusesWhatIsNotAResponse();
    void scansResultCodeAndElements_data();
    void scansResultCodeAndElements();

private:
    EppSchemaValidator m_validator;
    QString m_validatorProblem;
};

void tst_EppCommandBuilder::initTestCase()
{
    m_validatorProblem = m_validator.prepare();
}

void tst_EppCommandBuilder::commandsAreSchemaValid_data()
{
    QTest::addColumn<QByteArray>("xml");
    EppCommandBuilder b(QStringLiteral("test"));
    LoginParameters login;
    login.clientId = QStringLiteral("rar-alpha-epp");
    login.password = QStringLiteral("s3cret!pw");
    QTest::newRow("hello") << EppCommandBuilder::hello().xml;
    QTest::newRow("login") << b.login(login).xml;
    login.newPassword = QStringLiteral("n3w-password");
    login.extensionUris = {EppUri::SecDns.toString(), EppUri::Rgp.toString(), EppUri::Fee.toString()};
    QTest::newRow("login-newpw-extensions") << b.login(login).xml;
    QTest::newRow("logout") << b.logout().xml;
    QTest::newRow("poll-req") << b.pollRequest().xml;
    QTest::newRow("poll-ack") << b.pollAcknowledge(QStringLiteral("42")).xml;
    QTest::newRow("domain-check") << b.domainCheck({QStringLiteral("a.example"), QStringLiteral("b.example")}).xml;
    QTest::newRow("domain-info") << b.domainInfo(QStringLiteral("a.example")).xml;
    QTest::newRow("domain-info-authinfo") << b.domainInfo(QStringLiteral("a.example"), QStringLiteral("2fooBAR")).xml;
    DomainCreateParameters create;
    create.name = QStringLiteral("new.example");
    create.authInfo = QStringLiteral("2fooBAR");
    QTest::newRow("domain-create-minimal") << b.domainCreate(create).xml;
    create.periodYears = 2;
    create.registrantId = QStringLiteral("jd1234");
    create.nameServers = {QStringLiteral("ns1.example.net"), QStringLiteral("ns2.example.net")};
    create.contacts = {{QStringLiteral("admin"), QStringLiteral("sh8013")}, {QStringLiteral("tech"), QStringLiteral("sh8013")}};
    QTest::newRow("domain-create-full") << b.domainCreate(create).xml;
    QTest::newRow("domain-renew") << b.domainRenew(QStringLiteral("a.example"), QDate(2027, 4, 3), 5).xml;
    ContactCreateParameters contact;
    contact.id = QStringLiteral("sh8013");
    contact.name = QStringLiteral("John Doe");
    contact.organisation = QStringLiteral("Example Inc.");
    contact.street = {QStringLiteral("123 Example Dr."), QStringLiteral("Suite 100")};
    contact.city = QStringLiteral("Dulles");
    contact.stateOrProvince = QStringLiteral("VA");
    contact.postalCode = QStringLiteral("20166-6503");
    contact.countryCode = QStringLiteral("US");
    contact.voice = QStringLiteral("+1.7035555555");
    contact.email = QStringLiteral("jdoe@example.com");
    contact.authInfo = QStringLiteral("2fooBAR");
    QTest::newRow("contact-create") << b.contactCreate(contact).xml;
    QTest::newRow("host-create") << b.hostCreate({QStringLiteral("ns1.a.example"), {QStringLiteral("192.0.2.2"), QStringLiteral("2001:db8::1")}}).xml;
    QTest::newRow("host-create-external") << b.hostCreate({QStringLiteral("ns1.example.net"), {}}).xml;
    using xrpclient::TransferOperation;
    QTest::newRow("transfer-request") << b.domainTransfer({QStringLiteral("a.example"), TransferOperation::Request, 1, QStringLiteral("Secret-pw-1")}).xml;
    QTest::newRow("transfer-request-bare") << b.domainTransfer({QStringLiteral("a.example"), TransferOperation::Request, {}, {}}).xml;
    QTest::newRow("transfer-approve") << b.domainTransfer({QStringLiteral("a.example"), TransferOperation::Approve, {}, {}}).xml;
    QTest::newRow("transfer-reject") << b.domainTransfer({QStringLiteral("a.example"), TransferOperation::Reject, {}, {}}).xml;
    QTest::newRow("transfer-cancel") << b.domainTransfer({QStringLiteral("a.example"), TransferOperation::Cancel, {}, {}}).xml;
    QTest::newRow("transfer-query-auth") << b.domainTransfer({QStringLiteral("a.example"), TransferOperation::Query, {}, QStringLiteral("Secret-pw-1")}).xml;
    QTest::newRow("domain-delete") << b.domainDelete(QStringLiteral("a.example")).xml;
}

void tst_EppCommandBuilder::commandsAreSchemaValid()
{
    QFETCH(QByteArray, xml);
    QVERIFY(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\""));
    if (!m_validatorProblem.isEmpty())
        QSKIP(qPrintable(m_validatorProblem));
    const QString complaint = m_validator.validate(xml);
    QVERIFY2(complaint.isEmpty(), qPrintable(complaint + QString::fromUtf8(xml)));
}

void tst_EppCommandBuilder::valuesAreEscaped()
{
    EppCommandBuilder b;
    LoginParameters p;
    p.clientId = QStringLiteral("user<&>\"");
    p.password = QStringLiteral("p<w>&\"'");
    const EppCommand login = b.login(p);
    QVERIFY(!login.xml.contains("p<w>"));
    QVERIFY(login.xml.contains("p&lt;w&gt;&amp;"));
    QVERIFY(login.xml.contains("user&lt;&amp;&gt;"));
    Result<EppResponse> notAResponse = EppResponse::parse(login.xml);   // well-formed: the reader accepts it, but it is a command
    QVERIFY(!notAResponse);
}

void tst_EppCommandBuilder::transactionIdsAreUniqueAndEchoedInCommand()
{
    EppCommandBuilder b(QStringLiteral("pfx"));
    QSet<QString> seen;
    for (int i = 0; i < 100; ++i) {
        const EppCommand c = b.domainInfo(QStringLiteral("x.example"));
        QVERIFY(c.clientTransactionId.startsWith(QStringLiteral("pfx-")));
        QVERIFY(!seen.contains(c.clientTransactionId));
        seen.insert(c.clientTransactionId);
        QCOMPARE(EppResponse::scanElementText(c.xml, "clTRID"), c.clientTransactionId.toUtf8());
    }
    QVERIFY(EppCommandBuilder::hello().clientTransactionId.isEmpty());
}

void tst_EppCommandBuilder::parsesResponse()
{
    const QByteArray xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
  <result code="2302"><msg>Object exists</msg>
    <extValue><value><domain:name xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">a.example</domain:name></value>
      <reason>already registered</reason></extValue></result>
  <trID><clTRID>ABC-12345</clTRID><svTRID>54321-XYZ</svTRID></trID>
</response></epp>)";
    Result<EppResponse> r = EppResponse::parse(xml);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QVERIFY(!r->isGreeting);
    QCOMPARE(r->resultCode, 2302);
    QVERIFY(!r->succeeded());
    QVERIFY(!r->endsSession());
    QCOMPARE(r->message, QStringLiteral("Object exists"));
    QCOMPARE(r->reason, QStringLiteral("already registered"));
    QCOMPARE(r->clientTransactionId, QStringLiteral("ABC-12345"));
    QCOMPARE(r->serverTransactionId, QStringLiteral("54321-XYZ"));
    QCOMPARE(EppResponse::scanResultCode(xml), 2302);
}

void tst_EppCommandBuilder::parsesGreetingServices()
{
    const QByteArray xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><greeting><svID>registryd site-a</svID><svDate>2026-11-21T08:00:00.0Z</svDate>
<svcMenu><version>1.0</version><lang>en</lang>
<objURI>urn:ietf:params:xml:ns:domain-1.0</objURI><objURI>urn:ietf:params:xml:ns:host-1.0</objURI>
<svcExtension><extURI>urn:ietf:params:xml:ns:secDNS-1.1</extURI><extURI>urn:ietf:params:xml:ns:rgp-1.0</extURI></svcExtension>
</svcMenu><dcp><access><all/></access><statement><purpose><admin/><prov/></purpose><recipient><ours/></recipient><retention><stated/></retention></statement></dcp>
</greeting></epp>)";
    Result<EppResponse> r = EppResponse::parse(xml);
    QVERIFY(r);
    QVERIFY(r->isGreeting);
    QCOMPARE(r->serverId, QStringLiteral("registryd site-a"));
    QCOMPARE(r->objectUris, (QStringList{EppUri::Domain.toString(), EppUri::Host.toString()}));
    QCOMPARE(r->extensionUris, (QStringList{EppUri::SecDns.toString(), EppUri::Rgp.toString()}));
}

void tst_EppCommandBuilder::refusesWhatIsNotAResponse_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::newRow("not-xml") << QByteArray("hello");
    QTest::newRow("doctype-entity") << QByteArray(R"(<?xml version="1.0"?><!DOCTYPE epp [<!ENTITY x "y">]><epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>&x;</msg></result></response></epp>)");
    QTest::newRow("wrong-namespace") << QByteArray(R"(<epp xmlns="urn:example"><response><result code="1000"><msg>ok</msg></result></response></epp>)");
    QTest::newRow("no-result") << QByteArray(R"(<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response/></epp>)");
    QTest::newRow("code-out-of-range") << QByteArray(R"(<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="3000"><msg>x</msg></result></response></epp>)");
    QTest::newRow("code-not-a-number") << QByteArray(R"(<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1k00"><msg>x</msg></result></response></epp>)");
}

void tst_EppCommandBuilder::refusesWhatIsNotAResponse()
{
    QFETCH(QByteArray, xml);
    Result<EppResponse> r = EppResponse::parse(xml);
    QVERIFY(!r);
    QVERIFY(!r.error().message.isEmpty());
}

void tst_EppCommandBuilder::scansResultCodeAndElements_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("clTRID");
    QTest::addColumn<QByteArray>("exDate");
    QTest::newRow("plain") << QByteArray(R"(<epp><response><result code="1000"><msg>ok</msg></result><resData><domain:creData><domain:exDate>2027-11-21T08:00:00.0Z</domain:exDate></domain:creData></resData><trID><clTRID>c-1</clTRID><svTRID>s</svTRID></trID></response></epp>)")
                           << 1000 << QByteArray("c-1") << QByteArray("2027-11-21T08:00:00.0Z");
    QTest::newRow("prefixed-single-quotes") << QByteArray(R"(<e:epp xmlns:e="x"><e:response><e:result code='2303'><e:msg>no</e:msg></e:result><e:trID><e:clTRID> c-2 </e:clTRID></e:trID></e:response></e:epp>)")
                                            << 2303 << QByteArray("c-2") << QByteArray();
    QTest::newRow("resultish-names-skipped") << QByteArray(R"(<epp><response><results/><result code="1301"><msg>m</msg></result><trID><svTRID>s</svTRID></trID></response></epp>)")
                                             << 1301 << QByteArray() << QByteArray();
    QTest::newRow("nothing") << QByteArray("garbage") << 0 << QByteArray() << QByteArray();
    QTest::newRow("truncated") << QByteArray(R"(<epp><response><result code="10)") << 0 << QByteArray() << QByteArray();
}

void tst_EppCommandBuilder::scansResultCodeAndElements()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, code);
    QFETCH(QByteArray, clTRID);
    QFETCH(QByteArray, exDate);
    QCOMPARE(EppResponse::scanResultCode(xml), code);
    QCOMPARE(EppResponse::scanElementText(xml, "clTRID"), clTRID);
    QCOMPARE(EppResponse::scanElementText(xml, "exDate"), exDate);
}

QTEST_GUILESS_MAIN(tst_EppCommandBuilder)
#include "tst_eppcommandbuilder.moc"
