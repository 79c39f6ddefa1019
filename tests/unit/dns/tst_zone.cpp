#include "dns/zone.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>
#include <set>

using namespace reg::dns;
using namespace Qt::StringLiterals;

namespace {

DnsName name(const char *text)
{
    return *DnsName::fromText(QString::fromLatin1(text));
}

QByteArray a(quint8 a0, quint8 a1, quint8 a2, quint8 a3)
{
    QByteArray out(4, Qt::Uninitialized);
    out[0] = char(a0);
    out[1] = char(a1);
    out[2] = char(a2);
    out[3] = char(a3);
    return out;
}

QByteArray nsRdata(const char *target)
{
    return name(target).lowered().wire();
}

QByteArray soaRdata(std::uint32_t serial)
{
    QByteArray r = name("ns1.nic.tld").wire() + name("hostmaster.nic.tld").wire();
    for (std::uint32_t v : {serial, 1800u, 900u, 1209600u, 900u}) {
        r.append(char(v >> 24));
        r.append(char(v >> 16));
        r.append(char(v >> 8));
        r.append(char(v));
    }
    return r;
}

std::uint32_t soaSerial(const ZoneNode &apex)
{
    std::uint32_t serial = 0;
    apex.rrset(RRType::SOA).forEachRdata([&](const std::uint8_t *p, std::size_t length) {
        const std::size_t m = WireName::validLength(p, length);
        const std::size_t r = WireName::validLength(p + m, length - m);
        const std::uint8_t *s = p + m + r;
        serial = std::uint32_t(s[0]) << 24 | std::uint32_t(s[1]) << 16 | std::uint32_t(s[2]) << 8 | s[3];
    });
    return serial;
}

const ZoneNode *findName(const Zone &zone, const char *text)
{
    const DnsName n = name(text).lowered();
    return zone.find(n.data(), n.size());
}

ZoneLookup lookupName(const Zone &zone, const char *text)
{
    const DnsName n = name(text).lowered();
    return zone.lookup(n.data(), n.size());
}

QList<RRsetData> apexSets(std::uint32_t serial = 1)
{
    return {{RRType::SOA, 900, {soaRdata(serial)}}, {RRType::NS, 172800, {nsRdata("ns1.nic.tld"), nsRdata("ns2.elsewhere.net")}}};
}

QList<RRsetData> delegation(const char *ns1, const char *ns2, QByteArray ds = {})
{
    QList<RRsetData> sets{{RRType::NS, 172800, {nsRdata(ns1), nsRdata(ns2)}}};
    if (!ds.isEmpty())
        sets.append({RRType::DS, 86400, {ds}});
    return sets;
}

// The sample zone: apex; a delegation with DS and glue; an apex name server inside the zone
// below an empty non-terminal; a delegation without glue.
std::shared_ptr<const Zone> sampleZone()
{
    ZoneEditor editor(name("TLD"));
    editor.setNode(name("tld"), apexSets());
    editor.setNode(name("Example.TLD"), delegation("ns1.example.tld", "ns.other.net", QByteArray("\x30\x39\x08\x02", 4) + QByteArray(32, 'x')));
    editor.setNode(name("ns1.example.tld"), {{RRType::A, 172800, {a(192, 0, 2, 1)}}, {RRType::AAAA, 172800, {QByteArray(16, '\1')}}});
    editor.setNode(name("ns1.nic.tld"), {{RRType::A, 3600, {a(192, 0, 2, 53)}}});
    editor.setNode(name("plain.tld"), delegation("a.dns.net", "b.dns.net"));
    return editor.finish(10, 100);
}

QSet<QString> recordTexts(const QList<ZoneRecord> &records)
{
    QSet<QString> out;
    for (const ZoneRecord &r : records)
        out.insert(QStringLiteral("%1 %2 %3 %4").arg(r.owner.toText()).arg(r.type).arg(r.ttl).arg(QString::fromLatin1(r.rdata.toHex())));
    return out;
}

QString recordText(const char *owner, std::uint16_t type, std::uint32_t ttl, const QByteArray &rdata)
{
    return QStringLiteral("%1 %2 %3 %4").arg(name(owner).toText()).arg(type).arg(ttl).arg(QString::fromLatin1(rdata.toHex()));
}

} // namespace

