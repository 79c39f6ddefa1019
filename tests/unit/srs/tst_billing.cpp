#include "accounttesthelpers.h"

#include "srs/billing.h"
#include "srs/pollqueue.h"

using namespace reg;
using namespace reg::srs;

class tst_Billing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void operationNamesAreThoseOfThePriceList();
    void priceIsPerYearAndFlatForRestore();
    void operationWithoutPriceIsNotOnSale();
    void periodOutsideTheBillableRangeIsRefused();
    void chargeLowersTheBalanceAndWritesALedgerRow();
    void chargeExactlyAtTheCreditLimitIsAccepted();
    void chargeOneCentPastTheCreditLimitIsRefusedAndChangesNothing();
    void feeLowerThanThePriceIsRefusedAndChangesNothing();
    void feeAtOrAboveThePriceChargesThePrice();
    void chargeOfUnknownRegistrarIsNotFound();
    void refundReturnsTheChargeOnce();
    void refundOfSomethingThatIsNotAChargeIsRefused();
    void refundOfUnknownEntryIsNotFound();
    void lowBalanceIsNotifiedOncePerCrossing();
    void noThresholdMeansNoLowBalanceMessage();
    void paymentsAndAdjustments();
    void creditRefusesWrongOperationsAndAmounts();
    void ledgerIsNewestFirstWithPaging();
    void ledgerRefusesPagesOutOfRange();
    void refusalInsideACommandRollsBackTheCharge();

private:
    template<typename T>
    SrsOutcome<T> inWriter(std::function<SrsOutcome<T>(store::Connection &)> work)
    {
        return runWrite<T>(m_store->writer(), [work](store::Connection &c) -> SrsOutcome<Committed<T>> {
            SrsOutcome<T> r = work(c);
            if (!r)
                return r.error();
            return Committed<T>{std::move(r).value(), std::nullopt};
        });
    }
    SrsOutcome<Billing::Charged> charge(const QString &registrarId, BillableOperation op, int years,
                                        std::optional<qint64> fee = std::nullopt, const QString &tld = QStringLiteral("example"));
    SrsOutcome<Charge> refund(qint64 chargeId);
    SrsOutcome<Charge> credit(const QString &registrarId, qint64 cents, const QString &operation);
    SrsOutcome<AccountBalance> balance(const QString &registrarId);
    qint64 pollCount(const QString &registrarId);
    RequestContext ctx(const QString &registrarId) { return accounttest::contextFor(registrarId, m_clock, m_policy); }

    ManualClock m_clock;
    SrsPolicy m_policy;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<store::Connection> m_reader;
};

