#include "dnspacketbuilder.h"

#include "dns/messagedecoder.h"
#include "dns/messageparser.h"
#include "dns/messagewriter.h"

#include <QNetworkDatagram>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>
#include <QUdpSocket>

#include <array>
#include <vector>

using namespace reg::dns;

namespace {

QByteArray wire(const char *text)
{
    return DnsPacketBuilder::wireName(QString::fromLatin1(text));
}

const std::uint8_t *u8(const QByteArray &bytes)
{
    return reinterpret_cast<const std::uint8_t *>(bytes.constData());
}

bool add(MessageWriter &writer, MessageWriter::Section section, const QByteArray &owner, std::uint16_t type,
         const QByteArray &rdata, std::uint32_t ttl = 3600)
{
    return writer.addRecord(section, u8(owner), std::size_t(owner.size()), type, RRClass::IN, ttl, u8(rdata),
                            std::uint16_t(rdata.size()));
}

QByteArray soaRdata(const char *mname, const char *rname, std::uint32_t serial)
{
    return DnsPacketBuilder().raw(wire(mname)).raw(wire(rname)).u32(serial).u32(7200).u32(900).u32(1209600).u32(3600).bytes();
}

QByteArray finished(MessageWriter &writer, const std::uint8_t *buffer)
{
    const std::size_t size = writer.finish();
    return QByteArray(reinterpret_cast<const char *>(buffer), qsizetype(size));
}

// A referral for "www.Example.TLD": 4 NS in authority, A and AAAA glue for two of them.
struct Referral
{
    QByteArray qname = wire("www.Example.TLD");
    QByteArray zone = wire("example.tld");
    std::array<QByteArray, 4> ns = {wire("ns1.example.tld"), wire("ns2.example.tld"), wire("a.dns.other"),
                                    wire("b.dns.other")};
    QByteArray a = QByteArray("\xC0\0\2\1", 4);
    QByteArray aaaa = QByteArray::fromHex("20010db8000000000000000000000001");

    bool write(MessageWriter &writer) const
    {
        writer.setId(0x2222);
        writer.setFlags(HeaderFlag::QR);
        bool ok = writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::A, RRClass::IN);
        for (const QByteArray &name : ns)
            ok = ok && add(writer, MessageWriter::Section::Authority, zone, RRType::NS, name, 86400);
        for (int i = 0; i < 2; ++i) {
            ok = ok && add(writer, MessageWriter::Section::Additional, ns[std::size_t(i)], RRType::A, a, 86400);
            ok = ok && add(writer, MessageWriter::Section::Additional, ns[std::size_t(i)], RRType::AAAA, aaaa, 86400);
        }
        return ok;
    }
};

} // namespace

class tst_MessageWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compressesAgainstEveryEarlierNameByteByByte();
    void keepsTheQuestionsSpellingForPointers();
    void foldsOnlyLettersWhenComparing();
    void compressesOnlyTheRdataOfWellKnownTypes();
    void recordThatDoesNotFitLeavesMessageUnchanged();
    void keepsTheReservedTailFree();
    void neverPointsBeyondFourteenBits();
    void compressionTableIsBounded();
    void refusesMalformedInput();
    void writesHeaderAndOpt();
    void acceptsEmptyRdataAsNullPointer();
    void realKdigAndDigReadOurResponse_data();
    void realKdigAndDigReadOurResponse();
    void benchmarkReferral();
};