class tst_Zone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodeKeepsOwnerLoweredAndRRsetsAsSets();
    void nodeWithoutRRsetsIsEmptyNonTerminal();
    void lookupClassifiesNames_data();
    void lookupClassifiesNames();
    void delegationCarriesDsAtTheCut();
    void emptyNonTerminalsAreCreatedForNamesBelow();
    void aNewZoneTakesTheLastSettingOfAName();
    void editorReplacesAndRemovesWithExactDelta();
    void removingTheLastNameBelowRemovesEmptyNonTerminals();
    void removingANodeWithNamesBelowLeavesAnEmptyNonTerminal();
    void oldVersionsStayUnchangedAndShareUntouchedNodes();
    void unchangedEditReturnsTheBase();
    void finishRewritesTheSoaSerial();
    void historyIsBounded();
    void manyRandomEditsMatchAReferenceMap();
    void zoneSetFindsTheClosestEnclosingZone();
    void publisherSwapsTheSetAndMovesTheGeneration();
};

void tst_Zone::nodeKeepsOwnerLoweredAndRRsetsAsSets()
{
    const auto node = ZoneNode::make(name("NS1.Example.TLD"),
                                     {{RRType::AAAA, 60, {QByteArray(16, '\2')}},
                                      {RRType::A, 60, {a(192, 0, 2, 2), a(192, 0, 2, 1), a(192, 0, 2, 2)}},
                                      {RRType::A, 60, {a(192, 0, 2, 3)}},
                                      {RRType::MX, 60, {}}});
    QCOMPARE(node->ownerName().wire(), name("ns1.example.tld").wire());   // bytes lowered
    QCOMPARE(node->ownerLength(), std::size_t(name("ns1.example.tld").size()));
    QCOMPARE(node->rrsetCount(), 2);   // one A (merged), one AAAA, nothing for the empty MX
    QCOMPARE(node->rrsetAt(0).type(), RRType::A);
    QCOMPARE(node->rrsetAt(1).type(), RRType::AAAA);
    const RRsetView set = node->rrset(RRType::A);
    QCOMPARE(set.count(), 3);
    QCOMPARE(set.ttl(), 60u);
    QList<QByteArray> seen;
    set.forEachRdata([&](const std::uint8_t *p, std::size_t length) { seen.append(QByteArray(reinterpret_cast<const char *>(p), qsizetype(length))); });
    QCOMPARE(seen, (QList<QByteArray>{a(192, 0, 2, 1), a(192, 0, 2, 2), a(192, 0, 2, 3)}));
    QVERIFY(node->rrset(RRType::MX).isNull());
    QCOMPARE(node->records().size(), 4);
    QVERIFY(!node->isEmptyNonTerminal());
}

void tst_Zone::nodeWithoutRRsetsIsEmptyNonTerminal()
{
    const auto node = ZoneNode::make(name("b.tld"), {});
    QVERIFY(node->isEmptyNonTerminal());
    QCOMPARE(node->records().size(), 0);
    QVERIFY(node->rrset(RRType::NS).isNull());
}