void tst_Billing::init()
{
    m_clock.set(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = accounttest::openStore(*m_dir, m_clock);
    QVERIFY(m_store);
    QVERIFY(accounttest::addTld(*m_store, QStringLiteral("example")));
    QVERIFY(accounttest::addTld(*m_store, QStringLiteral("test")));
    QVERIFY(accounttest::exec(*m_store, QStringLiteral(
        "INSERT INTO prices (tld, operation, cents) VALUES "
        "('example', 'create', 800), ('example', 'renew', 700), ('example', 'autoRenew', 750), "
        "('example', 'transfer', 600), ('example', 'restore', 4000), ('test', 'create', 0)")));
    // rar-a: 100.00 prepaid and 50.00 credit; rar-b: nothing but 10.00 credit.
    QVERIFY(accounttest::addRegistrar(*m_store, QStringLiteral("rar-a"), 10000, 5000));
    QVERIFY(accounttest::addRegistrar(*m_store, QStringLiteral("rar-b"), 0, 1000));
    auto reader = m_store->openReader();
    QVERIFY(reader.ok());
    m_reader = std::move(reader).value();
}

void tst_Billing::cleanup()
{
    m_reader.reset();
    m_store.reset();
    m_dir.reset();
}

SrsOutcome<Billing::Charged> tst_Billing::charge(const QString &registrarId, BillableOperation op, int years,
                                                 std::optional<qint64> fee, const QString &tld)
{
    const RequestContext context = ctx(registrarId);
    return inWriter<Billing::Charged>([=](store::Connection &c) {
        return Billing::charge(c, context, registrarId, op, QStringLiteral("name.") + tld, tld, years, fee);
    });
}

SrsOutcome<Charge> tst_Billing::refund(qint64 chargeId)
{
    const RequestContext context = ctx(QStringLiteral("rar-a"));
    return inWriter<Charge>([=](store::Connection &c) {
        return Billing::refund(c, context, chargeId, QStringLiteral("deleted in the add grace period"));
    });
}

SrsOutcome<Charge> tst_Billing::credit(const QString &registrarId, qint64 cents, const QString &operation)
{
    const RequestContext context = ctx(QStringLiteral("operator"));
    return inWriter<Charge>([=](store::Connection &c) {
        return Billing::credit(c, context, registrarId, cents, operation, QStringLiteral("wire transfer 42"));
    });
}

SrsOutcome<AccountBalance> tst_Billing::balance(const QString &registrarId)
{
    return Billing::balance(*m_reader, registrarId);
}

qint64 tst_Billing::pollCount(const QString &registrarId)
{
    SrsOutcome<PollHead> head = PollQueue::req(*m_reader, ctx(registrarId));
    return head ? head->count : -1;
}

void tst_Billing::operationNamesAreThoseOfThePriceList()
{
    QCOMPARE(billableOperationName(BillableOperation::Create), QStringLiteral("create"));
    QCOMPARE(billableOperationName(BillableOperation::Renew), QStringLiteral("renew"));
    QCOMPARE(billableOperationName(BillableOperation::AutoRenew), QStringLiteral("autoRenew"));
    QCOMPARE(billableOperationName(BillableOperation::Transfer), QStringLiteral("transfer"));
    QCOMPARE(billableOperationName(BillableOperation::Restore), QStringLiteral("restore"));
}

void tst_Billing::priceIsPerYearAndFlatForRestore()
{
    QCOMPARE(*Billing::price(*m_reader, QStringLiteral("example"), BillableOperation::Create, 1), qint64(800));
    QCOMPARE(*Billing::price(*m_reader, QStringLiteral("example"), BillableOperation::Create, 3), qint64(2400));
    QCOMPARE(*Billing::price(*m_reader, QStringLiteral("example"), BillableOperation::Renew, 2), qint64(1400));
    QCOMPARE(*Billing::price(*m_reader, QStringLiteral("example"), BillableOperation::AutoRenew, 1), qint64(750));
    QCOMPARE(*Billing::price(*m_reader, QStringLiteral("example"), BillableOperation::Transfer, 1), qint64(600));
    QCOMPARE(*Billing::price(*m_reader, QStringLiteral("example"), BillableOperation::Restore, 0), qint64(4000));
    QCOMPARE(*Billing::price(*m_reader, QStringLiteral("example"), BillableOperation::Restore, 5), qint64(4000));
    QCOMPARE(*Billing::price(*m_reader, QStringLiteral("test"), BillableOperation::Create, 2), qint64(0));
}

void tst_Billing::operationWithoutPriceIsNotOnSale()
{
    SrsOutcome<qint64> p = Billing::price(*m_reader, QStringLiteral("test"), BillableOperation::Renew, 1);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().refusal, Refusal::PolicyError);
    QVERIFY2(p.error().message.contains(u"not on sale"), qPrintable(p.error().message));
    QCOMPARE(Billing::price(*m_reader, QStringLiteral("nosuchtld"), BillableOperation::Create, 1).error().refusal,
             Refusal::PolicyError);
}

void tst_Billing::periodOutsideTheBillableRangeIsRefused()
{
    for (int years : {0, -1, 100}) {
        SrsOutcome<qint64> p = Billing::price(*m_reader, QStringLiteral("example"), BillableOperation::Renew, years);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().refusal, Refusal::RangeError);
    }
}

