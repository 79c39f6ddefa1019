#include "dnspacketbuilder.h"

#include "dns/messagedecoder.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace reg::dns;

namespace {

QByteArray soaRdata(const QString &mname, const QString &rname, std::uint32_t serial)
{
    return DnsPacketBuilder().name(mname).name(rname).u32(serial).u32(7200).u32(900).u32(1209600).u32(3600).bytes();
}

// A response to "Example.TLD SOA" with compressed names throughout, EDNS and a TSIG.
QByteArray sampleResponse()
{
    DnsPacketBuilder b;
    b.header(0xABCD, HeaderFlag::QR | HeaderFlag::AA | 3, 1, 1, 2, 3).question(QStringLiteral("Example.TLD"), RRType::SOA);
    // Answer: SOA at the question's name; mname ns1 + pointer to "Example.TLD", rname
    // hostmaster + pointer.
    DnsPacketBuilder soa;
    soa.u8(3).raw("ns1").pointer(12).u8(10).raw("hostmaster").pointer(12).u32(2026112101).u32(7200).u32(900).u32(1209600).u32(3600);
    b.pointer(12).recordTail(RRType::SOA, RRClass::IN, 3600, soa.bytes());
    // Authority: NS pointing into the SOA's mname (offset of "ns1" = 12 + 17 + 12 = 41) and a DS.
    b.pointer(12).recordTail(RRType::NS, RRClass::IN, 86400, DnsPacketBuilder().pointer(41).bytes());
    b.pointer(12).recordTail(RRType::DS, RRClass::IN, 86400,
                             DnsPacketBuilder().u16(12345).u8(13).u8(2).raw(QByteArray::fromHex("00112233445566778899aabbccddeeff")).bytes());
    // Additional: AAAA glue, OPT with extended RCODE bits and an NSID option, TSIG.
    b.pointer(41).recordTail(RRType::AAAA, RRClass::IN, 86400, QByteArray::fromHex("20010db8000000000000000000000053"));
    b.u8(0).recordTail(RRType::OPT, 1232, (1u << 24) | kEdnsDoBit, DnsPacketBuilder().u16(3).u16(2).raw("ns").bytes());
    DnsPacketBuilder tsig;
    tsig.name(QStringLiteral("hmac-sha256")).u16(0).u32(1700000000).u16(300).u16(4).raw("\1\2\3\4").u16(0xABCD).u16(0).u16(0);
    b.name(QStringLiteral("key.tld")).recordTail(RRType::TSIG, RRClass::ANY, 0, tsig.bytes());
    return b.bytes();
}

} // namespace

class tst_MessageDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesEverySectionWithNamesExpanded();
    void keepsUnknownRdataRaw();
    void refusesHostileMessages_data();
    void refusesHostileMessages();
    void refusesEveryTruncation();
    void followsLongPointerChains();
    void writesPresentationFormat();
    void rdataTextFallsBackToGenericForm();
    void decodesTsigSignedQueriesFromKdig_data();
    void decodesTsigSignedQueriesFromKdig();
};