void tst_Zone::lookupClassifiesNames_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("node");
    using K = ZoneLookup::Kind;
    QTest::newRow("apex") << u"tld"_s << int(K::Apex) << u"tld."_s;
    QTest::newRow("delegation point") << u"example.tld"_s << int(K::Delegation) << u"example.tld."_s;
    QTest::newRow("below a cut") << u"www.example.tld"_s << int(K::Delegation) << u"example.tld."_s;
    QTest::newRow("glue below a cut") << u"ns1.example.tld"_s << int(K::Delegation) << u"example.tld."_s;
    QTest::newRow("deep below a cut") << u"a.b.c.example.tld"_s << int(K::Delegation) << u"example.tld."_s;
    QTest::newRow("apex name server address") << u"ns1.nic.tld"_s << int(K::Authoritative) << u"ns1.nic.tld."_s;
    QTest::newRow("empty non-terminal") << u"nic.tld"_s << int(K::EmptyNonTerminal) << u"nic.tld."_s;
    QTest::newRow("nxdomain") << u"absent.tld"_s << int(K::NxDomain) << QString();
    QTest::newRow("nxdomain below an ent") << u"ns2.nic.tld"_s << int(K::NxDomain) << QString();
    QTest::newRow("nxdomain below an authoritative name") << u"x.ns1.nic.tld"_s << int(K::NxDomain) << QString();
    QTest::newRow("delegation without glue") << u"plain.tld"_s << int(K::Delegation) << u"plain.tld."_s;
}

void tst_Zone::lookupClassifiesNames()
{
    QFETCH(QString, query);
    QFETCH(int, kind);
    QFETCH(QString, node);
    const auto zone = sampleZone();
    const ZoneLookup found = lookupName(*zone, query.toLatin1().constData());
    QCOMPARE(int(found.kind), kind);
    if (node.isEmpty()) {
        QVERIFY(found.node == nullptr);
    } else {
        QVERIFY(found.node != nullptr);
        QCOMPARE(found.node->ownerName().toText(), node);
    }
}

void tst_Zone::delegationCarriesDsAtTheCut()
{
    const auto zone = sampleZone();
    const ZoneLookup found = lookupName(*zone, "example.tld");
    QCOMPARE(found.kind, ZoneLookup::Kind::Delegation);
    QCOMPARE(found.node->rrset(RRType::DS).count(), 1);
    QCOMPARE(found.node->rrset(RRType::DS).ttl(), 86400u);
    QCOMPARE(found.node->rrset(RRType::NS).count(), 2);
    QVERIFY(lookupName(*zone, "plain.tld").node->rrset(RRType::DS).isNull());
    // The glue is held at its own node below the cut, for the additional section of referrals.
    const ZoneNode *glue = findName(*zone, "ns1.example.tld");
    QVERIFY(glue);
    QCOMPARE(glue->rrset(RRType::A).count(), 1);
    QCOMPARE(glue->rrset(RRType::AAAA).count(), 1);
}

void tst_Zone::emptyNonTerminalsAreCreatedForNamesBelow()
{
    ZoneEditor editor(name("tld"));
    editor.setNode(name("tld"), apexSets());
    editor.setNode(name("a.b.c.example.tld"), {{RRType::A, 60, {a(192, 0, 2, 9)}}});
    const auto zone = editor.finish(1, 10);
    QCOMPARE(zone->nodeCount(), std::size_t(5));   // tld, example, c, b, a
    for (const char *ent : {"example.tld", "c.example.tld", "b.c.example.tld"}) {
        const ZoneNode *node = findName(*zone, ent);
        QVERIFY2(node, ent);
        QVERIFY2(node->isEmptyNonTerminal(), ent);
    }
    QCOMPARE(lookupName(*zone, "a.b.c.example.tld").kind, ZoneLookup::Kind::Authoritative);
    int visited = 0;
    zone->forEachNode([&](const ZoneNode &) { ++visited; });
    QCOMPARE(visited, 4);   // every node but the apex
}