void tst_Billing::chargeLowersTheBalanceAndWritesALedgerRow()
{
    m_clock.advance(60 * 1000);
    SrsOutcome<Billing::Charged> charged = charge(QStringLiteral("rar-a"), BillableOperation::Create, 2);
    QVERIFY2(charged.ok(), charged.ok() ? "" : qPrintable(charged.error().message));
    QCOMPARE(charged->charge.feeCents, qint64(1600));
    QCOMPARE(charged->charge.balanceCents, qint64(8400));
    QCOMPARE(charged->charge.creditLimitCents, qint64(5000));
    QCOMPARE(balance(QStringLiteral("rar-a"))->balanceCents, qint64(8400));

    SrsOutcome<QList<LedgerEntry>> ledger = Billing::ledger(*m_reader, QStringLiteral("rar-a"), 0, 10);
    QVERIFY(ledger.ok());
    QCOMPARE(ledger->size(), 1);
    const LedgerEntry &row = ledger->first();
    QCOMPARE(row.id, charged->ledgerId);
    QCOMPARE(row.registrarId, QStringLiteral("rar-a"));
    QCOMPARE(row.at, QDateTime(QDate(2026, 3, 1), QTime(12, 1), Qt::UTC));
    QCOMPARE(row.operation, QStringLiteral("create"));
    QCOMPARE(row.object, QStringLiteral("name.example"));
    QCOMPARE(row.tld, QStringLiteral("example"));
    QCOMPARE(row.periodYears, 2);
    QCOMPARE(row.amountCents, qint64(-1600));
    QCOMPARE(row.balanceAfterCents, qint64(8400));
    QVERIFY(!row.refersTo);
    QCOMPARE(row.serverTransactionId, QStringLiteral("SV-1"));
}

void tst_Billing::chargeExactlyAtTheCreditLimitIsAccepted()
{
    // rar-b: balance 0, credit 10.00; restore costs 40.00, so give it 30.00 first: available exactly 40.00.
    QVERIFY(credit(QStringLiteral("rar-b"), 3000, QStringLiteral("payment")).ok());
    SrsOutcome<Billing::Charged> charged = charge(QStringLiteral("rar-b"), BillableOperation::Restore, 0);
    QVERIFY2(charged.ok(), charged.ok() ? "" : qPrintable(charged.error().message));
    QCOMPARE(charged->charge.balanceCents, qint64(-1000));
    QCOMPARE(balance(QStringLiteral("rar-b"))->availableCents(), qint64(0));
    // Nothing left: even a free operation is fine, a paid one is not.
    QVERIFY(charge(QStringLiteral("rar-b"), BillableOperation::Create, 1, std::nullopt, QStringLiteral("test")).ok());
    QCOMPARE(charge(QStringLiteral("rar-b"), BillableOperation::Create, 1).error().refusal, Refusal::BillingFailure);
}

void tst_Billing::chargeOneCentPastTheCreditLimitIsRefusedAndChangesNothing()
{
    QVERIFY(credit(QStringLiteral("rar-b"), 2999, QStringLiteral("payment")).ok());   // available 39.99
    const qint64 ledgerRows = accounttest::count(*m_store, QStringLiteral("ledger"));
    const qint64 journal = m_store->writer().journalHead();

    SrsOutcome<Billing::Charged> charged = charge(QStringLiteral("rar-b"), BillableOperation::Restore, 0);
    QVERIFY(!charged.ok());
    QCOMPARE(charged.error().refusal, Refusal::BillingFailure);
    QVERIFY2(charged.error().message.contains(u"39.99"), qPrintable(charged.error().message));
    QVERIFY2(charged.error().message.contains(u"40.00"), qPrintable(charged.error().message));

    QCOMPARE(balance(QStringLiteral("rar-b"))->balanceCents, qint64(2999));
    QCOMPARE(accounttest::count(*m_store, QStringLiteral("ledger")), ledgerRows);
    QCOMPARE(pollCount(QStringLiteral("rar-b")), qint64(0));
    QCOMPARE(m_store->writer().journalHead(), journal);
}

void tst_Billing::feeLowerThanThePriceIsRefusedAndChangesNothing()
{
    SrsOutcome<Billing::Charged> charged = charge(QStringLiteral("rar-a"), BillableOperation::Create, 2, 1599);
    QVERIFY(!charged.ok());
    QCOMPARE(charged.error().refusal, Refusal::RangeError);
    QVERIFY2(charged.error().message.contains(u"fee 15.99 is lower than the price 16.00"), qPrintable(charged.error().message));
    QCOMPARE(charged.error().value, QStringLiteral("15.99"));
    QCOMPARE(balance(QStringLiteral("rar-a"))->balanceCents, qint64(10000));
    QCOMPARE(accounttest::count(*m_store, QStringLiteral("ledger")), qint64(0));
}

