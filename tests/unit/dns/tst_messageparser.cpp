#include "dnspacketbuilder.h"

#include "dns/messageparser.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace reg::dns;

namespace {

ParseStatus parse(const QByteArray &packet, ParsedRequest &out)
{
    // An exact-size heap copy, so a read one byte past the end is a heap overflow that ASan and
    // valgrind report, not a read of QByteArray's terminating zero.
    // It stays alive until the next call: the request's qname points into it.
    static std::unique_ptr<std::uint8_t[]> copy;
    copy.reset(new std::uint8_t[std::max<std::size_t>(std::size_t(packet.size()), 1)]);
    std::memcpy(copy.get(), packet.constData(), std::size_t(packet.size()));
    return parseRequest(copy.get(), std::size_t(packet.size()), out);
}

QByteArray tsigRdata(std::uint16_t originalId)
{
    DnsPacketBuilder b;
    b.name(QStringLiteral("hmac-sha256.")).u16(0).u32(1700000000).u16(300).u16(32).raw(QByteArray(32, '\x5a'));
    b.u16(originalId).u16(0).u16(0);
    return b.bytes();
}

// A query for "www.Example.TLD" A with EDNS (payload 1232, DO, a cookie option) and a TSIG.
QByteArray signedEdnsQuery()
{
    DnsPacketBuilder b;
    b.header(0xBEEF, HeaderFlag::RD, 1, 0, 0, 2).question(QStringLiteral("www.Example.TLD"), RRType::A);
    b.opt(1232, 0, kEdnsDoBit, DnsPacketBuilder().u16(10).u16(8).raw("\1\2\3\4\5\6\7\10").bytes());
    b.name(QStringLiteral("key.example.")).recordTail(RRType::TSIG, RRClass::ANY, 0, tsigRdata(0xBEEF));
    return b.bytes();
}

// IXFR for "tld" with the client's SOA (serial 2026112101) in authority, names compressed.
QByteArray ixfrQuery()
{
    DnsPacketBuilder b;
    b.header(7, 0, 1, 0, 1, 0).question(QStringLiteral("tld"), RRType::IXFR);
    DnsPacketBuilder rdata;
    // mname "ns1" + pointer to the question's "tld" (offset 12), rname "hostmaster" + same pointer.
    rdata.u8(3).raw("ns1").pointer(12).u8(10).raw("hostmaster").pointer(12);
    rdata.u32(2026112101).u32(3600).u32(900).u32(604800).u32(300);
    b.pointer(12).recordTail(RRType::SOA, RRClass::IN, 3600, rdata.bytes());
    return b.bytes();
}

} // namespace

class tst_MessageParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesPlainQuery();
    void parsesQueryWithoutQuestion();
    void parsesEdnsFields();
    void findsTsigAsLastRecord();
    void extractsIxfrSerial();
    void skipsUnknownAdditionalRecordsWithCompressedNames();
    void dropsShortPacketsAndResponses();
    void refusesMalformedRequests_data();
    void refusesMalformedRequests();
    void truncatedPacketsAreRefusedAtEveryLength_data();
    void truncatedPacketsAreRefusedAtEveryLength();
    void acceptsLongestNameAndLabel();
    void parsesQueriesCapturedFromKdigAndDig_data();
    void parsesQueriesCapturedFromKdigAndDig();
};

