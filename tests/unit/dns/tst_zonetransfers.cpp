#include "dns/messagedecoder.h"
#include "dns/messageparser.h"
#include "dns/zone.h"
#include "dns/zonetransferservice.h"

#include <QTest>

#include <algorithm>
#include <set>

using namespace reg;
using namespace reg::dns;

namespace {

const QByteArray kSecret = QByteArray("0123456789abcdef0123456789abcdef");

DnsName name(const QString &text) { return DnsName::fromText(text).value().lowered(); }

QByteArray soaRdata(std::uint32_t serial)
{
    QByteArray r = name(QStringLiteral("ns1.nic.tld")).wire() + name(QStringLiteral("hostmaster.nic.tld")).wire();
    for (std::uint32_t v : {serial, 1800u, 900u, 1209600u, 900u}) {
        r.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
    }
    return r;
}

QList<RRsetData> apexSets(std::uint32_t serial)
{
    return {{RRType::SOA, 900, {soaRdata(serial)}},
            {RRType::NS, 172800, {name(QStringLiteral("ns1.nic.tld")).wire(), name(QStringLiteral("ns2.elsewhere.net")).wire()}}};
}

QList<RRsetData> delegation(int i)
{
    return {{RRType::NS, 172800,
             {name(QStringLiteral("ns1.provider-%1.net").arg(i % 97)).wire(), name(QStringLiteral("ns2.provider-%1.net").arg(i % 97)).wire()}}};
}

// A zone "tld." with `count` delegations: big enough for several 64 KiB messages when count is large.
std::shared_ptr<const Zone> makeZone(int count, std::uint32_t serial)
{
    ZoneEditor editor(name(QStringLiteral("tld")));
    editor.setNode(name(QStringLiteral("tld")), apexSets(serial));
    for (int i = 0; i < count; ++i)
        editor.setNode(name(QStringLiteral("domain-%1.tld").arg(i)), delegation(i));
    editor.setNode(name(QStringLiteral("glued.tld")), {{RRType::NS, 172800, {name(QStringLiteral("ns.glued.tld")).wire()}}});
    editor.setNode(name(QStringLiteral("ns.glued.tld")), {{RRType::A, 172800, {QByteArray("\xc0\x00\x02\x01", 4)}}});
    return editor.finish(serial, 100);
}

struct Request
{
    QByteArray wire;
    ParsedRequest parsed;
    std::unique_ptr<TsigSession> tsig;
};

// An AXFR or IXFR request for `zone`, signed with key when given.
Request makeRequest(std::uint16_t type, const char *zone, const TsigKey *key, std::uint32_t ixfrSerial = 0)
{
    Request r;
    QByteArray m = QByteArray::fromHex("4242 0000 0001 0000") + (type == RRType::IXFR ? QByteArray::fromHex("0001") : QByteArray::fromHex("0000"))
                   + QByteArray::fromHex("0000");
    const QByteArray qname = DnsName::fromText(QString::fromLatin1(zone)).value().wire();
    m.append(qname).append(char(type >> 8)).append(char(type & 0xff)).append(QByteArray::fromHex("0001"));
    if (type == RRType::IXFR) {
        const QByteArray soa = soaRdata(ixfrSerial);
        m.append(qname).append(QByteArray::fromHex("0006 0001 00000384")).append(char(soa.size() >> 8)).append(char(soa.size() & 0xff)).append(soa);
    }
    if (key) {
        r.tsig = std::make_unique<TsigSession>(TsigSession::forClient(*key));
        const std::size_t size = std::size_t(m.size());
        m.resize(m.size() + qsizetype(r.tsig->recordSpace()));
        m.resize(qsizetype(r.tsig->sign(reinterpret_cast<std::uint8_t *>(m.data()), size, std::size_t(m.size()),
                                         std::uint64_t(QDateTime::currentSecsSinceEpoch()))));
    }
    r.wire = m;
    const ParseStatus status = parseRequest(reinterpret_cast<const std::uint8_t *>(r.wire.constData()), std::size_t(r.wire.size()), r.parsed);
    Q_ASSERT(status == ParseStatus::Ok);
    return r;
}

QList<QByteArray> drain(TransferStream &stream)
{
    QList<QByteArray> messages;
    QByteArray message;
    while (stream.next(message) && messages.size() < 100000)
        messages.append(message);
    return messages;
}

// Names compress against the question's spelling ("TLD."), so compare case-insensitively.
QString recordKey(const DnsRecord &r) { return toText(r).toLower(); }

} // namespace

