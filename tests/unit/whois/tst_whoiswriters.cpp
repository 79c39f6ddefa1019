#include "whoistestviews.h"

#include "whois/whoisquery.h"
#include "whois/whoistextwriter.h"
#include "whois/whoisxmlwriter.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace reg;
using namespace Qt::StringLiterals;
using reg::whois::WhoisAnswerContext;
using reg::whois::WhoisQuery;
using reg::whois::WhoisTextWriter;
using reg::whois::WhoisXmlWriter;

Q_DECLARE_METATYPE(srs::PrivacyLevel)

namespace {

const WhoisAnswerContext context{whoistest::at(21, 14, 5)};

QStringList lines(const QByteArray &answer)
{
    return QString::fromUtf8(answer).split(u"\r\n"_s);
}

// The text of every element or attribute with this name in an XWP answer, in document order.
QStringList xmlValues(const QByteArray &xml, const QString &path)
{
    QStringList values;
    QXmlStreamReader reader(xml);
    QStringList stack;
    const QStringList wanted = path.split(u'/');
    const bool attribute = wanted.back().startsWith(u'@');
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            stack.append(reader.name().toString());
            if (attribute && stack.size() == wanted.size() - 1 && stack == wanted.first(wanted.size() - 1)) {
                const QString name = wanted.back().mid(1);
                if (reader.attributes().hasAttribute(name))
                    values.append(reader.attributes().value(name).toString());
            }
            if (!attribute && stack == wanted)
                values.append(reader.readElementText(QXmlStreamReader::IncludeChildElements)), stack.removeLast();
        } else if (reader.isEndElement()) {
            stack.removeLast();
        }
    }
    return values;
}

} // namespace

// The text and XWP forms of every answer, over hand-built records: fixed labels, UTC dates,
// privacy applied to every contact, custom fields last, and XWP valid against its schema.
class tst_WhoisWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textShowsTheDomainWithFixedLabels();
    void textAppliesThePrivacyLevelToEveryContact_data();
    void textAppliesThePrivacyLevelToEveryContact();
    void xmlAppliesThePrivacyLevelToEveryContact_data();
    void xmlAppliesThePrivacyLevelToEveryContact();
    void bothFormsPutCustomFieldsInAdditionalInformation();
    void storedValuesCannotForgeLinesOrBreakXml();
    void textAnswersHostsRegistrarsAndRefusals();
    void xmlAnswersAreValidAgainstTheSchema_data();
    void xmlAnswersAreValidAgainstTheSchema();
};

void tst_WhoisWriters::textShowsTheDomainWithFixedLabels()
{
    const QStringList out = lines(WhoisTextWriter().domain(whoistest::domain(srs::PrivacyLevel::Unrestricted), context));
    for (const QString &expected : {
             u"Domain Name: xn--bcher-kva.tld"_s,
             u"Internationalized Domain Name: bücher.tld"_s,
             u"Registry Domain ID: D42-REG"_s,
             u"Registrar: Example Registrar"_s,
             u"Registrar ID: registrar1"_s,
             u"Registrar IANA ID: 9999"_s,
             u"Registrar WHOIS Server: whois.registrar.example"_s,
             u"Creation Date: 2026-11-05T08:30:00Z"_s,
             u"Updated Date: 2026-11-20T14:05:00Z"_s,
             u"Registry Expiry Date: 2027-11-05T08:30:00Z"_s,
             u"Last Transfer Date: 2026-11-10T12:00:00Z"_s,
             u"Domain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited"_s,
             u"Domain Status: serverHold https://icann.org/epp#serverHold"_s,
             u"Name Server: ns1.xn--bcher-kva.tld"_s,
             u"Internationalized Name Server: ns1.bücher.tld"_s,
             u"Name Server IP: ns1.xn--bcher-kva.tld 192.0.2.53"_s,
             u"Name Server IP: ns1.xn--bcher-kva.tld 2001:db8::53"_s,
             u"Name Server: ns.other.example"_s,
             u"DNSSEC: signedDelegation"_s,
             u"DS Record: 12345 13 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE3C8E3A1E6D2A1F5D3B7C9E01"_s,
             u">>> Last update of Whois database: 2026-11-21T14:05:00Z <<<"_s}) {
        QVERIFY2(out.contains(expected), qPrintable(expected));
    }
    QVERIFY(out.first().startsWith(u"% "_s));
    // Every line of the body is "Label: value", a "% " comment, or blank.
    for (const QString &line : out) {
        QVERIFY2(line.isEmpty() || line.startsWith(u"% "_s) || line.startsWith(u">>> "_s) || line.contains(u": "_s)
                     || line.endsWith(u':'),
                 qPrintable(line));
    }
    QVERIFY(!out.contains(u"Internationalized Name Server: ns.other.example"_s));   // ASCII: one form only
}