void tst_MessageParser::parsesPlainQuery()
{
    DnsPacketBuilder b;
    b.header(0x1234, HeaderFlag::RD | HeaderFlag::CD, 1, 0, 0, 0).question(QStringLiteral("nic.EXAMPLE"), RRType::NS);
    const QByteArray packet = b.bytes();
    ParsedRequest request;
    QCOMPARE(parse(packet, request), ParseStatus::Ok);
    QCOMPARE(request.id, 0x1234);
    QCOMPARE(request.flags, HeaderFlag::RD | HeaderFlag::CD);
    QCOMPARE(request.opcode, Opcode::Query);
    QCOMPARE(request.questionCount, 1);
    QCOMPARE(request.qnameLength, 13);
    QCOMPARE(request.qnameLabels, 2);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(request.qname), request.qnameLength), QByteArray("\3nic\7EXAMPLE\0", 13));
    QCOMPARE(request.qtype, RRType::NS);
    QCOMPARE(request.qclass, RRClass::IN);
    QCOMPARE(request.questionEnd, std::size_t(packet.size()));
    QVERIFY(!request.hasEdns);
    QCOMPARE(request.tsigOffset, std::size_t(0));
    QVERIFY(!request.hasIxfrSerial);

    // The opcode comes from bits 11-14.
    DnsPacketBuilder notify;
    notify.header(1, std::uint16_t(Opcode::Notify) << 11 | HeaderFlag::AA, 1, 0, 0, 0).question(QStringLiteral("tld"), RRType::SOA);
    QCOMPARE(parse(notify.bytes(), request), ParseStatus::Ok);
    QCOMPARE(request.opcode, Opcode::Notify);
}

void tst_MessageParser::parsesQueryWithoutQuestion()
{
    // DNS cookie probes (RFC 7873 5.4) carry no question, only an OPT.
    DnsPacketBuilder b;
    b.header(9, 0, 0, 0, 0, 1).opt(4096, 0, 0, DnsPacketBuilder().u16(10).u16(8).raw("abcdefgh").bytes());
    ParsedRequest request;
    QCOMPARE(parse(b.bytes(), request), ParseStatus::Ok);
    QCOMPARE(request.questionCount, 0);
    QCOMPARE(request.qname, nullptr);
    QVERIFY(request.hasEdns);
}

void tst_MessageParser::parsesEdnsFields()
{
    DnsPacketBuilder b;
    b.header(5, 0, 1, 0, 0, 1).question(QStringLiteral("tld"), RRType::SOA).opt(1232, 1, kEdnsDoBit | 0x0001);
    ParsedRequest request;
    QCOMPARE(parse(b.bytes(), request), ParseStatus::Ok);
    QVERIFY(request.hasEdns);
    QCOMPARE(request.ednsUdpSize, 1232);
    QCOMPARE(request.ednsVersion, 1);
    QCOMPARE(request.ednsFlags, kEdnsDoBit | 0x0001);

    // A payload size below 512 is reported as sent: clamping is the responder's business.
    DnsPacketBuilder small;
    small.header(5, 0, 1, 0, 0, 1).question(QStringLiteral("tld"), RRType::SOA).opt(100);
    QCOMPARE(parse(small.bytes(), request), ParseStatus::Ok);
    QCOMPARE(request.ednsUdpSize, 100);
}

void tst_MessageParser::findsTsigAsLastRecord()
{
    const QByteArray packet = signedEdnsQuery();
    ParsedRequest request;
    QCOMPARE(parse(packet, request), ParseStatus::Ok);
    QVERIFY(request.hasEdns);
    QCOMPARE(request.ednsUdpSize, 1232);
    QCOMPARE(request.ednsFlags, kEdnsDoBit);
    // Header 12 + question (17 + 4) + OPT (11 + 12) = 56: where the key name starts.
    QCOMPARE(request.tsigOffset, std::size_t(56));
    QCOMPARE(packet.mid(56, 5), QByteArray("\3key\7"));
    QCOMPARE(request.additionalCount, 2);
}

