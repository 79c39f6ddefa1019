#include "accounttesthelpers.h"

#include "srs/pollqueue.h"

#include <QJsonArray>

using namespace reg;
using namespace reg::srs;

class tst_PollQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void emptyQueueHasNoMessage();
    void reqShowsTheOldestMessageAndTheCount();
    void messageDataRoundTrips();
    void ackRemovesTheMessageAndAnswersTheCountLeft();
    void ackWritesNoJournalEntry();
    void ackOfAnotherRegistrarsMessageIsNotFound();
    void ackOfUnknownOrMalformedIdIsNotFound_data();
    void ackOfUnknownOrMalformedIdIsNotFound();
    void ackTwiceIsNotFound();
    void countsArePerRegistrar();

private:
    qint64 enqueue(const QString &registrarId, const QString &kind, const QString &object, const QJsonObject &data = {});
    PollHead req(const QString &registrarId);
    SrsOutcome<PollHead> ack(const QString &registrarId, const QString &messageId);

    ManualClock m_clock;
    SrsPolicy m_policy;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<store::Connection> m_reader;
};

void tst_PollQueue::init()
{
    m_clock.set(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = accounttest::openStore(*m_dir, m_clock);
    QVERIFY(m_store);
    QVERIFY(accounttest::addRegistrar(*m_store, QStringLiteral("rar-a")));
    QVERIFY(accounttest::addRegistrar(*m_store, QStringLiteral("rar-b")));
    auto reader = m_store->openReader();
    QVERIFY(reader.ok());
    m_reader = std::move(reader).value();
}

void tst_PollQueue::cleanup()
{
    m_reader.reset();
    m_store.reset();
    m_dir.reset();
}

qint64 tst_PollQueue::enqueue(const QString &registrarId, const QString &kind, const QString &object, const QJsonObject &data)
{
    qint64 id = 0;
    Result<store::CommitReceipt> r = m_store->writer().submitAndWait(
        [&](store::Connection &c) -> Result<std::optional<store::JournalChange>> {
            Result<qint64> queued = PollQueue::enqueue(c, registrarId, m_clock.now(), kind, object,
                                                       QStringLiteral("%1 of %2").arg(kind, object), data);
            if (!queued)
                return queued.error();
            id = *queued;
            return std::optional<store::JournalChange>();
        });
    return r ? id : 0;
}

PollHead tst_PollQueue::req(const QString &registrarId)
{
    SrsOutcome<PollHead> head = PollQueue::req(*m_reader, accounttest::contextFor(registrarId, m_clock, m_policy));
    if (!head) {
        qWarning("%s", qPrintable(head.error().message));
        return {-1, std::nullopt};
    }
    return *head;
}

SrsOutcome<PollHead> tst_PollQueue::ack(const QString &registrarId, const QString &messageId)
{
    return runWrite(m_store->writer(), PollQueue::ack(accounttest::contextFor(registrarId, m_clock, m_policy), messageId));
}

void tst_PollQueue::emptyQueueHasNoMessage()
{
    const PollHead head = req(QStringLiteral("rar-a"));
    QCOMPARE(head.count, qint64(0));
    QVERIFY(!head.first);
}

void tst_PollQueue::reqShowsTheOldestMessageAndTheCount()
{
    const qint64 first = enqueue(QStringLiteral("rar-a"), QStringLiteral("transfer"), QStringLiteral("one.example"));
    m_clock.advance(1000);
    const qint64 second = enqueue(QStringLiteral("rar-a"), QStringLiteral("autoRenew"), QStringLiteral("two.example"));
    QVERIFY(first > 0 && second > first);

    const PollHead head = req(QStringLiteral("rar-a"));
    QCOMPARE(head.count, qint64(2));
    QVERIFY(head.first);
    QCOMPARE(head.first->id, first);
    QCOMPARE(head.first->registrarId, QStringLiteral("rar-a"));
    QCOMPARE(head.first->kind, QStringLiteral("transfer"));
    QCOMPARE(head.first->object, QStringLiteral("one.example"));
    QCOMPARE(head.first->message, QStringLiteral("transfer of one.example"));
    QCOMPARE(head.first->queuedAt, QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    // req only looks: the same message again.
    QCOMPARE(req(QStringLiteral("rar-a")).first->id, first);
}

void tst_PollQueue::messageDataRoundTrips()
{
    const QJsonObject data{{QStringLiteral("type"), QStringLiteral("domain:trnData")},
                           {QStringLiteral("name"), QStringLiteral("one.example")},
                           {QStringLiteral("trStatus"), QStringLiteral("pending")},
                           {QStringLiteral("list"), QJsonArray{1, 2}}};
    QVERIFY(enqueue(QStringLiteral("rar-a"), QStringLiteral("transfer"), QStringLiteral("one.example"), data) > 0);
    QCOMPARE(req(QStringLiteral("rar-a")).first->data, data);
}

void tst_PollQueue::ackRemovesTheMessageAndAnswersTheCountLeft()
{
    const qint64 first = enqueue(QStringLiteral("rar-a"), QStringLiteral("transfer"), QStringLiteral("one.example"));
    const qint64 second = enqueue(QStringLiteral("rar-a"), QStringLiteral("delete"), QStringLiteral("two.example"));

    SrsOutcome<PollHead> acked = ack(QStringLiteral("rar-a"), QString::number(first));
    QVERIFY2(acked.ok(), acked.ok() ? "" : qPrintable(acked.error().message));
    QCOMPARE(acked->count, qint64(1));
    QVERIFY(acked->first);
    QCOMPARE(acked->first->id, first);
    QCOMPARE(acked->first->object, QStringLiteral("one.example"));

    const PollHead head = req(QStringLiteral("rar-a"));
    QCOMPARE(head.count, qint64(1));
    QCOMPARE(head.first->id, second);

    acked = ack(QStringLiteral("rar-a"), QString::number(second));
    QVERIFY(acked.ok());
    QCOMPARE(acked->count, qint64(0));
    QVERIFY(!req(QStringLiteral("rar-a")).first);
}

void tst_PollQueue::ackWritesNoJournalEntry()
{
    const qint64 id = enqueue(QStringLiteral("rar-a"), QStringLiteral("transfer"), QStringLiteral("one.example"));
    const qint64 head = m_store->writer().journalHead();
    QVERIFY(ack(QStringLiteral("rar-a"), QString::number(id)).ok());
    QCOMPARE(m_store->writer().journalHead(), head);
}

void tst_PollQueue::ackOfAnotherRegistrarsMessageIsNotFound()
{
    const qint64 id = enqueue(QStringLiteral("rar-a"), QStringLiteral("transfer"), QStringLiteral("one.example"));
    SrsOutcome<PollHead> acked = ack(QStringLiteral("rar-b"), QString::number(id));
    QVERIFY(!acked.ok());
    QCOMPARE(acked.error().refusal, Refusal::NotFound);
    QCOMPARE(acked.error().field, QStringLiteral("msgID"));
    // Untouched, and the refusal reads like an unknown id (nothing about the owner).
    QCOMPARE(req(QStringLiteral("rar-a")).count, qint64(1));
    QCOMPARE(acked.error().message, ack(QStringLiteral("rar-b"), QStringLiteral("424242")).error().message);
    QVERIFY(!acked.error().message.contains(u"rar-a"));
}

void tst_PollQueue::ackOfUnknownOrMalformedIdIsNotFound_data()
{
    QTest::addColumn<QString>("messageId");
    QTest::newRow("unknown") << QStringLiteral("999");
    QTest::newRow("empty") << QString();
    QTest::newRow("zero") << QStringLiteral("0");
    QTest::newRow("negative") << QStringLiteral("-1");
    QTest::newRow("letters") << QStringLiteral("abc");
    QTest::newRow("leading space") << QStringLiteral(" 1");
    QTest::newRow("plus sign") << QStringLiteral("+1");
    QTest::newRow("exponent") << QStringLiteral("1e3");
    QTest::newRow("too long") << QStringLiteral("1").repeated(19);
    QTest::newRow("eighteen digits unknown") << QStringLiteral("999999999999999999");
    QTest::newRow("arabic-indic digit") << QString(QChar(0x0661));
}

void tst_PollQueue::ackOfUnknownOrMalformedIdIsNotFound()
{
    QFETCH(QString, messageId);
    QVERIFY(enqueue(QStringLiteral("rar-a"), QStringLiteral("transfer"), QStringLiteral("one.example")) == 1);
    SrsOutcome<PollHead> acked = ack(QStringLiteral("rar-a"), messageId);
    QVERIFY(!acked.ok());
    QCOMPARE(acked.error().refusal, Refusal::NotFound);
    QCOMPARE(acked.error().value, messageId);
    QCOMPARE(req(QStringLiteral("rar-a")).count, qint64(1));
}

void tst_PollQueue::ackTwiceIsNotFound()
{
    const qint64 id = enqueue(QStringLiteral("rar-a"), QStringLiteral("transfer"), QStringLiteral("one.example"));
    QVERIFY(ack(QStringLiteral("rar-a"), QString::number(id)).ok());
    SrsOutcome<PollHead> again = ack(QStringLiteral("rar-a"), QString::number(id));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().refusal, Refusal::NotFound);
}

void tst_PollQueue::countsArePerRegistrar()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(enqueue(QStringLiteral("rar-a"), QStringLiteral("autoRenew"), QStringLiteral("a%1.example").arg(i)) > 0);
    const qint64 bFirst = enqueue(QStringLiteral("rar-b"), QStringLiteral("transfer"), QStringLiteral("b.example"));
    QCOMPARE(req(QStringLiteral("rar-a")).count, qint64(3));
    const PollHead b = req(QStringLiteral("rar-b"));
    QCOMPARE(b.count, qint64(1));
    QCOMPARE(b.first->id, bFirst);
    QCOMPARE(req(QStringLiteral("rar-c")).count, qint64(0));
}

QTEST_GUILESS_MAIN(tst_PollQueue)
#include "tst_pollqueue.moc"