void tst_MessageWriter::compressesAgainstEveryEarlierNameByteByByte()
{
    std::uint8_t buffer[512];
    MessageWriter writer(buffer, sizeof buffer);
    const QByteArray qname = wire("www.Example.TLD");
    QVERIFY(writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::A, RRClass::IN));
    // Offsets: question name at 12 ("www" 12, "Example" 16, "TLD" 24, root 28), type/class to 33.
    QVERIFY(add(writer, MessageWriter::Section::Answer, wire("www.example.tld"), RRType::CNAME, wire("web.example.tld"), 60));
    // 33: C00C, fixed to 45, RDATA "web" literal at 45 then pointer to 16 (4 + 2 = 6 bytes) to 51.
    QVERIFY(add(writer, MessageWriter::Section::Authority, wire("example.tld"), RRType::NS, wire("ns1.web.example.tld")));
    // 51: C010, fixed to 63, RDATA "ns1" at 63 + pointer to "web" at 45 (6 bytes) to 69.
    QVERIFY(add(writer, MessageWriter::Section::Additional, wire("ns1.web.example.tld"), RRType::A, QByteArray("\1\2\3\4", 4)));
    // 69: C03F (63), fixed and 4 bytes to 85.
    const QByteArray message = finished(writer, buffer);

    DnsPacketBuilder expected;
    expected.header(0, 0, 1, 1, 1, 1).raw(qname).u16(RRType::A).u16(RRClass::IN);
    expected.pointer(12).u16(RRType::CNAME).u16(1).u32(60).u16(6).u8(3).raw("web").pointer(16);
    expected.pointer(16).u16(RRType::NS).u16(1).u32(3600).u16(6).u8(3).raw("ns1").pointer(45);
    expected.pointer(63).u16(RRType::A).u16(1).u32(3600).u16(4).raw("\1\2\3\4");
    QCOMPARE(message.toHex(' '), expected.bytes().toHex(' '));
    QCOMPARE(message.size(), 85);

    auto decoded = decodeMessage(message);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(std::get<NameRData>(decoded->authority[0].data).name.toText(), QStringLiteral("ns1.web.Example.TLD."));
    QCOMPARE(decoded->additional[0].owner.toText(), QStringLiteral("ns1.web.Example.TLD."));
}

void tst_MessageWriter::keepsTheQuestionsSpellingForPointers()
{
    std::uint8_t buffer[512];
    MessageWriter writer(buffer, sizeof buffer);
    const QByteArray qname = wire("DoMaIn.tld");
    QVERIFY(writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::NS, RRClass::IN));
    QVERIFY(add(writer, MessageWriter::Section::Answer, wire("domain.TLD"), RRType::NS, wire("ns.DOMAIN.tld")));
    auto decoded = decodeMessage(finished(writer, buffer));
    QVERIFY(decoded.ok());
    // Both the owner and the NS target's suffix point at the question: its spelling wins (RFC 4343).
    QCOMPARE(decoded->answers[0].owner.toText(), QStringLiteral("DoMaIn.tld."));
    QCOMPARE(std::get<NameRData>(decoded->answers[0].data).name.toText(), QStringLiteral("ns.DoMaIn.tld."));
    QCOMPARE(decoded->answers[0].rdata.size(), wire("ns.domain.tld").size());
}

void tst_MessageWriter::foldsOnlyLettersWhenComparing()
{
    // '[' and '{', '@' and '`' differ by the case bit but are not letters: different names.
    std::uint8_t buffer[512];
    MessageWriter writer(buffer, sizeof buffer);
    const QByteArray qname = wire("a[@.tld");
    QVERIFY(writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::A, RRClass::IN));
    QVERIFY(add(writer, MessageWriter::Section::Answer, wire("A{`.TLD"), RRType::A, QByteArray(4, '\1')));
    QVERIFY(add(writer, MessageWriter::Section::Answer, wire("A[@.TLD"), RRType::A, QByteArray(4, '\2')));
    const QByteArray message = finished(writer, buffer);
    // Question to 25; the first record: literal "A{`" and a pointer to "tld" (16); the second (at
    // 45): a pointer to the question.
    QCOMPARE(message.mid(25, 6), QByteArray("\3A{`\xC0\x10", 6));
    QCOMPARE(message.mid(45, 2), QByteArray("\xC0\x0C", 2));
    auto decoded = decodeMessage(message);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->answers[0].owner.toText(), QStringLiteral("A{`.tld."));
    QCOMPARE(decoded->answers[1].owner.toText(), QStringLiteral("a[\\@.tld."));
}

