// Domain commands (RFC 5731 with rgp-1.0 and fee-1.0) end to end: a real registryd from
// `init --demo`, real TLS with the demo registrars' client certificates, every answer validated
// against the XSDs with xmllint, and the audit trail checked after the engine stopped.
#include "common/eppobjectcommands.h"
#include "common/xrpcommandfixture.h"

#include <QDateTime>
#include <QTest>

using namespace testsupport::xrp;

namespace {

// Registrar indexes into XrpCommandFixture::registrars.
constexpr int Alpha = 0;
constexpr int Bravo = 1;

} // namespace

class tst_XrpCommandsDomains : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void helloAndLogout();
    void checkTellsFreeFromTaken();
    void createAndInfoOfTheSponsor();
    void infoOfAnotherRegistrarIsShortUnlessAuthInfo();
    void createRefusals_data();
    void createRefusals();
    void otherRegistrarCannotTouchTheDomain();
    void updateStatusesNameServersAndAuthInfo();
    void clientDeleteProhibitedBlocksDelete();
    void renewMovesTheExpiry();
    void deleteInsideAddGraceIsImmediateAndRefunded();
    void deleteLaterGoesIntoRedemptionAndRestores();
    void schemaViolationsChangeNothing_data();
    void schemaViolationsChangeNothing();
    void auditHasOneRowPerCommand();

private:
    QByteArray newContact(XrpTestSession &session, const QByteArray &id);
    qint64 journalHead();

    XrpCommandFixture m_fx;
    QByteArray m_oldDomain;   // an old demo domain of Alpha, outside every grace period
};

void tst_XrpCommandsDomains::initTestCase()
{
    const QString why = m_fx.start([this](reg::store::Connection &db) -> QString {
        // A demo domain of Alpha created more than 30 days ago, with no statuses, no grace period,
        // no pending transfer and no hosts beneath it: its delete goes into redemption.
        const qint64 monthAgo = QDateTime::currentMSecsSinceEpoch() - 30LL * 86400 * 1000;
        auto name = db.queryValue(QStringLiteral(
                                      "SELECT name FROM domains d WHERE registrar_id = ?1 AND statuses IN ('', 'ok') AND deleted_at IS NULL "
                                      "AND created_at < ?2 AND expires_at > ?3 "
                                      "AND NOT EXISTS (SELECT 1 FROM domain_grace_periods g WHERE g.domain_roid = d.roid) "
                                      "AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.object_roid = d.roid AND t.status = 'pending') "
                                      "AND NOT EXISTS (SELECT 1 FROM hosts h WHERE h.name LIKE '%.' || d.name) ORDER BY name LIMIT 1"),
                                  {QStringLiteral("rar-alpha"), monthAgo, QDateTime::currentMSecsSinceEpoch() + 60LL * 86400 * 1000});
        if (!name || name->toString().isEmpty())
            return QStringLiteral("the demo data has no old domain of rar-alpha without hosts");
        m_oldDomain = name->toString().toUtf8();
        return {};
    });
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(m_fx.registrars.at(Alpha), QStringLiteral("rar-alpha"));
}

void tst_XrpCommandsDomains::cleanupTestCase()
{
    m_fx.engine.stop();
}

QByteArray tst_XrpCommandsDomains::newContact(XrpTestSession &session, const QByteArray &id)
{
    const QByteArray answer = session.send(cmd::contactCreate(id));
    return resultCode(answer) == 1000 ? id : QByteArray();
}

// The journal's last sequence number, read beside the running engine (SQLite WAL readers).
qint64 tst_XrpCommandsDomains::journalHead()
{
    auto opened = reg::store::Connection::open(m_fx.databaseFile(), reg::store::Connection::Mode::ReadOnly);
    if (!opened)
        return -1;
    auto head = (*opened)->queryValue(QStringLiteral("SELECT coalesce(max(seq), 0) FROM journal"));
    return head ? head->toLongLong() : -1;
}

