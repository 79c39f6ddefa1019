#include "dns/messagedecoder.h"
#include "dns/dnsstatistics.h"
#include "dns/messagewriter.h"
#include "dns/notifier.h"
#include "dns/zone.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace reg;
using namespace reg::dns;

namespace {

const QByteArray kSecret = QByteArray("fedcba9876543210fedcba9876543210");

DnsName name(const char *text) { return DnsName::fromText(QString::fromLatin1(text)).value().lowered(); }

QByteArray soaRdata(std::uint32_t serial)
{
    QByteArray r = name("ns1.nic.tld").wire() + name("hostmaster.nic.tld").wire();
    for (std::uint32_t v : {serial, 1800u, 900u, 1209600u, 900u})
        r.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
    return r;
}

std::shared_ptr<const Zone> makeZone(const char *apex, std::uint32_t serial)
{
    ZoneEditor editor(name(apex));
    editor.setNode(name(apex), {{RRType::SOA, 900, {soaRdata(serial)}}, {RRType::NS, 3600, {name("ns1.nic.tld").wire()}}});
    return editor.finish(serial, 10);
}

std::uint64_t now() { return std::uint64_t(QDateTime::currentSecsSinceEpoch()); }
const std::uint8_t *bytes(const QByteArray &b) { return reinterpret_cast<const std::uint8_t *>(b.constData()); }

// A secondary as far as NOTIFY goes: receives, checks the signature, answers (signed) when told.
class FakeSecondary
{
public:
    FakeSecondary() { QVERIFY(m_socket.bind(QHostAddress::LocalHost, 0)); }
    quint16 port() const { return m_socket.localPort(); }

    bool receive(QNetworkDatagram &out, int timeoutMs = 10000)
    {
        if (!m_socket.hasPendingDatagrams() && !m_socket.waitForReadyRead(timeoutMs))
            return false;
        out = m_socket.receiveDatagram();
        return true;
    }
    bool nothingWithin(int ms) { return !m_socket.hasPendingDatagrams() && !m_socket.waitForReadyRead(ms); }

    // The answer RFC 1996 4.7 asks for: the same id, opcode and question, QR set; signed with the
    // session that verified the NOTIFY (or with a wrong MAC when forge is set).
    void answer(const QNetworkDatagram &notify, TsigSession &session, bool forge = false)
    {
        const QByteArray request = notify.data();
        Result<DnsMessage> decoded = decodeMessage(request);
        QVERIFY(decoded);
        QByteArray buffer(1024, '\0');
        MessageWriter writer(reinterpret_cast<std::uint8_t *>(buffer.data()), std::size_t(buffer.size()));
        writer.setId(decoded->id);
        writer.setFlags(std::uint16_t(HeaderFlag::QR | HeaderFlag::AA | (Opcode::Notify << 11)));
        const DnsQuestion &q = decoded->questions.first();
        writer.addQuestion(q.name.data(), q.name.size(), q.type, q.klass);
        std::size_t size = writer.finish();
        size = session.sign(reinterpret_cast<std::uint8_t *>(buffer.data()), size, std::size_t(buffer.size()), now());
        buffer.resize(qsizetype(size));
        if (forge)
            buffer[buffer.size() - 12] = char(buffer.at(buffer.size() - 12) ^ 1);   // inside the MAC
        m_socket.writeDatagram(buffer, notify.senderAddress(), quint16(notify.senderPort()));
    }

private:
    QUdpSocket m_socket;
};

} // namespace

class tst_Notifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void sendsASignedNotifyWithTheNewSoa();
    void retriesUntilAnsweredThenStops();
    void givesUpAfterTheLastAttempt();
    void ignoresAForgedAnswer();
    void coalescesRepeatedPublications();
    void unsignedWithoutNotifyKey();

private:
    std::unique_ptr<Notifier> makeNotifier(quint16 port, bool signed_ = true)
    {
        DnsConfig config;
        config.notifyTargets = {NotifyTarget{QHostAddress::LocalHost, port}};
        if (signed_)
            config.notifyKey = QStringLiteral("registry-xfr");
        auto notifier = std::make_unique<Notifier>(config, m_ring, m_publisher, m_clock);
        notifier->setRetryPolicy(100, 3);
        return notifier;
    }

    TsigKey m_key{name("registry-xfr"), TsigAlgorithm::HmacSha256, kSecret};
    std::shared_ptr<const TsigKeyring> m_ring = std::make_shared<const TsigKeyring>(QList<TsigKey>{m_key});
    ZonePublisher m_publisher;
    SystemClock m_clock;
};

void tst_Notifier::init()
{
    m_publisher.publish(std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{makeZone("tld", 42), makeZone("other", 7)}));
}

void tst_Notifier::sendsASignedNotifyWithTheNewSoa()
{
    FakeSecondary secondary;
    auto notifier = makeNotifier(secondary.port());
    notifier->notify({PublishedZone{name("TLD"), 41, 42}});

    QNetworkDatagram datagram;
    QVERIFY(secondary.receive(datagram));
    Result<DnsMessage> m = decodeMessage(datagram.data());
    QVERIFY2(m, m ? "" : qPrintable(m.error().message));
    QCOMPARE(m->opcode(), Opcode::Notify);
    QVERIFY(m->flags & HeaderFlag::AA);
    QVERIFY(!m->isResponse());
    QCOMPARE(m->questions.size(), 1);
    QCOMPARE(m->questions.first().name.toText(), QStringLiteral("tld."));
    QCOMPARE(m->questions.first().type, RRType::SOA);
    QCOMPARE(m->answers.size(), 1);
    QCOMPARE(m->answers.first().soa()->serial, 42u);
    QVERIFY(m->tsig());
    TsigSession session = TsigSession::verifyRequest(*m_ring, bytes(datagram.data()), std::size_t(datagram.data().size()),
                                                     m->tsig()->offset, now());
    QCOMPARE(session.check(), TsigSession::Check::Ok);

    secondary.answer(datagram, session);
    QTRY_COMPARE_WITH_TIMEOUT(notifier->acknowledged(), 1u, 10000);
    QCOMPARE(notifier->failed(), 0u);
    QCOMPARE(notifier->sent(), 1u);
}

