// Two registrars competing over real TLS: domain transfers (request with authInfo, query, approve,
// reject, cancel) with the poll messages on both sides, poll req/ack, and billing (credit limit,
// fee-1.0 check and agreement). Every answer validated against the XSDs; audit checked at the end.
#include "common/eppobjectcommands.h"
#include "common/xrpcommandfixture.h"

#include <QDateTime>
#include <QTest>

using namespace testsupport::xrp;

namespace {

constexpr int Alpha = 0;
constexpr int Bravo = 1;
constexpr int Charlie = 2;   // has 5.00 EUR and no credit: cannot afford an 8.00 create

QString msgQueueId(const QByteArray &xml)
{
    static const QRegularExpression re(QStringLiteral("<msgQ count=\"(\\d+)\" id=\"([^\"]+)\""));
    return re.match(QString::fromUtf8(xml)).captured(2);
}

} // namespace

class tst_XrpCommandsTransfers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void emptyQueueAndUnknownAck();
    void transferRequestApproveWithPollOnBothSides();
    void transferReject();
    void transferCancel();
    void transferRefusals();
    void creditLimitIs2104();
    void feeCheckQuotesThePriceList();
    void feeTooLowIs2004();
    void auditHasOneRowPerCommand();

private:
    // Acks every queued message; the number acked, or -1 on an unexpected answer.
    int drain(XrpTestSession &session);
    // The next poll message (1301) of session, acked; its XML, or empty if there was none.
    QByteArray takeMessage(XrpTestSession &session);
    void createDomain(int registrar, const QByteArray &name, const QByteArray &pw);
    qint64 journalHead();

    XrpCommandFixture m_fx;
};

void tst_XrpCommandsTransfers::initTestCase()
{
    const QString why = m_fx.start([](reg::store::Connection &db) -> QString {
        const auto r = db.execute(QStringLiteral("UPDATE registrars SET balance_cents = 500, credit_limit_cents = 0 WHERE id = 'rar-charlie'"));
        return r ? QString() : r.error().message;
    });
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(m_fx.registrars.at(Charlie), QStringLiteral("rar-charlie"));
}

void tst_XrpCommandsTransfers::cleanupTestCase()
{
    m_fx.engine.stop();
}

qint64 tst_XrpCommandsTransfers::journalHead()
{
    auto opened = reg::store::Connection::open(m_fx.databaseFile(), reg::store::Connection::Mode::ReadOnly);
    if (!opened)
        return -1;
    auto head = (*opened)->queryValue(QStringLiteral("SELECT coalesce(max(seq), 0) FROM journal"));
    return head ? head->toLongLong() : -1;
}

int tst_XrpCommandsTransfers::drain(XrpTestSession &session)
{
    for (int acked = 0; acked < 10000; ++acked) {
        const QByteArray answer = session.send(cmd::pollRequest());
        if (!m_fx.validator.validate(answer).isEmpty())
            return -1;
        if (resultCode(answer) == 1300)
            return acked;
        if (resultCode(answer) != 1301 || resultCode(session.send(cmd::pollAck(msgQueueId(answer).toUtf8()))) != 1000)
            return -1;
    }
    return -1;
}

QByteArray tst_XrpCommandsTransfers::takeMessage(XrpTestSession &session)
{
    const QByteArray answer = session.send(cmd::pollRequest());
    if (resultCode(answer) != 1301 || !m_fx.validator.validate(answer).isEmpty())
        return {};
    const QByteArray ack = session.send(cmd::pollAck(msgQueueId(answer).toUtf8()));
    if (resultCode(ack) != 1000 || !m_fx.validator.validate(ack).isEmpty())
        return {};
    return answer;
}

void tst_XrpCommandsTransfers::createDomain(int registrar, const QByteArray &name, const QByteArray &pw)
{
    XrpTestSession s(m_fx);
    QVERIFY(s.open(registrar, 2));
    const QByteArray contact = "tc-" + QByteArray::number(m_fx.exchanges.size());
    XRP_CHECK(s.send(cmd::contactCreate(contact)), 1000);
    XRP_CHECK(s.send(cmd::domainCreate(name, contact, pw)), 1000);
}