void tst_XrpCommandsDomains::helloAndLogout()
{
    XrpTestSession s(m_fx);
    QString error;
    QVERIFY2(s.open(Alpha, 1, allExtensions, &error), qPrintable(error));
    const QByteArray greeting = s.client().exchange(epp("<hello/>"));
    QVERIFY(greeting.contains("<greeting>"));
    QVERIFY2(m_fx.validator.validate(greeting).isEmpty(), greeting.constData());
    for (const QByteArray &uri : allExtensions)
        QVERIFY2(greeting.contains(QByteArray("<extURI>" + uri + "</extURI>")), uri.constData());
    XRP_CHECK(s.logout(), 1500);
    QVERIFY(s.client().waitForClosed());
}

void tst_XrpCommandsDomains::checkTellsFreeFromTaken()
{
    XrpTestSession s(m_fx);
    QVERIFY(s.open(Alpha, 1));
    XRP_EXPECT(answer, s.send(cmd::domainCheck({"free-check-1.example", m_oldDomain, "unknown-tld.invalid"})), 1000);
    QVERIFY2(answer.contains("<domain:name avail=\"1\">free-check-1.example</domain:name>"), answer.constData());
    QVERIFY2(answer.contains(QByteArray("<domain:name avail=\"0\">" + m_oldDomain + "</domain:name>")), answer.constData());
    QVERIFY2(answer.contains("<domain:name avail=\"0\">unknown-tld.invalid</domain:name>"), answer.constData());
    QCOMPARE(countOf(answer, "<domain:reason"), 2);   // a reason for each name that is not free
    // Nothing to check, and more than 100 names.
    XRP_CHECK(s.send("<check><domain:check" + cmd::domainXmlns + "/></check>"), 2003);
    QList<QByteArray> many;
    for (int i = 0; i < 101; ++i)
        many.append(QByteArray("many-" + QByteArray::number(i) + ".example"));
    XRP_CHECK(s.send(cmd::domainCheck(many)), 2306);
}

void tst_XrpCommandsDomains::createAndInfoOfTheSponsor()
{
    XrpTestSession s(m_fx);
    QVERIFY(s.open(Alpha, 1));
    QVERIFY(!newContact(s, "dom-ci-1").isEmpty());
    XRP_EXPECT(created, s.send(cmd::domainCreate("create-info.example", "dom-ci-1", "Secret-pw-1", {}, 2)), 1000);
    QCOMPARE(elementText(created, QStringLiteral("domain:name")), QStringLiteral("create-info.example"));
    const QDateTime crDate = QDateTime::fromString(elementText(created, QStringLiteral("domain:crDate")), Qt::ISODateWithMs);
    const QDateTime exDate = QDateTime::fromString(elementText(created, QStringLiteral("domain:exDate")), Qt::ISODateWithMs);
    QVERIFY2(crDate.isValid() && exDate.isValid(), created.constData());
    QCOMPARE(exDate.date(), crDate.date().addYears(2));

    XRP_EXPECT(info, s.send(cmd::domainInfo("create-info.example")), 1000);
    QVERIFY(elementText(info, QStringLiteral("domain:roid")).startsWith(u'D'));
    QVERIFY(elementText(info, QStringLiteral("domain:roid")).endsWith(QStringLiteral("-REG")));
    QCOMPARE(elementText(info, QStringLiteral("domain:registrant")), QStringLiteral("dom-ci-1"));
    QVERIFY(info.contains("<domain:contact type=\"admin\">dom-ci-1</domain:contact>"));
    QVERIFY(info.contains("<domain:contact type=\"tech\">dom-ci-1</domain:contact>"));
    QCOMPARE(elementText(info, QStringLiteral("domain:clID")), QStringLiteral("rar-alpha"));
    QVERIFY(info.contains("<domain:pw/>"));            // RFC 9154: never the password itself
    QVERIFY(!info.contains("Secret-pw-1"));
    QVERIFY2(info.contains("<rgp:rgpStatus s=\"addPeriod\"/>"), info.constData());
    // Now it is taken.
    XRP_EXPECT(check, s.send(cmd::domainCheck({"create-info.example"})), 1000);
    QVERIFY(check.contains("avail=\"0\""));
    XRP_CHECK(s.send(cmd::domainInfo("never-created.example")), 2303);
}