void tst_MessageDecoder::decodesEverySectionWithNamesExpanded()
{
    const QByteArray wire = sampleResponse();
    auto message = decodeMessage(wire);
    QVERIFY2(message.ok(), message.ok() ? "" : qPrintable(message.error().message));
    QCOMPARE(message->id, 0xABCD);
    QVERIFY(message->isResponse());
    QCOMPARE(message->opcode(), 0);
    QCOMPARE(message->rcode(), 3 | (1 << 4));   // header NXDOMAIN bits plus the OPT's extended RCODE
    QCOMPARE(message->questions.size(), 1);
    QCOMPARE(message->questions[0].name.wire(), QByteArray("\7Example\3TLD\0", 13));
    QCOMPARE(message->questions[0].type, RRType::SOA);

    QCOMPARE(message->answers.size(), 1);
    const DnsRecord &soa = message->answers[0];
    QCOMPARE(soa.offset, std::size_t(29));
    QCOMPARE(soa.owner.wire(), QByteArray("\7Example\3TLD\0", 13));   // case as in the question
    QVERIFY(soa.soa());
    QCOMPARE(soa.soa()->mname.toText(), QStringLiteral("ns1.Example.TLD."));
    QCOMPARE(soa.soa()->rname.toText(), QStringLiteral("hostmaster.Example.TLD."));
    QCOMPARE(soa.soa()->serial, 2026112101u);
    QCOMPARE(soa.soa()->minimum, 3600u);
    // The RDATA is uncompressed, as a zone holds it.
    QCOMPARE(soa.rdata, soaRdata(QStringLiteral("ns1.Example.TLD"), QStringLiteral("hostmaster.Example.TLD"), 2026112101));

    QCOMPARE(message->authority.size(), 2);
    QCOMPARE(std::get<NameRData>(message->authority[0].data).name.toText(), QStringLiteral("ns1.Example.TLD."));
    const auto &ds = std::get<DsRData>(message->authority[1].data);
    QCOMPARE(ds.keyTag, 12345);
    QCOMPARE(ds.algorithm, 13);
    QCOMPARE(ds.digestType, 2);
    QCOMPARE(ds.digest.toHex(), QByteArray("00112233445566778899aabbccddeeff"));

    QCOMPARE(message->additional.size(), 3);
    QCOMPARE(message->additional[0].owner.toText(), QStringLiteral("ns1.Example.TLD."));
    QCOMPARE(std::get<AddressRData>(message->additional[0].data).address.toString(), QStringLiteral("2001:db8::53"));
    const DnsRecord *opt = message->opt();
    QVERIFY(opt);
    QCOMPARE(opt->udpPayloadSize(), 1232);
    QCOMPARE(opt->ednsVersion(), 0);
    QCOMPARE(opt->ednsFlags(), kEdnsDoBit);
    const auto &options = std::get<OptRData>(opt->data).options;
    QCOMPARE(options.size(), 1);
    QCOMPARE(options[0].code, 3);
    QCOMPARE(options[0].data, QByteArray("ns"));
    const DnsRecord *tsig = message->tsig();
    QVERIFY(tsig);
    QCOMPARE(tsig->offset, std::size_t(wire.size() - (9 + 10 + 13 + 10 + 4 + 6)));
    QCOMPARE(tsig->tsig()->algorithm.toText(), QStringLiteral("hmac-sha256."));
    QCOMPARE(tsig->tsig()->timeSigned, 1700000000u);
    QCOMPARE(tsig->tsig()->fudge, 300);
    QCOMPARE(tsig->tsig()->mac, QByteArray("\1\2\3\4"));
    QCOMPARE(tsig->tsig()->originalId, 0xABCD);
}

void tst_MessageDecoder::keepsUnknownRdataRaw()
{
    // Type 99 RDATA that looks like a compression pointer is not decompressed (RFC 3597 4).
    DnsPacketBuilder b;
    b.header(1, HeaderFlag::QR, 1, 1, 0, 0).question(QStringLiteral("tld"), 99).pointer(12).recordTail(99, 1, 5, QByteArray("\xC0\x0C", 2));
    auto message = decodeMessage(b.bytes());
    QVERIFY2(message.ok(), message.ok() ? "" : qPrintable(message.error().message));
    QCOMPARE(message->answers[0].rdata, QByteArray("\xC0\x0C", 2));
    QVERIFY(std::holds_alternative<RawRData>(message->answers[0].data));
    QCOMPARE(toText(message->answers[0]), QStringLiteral("tld.\t5\tIN\tTYPE99\t\\# 2 C00C"));
}

