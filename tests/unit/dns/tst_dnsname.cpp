#include "dns/dnsname.h"

#include <QTest>

#include <algorithm>

using namespace reg::dns;

namespace {

DnsName name(const QString &text)
{
    auto result = DnsName::fromText(text);
    if (!result.ok())
        qFatal("test name %s: %s", qPrintable(text), qPrintable(result.error().message));
    return *result;
}

QString repeated(char c, int count)
{
    return QString(count, QLatin1Char(c));
}

} // namespace

class tst_DnsName : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void convertsBetweenTextAndWire_data();
    void convertsBetweenTextAndWire();
    void handlesEscapes();
    void enforcesLabelAndNameLimits();
    void refusesHostileText_data();
    void refusesHostileText();
    void refusesMalformedWire_data();
    void refusesMalformedWire();
    void comparesIgnoringCaseButKeepsSpelling();
    void findsSubdomains();
    void ordersCanonicallyAsRfc4034();
    void walksLabels();
    void wireNameHelpers();
};

void tst_DnsName::convertsBetweenTextAndWire_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("canonicalText");
    QTest::newRow("root") << QStringLiteral(".") << QByteArray("\0", 1) << QStringLiteral(".");
    QTest::newRow("tld") << QStringLiteral("tld") << QByteArray("\3tld\0", 5) << QStringLiteral("tld.");
    QTest::newRow("absolute") << QStringLiteral("nic.tld.") << QByteArray("\3nic\3tld\0", 9) << QStringLiteral("nic.tld.");
    QTest::newRow("case kept") << QStringLiteral("WwW.Example.TLD") << QByteArray("\3WwW\7Example\3TLD\0", 17)
                               << QStringLiteral("WwW.Example.TLD.");
    QTest::newRow("A-label") << QStringLiteral("xn--bcher-kva.tld") << QByteArray("\15xn--bcher-kva\3tld\0", 19)
                             << QStringLiteral("xn--bcher-kva.tld.");
    QTest::newRow("wildcard and hyphen") << QStringLiteral("*.a-b.tld") << QByteArray("\1*\3a-b\3tld\0", 11)
                                         << QStringLiteral("*.a-b.tld.");
}

void tst_DnsName::convertsBetweenTextAndWire()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, wire);
    QFETCH(QString, canonicalText);
    const DnsName fromText = name(text);
    QCOMPARE(fromText.wire(), wire);
    QCOMPARE(fromText.toText(), canonicalText);
    auto fromWire = DnsName::fromWire(wire);
    QVERIFY(fromWire.ok());
    QCOMPARE(fromWire->toText(), canonicalText);
    QCOMPARE(name(fromWire->toText()).wire(), wire);
}

void tst_DnsName::handlesEscapes()
{
    // "\." is a dot inside a label, "\\" a backslash, "\DDD" a byte (RFC 1035 5.1).
    const DnsName dotted = name(QStringLiteral("a\\.b.tld"));
    QCOMPARE(dotted.wire(), QByteArray("\3a.b\3tld\0", 9));
    QCOMPARE(dotted.labelCount(), 2);
    QCOMPARE(dotted.toText(), QStringLiteral("a\\.b.tld."));
    QCOMPARE(name(QStringLiteral("\\065\\066c.tld")).wire(), QByteArray("\3ABc\3tld\0", 9));
    QCOMPARE(name(QStringLiteral("back\\\\slash")).wire(), QByteArray("\12back\\slash\0", 12));

    // Bytes that are not printable come back as \DDD; special characters escaped; round trip exact.
    const QByteArray binary("\4\0\x7f\xff ", 5);
    auto odd = DnsName::fromWire(binary + QByteArray("\3tld\0", 5));
    QVERIFY(odd.ok());
    QCOMPARE(odd->toText(), QStringLiteral("\\000\\127\\255\\032.tld."));
    QCOMPARE(name(odd->toText()).wire(), odd->wire());
    auto special = DnsName::fromWire(QByteArray("\6\"();@$\0", 8));
    QVERIFY(special.ok());
    QCOMPARE(special->toText(), QStringLiteral("\\\"\\(\\)\\;\\@\\$."));
    QCOMPARE(name(special->toText()).wire(), special->wire());
}

