// Host and contact commands (RFC 5732, RFC 5733) end to end over real TLS against registryd, every
// answer validated against the XSDs, the audit checked after the engine stopped.
#include "common/eppobjectcommands.h"
#include "common/xrpcommandfixture.h"

#include <QTest>

using namespace testsupport::xrp;

namespace {

constexpr int Alpha = 0;
constexpr int Bravo = 1;

} // namespace

class tst_XrpCommandsHostsContacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void hostCheckCreateInfo();
    void hostCreateRefusals_data();
    void hostCreateRefusals();
    void hostUpdateAddressesAndStatuses();
    void hostRename();
    void hostDeleteWhileLinkedIs2305();
    void hostOfAnotherRegistrarIsOffLimits();
    void hostHasNoRenewOrTransfer();
    void contactCheckCreateInfo();
    void contactInfoOfAnotherRegistrar();
    void contactCreateRefusals_data();
    void contactCreateRefusals();
    void contactUpdateAndDelete();
    void contactTransfer();
    void auditHasOneRowPerCommand();

private:
    qint64 journalHead();

    XrpCommandFixture m_fx;
};

void tst_XrpCommandsHostsContacts::initTestCase()
{
    const QString why = m_fx.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void tst_XrpCommandsHostsContacts::cleanupTestCase()
{
    m_fx.engine.stop();
}

qint64 tst_XrpCommandsHostsContacts::journalHead()
{
    auto opened = reg::store::Connection::open(m_fx.databaseFile(), reg::store::Connection::Mode::ReadOnly);
    if (!opened)
        return -1;
    auto head = (*opened)->queryValue(QStringLiteral("SELECT coalesce(max(seq), 0) FROM journal"));
    return head ? head->toLongLong() : -1;
}

void tst_XrpCommandsHostsContacts::hostCheckCreateInfo()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_EXPECT(avail, a.send(cmd::hostCheck({"ns1.hc-external.net", "ns1.hc-parent.example"})), 1000);
    QCOMPARE(countOf(avail, "avail=\"1\""), 2);

    XRP_EXPECT(external, a.send(cmd::hostCreate("ns1.hc-external.net")), 1000);
    QCOMPARE(elementText(external, QStringLiteral("host:name")), QStringLiteral("ns1.hc-external.net"));
    QVERIFY(!elementText(external, QStringLiteral("host:crDate")).isEmpty());

    // A subordinate host needs its domain, then takes addresses of both families.
    XRP_CHECK(a.send(cmd::contactCreate("hc-parent-1")), 1000);
    XRP_CHECK(a.send(cmd::domainCreate("hc-parent.example", "hc-parent-1", "Parent-pw-1")), 1000);
    XRP_CHECK(a.send(cmd::hostCreate("ns1.hc-parent.example", cmd::hostAddr("193.0.14.129") + cmd::hostAddr("2001:7fd::1", "v6"))), 1000);

    XRP_EXPECT(info, a.send(cmd::hostInfo("ns1.hc-parent.example")), 1000);
    QVERIFY(elementText(info, QStringLiteral("host:roid")).startsWith(u'H'));
    QVERIFY(elementText(info, QStringLiteral("host:roid")).endsWith(QStringLiteral("-REG")));
    QVERIFY2(info.contains("<host:addr ip=\"v4\">193.0.14.129</host:addr>"), info.constData());
    QVERIFY(info.contains("<host:addr ip=\"v6\">2001:7fd::1</host:addr>"));
    QCOMPARE(elementText(info, QStringLiteral("host:clID")), QStringLiteral("rar-alpha"));
    QVERIFY(info.contains("<host:status s=\"ok\""));

    XRP_EXPECT(taken, a.send(cmd::hostCheck({"ns1.hc-external.net", "ns1.hc-parent.example"})), 1000);
    QCOMPARE(countOf(taken, "avail=\"0\""), 2);
    XRP_CHECK(a.send(cmd::hostInfo("ns9.hc-nowhere.net")), 2303);
}

