// Tests engine/xrp/eppxmlreader.cpp: valid EPP messages become element trees; hostile or malformed
// ones are refused with 2001 and a message saying why.
#include "common/eppschemavalidator.h"
#include "xrp/eppxmlreader.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using reg::xrp::EppElement;
using reg::xrp::EppResult;
using reg::xrp::EppXmlLimits;
using reg::xrp::EppXmlReader;

namespace {

constexpr QStringView Epp = u"urn:ietf:params:xml:ns:epp-1.0";
constexpr QStringView Domain = u"urn:ietf:params:xml:ns:domain-1.0";

const QByteArray Hello = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                         "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello/></epp>"_ba;

QByteArray readSample(const QString &name)
{
    QFile file(QFINDTESTDATA(u"data/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray nested(int depth)
{
    QByteArray xml = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">"_ba;
    for (int i = 1; i < depth; ++i)
        xml += "<e>";
    for (int i = 1; i < depth; ++i)
        xml += "</e>";
    return xml + "</epp>";
}

QByteArray withElements(int count)
{
    QByteArray xml = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">"_ba;
    for (int i = 1; i < count; ++i)
        xml += "<e/>";
    return xml + "</epp>";
}

QByteArray withAttributes(int count)
{
    QByteArray xml = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><e"_ba;
    for (int i = 0; i < count; ++i)
        xml += " a" + QByteArray::number(i) + "=\"v\"";
    return xml + "/></epp>";
}

QByteArray utf16WithBom(const QString &text)
{
    QByteArray bytes("\xFF\xFE", 2);
    bytes.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    return bytes;
}

} // namespace

class tst_EppXmlReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidSamples_data();
    void parsesValidSamples();
    void samplesAreValidAgainstTheOfficialSchemas();
    void buildsLoginTree();
    void buildsDomainCheckTreeWithNamespacesAndAttributes();
    void acceptsCommentsAndWhitespaceBeforeTheRoot();
    void indentationDoesNotCountAgainstTheTextLimit();
    void keepsTextOfMixedContent();
    void refusesHostileOrMalformedInput_data();
    void refusesHostileOrMalformedInput();
    void acceptsDocumentsExactlyAtTheLimits_data();
    void acceptsDocumentsExactlyAtTheLimits();
};

void tst_EppXmlReader::parsesValidSamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("firstChild");
    QTest::newRow("hello") << u"hello.xml"_s << u"hello"_s;
    QTest::newRow("login") << u"login.xml"_s << u"command"_s;
    QTest::newRow("domain:check") << u"domain-check.xml"_s << u"command"_s;
    QTest::newRow("domain:create with secDNS") << u"domain-create.xml"_s << u"command"_s;
}

void tst_EppXmlReader::parsesValidSamples()
{
    QFETCH(QString, file);
    QFETCH(QString, firstChild);
    const QByteArray xml = readSample(file);
    QVERIFY(!xml.isEmpty());
    const auto parsed = EppXmlReader().parse(xml);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QVERIFY(parsed->is(Epp, u"epp"));
    QCOMPARE(parsed->children().size(), size_t(1));
    QVERIFY(parsed->children().front().is(Epp, firstChild));
}

void tst_EppXmlReader::samplesAreValidAgainstTheOfficialSchemas()
{
    EppSchemaValidator validator;
    if (const QString reason = validator.prepare(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    for (const QString &sample : {u"hello.xml"_s, u"login.xml"_s, u"domain-check.xml"_s, u"domain-create.xml"_s}) {
        const QString complaint = validator.validateFile(QFINDTESTDATA(u"data/"_s + sample));
        QVERIFY2(complaint.isEmpty(), qPrintable(sample + u": "_s + complaint));
    }
}

void tst_EppXmlReader::buildsLoginTree()
{
    const auto parsed = EppXmlReader().parse(readSample(u"login.xml"_s));
    QVERIFY(parsed.ok());
    const EppElement *command = parsed->child(Epp, u"command");
    QVERIFY(command);
    QVERIFY(command->text().isEmpty()); // indentation between children is dropped
    const EppElement *login = command->child(Epp, u"login");
    QVERIFY(login);
    QCOMPARE(login->child(Epp, u"clID")->text(), u"ClientX"_s);
    QCOMPARE(login->child(Epp, u"pw")->text(), u"foo-BAR2"_s); // CDATA
    QCOMPARE(login->child(Epp, u"newPW")->text(), u"bar&FOO2"_s); // predefined entity
    const EppElement *svcs = login->child(Epp, u"svcs");
    QVERIFY(svcs);
    const auto objUris = svcs->children(Epp, u"objURI");
    QCOMPARE(objUris.size(), 3);
    QCOMPARE(objUris.at(2)->text(), u"urn:ietf:params:xml:ns:contact-1.0"_s);
    QCOMPARE(svcs->child(Epp, u"svcExtension")->children(Epp, u"extURI").size(), 2);
    QCOMPARE(command->child(Epp, u"clTRID")->text(), u"ABC-12345"_s);
    QVERIFY(!login->child(Domain, u"clID"));
}

void tst_EppXmlReader::buildsDomainCheckTreeWithNamespacesAndAttributes()
{
    const auto parsed = EppXmlReader().parse(readSample(u"domain-check.xml"_s));
    QVERIFY(parsed.ok());
    const EppElement *check = parsed->child(Epp, u"command")->child(Epp, u"check")->child(Domain, u"check");
    QVERIFY(check);
    const auto names = check->children(Domain, u"name");
    QCOMPARE(names.size(), 3);
    QCOMPARE(names.at(0)->text(), u"example.com"_s);
    QCOMPARE(names.at(2)->text(), u"exämple.org"_s);
    const EppElement *feeCommand = parsed->child(Epp, u"command")
                                       ->child(Epp, u"extension")
                                       ->child(u"urn:ietf:params:xml:ns:epp:fee-1.0", u"check")
                                       ->child(u"urn:ietf:params:xml:ns:epp:fee-1.0", u"command");
    QVERIFY(feeCommand);
    QCOMPARE(feeCommand->attribute(u"name"), std::optional<QString>(u"create"_s));
    QCOMPARE(feeCommand->attribute(u"missing"), std::nullopt);
    QCOMPARE(feeCommand->attributes().size(), 1); // xmlns declarations are not attributes
}

void tst_EppXmlReader::acceptsCommentsAndWhitespaceBeforeTheRoot()
{
    const auto parsed = EppXmlReader().parse("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a client banner -->\n"
                                             "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello/></epp>\n"_ba);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
}

void tst_EppXmlReader::indentationDoesNotCountAgainstTheTextLimit()
{
    // 1000 names indented by 20 spaces: 21,000 characters of whitespace inside one element,
    // well over the 16 KiB text limit, in a message under the 64 KiB size limit.
    QByteArray xml = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><check>"
                     "<domain:check xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\">"_ba;
    for (int i = 0; i < 1000; ++i)
        xml += "\n" + QByteArray(20, ' ') + "<domain:name>d" + QByteArray::number(i) + "</domain:name>";
    xml += "\n</domain:check></check></command></epp>";
    QVERIFY(xml.size() < EppXmlLimits().maxBytes);
    const auto parsed = EppXmlReader().parse(xml);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    const EppElement *check = parsed->child(Epp, u"command")->child(Epp, u"check")->child(Domain, u"check");
    QVERIFY(check);
    QCOMPARE(check->children().size(), size_t(1000));
    QVERIFY(check->text().isEmpty());
    QCOMPARE(check->children().back().text(), u"d999"_s);
}

void tst_EppXmlReader::keepsTextOfMixedContent()
{
    const auto parsed = EppXmlReader().parse("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><m>  a <b/> c </m></epp>"_ba);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->child(Epp, u"m")->text(), u"  a  c "_s); // all character data, concatenated
}

void tst_EppXmlReader::refusesHostileOrMalformedInput_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("reason"); // a fragment the message must contain

    const QByteArray eppOpen = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">"_ba;
    QTest::newRow("billion laughs") << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE epp [\n"
                                                  " <!ENTITY lol \"lol\">\n"
                                                  " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                                                  " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                                                  " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                                                  "]>\n" + eppOpen + "<hello>&lol4;</hello></epp>")
                                    << u"DOCTYPE"_s;
    QTest::newRow("external entity") << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE epp [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                                                   + eppOpen + "<hello>&xxe;</hello></epp>")
                                     << u"DOCTYPE"_s;
    QTest::newRow("external DTD") << QByteArray("<!DOCTYPE epp SYSTEM \"http://127.0.0.1/epp.dtd\">" + eppOpen + "<hello/></epp>")
                                  << u"DOCTYPE"_s;
    QTest::newRow("parameter entity") << QByteArray("<!DOCTYPE epp [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>"
                                                    + eppOpen + "<hello/></epp>")
                                      << u"DOCTYPE"_s;
    QTest::newRow("undeclared entity") << QByteArray(eppOpen + "<hello>&xxe;</hello></epp>") << u"not declared"_s;
    QTest::newRow("processing instruction") << QByteArray("<?xml version=\"1.0\"?><?xml-stylesheet href=\"x\"?>" + eppOpen + "<hello/></epp>")
                                            << u"processing instruction"_s;
    QTest::newRow("processing instruction inside") << QByteArray(eppOpen + "<?php system('id'); ?><hello/></epp>")
                                                   << u"processing instruction"_s;
    QTest::newRow("deep nesting") << nested(33) << u"32 deep"_s;
    QTest::newRow("very deep nesting") << nested(5000) << u"32 deep"_s;
    QTest::newRow("too many elements") << withElements(4097) << u"4096 elements"_s;
    QTest::newRow("too many attributes") << withAttributes(17) << u"16 attributes"_s;
    QTest::newRow("text too long") << QByteArray(eppOpen + "<hello>" + QByteArray(16 * 1024 + 1, 'x') + "</hello></epp>")
                                   << u"longer than 16384"_s;
    QTest::newRow("attribute too long") << QByteArray(eppOpen + "<hello a=\"" + QByteArray(16 * 1024 + 1, 'x') + "\"/></epp>")
                                        << u"longer than 16384"_s;
    QTest::newRow("over the size limit") << QByteArray(eppOpen + "<hello>" + QByteArray(70000, ' ') + "</hello></epp>")
                                         << u"exceeds the maximum"_s;
    QTest::newRow("wrong root name") << "<hello xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"/>"_ba << u"root element"_s;
    QTest::newRow("wrong root namespace") << "<epp xmlns=\"urn:ietf:params:xml:ns:epp-0.4\"><hello/></epp>"_ba << u"root element"_s;
    QTest::newRow("long root name is cut short in the message")
        << QByteArray("<" + QByteArray(1000, 'a') + "/>") << QString(QString(64, u'a') + u"\u2026; EPP"_s);
    QTest::newRow("root without namespace") << "<epp><hello/></epp>"_ba << u"root element"_s;
    QTest::newRow("undeclared prefix") << "<x:epp><hello/></x:epp>"_ba << u"prefix"_s;
    QTest::newRow("trailing text") << QByteArray(Hello + "garbage") << u"Extra content"_s;
    QTest::newRow("second root") << QByteArray(Hello + "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello/></epp>") << u"Extra content"_s;
    QTest::newRow("trailing comment") << QByteArray(Hello + "<!-- more -->") << u"after the root"_s;
    QTest::newRow("trailing processing instruction") << QByteArray(Hello + "<?pi?>") << u"processing instruction"_s;
    QTest::newRow("truncated") << Hello.first(Hello.size() - 3) << u"incomplete"_s;
    QTest::newRow("truncated in declaration") << "<?xml version=\"1.0\" enc"_ba << u"incomplete"_s;
    QTest::newRow("mismatched tags") << QByteArray(eppOpen + "<hello></olleh></epp>") << u"malformed XML"_s;
    QTest::newRow("UTF-16 declared") << "<?xml version=\"1.0\" encoding=\"UTF-16\"?><epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello/></epp>"_ba
                                     << u"UTF-8"_s;
    QTest::newRow("ISO-8859-1 declared") << "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello/></epp>"_ba
                                         << u"UTF-8"_s;
    QTest::newRow("UTF-16 with byte-order mark") << utf16WithBom(QString::fromUtf8(Hello)) << u"UTF-8"_s;
    QTest::newRow("UTF-32 byte-order mark") << QByteArray("\xFF\xFE\x00\x00<\x00\x00\x00", 8) << u"UTF-8"_s;
    QTest::newRow("invalid UTF-8") << QByteArray(eppOpen + "<hello>\xC3\x28</hello></epp>") << u"UTF-8"_s;
    QTest::newRow("NUL byte") << QByteArray(eppOpen + QByteArray("<hello>\0</hello></epp>", 23)) << u"NUL"_s;
    QTest::newRow("XML 1.1") << "<?xml version=\"1.1\"?><epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello/></epp>"_ba << u"version"_s;
    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("only whitespace") << "  \n"_ba << u"incomplete"_s;
    QTest::newRow("only a comment") << "<!-- nothing -->"_ba << u"incomplete"_s;
}

void tst_EppXmlReader::refusesHostileOrMalformedInput()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, reason);
    const auto parsed = EppXmlReader().parse(xml);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().result, EppResult::CommandSyntaxError);
    QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
}