void tst_DnsName::enforcesLabelAndNameLimits()
{
    QVERIFY(DnsName::fromText(QString(repeated('a', 63) + QStringLiteral(".tld"))).ok());
    QVERIFY(!DnsName::fromText(QString(repeated('a', 64) + QStringLiteral(".tld"))).ok());
    // An escaped byte counts once: 63 "\065" escapes make a 63-byte label.
    QString escaped;
    for (int i = 0; i < 63; ++i)
        escaped += QStringLiteral("\\065");
    QCOMPARE(name(escaped).size(), std::size_t(65));
    QVERIFY(!DnsName::fromText(QString(escaped + QStringLiteral("\\065"))).ok());

    // 255 bytes: three 63-byte labels (192) + a 61-byte one (62) + the root.
    const QString longest = QStringList{repeated('a', 63), repeated('b', 63), repeated('c', 63), repeated('d', 61)}.join(u'.');
    QCOMPARE(name(longest).size(), std::size_t(255));
    QVERIFY(!DnsName::fromText(QString(longest + QStringLiteral("d"))).ok());
    QVERIFY(!DnsName::fromText(QString(longest + QStringLiteral(".e"))).ok());
    // 127 one-letter labels are 255 bytes too; a 128th is too many.
    const QString many = QStringList(127, QStringLiteral("x")).join(u'.');
    QCOMPARE(name(many).labelCount(), 127);
    QVERIFY(!DnsName::fromText(QString(many + QStringLiteral(".x"))).ok());

    const DnsName base = name(longest.mid(64));
    QVERIFY(base.withPrefix(QByteArray(63, 'z')).ok());
    QVERIFY(!name(longest).withPrefix("a").ok());
    QVERIFY(!base.withPrefix(QByteArray(64, 'z')).ok());
    QVERIFY(!base.withPrefix(QByteArray()).ok());
}

void tst_DnsName::refusesHostileText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("leading dot") << QStringLiteral(".tld");
    QTest::newRow("empty label") << QStringLiteral("a..tld");
    QTest::newRow("two dots") << QStringLiteral("..");
    QTest::newRow("lone backslash") << QStringLiteral("tld\\");
    QTest::newRow("short \\DDD") << QStringLiteral("a\\06");
    QTest::newRow("\\DDD over 255") << QStringLiteral("a\\256");
    QTest::newRow("space") << QStringLiteral("a b.tld");
    QTest::newRow("tab") << QStringLiteral("a\tb.tld");
    QTest::newRow("NUL") << QString(QChar(0)) + QStringLiteral("a.tld");
    QTest::newRow("newline") << QStringLiteral("a.tld\n");
    QTest::newRow("DEL") << QStringLiteral("a\x7f.tld");
    QTest::newRow("U-label") << QStringLiteral("b\u00fccher.tld");
    QTest::newRow("fullwidth dot") << QStringLiteral("a\uff0etld");
    QTest::newRow("huge") << repeated('a', 100000);
}

void tst_DnsName::refusesHostileText()
{
    QFETCH(QString, text);
    auto result = DnsName::fromText(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, reg::ErrorCode::InvalidInput);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY(result.error().message.size() < 1000);   // the message quotes only the start of the input
}

void tst_DnsName::refusesMalformedWire_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no root label") << QByteArray("\3tld", 4);
    QTest::newRow("label past the end") << QByteArray("\5tld\0", 5);
    QTest::newRow("bytes after the root") << QByteArray("\3tld\0\0", 6);
    QTest::newRow("pointer") << QByteArray("\xC0\x0C", 2);
    QTest::newRow("label type 0x40") << QByteArray("\x41x\0", 3);
    QTest::newRow("label of 64") << QByteArray(1, '\x40') + QByteArray(64, 'a') + QByteArray(1, '\0');
    QByteArray tooLong;
    for (int i = 0; i < 4; ++i)
        tooLong += QByteArray(1, '\x3f') + QByteArray(63, 'a');
    QTest::newRow("256 bytes") << tooLong + QByteArray(1, '\0');
}

void tst_DnsName::refusesMalformedWire()
{
    QFETCH(QByteArray, wire);
    QVERIFY(!DnsName::fromWire(wire).ok());
}

void tst_DnsName::comparesIgnoringCaseButKeepsSpelling()
{
    const DnsName upper = name(QStringLiteral("NIC.Example.TLD"));
    const DnsName lower = name(QStringLiteral("nic.example.tld"));
    QVERIFY(upper == lower);
    QCOMPARE(qHash(upper), qHash(lower));
    QCOMPARE(qHash(upper, 7), qHash(lower, 7));
    QVERIFY(upper.wire() != lower.wire());
    QCOMPARE(upper.toText(), QStringLiteral("NIC.Example.TLD."));
    QCOMPARE(upper.lowered().wire(), lower.wire());
    QVERIFY(upper != name(QStringLiteral("nic.example.tl")));
    QVERIFY(upper != name(QStringLiteral("nic.example.tld.x")));
    // Only ASCII letters fold: 0xC4 and 0xE4 ("Ä"/"ä" in Latin-1) are different bytes.
    QVERIFY(*DnsName::fromWire(QByteArray("\1\xC4\0", 3)) != *DnsName::fromWire(QByteArray("\1\xE4\0", 3)));
    // '@' (0x40) and '`' (0x60) differ from 'A'/'a' by the same bit as case but are not letters.
    QVERIFY(name(QStringLiteral("\\@")) != name(QStringLiteral("`")));
    QVERIFY(name(QStringLiteral("[")) != name(QStringLiteral("{")));
}

