// The UDP and TCP servers on real loopback sockets, below the engine: answers over IPv4 and IPv6,
// the per-thread counters, clean stops, and zone transfers with back-pressure through a test
// ZoneTransferService.
#include "dnspacketbuilder.h"

#include "dns/dnscounters.h"
#include "dns/dnsresponder.h"
#include "dns/dnssocket.h"
#include "dns/ratelimiter.h"
#include "dns/tcpserver.h"
#include "dns/udpserver.h"
#include "dns/zone.h"
#include "dns/zonetransfer.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <atomic>

using namespace reg::dns;

namespace {

DnsName name(const char *text)
{
    return *DnsName::fromText(QString::fromLatin1(text));
}

std::shared_ptr<const ZoneSet> zones()
{
    QByteArray soa = name("a.nic.tld").wire() + name("hostmaster.nic.tld").wire() + QByteArray(20, '\1');
    ZoneEditor e(name("tld"));
    e.setNode(name("tld"), {{RRType::SOA, 900, {soa}}, {RRType::NS, 86400, {name("ns.elsewhere.net").wire()}}});
    e.setNode(name("example.tld"), {{RRType::NS, 86400, {name("ns.elsewhere.net").wire()}}});
    return std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{e.finish(1, 10)});
}

QByteArray query(quint16 id, const char *qname, std::uint16_t type)
{
    return DnsPacketBuilder().header(id, 0, 1, 0, 0, 0).question(QString::fromLatin1(qname), type).bytes();
}

int rcodeOf(const QByteArray &m)
{
    return m.size() >= 12 ? (quint8(m[3]) & 0x0F) : -1;
}

quint16 idOf(const QByteArray &m)
{
    return m.size() >= 2 ? quint16(quint8(m[0]) << 8 | quint8(m[1])) : 0;
}

QByteArray udpAsk(const QHostAddress &server, quint16 port, const QByteArray &q, int timeoutMs = 5000)
{
    QUdpSocket s;
    s.bind(server.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost, 0);
    s.writeDatagram(q, server, port);
    if (!s.waitForReadyRead(timeoutMs))
        return {};
    QByteArray d(int(s.pendingDatagramSize()), '\0');
    s.readDatagram(d.data(), d.size());
    return d;
}

QByteArray readFramed(QTcpSocket &s, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    auto wait = [&](qint64 need) {
        while (s.bytesAvailable() < need) {
            if (t.elapsed() > timeoutMs || !s.waitForReadyRead(int(std::max<qint64>(1, timeoutMs - t.elapsed()))))
                return s.bytesAvailable() >= need;
        }
        return true;
    };
    if (!wait(2))
        return {};
    const QByteArray p = s.peek(2);
    const int length = quint8(p[0]) << 8 | quint8(p[1]);
    if (!wait(2 + length))
        return {};
    s.read(2);
    return s.read(length);
}

QByteArray framed(const QByteArray &m)
{
    return QByteArray(1, char(m.size() >> 8)) + char(m.size() & 0xFF) + m;
}

// A transfer of `count` messages of about 60 KiB each, each carrying its sequence number in the id;
// counts how many were produced, so the test can see the back-pressure.
class CountingTransfers : public ZoneTransferService
{
public:
    class Stream : public TransferStream
    {
    public:
        Stream(CountingTransfers &owner, quint16 requestId) : m_owner(owner), m_id(requestId) {}
        bool next(QByteArray &message) override
        {
            if (m_sent == m_owner.count)
                return false;
            message = QByteArray(60000, 'x');
            message[0] = char(m_sent >> 8);
            message[1] = char(m_sent & 0xFF);
            message[2] = char(0x84);   // QR AA
            message[3] = 0;            // NOERROR
            ++m_sent;
            m_owner.produced.fetch_add(1);
            Q_UNUSED(m_id);
            return true;
        }

    private:
        CountingTransfers &m_owner;
        quint16 m_id;
        int m_sent = 0;
    };

    std::unique_ptr<TransferStream> start(const std::uint8_t *, std::size_t, const ParsedRequest &request, const QHostAddress &,
                                          std::shared_ptr<const ZoneSet>) override
    {
        return std::make_unique<Stream>(*this, request.id);
    }

    int count = 1000;
    std::atomic<int> produced{0};
};

} // namespace

