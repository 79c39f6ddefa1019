#include "whois/whoisquery.h"

#include <QTest>

using reg::ErrorCode;
using reg::whois::parseWhoisQuery;
using reg::whois::scanWhoisLine;
using reg::whois::WhoisLineScan;
using reg::whois::WhoisQuery;

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(WhoisQuery::Type)
Q_DECLARE_METATYPE(WhoisLineScan::State)

// The Whois query syntax (docs/whois.md) and the hostile input it must refuse.
class tst_WhoisQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesEveryQueryForm_data();
    void parsesEveryQueryForm();
    void refusesHostileOrMalformedInput_data();
    void refusesHostileOrMalformedInput();
    void findsTheEndOfTheQueryLine_data();
    void findsTheEndOfTheQueryLine();
    void echoesTheQueryTextBounded();
};

void tst_WhoisQuery::parsesEveryQueryForm_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<WhoisQuery::Type>("type");
    QTest::addColumn<bool>("xml");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("unicodeName");
    QTest::addColumn<QString>("address");

    using T = WhoisQuery::Type;
    const QString none;
    QTest::newRow("bare domain, CRLF") << QByteArray("example.tld\r\n") << T::Domain << false << u"example.tld"_s << u"example.tld"_s << none;
    QTest::newRow("bare domain, LF") << QByteArray("example.tld\n") << T::Domain << false << u"example.tld"_s << u"example.tld"_s << none;
    QTest::newRow("no terminator") << QByteArray("example.tld") << T::Domain << false << u"example.tld"_s << u"example.tld"_s << none;
    QTest::newRow("upper case, trailing dot") << QByteArray("EXAMPLE.TLD.\r\n") << T::Domain << false << u"example.tld"_s << u"example.tld"_s << none;
    QTest::newRow("domain keyword") << QByteArray("domain example.tld\r\n") << T::Domain << false << u"example.tld"_s << u"example.tld"_s << none;
    QTest::newRow("keyword any case, extra blanks") << QByteArray("  DoMaIn \t example.tld  \r\n") << T::Domain << false << u"example.tld"_s << u"example.tld"_s << none;
    QTest::newRow("bare host name is a domain") << QByteArray("ns1.example.tld\r\n") << T::Domain << false << u"ns1.example.tld"_s << u"ns1.example.tld"_s << none;
    QTest::newRow("nameserver keyword") << QByteArray("nameserver ns1.example.tld\r\n") << T::Host << false << u"ns1.example.tld"_s << u"ns1.example.tld"_s << none;
    QTest::newRow("host keyword") << QByteArray("host NS1.Example.TLD\r\n") << T::Host << false << u"ns1.example.tld"_s << u"ns1.example.tld"_s << none;
    QTest::newRow("IDN in Unicode") << QByteArray("bücher.tld\r\n") << T::Domain << false << u"xn--bcher-kva.tld"_s << u"bücher.tld"_s << none;
    QTest::newRow("IDN upper case Unicode") << QByteArray("BÜCHER.tld\r\n") << T::Domain << false << u"xn--bcher-kva.tld"_s << u"bücher.tld"_s << none;
    QTest::newRow("IDN as A-label") << QByteArray("xn--bcher-kva.tld\r\n") << T::Domain << false << u"xn--bcher-kva.tld"_s << u"bücher.tld"_s << none;
    QTest::newRow("IPv4") << QByteArray("192.0.2.1\r\n") << T::Address << false << none << none << u"192.0.2.1"_s;
    QTest::newRow("IPv6") << QByteArray("2001:DB8::1\r\n") << T::Address << false << none << none << u"2001:db8::1"_s;
    QTest::newRow("address keyword") << QByteArray("address 192.0.2.1\r\n") << T::Address << false << none << none << u"192.0.2.1"_s;
    QTest::newRow("registrar by id") << QByteArray("registrar registrar1\r\n") << T::Registrar << false << u"registrar1"_s << none << none;
    QTest::newRow("registrar by name with spaces") << QByteArray("registrar  Example   Registrar Inc.\r\n") << T::Registrar << false << u"Example Registrar Inc."_s << none << none;
    QTest::newRow("registrars") << QByteArray("REGISTRARS\r\n") << T::Registrars << false << none << none << none;
    QTest::newRow("help") << QByteArray("help\r\n") << T::Help << false << none << none << none;
    QTest::newRow("question mark") << QByteArray("?\r\n") << T::Help << false << none << none << none;
    QTest::newRow("xml domain") << QByteArray("xml example.tld\r\n") << T::Domain << true << u"example.tld"_s << u"example.tld"_s << none;
    QTest::newRow("XML nameserver") << QByteArray("XML nameserver ns1.example.tld\r\n") << T::Host << true << u"ns1.example.tld"_s << u"ns1.example.tld"_s << none;
    QTest::newRow("xml address") << QByteArray("xml 2001:db8::53\r\n") << T::Address << true << none << none << u"2001:db8::53"_s;
    QTest::newRow("xml registrars") << QByteArray("xml registrars\r\n") << T::Registrars << true << none << none << none;
    QTest::newRow("xml help") << QByteArray("xml help\n") << T::Help << true << none << none << none;
    QTest::newRow("tab separated") << QByteArray("nameserver\tns1.example.tld\r\n") << T::Host << false << u"ns1.example.tld"_s << u"ns1.example.tld"_s << none;
    QTest::newRow("63-character label") << (QByteArray(63, 'a') + ".tld\r\n") << T::Domain << false << (QString(63, u'a') + u".tld") << (QString(63, u'a') + u".tld") << none;
}

