// DnsResponder over real zone snapshots (ZoneEditor), each answer decoded with the project's
// general message decoder: the choices of RFC 1034 4.3.2 the server makes, and the size rules.
#include "dnspacketbuilder.h"

#include "dns/dnsresponder.h"
#include "dns/messagedecoder.h"
#include "dns/messageparser.h"
#include "dns/zone.h"

#include <QTest>

#include <vector>

using namespace reg::dns;

namespace {

DnsName name(const char *text)
{
    return *DnsName::fromText(QString::fromLatin1(text));
}

QByteArray v4(quint8 last)
{
    return QByteArray::fromHex("b90a02") + char(last);   // 185.10.2.x
}

QByteArray v6(quint8 last)
{
    return QByteArray::fromHex("2a0104f8000000000000000000000000").left(15) + char(last);
}

QByteArray soaRdata()
{
    QByteArray r = name("a.nic.tld").wire() + name("hostmaster.nic.tld").wire();
    for (std::uint32_t v : {2026u, 1800u, 900u, 1209600u, 300u}) {
        r.append(char(v >> 24));
        r.append(char(v >> 16));
        r.append(char(v >> 8));
        r.append(char(v));
    }
    return r;
}

QList<RRsetData> delegation(const QList<QByteArray> &servers)
{
    RRsetData ns{RRType::NS, 172800, {}};
    for (const QByteArray &s : servers)
        ns.rdatas.append(name(s.constData()).wire());
    return {ns};
}

// tld: apex (SOA 900 with minimum 300, NS a.nic.tld + ns.elsewhere.net, a.nic.tld A);
// sib.tld delegated to ns.host.tld (sibling glue under host.tld) and its own ns1.sib.tld;
// host.tld delegated with glue ns.host.tld; big.tld with 30 in-bailiwick servers (too big for
// 512); wide.tld whose only server (under host2.tld) has 30 AAAA (sibling glue too big).
std::shared_ptr<const ZoneSet> zones()
{
    ZoneEditor e(name("tld"));
    e.setNode(name("tld"), {{RRType::SOA, 900, {soaRdata()}},
                            {RRType::NS, 86400, {name("a.nic.tld").wire(), name("ns.elsewhere.net").wire()}}});
    e.setNode(name("a.nic.tld"), {{RRType::A, 3600, {v4(53)}}});
    e.setNode(name("sib.tld"), delegation({"ns1.sib.tld", "ns.host.tld"}));
    e.setNode(name("ns1.sib.tld"), {{RRType::A, 172800, {v4(1)}}});
    e.setNode(name("host.tld"), delegation({"ns.host.tld"}));
    e.setNode(name("ns.host.tld"), {{RRType::A, 172800, {v4(2)}}, {RRType::AAAA, 172800, {v6(2)}}});
    QList<QByteArray> many;
    for (int i = 0; i < 30; ++i) {
        const QByteArray host = "server-with-a-long-name-" + QByteArray::number(i) + ".big.tld";
        many.append(host);
        e.setNode(name(host.constData()), {{RRType::A, 172800, {v4(quint8(i))}}});
    }
    e.setNode(name("big.tld"), delegation(many));
    e.setNode(name("wide.tld"), delegation({"ns.host2.tld"}));
    e.setNode(name("host2.tld"), delegation({"ns.host2.tld"}));
    RRsetData aaaa{RRType::AAAA, 172800, {}};
    for (int i = 0; i < 30; ++i)
        aaaa.rdatas.append(v6(quint8(i)));
    e.setNode(name("ns.host2.tld"), {aaaa});
    e.setNode(name("signed.tld"), delegation({"ns.elsewhere.net"}) + QList<RRsetData>{{RRType::DS, 86400, {QByteArray::fromHex("303908020102")}}});
    return std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{e.finish(2026, 10)});
}

struct Asked
{
    DnsResponse response;
    DnsMessage message;
    QByteArray wire;
};