void tst_XrpCommandsTransfers::emptyQueueAndUnknownAck()
{
    XrpTestSession b(m_fx);
    QVERIFY(b.open(Bravo, 1));
    QVERIFY(drain(b) >= 0);
    XRP_EXPECT(empty, b.send(cmd::pollRequest()), 1300);
    QVERIFY(!empty.contains("<msgQ"));
    XRP_CHECK(b.send(cmd::pollAck("999999999")), 2303);
    XRP_CHECK(b.send("<poll op=\"ack\"/>"), 2003);       // ack needs a msgID
    XRP_CHECK(b.send("<poll op=\"peek\"/>"), 2005);
    XRP_CHECK(b.send(cmd::pollRequest(), cmd::feeCheck("create")), 2102);   // poll takes no extension
}

void tst_XrpCommandsTransfers::transferRequestApproveWithPollOnBothSides()
{
    createDomain(Alpha, "tr-approve.example", "Approve-pw-1");
    if (QTest::currentTestFailed())
        return;
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XrpTestSession b(m_fx);
    QVERIFY(b.open(Bravo, 1));
    QVERIFY(drain(a) >= 0);
    QVERIFY(drain(b) >= 0);
    XRP_EXPECT(before, a.send(cmd::domainInfo("tr-approve.example")), 1000);
    const QDateTime oldExpiry = QDateTime::fromString(elementText(before, QStringLiteral("domain:exDate")), Qt::ISODateWithMs);

    XRP_CHECK(b.send(cmd::domainTransfer("request", "tr-approve.example")), 2202);   // no authInfo
    XRP_CHECK(b.send(cmd::domainTransfer("request", "tr-approve.example", "Wrong-pw-1")), 2202);
    XRP_EXPECT(requested, b.send(cmd::domainTransfer("request", "tr-approve.example", "Approve-pw-1"), cmd::feeAgree("transfer", "8.00")), 1001);
    QCOMPARE(elementText(requested, QStringLiteral("domain:trStatus")), QStringLiteral("pending"));
    QCOMPARE(elementText(requested, QStringLiteral("domain:reID")), QStringLiteral("rar-bravo"));
    QCOMPARE(elementText(requested, QStringLiteral("domain:acID")), QStringLiteral("rar-alpha"));
    QCOMPARE(elementText(requested, QStringLiteral("fee:fee")), QStringLiteral("8.00"));
    XRP_CHECK(b.send(cmd::domainTransfer("request", "tr-approve.example", "Approve-pw-1")), 2300);

    // Both sides have a message about the pending transfer.
    const QByteArray toLosing = takeMessage(a);
    QVERIFY2(toLosing.contains("<domain:trStatus>pending</domain:trStatus>"), toLosing.constData());
    QVERIFY(toLosing.contains("<domain:name>tr-approve.example</domain:name>"));
    const QByteArray toGaining = takeMessage(b);
    QVERIFY2(toGaining.contains("<domain:trStatus>pending</domain:trStatus>"), toGaining.constData());

    XRP_EXPECT(queried, a.send(cmd::domainTransfer("query", "tr-approve.example")), 1000);
    QCOMPARE(elementText(queried, QStringLiteral("domain:trStatus")), QStringLiteral("pending"));
    XRP_EXPECT(pendingInfo, a.send(cmd::domainInfo("tr-approve.example")), 1000);
    QVERIFY(pendingInfo.contains("<domain:status s=\"pendingTransfer\""));
    XRP_CHECK(a.send(cmd::domainUpdate("tr-approve.example", cmd::domainStatus("clientHold"))), 2304);   // frozen while pending
    XRP_CHECK(b.send(cmd::domainTransfer("approve", "tr-approve.example")), 2201);   // only the losing side approves
    XRP_CHECK(a.send(cmd::domainTransfer("cancel", "tr-approve.example")), 2201);    // only the gaining side cancels

    XRP_EXPECT(approved, a.send(cmd::domainTransfer("approve", "tr-approve.example")), 1000);
    QCOMPARE(elementText(approved, QStringLiteral("domain:trStatus")), QStringLiteral("clientApproved"));
    const QByteArray approvedMsgA = takeMessage(a);
    QVERIFY2(approvedMsgA.contains("<domain:trStatus>clientApproved</domain:trStatus>"), approvedMsgA.constData());
    const QByteArray approvedMsgB = takeMessage(b);
    QVERIFY2(approvedMsgB.contains("<domain:trStatus>clientApproved</domain:trStatus>"), approvedMsgB.constData());
    XRP_CHECK(b.send(cmd::pollRequest()), 1300);

    XRP_EXPECT(gained, b.send(cmd::domainInfo("tr-approve.example")), 1000);
    QCOMPARE(elementText(gained, QStringLiteral("domain:clID")), QStringLiteral("rar-bravo"));
    QVERIFY(!gained.contains("pendingTransfer"));
    QCOMPARE(QDateTime::fromString(elementText(gained, QStringLiteral("domain:exDate")), Qt::ISODateWithMs).date(), oldExpiry.date().addYears(1));
    QVERIFY(!elementText(gained, QStringLiteral("domain:trDate")).isEmpty());
    // The old sponsor gets the short form now and cannot change the domain.
    XRP_EXPECT(lost, a.send(cmd::domainInfo("tr-approve.example")), 1000);
    QVERIFY(!lost.contains("<domain:registrant>"));
    XRP_CHECK(a.send(cmd::domainDelete("tr-approve.example")), 2201);
    // The old authInfo died with the approval (RFC 9154).
    XRP_CHECK(a.send(cmd::domainTransfer("request", "tr-approve.example", "Approve-pw-1")), 2202);
}