void tst_XrpCommandsDomains::infoOfAnotherRegistrarIsShortUnlessAuthInfo()
{
    {
        XrpTestSession a(m_fx);
        QVERIFY(a.open(Alpha, 1));
        QVERIFY(!newContact(a, "dom-short-1").isEmpty());
        XRP_CHECK(a.send(cmd::domainCreate("short-form.example", "dom-short-1", "Short-pw-1")), 1000);
    }
    XrpTestSession b(m_fx);
    QVERIFY(b.open(Bravo, 1));
    XRP_EXPECT(shortForm, b.send(cmd::domainInfo("short-form.example")), 1000);
    QCOMPARE(elementText(shortForm, QStringLiteral("domain:clID")), QStringLiteral("rar-alpha"));
    QVERIFY(!elementText(shortForm, QStringLiteral("domain:roid")).isEmpty());
    QVERIFY2(!shortForm.contains("<domain:registrant>"), shortForm.constData());
    QVERIFY(!shortForm.contains("<domain:contact"));
    QVERIFY(!shortForm.contains("<domain:authInfo>"));

    XRP_EXPECT(full, b.send(cmd::domainInfo("short-form.example", "Short-pw-1")), 1000);
    QCOMPARE(elementText(full, QStringLiteral("domain:registrant")), QStringLiteral("dom-short-1"));
    QVERIFY(full.contains("<domain:contact type=\"admin\">dom-short-1</domain:contact>"));
    QVERIFY2(!full.contains("<domain:pw"), full.constData());   // only the sponsor sees the (empty) pw

    XRP_CHECK(b.send(cmd::domainInfo("short-form.example", "Wrong-pw-1")), 2202);
}

void tst_XrpCommandsDomains::createRefusals_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("code");
    // The contacts named here exist: dom-ref-1 is Alpha's, dom-ref-b is Bravo's (made in the test).
    QTest::newRow("taken") << cmd::domainCreate("refusal-taken.example", "dom-ref-1", "Pw-refused-1") << 2302;
    QTest::newRow("unknown contact") << cmd::domainCreate("refusal-1.example", "no-such-contact", "Pw-refused-1") << 2303;
    QTest::newRow("contact of another registrar") << cmd::domainCreate("refusal-2.example", "dom-ref-b", "Pw-refused-1") << 2201;
    QTest::newRow("unknown name server") << cmd::domainCreate("refusal-3.example", "dom-ref-1", "Pw-refused-1", {"ns1.nowhere-at-all.net"}) << 2303;
    QTest::newRow("TLD not served") << cmd::domainCreate("refusal-4.invalid", "dom-ref-1", "Pw-refused-1") << 2306;
    QTest::newRow("bad name") << cmd::domainCreate("-bad-.example", "dom-ref-1", "Pw-refused-1") << 2005;
    QTest::newRow("period past the policy") << cmd::domainCreate("refusal-5.example", "dom-ref-1", "Pw-refused-1", {}, 11) << 2004;
    QTest::newRow("period out of range") << cmd::domainCreate("refusal-6.example", "dom-ref-1", "Pw-refused-1", {}, 100) << 2004;
    QTest::newRow("no registrant")
        << QByteArray("<create><domain:create" + cmd::domainXmlns + "><domain:name>refusal-7.example</domain:name>"
                      "<domain:contact type=\"admin\">dom-ref-1</domain:contact><domain:contact type=\"tech\">dom-ref-1</domain:contact>"
                      "<domain:authInfo><domain:pw>Pw-refused-1</domain:pw></domain:authInfo></domain:create></create>")
        << 2003;
    QTest::newRow("no tech contact")
        << QByteArray("<create><domain:create" + cmd::domainXmlns + "><domain:name>refusal-8.example</domain:name>"
                      "<domain:registrant>dom-ref-1</domain:registrant><domain:contact type=\"admin\">dom-ref-1</domain:contact>"
                      "<domain:authInfo><domain:pw>Pw-refused-1</domain:pw></domain:authInfo></domain:create></create>")
        << 2306;
    QTest::newRow("hostAttr") << QByteArray("<create><domain:create" + cmd::domainXmlns + "><domain:name>refusal-9.example</domain:name>"
                                            "<domain:ns><domain:hostAttr><domain:hostName>ns1.example.net</domain:hostName></domain:hostAttr></domain:ns>"
                                            "<domain:registrant>dom-ref-1</domain:registrant><domain:contact type=\"admin\">dom-ref-1</domain:contact>"
                                            "<domain:contact type=\"tech\">dom-ref-1</domain:contact>"
                                            "<domain:authInfo><domain:pw>Pw-refused-1</domain:pw></domain:authInfo></domain:create></create>")
                              << 2102;
}