void tst_Zone::aNewZoneTakesTheLastSettingOfAName()
{
    ZoneEditor editor(name("tld"));
    editor.setNode(name("tld"), apexSets());
    editor.setNode(name("gone.tld"), delegation("a.dns.net", "b.dns.net"));
    editor.setNode(name("gone.tld"), {});
    editor.setNode(name("twice.tld"), delegation("a.dns.net", "b.dns.net"));
    editor.setNode(name("twice.tld"), delegation("c.dns.net", "d.dns.net"));
    const auto zone = editor.finish(1, 10);
    QVERIFY(!findName(*zone, "gone.tld"));
    QCOMPARE(findName(*zone, "twice.tld")->records().first().rdata, nsRdata("c.dns.net"));
    QCOMPARE(zone->nodeCount(), std::size_t(2));
}

void tst_Zone::editorReplacesAndRemovesWithExactDelta()
{
    const auto v1 = sampleZone();
    ZoneEditor editor(v1);
    // example.tld drops ns.other.net for ns2.example.tld and loses its DS; plain.tld leaves.
    editor.setNode(name("example.tld"), delegation("ns1.example.tld", "ns2.example.tld"));
    editor.setNode(name("ns2.example.tld"), {{RRType::A, 172800, {a(192, 0, 2, 7)}}});
    editor.setNode(name("plain.tld"), {});
    QVERIFY(editor.changed());
    const auto v2 = editor.finish(11, 100);
    QCOMPARE(v2->serial(), 11u);
    QCOMPARE(v2->history().size(), std::size_t(1));
    const ZoneDelta &delta = *v2->history().back();
    QCOMPARE(delta.fromSerial, 10u);
    QCOMPARE(delta.toSerial, 11u);
    const QSet<QString> removed{
        recordText("example.tld", RRType::NS, 172800, nsRdata("ns.other.net")),
        recordText("example.tld", RRType::DS, 86400, QByteArray("\x30\x39\x08\x02", 4) + QByteArray(32, 'x')),
        recordText("plain.tld", RRType::NS, 172800, nsRdata("a.dns.net")),
        recordText("plain.tld", RRType::NS, 172800, nsRdata("b.dns.net")),
    };
    const QSet<QString> added{
        recordText("example.tld", RRType::NS, 172800, nsRdata("ns2.example.tld")),
        recordText("ns2.example.tld", RRType::A, 172800, a(192, 0, 2, 7)),
    };
    QCOMPARE(recordTexts(delta.removed), removed);
    QCOMPARE(recordTexts(delta.added), added);
    QCOMPARE(delta.removed.size(), removed.size());
    QCOMPARE(delta.added.size(), added.size());
    QCOMPARE(lookupName(*v2, "plain.tld").kind, ZoneLookup::Kind::NxDomain);
    QCOMPARE(v2->nodeCount(), v1->nodeCount());   // one gone, one new
}

void tst_Zone::removingTheLastNameBelowRemovesEmptyNonTerminals()
{
    const auto v1 = sampleZone();
    ZoneEditor editor(v1);
    editor.setNode(name("ns1.nic.tld"), {});
    const auto v2 = editor.finish(11, 100);
    QVERIFY(!findName(*v2, "ns1.nic.tld"));
    QVERIFY(!findName(*v2, "nic.tld"));   // the empty non-terminal went with the last name below it
    QCOMPARE(lookupName(*v2, "nic.tld").kind, ZoneLookup::Kind::NxDomain);
    QCOMPARE(v2->nodeCount(), v1->nodeCount() - 2);
    QCOMPARE(recordTexts(v2->history().back()->removed), (QSet<QString>{recordText("ns1.nic.tld", RRType::A, 3600, a(192, 0, 2, 53))}));
    QVERIFY(v2->history().back()->added.isEmpty());
}

void tst_Zone::removingANodeWithNamesBelowLeavesAnEmptyNonTerminal()
{
    const auto v1 = sampleZone();
    ZoneEditor editor(v1);
    editor.setNode(name("example.tld"), {});   // the glue below stays (the builder removes it separately)
    const auto v2 = editor.finish(11, 100);
    QCOMPARE(lookupName(*v2, "example.tld").kind, ZoneLookup::Kind::EmptyNonTerminal);
    QCOMPARE(lookupName(*v2, "ns1.example.tld").kind, ZoneLookup::Kind::Authoritative);
    ZoneEditor next(v2);
    next.setNode(name("ns1.example.tld"), {});
    const auto v3 = next.finish(12, 100);
    QCOMPARE(lookupName(*v3, "example.tld").kind, ZoneLookup::Kind::NxDomain);
    QCOMPARE(v3->nodeCount(), v1->nodeCount() - 2);
}