class tst_ZoneTransfers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void axfrIsCompleteSignedAndFramedBySoa();
    void refusals_data();
    void refusals();
    void badSignatureIsNotauthWithTheTsigError();
    void ixfrSendsOnlyTheDifferences();
    void ixfrOfACurrentClientIsTheSoaAlone();
    void ixfrBeyondHistoryIsTheWholeZone();
    void streamKeepsItsVersionWhileNewerArePublished();
    void keyringChecksNotifyKey();
    void notATransferIsLeftToTheResponder();

private:
    DnsConfig config() const
    {
        DnsConfig c;
        c.transferAllowed = {QHostAddress(QStringLiteral("127.0.0.1")), QHostAddress(QStringLiteral("::1"))};
        c.requireTsig = true;
        return c;
    }
    TsigKey m_key;
    std::shared_ptr<const TsigKeyring> m_ring;
    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
};

void tst_ZoneTransfers::initTestCase()
{
    m_key = TsigKey{name(QStringLiteral("registry-xfr")), TsigAlgorithm::HmacSha256, kSecret};
    m_ring = std::make_shared<const TsigKeyring>(QList<TsigKey>{m_key});
}

void tst_ZoneTransfers::axfrIsCompleteSignedAndFramedBySoa()
{
    const int count = 6000;
    const auto zone = makeZone(count, 7);
    const auto zones = std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{zone});
    ZoneTransfers service(config(), m_ring, m_clock);
    Request request = makeRequest(RRType::AXFR, "TLD.", &m_key);
    auto stream = service.start(reinterpret_cast<const std::uint8_t *>(request.wire.constData()), std::size_t(request.wire.size()),
                                request.parsed, QHostAddress(QStringLiteral("127.0.0.1")), zones);
    QVERIFY(stream);
    const QList<QByteArray> messages = drain(*stream);
    QVERIFY2(messages.size() > 1, "6000 delegations need more than one 64 KiB message");

    QList<DnsRecord> records;
    for (int i = 0; i < messages.size(); ++i) {
        const QByteArray &m = messages.at(i);
        QVERIFY(m.size() <= 65535);
        Result<DnsMessage> decoded = decodeMessage(m);
        QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().message));
        QCOMPARE(decoded->id, std::uint16_t(0x4242));
        QCOMPARE(decoded->rcode(), Rcode::NoError);
        QVERIFY(decoded->flags & HeaderFlag::AA);
        QCOMPARE(decoded->questions.size(), i == 0 ? 1 : 0);
        if (i == 0)
            QCOMPARE(decoded->questions.first().name.toText(), QStringLiteral("TLD."));   // as asked
        const DnsRecord *tsig = decoded->tsig();
        QVERIFY(tsig);
        QCOMPARE(request.tsig->verifyResponse(reinterpret_cast<const std::uint8_t *>(m.constData()), std::size_t(m.size()), tsig->offset,
                                              std::uint64_t(QDateTime::currentSecsSinceEpoch())),
                 TsigSession::Check::Ok);
        records.append(decoded->answers);
    }
    QVERIFY(records.size() > 2);
    QCOMPARE(records.first().type, RRType::SOA);
    QCOMPARE(records.last().type, RRType::SOA);
    QCOMPARE(records.first().soa()->serial, 7u);

    // Every record of the zone exactly once, between the SOAs.
    std::multiset<QString> expected;
    expected.insert(recordToText(zone->apex(), 900, RRClass::IN, RRType::SOA, soaRdata(7)).toLower());
    for (const ZoneRecord &r : zone->apexNode().records())
        expected.insert(recordToText(r.owner, r.ttl, RRClass::IN, r.type, r.rdata).toLower());
    zone->forEachNode([&](const ZoneNode &node) {
        for (const ZoneRecord &r : node.records())
            expected.insert(recordToText(r.owner, r.ttl, RRClass::IN, r.type, r.rdata).toLower());
    });
    std::multiset<QString> got;
    for (const DnsRecord &r : records)
        got.insert(recordKey(r));
    QCOMPARE(int(got.size()), int(expected.size()));
    std::vector<QString> missing;
    std::set_difference(expected.begin(), expected.end(), got.begin(), got.end(), std::back_inserter(missing));
    QVERIFY2(got == expected, qPrintable(missing.empty() ? QString() : missing.front() + QStringLiteral(" missing; got e.g. ") + *got.begin()));
    QCOMPARE(int(records.size()), 2 * count + 2 + 2 + 2);   // delegations, apex NS, glued NS + A, SOA twice
}