void tst_XrpCommandsHostsContacts::hostCreateRefusals_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("code");
    QTest::newRow("exists") << cmd::hostCreate("ns1.hc-external.net") << 2302;
    QTest::newRow("superordinate domain not registered") << cmd::hostCreate("ns1.hc-unregistered.example", cmd::hostAddr("193.0.14.129")) << 2306;
    QTest::newRow("private address") << cmd::hostCreate("ns2.hc-parent.example", cmd::hostAddr("10.0.0.1")) << 2306;
    QTest::newRow("documentation address") << cmd::hostCreate("ns2.hc-parent.example", cmd::hostAddr("192.0.2.1")) << 2306;
    QTest::newRow("address that does not parse") << cmd::hostCreate("ns2.hc-parent.example", cmd::hostAddr("193.0.14")) << 2005;
    QTest::newRow("v6 address marked v4") << cmd::hostCreate("ns2.hc-parent.example", cmd::hostAddr("2001:7fd::1")) << 2306;
    QTest::newRow("bad host name") << cmd::hostCreate("ns_1..hc-parent.example") << 2005;
    QTest::newRow("address family unknown") << cmd::hostCreate("ns2.hc-parent.example", cmd::hostAddr("193.0.14.129", "v5")) << 2005;
    QTest::newRow("extra element") << QByteArray(cmd::hostCreate("ns3.hc-external.net")).replace("</host:create>", "<host:bogus/></host:create>") << 2001;
    QTest::newRow("no name") << QByteArray("<create><host:create" + cmd::hostXmlns + "/></create>") << 2003;
}

void tst_XrpCommandsHostsContacts::hostCreateRefusals()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, code);
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    const qint64 before = journalHead();
    XRP_CHECK(a.send(xml), code);
    QCOMPARE(journalHead(), before);
}

void tst_XrpCommandsHostsContacts::hostUpdateAddressesAndStatuses()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_CHECK(a.send(cmd::hostCreate("ns3.hc-parent.example", cmd::hostAddr("193.0.14.130"))), 1000);
    XRP_CHECK(a.send(cmd::hostUpdate("ns3.hc-parent.example", cmd::hostAddr("193.0.14.131") + "<host:status s=\"clientDeleteProhibited\"/>",
                                     cmd::hostAddr("193.0.14.130"))),
              1000);
    XRP_EXPECT(info, a.send(cmd::hostInfo("ns3.hc-parent.example")), 1000);
    QVERIFY(info.contains("193.0.14.131"));
    QVERIFY(!info.contains("193.0.14.130"));
    QVERIFY(info.contains("<host:status s=\"clientDeleteProhibited\""));
    XRP_CHECK(a.send(cmd::hostDelete("ns3.hc-parent.example")), 2304);
    // Refused: removing an address it does not have, an update that changes nothing.
    XRP_CHECK(a.send(cmd::hostUpdate("ns3.hc-parent.example", {}, cmd::hostAddr("193.0.14.199"))), 2306);
    XRP_CHECK(a.send(cmd::hostUpdate("ns3.hc-parent.example", {})), 2003);
    XRP_CHECK(a.send(cmd::hostUpdate("ns3.hc-parent.example", {}, "<host:status s=\"clientDeleteProhibited\"/>")), 1000);
    XRP_CHECK(a.send(cmd::hostDelete("ns3.hc-parent.example")), 1000);
    XRP_CHECK(a.send(cmd::hostInfo("ns3.hc-parent.example")), 2303);
}

void tst_XrpCommandsHostsContacts::hostRename()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_CHECK(a.send(cmd::hostCreate("ns4.hc-parent.example", cmd::hostAddr("193.0.14.140"))), 1000);
    XRP_EXPECT(before, a.send(cmd::hostInfo("ns4.hc-parent.example")), 1000);
    const QString roid = elementText(before, QStringLiteral("host:roid"));
    XRP_CHECK(a.send(cmd::hostUpdate("ns4.hc-parent.example", {}, {}, "ns5.hc-parent.example")), 1000);
    XRP_CHECK(a.send(cmd::hostInfo("ns4.hc-parent.example")), 2303);
    XRP_EXPECT(after, a.send(cmd::hostInfo("ns5.hc-parent.example")), 1000);
    QCOMPARE(elementText(after, QStringLiteral("host:roid")), roid);   // the same object, renamed
    QVERIFY(after.contains("193.0.14.140"));
    // Renaming onto a taken name, or under a domain that is not registered, is refused.
    XRP_CHECK(a.send(cmd::hostUpdate("ns5.hc-parent.example", {}, {}, "ns1.hc-parent.example")), 2302);
    XRP_CHECK(a.send(cmd::hostUpdate("ns5.hc-parent.example", {}, {}, "ns5.hc-unregistered.example")), 2306);
    // Outward: an external name takes no addresses, so they go in the same update.
    XRP_CHECK(a.send(cmd::hostUpdate("ns5.hc-parent.example", {}, cmd::hostAddr("193.0.14.140"), "ns5.hc-moved.net")), 1000);
    XRP_EXPECT(moved, a.send(cmd::hostInfo("ns5.hc-moved.net")), 1000);
    QVERIFY(!moved.contains("<host:addr"));
}