void tst_XrpCommandsDomains::createRefusals()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, code);
    static bool prepared = false;
    if (!prepared) {
        XrpTestSession a(m_fx);
        QVERIFY(a.open(Alpha, 2));
        XRP_CHECK(a.send(cmd::contactCreate("dom-ref-1")), 1000);
        XRP_CHECK(a.send(cmd::domainCreate("refusal-taken.example", "dom-ref-1", "Pw-taken-1")), 1000);
        XrpTestSession b(m_fx);
        QVERIFY(b.open(Bravo, 2));
        XRP_CHECK(b.send(cmd::contactCreate("dom-ref-b")), 1000);
        prepared = true;
    }
    XrpTestSession s(m_fx);
    QVERIFY(s.open(Alpha, 1));
    const qint64 before = journalHead();
    XRP_CHECK(s.send(xml), code);
    QCOMPARE(journalHead(), before);   // a refused create writes nothing
}

void tst_XrpCommandsDomains::otherRegistrarCannotTouchTheDomain()
{
    QByteArray exDate;
    {
        XrpTestSession a(m_fx);
        QVERIFY(a.open(Alpha, 1));
        QVERIFY(!newContact(a, "dom-iso-1").isEmpty());
        XRP_EXPECT(created, a.send(cmd::domainCreate("isolated.example", "dom-iso-1", "Iso-pw-1")), 1000);
        exDate = elementText(created, QStringLiteral("domain:exDate")).left(10).toUtf8();
    }
    XrpTestSession b(m_fx);
    QVERIFY(b.open(Bravo, 1));
    const qint64 before = journalHead();
    XRP_CHECK(b.send(cmd::domainUpdate("isolated.example", cmd::domainStatus("clientHold"))), 2201);
    XRP_CHECK(b.send(cmd::domainDelete("isolated.example")), 2201);
    XRP_CHECK(b.send(cmd::domainRenew("isolated.example", exDate)), 2201);
    XRP_CHECK(b.send(cmd::domainTransfer("approve", "isolated.example")), 2201);
    QCOMPARE(journalHead(), before);
    // Alpha's domain is unchanged.
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_EXPECT(info, a.send(cmd::domainInfo("isolated.example")), 1000);
    QVERIFY2(!info.contains("clientHold"), info.constData());
    QCOMPARE(elementText(info, QStringLiteral("domain:exDate")).left(10).toUtf8(), exDate);
}