void tst_MessageWriter::compressesOnlyTheRdataOfWellKnownTypes()
{
    std::uint8_t buffer[1024];
    MessageWriter writer(buffer, sizeof buffer);
    const QByteArray qname = wire("tld");
    QVERIFY(writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::ANY, RRClass::IN));
    const QByteArray soa = soaRdata("ns1.nic.tld", "hostmaster.nic.tld", 2026112101);
    const QByteArray mx = QByteArray("\0\12", 2) + wire("mail.nic.tld");
    const QByteArray ptr = wire("host.nic.tld");
    // A name inside an RRSIG (signer) and an unknown type must stay as they are (RFC 3597 4).
    const QByteArray rrsig = DnsPacketBuilder().u16(6).u8(13).u8(1).u32(3600).u32(2).u32(1).u16(7).raw(wire("tld")).raw("sig").bytes();
    const QByteArray unknown = wire("nic.tld");
    QVERIFY(add(writer, MessageWriter::Section::Answer, qname, RRType::SOA, soa));
    QVERIFY(add(writer, MessageWriter::Section::Answer, qname, RRType::MX, mx));
    QVERIFY(add(writer, MessageWriter::Section::Answer, qname, RRType::PTR, ptr));
    QVERIFY(add(writer, MessageWriter::Section::Answer, qname, RRType::RRSIG, rrsig));
    QVERIFY(add(writer, MessageWriter::Section::Answer, qname, 65280, unknown));
    const QByteArray message = finished(writer, buffer);

    // SOA at 21: owner C00C, fixed to 33; mname "ns1" "nic" literal + pointer to "tld" (12):
    // 4 + 4 + 2 = 10 bytes; rname "hostmaster" + pointer to "nic" (37): 11 + 2; numbers 20.
    QCOMPARE(message.mid(31, 2), QByteArray("\0\x2B", 2));   // RDLENGTH 43 instead of 13 + 20 + 20
    QCOMPARE(message.mid(33, 10), QByteArray("\3ns1\3nic\xC0\x0C", 10));
    QCOMPARE(message.mid(43, 13), QByteArray("\12hostmaster\xC0\x25", 13));

    auto decoded = decodeMessage(message);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->answers.size(), 5);
    QCOMPARE(decoded->answers[0].rdata, soa);
    QCOMPARE(decoded->answers[1].rdata, mx);
    QCOMPARE(decoded->answers[2].rdata, ptr);
    QCOMPARE(decoded->answers[3].rdata, rrsig);
    QCOMPARE(decoded->answers[4].rdata, unknown);
    QVERIFY(message.contains(unknown));                       // copied, not compressed
    QVERIFY(message.contains(QByteArray("\12\4mail\xC0\x25", 8)));   // MX: preference kept, name compressed
}

