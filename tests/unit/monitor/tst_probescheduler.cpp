// The probe scheduler and the probes' common frame on loopback with short real timers: results
// recorded in a real SQLite file, refused and silent peers reported with the right kind within
// the deadline, one probe per target in flight, wrong DNS answers caught, pruning in batches.
#include "monitor/dnsprobe.h"
#include "monitor/proberesultstore.h"
#include "monitor/probescheduler.h"
#include "monitor/whoisprobe.h"

#include "dns/dnsname.h"
#include "dns/messagedecoder.h"
#include "dns/messagewriter.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace reg;
using namespace reg::monitor;

namespace {

// A Whois server of one line: answers every query with "Domain Name: <query>" and closes.
class TinyWhois : public QTcpServer
{
public:
    TinyWhois()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    if (!s->canReadLine())
                        return;
                    const QByteArray query = s->readLine().trimmed();
                    s->write("Domain Name: " + query.toUpper() + "\r\n");
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
};

ProbeTarget target(ProbeService service, quint16 port, int intervalMs = 100, int timeoutMs = 300)
{
    ProbeTarget t;
    t.service = service;
    t.site = QStringLiteral("site-a");
    t.host = QStringLiteral("127.0.0.1");
    t.port = port;
    t.intervalMs = intervalMs;
    t.timeoutMs = timeoutMs;
    return t;
}

ProbeResult runOnce(ProbeRun *run)
{
    std::optional<ProbeResult> result;
    run->start([&](const ProbeResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return {};
    return *result;
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// A probe that never hears back: only its deadline ends it. Counts how many are alive at once.
class SilentProbe : public ProbeRun
{
public:
    SilentProbe(ProbeTarget target, int &alive, int &maxAlive, QObject *parent)
        : ProbeRun(std::move(target), SystemClock::instance(), parent), m_alive(alive), m_maxAlive(maxAlive)
    {
    }

private:
    void begin() override
    {
        m_maxAlive = std::max(m_maxAlive, ++m_alive);
        setStep(QStringLiteral("nothing"));
    }
    void abortIo() override { --m_alive; }
    int &m_alive;
    int &m_maxAlive;
};

// Answers each DNS query with the header flags given (and an SOA when withSoa), over UDP.
class FakeDnsServer : public QUdpSocket
{
public:
    FakeDnsServer(std::uint16_t flags, bool withSoa) : m_flags(flags), m_withSoa(withSoa)
    {
        bind(QHostAddress::LocalHost, 0);
        connect(this, &QUdpSocket::readyRead, this, [this] {
            while (hasPendingDatagrams()) {
                QHostAddress from;
                quint16 port = 0;
                QByteArray query(pendingDatagramSize(), Qt::Uninitialized);
                readDatagram(query.data(), query.size(), &from, &port);
                Result<dns::DnsMessage> q = dns::decodeMessage(query);
                if (!q || q->questions.size() != 1)
                    continue;
                const dns::DnsName &name = q->questions.first().name;
                std::uint8_t buffer[512];
                dns::MessageWriter w(buffer, sizeof buffer);
                w.setId(q->id);
                w.setFlags(m_flags);
                w.addQuestion(name.data(), name.size(), dns::RRType::SOA, dns::RRClass::IN);
                if (m_withSoa) {
                    const dns::DnsName ns = *dns::DnsName::fromText(u"ns1.example");
                    QByteArray rdata = ns.wire() + ns.wire();
                    for (quint32 v : {2026112101u, 1800u, 900u, 1209600u, 900u}) {
                        for (int shift : {24, 16, 8, 0})
                            rdata.append(char((v >> shift) & 0xFF));
                    }
                    w.addRecord(dns::MessageWriter::Section::Answer, name.data(), name.size(), dns::RRType::SOA, dns::RRClass::IN, 900,
                                reinterpret_cast<const std::uint8_t *>(rdata.constData()), std::uint16_t(rdata.size()));
                }
                const std::size_t size = w.finish();
                writeDatagram(reinterpret_cast<const char *>(buffer), qint64(size), from, port);
            }
        });
    }

private:
    std::uint16_t m_flags;
    bool m_withSoa;
};

} // namespace

class tst_ProbeScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void whoisProbeMeasuresConnectAndAnswer()
    {
        TinyWhois server;
        QVERIFY(server.isListening());
        ProbeResult r = runOnce(new WhoisProbe(target(ProbeService::Whois, server.serverPort()), QStringLiteral("nic.example"),
                                               SystemClock::instance(), this));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.errorKind, ProbeErrorKind::None);
        QVERIFY(r.phaseMicros(QStringLiteral("connect")) >= 0);
        QVERIFY(r.phaseMicros(QStringLiteral("answer")) >= 0);
        QVERIFY(r.totalMicros > 0);
        QVERIFY(r.totalMicros < 300000);
        QCOMPARE(r.target, QStringLiteral("127.0.0.1:%1").arg(server.serverPort()));
    }

    void closedPortIsRefused_data()
    {
        QTest::addColumn<int>("service");
        QTest::newRow("whois") << int(ProbeService::Whois);
        QTest::newRow("dns-tcp") << int(ProbeService::DnsTcp);
    }
    void closedPortIsRefused()
    {
        QFETCH(int, service);
        const ProbeTarget t = target(ProbeService(service), closedPort());
        ProbeRun *run = ProbeService(service) == ProbeService::Whois
                            ? static_cast<ProbeRun *>(new WhoisProbe(t, QStringLiteral("nic.example"), SystemClock::instance(), this))
                            : new DnsProbe(t, {QStringLiteral("example")}, SystemClock::instance(), this);
        const ProbeResult r = runOnce(run);
        QVERIFY(!r.ok);
        QCOMPARE(r.errorKind, ProbeErrorKind::Refused);
        QVERIFY(r.totalMicros < 300000);
    }

    void silentPeerTimesOutAtTheDeadline()
    {
        QTcpServer silent;   // accepts (the kernel completes the handshake) and never says a word
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QElapsedTimer clock;
        clock.start();
        const ProbeResult r = runOnce(new WhoisProbe(target(ProbeService::Whois, silent.serverPort(), 1000, 250),
                                                     QStringLiteral("nic.example"), SystemClock::instance(), this));
        QVERIFY(!r.ok);
        QCOMPARE(r.errorKind, ProbeErrorKind::Timeout);
        QVERIFY2(r.error.contains(QStringLiteral("the answer")), qPrintable(r.error));
        QVERIFY(r.totalMicros >= 250000);
        QVERIFY2(clock.elapsed() < 2000, "the deadline must end the probe");
    }

    void dnsAnswerMustBeAuthoritativeWithTheSoa_data()
    {
        QTest::addColumn<int>("flags");
        QTest::addColumn<bool>("withSoa");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("complaint");
        const int qr = dns::HeaderFlag::QR;
        QTest::newRow("good") << (qr | dns::HeaderFlag::AA) << true << true << QString();
        QTest::newRow("AA clear") << qr << true << false << QStringLiteral("not authoritative");
        QTest::newRow("REFUSED") << (qr | dns::HeaderFlag::AA | dns::Rcode::Refused) << false << false << QStringLiteral("RCODE 5");
        QTest::newRow("no SOA") << (qr | dns::HeaderFlag::AA) << false << false << QStringLiteral("no SOA");
    }
    void dnsAnswerMustBeAuthoritativeWithTheSoa()
    {
        QFETCH(int, flags);
        QFETCH(bool, withSoa);
        QFETCH(bool, ok);
        QFETCH(QString, complaint);
        FakeDnsServer server(std::uint16_t(flags), withSoa);
        const ProbeResult r = runOnce(new DnsProbe(target(ProbeService::DnsUdp, server.localPort()),
                                                   {QStringLiteral("example"), QStringLiteral("test")}, SystemClock::instance(), this));
        QCOMPARE(r.ok, ok);
        if (ok) {
            QCOMPARE(r.detail.value(QStringLiteral("serials")).toObject().value(QStringLiteral("example")).toInteger(), 2026112101);
            QCOMPARE(r.detail.value(QStringLiteral("serials")).toObject().size(), 2);
        } else {
            QCOMPARE(r.errorKind, ProbeErrorKind::WrongAnswer);
            QVERIFY2(r.error.contains(complaint), qPrintable(r.error));
        }
    }

    void schedulerRecordsEveryResult()
    {
        QTemporaryDir dir;
        ManualClock clock(QDateTime::currentDateTimeUtc());
        auto store = store::Store::open({dir.filePath(QStringLiteral("registry.db")), 16, true}, clock);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        TinyWhois server;
        ProbeSettings settings;
        settings.domain = QStringLiteral("nic.example");
        ProbeScheduler scheduler({target(ProbeService::Whois, server.serverPort(), 50, 40), target(ProbeService::Whois, closedPort(), 50, 40)},
                                 settings, store->get(), clock);
        QSignalSpy recorded(&scheduler, &ProbeScheduler::resultRecorded);
        scheduler.start();
        QTRY_VERIFY_WITH_TIMEOUT(recorded.size() >= 6, 10000);
        scheduler.stop();

        Result<std::unique_ptr<store::Connection>> reader = (*store)->openReader();
        QVERIFY(reader);
        Result<QList<ProbeResult>> rows = ProbeResultStore::read(**reader, QStringLiteral("whois"), 100);
        QVERIFY(rows);
        QVERIFY(rows->size() >= 6);
        int good = 0, refused = 0;
        for (const ProbeResult &r : std::as_const(*rows)) {
            QCOMPARE(r.site, QStringLiteral("site-a"));
            QCOMPARE(r.startedAt, clock.now());   // the time comes from the injected clock
            if (r.ok) {
                ++good;
                QVERIFY(r.totalMicros > 0);
                QVERIFY(r.phaseMicros(QStringLiteral("answer")) >= 0);
                QCOMPARE(r.detail.value(QStringLiteral("bytes")).toInt(), int(qstrlen("Domain Name: NIC.EXAMPLE\r\n")));
            } else {
                ++refused;
                QCOMPARE(r.errorKind, ProbeErrorKind::Refused);
                QVERIFY(!r.error.isEmpty());
            }
        }
        QVERIFY(good > 0);
        QVERIFY(refused > 0);
        // Operational data: nothing went into the replicated journal.
        QCOMPARE((*store)->writer().journalHead(), qint64(0));
    }

    void oneProbePerTargetInFlightAndDeadlinesHold()
    {
        int alive = 0, maxAlive = 0;
        ProbeScheduler scheduler({target(ProbeService::Whois, 1, 20, 60)}, {}, nullptr, SystemClock::instance());
        scheduler.setFactory([&](const ProbeTarget &t, QObject *parent) { return new SilentProbe(t, alive, maxAlive, parent); });
        QSignalSpy results(&scheduler, &ProbeScheduler::resultReady);
        scheduler.start();
        // The interval (20 ms) is shorter than the deadline (60 ms): the next probe still waits.
        QTRY_VERIFY_WITH_TIMEOUT(results.size() >= 3, 5000);
        QCOMPARE(maxAlive, 1);
        for (const QList<QVariant> &args : std::as_const(results)) {
            const ProbeResult r = args.first().value<ProbeResult>();
            QCOMPARE(r.errorKind, ProbeErrorKind::Timeout);
            QVERIFY(r.totalMicros >= 60000);
            QVERIFY(r.error.contains(QStringLiteral("waiting for nothing")));
        }
        scheduler.stop();
        QCOMPARE(scheduler.inFlight(), 0);
    }

    void prunesOldResultsInBatches()
    {
        QTemporaryDir dir;
        ManualClock clock(QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC));
        auto store = store::Store::open({dir.filePath(QStringLiteral("registry.db")), 16, true}, clock);
        QVERIFY(store);
        const qint64 now = clock.now().toMSecsSinceEpoch();
        Result<store::CommitReceipt> seeded = (*store)->writer().submitAndWait([now](store::Connection &db) -> Result<std::optional<store::JournalChange>> {
            for (int i = 0; i < 2600; ++i) {
                // 2500 from 401-402 days ago, 100 from the last day.
                const qint64 at = i < 2500 ? now - 401LL * 86400000 - i * 1000 : now - i * 1000;
                Result<void> r = db.execute(QStringLiteral("INSERT INTO probe_results (service, site, target, started_at, ok, rtt_us) "
                                                           "VALUES ('dns-udp', 'site-a', '127.0.0.1:53', ?1, 1, 900)"),
                                            {at});
                if (!r)
                    return r.error();
            }
            return std::optional<store::JournalChange>();
        });
        QVERIFY(seeded);
        ProbeScheduler scheduler({}, {}, store->get(), clock);
        ProbeScheduler::Options options;
        options.pruneBatch = 1000;   // three transactions for 2500 rows
        scheduler.setOptions(options);
        QSignalSpy pruned(&scheduler, &ProbeScheduler::pruned);
        scheduler.pruneNow();
        QTRY_COMPARE_WITH_TIMEOUT(pruned.size(), 1, 10000);
        QCOMPARE(pruned.first().first().toLongLong(), 2500);
        auto reader = (*store)->openReader();
        QVERIFY(reader);
        QCOMPARE((*reader)->queryValue(QStringLiteral("SELECT count(*) FROM probe_results"))->toInt(), 100);
    }
};

QTEST_GUILESS_MAIN(tst_ProbeScheduler)
#include "tst_probescheduler.moc"