void tst_MessageParser::extractsIxfrSerial()
{
    ParsedRequest request;
    QCOMPARE(parse(ixfrQuery(), request), ParseStatus::Ok);
    QCOMPARE(request.qtype, RRType::IXFR);
    QCOMPARE(request.authorityCount, 1);
    QVERIFY(request.hasIxfrSerial);
    QCOMPARE(request.ixfrSerial, 2026112101u);

    // Uncompressed names and a top serial work as well.
    DnsPacketBuilder b;
    b.header(8, 0, 1, 0, 1, 1).question(QStringLiteral("tld"), RRType::IXFR);
    DnsPacketBuilder rdata;
    rdata.name(QStringLiteral("ns1.nic.tld")).name(QStringLiteral("hostmaster.nic.tld"));
    rdata.u32(0xFFFFFFFF).u32(1).u32(2).u32(3).u32(4);
    b.name(QStringLiteral("tld")).recordTail(RRType::SOA, RRClass::IN, 0, rdata.bytes()).opt(1232);
    QCOMPARE(parse(b.bytes(), request), ParseStatus::Ok);
    QCOMPARE(request.ixfrSerial, 0xFFFFFFFFu);
    QVERIFY(request.hasEdns);
}

void tst_MessageParser::skipsUnknownAdditionalRecordsWithCompressedNames()
{
    DnsPacketBuilder b;
    b.header(3, 0, 1, 0, 0, 3).question(QStringLiteral("a.b.tld"), RRType::A);
    b.pointer(14).recordTail(RRType::A, RRClass::IN, 60, QByteArray("\x7f\0\0\1", 4));        // b.tld
    b.u8(1).raw("x").pointer(12).recordTail(RRType::TXT, RRClass::IN, 60, QByteArray("\3abc"));  // x.a.b.tld
    b.opt(512);
    ParsedRequest request;
    QCOMPARE(parse(b.bytes(), request), ParseStatus::Ok);
    QVERIFY(request.hasEdns);
    QCOMPARE(request.ednsUdpSize, 512);
}

void tst_MessageParser::dropsShortPacketsAndResponses()
{
    ParsedRequest request;
    const QByteArray query = DnsPacketBuilder().header(1, 0, 1, 0, 0, 0).question(QStringLiteral("tld"), RRType::A).bytes();
    for (int length = 0; length < int(kHeaderSize); ++length)
        QCOMPARE(parse(query.left(length), request), ParseStatus::Drop);
    QCOMPARE(parseRequest(nullptr, 0, request), ParseStatus::Drop);

    // A response is never answered, whatever follows (no loops between two servers).
    QByteArray response = query;
    response[2] = char(response[2] | 0x80);
    QCOMPARE(parse(response, request), ParseStatus::Drop);
    QCOMPARE(parse(response.left(12), request), ParseStatus::Drop);
}