void tst_MessageWriter::recordThatDoesNotFitLeavesMessageUnchanged()
{
    // Guard bytes after the capacity catch any write past it.
    constexpr std::size_t capacity = 100;
    std::vector<std::uint8_t> buffer(capacity + 64, 0xEE);
    MessageWriter writer(buffer.data(), capacity);
    const QByteArray qname = wire("a.tld");
    QVERIFY(writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::TXT, RRClass::IN));
    int written = 0;
    for (;;) {
        const std::size_t sizeBefore = writer.size();
        const std::vector<std::uint8_t> before(buffer.begin(), buffer.begin() + std::ptrdiff_t(sizeBefore));
        // Each record introduces a new name, so a partial write would also leave a stale target.
        const QByteArray owner = wire(qPrintable(QStringLiteral("n%1.a.tld").arg(written)));
        if (!add(writer, MessageWriter::Section::Answer, owner, RRType::TXT, QByteArray("\5hello"))) {
            QCOMPARE(writer.size(), sizeBefore);
            QCOMPARE(writer.count(MessageWriter::Section::Answer), written);
            QVERIFY(std::equal(before.begin(), before.end(), buffer.begin()));
            break;
        }
        ++written;
    }
    QCOMPARE(written, 3);   // 23 + 3 * 21 = 86; a fourth would end at 107
    // A smaller record still fits and compresses against the names that were written.
    QVERIFY(add(writer, MessageWriter::Section::Answer, wire("a.tld"), RRType::TXT, QByteArray()));
    QCOMPARE(writer.size(), std::size_t(86 + 12));
    QVERIFY(!add(writer, MessageWriter::Section::Answer, wire("a.tld"), RRType::TXT, QByteArray()));
    for (std::size_t i = capacity; i < buffer.size(); ++i)
        QCOMPARE(buffer[i], std::uint8_t(0xEE));

    writer.setTruncated();
    auto decoded = decodeMessage(finished(writer, buffer.data()));
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->answers.size(), 4);
    QVERIFY(decoded->flags & HeaderFlag::TC);
    QCOMPARE(decoded->answers[2].owner.toText(), QStringLiteral("n2.a.tld."));

    // Every capacity from the bare header up: never a byte past it, always a decodable message.
    const Referral referral;
    for (std::size_t size = kHeaderSize; size <= 300; ++size) {
        std::vector<std::uint8_t> small(size + 16, 0xEE);
        MessageWriter w(small.data(), size);
        referral.write(w);
        const std::size_t length = w.finish();
        QVERIFY(length <= size);
        for (std::size_t i = size; i < small.size(); ++i)
            QCOMPARE(small[i], std::uint8_t(0xEE));
        QVERIFY2(decodeMessage(small.data(), length).ok(), qPrintable(QString::number(size)));
    }
}

void tst_MessageWriter::keepsTheReservedTailFree()
{
    std::uint8_t buffer[120];
    MessageWriter writer(buffer, sizeof buffer);
    writer.reserveTail(11);
    const QByteArray qname = wire("tld");
    QVERIFY(writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::A, RRClass::IN));
    int records = 0;
    while (add(writer, MessageWriter::Section::Answer, qname, RRType::A, QByteArray("\1\1\1\1", 4)))
        ++records;
    // 21 + n * 16 <= 109: n = 5 (101); a sixth would end at 117, inside the reserved tail.
    QCOMPARE(records, 5);
    QCOMPARE(writer.size(), std::size_t(101));
    QVERIFY(!writer.addOpt(1232, 0, 0, 0));   // the OPT itself waits for the release
    writer.releaseTail(11);
    QVERIFY(writer.addOpt(1232, 0, 0, kEdnsDoBit));
    QCOMPARE(writer.size(), std::size_t(112));
    QVERIFY(!writer.addOpt(1232, 0, 0, 0));   // no room for a second one
    writer.releaseTail(100);                  // releasing more than reserved is harmless
    auto decoded = decodeMessage(finished(writer, buffer));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->answers.size(), 5);
    QVERIFY(decoded->opt());
    QCOMPARE(decoded->opt()->ednsFlags(), kEdnsDoBit);
}

void tst_MessageWriter::neverPointsBeyondFourteenBits()
{
    // A TCP-sized message: names written past offset 16383 cannot be pointer targets.
    std::vector<std::uint8_t> buffer(kMaxTcpMessage);
    MessageWriter writer(buffer.data(), buffer.size());
    const QByteArray qname = wire("tld");
    QVERIFY(writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::AXFR, RRClass::IN));
    const QByteArray big(200, 'x');
    int i = 0;
    while (writer.size() < 20000) {
        const QByteArray owner = wire(qPrintable(QStringLiteral("d%1.tld").arg(i++)));
        QVERIFY(add(writer, MessageWriter::Section::Answer, owner, 10 /* NULL */, big));
    }
    // A name first written beyond 16383, then repeated: the repeat must be literal again.
    const QByteArray late = wire("late.tld");
    QVERIFY(add(writer, MessageWriter::Section::Answer, late, RRType::NS, late));
    auto decoded = decodeMessage(finished(writer, buffer.data()));
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->answers.last().owner.toText(), QStringLiteral("late.tld."));
    QCOMPARE(decoded->answers.last().rdata, late);
    // "late" appears literally twice (owner and RDATA); both end with a pointer to "tld" at 12.
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(writer.size())).count("\4late\xC0\x0C"), 2);
}