void tst_ZoneTransfers::refusals_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<bool>("sign");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("rcode");
    QTest::newRow("unlisted-address") << QStringLiteral("127.0.0.2") << true << QStringLiteral("tld.") << int(Rcode::Refused);
    QTest::newRow("unsigned") << QStringLiteral("127.0.0.1") << false << QStringLiteral("tld.") << int(Rcode::Refused);
    QTest::newRow("not-our-zone") << QStringLiteral("127.0.0.1") << true << QStringLiteral("other.") << int(Rcode::NotAuth);
    QTest::newRow("below-the-apex") << QStringLiteral("::1") << true << QStringLiteral("domain-1.tld.") << int(Rcode::NotAuth);
    QTest::newRow("v4-mapped-listed") << QStringLiteral("::ffff:127.0.0.1") << true << QStringLiteral("tld.") << int(Rcode::NoError);
}

void tst_ZoneTransfers::refusals()
{
    QFETCH(QString, peer);
    QFETCH(bool, sign);
    QFETCH(QString, zone);
    QFETCH(int, rcode);
    const auto zones = std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{makeZone(3, 2)});
    ZoneTransfers service(config(), m_ring, m_clock);
    const QByteArray zoneName = zone.toLatin1();
    Request request = makeRequest(RRType::AXFR, zoneName.constData(), sign ? &m_key : nullptr);
    auto stream = service.start(reinterpret_cast<const std::uint8_t *>(request.wire.constData()), std::size_t(request.wire.size()),
                                request.parsed, QHostAddress(peer), zones);
    QVERIFY(stream);
    const QList<QByteArray> messages = drain(*stream);
    QVERIFY(!messages.isEmpty());
    Result<DnsMessage> decoded = decodeMessage(messages.first());
    QVERIFY(decoded);
    QCOMPARE(int(decoded->rcode()), rcode);
    if (rcode != Rcode::NoError) {
        QCOMPARE(messages.size(), 1);
        QVERIFY(decoded->answers.isEmpty());
    }
}

void tst_ZoneTransfers::badSignatureIsNotauthWithTheTsigError()
{
    const auto zones = std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{makeZone(3, 2)});
    ZoneTransfers service(config(), m_ring, m_clock);

    const TsigKey wrongSecret{m_key.name, TsigAlgorithm::HmacSha256, QByteArray(32, 'w')};
    const TsigKey otherName{name(QStringLiteral("other-key")), TsigAlgorithm::HmacSha256, kSecret};
    for (const auto &[key, error] : {std::pair{&wrongSecret, Rcode::BadSig}, std::pair{&otherName, Rcode::BadKey}}) {
        Request request = makeRequest(RRType::AXFR, "tld.", key);
        auto stream = service.start(reinterpret_cast<const std::uint8_t *>(request.wire.constData()), std::size_t(request.wire.size()),
                                    request.parsed, QHostAddress(QStringLiteral("127.0.0.1")), zones);
        const QList<QByteArray> messages = drain(*stream);
        QCOMPARE(messages.size(), 1);
        Result<DnsMessage> decoded = decodeMessage(messages.first());
        QVERIFY(decoded);
        QCOMPARE(decoded->rcode(), Rcode::NotAuth);
        QVERIFY(decoded->answers.isEmpty());
        QVERIFY(decoded->tsig());
        QCOMPARE(decoded->tsig()->tsig()->error, error);
        QVERIFY(decoded->tsig()->tsig()->mac.isEmpty());   // 5.3.2: unsigned
    }
    // A request signed five minutes and more ago: BADTIME, signed so the client can trust our time.
    Request request = makeRequest(RRType::AXFR, "tld.", &m_key);
    ManualClock late(QDateTime::currentDateTimeUtc().addSecs(TsigSession::kFudge + 60));
    ZoneTransfers lateService(config(), m_ring, late);
    auto stream = lateService.start(reinterpret_cast<const std::uint8_t *>(request.wire.constData()), std::size_t(request.wire.size()),
                                    request.parsed, QHostAddress(QStringLiteral("127.0.0.1")), zones);
    const QList<QByteArray> messages = drain(*stream);
    QCOMPARE(messages.size(), 1);
    Result<DnsMessage> decoded = decodeMessage(messages.first());
    QVERIFY(decoded);
    QCOMPARE(decoded->rcode(), Rcode::NotAuth);
    QCOMPARE(decoded->tsig()->tsig()->error, Rcode::BadTime);
    QCOMPARE(request.tsig->verifyResponse(reinterpret_cast<const std::uint8_t *>(messages.first().constData()),
                                          std::size_t(messages.first().size()), decoded->tsig()->offset,
                                          std::uint64_t(QDateTime::currentSecsSinceEpoch())),
             TsigSession::Check::Ok);
}