void tst_Billing::feeAtOrAboveThePriceChargesThePrice()
{
    SrsOutcome<Billing::Charged> exact = charge(QStringLiteral("rar-a"), BillableOperation::Renew, 1, 700);
    QVERIFY(exact.ok());
    QCOMPARE(exact->charge.feeCents, qint64(700));
    SrsOutcome<Billing::Charged> generous = charge(QStringLiteral("rar-a"), BillableOperation::Renew, 1, 5000);
    QVERIFY(generous.ok());
    QCOMPARE(generous->charge.feeCents, qint64(700));
    QCOMPARE(balance(QStringLiteral("rar-a"))->balanceCents, qint64(8600));
}

void tst_Billing::chargeOfUnknownRegistrarIsNotFound()
{
    SrsOutcome<Billing::Charged> charged = charge(QStringLiteral("rar-nobody"), BillableOperation::Create, 1);
    QVERIFY(!charged.ok());
    QCOMPARE(charged.error().refusal, Refusal::NotFound);
    QCOMPARE(Billing::balance(*m_reader, QStringLiteral("rar-nobody")).error().refusal, Refusal::NotFound);
}

void tst_Billing::refundReturnsTheChargeOnce()
{
    SrsOutcome<Billing::Charged> charged = charge(QStringLiteral("rar-a"), BillableOperation::Create, 1);
    QVERIFY(charged.ok());
    m_clock.advance(3600 * 1000);
    SrsOutcome<Charge> refunded = refund(charged->ledgerId);
    QVERIFY2(refunded.ok(), refunded.ok() ? "" : qPrintable(refunded.error().message));
    QCOMPARE(refunded->feeCents, qint64(-800));
    QCOMPARE(refunded->balanceCents, qint64(10000));
    QCOMPARE(balance(QStringLiteral("rar-a"))->balanceCents, qint64(10000));

    const QList<LedgerEntry> ledger = *Billing::ledger(*m_reader, QStringLiteral("rar-a"), 0, 10);
    QCOMPARE(ledger.size(), 2);
    QCOMPARE(ledger[0].operation, QStringLiteral("refund"));
    QCOMPARE(ledger[0].amountCents, qint64(800));
    QCOMPARE(ledger[0].refersTo, std::optional<qint64>(charged->ledgerId));
    QCOMPARE(ledger[0].object, QStringLiteral("name.example"));
    QCOMPARE(ledger[0].description, QStringLiteral("deleted in the add grace period"));
    QCOMPARE(ledger[0].balanceAfterCents, qint64(10000));

    SrsOutcome<Charge> again = refund(charged->ledgerId);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().refusal, Refusal::PolicyError);
    QVERIFY2(again.error().message.contains(u"already been refunded"), qPrintable(again.error().message));
    QCOMPARE(balance(QStringLiteral("rar-a"))->balanceCents, qint64(10000));
    QCOMPARE(accounttest::count(*m_store, QStringLiteral("ledger")), qint64(2));
}

void tst_Billing::refundOfSomethingThatIsNotAChargeIsRefused()
{
    SrsOutcome<Charge> paid = credit(QStringLiteral("rar-a"), 500, QStringLiteral("payment"));
    QVERIFY(paid.ok());
    const qint64 paymentId = Billing::ledger(*m_reader, QStringLiteral("rar-a"), 0, 1)->first().id;
    SrsOutcome<Charge> refunded = refund(paymentId);
    QVERIFY(!refunded.ok());
    QCOMPARE(refunded.error().refusal, Refusal::PolicyError);

    SrsOutcome<Billing::Charged> charged = charge(QStringLiteral("rar-a"), BillableOperation::Create, 1);
    QVERIFY(refund(charged->ledgerId).ok());
    const qint64 refundId = Billing::ledger(*m_reader, QStringLiteral("rar-a"), 0, 1)->first().id;
    QCOMPARE(refund(refundId).error().refusal, Refusal::PolicyError);   // a refund of a refund
    QCOMPARE(balance(QStringLiteral("rar-a"))->balanceCents, qint64(10500));
}

void tst_Billing::refundOfUnknownEntryIsNotFound()
{
    QCOMPARE(refund(12345).error().refusal, Refusal::NotFound);
}