Asked ask(const QByteArray &query, DnsTransport transport = DnsTransport::Udp, const ZoneSet *set = nullptr, int maxUdp = 1232)
{
    static const std::shared_ptr<const ZoneSet> sample = zones();
    DnsResponder responder(maxUdp);
    ParsedRequest request;
    const auto *p = reinterpret_cast<const std::uint8_t *>(query.constData());
    const ParseStatus status = parseRequest(p, std::size_t(query.size()), request);
    std::vector<std::uint8_t> out(65535);
    Asked a;
    responder.respond(p, std::size_t(query.size()), status, request, set ? set : sample.get(), transport, out.data(), out.size(), a.response);
    a.wire = QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(a.response.size));
    if (a.response.size > 0) {
        reg::Result<DnsMessage> decoded = decodeMessage(a.wire);
        if (decoded)
            a.message = *decoded;
        else
            qWarning("undecodable answer: %s", qPrintable(decoded.error().message));
    }
    return a;
}

QByteArray query(const char *qname, std::uint16_t type, int edns = -1, std::uint16_t flags = 0, std::uint16_t klass = RRClass::IN,
                 std::uint16_t ednsFlags = 0, std::uint8_t version = 0)
{
    DnsPacketBuilder b;
    b.header(0x1234, flags, 1, 0, 0, edns >= 0 ? 1 : 0).question(QString::fromLatin1(qname), type, klass);
    if (edns >= 0)
        b.opt(std::uint16_t(edns), version, ednsFlags);
    return b.bytes();
}

QStringList texts(const QList<DnsRecord> &records, bool withoutOpt = true)
{
    QStringList out;
    for (const DnsRecord &r : records) {
        if (!withoutOpt || r.type != RRType::OPT)
            out << toText(r).replace(u'\t', u' ');
    }
    return out;
}

QStringList types(const QList<DnsRecord> &records)
{
    QStringList out;
    for (const DnsRecord &r : records)
        out << typeName(r.type);
    return out;
}

} // namespace