void tst_WhoisWriters::textAppliesThePrivacyLevelToEveryContact_data()
{
    QTest::addColumn<srs::PrivacyLevel>("level");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QStringList>("hidden");

    const QStringList all{u"ID"_s, u"Name"_s, u"Organization"_s, u"Street"_s, u"City"_s, u"State/Province"_s,
                          u"Postal Code"_s, u"Country"_s, u"Phone"_s, u"Fax"_s, u"Email"_s};
    QTest::newRow("unrestricted shows everything") << srs::PrivacyLevel::Unrestricted << all << QStringList();
    QTest::newRow("restricted shows name and address")
        << srs::PrivacyLevel::Restricted
        << QStringList{u"ID"_s, u"Name"_s, u"Organization"_s, u"Street"_s, u"City"_s, u"State/Province"_s, u"Postal Code"_s, u"Country"_s}
        << QStringList{u"Phone"_s, u"Fax"_s, u"Email"_s};
    QTest::newRow("private shows nothing personal") << srs::PrivacyLevel::Private << QStringList() << all;
}

void tst_WhoisWriters::textAppliesThePrivacyLevelToEveryContact()
{
    QFETCH(srs::PrivacyLevel, level);
    QFETCH(QStringList, shown);
    QFETCH(QStringList, hidden);

    const QByteArray answer = WhoisTextWriter().domain(whoistest::domain(level), context);
    const QStringList out = lines(answer);
    for (const QString &role : {u"Registrant"_s, u"Admin"_s, u"Tech"_s, u"Billing"_s}) {
        QVERIFY(out.contains(role + u" Privacy: "_s + srs::privacyLevelName(level)));
        for (const QString &field : shown) {
            const QString label = role + u' ' + field + u": "_s;
            QVERIFY2(std::any_of(out.begin(), out.end(), [&](const QString &l) { return l.startsWith(label); }), qPrintable(label));
        }
        for (const QString &field : hidden) {
            const QString label = role + u' ' + field + u": "_s;
            QVERIFY2(std::none_of(out.begin(), out.end(), [&](const QString &l) { return l.startsWith(label); }), qPrintable(label));
        }
    }
    // Nothing withheld appears anywhere, under any label.
    if (hidden.contains(u"Email"_s))
        QVERIFY(!answer.contains("@mail.example"));
    if (hidden.contains(u"Phone"_s))
        QVERIFY(!answer.contains("5555551234"));
    if (hidden.contains(u"Name"_s)) {
        QVERIFY(!answer.contains("Person "));
        QVERIFY(!answer.contains("Springfield"));
        QVERIFY(!answer.contains("reg-1"));
    }
    // Seed 001: name servers and the registrar stay visible at every level.
    QVERIFY(out.contains(u"Name Server: ns1.xn--bcher-kva.tld"_s));
    QVERIFY(out.contains(u"Registrar: Example Registrar"_s));
}

void tst_WhoisWriters::xmlAppliesThePrivacyLevelToEveryContact_data()
{
    textAppliesThePrivacyLevelToEveryContact_data();
}

void tst_WhoisWriters::xmlAppliesThePrivacyLevelToEveryContact()
{
    QFETCH(srs::PrivacyLevel, level);
    QFETCH(QStringList, hidden);

    const QByteArray xml = WhoisXmlWriter().domain(whoistest::domain(level), context);
    QCOMPARE(xmlValues(xml, u"xwp/domain/contact/@role"_s), (QStringList{u"registrant"_s, u"admin"_s, u"tech"_s, u"billing"_s}));
    QCOMPARE(xmlValues(xml, u"xwp/domain/contact/@privacy"_s), QStringList(4, srs::privacyLevelName(level)));
    const auto count = [&](const char *element) { return xmlValues(xml, u"xwp/domain/contact/"_s + QLatin1StringView(element)).size(); };
    QCOMPARE(count("name"), hidden.contains(u"Name"_s) ? 0 : 4);
    QCOMPARE(count("address"), hidden.contains(u"City"_s) ? 0 : 4);
    QCOMPARE(count("voice"), hidden.contains(u"Phone"_s) ? 0 : 4);
    QCOMPARE(count("email"), hidden.contains(u"Email"_s) ? 0 : 4);
    QCOMPARE(xmlValues(xml, u"xwp/domain/contact/@id"_s).size(), hidden.contains(u"ID"_s) ? 0 : 4);
    if (hidden.contains(u"Email"_s))
        QVERIFY(!xml.contains("@mail.example"));
    QCOMPARE(xmlValues(xml, u"xwp/domain/nameServer/name"_s), (QStringList{u"ns1.xn--bcher-kva.tld"_s, u"ns.other.example"_s}));
    QCOMPARE(xmlValues(xml, u"xwp/domain/registrar/name"_s), QStringList{u"Example Registrar"_s});
}

