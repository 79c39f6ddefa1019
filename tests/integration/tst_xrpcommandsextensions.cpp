// EPP extensions over real TLS against registryd: secDNS-1.1 DS data and our custom fields on
// domain create/update, visible in info; extensions used without being announced at login; an
// extension on a command it does not apply to. Every answer validated against the XSDs.
#include "common/eppobjectcommands.h"
#include "common/xrpcommandfixture.h"

#include <QTest>

using namespace testsupport::xrp;

namespace {

constexpr int Alpha = 0;
constexpr int Bravo = 1;

const QByteArray digestA = "49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE4E1E5B1E5B1F8F7F0C8E7A21";
const QByteArray digestB = "E2D3C916F6DEEAC73294E8268FB5885044A833FC5459588F4A9184CFC41A5766";

} // namespace

class tst_XrpCommandsExtensions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void secDnsOnCreateAndUpdateShowsInInfo();
    void secDnsRefusals();
    void customFieldsOnCreateAndUpdateShowInInfo();
    void customFieldRefusals_data();
    void customFieldRefusals();
    void customFieldsAreNotShownToOthers();
    void extensionNotAnnouncedAtLoginIs2103();
    void extensionOnTheWrongCommandIs2102();
    void unknownElementInAnOfferedExtensionIs2001();
    void auditHasOneRowPerCommand();

private:
    qint64 journalHead();

    XrpCommandFixture m_fx;
};

void tst_XrpCommandsExtensions::initTestCase()
{
    const QString why = m_fx.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_CHECK(a.send(cmd::contactCreate("ext-c-1")), 1000);
}

void tst_XrpCommandsExtensions::cleanupTestCase()
{
    m_fx.engine.stop();
}

qint64 tst_XrpCommandsExtensions::journalHead()
{
    auto opened = reg::store::Connection::open(m_fx.databaseFile(), reg::store::Connection::Mode::ReadOnly);
    if (!opened)
        return -1;
    auto head = (*opened)->queryValue(QStringLiteral("SELECT coalesce(max(seq), 0) FROM journal"));
    return head ? head->toLongLong() : -1;
}

void tst_XrpCommandsExtensions::secDnsOnCreateAndUpdateShowsInInfo()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_CHECK(a.send(cmd::domainCreate("signed.example", "ext-c-1", "Signed-pw-1"), cmd::secDnsCreate(cmd::dsData(12345, digestA))), 1000);
    XRP_EXPECT(info, a.send(cmd::domainInfo("signed.example")), 1000);
    QVERIFY2(info.contains("<secDNS:infData"), info.constData());
    QCOMPARE(elementText(info, QStringLiteral("secDNS:keyTag")), QStringLiteral("12345"));
    QCOMPARE(elementText(info, QStringLiteral("secDNS:alg")), QStringLiteral("13"));
    QCOMPARE(elementText(info, QStringLiteral("secDNS:digestType")), QStringLiteral("2"));
    QCOMPARE(elementText(info, QStringLiteral("secDNS:digest")), QString::fromLatin1(digestA));

    // Replace all with two records; a lower-case digest is stored upper-case.
    XRP_CHECK(a.send(cmd::domainUpdate("signed.example", {}), cmd::secDnsReplaceAll(cmd::dsData(2371, digestB.toLower()) + cmd::dsData(2372, digestA, 8))),
              1000);
    XRP_EXPECT(replaced, a.send(cmd::domainInfo("signed.example")), 1000);
    QCOMPARE(countOf(replaced, "<secDNS:dsData>"), 2);
    QVERIFY(replaced.contains("<secDNS:keyTag>2371</secDNS:keyTag>"));
    QVERIFY(replaced.contains("<secDNS:keyTag>2372</secDNS:keyTag>"));
    QVERIFY(!replaced.contains("<secDNS:keyTag>12345</secDNS:keyTag>"));
    QVERIFY(replaced.contains(digestB));

    // Remove one record by value.
    XRP_CHECK(a.send(cmd::domainUpdate("signed.example", {}), "<secDNS:update xmlns:secDNS=\"urn:ietf:params:xml:ns:secDNS-1.1\"><secDNS:rem>"
                                                             + cmd::dsData(2372, digestA, 8) + "</secDNS:rem></secDNS:update>"),
              1000);
    XRP_EXPECT(one, a.send(cmd::domainInfo("signed.example")), 1000);
    QCOMPARE(countOf(one, "<secDNS:dsData>"), 1);
    QVERIFY(one.contains("<secDNS:keyTag>2371</secDNS:keyTag>"));

    // A session that did not announce secDNS gets info without it.
    XrpTestSession plain(m_fx);
    QVERIFY(plain.open(Alpha, 2, {}));
    XRP_EXPECT(withoutExt, plain.send(cmd::domainInfo("signed.example")), 1000);
    QVERIFY(!withoutExt.contains("secDNS"));
}