void tst_XrpCommandsHostsContacts::hostDeleteWhileLinkedIs2305()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_CHECK(a.send(cmd::hostCreate("ns1.hc-linked.net")), 1000);
    XRP_CHECK(a.send(cmd::contactCreate("hc-link-1")), 1000);
    XRP_CHECK(a.send(cmd::domainCreate("hc-linking.example", "hc-link-1", "Link-pw-1", {"ns1.hc-linked.net", "ns1.hc-parent.example"})), 1000);
    XRP_EXPECT(info, a.send(cmd::hostInfo("ns1.hc-linked.net")), 1000);
    QVERIFY2(info.contains("<host:status s=\"linked\""), info.constData());
    const qint64 before = journalHead();
    XRP_CHECK(a.send(cmd::hostDelete("ns1.hc-linked.net")), 2305);
    XRP_CHECK(a.send(cmd::hostDelete("ns1.hc-parent.example")), 2305);
    // The parent of a subordinate host another domain delegates to cannot be deleted either.
    XRP_CHECK(a.send(cmd::domainDelete("hc-parent.example")), 2305);
    QCOMPARE(journalHead(), before);
    XRP_CHECK(a.send(cmd::domainUpdate("hc-linking.example", {}, "<domain:ns><domain:hostObj>ns1.hc-linked.net</domain:hostObj></domain:ns>")), 1000);
    XRP_CHECK(a.send(cmd::hostDelete("ns1.hc-linked.net")), 1000);
    XRP_CHECK(a.send(cmd::hostInfo("ns1.hc-linked.net")), 2303);
    XRP_EXPECT(stillLinked, a.send(cmd::hostInfo("ns1.hc-parent.example")), 1000);
    QVERIFY(stillLinked.contains("<host:status s=\"linked\""));
}

void tst_XrpCommandsHostsContacts::hostOfAnotherRegistrarIsOffLimits()
{
    XrpTestSession b(m_fx);
    QVERIFY(b.open(Bravo, 1));
    const qint64 before = journalHead();
    XRP_CHECK(b.send(cmd::hostUpdate("ns1.hc-external.net", "<host:status s=\"clientUpdateProhibited\"/>")), 2201);
    XRP_CHECK(b.send(cmd::hostDelete("ns1.hc-external.net")), 2201);
    XRP_CHECK(b.send(cmd::hostCreate("ns7.hc-parent.example", cmd::hostAddr("193.0.14.150"))), 2201);   // under Alpha's domain
    QCOMPARE(journalHead(), before);
}

void tst_XrpCommandsHostsContacts::hostHasNoRenewOrTransfer()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_CHECK(a.send("<transfer op=\"query\"><host:transfer" + cmd::hostXmlns + "><host:name>ns1.hc-external.net</host:name></host:transfer></transfer>"),
              2101);
    XRP_CHECK(a.send("<renew><host:renew" + cmd::hostXmlns + "><host:name>ns1.hc-external.net</host:name></host:renew></renew>"), 2101);
}

void tst_XrpCommandsHostsContacts::contactCheckCreateInfo()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_EXPECT(avail, a.send(cmd::contactCheck({"hc-c-1", "hc-parent-1"})), 1000);
    QVERIFY2(avail.contains("<contact:id avail=\"1\">hc-c-1</contact:id>"), avail.constData());
    QVERIFY(avail.contains("<contact:id avail=\"0\">hc-parent-1</contact:id>"));

    XRP_EXPECT(created, a.send(cmd::contactCreate("hc-c-1", "Contact-pw-1", "person@example.net")), 1000);
    QCOMPARE(elementText(created, QStringLiteral("contact:id")), QStringLiteral("hc-c-1"));
    XRP_CHECK(a.send(cmd::contactCreate("hc-c-1")), 2302);

    XRP_EXPECT(info, a.send(cmd::contactInfo("hc-c-1")), 1000);
    QVERIFY(elementText(info, QStringLiteral("contact:roid")).startsWith(u'C'));
    QCOMPARE(elementText(info, QStringLiteral("contact:name")), QStringLiteral("Test Holder"));
    QCOMPARE(elementText(info, QStringLiteral("contact:email")), QStringLiteral("person@example.net"));
    QCOMPARE(elementText(info, QStringLiteral("contact:cc")), QStringLiteral("DE"));
    QCOMPARE(elementText(info, QStringLiteral("contact:clID")), QStringLiteral("rar-alpha"));
    QVERIFY(!info.contains("Contact-pw-1"));
    QVERIFY2(info.contains("<contact:disclose"), info.constData());   // the sponsor sees the privacy settings
    XRP_CHECK(a.send(cmd::contactInfo("hc-never")), 2303);
}