void tst_MessageDecoder::refusesHostileMessages_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("reason");
    const auto h = [](std::uint16_t qd, std::uint16_t an, std::uint16_t ns, std::uint16_t ar) {
        DnsPacketBuilder b;
        b.header(1, HeaderFlag::QR, qd, an, ns, ar);
        return b;
    };
    const QString tld = QStringLiteral("tld");
    QTest::newRow("short") << QByteArray(11, '\0') << QStringLiteral("header");
    QTest::newRow("pointer to itself") << h(1, 0, 0, 0).pointer(12).u16(1).u16(1).bytes() << QStringLiteral("backwards");
    QTest::newRow("forward pointer") << h(1, 0, 0, 0).pointer(20).u16(1).u16(1).u32(0).u8(0).bytes() << QStringLiteral("backwards");
    // "a" then a pointer back to "a": each hop lands before the pointer, but on the same name.
    QTest::newRow("pointer loop through a label") << h(1, 0, 0, 0).u8(1).raw("a").pointer(12).u16(1).u16(1).bytes()
                                                  << QStringLiteral("backwards");
    {
        // Two names pointing at each other: the second into the first, the first's tail forwards.
        DnsPacketBuilder b = h(2, 0, 0, 0);
        b.u8(1).raw("a").pointer(21).u16(1).u16(1);   // 12: a -> 21 (forward)
        b.u8(1).raw("b").pointer(12).u16(1).u16(1);   // 21: b -> 12
        QTest::newRow("mutual pointers") << b.bytes() << QStringLiteral("backwards");
    }
    QTest::newRow("pointer into the header") << h(1, 0, 0, 0).pointer(2).u16(1).u16(1).bytes() << QStringLiteral("backwards");
    QTest::newRow("label type 0x40") << h(1, 0, 0, 0).u8(0x41).raw("a").u8(0).u16(1).u16(1).bytes() << QStringLiteral("label type");
    {
        DnsPacketBuilder b = h(1, 0, 0, 0);
        for (int i = 0; i < 4; ++i)
            b.u8(63).raw(QByteArray(63, 'x'));
        b.u8(0).u16(1).u16(1);
        QTest::newRow("name of 257 bytes") << b.bytes() << QStringLiteral("255");
    }
    {
        // 200 bytes of labels, then a name that adds 60 more and points back at them: 261 bytes.
        DnsPacketBuilder b = h(2, 0, 0, 0);
        for (int i = 0; i < 4; ++i)
            b.u8(49).raw(QByteArray(49, 'x'));
        b.u8(0).u16(1).u16(1);
        b.u8(59).raw(QByteArray(59, 'y')).pointer(12).u16(1).u16(1);
        QTest::newRow("compressed name over 255 bytes") << b.bytes() << QStringLiteral("255");
    }
    QTest::newRow("counts beyond the size") << h(0, 0, 0, 5).bytes() << QStringLiteral("counts");
    QTest::newRow("RDATA past the end") << h(1, 1, 0, 0).question(tld, 1).pointer(12).u16(1).u16(1).u32(0).u16(4).raw("ab").bytes()
                                        << QStringLiteral("RDATA runs past");
    QTest::newRow("A of 5 bytes") << h(1, 1, 0, 0).question(tld, 1).pointer(12).recordTail(1, 1, 0, "abcde").bytes()
                                  << QStringLiteral("does not fill");
    QTest::newRow("NS with bytes after the name")
        << h(1, 1, 0, 0).question(tld, 2).pointer(12).recordTail(2, 1, 0, QByteArray("\0x", 2)).bytes() << QStringLiteral("does not fill");
    QTest::newRow("NS name running out of RDATA")
        << h(1, 1, 0, 1).question(tld, 2).pointer(12).recordTail(2, 1, 0, QByteArray("\3ns", 3)).opt(512).bytes()
        << QStringLiteral("past the end");
    QTest::newRow("SOA without its numbers")
        << h(1, 1, 0, 0).question(tld, 6).pointer(12).recordTail(6, 1, 0, QByteArray("\0\0\0\0", 4)).bytes() << QStringLiteral("does not fill");
    QTest::newRow("OPT option past RDATA")
        << h(0, 0, 0, 1).opt(512, 0, 0, QByteArray("\0\3\0\5ab", 6)).bytes() << QStringLiteral("does not fill");
    QTest::newRow("TSIG algorithm compressed")
        << h(1, 0, 0, 1).question(tld, 1).pointer(12).recordTail(RRType::TSIG, 255, 0, DnsPacketBuilder().pointer(12).u32(0).u16(0).u16(300).u16(0).u16(1).u16(0).u16(0).bytes()).bytes()
        << QStringLiteral("compression is not allowed");
    QTest::newRow("TSIG MAC size too big")
        << h(1, 0, 0, 1).question(tld, 1).u8(0).recordTail(RRType::TSIG, 255, 0, DnsPacketBuilder().u8(0).u16(0).u32(0).u16(300).u16(200).u16(1).u16(0).u16(0).bytes()).bytes()
        << QStringLiteral("does not fill");
    QTest::newRow("trailing bytes") << h(1, 0, 0, 0).question(tld, 1).u8(0).bytes() << QStringLiteral("after the last record");
    QTest::newRow("over 65535 bytes") << QByteArray(70000, '\0') << QStringLiteral("65535");
}