void tst_Zone::oldVersionsStayUnchangedAndShareUntouchedNodes()
{
    const auto v1 = sampleZone();
    const ZoneNode *plainBefore = findName(*v1, "plain.tld");
    const ZoneNode *exampleBefore = findName(*v1, "example.tld");
    ZoneEditor editor(v1);
    editor.setNode(name("example.tld"), delegation("a.dns.net", "c.dns.net"));
    editor.setNode(name("new.tld"), delegation("a.dns.net", "b.dns.net"));
    const auto v2 = editor.finish(11, 100);
    // The old version still answers as it did.
    QCOMPARE(findName(*v1, "example.tld"), exampleBefore);
    QCOMPARE(exampleBefore->rrset(RRType::DS).count(), 1);
    QVERIFY(!findName(*v1, "new.tld"));
    QCOMPARE(soaSerial(v1->apexNode()), 10u);
    // Untouched nodes are the same objects in both versions; touched ones are new.
    QCOMPARE(findName(*v2, "plain.tld"), plainBefore);
    QCOMPARE(findName(*v2, "ns1.nic.tld"), findName(*v1, "ns1.nic.tld"));
    QVERIFY(findName(*v2, "example.tld") != exampleBefore);
    QVERIFY(findName(*v2, "example.tld")->rrset(RRType::DS).isNull());
    QVERIFY(findName(*v2, "new.tld"));
}

void tst_Zone::unchangedEditReturnsTheBase()
{
    const auto v1 = sampleZone();
    ZoneEditor editor(v1);
    editor.setNode(name("EXAMPLE.tld"), delegation("ns.other.net", "ns1.example.tld", QByteArray("\x30\x39\x08\x02", 4) + QByteArray(32, 'x')));
    editor.setNode(name("absent.tld"), {});
    QVERIFY(!editor.changed());
    QCOMPARE(editor.finish(11, 100), v1);
}

void tst_Zone::finishRewritesTheSoaSerial()
{
    const auto v1 = sampleZone();
    QCOMPARE(v1->serial(), 10u);
    QCOMPARE(soaSerial(v1->apexNode()), 10u);
    ZoneEditor editor(v1);
    editor.setNode(name("x.tld"), delegation("a.dns.net", "b.dns.net"));
    const auto v2 = editor.finish(4000000000u, 100);
    QCOMPARE(soaSerial(v2->apexNode()), 4000000000u);
    QCOMPARE(v2->apexNode().rrset(RRType::NS).count(), 2);
    QCOMPARE(&v2->apexNode(), findName(*v2, "tld"));
    QVERIFY(v2->history().back()->added.size() == 2);   // the SOA is not part of the delta
}

void tst_Zone::historyIsBounded()
{
    auto zone = sampleZone();
    for (std::uint32_t serial = 11; serial < 20; ++serial) {
        ZoneEditor editor(zone);
        editor.setNode(name(QStringLiteral("d%1.tld").arg(serial).toLatin1().constData()), delegation("a.dns.net", "b.dns.net"));
        zone = editor.finish(serial, 3);
    }
    QCOMPARE(zone->history().size(), std::size_t(3));
    QCOMPARE(zone->history().front()->fromSerial, 16u);
    QCOMPARE(zone->history().back()->toSerial, 19u);
    for (std::size_t i = 1; i < zone->history().size(); ++i)
        QCOMPARE(zone->history()[i]->fromSerial, zone->history()[i - 1]->toSerial);
}