class tst_DnsSockets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void udpAnswersOnBothFamiliesAndCounts_data()
    {
        QTest::addColumn<QHostAddress>("address");
        QTest::newRow("IPv4") << QHostAddress(QHostAddress::LocalHost);
        QTest::newRow("IPv6") << QHostAddress(QHostAddress::LocalHostIPv6);
    }

    void udpAnswersOnBothFamiliesAndCounts()
    {
        QFETCH(QHostAddress, address);
        ZonePublisher publisher;
        publisher.publish(zones());
        DnsResponder responder(1232);
        RateLimiter limiter(0, 2, 24, 56);
        UdpServer udp(responder, publisher, limiter, 1232);
        const reg::Result<quint16> port = udp.bind(address, 0, 3);
        QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().message));
        QCOMPARE(udp.threadCount(), 3);
        udp.start();

        QCOMPARE(rcodeOf(udpAsk(address, *port, query(1, "tld", RRType::SOA))), 0);
        QCOMPARE(rcodeOf(udpAsk(address, *port, query(2, "www.example.tld", RRType::A))), 0);
        QCOMPARE(rcodeOf(udpAsk(address, *port, query(3, "nothing.tld", RRType::AAAA))), 3);
        QCOMPARE(rcodeOf(udpAsk(address, *port, query(4, "example.com", RRType::A))), 5);
        QCOMPARE(rcodeOf(udpAsk(address, *port, DnsPacketBuilder().header(5, 0, 0, 0, 0, 0).bytes())), 1);
        QVERIFY(udpAsk(address, *port, QByteArray("runt"), 1000).isEmpty());

        // A new zone version is picked up by the next batch.
        ZoneEditor next(publisher.current()->zones().first());
        next.setNode(name("nothing.tld"), {{RRType::NS, 86400, {name("ns.elsewhere.net").wire()}}});
        publisher.publish(std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{next.finish(2, 10)}));
        QCOMPARE(rcodeOf(udpAsk(address, *port, query(6, "nothing.tld", RRType::AAAA))), 0);

        DnsStatisticsSnapshot s;
        DnsCounters::initialise(s);
        QTRY_VERIFY_WITH_TIMEOUT((s = {}, DnsCounters::initialise(s), udp.addCounters(s), s.malformedDropped == 1), 5000);
        QCOMPARE(s.udpQueries, 6u);
        QCOMPARE(s.byType[DnsCounters::TypeSOA].second, 1u);
        QCOMPARE(s.byType[DnsCounters::TypeA].second, 2u);
        QCOMPARE(s.byType[DnsCounters::TypeAAAA].second, 2u);
        QCOMPARE(s.byRcode[DnsCounters::RcodeNoError].second, 3u);
        QCOMPARE(s.byRcode[DnsCounters::RcodeNXDomain].second, 1u);
        QCOMPARE(s.byRcode[DnsCounters::RcodeRefused].second, 1u);
        QCOMPARE(s.byRcode[DnsCounters::RcodeFormErr].second, 1u);
        QCOMPARE(s.referrals, 2u);
        udp.stop();   // joins every thread blocked in recvmmsg()
        udp.stop();
        QVERIFY(udpAsk(address, *port, query(7, "tld", RRType::SOA), 500).isEmpty());
    }

    void udpAndTcpShareAPort()
    {
        ZonePublisher publisher;
        DnsResponder responder(1232);
        RateLimiter limiter(0, 2, 24, 56);
        UdpServer udp(responder, publisher, limiter, 1232);
        const reg::Result<quint16> port = udp.bind(QHostAddress::LocalHost, 0, 1);
        QVERIFY(port.ok());
        const reg::Result<int> tcp = DnsSocket::openTcpListener(QHostAddress::LocalHost, *port, 16);
        QVERIFY(tcp.ok());
        QCOMPARE(DnsSocket::boundPort(*tcp), *port);
        DnsSocket::closeSocket(*tcp);
        // A TCP port already taken is refused with a clear message (DnsService then tries another
        // port when the configuration said 0).
        const reg::Result<int> first = DnsSocket::openTcpListener(QHostAddress::LocalHost, 0, 16);
        QVERIFY(first.ok());
        const reg::Result<int> second = DnsSocket::openTcpListener(QHostAddress::LocalHost, DnsSocket::boundPort(*first), 16);
        QVERIFY(!second.ok());
        QVERIFY2(second.error().message.contains(QStringLiteral("cannot bind")), qPrintable(second.error().message));
        DnsSocket::closeSocket(*first);
    }

    void tcpTransferHasBackPressureAndQueriesWaitBehindIt()
    {
        ZonePublisher publisher;
        publisher.publish(zones());
        DnsResponder responder(1232);
        CountingTransfers transfers;
        TcpLimits limits;
        TcpServer server(limits, responder, publisher, &transfers);
        const reg::Result<int> listener = DnsSocket::openTcpListener(QHostAddress::LocalHost, 0, 16);
        QVERIFY(listener.ok());
        const quint16 port = DnsSocket::boundPort(*listener);
        QVERIFY(server.start(*listener));

        QTcpSocket client;
        client.setReadBufferSize(64 * 1024);   // the test client reads slowly on purpose
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected(10000));
        client.write(framed(query(0x0A, "tld", RRType::AXFR)) + framed(query(0x0B, "tld", RRType::SOA)));
        client.flush();
        // Without reading, the server may fill the socket buffers and its high-water mark, no more:
        // a fraction of the 60 MB transfer.
        QTRY_VERIFY_WITH_TIMEOUT(transfers.produced.load() > 0, 10000);
        QTest::qWait(300);
        const int early = transfers.produced.load();
        QVERIFY2(early < transfers.count / 2, qPrintable(QString::number(early)));

        client.setReadBufferSize(0);
        for (int i = 0; i < transfers.count; ++i) {
            const QByteArray m = readFramed(client);
            QCOMPARE(m.size(), 60000);
            QCOMPARE(idOf(m), quint16(i));
        }
        // The query pipelined behind the transfer is answered after it.
        const QByteArray soa = readFramed(client);
        QCOMPARE(idOf(soa), quint16(0x0B));
        QCOMPARE(rcodeOf(soa), 0);

        DnsStatisticsSnapshot s;
        QTRY_VERIFY_WITH_TIMEOUT((s = {}, DnsCounters::initialise(s), server.addCounters(s), s.tcpQueries == 2), 5000);
        QCOMPARE(s.transfersServed, 1u);
        QCOMPARE(s.byType[DnsCounters::TypeAXFR].second, 1u);
        server.stop();
        QVERIFY(client.state() == QAbstractSocket::UnconnectedState || client.waitForDisconnected(10000));
    }

    void tcpRefusesOverTheLimitAndCapsQueries()
    {
        ZonePublisher publisher;
        publisher.publish(zones());
        DnsResponder responder(1232);
        TcpLimits limits;
        limits.maxConnections = 2;
        limits.maxConnectionsPerAddress = 2;
        limits.maxQueriesPerConnection = 3;
        TcpServer server(limits, responder, publisher, nullptr);
        const reg::Result<int> listener = DnsSocket::openTcpListener(QHostAddress::LocalHost, 0, 16);
        QVERIFY(listener.ok());
        const quint16 port = DnsSocket::boundPort(*listener);
        QVERIFY(server.start(*listener));

        QTcpSocket a, b, c;
        for (QTcpSocket *s : {&a, &b}) {
            s->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(s->waitForConnected(10000));
            s->write(framed(query(1, "tld", RRType::SOA)));
            QCOMPARE(rcodeOf(readFramed(*s)), 0);
        }
        c.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(c.waitForConnected(10000));
        QTRY_VERIFY_WITH_TIMEOUT(c.state() == QAbstractSocket::UnconnectedState, 10000);

        // Without a transfer service, AXFR over TCP is refused; the third query is the last.
        a.write(framed(query(2, "tld", RRType::AXFR)) + framed(query(3, "tld", RRType::NS)) + framed(query(4, "tld", RRType::NS)));
        QCOMPARE(rcodeOf(readFramed(a)), 5);
        QCOMPARE(idOf(readFramed(a)), quint16(3));
        QVERIFY(readFramed(a, 5000).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(a.state() == QAbstractSocket::UnconnectedState, 10000);

        DnsStatisticsSnapshot s;
        QTRY_VERIFY_WITH_TIMEOUT((s = {}, DnsCounters::initialise(s), server.addCounters(s), s.tcpConnectionsRefused == 1), 5000);
        server.stop();
    }
};

QTEST_GUILESS_MAIN(tst_DnsSockets)
#include "tst_dnssockets.moc"