void tst_XrpCommandsHostsContacts::contactInfoOfAnotherRegistrar()
{
    XrpTestSession b(m_fx);
    QVERIFY(b.open(Bravo, 1));
    XRP_CHECK(b.send(cmd::contactInfo("hc-c-1")), 2201);
    XRP_CHECK(b.send(cmd::contactInfo("hc-c-1", "Wrong-pw-9")), 2201);   // a wrong authInfo is no different
    XRP_EXPECT(full, b.send(cmd::contactInfo("hc-c-1", "Contact-pw-1")), 1000);
    QCOMPARE(elementText(full, QStringLiteral("contact:name")), QStringLiteral("Test Holder"));
    QVERIFY(!full.contains("<contact:disclose"));
    const qint64 before = journalHead();
    XRP_CHECK(b.send(cmd::contactUpdate("hc-c-1", {}, {}, cmd::tag("contact:email", "thief@example.net"))), 2201);
    XRP_CHECK(b.send(cmd::contactDelete("hc-c-1")), 2201);
    QCOMPARE(journalHead(), before);
}

void tst_XrpCommandsHostsContacts::contactCreateRefusals_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("code");
    const QByteArray good = cmd::contactCreate("hc-bad-1");
    QTest::newRow("bad e-mail") << cmd::contactCreate("hc-bad-1", "Contact-pw-1", "not-an-address") << 2005;
    QTest::newRow("id too short") << cmd::contactCreate("ab") << 2005;
    QTest::newRow("non-ASCII in int") << QByteArray(good).replace("Test Holder", "Test H\xc3\xb6lder") << 2005;
    QTest::newRow("bad voice") << QByteArray(good).replace("+49.301234567", "030 1234567") << 2005;
    QTest::newRow("missing email") << QByteArray(good).replace("<contact:email>holder@example.net</contact:email>", "") << 2003;
    QTest::newRow("missing authInfo") << QByteArray(good).replace("<contact:authInfo><contact:pw>Contact-pw-1</contact:pw></contact:authInfo>", "") << 2003;
    QTest::newRow("extra element") << QByteArray(good).replace("</contact:create>", "<contact:shoeSize>44</contact:shoeSize></contact:create>") << 2001;
    QTest::newRow("postalInfo type") << QByteArray(good).replace("type=\"int\"", "type=\"intl\"") << 2005;
}

void tst_XrpCommandsHostsContacts::contactCreateRefusals()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, code);
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    const qint64 before = journalHead();
    XRP_CHECK(a.send(xml), code);
    QCOMPARE(journalHead(), before);
    XRP_EXPECT(check, a.send(cmd::contactCheck({"hc-bad-1"})), 1000);
    QVERIFY(check.contains("avail=\"1\""));
}

void tst_XrpCommandsHostsContacts::contactUpdateAndDelete()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_CHECK(a.send(cmd::contactCreate("hc-up-1")), 1000);
    XRP_CHECK(a.send(cmd::contactUpdate("hc-up-1", "<contact:status s=\"clientDeleteProhibited\"/>", {},
                                        cmd::tag("contact:voice", "+49.309999999") + cmd::tag("contact:email", "new@example.net"))),
              1000);
    XRP_EXPECT(info, a.send(cmd::contactInfo("hc-up-1")), 1000);
    QCOMPARE(elementText(info, QStringLiteral("contact:email")), QStringLiteral("new@example.net"));
    QCOMPARE(elementText(info, QStringLiteral("contact:voice")), QStringLiteral("+49.309999999"));
    QVERIFY(info.contains("<contact:status s=\"clientDeleteProhibited\""));
    QVERIFY(!elementText(info, QStringLiteral("contact:upDate")).isEmpty());
    XRP_CHECK(a.send(cmd::contactDelete("hc-up-1")), 2304);
    // A postalInfo in chg replaces the form as a whole: without addr it is refused.
    XRP_CHECK(a.send(cmd::contactUpdate("hc-up-1", {}, {}, "<contact:postalInfo type=\"int\"><contact:name>Only Name</contact:name></contact:postalInfo>")),
              2306);
    XRP_CHECK(a.send(cmd::contactUpdate("hc-up-1", {}, "<contact:status s=\"clientDeleteProhibited\"/>")), 1000);
    XRP_CHECK(a.send(cmd::contactDelete("hc-up-1")), 1000);
    XRP_CHECK(a.send(cmd::contactInfo("hc-up-1")), 2303);
    // A contact a domain uses is linked and cannot go.
    XRP_EXPECT(linked, a.send(cmd::contactInfo("hc-parent-1")), 1000);
    QVERIFY(linked.contains("<contact:status s=\"linked\""));
    XRP_CHECK(a.send(cmd::contactDelete("hc-parent-1")), 2305);
}

