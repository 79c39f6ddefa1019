#include "core/inidocument.h"

#include <QTest>

using namespace reg;

class tst_IniDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesSectionsKeysAndComments();
    void quotedValuesKeepHashesAndEscapes();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void rejectsOversizedFile();
    void reportsLineNumbers();
};

void tst_IniDocument::parsesSectionsKeysAndComments()
{
    const QByteArray text = "# top comment\n"
                            "[management]\n"
                            "listen = 127.0.0.1:9443   # inline comment\n"
                            "; another comment\n"
                            "\n"
                            "[store]\r\n"
                            "database=registry.db\r\n";
    Result<IniDocument> doc = IniDocument::parse(text, QStringLiteral("test.conf"));
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    QCOMPARE(doc->sections().size(), 2);
    QCOMPARE(doc->entry(QStringLiteral("management"), QStringLiteral("listen"))->value, QStringLiteral("127.0.0.1:9443"));
    QCOMPARE(doc->entry(QStringLiteral("management"), QStringLiteral("listen"))->line, 3);
    QCOMPARE(doc->entry(QStringLiteral("store"), QStringLiteral("database"))->value, QStringLiteral("registry.db"));
    QVERIFY(!doc->entry(QStringLiteral("store"), QStringLiteral("missing")));
}

void tst_IniDocument::quotedValuesKeepHashesAndEscapes()
{
    Result<IniDocument> doc = IniDocument::parse("[engine]\nsite = \"a # b \\\"c\\\" \\\\ d\"  # comment\nurl = x#y\n",
                                                 QStringLiteral("t"));
    QVERIFY(doc.ok());
    QCOMPARE(doc->entry(QStringLiteral("engine"), QStringLiteral("site"))->value, QStringLiteral("a # b \"c\" \\ d"));
    // '#' not preceded by whitespace is part of an unquoted value.
    QCOMPARE(doc->entry(QStringLiteral("engine"), QStringLiteral("url"))->value, QStringLiteral("x#y"));
}

void tst_IniDocument::rejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("key before section") << QByteArray("a = b\n") << QStringLiteral("before the first [section]");
    QTest::newRow("unclosed section") << QByteArray("[store\n") << QStringLiteral("missing its closing");
    QTest::newRow("bad section name") << QByteArray("[St ore]\n") << QStringLiteral("invalid section name");
    QTest::newRow("duplicate section") << QByteArray("[a]\n[a]\n") << QStringLiteral("appears twice");
    QTest::newRow("duplicate key") << QByteArray("[a]\nk=1\nk=2\n") << QStringLiteral("already set on line 2");
    QTest::newRow("no equals") << QByteArray("[a]\njust text\n") << QStringLiteral("expected \"key = value\"");
    QTest::newRow("bad key") << QByteArray("[a]\nKey With Space = 1\n") << QStringLiteral("invalid key");
    QTest::newRow("unterminated quote") << QByteArray("[a]\nk = \"abc\n") << QStringLiteral("missing closing quote");
    QTest::newRow("text after quote") << QByteArray("[a]\nk = \"abc\" def\n") << QStringLiteral("after closing quote");
    QTest::newRow("unknown escape") << QByteArray("[a]\nk = \"\\n\"\n") << QStringLiteral("unknown escape");
    QTest::newRow("nul byte") << QByteArray("[a]\nk = 1\0\n", 10) << QStringLiteral("NUL");
    QTest::newRow("invalid utf8") << QByteArray("[a]\nk = \xff\xfe\n") << QStringLiteral("UTF-8");
    QTest::newRow("long line") << (QByteArray("[a]\nk = ") + QByteArray(5000, 'x')) << QStringLiteral("longer than");
}

void tst_IniDocument::rejectsMalformedInput()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    Result<IniDocument> doc = IniDocument::parse(text, QStringLiteral("bad.conf"));
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().message.contains(expected), qPrintable(doc.error().message));
    QVERIFY(doc.error().message.startsWith(u"bad.conf"));
}

void tst_IniDocument::rejectsOversizedFile()
{
    QByteArray text("[a]\n");
    while (text.size() <= IniDocument::maxBytes)
        text += "k" + QByteArray::number(text.size()) + " = 1\n";
    Result<IniDocument> doc = IniDocument::parse(text, QStringLiteral("big"));
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::TooLarge);
}

void tst_IniDocument::reportsLineNumbers()
{
    Result<IniDocument> doc = IniDocument::parse("[a]\n\n# c\nx = 1\n???\n", QStringLiteral("f.conf"));
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().message.startsWith(u"f.conf:5:"), qPrintable(doc.error().message));
}

QTEST_GUILESS_MAIN(tst_IniDocument)
#include "tst_inidocument.moc"