void tst_ZoneTransfers::ixfrSendsOnlyTheDifferences()
{
    const auto v1 = makeZone(50, 10);
    ZoneEditor e2(v1);
    e2.setNode(name(QStringLiteral("new-one.tld")), delegation(1000));
    e2.setNode(name(QStringLiteral("domain-3.tld")), {});   // removed
    const auto v2 = e2.finish(11, 100);
    ZoneEditor e3(v2);
    e3.setNode(name(QStringLiteral("domain-4.tld")), delegation(2000));   // changed NS
    const auto v3 = e3.finish(12, 100);
    const auto zones = std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{v3});

    ZoneTransfers service(config(), m_ring, m_clock);
    Request request = makeRequest(RRType::IXFR, "tld.", &m_key, 10);
    auto stream = service.start(reinterpret_cast<const std::uint8_t *>(request.wire.constData()), std::size_t(request.wire.size()),
                                request.parsed, QHostAddress(QStringLiteral("127.0.0.1")), zones);
    const QList<QByteArray> messages = drain(*stream);
    QCOMPARE(messages.size(), 1);
    Result<DnsMessage> decoded = decodeMessage(messages.first());
    QVERIFY(decoded);
    QCOMPARE(decoded->rcode(), Rcode::NoError);
    QCOMPARE(request.tsig->verifyResponse(reinterpret_cast<const std::uint8_t *>(messages.first().constData()),
                                          std::size_t(messages.first().size()), decoded->tsig()->offset,
                                          std::uint64_t(QDateTime::currentSecsSinceEpoch())),
             TsigSession::Check::Ok);
    QStringList got;
    for (const DnsRecord &r : decoded->answers)
        got << (r.type == RRType::SOA ? QStringLiteral("SOA %1").arg(r.soa()->serial) : r.owner.toText() + QLatin1Char(' ') + typeName(r.type));
    const QStringList expected{
        QStringLiteral("SOA 12"),
        QStringLiteral("SOA 10"), QStringLiteral("domain-3.tld. NS"), QStringLiteral("domain-3.tld. NS"),
        QStringLiteral("SOA 11"), QStringLiteral("new-one.tld. NS"), QStringLiteral("new-one.tld. NS"),
        QStringLiteral("SOA 11"), QStringLiteral("domain-4.tld. NS"), QStringLiteral("domain-4.tld. NS"),
        QStringLiteral("SOA 12"), QStringLiteral("domain-4.tld. NS"), QStringLiteral("domain-4.tld. NS"),
        QStringLiteral("SOA 12")};
    QCOMPARE(got, expected);

    // From the middle of the history: just the last delta.
    Request fromMiddle = makeRequest(RRType::IXFR, "tld.", &m_key, 11);
    auto stream2 = service.start(reinterpret_cast<const std::uint8_t *>(fromMiddle.wire.constData()), std::size_t(fromMiddle.wire.size()),
                                 fromMiddle.parsed, QHostAddress(QStringLiteral("127.0.0.1")), zones);
    Result<DnsMessage> second = decodeMessage(drain(*stream2).first());
    QVERIFY(second);
    QCOMPARE(second->answers.size(), 1 + 1 + 2 + 1 + 2 + 1);
}