void tst_Notifier::retriesUntilAnsweredThenStops()
{
    FakeSecondary secondary;
    auto notifier = makeNotifier(secondary.port());
    notifier->notify({PublishedZone{name("tld"), 41, 42}});
    QNetworkDatagram first, second;
    QVERIFY(secondary.receive(first));
    // No answer: it comes again, the same message.
    QTRY_VERIFY_WITH_TIMEOUT(notifier->sent() >= 2u, 10000);
    QVERIFY(secondary.receive(second));
    QCOMPARE(second.data(), first.data());
    Result<DnsMessage> m = decodeMessage(second.data());
    TsigSession session = TsigSession::verifyRequest(*m_ring, bytes(second.data()), std::size_t(second.data().size()), m->tsig()->offset, now());
    secondary.answer(second, session);
    QTRY_COMPARE_WITH_TIMEOUT(notifier->acknowledged(), 1u, 10000);
    const std::uint64_t sent = notifier->sent();
    QTest::qWait(1000);   // longer than every remaining retry delay of the test policy
    QCOMPARE(notifier->sent(), sent);
    QCOMPARE(notifier->failed(), 0u);
}

void tst_Notifier::givesUpAfterTheLastAttempt()
{
    FakeSecondary secondary;
    auto notifier = makeNotifier(secondary.port());
    notifier->notify({PublishedZone{name("tld"), 41, 42}});
    QTRY_COMPARE_WITH_TIMEOUT(notifier->failed(), 1u, 10000);
    QCOMPARE(notifier->sent(), 3u);
    QCOMPARE(notifier->acknowledged(), 0u);
    DnsStatisticsSnapshot snapshot;
    notifier->addCounters(snapshot);
    QCOMPARE(snapshot.notifiesSent, 3u);
    QCOMPARE(snapshot.notifiesFailed, 1u);
}

void tst_Notifier::ignoresAForgedAnswer()
{
    FakeSecondary secondary;
    auto notifier = makeNotifier(secondary.port());
    notifier->setRetryPolicy(2000, 3);
    notifier->notify({PublishedZone{name("tld"), 41, 42}});
    QNetworkDatagram datagram;
    QVERIFY(secondary.receive(datagram));
    Result<DnsMessage> m = decodeMessage(datagram.data());
    TsigSession session = TsigSession::verifyRequest(*m_ring, bytes(datagram.data()), std::size_t(datagram.data().size()), m->tsig()->offset, now());
    TsigSession copy = session;
    secondary.answer(datagram, copy, /*forge=*/true);
    QTest::qWait(300);
    QCOMPARE(notifier->acknowledged(), 0u);
    secondary.answer(datagram, session);
    QTRY_COMPARE_WITH_TIMEOUT(notifier->acknowledged(), 1u, 10000);
}

void tst_Notifier::coalescesRepeatedPublications()
{
    FakeSecondary secondary;
    auto notifier = makeNotifier(secondary.port());
    notifier->setRetryPolicy(300, 3);
    notifier->notify({PublishedZone{name("tld"), 40, 41}});
    notifier->notify({PublishedZone{name("tld"), 41, 42}});
    notifier->notify({PublishedZone{name("other"), 6, 7}});
    // Answer the newest NOTIFY of each zone only; the first one of tld was replaced, so nothing
    // is left waiting and nothing fails.
    QList<QNetworkDatagram> received;
    for (int i = 0; i < 3; ++i) {
        QNetworkDatagram d;
        QVERIFY(secondary.receive(d));
        received << d;
    }
    for (const QNetworkDatagram &d : {received.at(1), received.at(2)}) {
        Result<DnsMessage> m = decodeMessage(d.data());
        TsigSession session = TsigSession::verifyRequest(*m_ring, bytes(d.data()), std::size_t(d.data().size()), m->tsig()->offset, now());
        secondary.answer(d, session);
    }
    QTRY_COMPARE_WITH_TIMEOUT(notifier->acknowledged(), 2u, 10000);
    QVERIFY(secondary.nothingWithin(1500));   // no retry of the replaced NOTIFY
    QCOMPARE(notifier->failed(), 0u);
}

void tst_Notifier::unsignedWithoutNotifyKey()
{
    FakeSecondary secondary;
    auto notifier = makeNotifier(secondary.port(), /*signed_=*/false);
    notifier->notify({PublishedZone{name("other"), 6, 7}});
    QNetworkDatagram datagram;
    QVERIFY(secondary.receive(datagram));
    Result<DnsMessage> m = decodeMessage(datagram.data());
    QVERIFY(m);
    QVERIFY(!m->tsig());
    QCOMPARE(m->answers.first().soa()->serial, 7u);
}

QTEST_GUILESS_MAIN(tst_Notifier)
#include "tst_notifier.moc"