void tst_Zone::manyRandomEditsMatchAReferenceMap()
{
    // Random delegations and glue across many versions; the index must agree with a plain map
    // after every version (bucket copying, removals, empty non-terminals).
    QRandomGenerator random(4242);
    std::map<QByteArray, quint8> expected;   // lowered owner -> A record's last byte
    ZoneEditor first(name("tld"));
    first.setNode(name("tld"), apexSets());
    auto zone = first.finish(1, 5);
    std::vector<std::shared_ptr<const Zone>> versions;
    for (std::uint32_t serial = 2; serial < 40; ++serial) {
        ZoneEditor editor(zone);
        for (int i = 0; i < 300; ++i) {
            const DnsName owner = name(QStringLiteral("n%1.d%2.tld").arg(random.bounded(4)).arg(random.bounded(400)).toLatin1().constData());
            if (random.bounded(3) == 0) {
                editor.setNode(owner, {});
                expected.erase(owner.wire());
            } else {
                const quint8 last = quint8(random.bounded(256));
                editor.setNode(owner, {{RRType::A, 60, {a(10, 0, 0, last)}}});
                expected[owner.wire()] = last;
            }
        }
        zone = editor.finish(serial, 5);
        versions.push_back(zone);
        std::set<QByteArray> parents;
        for (const auto &[owner, last] : expected) {
            const ZoneNode *node = zone->find(reinterpret_cast<const std::uint8_t *>(owner.constData()), std::size_t(owner.size()));
            QVERIFY(node);
            QCOMPARE(node->records().size(), 1);
            QCOMPARE(node->records().first().rdata, a(10, 0, 0, last));
            parents.insert(owner.mid(1 + owner[0]));
        }
        QCOMPARE(zone->nodeCount(), 1 + expected.size() + parents.size());
        std::size_t visited = 0;
        zone->forEachNode([&](const ZoneNode &) { ++visited; });
        QCOMPARE(visited + 1, zone->nodeCount());
    }
    QCOMPARE(zone->history().size(), std::size_t(5));
}

void tst_Zone::zoneSetFindsTheClosestEnclosingZone()
{
    const auto zoneOf = [](const char *apex) {
        ZoneEditor editor(name(apex));
        editor.setNode(name(apex), apexSets());
        return editor.finish(1, 1);
    };
    const ZoneSet set({zoneOf("tld"), zoneOf("sub.tld"), zoneOf("other")});
    const auto find = [&](const char *text) -> QString {
        const DnsName n = name(text).lowered();
        const Zone *z = set.findZone(n.data(), n.size());
        return z ? z->apex().toText() : QString();
    };
    QCOMPARE(find("www.example.tld"), u"tld."_s);
    QCOMPARE(find("x.sub.tld"), u"sub.tld."_s);
    QCOMPARE(find("sub.tld"), u"sub.tld."_s);
    QCOMPARE(find("xsub.tld"), u"tld."_s);   // a suffix must start on a label boundary
    QCOMPARE(find("tld"), u"tld."_s);
    QCOMPARE(find("a.other"), u"other."_s);
    QCOMPARE(find("tld2"), QString());
    QCOMPARE(find("notld"), QString());
    QCOMPARE(find("."), QString());
    QVERIFY(set.zone(name("SUB.tld")) != nullptr);
    QVERIFY(set.zone(name("nope")) == nullptr);
}

void tst_Zone::publisherSwapsTheSetAndMovesTheGeneration()
{
    ZonePublisher publisher;
    QVERIFY(publisher.current() != nullptr);
    QVERIFY(publisher.current()->zones().isEmpty());
    const std::uint64_t before = publisher.generation();
    auto set = std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{sampleZone()});
    publisher.publish(set);
    QVERIFY(publisher.generation() > before);
    QCOMPARE(publisher.current(), set);
}

QTEST_GUILESS_MAIN(tst_Zone)
#include "tst_zone.moc"