void tst_WhoisWriters::bothFormsPutCustomFieldsInAdditionalInformation()
{
    const directory::DomainView domain = whoistest::domain(srs::PrivacyLevel::Restricted);
    const QStringList out = lines(WhoisTextWriter().domain(domain, context));
    const qsizetype additional = out.indexOf(u"Additional Information: "_s);
    QVERIFY(additional > 0);
    QCOMPARE(out.at(additional + 1), u"trademark: BÜCHER (EUIPO 0123)"_s);
    QCOMPARE(out.at(additional + 2), u"sunrise-phase: A"_s);
    QVERIFY(out.at(additional + 4).startsWith(u">>> Last update"_s));   // nothing between them and the footer

    const QByteArray xml = WhoisXmlWriter().domain(domain, context);
    QCOMPARE(xmlValues(xml, u"xwp/domain/additional/custom/@name"_s), (QStringList{u"trademark"_s, u"sunrise-phase"_s}));
    QCOMPARE(xmlValues(xml, u"xwp/domain/additional/custom/@value"_s), (QStringList{u"BÜCHER (EUIPO 0123)"_s, u"A"_s}));
}

void tst_WhoisWriters::storedValuesCannotForgeLinesOrBreakXml()
{
    directory::DomainView domain = whoistest::domain(srs::PrivacyLevel::Private);
    domain.customFields = {{u"note"_s, u"x\r\nRegistrant Email: forged@evil.example\u0001"_s}};
    domain.sponsor.name = u"Evil\nDomain Status: ok"_s;
    const QStringList out = lines(WhoisTextWriter().domain(domain, context));
    QVERIFY(!out.contains(u"Registrant Email: forged@evil.example"_s));
    QVERIFY(!out.contains(u"Domain Status: ok"_s));
    QVERIFY(out.contains(u"note: x  Registrant Email: forged@evil.example "_s));

    const QByteArray xml = WhoisXmlWriter().domain(domain, context);
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
}

void tst_WhoisWriters::textAnswersHostsRegistrarsAndRefusals()
{
    const WhoisTextWriter writer;
    const QStringList hosts = lines(writer.hosts({whoistest::host(u"ns1.example.tld"_s, {QHostAddress(u"192.0.2.53"_s)}),
                                                  whoistest::host(u"ns2.example.tld"_s, {QHostAddress(u"192.0.2.53"_s)})},
                                                 context));
    QVERIFY(hosts.contains(u"Server Name: ns1.example.tld"_s));
    QVERIFY(hosts.contains(u"Server Name: ns2.example.tld"_s));
    QCOMPARE(hosts.count(u"IP Address: 192.0.2.53"_s), 2);
    QVERIFY(hosts.contains(u"Server Status: linked https://icann.org/epp#linked"_s));
    QVERIFY(hosts.contains(u"Creation Date: 2026-11-04T07:00:00Z"_s));

    const QStringList registrar = lines(writer.registrar(whoistest::registrar(), context));
    QVERIFY(registrar.contains(u"Registrar Web WHOIS URL: https://registrar.example/whois"_s));
    QVERIFY(registrar.contains(u"Registrar Status: ok"_s));

    directory::RegistrarView second = whoistest::registrar();
    second.id = u"registrar2"_s;
    second.name = u"Second Registrar"_s;
    const QStringList list = lines(writer.registrars({whoistest::registrar(), second}, context));
    QVERIFY(list.contains(u"Registrar: Second Registrar"_s));
    QVERIFY(list.contains(u"Registrar ID: registrar2"_s));

    Result<WhoisQuery> idn = whois::parseWhoisQuery("bücher.tld\r\n", 512);
    QVERIFY(idn.ok());
    QVERIFY(lines(writer.noMatch(*idn, context)).contains(u"No match for \"xn--bcher-kva.tld\" (\"bücher.tld\")."_s));
    Result<WhoisQuery> address = whois::parseWhoisQuery("192.0.2.9\r\n", 512);
    QVERIFY(address.ok());
    QVERIFY(lines(writer.noMatch(*address, context)).contains(u"No match for \"192.0.2.9\"."_s));

    QCOMPARE(writer.rateLimited(QHostAddress(u"192.0.2.7"_s), 4),
             QByteArray("% Query rate limit exceeded for 192.0.2.7; try again in 4 seconds.\r\n"));
    QVERIFY(writer.temporaryFailure().startsWith("% Temporary failure"));
    QVERIFY(!writer.temporaryFailure().contains("No match"));
    QVERIFY(writer.invalidQuery(u"the query is not valid UTF-8"_s).startsWith("% Error: the query is not valid UTF-8\r\n"));
    const QStringList help = lines(writer.help(context));
    QVERIFY(std::any_of(help.begin(), help.end(), [](const QString &l) { return l.contains(u"\"xml\" in front"_s); }));
}