void tst_MessageParser::refusesMalformedRequests_data()
{
    QTest::addColumn<QByteArray>("packet");
    const auto q = [](std::uint16_t qd, std::uint16_t an, std::uint16_t ns, std::uint16_t ar) {
        DnsPacketBuilder b;
        b.header(0x4242, HeaderFlag::RD, qd, an, ns, ar);
        return b;
    };
    const QString tld = QStringLiteral("tld");
    const QByteArray soaRdata = DnsPacketBuilder().u8(0).u8(0).u32(1).u32(2).u32(3).u32(4).u32(5).bytes();

    QTest::newRow("two questions") << q(2, 0, 0, 0).question(tld, RRType::A).question(tld, RRType::NS).bytes();
    QTest::newRow("an answer record")
        << q(1, 1, 0, 0).question(tld, RRType::A).pointer(12).recordTail(RRType::A, 1, 0, QByteArray(4, '\1')).bytes();
    QTest::newRow("authority in a plain query")
        << q(1, 0, 1, 0).question(tld, RRType::SOA).pointer(12).recordTail(RRType::SOA, 1, 0, soaRdata).bytes();
    QTest::newRow("IXFR without SOA") << q(1, 0, 0, 0).question(tld, RRType::IXFR).bytes();
    QTest::newRow("IXFR with NS in authority")
        << q(1, 0, 1, 0).question(tld, RRType::IXFR).pointer(12).recordTail(RRType::NS, 1, 0, QByteArray("\0", 1)).bytes();
    QTest::newRow("IXFR with two SOAs")
        << q(1, 0, 2, 0).question(tld, RRType::IXFR).pointer(12).recordTail(RRType::SOA, 1, 0, soaRdata)
               .pointer(12).recordTail(RRType::SOA, 1, 0, soaRdata).bytes();
    QTest::newRow("IXFR SOA too short")
        << q(1, 0, 1, 0).question(tld, RRType::IXFR).pointer(12).recordTail(RRType::SOA, 1, 0, soaRdata.left(20)).bytes();
    QTest::newRow("IXFR SOA too long")
        << q(1, 0, 1, 0).question(tld, RRType::IXFR).pointer(12).recordTail(RRType::SOA, 1, 0, soaRdata + "x").bytes();
    // The mname's label claims 5 bytes but the RDATA ends after 4; the packet goes on with an OPT.
    QTest::newRow("IXFR SOA name runs out of RDATA")
        << q(1, 0, 1, 1).question(tld, RRType::IXFR).pointer(12).recordTail(RRType::SOA, 1, 0, QByteArray("\x05" "aaaa"))
               .opt(1232).bytes();
    QTest::newRow("compressed question name") << q(1, 0, 0, 0).pointer(12).u16(1).u16(1).bytes();
    QTest::newRow("question name ends in a pointer")
        << q(1, 0, 0, 0).u8(3).raw("www").pointer(12).u16(1).u16(1).bytes();
    QTest::newRow("extended label type 0x40") << q(1, 0, 0, 0).u8(0x41).raw("x").u8(0).u16(1).u16(1).bytes();
    QTest::newRow("reserved label type 0x80") << q(1, 0, 0, 0).u8(0x81).raw("x").u8(0).u16(1).u16(1).bytes();
    {
        DnsPacketBuilder b = q(1, 0, 0, 0);
        for (int i = 0; i < 4; ++i)
            b.u8(63).raw(QByteArray(63, 'a'));
        b.u8(0).u16(1).u16(1);   // 4 * 64 + 1 = 257 bytes
        QTest::newRow("question name over 255 bytes") << b.bytes();
    }
    QTest::newRow("question name without root label") << q(1, 0, 0, 0).u8(3).raw("tld").bytes();
    QTest::newRow("label runs past the end") << q(1, 0, 0, 0).u8(10).raw("tld").bytes();
    QTest::newRow("question without type and class") << q(1, 0, 0, 0).name(tld).bytes();
    QTest::newRow("question without class") << q(1, 0, 0, 0).name(tld).u16(1).bytes();
    QTest::newRow("a second OPT") << q(1, 0, 0, 2).question(tld, RRType::A).opt(1232).opt(1232).bytes();
    QTest::newRow("OPT not at the root")
        << q(1, 0, 0, 1).question(tld, RRType::A).pointer(12).recordTail(RRType::OPT, 1232, 0, {}).bytes();
    QTest::newRow("OPT option runs past its RDATA")
        << q(1, 0, 0, 1).question(tld, RRType::A).opt(1232, 0, 0, DnsPacketBuilder().u16(10).u16(9).raw("12345678").bytes()).bytes();
    QTest::newRow("OPT option header cut")
        << q(1, 0, 0, 1).question(tld, RRType::A).opt(1232, 0, 0, QByteArray("\0\12\0", 3)).bytes();
    QTest::newRow("TSIG before OPT")
        << q(1, 0, 0, 2).question(tld, RRType::A).name(QStringLiteral("key")).recordTail(RRType::TSIG, 255, 0, tsigRdata(1))
               .opt(1232).bytes();
    QTest::newRow("two TSIGs")
        << q(1, 0, 0, 2).question(tld, RRType::A).name(QStringLiteral("key")).recordTail(RRType::TSIG, 255, 0, tsigRdata(1))
               .name(QStringLiteral("key")).recordTail(RRType::TSIG, 255, 0, tsigRdata(1)).bytes();
    {
        DnsPacketBuilder b = q(1, 0, 0, 1);
        b.question(tld, RRType::A).u8(0).u16(RRType::TXT).u16(1).u32(0).u16(20).raw("short");
        QTest::newRow("RDATA runs past the end") << b.bytes();
    }
    QTest::newRow("record header cut") << q(1, 0, 0, 1).question(tld, RRType::A).u8(0).u16(RRType::TXT).u16(1).bytes();
    QTest::newRow("fewer records than counted") << q(1, 0, 0, 2).question(tld, RRType::A).opt(1232).bytes();
    QTest::newRow("trailing bytes") << q(1, 0, 0, 0).question(tld, RRType::A).raw("junk").bytes();
    QTest::newRow("trailing bytes without question") << q(0, 0, 0, 0).u8(0).bytes();
    QTest::newRow("additional owner points forwards")
        << q(1, 0, 0, 1).question(tld, RRType::A).pointer(40).recordTail(RRType::A, 1, 0, QByteArray(4, '\1')).bytes();
    QTest::newRow("additional owner points at itself")
        << q(1, 0, 0, 1).question(tld, RRType::A).pointer(21).recordTail(RRType::A, 1, 0, QByteArray(4, '\1')).bytes();
    QTest::newRow("additional owner points into the header")
        << q(1, 0, 0, 1).question(tld, RRType::A).pointer(4).recordTail(RRType::A, 1, 0, QByteArray(4, '\1')).bytes();
    QTest::newRow("pointer cut in half") << q(1, 0, 0, 1).question(tld, RRType::A).u8(0xC0).bytes();
}