void tst_XrpCommandsHostsContacts::contactTransfer()
{
    {
        XrpTestSession a(m_fx);
        QVERIFY(a.open(Alpha, 1));
        XRP_CHECK(a.send(cmd::contactCreate("hc-tr-1", "Transfer-pw-1")), 1000);
        XRP_CHECK(a.send(cmd::contactCreate("hc-tr-2", "Transfer-pw-2")), 1000);
    }
    XrpTestSession b(m_fx);
    QVERIFY(b.open(Bravo, 1));
    XRP_CHECK(b.send(cmd::contactTransfer("request", "hc-tr-1", "Wrong-pw-1")), 2202);
    XRP_EXPECT(requested, b.send(cmd::contactTransfer("request", "hc-tr-1", "Transfer-pw-1")), 1001);
    QCOMPARE(elementText(requested, QStringLiteral("contact:trStatus")), QStringLiteral("pending"));
    QCOMPARE(elementText(requested, QStringLiteral("contact:reID")), QStringLiteral("rar-bravo"));
    QCOMPARE(elementText(requested, QStringLiteral("contact:acID")), QStringLiteral("rar-alpha"));
    XRP_CHECK(b.send(cmd::contactTransfer("request", "hc-tr-1", "Transfer-pw-1")), 2300);   // already pending
    XRP_CHECK(b.send(cmd::contactTransfer("approve", "hc-tr-1")), 2201);                     // the gaining side cannot approve
    XRP_EXPECT(queried, b.send(cmd::contactTransfer("query", "hc-tr-1", "Transfer-pw-1")), 1000);
    QCOMPARE(elementText(queried, QStringLiteral("contact:trStatus")), QStringLiteral("pending"));
    XRP_CHECK(b.send(cmd::contactTransfer("request", "hc-tr-2", "Transfer-pw-2")), 1001);
    {
        XrpTestSession a(m_fx);
        QVERIFY(a.open(Alpha, 1));
        XRP_EXPECT(info, a.send(cmd::contactInfo("hc-tr-1")), 1000);
        QVERIFY(info.contains("<contact:status s=\"pendingTransfer\""));
        XRP_CHECK(a.send(cmd::contactTransfer("cancel", "hc-tr-1")), 2201);   // only the requester cancels
        XRP_EXPECT(approved, a.send(cmd::contactTransfer("approve", "hc-tr-1")), 1000);
        QCOMPARE(elementText(approved, QStringLiteral("contact:trStatus")), QStringLiteral("clientApproved"));
        XRP_EXPECT(rejected, a.send(cmd::contactTransfer("reject", "hc-tr-2")), 1000);
        QCOMPARE(elementText(rejected, QStringLiteral("contact:trStatus")), QStringLiteral("clientRejected"));
        XRP_CHECK(a.send(cmd::contactTransfer("approve", "hc-tr-2")), 2301);   // nothing pending any more
        XRP_CHECK(a.send(cmd::contactUpdate("hc-tr-1", {}, {}, cmd::tag("contact:email", "old@example.net"))), 2201);
    }
    XRP_EXPECT(mine, b.send(cmd::contactInfo("hc-tr-1")), 1000);
    QCOMPARE(elementText(mine, QStringLiteral("contact:clID")), QStringLiteral("rar-bravo"));
    XRP_CHECK(b.send(cmd::contactUpdate("hc-tr-1", {}, {}, cmd::tag("contact:email", "gained@example.net"))), 1000);
    XRP_CHECK(b.send(cmd::contactInfo("hc-tr-2")), 2201);   // still Alpha's
}

void tst_XrpCommandsHostsContacts::auditHasOneRowPerCommand()
{
    QCOMPARE(m_fx.engine.stop(), 0);
    QVERIFY(m_fx.exchanges.size() > 50);
    const QString problem = m_fx.checkAudit();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(tst_XrpCommandsHostsContacts)
#include "tst_xrpcommandshostscontacts.moc"