void tst_WhoisQuery::parsesEveryQueryForm()
{
    QFETCH(QByteArray, line);
    QFETCH(WhoisQuery::Type, type);
    QFETCH(bool, xml);
    QFETCH(QString, name);
    QFETCH(QString, unicodeName);
    QFETCH(QString, address);

    const reg::Result<WhoisQuery> query = parseWhoisQuery(line, 512);
    QVERIFY2(query.ok(), query.ok() ? "" : qPrintable(query.error().message));
    QCOMPARE(query->type, type);
    QCOMPARE(query->xml, xml);
    QCOMPARE(query->name, name);
    QCOMPARE(query->unicodeName, unicodeName);
    QCOMPARE(query->address.isNull() ? QString() : query->address.toString(), address);
}

void tst_WhoisQuery::refusesHostileOrMalformedInput_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty") << QByteArray("\r\n") << 512 << ErrorCode::InvalidInput << u"empty"_s;
    QTest::newRow("blanks only") << QByteArray(" \t \r\n") << 512 << ErrorCode::InvalidInput << u"empty"_s;
    QTest::newRow("over the limit") << (QByteArray(600, 'a') + "\r\n") << 512 << ErrorCode::TooLarge << u"longer than 512 bytes"_s;
    QTest::newRow("one byte over a small limit") << QByteArray("abcdefghi.tl\r\n") << 11 << ErrorCode::TooLarge << u"longer than 11"_s;
    QTest::newRow("NUL byte") << QByteArray("example\0.tld\r\n", 14) << 512 << ErrorCode::InvalidInput << u"control character (byte 0x00)"_s;
    QTest::newRow("escape sequence") << QByteArray("\x1b[2Jexample.tld\r\n") << 512 << ErrorCode::InvalidInput << u"0x1b"_s;
    QTest::newRow("DEL") << QByteArray("example.tld\x7f\r\n") << 512 << ErrorCode::InvalidInput << u"0x7f"_s;
    QTest::newRow("bare CR inside") << QByteArray("example\r.tld\r\n") << 512 << ErrorCode::InvalidInput << u"0x0d"_s;
    QTest::newRow("second line") << QByteArray("example.tld\r\nhelp\r\n") << 512 << ErrorCode::InvalidInput << u"0x0d"_s;
    QTest::newRow("invalid UTF-8") << QByteArray("b\xfc" "cher.tld\r\n") << 512 << ErrorCode::InvalidInput << u"UTF-8"_s;
    QTest::newRow("overlong UTF-8 slash") << QByteArray("\xc0\xaf.tld\r\n") << 512 << ErrorCode::InvalidInput << u"UTF-8"_s;
    QTest::newRow("truncated UTF-8") << QByteArray("b\xc3\r\n") << 512 << ErrorCode::InvalidInput << u"UTF-8"_s;
    QTest::newRow("C1 control as UTF-8") << QByteArray("a\xc2\x85.tld\r\n") << 512 << ErrorCode::InvalidInput << u"U+0085"_s;
    QTest::newRow("bidi override") << QByteArray("a\xe2\x80\xae.tld\r\n") << 512 << ErrorCode::InvalidInput << u"U+202e"_s;
    QTest::newRow("single label") << QByteArray("example\r\n") << 512 << ErrorCode::InvalidInput << u"at least two labels"_s;
    QTest::newRow("empty label") << QByteArray("example..tld\r\n") << 512 << ErrorCode::InvalidInput << u"example..tld"_s;
    QTest::newRow("leading hyphen") << QByteArray("-example.tld\r\n") << 512 << ErrorCode::InvalidInput << u"not a valid domain name"_s;
    QTest::newRow("64-character label") << (QByteArray(64, 'a') + ".tld\r\n") << 512 << ErrorCode::InvalidInput << u"not a valid domain name"_s;
    QTest::newRow("name over 253") << (QByteArray("a.").repeated(127) + "tld\r\n") << 512 << ErrorCode::InvalidInput << u"longer than 253"_s;
    QTest::newRow("underscore") << QByteArray("ex_ample.tld\r\n") << 512 << ErrorCode::InvalidInput << u"ex_ample.tld"_s;
    QTest::newRow("wildcard") << QByteArray("*.tld\r\n") << 512 << ErrorCode::InvalidInput << u"*.tld"_s;
    QTest::newRow("bad punycode") << QByteArray("xn--zz--.tld\r\n") << 512 << ErrorCode::InvalidInput << u"xn--zz--.tld"_s;
    QTest::newRow("bad IPv4") << QByteArray("192.0.2.300\r\n") << 512 << ErrorCode::InvalidInput << u"not an IPv4 or IPv6"_s;
    QTest::newRow("bad IPv6") << QByteArray("2001:db8::1::2\r\n") << 512 << ErrorCode::InvalidInput << u"not an IPv4 or IPv6"_s;
    QTest::newRow("IPv6 scope") << QByteArray("fe80::1%eth0\r\n") << 512 << ErrorCode::InvalidInput << u"not an IPv4 or IPv6"_s;
    QTest::newRow("address keyword with a name") << QByteArray("address example.tld\r\n") << 512 << ErrorCode::InvalidInput << u"not an IPv4 or IPv6"_s;
    QTest::newRow("unknown keyword") << QByteArray("whois example.tld\r\n") << 512 << ErrorCode::InvalidInput << u"unknown keyword \"whois\""_s;
    QTest::newRow("keyword without argument") << QByteArray("nameserver\r\n") << 512 << ErrorCode::InvalidInput << u"needs an argument"_s;
    QTest::newRow("too many arguments") << QByteArray("domain a.tld b.tld\r\n") << 512 << ErrorCode::InvalidInput << u"unexpected \"b.tld\""_s;
    QTest::newRow("registrar name too long") << (QByteArray("registrar ") + QByteArray(300, 'r') + "\r\n") << 512 << ErrorCode::InvalidInput << u"at most 255"_s;
}