void tst_MessageParser::refusesMalformedRequests()
{
    QFETCH(QByteArray, packet);
    ParsedRequest request;
    QCOMPARE(parse(packet, request), ParseStatus::FormErr);
    // The header was readable, so the FORMERR answer can carry the id.
    QCOMPARE(request.id, 0x4242);
    QCOMPARE(request.flags, HeaderFlag::RD);
}

void tst_MessageParser::truncatedPacketsAreRefusedAtEveryLength_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::newRow("EDNS and TSIG") << signedEdnsQuery();
    QTest::newRow("IXFR with compressed SOA") << ixfrQuery();
    QTest::newRow("plain") << DnsPacketBuilder().header(1, 0, 1, 0, 0, 0).question(QStringLiteral("a.b.c"), 1).bytes();
}

void tst_MessageParser::truncatedPacketsAreRefusedAtEveryLength()
{
    QFETCH(QByteArray, packet);
    ParsedRequest request;
    QCOMPARE(parse(packet, request), ParseStatus::Ok);
    for (int length = 0; length < packet.size(); ++length) {
        const ParseStatus expected = length < int(kHeaderSize) ? ParseStatus::Drop : ParseStatus::FormErr;
        QVERIFY2(parse(packet.left(length), request) == expected, qPrintable(QStringLiteral("length %1").arg(length)));
    }
    // One byte too many is refused as well.
    QCOMPARE(parse(packet + '\0', request), ParseStatus::FormErr);
}

void tst_MessageParser::acceptsLongestNameAndLabel()
{
    // 3 * 64 + 62 + 1 = 255 bytes: the longest legal name, with 63-byte labels.
    DnsPacketBuilder b;
    b.header(1, 0, 1, 0, 0, 0);
    for (int i = 0; i < 3; ++i)
        b.u8(63).raw(QByteArray(63, 'a'));
    b.u8(61).raw(QByteArray(61, 'b')).u8(0).u16(1).u16(1);
    ParsedRequest request;
    QCOMPARE(parse(b.bytes(), request), ParseStatus::Ok);
    QCOMPARE(request.qnameLength, 255);
    QCOMPARE(request.qnameLabels, 4);

    DnsPacketBuilder root;
    root.header(1, 0, 1, 0, 0, 0).u8(0).u16(RRType::NS).u16(1);
    QCOMPARE(parse(root.bytes(), request), ParseStatus::Ok);
    QCOMPARE(request.qnameLength, 1);
    QCOMPARE(request.qnameLabels, 0);
}