void tst_XrpCommandsTransfers::transferReject()
{
    createDomain(Alpha, "tr-reject.example", "Reject-pw-1");
    if (QTest::currentTestFailed())
        return;
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XrpTestSession b(m_fx);
    QVERIFY(b.open(Bravo, 1));
    QVERIFY(drain(a) >= 0);
    QVERIFY(drain(b) >= 0);
    XRP_EXPECT(requested, b.send(cmd::domainTransfer("request", "tr-reject.example", "Reject-pw-1"), cmd::feeAgree("transfer", "8.00")), 1001);
    const double balanceAfterRequest = elementText(requested, QStringLiteral("fee:balance")).toDouble();
    XRP_EXPECT(rejected, a.send(cmd::domainTransfer("reject", "tr-reject.example")), 1000);
    QCOMPARE(elementText(rejected, QStringLiteral("domain:trStatus")), QStringLiteral("clientRejected"));
    QVERIFY(takeMessage(b).contains("<domain:trStatus>pending</domain:trStatus>"));
    QVERIFY(takeMessage(b).contains("<domain:trStatus>clientRejected</domain:trStatus>"));
    XRP_EXPECT(info, a.send(cmd::domainInfo("tr-reject.example")), 1000);
    QCOMPARE(elementText(info, QStringLiteral("domain:clID")), QStringLiteral("rar-alpha"));
    QVERIFY(!info.contains("pendingTransfer"));
    XRP_EXPECT(queried, b.send(cmd::domainTransfer("query", "tr-reject.example", "Reject-pw-1")), 1000);
    QCOMPARE(elementText(queried, QStringLiteral("domain:trStatus")), QStringLiteral("clientRejected"));
    XRP_CHECK(a.send(cmd::domainTransfer("reject", "tr-reject.example")), 2301);
    // The transfer fee came back: the next quote of the balance is 8.00 higher.
    XRP_EXPECT(again, b.send(cmd::domainTransfer("request", "tr-reject.example", "Reject-pw-1"), cmd::feeAgree("transfer", "8.00")), 1001);
    QCOMPARE(elementText(again, QStringLiteral("fee:balance")).toDouble(), balanceAfterRequest);
    XRP_CHECK(b.send(cmd::domainTransfer("cancel", "tr-reject.example")), 1000);
}