void tst_MessageWriter::compressionTableIsBounded()
{
    std::vector<std::uint8_t> buffer(16000);
    MessageWriter writer(buffer.data(), buffer.size());
    const QByteArray qname = wire("tld");
    QVERIFY(writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::NS, RRClass::IN));
    // 200 distinct names: more than the table holds; later names are simply not targets.
    for (int i = 0; i < 200; ++i) {
        const QByteArray owner = wire(qPrintable(QStringLiteral("host%1.tld").arg(i)));
        QVERIFY(add(writer, MessageWriter::Section::Answer, qname, RRType::NS, owner));
    }
    for (int i = 0; i < 200; ++i) {
        const QByteArray owner = wire(qPrintable(QStringLiteral("host%1.tld").arg(i)));
        QVERIFY(add(writer, MessageWriter::Section::Additional, owner, RRType::A, QByteArray("\1\2\3\4", 4)));
    }
    const QByteArray message = finished(writer, buffer.data());
    auto decoded = decodeMessage(message);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->additional.size(), 200);
    QCOMPARE(decoded->additional[199].owner.toText(), QStringLiteral("host199.tld."));
    // The first glue owner points at the first NS target; the last one is written again.
    QVERIFY(message.count("\7host199\xC0\x0C") == 2);
    QVERIFY(message.count("\5host0\xC0\x0C") == 1);
}

void tst_MessageWriter::refusesMalformedInput()
{
    std::uint8_t buffer[512];
    MessageWriter writer(buffer, sizeof buffer);
    const QByteArray qname = wire("tld");
    QVERIFY(!writer.addQuestion(u8(QByteArray("\3tld", 4)), 4, RRType::A, RRClass::IN));          // no root label
    QVERIFY(!writer.addQuestion(u8(QByteArray("\xC0\x0C", 2)), 2, RRType::A, RRClass::IN));       // a pointer
    QVERIFY(!writer.addQuestion(u8(QByteArray("\3tld\0\0", 6)), 6, RRType::A, RRClass::IN));      // length too long
    QCOMPARE(writer.size(), kHeaderSize);
    QVERIFY(writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::A, RRClass::IN));
    const std::size_t size = writer.size();
    QVERIFY(!add(writer, MessageWriter::Section::Answer, qname, RRType::NS, QByteArray("\3tld", 4)));
    QVERIFY(!add(writer, MessageWriter::Section::Answer, qname, RRType::NS, wire("tld") + 'x'));
    QVERIFY(!add(writer, MessageWriter::Section::Answer, qname, RRType::SOA, soaRdata("a", "b", 1).chopped(1)));
    QVERIFY(!add(writer, MessageWriter::Section::Answer, qname, RRType::MX, QByteArray("\0", 1)));
    QCOMPARE(writer.size(), size);
    QCOMPARE(writer.count(MessageWriter::Section::Answer), 0);
    // The question must come first.
    QVERIFY(add(writer, MessageWriter::Section::Answer, qname, RRType::A, QByteArray(4, '\0')));
    QVERIFY(!writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::A, RRClass::IN));

    // A buffer smaller than a header takes nothing.
    std::uint8_t tiny[8] = {};
    MessageWriter none(tiny, sizeof tiny);
    none.setId(7);
    QVERIFY(!none.addQuestion(u8(qname), std::size_t(qname.size()), RRType::A, RRClass::IN));
    QCOMPARE(none.finish(), std::size_t(0));
    QCOMPARE(tiny[0], 0);
}