void tst_MessageDecoder::refusesHostileMessages()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, reason);
    auto message = decodeMessage(wire);
    QVERIFY(!message.ok());
    QCOMPARE(message.error().code, reg::ErrorCode::InvalidInput);
    QVERIFY2(message.error().message.contains(reason), qPrintable(message.error().message));
}

void tst_MessageDecoder::refusesEveryTruncation()
{
    const QByteArray wire = sampleResponse();
    QVERIFY(decodeMessage(wire).ok());
    for (int length = 0; length < wire.size(); ++length) {
        // Exact-size heap copies: a read past the end is something ASan and valgrind see.
        std::unique_ptr<std::uint8_t[]> copy(new std::uint8_t[std::max(length, 1)]);
        std::memcpy(copy.get(), wire.constData(), std::size_t(length));
        QVERIFY2(!decodeMessage(copy.get(), std::size_t(length)).ok(), qPrintable(QString::number(length)));
    }
}

void tst_MessageDecoder::followsLongPointerChains()
{
    // 60 records, each owner one label plus a pointer to the previous owner: a 60-hop chain that
    // is legal because every hop goes backwards. The last owner has 61 labels (2 + 60 * 2 + 4 bytes).
    DnsPacketBuilder b;
    b.header(1, HeaderFlag::QR, 1, 60, 0, 0).question(QStringLiteral("tld"), 1);
    int previous = 12;
    for (int i = 0; i < 60; ++i) {
        const int here = b.size();
        b.u8(1).raw("a").pointer(std::uint16_t(previous)).recordTail(RRType::TXT, 1, 0, "\1x");
        previous = here;
    }
    auto message = decodeMessage(b.bytes());
    QVERIFY2(message.ok(), message.ok() ? "" : qPrintable(message.error().message));
    QCOMPARE(message->answers.last().owner.labelCount(), 61);
    QCOMPARE(message->answers.last().owner.size(), std::size_t(60 * 2 + 5));
}

void tst_MessageDecoder::writesPresentationFormat()
{
    auto message = decodeMessage(sampleResponse());
    QVERIFY(message.ok());
    QCOMPARE(toText(message->answers[0]),
             QStringLiteral("Example.TLD.\t3600\tIN\tSOA\tns1.Example.TLD. hostmaster.Example.TLD. 2026112101 7200 900 1209600 3600"));
    QCOMPARE(toText(message->authority[0]), QStringLiteral("Example.TLD.\t86400\tIN\tNS\tns1.Example.TLD."));
    QCOMPARE(toText(message->authority[1]),
             QStringLiteral("Example.TLD.\t86400\tIN\tDS\t12345 13 2 00112233445566778899AABBCCDDEEFF"));
    QCOMPARE(toText(message->additional[0]), QStringLiteral("ns1.Example.TLD.\t86400\tIN\tAAAA\t2001:db8::53"));
    QCOMPARE(toText(message->additional[2]),
             QStringLiteral("key.tld.\t0\tANY\tTSIG\thmac-sha256. 1700000000 300 4 AQIDBA== 43981 0 0"));

    const DnsName owner = *DnsName::fromText(u"d\\.o\\%1main.tld");
    QCOMPARE(recordToText(owner, 60, RRClass::IN, RRType::A, QByteArray("\xC0\0\2\1", 4)),
             QStringLiteral("d\\.o%1main.tld.\t60\tIN\tA\t192.0.2.1"));
    QCOMPARE(recordToText(owner, 60, RRClass::IN, RRType::MX, QByteArray("\0\12", 2) + owner.wire()),
             QStringLiteral("d\\.o%1main.tld.\t60\tIN\tMX\t10 d\\.o%1main.tld."));
    QCOMPARE(rdataToText(RRType::TXT, QByteArray("\5a\"b\\\1\0", 7)), QStringLiteral("\"a\\\"b\\\\\\001\" \"\""));
    QCOMPARE(typeName(65000), QStringLiteral("TYPE65000"));
    QCOMPARE(className(RRClass::CH), QStringLiteral("CH"));
    QCOMPARE(className(42), QStringLiteral("CLASS42"));
}