void tst_WhoisWriters::xmlAnswersAreValidAgainstTheSchema_data()
{
    QTest::addColumn<QByteArray>("xml");
    const WhoisXmlWriter writer;
    Result<WhoisQuery> query = whois::parseWhoisQuery("bücher.tld\r\n", 512);
    QVERIFY(query.ok());
    directory::DomainView minimal;
    minimal.name = minimal.unicodeName = u"min.tld"_s;
    minimal.roid = u"D1-REG"_s;
    minimal.sponsor.id = u"r"_s;
    minimal.sponsor.name = u"R"_s;
    minimal.createdAt = whoistest::at(1, 0, 0);
    minimal.expiresAt = whoistest::at(2, 0, 0);
    QTest::newRow("domain, unrestricted") << writer.domain(whoistest::domain(srs::PrivacyLevel::Unrestricted), context);
    QTest::newRow("domain, restricted") << writer.domain(whoistest::domain(srs::PrivacyLevel::Restricted), context);
    QTest::newRow("domain, private") << writer.domain(whoistest::domain(srs::PrivacyLevel::Private), context);
    QTest::newRow("domain, minimal") << writer.domain(minimal, context);
    QTest::newRow("hosts") << writer.hosts({whoistest::host(u"ns1.example.tld"_s, {QHostAddress(u"192.0.2.53"_s)})}, context);
    QTest::newRow("registrar") << writer.registrar(whoistest::registrar(), context);
    QTest::newRow("registrars") << writer.registrars({whoistest::registrar()}, context);
    QTest::newRow("help") << writer.help(context);
    QTest::newRow("no match") << writer.noMatch(*query, context);
    QTest::newRow("rate limited") << writer.rateLimited(QHostAddress(u"::1"_s), 3);
    QTest::newRow("temporary failure") << writer.temporaryFailure();
    QTest::newRow("invalid query") << writer.invalidQuery(u"the query is empty"_s);
}

void tst_WhoisWriters::xmlAnswersAreValidAgainstTheSchema()
{
    QFETCH(QByteArray, xml);
    const QString schema = qEnvironmentVariable("REGISTRY_SOURCE_DIR") + u"/resources/whois/xwp-1.0.xsd"_s;
    QVERIFY2(QFile::exists(schema), qPrintable(schema));
    QProcess xmllint;
    xmllint.start(u"xmllint"_s, {u"--noout"_s, u"--schema"_s, schema, u"-"_s});
    QVERIFY2(xmllint.waitForStarted(), "xmllint (Debian package libxml2-utils) is needed");
    xmllint.write(xml);
    xmllint.closeWriteChannel();
    QVERIFY(xmllint.waitForFinished(30000));
    QVERIFY2(xmllint.exitCode() == 0, qPrintable(QString::fromUtf8(xmllint.readAllStandardError() + "\n" + xml)));
    QVERIFY(xml.contains("xmlns=\"urn:registry:params:xml:ns:xwp-1.0\""));
}

QTEST_GUILESS_MAIN(tst_WhoisWriters)
#include "tst_whoiswriters.moc"