void tst_MessageWriter::writesHeaderAndOpt()
{
    std::uint8_t buffer[512];
    MessageWriter writer(buffer, sizeof buffer);
    writer.setId(0xCAFE);
    writer.setFlags(HeaderFlag::QR | HeaderFlag::AA | HeaderFlag::RD | Rcode::NXDomain);
    writer.setTruncated();
    QCOMPARE(writer.flags(), HeaderFlag::QR | HeaderFlag::AA | HeaderFlag::RD | HeaderFlag::TC | Rcode::NXDomain);
    const QByteArray qname = wire("x.tld");
    QVERIFY(writer.addQuestion(u8(qname), std::size_t(qname.size()), RRType::A, RRClass::IN));
    QVERIFY(writer.addOpt(1232, 1, 0, kEdnsDoBit));
    const QByteArray message = finished(writer, buffer);
    QCOMPARE(message.left(12).toHex(), QByteArray("cafe" "8703" "0001" "0000" "0000" "0001"));
    QCOMPARE(message.mid(23).toHex(), QByteArray("00" "0029" "04d0" "01008000" "0000"));
    auto decoded = decodeMessage(message);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->rcode(), Rcode::NXDomain | (1 << 4));
    QCOMPARE(writer.count(MessageWriter::Section::Additional), 1);
}

void tst_MessageWriter::acceptsEmptyRdataAsNullPointer()
{
    std::uint8_t buffer[64];
    MessageWriter writer(buffer, sizeof buffer);
    const QByteArray qname = wire("tld");
    QVERIFY(writer.addQuestion(u8(qname), std::size_t(qname.size()), 65280, RRClass::IN));
    QVERIFY(writer.addRecord(MessageWriter::Section::Answer, u8(qname), std::size_t(qname.size()), 65280, RRClass::IN, 0,
                             nullptr, 0));
    auto decoded = decodeMessage(finished(writer, buffer));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->answers.size(), 1);
    QVERIFY(decoded->answers[0].rdata.isEmpty());
}

void tst_MessageWriter::realKdigAndDigReadOurResponse_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("kdig") << QStringLiteral("kdig") << QStringList{QStringLiteral("+norec"), QStringLiteral("+retry=0"), QStringLiteral("+timeout=10")};
    QTest::newRow("kdig +dnssec")
        << QStringLiteral("kdig") << QStringList{QStringLiteral("+norec"), QStringLiteral("+retry=0"), QStringLiteral("+timeout=10"),
                       QStringLiteral("+dnssec")};
    QTest::newRow("dig") << QStringLiteral("dig") << QStringList{QStringLiteral("+norec"), QStringLiteral("+tries=1"), QStringLiteral("+time=10")};
}

