// The wire format against a real authoritative server: queries built by MessageWriter are sent to
// Knot DNS on loopback, its answers (UDP and an AXFR over TCP) go through decodeMessage, and the
// presentation format of every record is compared with what kdig prints for the same transfer.
#include "dns/messagedecoder.h"
#include "dns/messagewriter.h"

#include <QDir>
#include <QFile>
#include <QNetworkDatagram>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace reg::dns;

namespace {

// Ordinary literals: moc does not read raw string literals with quotes reliably.
const char kZone[] =
    "$ORIGIN tld.\n"
    "$TTL 3600\n"
    "@\tIN SOA ns1.nic.tld. hostmaster.nic.tld. 2026112101 7200 900 1209600 300\n"
    "@\tIN NS ns1.nic.tld.\n"
    "@\tIN NS ns2.nic.tld.\n"
    "ns1.nic\tIN A 192.0.2.53\n"
    "ns1.nic\tIN AAAA 2001:db8::53\n"
    "ns2.nic\tIN A 192.0.2.54\n"
    "Example\t86400 IN NS ns1.example.tld.\n"
    "example\t86400 IN NS ns.other.net.\n"
    "example\t86400 IN DS 12345 13 2 1F2E3D4C5B6A79880102030405060708090A0B0C0D0E0F101112131415161718\n"
    "ns1.example 86400 IN A 198.51.100.1\n"
    "txt\tIN TXT \"a \\\"quoted\\\" string\" \"second\\\\part\" \"\\000bin\"\n"
    "mail\tIN MX 10 mx.nic.tld.\n"
    "alias\tIN CNAME ns1.nic.tld.\n"
    "unknown\tIN TYPE65280 \\# 3 abcdef\n";

QByteArray query(const QString &name, std::uint16_t type, std::uint16_t id)
{
    const QByteArray qname = DnsName::fromText(name)->wire();
    std::uint8_t buffer[512];
    MessageWriter writer(buffer, sizeof buffer);
    writer.setId(id);
    writer.addQuestion(reinterpret_cast<const std::uint8_t *>(qname.constData()), std::size_t(qname.size()), type, RRClass::IN);
    writer.addOpt(1232, 0, 0, 0);
    const std::size_t size = writer.finish();
    return QByteArray(reinterpret_cast<const char *>(buffer), qsizetype(size));
}

QString flat(const QString &text)
{
    return text.simplified();
}

} // namespace

class tst_WirePeers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void decodesKnotsSoaAnswer();
    void decodesKnotsReferral();
    void decodesKnotsAxfrAsKdigPrintsIt();

private:
    reg::Result<DnsMessage> askUdp(const QByteArray &packet);

    QTemporaryDir m_dir;
    QProcess m_knot;
    quint16 m_port = 0;
};

reg::Result<DnsMessage> tst_WirePeers::askUdp(const QByteArray &packet)
{
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    socket.writeDatagram(packet, QHostAddress::LocalHost, m_port);
    if (!socket.waitForReadyRead(5000))
        return reg::Error(reg::ErrorCode::Timeout, QStringLiteral("no answer from knotd"));
    const QByteArray answer = socket.receiveDatagram().data();
    return decodeMessage(answer);
}