void tst_XrpCommandsDomains::updateStatusesNameServersAndAuthInfo()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    QVERIFY(!newContact(a, "dom-up-1").isEmpty());
    QVERIFY(!newContact(a, "dom-up-2").isEmpty());
    XRP_CHECK(a.send(cmd::hostCreate("ns1.update-dns.net")), 1000);
    XRP_CHECK(a.send(cmd::hostCreate("ns2.update-dns.net")), 1000);
    XRP_CHECK(a.send(cmd::domainCreate("updated.example", "dom-up-1", "Update-pw-1", {"ns1.update-dns.net"})), 1000);

    XRP_CHECK(a.send(cmd::domainUpdate("updated.example",
                                       "<domain:ns><domain:hostObj>ns2.update-dns.net</domain:hostObj></domain:ns>"
                                       "<domain:contact type=\"billing\">dom-up-2</domain:contact>" + cmd::domainStatus("clientHold"),
                                       "<domain:ns><domain:hostObj>ns1.update-dns.net</domain:hostObj></domain:ns>",
                                       "<domain:registrant>dom-up-2</domain:registrant><domain:authInfo><domain:pw>Update-pw-2</domain:pw></domain:authInfo>")),
              1000);
    XRP_EXPECT(info, a.send(cmd::domainInfo("updated.example")), 1000);
    QVERIFY2(info.contains("<domain:hostObj>ns2.update-dns.net</domain:hostObj>"), info.constData());
    QVERIFY(!info.contains("ns1.update-dns.net"));
    QVERIFY(info.contains("<domain:contact type=\"billing\">dom-up-2</domain:contact>"));
    QCOMPARE(elementText(info, QStringLiteral("domain:registrant")), QStringLiteral("dom-up-2"));
    QVERIFY(info.contains("<domain:status s=\"clientHold\""));
    QCOMPARE(elementText(info, QStringLiteral("domain:upID")), QStringLiteral("rar-alpha"));

    // The new authInfo works for another registrar, the old one no longer does.
    {
        XrpTestSession b(m_fx);
        QVERIFY(b.open(Bravo, 1));
        XRP_CHECK(b.send(cmd::domainInfo("updated.example", "Update-pw-1")), 2202);
        XRP_EXPECT(full, b.send(cmd::domainInfo("updated.example", "Update-pw-2")), 1000);
        QCOMPARE(elementText(full, QStringLiteral("domain:registrant")), QStringLiteral("dom-up-2"));
    }
    // Refused updates: a status already set, a name server that is not there, nothing to change,
    // a status only the server may set.
    const qint64 before = journalHead();
    XRP_CHECK(a.send(cmd::domainUpdate("updated.example", cmd::domainStatus("clientHold"))), 2306);
    XRP_CHECK(a.send(cmd::domainUpdate("updated.example", {}, "<domain:ns><domain:hostObj>ns1.update-dns.net</domain:hostObj></domain:ns>")), 2306);
    XRP_CHECK(a.send(cmd::domainUpdate("updated.example", {})), 2003);
    XRP_CHECK(a.send(cmd::domainUpdate("updated.example", cmd::domainStatus("serverHold"))), 2306);
    XRP_CHECK(a.send(cmd::domainUpdate("updated.example", cmd::domainStatus("notAStatus"))), 2005);
    QCOMPARE(journalHead(), before);
    // clientUpdateProhibited: only its own removal goes through.
    XRP_CHECK(a.send(cmd::domainUpdate("updated.example", cmd::domainStatus("clientUpdateProhibited"))), 1000);
    XRP_CHECK(a.send(cmd::domainUpdate("updated.example", {}, cmd::domainStatus("clientHold"))), 2304);
    XRP_CHECK(a.send(cmd::domainUpdate("updated.example", {}, cmd::domainStatus("clientUpdateProhibited"))), 1000);
    XRP_CHECK(a.send(cmd::domainUpdate("updated.example", {}, cmd::domainStatus("clientHold"))), 1000);
}