void tst_MessageDecoder::rdataTextFallsBackToGenericForm()
{
    QCOMPARE(rdataToText(RRType::A, QByteArray("\1\2\3", 3)), QStringLiteral("\\# 3 010203"));
    QCOMPARE(rdataToText(RRType::NS, QByteArray("\xC0\x0C", 2)), QStringLiteral("\\# 2 C00C"));
    QCOMPARE(rdataToText(RRType::TXT, QByteArray("\5ab", 3)), QStringLiteral("\\# 3 056162"));
    QCOMPARE(rdataToText(999, QByteArray()), QStringLiteral("\\# 0"));
}

void tst_MessageDecoder::decodesTsigSignedQueriesFromKdig_data()
{
    // Captured from kdig -y hmac-sha256:transfer-key:... (tests/fuzz/corpus/fuzz_dnsmessage).
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("qtype");
    QTest::newRow("SOA over UDP") << QStringLiteral("kdig-soa-tsig") << int(RRType::SOA);
    QTest::newRow("AXFR over TCP") << QStringLiteral("kdig-axfr-tsig-tcp") << int(RRType::AXFR);
    QTest::newRow("IXFR with EDNS") << QStringLiteral("kdig-ixfr-tsig-edns-tcp") << int(RRType::IXFR);
}

void tst_MessageDecoder::decodesTsigSignedQueriesFromKdig()
{
    QFETCH(QString, file);
    QFETCH(int, qtype);
    QFile in(qEnvironmentVariable("REGISTRY_SOURCE_DIR") + QStringLiteral("/tests/fuzz/corpus/fuzz_dnsmessage/") + file
             + QStringLiteral(".bin"));
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(in.fileName()));
    const QByteArray wire = in.readAll();
    auto message = decodeMessage(wire);
    QVERIFY2(message.ok(), message.ok() ? "" : qPrintable(message.error().message));
    QVERIFY(!message->isResponse());
    QCOMPARE(int(message->questions[0].type), qtype);
    const DnsRecord *tsig = message->tsig();
    QVERIFY(tsig);
    QCOMPARE(tsig->owner.toText(), QStringLiteral("transfer-key."));
    QCOMPARE(tsig->klass, RRClass::ANY);
    QCOMPARE(tsig->ttl, 0u);
    QCOMPARE(tsig->tsig()->algorithm.toText(), QStringLiteral("hmac-sha256."));
    QCOMPARE(tsig->tsig()->fudge, 300);
    QCOMPARE(tsig->tsig()->mac.size(), 32);
    QCOMPARE(tsig->tsig()->originalId, message->id);
    QCOMPARE(tsig->tsig()->error, 0);
    // Captured in 2026: the signing time is a plausible epoch second.
    QVERIFY(tsig->tsig()->timeSigned > 1700000000u && tsig->tsig()->timeSigned < 2000000000u);
    // The TSIG is the message's tail: its offset plus its encoded size is the message size.
    QCOMPARE(tsig->offset + std::size_t(tsig->owner.size()) + 10 + std::size_t(tsig->rdata.size()), std::size_t(wire.size()));
    if (qtype == RRType::IXFR) {
        QCOMPARE(message->authority[0].soa()->serial, 7u);
        QVERIFY(message->opt());
    }
}

QTEST_GUILESS_MAIN(tst_MessageDecoder)
#include "tst_messagedecoder.moc"