void tst_XrpCommandsTransfers::transferCancel()
{
    createDomain(Alpha, "tr-cancel.example", "Cancel-pw-1");
    if (QTest::currentTestFailed())
        return;
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XrpTestSession b(m_fx);
    QVERIFY(b.open(Bravo, 1));
    QVERIFY(drain(a) >= 0);
    XRP_CHECK(b.send(cmd::domainTransfer("request", "tr-cancel.example", "Cancel-pw-1")), 1001);
    XRP_EXPECT(cancelled, b.send(cmd::domainTransfer("cancel", "tr-cancel.example")), 1000);
    QCOMPARE(elementText(cancelled, QStringLiteral("domain:trStatus")), QStringLiteral("clientCancelled"));
    QVERIFY(takeMessage(a).contains("<domain:trStatus>pending</domain:trStatus>"));
    QVERIFY(takeMessage(a).contains("<domain:trStatus>clientCancelled</domain:trStatus>"));
    XRP_CHECK(b.send(cmd::domainTransfer("cancel", "tr-cancel.example")), 2301);
    XRP_CHECK(a.send(cmd::domainTransfer("approve", "tr-cancel.example")), 2301);
    XRP_EXPECT(info, a.send(cmd::domainInfo("tr-cancel.example")), 1000);
    QCOMPARE(elementText(info, QStringLiteral("domain:clID")), QStringLiteral("rar-alpha"));
}

void tst_XrpCommandsTransfers::transferRefusals()
{
    createDomain(Alpha, "tr-refused.example", "Refused-pw-1");
    if (QTest::currentTestFailed())
        return;
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XrpTestSession b(m_fx);
    QVERIFY(b.open(Bravo, 1));
    const qint64 before = journalHead();
    XRP_CHECK(a.send(cmd::domainTransfer("request", "tr-refused.example", "Refused-pw-1")), 2106);   // already its sponsor
    XRP_CHECK(b.send(cmd::domainTransfer("request", "tr-nonexistent.example", "Refused-pw-1")), 2303);
    XRP_CHECK(b.send(cmd::domainTransfer("query", "tr-refused.example")), 2201);   // not a party, no authInfo
    XRP_CHECK(b.send(cmd::domainTransfer("approve", "tr-refused.example")), 2201);
    QCOMPARE(journalHead(), before);
    XRP_CHECK(a.send(cmd::domainUpdate("tr-refused.example", cmd::domainStatus("clientTransferProhibited"))), 1000);
    XRP_CHECK(b.send(cmd::domainTransfer("request", "tr-refused.example", "Refused-pw-1")), 2304);
    XRP_CHECK(a.send(cmd::domainTransfer("reject", "tr-refused.example")), 2301);
}

void tst_XrpCommandsTransfers::creditLimitIs2104()
{
    XrpTestSession c(m_fx);
    QVERIFY(c.open(Charlie, 1));
    XRP_CHECK(c.send(cmd::contactCreate("bill-c-1")), 1000);   // contacts cost nothing
    const qint64 before = journalHead();
    XRP_EXPECT(refused, c.send(cmd::domainCreate("too-expensive.example", "bill-c-1", "Costly-pw-1")), 2104);
    QVERIFY(refused.contains("<msg"));
    QCOMPARE(journalHead(), before);
    XRP_EXPECT(check, c.send(cmd::domainCheck({"too-expensive.example"})), 1000);
    QVERIFY(check.contains("avail=\"1\""));
    // The fee check still quotes, and a 5.00 balance shows in no charge.
    XRP_EXPECT(quote, c.send(cmd::domainCheck({"too-expensive.example"}), cmd::feeCheck("create")), 1000);
    QCOMPARE(elementText(quote, QStringLiteral("fee:fee")), QStringLiteral("8.00"));

    auto opened = reg::store::Connection::open(m_fx.databaseFile(), reg::store::Connection::Mode::ReadOnly);
    QVERIFY(opened);
    auto balance = (*opened)->queryValue(QStringLiteral("SELECT balance_cents FROM registrars WHERE id = 'rar-charlie'"));
    QVERIFY(balance);
    QCOMPARE(balance->toLongLong(), 500LL);
    auto charges = (*opened)->queryValue(QStringLiteral("SELECT count(*) FROM ledger WHERE registrar_id = 'rar-charlie'"));
    QVERIFY(charges);
    QCOMPARE(charges->toInt(), 0);
}