void tst_XrpCommandsDomains::clientDeleteProhibitedBlocksDelete()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    QVERIFY(!newContact(a, "dom-cdp-1").isEmpty());
    XRP_CHECK(a.send(cmd::domainCreate("delete-prohibited.example", "dom-cdp-1", "Cdp-pw-1")), 1000);
    XRP_CHECK(a.send(cmd::domainUpdate("delete-prohibited.example", cmd::domainStatus("clientDeleteProhibited"))), 1000);
    const qint64 before = journalHead();
    XRP_CHECK(a.send(cmd::domainDelete("delete-prohibited.example")), 2304);
    QCOMPARE(journalHead(), before);
    XRP_EXPECT(info, a.send(cmd::domainInfo("delete-prohibited.example")), 1000);
    QVERIFY(info.contains("<domain:status s=\"clientDeleteProhibited\""));
    XRP_CHECK(a.send(cmd::domainUpdate("delete-prohibited.example", {}, cmd::domainStatus("clientDeleteProhibited"))), 1000);
    XRP_CHECK(a.send(cmd::domainDelete("delete-prohibited.example")), 1000);   // inside the add grace period: gone
    XRP_CHECK(a.send(cmd::domainInfo("delete-prohibited.example")), 2303);
}

void tst_XrpCommandsDomains::renewMovesTheExpiry()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    QVERIFY(!newContact(a, "dom-ren-1").isEmpty());
    XRP_EXPECT(created, a.send(cmd::domainCreate("renewed.example", "dom-ren-1", "Renew-pw-1")), 1000);
    const QDateTime exDate = QDateTime::fromString(elementText(created, QStringLiteral("domain:exDate")), Qt::ISODateWithMs);
    QVERIFY(exDate.isValid());
    const QByteArray curExp = exDate.date().toString(Qt::ISODate).toUtf8();

    XRP_CHECK(a.send(cmd::domainRenew("renewed.example", exDate.date().addDays(1).toString(Qt::ISODate).toUtf8())), 2004);
    XRP_CHECK(a.send(cmd::domainRenew("renewed.example", curExp, 10)), 2306);   // past now + 10 years
    XRP_CHECK(a.send(cmd::domainRenew("no-such-domain.example", curExp)), 2303);
    XRP_EXPECT(renewed, a.send(cmd::domainRenew("renewed.example", curExp, 2), cmd::feeAgree("renew", "16.00")), 1000);
    const QDateTime newExp = QDateTime::fromString(elementText(renewed, QStringLiteral("domain:exDate")), Qt::ISODateWithMs);
    QCOMPARE(newExp.date(), exDate.date().addYears(2));
    QCOMPARE(elementText(renewed, QStringLiteral("fee:fee")), QStringLiteral("16.00"));
    XRP_EXPECT(info, a.send(cmd::domainInfo("renewed.example")), 1000);
    QCOMPARE(QDateTime::fromString(elementText(info, QStringLiteral("domain:exDate")), Qt::ISODateWithMs), newExp);
    QVERIFY2(info.contains("<rgp:rgpStatus s=\"renewPeriod\"/>"), info.constData());
}