void tst_WirePeers::initTestCase()
{
    const QString knotd = QStandardPaths::findExecutable(QStringLiteral("knotd"));
    QVERIFY2(!knotd.isEmpty(), "knotd is not installed (installer/debian-packages.txt)");
    QVERIFY(m_dir.isValid());
    {
        // A free port for both UDP and TCP, taken from the kernel and released just before knotd
        // binds it.
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        m_port = probe.localPort();
    }
    QFile zone(m_dir.filePath(QStringLiteral("tld.zone")));
    QVERIFY(zone.open(QIODevice::WriteOnly));
    zone.write(kZone);
    zone.close();
    const QString config = QStringLiteral(
                               "server:\n  rundir: \"%1\"\n  listen: 127.0.0.1@%2\n"
                               "log:\n  - target: stderr\n    any: info\n"
                               "database:\n  storage: \"%1/db\"\n"
                               "acl:\n  - id: local\n    address: 127.0.0.1\n    action: transfer\n"
                               "zone:\n  - domain: tld.\n    storage: \"%1\"\n    file: \"tld.zone\"\n    acl: local\n")
                               .arg(m_dir.path())
                               .arg(m_port);
    QFile conf(m_dir.filePath(QStringLiteral("knot.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(config.toUtf8());
    conf.close();
    m_knot.setProcessChannelMode(QProcess::MergedChannels);
    m_knot.start(knotd, {QStringLiteral("-c"), conf.fileName()});
    QVERIFY(m_knot.waitForStarted(10000));
    // Ready when the zone answers.
    QTRY_VERIFY_WITH_TIMEOUT(askUdp(query(QStringLiteral("tld"), RRType::SOA, 1)).ok() || m_knot.state() != QProcess::Running,
                             20000);
    QVERIFY2(m_knot.state() == QProcess::Running, m_knot.readAll().constData());
}

void tst_WirePeers::cleanupTestCase()
{
    if (m_knot.state() == QProcess::Running) {
        m_knot.terminate();
        if (!m_knot.waitForFinished(10000))
            m_knot.kill();
    }
}

void tst_WirePeers::decodesKnotsSoaAnswer()
{
    auto answer = askUdp(query(QStringLiteral("TLD"), RRType::SOA, 0x5151));
    QVERIFY2(answer.ok(), answer.ok() ? "" : qPrintable(answer.error().message));
    QCOMPARE(answer->id, 0x5151);
    QVERIFY(answer->isResponse());
    QVERIFY(answer->flags & HeaderFlag::AA);
    QCOMPARE(answer->rcode(), Rcode::NoError);
    QCOMPARE(answer->questions.size(), 1);
    QCOMPARE(answer->questions[0].name.toText(), QStringLiteral("TLD."));
    QCOMPARE(answer->answers.size(), 1);
    const SoaRData *soa = answer->answers[0].soa();
    QVERIFY(soa);
    // Knot compresses the SOA's names against the question, so they carry its spelling: the
    // decoder followed those pointers.
    QCOMPARE(soa->mname.toText(), QStringLiteral("ns1.nic.TLD."));
    QCOMPARE(soa->rname.toText(), QStringLiteral("hostmaster.nic.TLD."));
    QCOMPARE(soa->mname, *DnsName::fromText(u"ns1.nic.tld"));
    QCOMPARE(soa->serial, 2026112101u);
    QCOMPARE(soa->refresh, 7200u);
    QCOMPARE(soa->retry, 900u);
    QCOMPARE(soa->expire, 1209600u);
    QCOMPARE(soa->minimum, 300u);
    QVERIFY(answer->opt());
    QVERIFY(answer->opt()->udpPayloadSize() >= 512);
}

void tst_WirePeers::decodesKnotsReferral()
{
    auto answer = askUdp(query(QStringLiteral("www.example.tld"), RRType::A, 0x5252));
    QVERIFY2(answer.ok(), answer.ok() ? "" : qPrintable(answer.error().message));
    QVERIFY(!(answer->flags & HeaderFlag::AA));
    QCOMPARE(answer->answers.size(), 0);
    QStringList authority;
    for (const DnsRecord &record : answer->authority)
        authority.append(flat(toText(record)));
    authority.sort();
    // Knot keeps owners lower-cased ("Example" in the zone file comes back as "example").
    QCOMPARE(authority, (QStringList{QStringLiteral("example.tld. 86400 IN NS ns.other.net."),
                                     QStringLiteral("example.tld. 86400 IN NS ns1.example.tld.")}));
    QStringList additional;
    for (const DnsRecord &record : answer->additional) {
        if (record.type != RRType::OPT)
            additional.append(flat(toText(record)));
    }
    QCOMPARE(additional, QStringList{QStringLiteral("ns1.example.tld. 86400 IN A 198.51.100.1")});
}

void tst_WirePeers::decodesKnotsAxfrAsKdigPrintsIt()
{
    // Our AXFR: every message decoded, every record in presentation format, until the closing SOA.
    QTcpSocket tcp;
    tcp.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(tcp.waitForConnected(5000));
    const QByteArray request = query(QStringLiteral("tld"), RRType::AXFR, 0x5353);
    tcp.write(QByteArray(1, char(request.size() >> 8)) + char(request.size() & 0xFF) + request);
    QByteArray stream;
    QStringList ours;
    int soaCount = 0;
    while (soaCount < 2) {
        while (stream.size() < 2 || stream.size() < 2 + ((std::uint8_t(stream[0]) << 8) | std::uint8_t(stream[1]))) {
            QVERIFY2(tcp.waitForReadyRead(5000), "the transfer stopped");
            stream += tcp.readAll();
        }
        const int length = (std::uint8_t(stream[0]) << 8) | std::uint8_t(stream[1]);
        auto message = decodeMessage(stream.mid(2, length));
        stream.remove(0, 2 + length);
        QVERIFY2(message.ok(), message.ok() ? "" : qPrintable(message.error().message));
        QCOMPARE(message->id, 0x5353);
        for (const DnsRecord &record : message->answers) {
            soaCount += record.type == RRType::SOA;
            ours.append(flat(toText(record)));
            // The uncompressed RDATA gives the same text on its own, as the zone export uses it.
            QCOMPARE(recordToText(record.owner, record.ttl, record.klass, record.type, record.rdata), toText(record));
        }
    }

    // kdig's own transfer of the same zone, its comments dropped.
    QProcess kdig;
    kdig.start(QStringLiteral("kdig"), {QStringLiteral("@127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
                                        QStringLiteral("tld"), QStringLiteral("AXFR")});
    QVERIFY(kdig.waitForFinished(15000));
    QCOMPARE(kdig.exitCode(), 0);
    QStringList theirs;
    for (const QString &line : QString::fromUtf8(kdig.readAllStandardOutput()).split(u'\n')) {
        if (!line.trimmed().isEmpty() && !line.startsWith(u';'))
            theirs.append(flat(line));
    }
    QCOMPARE(ours.size(), 15);
    QCOMPARE(ours, theirs);
    QVERIFY(ours.contains(QStringLiteral("txt.tld. 3600 IN TXT \"a \\\"quoted\\\" string\" \"second\\\\part\" \"\\000bin\"")));
    QVERIFY(ours.contains(QStringLiteral("unknown.tld. 3600 IN TYPE65280 \\# 3 ABCDEF")));
}

QTEST_GUILESS_MAIN(tst_WirePeers)
#include "tst_wirepeers.moc"