void tst_MessageParser::parsesQueriesCapturedFromKdigAndDig_data()
{
    // Real queries, captured from kdig 3.2 and dig 9.18 with a UDP/TCP socket (TCP without its
    // length prefix); they are also the fuzz target's seed corpus.
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("qtype");
    QTest::addColumn<bool>("edns");
    QTest::addColumn<bool>("tsig");
    QTest::addColumn<qint64>("ixfrSerial");   // -1: no IXFR
    QTest::newRow("kdig A") << QStringLiteral("kdig-a") << 1 << false << false << qint64(-1);
    QTest::newRow("kdig NS +norec") << QStringLiteral("kdig-ns-norec") << 2 << false << false << qint64(-1);
    QTest::newRow("kdig DS +dnssec") << QStringLiteral("kdig-ds-dnssec") << 43 << true << false << qint64(-1);
    QTest::newRow("kdig SOA +nsid +bufsize") << QStringLiteral("kdig-soa-nsid-bufsize") << 6 << true << false << qint64(-1);
    QTest::newRow("kdig AAAA +cookie") << QStringLiteral("kdig-aaaa-cookie-mixedcase") << 28 << true << false << qint64(-1);
    QTest::newRow("kdig padding and subnet") << QStringLiteral("kdig-padding-subnet") << 1 << true << false << qint64(-1);
    QTest::newRow("kdig CH TXT") << QStringLiteral("kdig-ch-txt") << 16 << false << false << qint64(-1);
    QTest::newRow("kdig AXFR") << QStringLiteral("kdig-axfr-tcp") << 252 << false << false << qint64(-1);
    QTest::newRow("kdig IXFR") << QStringLiteral("kdig-ixfr-soa-tcp") << 251 << false << false << qint64(2026112101);
    QTest::newRow("kdig SOA TSIG") << QStringLiteral("kdig-soa-tsig") << 6 << false << true << qint64(-1);
    QTest::newRow("kdig AXFR TSIG") << QStringLiteral("kdig-axfr-tsig-tcp") << 252 << false << true << qint64(-1);
    QTest::newRow("kdig IXFR TSIG EDNS") << QStringLiteral("kdig-ixfr-tsig-edns-tcp") << 251 << true << true << qint64(7);
    QTest::newRow("dig A") << QStringLiteral("dig-a-cookie") << 1 << true << false << qint64(-1);
    QTest::newRow("dig ANY") << QStringLiteral("dig-any-dnssec-nsid-tcp") << 255 << true << false << qint64(-1);
    QTest::newRow("dig root NS +noedns") << QStringLiteral("dig-root-ns-noedns") << 2 << false << false << qint64(-1);
}

void tst_MessageParser::parsesQueriesCapturedFromKdigAndDig()
{
    QFETCH(QString, file);
    QFETCH(int, qtype);
    QFETCH(bool, edns);
    QFETCH(bool, tsig);
    QFETCH(qint64, ixfrSerial);
    QFile in(qEnvironmentVariable("REGISTRY_SOURCE_DIR") + QStringLiteral("/tests/fuzz/corpus/fuzz_dnsmessage/") + file
             + QStringLiteral(".bin"));
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(in.fileName()));
    const QByteArray packet = in.readAll();
    ParsedRequest request;
    QCOMPARE(parse(packet, request), ParseStatus::Ok);
    QCOMPARE(request.questionCount, 1);
    QCOMPARE(int(request.qtype), qtype);
    QCOMPARE(request.hasEdns, edns);
    QCOMPARE(request.tsigOffset != 0, tsig);
    QCOMPARE(request.hasIxfrSerial, ixfrSerial >= 0);
    if (ixfrSerial >= 0)
        QCOMPARE(qint64(request.ixfrSerial), ixfrSerial);
    if (tsig)
        QCOMPARE(packet.mid(qsizetype(request.tsigOffset), 14), QByteArray("\x0ctransfer-key", 14));
    if (edns)
        QVERIFY(request.ednsUdpSize >= 512);
}

QTEST_GUILESS_MAIN(tst_MessageParser)
#include "tst_messageparser.moc"