void tst_ZoneTransfers::ixfrOfACurrentClientIsTheSoaAlone()
{
    const auto zones = std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{makeZone(20, 5)});
    ZoneTransfers service(config(), m_ring, m_clock);
    for (std::uint32_t clientSerial : {5u, 6u}) {
        Request request = makeRequest(RRType::IXFR, "tld.", &m_key, clientSerial);
        auto stream = service.start(reinterpret_cast<const std::uint8_t *>(request.wire.constData()), std::size_t(request.wire.size()),
                                    request.parsed, QHostAddress(QStringLiteral("127.0.0.1")), zones);
        const QList<QByteArray> messages = drain(*stream);
        QCOMPARE(messages.size(), 1);
        Result<DnsMessage> decoded = decodeMessage(messages.first());
        QVERIFY(decoded);
        QCOMPARE(decoded->answers.size(), 1);
        QCOMPARE(decoded->answers.first().soa()->serial, 5u);
    }
}

void tst_ZoneTransfers::ixfrBeyondHistoryIsTheWholeZone()
{
    const auto zones = std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{makeZone(20, 5)});
    ZoneTransfers service(config(), m_ring, m_clock);
    Request request = makeRequest(RRType::IXFR, "tld.", &m_key, 2);
    auto stream = service.start(reinterpret_cast<const std::uint8_t *>(request.wire.constData()), std::size_t(request.wire.size()),
                                request.parsed, QHostAddress(QStringLiteral("127.0.0.1")), zones);
    Result<DnsMessage> decoded = decodeMessage(drain(*stream).first());
    QVERIFY(decoded);
    // RFC 1995 4: the AXFR form, SOA first and last and every record once.
    QCOMPARE(decoded->answers.size(), 2 * 20 + 2 + 2 + 2);
    QCOMPARE(decoded->answers.first().type, RRType::SOA);
    QCOMPARE(decoded->answers.last().type, RRType::SOA);
    QCOMPARE(decoded->answers.at(1).type == RRType::SOA, false);
}

void tst_ZoneTransfers::streamKeepsItsVersionWhileNewerArePublished()
{
    auto zone = makeZone(6000, 1);
    auto zones = std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{zone});
    ZoneTransfers service(config(), m_ring, m_clock);
    Request request = makeRequest(RRType::AXFR, "tld.", &m_key);
    auto stream = service.start(reinterpret_cast<const std::uint8_t *>(request.wire.constData()), std::size_t(request.wire.size()),
                                request.parsed, QHostAddress(QStringLiteral("127.0.0.1")), zones);
    QByteArray first;
    QVERIFY(stream->next(first));
    // The server drops every reference to the old version: the stream still owns it.
    ZoneEditor editor(zone);
    editor.setNode(name(QStringLiteral("domain-5999.tld")), {});
    zones = std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{editor.finish(2, 10)});
    zone.reset();
    int total = decodeMessage(first)->answers.size();
    std::uint32_t lastSerial = 0;
    for (const QByteArray &m : drain(*stream)) {
        Result<DnsMessage> decoded = decodeMessage(m);
        QVERIFY(decoded);
        total += decoded->answers.size();
        if (!decoded->answers.isEmpty() && decoded->answers.last().type == RRType::SOA)
            lastSerial = decoded->answers.last().soa()->serial;
    }
    QCOMPARE(total, 2 * 6000 + 2 + 2 + 2);
    QCOMPARE(lastSerial, 1u);
}

void tst_ZoneTransfers::keyringChecksNotifyKey()
{
    DnsConfig c = config();
    c.notifyKey = QStringLiteral("registry-xfr");
    QVERIFY(!ZoneTransfers::loadKeyring(c));   // no key file
    c.notifyKey.clear();
    Result<std::shared_ptr<const TsigKeyring>> empty = ZoneTransfers::loadKeyring(c);
    QVERIFY(empty);
    QVERIFY((*empty)->isEmpty());
}

void tst_ZoneTransfers::notATransferIsLeftToTheResponder()
{
    const auto zones = std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{makeZone(3, 2)});
    ZoneTransfers service(config(), m_ring, m_clock);
    Request request = makeRequest(RRType::SOA, "tld.", &m_key);
    QVERIFY(!service.start(reinterpret_cast<const std::uint8_t *>(request.wire.constData()), std::size_t(request.wire.size()),
                           request.parsed, QHostAddress(QStringLiteral("127.0.0.1")), zones));
}

QTEST_GUILESS_MAIN(tst_ZoneTransfers)
#include "tst_zonetransfers.moc"