void tst_Billing::lowBalanceIsNotifiedOncePerCrossing()
{
    // rar-a: available 150.00, threshold 140.00.
    QVERIFY(accounttest::exec(*m_store, QStringLiteral("UPDATE registrars SET low_balance_cents = 14000 WHERE id = 'rar-a'")));
    QVERIFY(charge(QStringLiteral("rar-a"), BillableOperation::Create, 1).ok());   // 142.00: above
    QCOMPARE(pollCount(QStringLiteral("rar-a")), qint64(0));
    QVERIFY(charge(QStringLiteral("rar-a"), BillableOperation::Create, 1).ok());   // 134.00: crossed
    QCOMPARE(pollCount(QStringLiteral("rar-a")), qint64(1));
    const PollHead head = *PollQueue::req(*m_reader, ctx(QStringLiteral("rar-a")));
    QCOMPARE(head.first->kind, QStringLiteral("lowBalance"));
    QCOMPARE(head.first->object, QStringLiteral("rar-a"));
    QVERIFY2(head.first->message.contains(u"134.00") && head.first->message.contains(u"140.00"), qPrintable(head.first->message));
    QVERIFY(charge(QStringLiteral("rar-a"), BillableOperation::Create, 1).ok());   // 126.00: still low, no repeat
    QCOMPARE(pollCount(QStringLiteral("rar-a")), qint64(1));
    QCOMPARE(pollCount(QStringLiteral("rar-b")), qint64(0));

    // A payment lifts it back to the threshold exactly: not low any more, so the next drop notifies again.
    QVERIFY(credit(QStringLiteral("rar-a"), 1400, QStringLiteral("payment")).ok());   // 140.00
    QCOMPARE(accounttest::value(*m_store, QStringLiteral("SELECT low_balance_notified FROM registrars WHERE id = 'rar-a'"))->toInt(), 0);
    QCOMPARE(pollCount(QStringLiteral("rar-a")), qint64(1));
    QVERIFY(charge(QStringLiteral("rar-a"), BillableOperation::Create, 1).ok());   // 132.00
    QCOMPARE(pollCount(QStringLiteral("rar-a")), qint64(2));
}

void tst_Billing::noThresholdMeansNoLowBalanceMessage()
{
    // rar-b spends every cent of its credit: the default threshold 0 never fires.
    QVERIFY(charge(QStringLiteral("rar-b"), BillableOperation::Create, 1).ok());
    QCOMPARE(balance(QStringLiteral("rar-b"))->availableCents(), qint64(200));
    QCOMPARE(pollCount(QStringLiteral("rar-b")), qint64(0));
}

void tst_Billing::paymentsAndAdjustments()
{
    SrsOutcome<Charge> paid = credit(QStringLiteral("rar-b"), 2500, QStringLiteral("payment"));
    QVERIFY(paid.ok());
    QCOMPARE(paid->balanceCents, qint64(2500));
    QCOMPARE(paid->feeCents, qint64(-2500));
    // An operator's correction may go below the credit limit: correcting a mistake must be possible.
    SrsOutcome<Charge> adjusted = credit(QStringLiteral("rar-b"), -5000, QStringLiteral("adjustment"));
    QVERIFY(adjusted.ok());
    QCOMPARE(adjusted->balanceCents, qint64(-2500));
    QCOMPARE(balance(QStringLiteral("rar-b"))->availableCents(), qint64(-1500));
    QCOMPARE(charge(QStringLiteral("rar-b"), BillableOperation::Create, 1).error().refusal, Refusal::BillingFailure);

    const QList<LedgerEntry> ledger = *Billing::ledger(*m_reader, QStringLiteral("rar-b"), 0, 10);
    QCOMPARE(ledger.size(), 2);
    QCOMPARE(ledger[0].operation, QStringLiteral("adjustment"));
    QCOMPARE(ledger[0].amountCents, qint64(-5000));
    QCOMPARE(ledger[1].operation, QStringLiteral("payment"));
    QCOMPARE(ledger[1].description, QStringLiteral("wire transfer 42"));
    QCOMPARE(ledger[1].balanceAfterCents, qint64(2500));
}

void tst_Billing::creditRefusesWrongOperationsAndAmounts()
{
    QCOMPARE(credit(QStringLiteral("rar-a"), 100, QStringLiteral("refund")).error().refusal, Refusal::SyntaxError);
    QCOMPARE(credit(QStringLiteral("rar-a"), 100, QStringLiteral("create")).error().refusal, Refusal::SyntaxError);
    QCOMPARE(credit(QStringLiteral("rar-a"), 0, QStringLiteral("payment")).error().refusal, Refusal::RangeError);
    QCOMPARE(credit(QStringLiteral("rar-a"), -100, QStringLiteral("payment")).error().refusal, Refusal::RangeError);
    QCOMPARE(credit(QStringLiteral("rar-a"), 0, QStringLiteral("adjustment")).error().refusal, Refusal::RangeError);
    QCOMPARE(credit(QStringLiteral("rar-a"), std::numeric_limits<qint64>::max(), QStringLiteral("payment")).error().refusal,
             Refusal::RangeError);
    QCOMPARE(credit(QStringLiteral("rar-nobody"), 100, QStringLiteral("payment")).error().refusal, Refusal::NotFound);
    QCOMPARE(balance(QStringLiteral("rar-a"))->balanceCents, qint64(10000));
    QCOMPARE(accounttest::count(*m_store, QStringLiteral("ledger")), qint64(0));
}