void tst_XrpCommandsExtensions::secDnsRefusals()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    const qint64 before = journalHead();
    XRP_CHECK(a.send(cmd::domainCreate("signed-bad-1.example", "ext-c-1", "Signed-pw-1"), cmd::secDnsCreate(cmd::dsData(70000, digestA))), 2004);
    XRP_CHECK(a.send(cmd::domainCreate("signed-bad-2.example", "ext-c-1", "Signed-pw-1"), cmd::secDnsCreate(cmd::dsData(1, "XYZ-not-hex"))), 2005);
    XRP_CHECK(a.send(cmd::domainCreate("signed-bad-3.example", "ext-c-1", "Signed-pw-1"),
                     cmd::secDnsCreate(cmd::dsData(1, digestA) + cmd::dsData(1, digestA))),
              2005);
    XRP_CHECK(a.send(cmd::domainCreate("signed-bad-4.example", "ext-c-1", "Signed-pw-1"),
                     QByteArray(cmd::secDnsCreate(cmd::dsData(1, digestA))).replace("<secDNS:digest>", "<secDNS:wrong/><secDNS:digest>")),
              2001);
    // Removing a record the domain does not have.
    XRP_CHECK(a.send(cmd::domainUpdate("signed.example", {}), "<secDNS:update xmlns:secDNS=\"urn:ietf:params:xml:ns:secDNS-1.1\"><secDNS:rem>"
                                                             + cmd::dsData(999, digestA) + "</secDNS:rem></secDNS:update>"),
              2306);
    QCOMPARE(journalHead(), before);
    XRP_EXPECT(check, a.send(cmd::domainCheck({"signed-bad-1.example", "signed-bad-2.example", "signed-bad-3.example", "signed-bad-4.example"})), 1000);
    QCOMPARE(countOf(check, "avail=\"1\""), 4);
}

void tst_XrpCommandsExtensions::customFieldsOnCreateAndUpdateShowInInfo()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_CHECK(a.send(cmd::domainCreate("custom.example", "ext-c-1", "Custom-pw-1"),
                     cmd::customFieldsCreate(cmd::customField("customer-ref", "ACME-0042") + cmd::customField("reseller", "Example Hosting GmbH"))),
              1000);
    XRP_EXPECT(info, a.send(cmd::domainInfo("custom.example")), 1000);
    QVERIFY2(info.contains("<cf:infData"), info.constData());
    QVERIFY(info.contains("name=\"customer-ref\""));
    QVERIFY(info.contains("value=\"ACME-0042\""));
    QVERIFY(info.contains("value=\"Example Hosting GmbH\""));

    XRP_CHECK(a.send(cmd::domainUpdate("custom.example", {}),
                     cmd::customFieldsUpdate(cmd::customField("customer-ref", "ACME-0043") + cmd::customField("tier", "gold"), {"reseller"})),
              1000);
    XRP_EXPECT(updated, a.send(cmd::domainInfo("custom.example")), 1000);
    QVERIFY(updated.contains("value=\"ACME-0043\""));
    QVERIFY(!updated.contains("ACME-0042"));
    QVERIFY(updated.contains("name=\"tier\""));
    QVERIFY(!updated.contains("reseller"));

    // Removing a field that is not there changes nothing and is refused.
    const qint64 before = journalHead();
    XRP_CHECK(a.send(cmd::domainUpdate("custom.example", {}), cmd::customFieldsUpdate({}, {"never-set"})), 2306);
    QCOMPARE(journalHead(), before);
}

void tst_XrpCommandsExtensions::customFieldRefusals_data()
{
    QTest::addColumn<QByteArray>("extension");
    QTest::addColumn<int>("code");
    QTest::newRow("bad name") << cmd::customFieldsCreate(cmd::customField("no spaces", "x")) << 2005;
    QTest::newRow("name too long") << cmd::customFieldsCreate(cmd::customField(QByteArray(65, 'n'), "x")) << 2005;
    QTest::newRow("value too long") << cmd::customFieldsCreate(cmd::customField("long", QByteArray(256, 'v'))) << 2005;
    QTest::newRow("control character") << cmd::customFieldsCreate(cmd::customField("ctl", "a&#x7F;b")) << 2005;
    QTest::newRow("name twice") << cmd::customFieldsCreate(cmd::customField("twice", "1") + cmd::customField("twice", "2")) << 2005;
    QByteArray many;
    for (int i = 0; i < 21; ++i)
        many += cmd::customField("f" + QByteArray::number(i), "v");
    QTest::newRow("too many") << cmd::customFieldsCreate(many) << 2306;
    QTest::newRow("unknown element") << cmd::customFieldsCreate(cmd::customField("ok", "1") + "<cf:other/>") << 2001;
    QTest::newRow("no field") << QByteArray("<cf:create xmlns:cf=\"urn:registryd:params:xml:ns:customFields-1.0\"/>") << 2003;
}