void tst_XrpCommandsDomains::deleteInsideAddGraceIsImmediateAndRefunded()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    QVERIFY(!newContact(a, "dom-agp-1").isEmpty());
    XRP_EXPECT(created, a.send(cmd::domainCreate("add-grace.example", "dom-agp-1", "Agp-pw-1"), cmd::feeAgree("create", "8.00")), 1000);
    QCOMPARE(elementText(created, QStringLiteral("fee:fee")), QStringLiteral("8.00"));
    const double balanceAfterCreate = elementText(created, QStringLiteral("fee:balance")).toDouble();

    XRP_EXPECT(deleted, a.send(cmd::domainDelete("add-grace.example")), 1000);
    QVERIFY2(deleted.contains("<fee:delData"), deleted.constData());
    QCOMPARE(elementText(deleted, QStringLiteral("fee:credit")), QStringLiteral("-8.00"));
    QCOMPARE(elementText(deleted, QStringLiteral("fee:balance")).toDouble(), balanceAfterCreate + 8.0);
    XRP_CHECK(a.send(cmd::domainInfo("add-grace.example")), 2303);
    XRP_EXPECT(check, a.send(cmd::domainCheck({"add-grace.example"})), 1000);
    QVERIFY(check.contains("avail=\"1\""));

    // The ledger has the charge and the refund that names it.
    auto opened = reg::store::Connection::open(m_fx.databaseFile(), reg::store::Connection::Mode::ReadOnly);
    QVERIFY(opened);
    auto refunds = (*opened)->queryValue(QStringLiteral("SELECT count(*) FROM ledger r JOIN ledger c ON r.refers_to = c.id "
                                                        "WHERE c.object = 'add-grace.example' AND c.amount_cents = -800 AND r.amount_cents = 800"));
    QVERIFY(refunds);
    QCOMPARE(refunds->toInt(), 1);
}

void tst_XrpCommandsDomains::deleteLaterGoesIntoRedemptionAndRestores()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_EXPECT(before, a.send(cmd::domainInfo(m_oldDomain)), 1000);
    QVERIFY2(!before.contains("rgpStatus"), before.constData());

    XRP_EXPECT(deleted, a.send(cmd::domainDelete(m_oldDomain)), 1001);
    QVERIFY(!deleted.contains("<fee:delData"));   // nothing to refund outside the grace periods
    XRP_EXPECT(redemption, a.send(cmd::domainInfo(m_oldDomain)), 1000);
    QVERIFY2(redemption.contains("<domain:status s=\"pendingDelete\""), redemption.constData());
    QVERIFY(redemption.contains("<rgp:rgpStatus s=\"redemptionPeriod\"/>"));
    // A deleted name is not free, cannot be deleted again, nor renewed.
    XRP_EXPECT(check, a.send(cmd::domainCheck({m_oldDomain})), 1000);
    QVERIFY(check.contains("avail=\"0\""));
    XRP_CHECK(a.send(cmd::domainDelete(m_oldDomain)), 2304);
    // A report before a request is refused.
    const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8();
    XRP_CHECK(a.send(cmd::domainUpdate(m_oldDomain, {}, {}, ""), cmd::rgpRestoreReport(now, now)), 2304);
    // A restore combined with another change is refused.
    XRP_CHECK(a.send(cmd::domainUpdate(m_oldDomain, cmd::domainStatus("clientHold")), cmd::rgpRestoreRequest()), 2306);

    XRP_EXPECT(requested, a.send(cmd::domainUpdate(m_oldDomain, {}), cmd::rgpRestoreRequest()), 1000);
    QVERIFY2(requested.contains("<rgp:rgpStatus s=\"pendingRestore\"/>"), requested.constData());
    XRP_EXPECT(pending, a.send(cmd::domainInfo(m_oldDomain)), 1000);
    QVERIFY(pending.contains("<rgp:rgpStatus s=\"pendingRestore\"/>"));

    XRP_CHECK(a.send(cmd::domainUpdate(m_oldDomain, {}), cmd::rgpRestoreReport(now, now)), 1000);
    XRP_EXPECT(restored, a.send(cmd::domainInfo(m_oldDomain)), 1000);
    QVERIFY2(!restored.contains("pendingDelete"), restored.constData());
    QVERIFY(!restored.contains("pendingRestore"));
    QVERIFY(!restored.contains("redemptionPeriod"));
    // Back to normal: it can be updated.
    XRP_CHECK(a.send(cmd::domainUpdate(m_oldDomain, cmd::domainStatus("clientTransferProhibited"))), 1000);
}

