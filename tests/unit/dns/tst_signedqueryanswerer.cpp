// SignedQueryAnswerer over a real zone: signed requests made by the project's client-side TSIG,
// answers decoded with the general message decoder and checked by the same client session.
#include "dnspacketbuilder.h"

#include "dns/dnsresponder.h"
#include "dns/messagedecoder.h"
#include "dns/messageparser.h"
#include "dns/signedqueryanswerer.h"
#include "dns/tsig.h"
#include "dns/zone.h"

#include "core/clock.h"

#include <QTest>

#include <vector>

using namespace reg;
using namespace reg::dns;

namespace {

const QByteArray kSecret = QByteArray::fromBase64("c2VjcmV0LWtleS1vZi10aGlydHktdHdvLWJ5dGVzLiE=");   // 32 bytes
const QDateTime kNow(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);

DnsName name(const char *text)
{
    return *DnsName::fromText(QString::fromLatin1(text));
}

TsigKey key(const char *keyName, const QByteArray &secret)
{
    return TsigKey{name(keyName).lowered(), TsigAlgorithm::HmacSha256, secret};
}

std::uint64_t seconds(const QDateTime &at)
{
    return std::uint64_t(at.toSecsSinceEpoch());
}

// tld: apex SOA and NS; many.tld with 40 A records (640 bytes of RDATA: more than 512).
std::shared_ptr<const ZoneSet> zones()
{
    QByteArray soa = name("a.nic.tld").wire() + name("hostmaster.nic.tld").wire();
    for (std::uint32_t v : {2026u, 1800u, 900u, 1209600u, 300u})
        soa.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
    ZoneEditor e(name("tld"));
    e.setNode(name("tld"), {{RRType::SOA, 900, {soa}}, {RRType::NS, 86400, {name("a.nic.tld").wire()}}});
    RRsetData many{RRType::A, 3600, {}};
    for (int i = 0; i < 40; ++i)
        many.rdatas.append(QByteArray::fromHex("c00002") + char(i));   // 192.0.2.i
    e.setNode(name("many.tld"), {many});
    return std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{e.finish(2026, 10)});
}

struct Exchange
{
    TsigSession client = TsigSession::forClient(key("registry-xfr", kSecret));
    QByteArray request;
    std::size_t requestTsigOffset = 0;
    DnsResponse response;
    QByteArray answer;
    DnsMessage message;
    TsigRecord tsig;          // the answer's TSIG record
    bool hasTsig = false;
    std::size_t answerTsigOffset = 0;
};

// Signs "qname qtype" with signingKey at signedAt, hands it to an answerer with keyring, decodes the answer.
void exchange(Exchange &x, const char *qname, std::uint16_t qtype, DnsTransport transport, const TsigKeyring &keyring,
              const TsigKey &signingKey, const QDateTime &signedAt = kNow, int corruptMacSize = -1)
{
    static const std::shared_ptr<const ZoneSet> sample = zones();
    x.client = TsigSession::forClient(signingKey);
    QByteArray query = DnsPacketBuilder().header(0x4242, 0x0100, 1, 0, 0, 0).question(QString::fromLatin1(qname), qtype).bytes();
    x.requestTsigOffset = std::size_t(query.size());
    query.resize(query.size() + qsizetype(x.client.recordSpace()));
    const std::size_t signedSize = x.client.sign(reinterpret_cast<std::uint8_t *>(query.data()), x.requestTsigOffset,
                                                 std::size_t(query.size()), seconds(signedAt));
    QVERIFY(signedSize > x.requestTsigOffset);
    query.resize(qsizetype(signedSize));
    if (corruptMacSize >= 0) {
        const qsizetype macSizeAt = qsizetype(x.requestTsigOffset) + qsizetype(signingKey.name.size()) + 10 + 13 + 8;
        query[macSizeAt] = char(corruptMacSize >> 8);
        query[macSizeAt + 1] = char(corruptMacSize & 0xff);
    }
    x.request = query;

    ManualClock clock(kNow);
    DnsResponder responder(1232);
    SignedQueryAnswerer answerer(responder, std::make_shared<const TsigKeyring>(keyring), clock);
    ParsedRequest request;
    const auto *p = reinterpret_cast<const std::uint8_t *>(query.constData());
    const ParseStatus status = parseRequest(p, std::size_t(query.size()), request);
    QVERIFY(status == ParseStatus::Ok);
    QCOMPARE(request.tsigOffset, x.requestTsigOffset);
    std::vector<std::uint8_t> out(65535);
    answerer.respond(p, std::size_t(query.size()), status, request, sample.get(), transport, out.data(), out.size(), x.response);
    QVERIFY(x.response.size > 0);
    x.answer = QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(x.response.size));
    Result<DnsMessage> decoded = decodeMessage(x.answer);
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
    x.message = *decoded;
    if (const DnsRecord *t = x.message.tsig()) {
        x.answerTsigOffset = t->offset;
        x.hasTsig = parseTsigRecord(reinterpret_cast<const std::uint8_t *>(x.answer.constData()), std::size_t(x.answer.size()),
                                    t->offset, x.tsig);
        QVERIFY(x.hasTsig);
    }
}

TsigSession::Check clientCheck(Exchange &x)
{
    return x.client.verifyResponse(reinterpret_cast<const std::uint8_t *>(x.answer.constData()), std::size_t(x.answer.size()),
                                   x.answerTsigOffset, seconds(kNow));
}

} // namespace