void tst_XrpCommandsExtensions::customFieldRefusals()
{
    QFETCH(QByteArray, extension);
    QFETCH(int, code);
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    const qint64 before = journalHead();
    XRP_CHECK(a.send(cmd::domainCreate("custom-refused.example", "ext-c-1", "Custom-pw-1"), extension), code);
    QCOMPARE(journalHead(), before);
}

void tst_XrpCommandsExtensions::customFieldsAreNotShownToOthers()
{
    XrpTestSession b(m_fx);
    QVERIFY(b.open(Bravo, 1));
    XRP_EXPECT(shortForm, b.send(cmd::domainInfo("custom.example")), 1000);
    QVERIFY2(!shortForm.contains("cf:infData"), shortForm.constData());
    XRP_EXPECT(full, b.send(cmd::domainInfo("custom.example", "Custom-pw-1")), 1000);
    QVERIFY2(full.contains("value=\"ACME-0043\""), full.constData());
}

void tst_XrpCommandsExtensions::extensionNotAnnouncedAtLoginIs2103()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1, {rgpNs}));   // only rgp announced
    const qint64 before = journalHead();
    XRP_CHECK(a.send(cmd::domainCreate("unannounced.example", "ext-c-1", "Unann-pw-1"), cmd::secDnsCreate(cmd::dsData(1, digestA))), 2103);
    XRP_CHECK(a.send(cmd::domainCreate("unannounced.example", "ext-c-1", "Unann-pw-1"), cmd::customFieldsCreate(cmd::customField("a", "b"))), 2103);
    XRP_CHECK(a.send(cmd::domainCheck({"unannounced.example"}), cmd::feeCheck("create")), 2103);
    XRP_CHECK(a.send(cmd::domainCreate("unannounced.example", "ext-c-1", "Unann-pw-1"), "<x:thing xmlns:x=\"urn:example:unknown-ext\"/>"), 2103);
    QCOMPARE(journalHead(), before);
    // Info leaves out what the session did not ask for.
    XRP_EXPECT(info, a.send(cmd::domainInfo("custom.example")), 1000);
    QVERIFY(!info.contains("cf:infData"));
    QVERIFY(!info.contains("secDNS"));
    QVERIFY(info.contains("<rgp:infData"));   // announced, and custom.example is in its add grace period
}

void tst_XrpCommandsExtensions::extensionOnTheWrongCommandIs2102()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    const qint64 before = journalHead();
    XRP_CHECK(a.send(cmd::hostCreate("ns1.ext-wrong.net"), cmd::secDnsCreate(cmd::dsData(1, digestA))), 2102);
    XRP_CHECK(a.send(cmd::contactCreate("ext-wrong-1"), cmd::customFieldsCreate(cmd::customField("a", "b"))), 2102);
    XRP_CHECK(a.send(cmd::domainUpdate("custom.example", cmd::domainStatus("clientHold")), cmd::feeAgree("update", "0.00")), 2102);
    QCOMPARE(journalHead(), before);
    XRP_CHECK(a.send(cmd::hostInfo("ns1.ext-wrong.net")), 2303);
    XRP_CHECK(a.send(cmd::contactInfo("ext-wrong-1")), 2303);
}

void tst_XrpCommandsExtensions::unknownElementInAnOfferedExtensionIs2001()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_CHECK(a.send(cmd::domainInfo("custom.example"), "<secDNS:bogus xmlns:secDNS=\"urn:ietf:params:xml:ns:secDNS-1.1\"/>"), 2001);
    XRP_CHECK(a.send(cmd::domainCreate("twice-ext.example", "ext-c-1", "Twice-pw-1"),
                     cmd::secDnsCreate(cmd::dsData(1, digestA)) + cmd::secDnsCreate(cmd::dsData(2, digestA))),
              2001);
}

void tst_XrpCommandsExtensions::auditHasOneRowPerCommand()
{
    QCOMPARE(m_fx.engine.stop(), 0);
    QVERIFY(m_fx.exchanges.size() > 30);
    const QString problem = m_fx.checkAudit();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(tst_XrpCommandsExtensions)
#include "tst_xrpcommandsextensions.moc"