void tst_WhoisQuery::refusesHostileOrMalformedInput()
{
    QFETCH(QByteArray, line);
    QFETCH(int, maxBytes);
    QFETCH(ErrorCode, code);
    QFETCH(QString, messagePart);

    const reg::Result<WhoisQuery> query = parseWhoisQuery(line, maxBytes);
    QVERIFY(!query.ok());
    QCOMPARE(query.error().code, code);
    QVERIFY2(query.error().message.contains(messagePart, Qt::CaseInsensitive), qPrintable(query.error().message));
}

void tst_WhoisQuery::findsTheEndOfTheQueryLine_data()
{
    QTest::addColumn<QByteArray>("received");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<WhoisLineScan::State>("state");
    QTest::addColumn<int>("length");

    using S = WhoisLineScan::State;
    QTest::newRow("nothing yet") << QByteArray() << 16 << S::Incomplete << 0;
    QTest::newRow("part of a line") << QByteArray("example") << 16 << S::Incomplete << 0;
    QTest::newRow("CRLF") << QByteArray("example.tld\r\n") << 16 << S::Complete << 13;
    QTest::newRow("LF") << QByteArray("example.tld\n") << 16 << S::Complete << 12;
    QTest::newRow("bytes after the line") << QByteArray("a.tld\r\nmore") << 16 << S::Complete << 7;
    QTest::newRow("exactly the limit, CRLF") << QByteArray("0123456789abcdef\r\n") << 16 << S::Complete << 18;
    QTest::newRow("exactly the limit, CR pending") << QByteArray("0123456789abcdef\r") << 16 << S::Incomplete << 0;
    QTest::newRow("exactly the limit, no end yet") << QByteArray("0123456789abcdef") << 16 << S::Incomplete << 0;
    QTest::newRow("one over, no end") << QByteArray("0123456789abcdefg") << 16 << S::TooLong << 0;
    QTest::newRow("one over, with end") << QByteArray("0123456789abcdefg\r\n") << 16 << S::TooLong << 0;
    QTest::newRow("far over") << QByteArray(100000, 'x') << 16 << S::TooLong << 0;
    QTest::newRow("CR then junk over the limit") << QByteArray("0123456789abcdef\rx") << 16 << S::TooLong << 0;
}

void tst_WhoisQuery::findsTheEndOfTheQueryLine()
{
    QFETCH(QByteArray, received);
    QFETCH(int, maxBytes);
    QFETCH(WhoisLineScan::State, state);
    QFETCH(int, length);

    const WhoisLineScan scan = scanWhoisLine(received, maxBytes);
    QCOMPARE(scan.state, state);
    QCOMPARE(scan.length, qsizetype(length));
}

void tst_WhoisQuery::echoesTheQueryTextBounded()
{
    const reg::Result<WhoisQuery> query = parseWhoisQuery("registrar   Example    Registrar\r\n", 512);
    QVERIFY(query.ok());
    QCOMPARE(query->text, u"registrar Example Registrar"_s);
    QCOMPARE(QString::fromLatin1(WhoisQuery::typeName(query->type)), u"registrar"_s);
}

QTEST_APPLESS_MAIN(tst_WhoisQuery)
#include "tst_whoisquery.moc"