void tst_DnsName::findsSubdomains()
{
    const DnsName zone = name(QStringLiteral("Example.tld"));
    QVERIFY(name(QStringLiteral("www.example.TLD")).isSubdomainOf(zone));
    QVERIFY(name(QStringLiteral("a.b.c.example.tld")).isSubdomainOf(zone));
    QVERIFY(zone.isSubdomainOf(name(QStringLiteral("example.tld"))));
    QVERIFY(zone.isSubdomainOf(name(QStringLiteral("tld"))));
    QVERIFY(zone.isSubdomainOf(DnsName()));
    QVERIFY(!name(QStringLiteral("badexample.tld")).isSubdomainOf(zone));       // not on a label boundary
    QVERIFY(!name(QStringLiteral("example.tld.evil")).isSubdomainOf(zone));
    QVERIFY(!name(QStringLiteral("tld")).isSubdomainOf(zone));
    // "x\.example.tld" is two labels ("x.example", "tld"): the bytes end the same, the labels do not.
    QVERIFY(!name(QStringLiteral("x\\.example.tld")).isSubdomainOf(name(QStringLiteral("example.tld"))));
}

void tst_DnsName::ordersCanonicallyAsRfc4034()
{
    // RFC 4034 6.1's example, in canonical order.
    const QStringList ordered = {
        QStringLiteral("example"),        QStringLiteral("a.example"),   QStringLiteral("yljkjljk.a.example"),
        QStringLiteral("Z.a.example"),    QStringLiteral("zABC.a.EXAMPLE"), QStringLiteral("z.example"),
        QStringLiteral("\\001.z.example"), QStringLiteral("*.z.example"), QStringLiteral("\\200.z.example"),
    };
    QList<DnsName> names;
    for (const QString &text : ordered)
        names.append(name(text));
    for (int i = 0; i < names.size(); ++i) {
        QVERIFY(!names[i].canonicalLess(names[i]));
        for (int j = i + 1; j < names.size(); ++j) {
            QVERIFY2(names[i].canonicalLess(names[j]), qPrintable(ordered[i] + QStringLiteral(" < ") + ordered[j]));
            QVERIFY2(!names[j].canonicalLess(names[i]), qPrintable(ordered[j] + QStringLiteral(" !< ") + ordered[i]));
        }
    }
    QList<DnsName> shuffled = names;
    std::reverse(shuffled.begin(), shuffled.end());
    std::swap(shuffled[1], shuffled[6]);
    std::sort(shuffled.begin(), shuffled.end(), [](const DnsName &a, const DnsName &b) { return a.canonicalLess(b); });
    for (int i = 0; i < names.size(); ++i)
        QCOMPARE(shuffled[i].wire(), names[i].wire());
    // Case does not order: equal names are neither less nor greater.
    QVERIFY(!name(QStringLiteral("A.tld")).canonicalLess(name(QStringLiteral("a.TLD"))));
    QVERIFY(!name(QStringLiteral("a.TLD")).canonicalLess(name(QStringLiteral("A.tld"))));
    QVERIFY(DnsName().canonicalLess(name(QStringLiteral("tld"))));
}

void tst_DnsName::walksLabels()
{
    const DnsName www = name(QStringLiteral("www.Example.tld"));
    QCOMPARE(www.labelCount(), 3);
    QCOMPARE(www.parent().toText(), QStringLiteral("Example.tld."));
    QCOMPARE(www.parent().parent().parent().toText(), QStringLiteral("."));
    QVERIFY(DnsName().parent().isRoot());
    QCOMPARE(DnsName().labelCount(), 0);
    auto child = www.parent().withPrefix("ftp");
    QVERIFY(child.ok());
    QCOMPARE(child->toText(), QStringLiteral("ftp.Example.tld."));
}

void tst_DnsName::wireNameHelpers()
{
    const QByteArray wire("\3Www\3TLD\0rest", 13);
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(wire.constData());
    QCOMPARE(WireName::validLength(bytes, std::size_t(wire.size())), std::size_t(9));
    for (std::size_t size = 0; size < 9; ++size)
        QCOMPARE(WireName::validLength(bytes, size), std::size_t(0));
    std::uint8_t lowered[9];
    WireName::copyLowered(lowered, bytes, 9);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(lowered), 9), QByteArray("\3www\3tld\0", 9));
    QVERIFY(WireName::equalIgnoringCase(bytes, lowered, 9));
    QCOMPARE(WireName::hashLowered(lowered, 9), WireName::hashLowered(lowered, 9));
    QVERIFY(WireName::hashLowered(lowered, 9) != WireName::hashLowered(lowered, 5));
}

QTEST_GUILESS_MAIN(tst_DnsName)
#include "tst_dnsname.moc"