void tst_MessageWriter::realKdigAndDigReadOurResponse()
{
    QFETCH(QString, program);
    QFETCH(QStringList, options);
    const QString path = QStandardPaths::findExecutable(program);
    QVERIFY2(!path.isEmpty(), qPrintable(program + QStringLiteral(" is not installed (installer/debian-packages.txt)")));

    QUdpSocket socket;
    QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
    QProcess peer;
    peer.setProcessChannelMode(QProcess::MergedChannels);
    peer.start(path, QStringList{QStringLiteral("@127.0.0.1"), QStringLiteral("-p"), QString::number(socket.localPort()),
                                 QStringLiteral("www.Example.TLD"), QStringLiteral("A")} + options);
    QVERIFY(peer.waitForStarted(10000));
    const auto stopPeer = qScopeGuard([&] {
        peer.kill();
        peer.waitForFinished(5000);
    });
    QTRY_VERIFY_WITH_TIMEOUT(socket.hasPendingDatagrams(), 10000);
    const QNetworkDatagram query = socket.receiveDatagram();
    const QByteArray packet = query.data();

    // The peer's query goes through the answer path's parser, the response through the writer.
    ParsedRequest request;
    QCOMPARE(parseRequest(u8(packet), std::size_t(packet.size()), request), ParseStatus::Ok);
    // kdig lowers the name, dig keeps it: the answer must spell it as the peer did.
    auto qname = DnsName::fromWire(QByteArray(reinterpret_cast<const char *>(request.qname), request.qnameLength));
    QVERIFY(qname.ok());
    QCOMPARE(qname->lowered().toText(), QStringLiteral("www.example.tld."));
    const QString sent = qname->toText();              // "www.Example.TLD." or "www.example.tld."
    const QString zone = qname->parent().toText();     // its "Example.TLD."
    std::uint8_t buffer[512];
    MessageWriter writer(buffer, sizeof buffer);
    writer.reserveTail(request.hasEdns ? 11 : 0);
    writer.setId(request.id);
    writer.setFlags(HeaderFlag::QR | HeaderFlag::AA | (request.flags & HeaderFlag::RD));
    QVERIFY(writer.addQuestion(request.qname, request.qnameLength, request.qtype, request.qclass));
    QVERIFY(add(writer, MessageWriter::Section::Answer, wire("www.example.tld"), RRType::CNAME, wire("web.example.tld"), 300));
    QVERIFY(add(writer, MessageWriter::Section::Answer, wire("web.example.tld"), RRType::A, QByteArray("\xC0\0\2\x35", 4), 300));
    QVERIFY(add(writer, MessageWriter::Section::Authority, wire("example.tld"), RRType::NS, wire("ns1.example.tld"), 86400));
    QVERIFY(add(writer, MessageWriter::Section::Authority, wire("example.tld"), RRType::NS, wire("ns2.other.net"), 86400));
    QVERIFY(add(writer, MessageWriter::Section::Additional, wire("ns1.example.tld"), RRType::AAAA,
                QByteArray::fromHex("20010db8000000000000000000000035"), 86400));
    if (request.hasEdns) {
        writer.releaseTail(11);
        QVERIFY(writer.addOpt(1232, 0, 0, request.ednsFlags & kEdnsDoBit));
    }
    const std::size_t size = writer.finish();
    socket.writeDatagram(reinterpret_cast<const char *>(buffer), qint64(size), query.senderAddress(), quint16(query.senderPort()));

    QVERIFY(peer.waitForFinished(15000));
    const QString output = QString::fromUtf8(peer.readAll());
    QCOMPARE(peer.exitCode(), 0);
    QVERIFY2(!output.contains(QStringLiteral("malformed"), Qt::CaseInsensitive), qPrintable(output));
    QVERIFY2(!output.contains(QStringLiteral("WARNING")), qPrintable(output));
    const QString flat = QString(output).replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
    const QStringList expected = {
        QStringLiteral("status: NOERROR"),
        sent + QStringLiteral(" 300 IN CNAME web.") + zone,
        QStringLiteral("web.") + zone + QStringLiteral(" 300 IN A 192.0.2.53"),
        zone + QStringLiteral(" 86400 IN NS ns1.") + zone,
        zone + QStringLiteral(" 86400 IN NS ns2.other.net."),
        QStringLiteral("ns1.") + zone + QStringLiteral(" 86400 IN AAAA 2001:db8::35"),
    };
    for (const QString &line : expected)
        QVERIFY2(flat.contains(line, Qt::CaseSensitive), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(line, output)));
    if (request.hasEdns)
        QVERIFY2(flat.contains(QStringLiteral("EDNS")), qPrintable(output));
}

void tst_MessageWriter::benchmarkReferral()
{
    const Referral referral;
    std::uint8_t buffer[512];
    std::size_t size = 0;
    QBENCHMARK {
        MessageWriter writer(buffer, sizeof buffer);
        if (!referral.write(writer))
            QFAIL("the referral does not fit");
        size = writer.finish();
    }
    auto decoded = decodeMessage(buffer, size);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->authority.size(), 4);
    QCOMPARE(decoded->additional.size(), 4);
}

QTEST_GUILESS_MAIN(tst_MessageWriter)
#include "tst_messagewriter.moc"
