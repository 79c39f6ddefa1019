// Tests registryName() in engine/dns/zonecontent.cpp: the byte form the zone build uses must
// give exactly what the text form gives, names and refusals alike.
#include "dns/zonecontent.h"

#include <QRandomGenerator>
#include <QTest>

using namespace reg::dns;

class tst_RegistryName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytesAndTextAgree_data();
    void bytesAndTextAgree();
    void randomInputAgrees();

private:
    static void compare(const QByteArray &utf8);
};

void tst_RegistryName::compare(const QByteArray &utf8)
{
    const reg::Result<DnsName> fromBytes = registryName(QByteArrayView(utf8));
    const reg::Result<DnsName> fromText = registryName(QString::fromUtf8(utf8));
    QCOMPARE(fromBytes.ok(), fromText.ok());
    if (fromBytes.ok())
        QCOMPARE(fromBytes->wire(), fromText->wire());
}

void tst_RegistryName::bytesAndTextAgree_data()
{
    QTest::addColumn<QByteArray>("utf8");
    QTest::newRow("plain") << QByteArray("ns1.example.tld");
    QTest::newRow("upper case is lowered") << QByteArray("NS1.Example.TLD");
    QTest::newRow("trailing dot") << QByteArray("example.tld.");
    QTest::newRow("one label") << QByteArray("tld");
    QTest::newRow("a-label") << QByteArray("xn--bcher-kva.example");
    QTest::newRow("root") << QByteArray(".");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("empty label") << QByteArray("a..b");
    QTest::newRow("leading dot") << QByteArray(".a");
    QTest::newRow("two trailing dots") << QByteArray("a..");
    QTest::newRow("63-byte label") << QByteArray(63, 'a') + ".tld";
    QTest::newRow("64-byte label") << QByteArray(64, 'a') + ".tld";
    QTest::newRow("64-byte last label") << "tld." + QByteArray(64, 'a');
    QByteArray longest;
    while (longest.size() < 253)
        longest += QByteArray(std::min<qsizetype>(63, 253 - longest.size() - (longest.isEmpty() ? 0 : 1)), 'b') + '.';
    longest.chop(1);
    QTest::newRow("253 characters") << longest;
    QTest::newRow("253 characters and a dot") << longest + '.';
    QTest::newRow("254 characters") << longest + "c";
    QTest::newRow("escaped dot") << QByteArray("a\\.b.tld");
    QTest::newRow("decimal escape") << QByteArray("a\\065.tld");
    QTest::newRow("lone backslash") << QByteArray("a.tld\\");
    QTest::newRow("space") << QByteArray("a b.tld");
    QTest::newRow("control byte") << QByteArray("a\x01.tld");
    QTest::newRow("delete") << QByteArray("a\x7f.tld");
    QTest::newRow("unicode") << QByteArray("b\xc3\xbc" "cher.tld");
    QTest::newRow("invalid utf-8") << QByteArray("\xff\xfe.tld");
}

void tst_RegistryName::bytesAndTextAgree()
{
    QFETCH(QByteArray, utf8);
    compare(utf8);
}

void tst_RegistryName::randomInputAgrees()
{
    // Short strings over an alphabet rich in the characters that matter: dots, escapes, case, limits.
    static const char alphabet[] = "aZ09-.\\\x01\x7f\xc3";
    QRandomGenerator random(20261121);
    for (int i = 0; i < 20000; ++i) {
        QByteArray utf8;
        const int length = random.bounded(1, 80);
        for (int j = 0; j < length; ++j)
            utf8 += alphabet[random.bounded(int(sizeof alphabet) - 1)];
        compare(utf8);
    }
}

QTEST_GUILESS_MAIN(tst_RegistryName)
#include "tst_registryname.moc"