class tst_DnsResponder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void copiesIdAndRdNeverSetsRa()
    {
        const Asked a = ask(query("tld", RRType::SOA, -1, HeaderFlag::RD | HeaderFlag::CD));
        QCOMPARE(a.message.id, quint16(0x1234));
        QVERIFY(a.message.flags & HeaderFlag::QR);
        QVERIFY(a.message.flags & HeaderFlag::RD);
        QVERIFY(a.message.flags & HeaderFlag::CD);
        QVERIFY(!(a.message.flags & HeaderFlag::RA));
        QVERIFY(a.message.flags & HeaderFlag::AA);
        QCOMPARE(a.response.kind, RateLimiter::Kind::Answer);
    }

    void anyIsAnsweredMinimally()
    {
        const Asked apex = ask(query("tld", RRType::ANY));
        QCOMPARE(types(apex.message.answers), QStringList{QStringLiteral("SOA")});
        const Asked server = ask(query("a.nic.tld", RRType::ANY));
        QCOMPARE(types(server.message.answers), QStringList{QStringLiteral("A")});
        QVERIFY(server.message.flags & HeaderFlag::AA);
    }

    void nsAnswerCarriesInZoneServerAddresses()
    {
        const Asked a = ask(query("tld", RRType::NS));
        QCOMPARE(a.message.answers.size(), 2);
        QCOMPARE(texts(a.message.additional), QStringList{QStringLiteral("a.nic.tld. 3600 IN A 185.10.2.53")});
    }

    void referralAddsSiblingGlueWhenItFits()
    {
        const Asked a = ask(query("www.sib.tld", RRType::A));
        QCOMPARE(a.message.rcode(), Rcode::NoError);
        QVERIFY(!(a.message.flags & HeaderFlag::AA));
        QVERIFY(!(a.message.flags & HeaderFlag::TC));
        QVERIFY(a.message.answers.isEmpty());
        QCOMPARE(a.message.authority.size(), 2);
        QStringList glue = texts(a.message.additional);
        glue.sort();
        QCOMPARE(glue, (QStringList{QStringLiteral("ns.host.tld. 172800 IN A 185.10.2.2"), QStringLiteral("ns.host.tld. 172800 IN AAAA 2a01:4f8::2"),
                                    QStringLiteral("ns1.sib.tld. 172800 IN A 185.10.2.1")}));
        QVERIFY(a.response.referral);
        QCOMPARE(a.response.kind, RateLimiter::Kind::Referral);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(a.response.subject), qsizetype(a.response.subjectLength)), name("sib.tld").wire());
    }

    void requiredGlueThatDoesNotFitTruncates()
    {
        const Asked udp = ask(query("big.tld", RRType::NS));
        QVERIFY(udp.message.flags & HeaderFlag::TC);
        QVERIFY(udp.wire.size() <= 512);
        QCOMPARE(udp.message.questions.size(), 1);
        QVERIFY(udp.message.authority.isEmpty() && udp.message.additional.isEmpty());
        QVERIFY(udp.response.truncated);
        const Asked tcp = ask(query("big.tld", RRType::NS), DnsTransport::Tcp);
        QVERIFY(!(tcp.message.flags & HeaderFlag::TC));
        QCOMPARE(tcp.message.authority.size(), 30);
        QCOMPARE(tcp.message.additional.size(), 30);
    }

    void siblingGlueThatDoesNotFitIsLeftOut()
    {
        const Asked a = ask(query("wide.tld", RRType::NS));
        QVERIFY(!(a.message.flags & HeaderFlag::TC));
        QCOMPARE(a.message.authority.size(), 1);
        QVERIFY(a.wire.size() <= 512);
        QVERIFY(a.message.additional.size() < 30);
    }

    void dsAtTheCutIsAuthoritative()
    {
        const Asked ds = ask(query("signed.tld", RRType::DS));
        QVERIFY(ds.message.flags & HeaderFlag::AA);
        QCOMPARE(types(ds.message.answers), QStringList{QStringLiteral("DS")});
        const Asked none = ask(query("sib.tld", RRType::DS));
        QVERIFY(none.message.flags & HeaderFlag::AA);
        QVERIFY(none.message.answers.isEmpty());
        QCOMPARE(types(none.message.authority), QStringList{QStringLiteral("SOA")});
        // DS below a cut is the child's business: a referral.
        const Asked below = ask(query("x.signed.tld", RRType::DS));
        QVERIFY(below.response.referral);
    }

    void negativeAnswersCarryTheSoaWithTheMinimumTtl()
    {
        const Asked nx = ask(query("nothing.tld", RRType::A));
        QCOMPARE(nx.message.rcode(), Rcode::NXDomain);
        QVERIFY(nx.message.flags & HeaderFlag::AA);
        QCOMPARE(nx.message.authority.size(), 1);
        QCOMPARE(nx.message.authority[0].ttl, 300u);
        QCOMPARE(nx.response.kind, RateLimiter::Kind::NxDomain);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(nx.response.subject), qsizetype(nx.response.subjectLength)), name("tld").wire());
        const Asked nodata = ask(query("a.nic.tld", RRType::AAAA));
        QCOMPARE(nodata.message.rcode(), Rcode::NoError);
        QVERIFY(nodata.message.answers.isEmpty());
        QCOMPARE(nodata.message.authority[0].ttl, 300u);
        QCOMPARE(nodata.response.kind, RateLimiter::Kind::NoData);
        // nic.tld exists only because a.nic.tld does: an empty non-terminal, NODATA not NXDOMAIN.
        const Asked ent = ask(query("nic.tld", RRType::A));
        QCOMPARE(ent.message.rcode(), Rcode::NoError);
        QCOMPARE(types(ent.message.authority), QStringList{QStringLiteral("SOA")});
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("packet");
        QTest::addColumn<int>("rcode");
        QTest::newRow("outside") << query("example.com", RRType::A) << int(Rcode::Refused);
        QTest::newRow("root") << query(".", RRType::NS) << int(Rcode::Refused);
        QTest::newRow("chaos") << query("version.bind", RRType::TXT, -1, 0, RRClass::CH) << int(Rcode::Refused);
        QTest::newRow("class any") << query("tld", RRType::SOA, -1, 0, RRClass::ANY) << int(Rcode::Refused);
        QTest::newRow("axfr over udp") << query("tld", RRType::AXFR) << int(Rcode::Refused);
        QTest::newRow("notify") << query("tld", RRType::SOA, -1, std::uint16_t(Opcode::Notify << 11)) << int(Rcode::NotImp);
        QTest::newRow("update") << query("tld", RRType::SOA, -1, std::uint16_t(Opcode::Update << 11)) << int(Rcode::NotImp);
        QTest::newRow("no question") << DnsPacketBuilder().header(0x1234, 0, 0, 0, 0, 0).bytes() << int(Rcode::FormErr);
        QTest::newRow("tsig as qtype") << query("tld", RRType::TSIG) << int(Rcode::FormErr);
        QTest::newRow("edns version 1") << query("tld", RRType::SOA, 1232, 0, RRClass::IN, 0, 1) << int(Rcode::BadVers);
    }

    void refusals()
    {
        QFETCH(QByteArray, packet);
        QFETCH(int, rcode);
        const Asked a = ask(packet);
        QCOMPARE(a.message.id, quint16(0x1234));
        QCOMPARE(int(a.message.rcode()), rcode);
        QCOMPARE(int(a.response.rcode), rcode);
        QVERIFY(!(a.message.flags & HeaderFlag::AA));
        QVERIFY(a.message.answers.isEmpty());
    }

    void noZonesYetRefusesEverything()
    {
        const ZoneSet empty;
        QCOMPARE(ask(query("tld", RRType::SOA), DnsTransport::Udp, &empty).message.rcode(), Rcode::Refused);
    }

    void transfersOverUdpAndWithoutATransferService()
    {
        // RFC 1995: the client's SOA travels in the authority section.
        const QByteArray ixfrQuery = DnsPacketBuilder().header(0x1234, 0, 1, 0, 1, 0).question(QStringLiteral("tld"), RRType::IXFR)
                                         .name(QStringLiteral("tld")).recordTail(RRType::SOA, RRClass::IN, 900, soaRdata()).bytes();
        const Asked ixfr = ask(ixfrQuery);
        QCOMPARE(types(ixfr.message.answers), QStringList{QStringLiteral("SOA")});
        QVERIFY(ixfr.message.flags & HeaderFlag::AA);
        QCOMPARE(ask(query("tld", RRType::AXFR), DnsTransport::Tcp).message.rcode(), Rcode::Refused);
        QCOMPARE(ask(ixfrQuery, DnsTransport::Tcp).message.rcode(), Rcode::Refused);
    }

    void ednsAnswersWithOptAndCopiesDo()
    {
        const Asked a = ask(query("tld", RRType::SOA, 4096, 0, RRClass::IN, kEdnsDoBit), DnsTransport::Udp, nullptr, 1400);
        const DnsRecord *opt = a.message.opt();
        QVERIFY(opt);
        QCOMPARE(opt->udpPayloadSize(), quint16(1400));
        QCOMPARE(opt->ednsVersion(), quint8(0));
        QCOMPARE(opt->ednsFlags() & kEdnsDoBit, int(kEdnsDoBit));
        QVERIFY(!ask(query("tld", RRType::SOA)).message.opt());
        // BADVERS travels in the OPT's extended RCODE bits.
        const Asked bad = ask(query("tld", RRType::SOA, 1232, 0, RRClass::IN, 0, 3));
        QVERIFY(bad.message.opt());
        QCOMPARE(bad.message.opt()->extendedRcode(), quint8(1));
        QCOMPARE(bad.message.flags & 0x0F, 0);
    }

    void sizeLimitsFollowTransportAndEdns()
    {
        DnsResponder responder(1232);
        ParsedRequest r;
        QCOMPARE(responder.answerLimit(r, DnsTransport::Udp), std::size_t(512));
        QCOMPARE(responder.answerLimit(r, DnsTransport::Tcp), std::size_t(65535));
        r.hasEdns = true;
        r.ednsUdpSize = 100;
        QCOMPARE(responder.answerLimit(r, DnsTransport::Udp), std::size_t(512));
        r.ednsUdpSize = 900;
        QCOMPARE(responder.answerLimit(r, DnsTransport::Udp), std::size_t(900));
        r.ednsUdpSize = 65000;
        QCOMPARE(responder.answerLimit(r, DnsTransport::Udp), std::size_t(1232));
        // And the answers keep to them: the big referral fits 1232 truncated only without EDNS.
        QVERIFY(ask(query("big.tld", RRType::NS, 512)).message.flags & HeaderFlag::TC);
    }

    void caseOfTheQuestionIsPreserved()
    {
        const Asked a = ask(query("WwW.SiB.TlD", RRType::A));
        QCOMPARE(a.message.questions.value(0).name.toText(), QStringLiteral("WwW.SiB.TlD."));
        // The NS owner points into the question, so it carries the client's spelling.
        QCOMPARE(a.message.authority.value(0).owner.toText(), QStringLiteral("SiB.TlD."));
    }

    void responsesAndRuntsAreNotAnswered()
    {
        QCOMPARE(ask(QByteArray::fromHex("0102030405")).response.size, std::size_t(0));
        QCOMPARE(ask(query("tld", RRType::SOA, -1, HeaderFlag::QR)).response.size, std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(tst_DnsResponder)
#include "tst_dnsresponder.moc"