void tst_Billing::ledgerIsNewestFirstWithPaging()
{
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        SrsOutcome<Billing::Charged> charged = charge(QStringLiteral("rar-a"), BillableOperation::Renew, 1);
        QVERIFY(charged.ok());
        ids << charged->ledgerId;
    }
    QVERIFY(charge(QStringLiteral("rar-b"), BillableOperation::Renew, 1).ok());   // someone else's row in between

    const QList<LedgerEntry> page1 = *Billing::ledger(*m_reader, QStringLiteral("rar-a"), 0, 2);
    QCOMPARE(page1.size(), 2);
    QCOMPARE(page1[0].id, ids[4]);
    QCOMPARE(page1[1].id, ids[3]);
    const QList<LedgerEntry> page2 = *Billing::ledger(*m_reader, QStringLiteral("rar-a"), page1.last().id, 2);
    QCOMPARE(page2.size(), 2);
    QCOMPARE(page2[0].id, ids[2]);
    QCOMPARE(page2[1].id, ids[1]);
    const QList<LedgerEntry> page3 = *Billing::ledger(*m_reader, QStringLiteral("rar-a"), page2.last().id, 2);
    QCOMPARE(page3.size(), 1);
    QCOMPARE(page3[0].id, ids[0]);
    QCOMPARE(page3[0].balanceAfterCents, qint64(9300));
    QVERIFY(Billing::ledger(*m_reader, QStringLiteral("rar-a"), page3.last().id, 2)->isEmpty());
    QCOMPARE(Billing::ledger(*m_reader, QStringLiteral("rar-b"), 0, 10)->size(), 1);
}

void tst_Billing::ledgerRefusesPagesOutOfRange()
{
    QCOMPARE(Billing::ledger(*m_reader, QStringLiteral("rar-a"), 0, 0).error().refusal, Refusal::RangeError);
    QCOMPARE(Billing::ledger(*m_reader, QStringLiteral("rar-a"), 0, 1001).error().refusal, Refusal::RangeError);
    QVERIFY(Billing::ledger(*m_reader, QStringLiteral("rar-a"), 0, 1000).ok());
}

void tst_Billing::refusalInsideACommandRollsBackTheCharge()
{
    // A domain command that charges and then finds a reason to refuse: the charge, its ledger row and
    // a low-balance message it caused all disappear with the refusal.
    QVERIFY(accounttest::exec(*m_store, QStringLiteral("UPDATE registrars SET low_balance_cents = 14900 WHERE id = 'rar-a'")));
    const RequestContext context = ctx(QStringLiteral("rar-a"));
    SrsOutcome<Done> outcome = inWriter<Done>([&](store::Connection &c) -> SrsOutcome<Done> {
        SrsOutcome<Billing::Charged> charged =
            Billing::charge(c, context, QStringLiteral("rar-a"), BillableOperation::Create, QStringLiteral("x.example"),
                            QStringLiteral("example"), 1, std::nullopt);
        if (!charged)
            return charged.error();
        return SrsError(Refusal::StatusProhibits, QStringLiteral("refused after charging"));
    });
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().refusal, Refusal::StatusProhibits);
    QCOMPARE(balance(QStringLiteral("rar-a"))->balanceCents, qint64(10000));
    QCOMPARE(accounttest::count(*m_store, QStringLiteral("ledger")), qint64(0));
    QCOMPARE(pollCount(QStringLiteral("rar-a")), qint64(0));
    QCOMPARE(accounttest::value(*m_store, QStringLiteral("SELECT low_balance_notified FROM registrars WHERE id = 'rar-a'"))->toInt(), 0);
}

QTEST_GUILESS_MAIN(tst_Billing)
#include "tst_billing.moc"