void tst_EppXmlReader::acceptsDocumentsExactlyAtTheLimits_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<bool>("accepted");
    EppXmlLimits limits;
    QTest::newRow("depth at limit") << nested(limits.maxDepth) << true;
    QTest::newRow("depth over limit") << nested(limits.maxDepth + 1) << false;
    QTest::newRow("elements at limit") << withElements(limits.maxElements) << true;
    QTest::newRow("elements over limit") << withElements(limits.maxElements + 1) << false;
    QTest::newRow("attributes at limit") << withAttributes(limits.maxAttributesPerElement) << true;
    QTest::newRow("attributes over limit") << withAttributes(limits.maxAttributesPerElement + 1) << false;
    const QByteArray open = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello>"_ba;
    const QByteArray close = "</hello></epp>"_ba;
    QTest::newRow("text at limit") << QByteArray(open + QByteArray(limits.maxTextLength, 'x') + close) << true;
    QTest::newRow("text over limit") << QByteArray(open + QByteArray(limits.maxTextLength + 1, 'x') + close) << false;
    // A comment before the root pads the message without touching the text limit.
    const auto padded = [&](qsizetype total) {
        const QByteArray body = open + close;
        return QByteArray("<!--" + QByteArray(total - body.size() - 7, '.') + "-->" + body);
    };
    QTest::newRow("bytes at limit") << padded(limits.maxBytes) << true;
    QTest::newRow("bytes over limit") << padded(limits.maxBytes + 1) << false;
}

void tst_EppXmlReader::acceptsDocumentsExactlyAtTheLimits()
{
    QFETCH(QByteArray, xml);
    QFETCH(bool, accepted);
    const auto parsed = EppXmlReader().parse(xml);
    QVERIFY2(parsed.ok() == accepted, qPrintable(parsed.ok() ? u"accepted"_s : parsed.error().message));
}

QTEST_GUILESS_MAIN(tst_EppXmlReader)
#include "tst_eppxmlreader.moc"