void tst_XrpCommandsDomains::schemaViolationsChangeNothing_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("code");
    const QByteArray create = cmd::domainCreate("schema-bad.example", "dom-schema-1", "Schema-pw-1");
    QTest::newRow("extra element") << QByteArray(create).replace("</domain:create>", "<domain:extra>1</domain:extra></domain:create>") << 2001;
    QTest::newRow("elements out of order")
        << QByteArray("<create><domain:create" + cmd::domainXmlns + "><domain:registrant>dom-schema-1</domain:registrant>"
                      "<domain:name>schema-bad.example</domain:name><domain:authInfo><domain:pw>Schema-pw-1</domain:pw></domain:authInfo>"
                      "</domain:create></create>")
        << 2001;
    QTest::newRow("missing authInfo") << QByteArray(create).replace("<domain:authInfo><domain:pw>Schema-pw-1</domain:pw></domain:authInfo>", "") << 2003;
    QTest::newRow("missing name") << QByteArray(create).replace("<domain:name>schema-bad.example</domain:name>", "") << 2003;
    QTest::newRow("bad period unit") << QByteArray(create).replace("unit=\"y\"", "unit=\"d\"") << 2005;
    QTest::newRow("period not a number") << QByteArray(create).replace(">1</domain:period>", ">one</domain:period>") << 2005;
    QTest::newRow("empty name") << QByteArray(create).replace(">schema-bad.example<", "><") << 2005;
    QTest::newRow("contact type") << QByteArray(create).replace("type=\"tech\"", "type=\"owner\"") << 2005;
    QTest::newRow("update extra element") << cmd::domainUpdate("schema-bad.example", "<domain:nonsense/>") << 2001;
    QTest::newRow("renew without curExpDate")
        << QByteArray("<renew><domain:renew" + cmd::domainXmlns + "><domain:name>schema-bad.example</domain:name></domain:renew></renew>")
        << 2003;
    QTest::newRow("renew bad date") << cmd::domainRenew("schema-bad.example", "2030-13-45") << 2005;
    QTest::newRow("transfer bad op") << cmd::domainTransfer("steal", "schema-bad.example") << 2005;
    QTest::newRow("info missing name") << QByteArray("<info><domain:info" + cmd::domainXmlns + "/></info>") << 2003;
    QTest::newRow("delete two names")
        << QByteArray("<delete><domain:delete" + cmd::domainXmlns + "><domain:name>a.example</domain:name><domain:name>b.example</domain:name>"
                      "</domain:delete></delete>")
        << 2001;
}

void tst_XrpCommandsDomains::schemaViolationsChangeNothing()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, code);
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 3));
    static bool contactMade = false;
    if (!contactMade) {
        XRP_CHECK(a.send(cmd::contactCreate("dom-schema-1")), 1000);
        contactMade = true;
    }
    const qint64 before = journalHead();
    XRP_EXPECT(answer, a.send(xml), code);
    QVERIFY(answer.contains("<msg"));
    QCOMPARE(journalHead(), before);
    XRP_EXPECT(check, a.send(cmd::domainCheck({"schema-bad.example"})), 1000);
    QVERIFY(check.contains("avail=\"1\""));
    QVERIFY(a.client().isConnected());   // a bad command does not end the session
}

void tst_XrpCommandsDomains::auditHasOneRowPerCommand()
{
    QCOMPARE(m_fx.engine.stop(), 0);   // the audit batches are flushed on shutdown
    QVERIFY(m_fx.exchanges.size() > 100);
    const QString problem = m_fx.checkAudit();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    auto opened = reg::store::Connection::open(m_fx.databaseFile(), reg::store::Connection::Mode::ReadOnly);
    QVERIFY(opened);
    auto passwords = (*opened)->queryValue(QStringLiteral("SELECT count(*) FROM xrp_audit WHERE message LIKE '%-pw-%' OR object LIKE '%-pw-%'"));
    QVERIFY(passwords);
    QCOMPARE(passwords->toInt(), 0);   // no authInfo and no login password in the trail
}

QTEST_GUILESS_MAIN(tst_XrpCommandsDomains)
#include "tst_xrpcommandsdomains.moc"