void tst_XrpCommandsTransfers::feeCheckQuotesThePriceList()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_EXPECT(create, a.send(cmd::domainCheck({"fee-quote.example"}), cmd::feeCheck("create", 2)), 1000);
    QVERIFY2(create.contains("<fee:chkData"), create.constData());
    QCOMPARE(elementText(create, QStringLiteral("fee:currency")), QStringLiteral("EUR"));
    QCOMPARE(elementText(create, QStringLiteral("fee:fee")), QStringLiteral("16.00"));
    XRP_EXPECT(restore, a.send(cmd::domainCheck({"fee-quote.example"}), "<fee:check xmlns:fee=\"urn:ietf:params:xml:ns:epp:fee-1.0\">"
                                                                         "<fee:command name=\"restore\"/></fee:check>"),
               1000);
    QCOMPARE(elementText(restore, QStringLiteral("fee:fee")), QStringLiteral("40.00"));
    XRP_CHECK(a.send(cmd::domainCheck({"fee-quote.example"}), QByteArray(cmd::feeCheck("create")).replace(">EUR<", ">USD<")), 2004);
    XRP_CHECK(a.send(cmd::domainCheck({"fee-quote.example"}),
                     QByteArray(cmd::feeCheck("create")).replace("name=\"create\"", "name=\"create\" phase=\"sunrise\"")),
              2102);
}

void tst_XrpCommandsTransfers::feeTooLowIs2004()
{
    XrpTestSession a(m_fx);
    QVERIFY(a.open(Alpha, 1));
    XRP_CHECK(a.send(cmd::contactCreate("bill-a-1")), 1000);
    const qint64 before = journalHead();
    XRP_CHECK(a.send(cmd::domainCreate("fee-low.example", "bill-a-1", "Fee-pw-1"), cmd::feeAgree("create", "1.00")), 2004);
    XRP_CHECK(a.send(cmd::domainCreate("fee-low.example", "bill-a-1", "Fee-pw-1", {}, 2), cmd::feeAgree("create", "8.00")), 2004);
    XRP_CHECK(a.send(cmd::domainCreate("fee-low.example", "bill-a-1", "Fee-pw-1"), cmd::feeAgree("create", "8.001")), 2004);
    QCOMPARE(journalHead(), before);
    XRP_EXPECT(check, a.send(cmd::domainCheck({"fee-low.example"})), 1000);
    QVERIFY(check.contains("avail=\"1\""));
    // Enough is enough (a higher fee is agreement too); the charge is what the price list says.
    XRP_EXPECT(created, a.send(cmd::domainCreate("fee-low.example", "bill-a-1", "Fee-pw-1"), cmd::feeAgree("create", "9.00")), 1000);
    QCOMPARE(elementText(created, QStringLiteral("fee:fee")), QStringLiteral("8.00"));
    QVERIFY(!elementText(created, QStringLiteral("fee:creditLimit")).isEmpty());
}

void tst_XrpCommandsTransfers::auditHasOneRowPerCommand()
{
    QCOMPARE(m_fx.engine.stop(), 0);
    QVERIFY(m_fx.exchanges.size() > 50);
    const QString problem = m_fx.checkAudit();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(tst_XrpCommandsTransfers)
#include "tst_xrpcommandstransfers.moc"