class tst_SignedQueryAnswerer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodSignatureGetsASignedAnswer_data();
    void goodSignatureGetsASignedAnswer();
    void answerAndTsigOverUdpLimitIsTruncatedAndSigned();
    void failures_data();
    void failures();
    void unreadableTsigGetsFormErrUnsigned();
};

void tst_SignedQueryAnswerer::goodSignatureGetsASignedAnswer_data()
{
    QTest::addColumn<bool>("tcp");
    QTest::newRow("udp") << false;
    QTest::newRow("tcp") << true;
}

void tst_SignedQueryAnswerer::goodSignatureGetsASignedAnswer()
{
    QFETCH(bool, tcp);
    Exchange x;
    const TsigKey k = key("registry-xfr", kSecret);
    exchange(x, "tld", RRType::SOA, tcp ? DnsTransport::Tcp : DnsTransport::Udp, TsigKeyring({k}), k);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(x.message.id, std::uint16_t(0x4242));
    QCOMPARE(x.message.rcode(), Rcode::NoError);
    QVERIFY(x.message.flags & HeaderFlag::AA);
    QCOMPARE(x.message.answers.size(), qsizetype(1));
    QCOMPARE(x.message.answers.at(0).type, RRType::SOA);
    QVERIFY(x.hasTsig);
    QCOMPARE(x.tsig.error, std::uint16_t(0));
    QCOMPARE(x.tsig.mac.size(), qsizetype(32));
    QCOMPARE(clientCheck(x), TsigSession::Check::Ok);
}

void tst_SignedQueryAnswerer::answerAndTsigOverUdpLimitIsTruncatedAndSigned()
{
    const TsigKey k = key("registry-xfr", kSecret);
    Exchange udp;
    exchange(udp, "many.tld", RRType::A, DnsTransport::Udp, TsigKeyring({k}), k);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(udp.answer.size() <= 512);   // no EDNS: RFC 1035's 512 bytes, TSIG included
    QVERIFY(udp.message.flags & HeaderFlag::TC);
    QVERIFY(udp.message.answers.isEmpty());
    QCOMPARE(clientCheck(udp), TsigSession::Check::Ok);

    Exchange tcp;
    exchange(tcp, "many.tld", RRType::A, DnsTransport::Tcp, TsigKeyring({k}), k);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!(tcp.message.flags & HeaderFlag::TC));
    QCOMPARE(tcp.message.answers.size(), qsizetype(40));
    QCOMPARE(clientCheck(tcp), TsigSession::Check::Ok);
}

void tst_SignedQueryAnswerer::failures_data()
{
    QTest::addColumn<QString>("signingKey");
    QTest::addColumn<QByteArray>("signingSecret");
    QTest::addColumn<bool>("emptyKeyring");
    QTest::addColumn<int>("skewSeconds");
    QTest::addColumn<std::uint16_t>("tsigError");
    QTest::addColumn<bool>("macPresent");
    QTest::newRow("wrong-secret") << QStringLiteral("registry-xfr") << QByteArray(32, 'w') << false << 0 << Rcode::BadSig << false;
    QTest::newRow("unknown-key") << QStringLiteral("other-key") << kSecret << false << 0 << Rcode::BadKey << false;
    QTest::newRow("no-keyring") << QStringLiteral("registry-xfr") << kSecret << true << 0 << Rcode::BadKey << false;
    // 5.2.3: BADTIME is signed, so the client can trust our time in Other Data.
    QTest::newRow("clock-skew") << QStringLiteral("registry-xfr") << kSecret << false << 3600 << Rcode::BadTime << true;
}

void tst_SignedQueryAnswerer::failures()
{
    QFETCH(QString, signingKey);
    QFETCH(QByteArray, signingSecret);
    QFETCH(bool, emptyKeyring);
    QFETCH(int, skewSeconds);
    QFETCH(std::uint16_t, tsigError);
    QFETCH(bool, macPresent);
    const TsigKeyring keyring = emptyKeyring ? TsigKeyring() : TsigKeyring({key("registry-xfr", kSecret)});
    Exchange x;
    exchange(x, "tld", RRType::SOA, DnsTransport::Udp, keyring, key(signingKey.toLatin1().constData(), signingSecret),
             kNow.addSecs(skewSeconds));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(x.message.rcode(), Rcode::NotAuth);
    QVERIFY(x.message.answers.isEmpty() && x.message.authority.isEmpty());
    QCOMPARE(x.message.questions.size(), qsizetype(1));
    QVERIFY(x.hasTsig);
    QCOMPARE(x.tsig.error, tsigError);
    QCOMPARE(x.tsig.keyName, key(signingKey.toLatin1().constData(), signingSecret).name.wire());
    QCOMPARE(!x.tsig.mac.isEmpty(), macPresent);
    if (macPresent)
        QCOMPARE(x.tsig.otherData.size(), qsizetype(6));   // our time
}

void tst_SignedQueryAnswerer::unreadableTsigGetsFormErrUnsigned()
{
    const TsigKey k = key("registry-xfr", kSecret);
    Exchange x;
    exchange(x, "tld", RRType::SOA, DnsTransport::Udp, TsigKeyring({k}), k, kNow, 0x7fff);   // MAC size past the record
    QCOMPARE(x.message.rcode(), Rcode::FormErr);
    QVERIFY(x.message.answers.isEmpty());
    QVERIFY(!x.message.tsig());
}

QTEST_GUILESS_MAIN(tst_SignedQueryAnswerer)
#include "tst_signedqueryanswerer.moc"
