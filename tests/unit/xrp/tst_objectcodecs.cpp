// Tests engine/xrp/commands/{commandrouting,elementreader,domaincodec,domaincommandparser,hostcodec,
// contactcodec,pollcodec}.cpp: RFC 5730-5733 commands parse into the SRS request structs with the
// values they carry; hostile and malformed commands are refused with the right result code and a
// message naming what was wrong, before anything reaches the registry.
#include "commandtesthelpers.h"

#include "xrp/commands/xmlwriting.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace reg::xrp;
namespace srs = reg::srs;
using testing::eppCommand;
using testing::parseCommand;
using testing::parseThrough;

namespace {

QByteArray readSample(const QString &name)
{
    QFile file(QFINDTESTDATA(u"data/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString domainCreate(const QString &inside)
{
    return u"<create><domain:create>"_s + inside + u"</domain:create></create>"_s;
}

const QString MinimalCreateTail = u"<domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo>"_s;

QString names(int count)
{
    QString xml;
    for (int i = 0; i < count; ++i)
        xml += u"<domain:name>n"_s + QString::number(i) + u".example</domain:name>"_s;
    return xml;
}

const QString ContactCreateBody =
    u"<create><contact:create><contact:id>sh8013</contact:id>"
    "<contact:postalInfo type=\"int\"><contact:name>John Doe</contact:name><contact:org>Example Inc.</contact:org>"
    "<contact:addr><contact:street>123 Example Dr.</contact:street><contact:street>Suite 100</contact:street>"
    "<contact:city>Dulles</contact:city><contact:sp>VA</contact:sp><contact:pc>20166-6503</contact:pc>"
    "<contact:cc>US</contact:cc></contact:addr></contact:postalInfo>"
    "<contact:voice x=\"1234\">+1.7035555555</contact:voice><contact:fax>+1.7035555556</contact:fax>"
    "<contact:email>jdoe@example.com</contact:email>"
    "<contact:authInfo><contact:pw>2fooBAR</contact:pw></contact:authInfo>"
    "<contact:disclose flag=\"0\"><contact:voice/><contact:email/></contact:disclose>"
    "</contact:create></create>"_s;

QString contactCreateWith(const QString &from, const QString &to)
{
    QString body = ContactCreateBody;
    body.replace(from, to);
    return body;
}

template<typename T>
T parsedOrFail(const EppOutcome<T> &outcome)
{
    if (!outcome) {
        qWarning("refused: %d %s", int(outcome.error().result), qPrintable(outcome.error().message));
        return T();
    }
    return outcome.value();
}

} // namespace

class tst_ObjectCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandsAreAcceptedOrRefused_data();
    void commandsAreAcceptedOrRefused();
    void domainCreateCarriesEveryValue();
    void domainPeriodInMonthsBecomesYears();
    void domainUpdateCarriesAddRemoveAndChange();
    void domainInfoRenewTransferValues();
    void hostCommandValues();
    void contactCreateAndUpdateValues();
    void pollCommandValues();
    void refusalMessagesCutLongClientNames();
    void datesAreWrittenAsQtWritesThem_data();
    void datesAreWrittenAsQtWritesThem();
};

void tst_ObjectCodecs::commandsAreAcceptedOrRefused_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<QStringList>("objectUris");
    QTest::addColumn<QStringList>("extensionUris");
    QTest::addColumn<int>("code");          // 0: accepted
    QTest::addColumn<QString>("mentions");  // a part of the refusal message

    const QStringList objects = testing::allObjectUris();
    const QStringList extensions = testing::allExtensionUris();
    auto row = [&](const char *tag, const QString &body, int code, const QString &mentions = {}, const QString &extension = {},
                   const QStringList &objectUris = testing::allObjectUris(), const QStringList &extensionUris = testing::allExtensionUris()) {
        QTest::newRow(tag) << body << extension << objectUris << extensionUris << code << mentions;
    };

    // Routing.
    row("unknown verb", u"<frobnicate><domain:frobnicate><domain:name>a.example</domain:name></domain:frobnicate></frobnicate>"_s,
        2000, u"frobnicate"_s);
    row("verb without object", u"<check/>"_s, 2001, u"object"_s);
    row("object service not offered",
        u"<check><w:check xmlns:w=\"urn:example:widget-1.0\"><w:name>a</w:name></w:check></check>"_s, 2307, u"widget"_s);
    row("object not announced at login", u"<check><domain:check><domain:name>a.example</domain:name></domain:check></check>"_s,
        2002, u"domain"_s, {}, QStringList{HostNamespace.toString()});
    row("object element of another verb", u"<check><domain:info><domain:name>a.example</domain:name></domain:info></check>"_s,
        2001, u"domain:info"_s);
    row("host renew", u"<renew><host:renew><host:name>ns1.example</host:name></host:renew></renew>"_s, 2101, u"host"_s);
    row("host transfer", u"<transfer op=\"request\"><host:transfer><host:name>ns1.example</host:name></host:transfer></transfer>"_s,
        2101, u"host"_s);
    row("contact renew", u"<renew><contact:renew><contact:id>sh8013</contact:id></contact:renew></renew>"_s, 2101, u"contact"_s);
    const QString check = u"<check><domain:check><domain:name>a.example</domain:name></domain:check></check>"_s;
    row("extension not offered", check, 2103, u"not offered"_s, u"<x:check xmlns:x=\"urn:example:launch-1.0\"/>"_s);
    row("extension not announced", check, 2103, u"svcExtension"_s,
        u"<fee:check><fee:command name=\"create\"/></fee:check>"_s, objects, QStringList{});
    row("extension response element in a command", check, 2001, u"secDNS:infData"_s,
        u"<secDNS:infData><secDNS:dsData/></secDNS:infData>"_s);
    row("extension on a command it does not apply to",
        u"<create><host:create><host:name>ns1.example.net</host:name></host:create></create>"_s, 2102, u"secDNS:create"_s,
        u"<secDNS:create><secDNS:dsData><secDNS:keyTag>1</secDNS:keyTag><secDNS:alg>8</secDNS:alg><secDNS:digestType>2</secDNS:digestType><secDNS:digest>AB</secDNS:digest></secDNS:dsData></secDNS:create>"_s);
    row("extension given twice", check, 2001, u"twice"_s,
        u"<fee:check><fee:command name=\"create\"/></fee:check><fee:check><fee:command name=\"renew\"/></fee:check>"_s);
    row("poll with an extension", u"<poll op=\"req\"/>"_s, 2102, u"poll"_s, u"<fee:check><fee:command name=\"create\"/></fee:check>"_s);

    // Domains: RFC 5731 samples.
    row("domain check", u"<check><domain:check><domain:name>example.com</domain:name><domain:name>example.net</domain:name></domain:check></check>"_s, 0);
    row("domain check with 100 names", u"<check><domain:check>"_s + names(100) + u"</domain:check></check>"_s, 0);
    row("domain info", u"<info><domain:info><domain:name hosts=\"all\">example.com</domain:name><domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo></domain:info></info>"_s, 0);
    row("domain create minimal", domainCreate(u"<domain:name>example.com</domain:name>"_s + MinimalCreateTail), 0);
    row("domain delete", u"<delete><domain:delete><domain:name>example.com</domain:name></domain:delete></delete>"_s, 0);
    row("domain renew", u"<renew><domain:renew><domain:name>example.com</domain:name><domain:curExpDate>2000-04-03</domain:curExpDate><domain:period unit=\"y\">5</domain:period></domain:renew></renew>"_s, 0);
    row("domain transfer request", u"<transfer op=\"request\"><domain:transfer><domain:name>example.com</domain:name><domain:period unit=\"y\">1</domain:period><domain:authInfo><domain:pw roid=\"JD1234-REP\">2fooBAR</domain:pw></domain:authInfo></domain:transfer></transfer>"_s, 0);
    row("domain transfer query", u"<transfer op=\"query\"><domain:transfer><domain:name>example.com</domain:name></domain:transfer></transfer>"_s, 0);
    row("domain update", u"<update><domain:update><domain:name>example.com</domain:name><domain:add><domain:ns><domain:hostObj>ns2.example.com</domain:hostObj></domain:ns><domain:contact type=\"tech\">mak21</domain:contact><domain:status s=\"clientHold\" lang=\"en\">Payment overdue.</domain:status></domain:add><domain:rem><domain:contact type=\"tech\">sh8013</domain:contact><domain:status s=\"clientUpdateProhibited\"/></domain:rem><domain:chg><domain:registrant>sh8013</domain:registrant><domain:authInfo><domain:pw>2BARfoo</domain:pw></domain:authInfo></domain:chg></domain:update></update>"_s, 0);

    // Domains: refusals.
    row("check without names", u"<check><domain:check/></check>"_s, 2003, u"domain:name"_s);
    row("check with 101 names", u"<check><domain:check>"_s + names(101) + u"</domain:check></check>"_s, 2306, u"at most 100"_s);
    row("check with an unknown element",
        u"<check><domain:check><domain:name>a.example</domain:name><domain:foo/></domain:check></check>"_s, 2001, u"domain:foo"_s);
    row("create without authInfo", domainCreate(u"<domain:name>example.com</domain:name>"_s), 2003, u"domain:authInfo"_s);
    row("create without name", domainCreate(MinimalCreateTail), 2003, u"domain:name"_s);
    row("create elements out of order",
        domainCreate(u"<domain:name>example.com</domain:name><domain:registrant>jd1234</domain:registrant><domain:period unit=\"y\">1</domain:period>"_s + MinimalCreateTail),
        2001, u"domain:period"_s);
    row("create period 0", domainCreate(u"<domain:name>a.example</domain:name><domain:period unit=\"y\">0</domain:period>"_s + MinimalCreateTail), 2004, u"domain:period"_s);
    row("create period 100", domainCreate(u"<domain:name>a.example</domain:name><domain:period unit=\"y\">100</domain:period>"_s + MinimalCreateTail), 2004, u"domain:period"_s);
    row("create period not a number", domainCreate(u"<domain:name>a.example</domain:name><domain:period unit=\"y\">two</domain:period>"_s + MinimalCreateTail), 2005, u"two"_s);
    row("create period of 18 months", domainCreate(u"<domain:name>a.example</domain:name><domain:period unit=\"m\">18</domain:period>"_s + MinimalCreateTail), 2306, u"months"_s);
    row("create period unit d", domainCreate(u"<domain:name>a.example</domain:name><domain:period unit=\"d\">1</domain:period>"_s + MinimalCreateTail), 2005, u"unit"_s);
    row("create period without unit", domainCreate(u"<domain:name>a.example</domain:name><domain:period>1</domain:period>"_s + MinimalCreateTail), 2003, u"unit"_s);
    row("create with hostAttr", domainCreate(u"<domain:name>a.example</domain:name><domain:ns><domain:hostAttr><domain:hostName>ns1.a.example</domain:hostName></domain:hostAttr></domain:ns>"_s + MinimalCreateTail), 2102, u"hostAttr"_s);
    row("create with a 300-character name", domainCreate(u"<domain:name>"_s + QString(300, u'a') + u"</domain:name>"_s + MinimalCreateTail), 2005, u"longer than 255"_s);
    row("create with an empty name", domainCreate(u"<domain:name> </domain:name>"_s + MinimalCreateTail), 2005, u"empty"_s);
    row("create with markup inside the name", domainCreate(u"<domain:name>a<domain:b/>.example</domain:name>"_s + MinimalCreateTail), 2001, u"domain:b"_s);
    row("create with an attribute on the name", domainCreate(u"<domain:name x=\"1\">a.example</domain:name>"_s + MinimalCreateTail), 2001, u"attribute x"_s);
    row("create with contact type owner", domainCreate(u"<domain:name>a.example</domain:name><domain:contact type=\"owner\">sh8013</domain:contact>"_s + MinimalCreateTail), 2005, u"owner"_s);
    row("create with contact without type", domainCreate(u"<domain:name>a.example</domain:name><domain:contact>sh8013</domain:contact>"_s + MinimalCreateTail), 2003, u"type"_s);
    row("create with a 2-character contact id", domainCreate(u"<domain:name>a.example</domain:name><domain:registrant>ab</domain:registrant>"_s + MinimalCreateTail), 2005, u"domain:registrant"_s);
    row("create with authInfo ext", domainCreate(u"<domain:name>a.example</domain:name><domain:authInfo><domain:ext/></domain:authInfo>"_s), 2102, u"ext"_s);
    row("create with the same name server twice", domainCreate(u"<domain:name>a.example</domain:name><domain:ns><domain:hostObj>ns1.b.example</domain:hostObj><domain:hostObj>NS1.b.example</domain:hostObj></domain:ns>"_s + MinimalCreateTail), 2005, u"twice"_s);
    row("info hosts=bogus", u"<info><domain:info><domain:name hosts=\"bogus\">a.example</domain:name></domain:info></info>"_s, 2005, u"hosts"_s);
    row("update with an unknown status", u"<update><domain:update><domain:name>a.example</domain:name><domain:add><domain:status s=\"clientFrozen\"/></domain:add></domain:update></update>"_s, 2005, u"clientFrozen"_s);
    row("update with a status without s", u"<update><domain:update><domain:name>a.example</domain:name><domain:add><domain:status/></domain:add></domain:update></update>"_s, 2003, u"s attribute"_s);
    row("update that changes nothing", u"<update><domain:update><domain:name>a.example</domain:name></domain:update></update>"_s, 2003, u"changes nothing"_s);
    row("update with chg before add", u"<update><domain:update><domain:name>a.example</domain:name><domain:chg><domain:registrant>sh8013</domain:registrant></domain:chg><domain:add><domain:status s=\"clientHold\"/></domain:add></domain:update></update>"_s, 2001, u"domain:add"_s);
    row("renew with a bad date", u"<renew><domain:renew><domain:name>a.example</domain:name><domain:curExpDate>2000-13-45</domain:curExpDate></domain:renew></renew>"_s, 2005, u"curExpDate"_s);
    row("renew without curExpDate", u"<renew><domain:renew><domain:name>a.example</domain:name></domain:renew></renew>"_s, 2003, u"domain:curExpDate"_s);
    row("transfer without op", u"<transfer><domain:transfer><domain:name>a.example</domain:name></domain:transfer></transfer>"_s, 2003, u"op"_s);
    row("transfer op bogus", u"<transfer op=\"steal\"><domain:transfer><domain:name>a.example</domain:name></domain:transfer></transfer>"_s, 2005, u"steal"_s);
    row("transfer approve with a period", u"<transfer op=\"approve\"><domain:transfer><domain:name>a.example</domain:name><domain:period unit=\"y\">1</domain:period></domain:transfer></transfer>"_s, 2001, u"period"_s);

    // Hosts (RFC 5732).
    row("host create", u"<create><host:create><host:name>ns1.example.com</host:name><host:addr ip=\"v4\">192.0.2.2</host:addr><host:addr>192.0.2.29</host:addr><host:addr ip=\"v6\">1080:0:0:0:8:800:200C:417A</host:addr></host:create></create>"_s, 0);
    row("host update", u"<update><host:update><host:name>ns1.example.com</host:name><host:add><host:addr ip=\"v4\">192.0.2.22</host:addr><host:status s=\"clientUpdateProhibited\"/></host:add><host:rem><host:addr ip=\"v6\">1080:0:0:0:8:800:200C:417A</host:addr></host:rem><host:chg><host:name>ns2.example.com</host:name></host:chg></host:update></update>"_s, 0);
    row("host addr ip v5", u"<create><host:create><host:name>ns1.example.com</host:name><host:addr ip=\"v5\">192.0.2.2</host:addr></host:create></create>"_s, 2005, u"v5"_s);
    QString manyAddresses;
    for (int i = 1; i <= 26; ++i)
        manyAddresses += u"<host:addr>192.0.2."_s + QString::number(i) + u"</host:addr>"_s;
    row("host with 26 addresses", u"<create><host:create><host:name>ns1.example.com</host:name>"_s + manyAddresses + u"</host:create></create>"_s, 0);
    manyAddresses += u"<host:addr>192.0.2.27</host:addr>"_s;
    row("host with 27 addresses", u"<create><host:create><host:name>ns1.example.com</host:name>"_s + manyAddresses + u"</host:create></create>"_s, 2306, u"at most 26"_s);
    row("host with an address twice", u"<create><host:create><host:name>ns1.example.com</host:name><host:addr>192.0.2.2</host:addr><host:addr ip=\"v4\">192.0.2.2</host:addr></host:create></create>"_s, 2005, u"twice"_s);
    row("host update that changes nothing", u"<update><host:update><host:name>ns1.example.com</host:name></host:update></update>"_s, 2003, u"changes nothing"_s);
    row("host check without names", u"<check><host:check/></check>"_s, 2003, u"host:name"_s);
    row("host chg without name", u"<update><host:update><host:name>ns1.example.com</host:name><host:chg/></host:update></update>"_s, 2003, u"host:name"_s);

    // Contacts (RFC 5733).
    row("contact create", ContactCreateBody, 0);
    row("contact check", u"<check><contact:check><contact:id>sh8013</contact:id><contact:id>sah8013</contact:id></contact:check></check>"_s, 0);
    row("contact transfer request", u"<transfer op=\"request\"><contact:transfer><contact:id>sh8013</contact:id><contact:authInfo><contact:pw>2fooBAR</contact:pw></contact:authInfo></contact:transfer></transfer>"_s, 0);
    row("contact update", u"<update><contact:update><contact:id>sh8013</contact:id><contact:add><contact:status s=\"clientDeleteProhibited\"/></contact:add><contact:chg><contact:postalInfo type=\"int\"><contact:name>Jane Doe</contact:name><contact:addr><contact:street>124 Example Dr.</contact:street><contact:city>Dulles</contact:city><contact:cc>US</contact:cc></contact:addr></contact:postalInfo><contact:voice>+1.7034444444</contact:voice><contact:fax/><contact:disclose flag=\"1\"><contact:voice/><contact:email/></contact:disclose></contact:chg></contact:update></update>"_s, 0);
    row("contact int postal info not ASCII", contactCreateWith(u"John Doe"_s, u"Jörg Müller"_s), 2005, u"ASCII"_s);
    row("contact with three postalInfo", contactCreateWith(u"</contact:postalInfo>"_s, u"</contact:postalInfo><contact:postalInfo type=\"loc\"><contact:name>A</contact:name><contact:addr><contact:city>B</contact:city><contact:cc>DE</contact:cc></contact:addr></contact:postalInfo><contact:postalInfo type=\"loc\"><contact:name>A</contact:name><contact:addr><contact:city>B</contact:city><contact:cc>DE</contact:cc></contact:addr></contact:postalInfo>"_s), 2001, u"contact:postalInfo"_s);
    row("contact with two int forms", contactCreateWith(u"</contact:postalInfo>"_s, u"</contact:postalInfo><contact:postalInfo type=\"int\"><contact:name>A</contact:name><contact:addr><contact:city>B</contact:city><contact:cc>DE</contact:cc></contact:addr></contact:postalInfo>"_s), 2005, u"one of each type"_s);
    row("contact postalInfo without type", contactCreateWith(u"<contact:postalInfo type=\"int\">"_s, u"<contact:postalInfo>"_s), 2003, u"type"_s);
    row("contact voice not e164", contactCreateWith(u"+1.7035555555"_s, u"703-555-5555"_s), 2005, u"contact:voice"_s);
    row("contact country code of three letters", contactCreateWith(u"<contact:cc>US</contact:cc>"_s, u"<contact:cc>USA</contact:cc>"_s), 2005, u"contact:cc"_s);
    row("contact with four streets", contactCreateWith(u"<contact:street>Suite 100</contact:street>"_s, u"<contact:street>a</contact:street><contact:street>b</contact:street><contact:street>c</contact:street>"_s), 2001, u"contact:street"_s);
    row("contact without email", contactCreateWith(u"<contact:email>jdoe@example.com</contact:email>"_s, QString()), 2003, u"contact:email"_s);
    row("contact email without @", contactCreateWith(u"jdoe@example.com"_s, u"jdoe.example.com"_s), 2005, u"e-mail"_s);
    row("contact disclose without flag", contactCreateWith(u"<contact:disclose flag=\"0\">"_s, u"<contact:disclose>"_s), 2003, u"flag"_s);
    row("contact disclose naming nothing", contactCreateWith(u"<contact:voice/><contact:email/></contact:disclose>"_s, u"</contact:disclose>"_s), 2003, u"at least one"_s);
    row("contact id of 17 characters", contactCreateWith(u"<contact:id>sh8013</contact:id>"_s, u"<contact:id>abcdefghijklmnopq</contact:id>"_s), 2005, u"contact:id"_s);
    row("contact update that changes nothing", u"<update><contact:update><contact:id>sh8013</contact:id><contact:chg/></contact:update></update>"_s, 2003, u"changes nothing"_s);
    row("contact chg with a partial postalInfo", u"<update><contact:update><contact:id>sh8013</contact:id><contact:chg><contact:postalInfo type=\"int\"><contact:org>X</contact:org></contact:postalInfo></contact:chg></contact:update></update>"_s, 2306, u"whole form"_s);

    // Poll (RFC 5730 2.9.2.3).
    row("poll req", u"<poll op=\"req\"/>"_s, 0);
    row("poll ack", u"<poll op=\"ack\" msgID=\"12345\"/>"_s, 0);
    row("poll ack without msgID", u"<poll op=\"ack\"/>"_s, 2003, u"msgID"_s);
    row("poll op bogus", u"<poll op=\"peek\"/>"_s, 2005, u"peek"_s);
    row("poll req with msgID", u"<poll op=\"req\" msgID=\"1\"/>"_s, 2001, u"msgID"_s);
}

void tst_ObjectCodecs::commandsAreAcceptedOrRefused()
{
    QFETCH(QString, body);
    QFETCH(QString, extension);
    QFETCH(QStringList, objectUris);
    QFETCH(QStringList, extensionUris);
    QFETCH(int, code);
    QFETCH(QString, mentions);

    const auto parsed = parseCommand(eppCommand(body, extension), objectUris, extensionUris);
    QVERIFY2(parsed->parseError.isEmpty(), qPrintable(parsed->parseError));
    const std::optional<EppError> error = parseThrough(parsed->command);
    if (code == 0) {
        QVERIFY2(!error, error ? qPrintable(QString::number(int(error->result)) + u' ' + error->message) : "");
        return;
    }
    QVERIFY2(error, "the command was accepted");
    QCOMPARE(int(error->result), code);
    QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
}

void tst_ObjectCodecs::domainCreateCarriesEveryValue()
{
    const auto parsed = parseCommand(readSample(u"domain-create.xml"_s));
    QVERIFY(parsed->command.object);
    const srs::DomainCreateRequest request = parsedOrFail(parseDomainCreate(*parsed->command.object));
    QCOMPARE(request.name, u"example.com"_s);
    QCOMPARE(request.period.years, 2);
    QCOMPARE(request.nameServers, (QStringList{u"ns1.example.net"_s, u"ns2.example.net"_s}));
    QCOMPARE(request.registrantId, u"jd1234"_s);
    QCOMPARE(request.contacts.size(), 2);
    QCOMPARE(request.contacts[0].type, srs::DomainContact::Type::Admin);
    QCOMPARE(request.contacts[1].type, srs::DomainContact::Type::Tech);
    QCOMPARE(request.contacts[1].id, u"sh8013"_s);
    QCOMPARE(request.authInfo, u"2fooBAR"_s);
    QVERIFY(!request.acceptedFeeCents);
}

void tst_ObjectCodecs::domainPeriodInMonthsBecomesYears()
{
    const auto parsed = parseCommand(eppCommand(domainCreate(u"<domain:name>a.example</domain:name><domain:period unit=\"m\">24</domain:period>"_s + MinimalCreateTail)));
    const srs::DomainCreateRequest request = parsedOrFail(parseDomainCreate(*parsed->command.object));
    QCOMPARE(request.period.years, 2);
}

void tst_ObjectCodecs::domainUpdateCarriesAddRemoveAndChange()
{
    const auto parsed = parseCommand(eppCommand(
        u"<update><domain:update><domain:name> example.com </domain:name><domain:add><domain:ns><domain:hostObj>ns2.example.com</domain:hostObj></domain:ns>"
        "<domain:contact type=\"tech\">mak21</domain:contact><domain:status s=\"clientHold\">Payment overdue.</domain:status></domain:add>"
        "<domain:rem><domain:ns><domain:hostObj>ns1.example.com</domain:hostObj></domain:ns><domain:contact type=\"billing\">sh8013</domain:contact>"
        "<domain:status s=\"clientUpdateProhibited\"/></domain:rem><domain:chg><domain:registrant>sh8013</domain:registrant>"
        "<domain:authInfo><domain:null/></domain:authInfo></domain:chg></domain:update></update>"_s));
    const srs::DomainUpdateRequest request = parsedOrFail(parseDomainUpdate(*parsed->command.object));
    QCOMPARE(request.name, u"example.com"_s);   // xs:token: surrounding whitespace collapsed
    QCOMPARE(request.addNameServers, QStringList{u"ns2.example.com"_s});
    QCOMPARE(request.removeNameServers, QStringList{u"ns1.example.com"_s});
    QCOMPARE(request.addContacts.size(), 1);
    QCOMPARE(request.addContacts[0].id, u"mak21"_s);
    QCOMPARE(request.removeContacts[0].type, srs::DomainContact::Type::Billing);
    QVERIFY(request.addStatuses == srs::StatusSet{srs::EppStatus::ClientHold});
    QVERIFY(request.removeStatuses == srs::StatusSet{srs::EppStatus::ClientUpdateProhibited});
    QCOMPARE(request.registrantId, std::optional<QString>(u"sh8013"_s));
    QCOMPARE(request.authInfo, std::optional<QString>(QString()));   // <domain:null/>: unset
    QVERIFY(hasDomainChanges(request));
}

void tst_ObjectCodecs::domainInfoRenewTransferValues()
{
    auto info = parseCommand(eppCommand(u"<info><domain:info><domain:name hosts=\"sub\">a.example</domain:name></domain:info></info>"_s));
    const DomainInfoQuery query = parsedOrFail(parseDomainInfo(*info->command.object));
    QCOMPARE(query.name, u"a.example"_s);
    QCOMPARE(query.hosts, srs::HostsFilter::Subordinate);
    QVERIFY(!query.authInfo);

    auto renew = parseCommand(eppCommand(u"<renew><domain:renew><domain:name>a.example</domain:name><domain:curExpDate>2027-04-03</domain:curExpDate></domain:renew></renew>"_s));
    const srs::DomainRenewRequest request = parsedOrFail(parseDomainRenew(*renew->command.object));
    QCOMPARE(request.currentExpiryDate, QDate(2027, 4, 3));
    QCOMPARE(request.period.years, 1);   // the default when no period is given

    auto transfer = parseCommand(eppCommand(u"<transfer op=\"reject\"><domain:transfer><domain:name>a.example</domain:name><domain:authInfo><domain:pw>x</domain:pw></domain:authInfo></domain:transfer></transfer>"_s));
    const DomainTransferCommand command = parsedOrFail(parseDomainTransfer(*transfer->command.action, *transfer->command.object));
    QVERIFY(!command.query);
    QCOMPARE(command.request.operation, srs::TransferOperation::Reject);
    QCOMPARE(command.request.authInfo, std::optional<QString>(u"x"_s));
}

void tst_ObjectCodecs::hostCommandValues()
{
    auto create = parseCommand(eppCommand(u"<create><host:create><host:name>ns1.example.com</host:name><host:addr>192.0.2.2</host:addr><host:addr ip=\"v6\">2001:db8::1</host:addr></host:create></create>"_s));
    const srs::HostCreateRequest request = parsedOrFail(parseHostCreate(*create->command.object));
    QCOMPARE(request.name, u"ns1.example.com"_s);
    QCOMPARE(request.addresses.size(), 2);
    QCOMPARE(request.addresses[0].version, srs::IpVersion::V4);   // RFC 5732: v4 is the default
    QCOMPARE(request.addresses[1].version, srs::IpVersion::V6);
    QCOMPARE(request.addresses[1].address, u"2001:db8::1"_s);

    auto update = parseCommand(eppCommand(u"<update><host:update><host:name>ns1.example.com</host:name><host:rem><host:addr>192.0.2.2</host:addr></host:rem><host:chg><host:name>ns9.example.com</host:name></host:chg></host:update></update>"_s));
    const srs::HostUpdateRequest change = parsedOrFail(parseHostUpdate(*update->command.object));
    QCOMPARE(change.removeAddresses.size(), 1);
    QCOMPARE(change.newName, std::optional<QString>(u"ns9.example.com"_s));
}

void tst_ObjectCodecs::contactCreateAndUpdateValues()
{
    auto create = parseCommand(eppCommand(ContactCreateBody));
    const srs::ContactCreateRequest request = parsedOrFail(parseContactCreate(*create->command.object));
    QCOMPARE(request.id, u"sh8013"_s);
    QCOMPARE(request.postalInfo.size(), 1);
    QCOMPARE(request.postalInfo[0].type, srs::PostalInfo::Type::International);
    QCOMPARE(request.postalInfo[0].street, (QStringList{u"123 Example Dr."_s, u"Suite 100"_s}));
    QCOMPARE(request.postalInfo[0].cc, u"US"_s);
    QCOMPARE(request.voice.number, u"+1.7035555555"_s);
    QCOMPARE(request.voice.extension, u"1234"_s);
    QCOMPARE(request.email, u"jdoe@example.com"_s);
    QVERIFY(request.disclose);
    QVERIFY(!request.disclose->flag);
    QVERIFY(request.disclose->voice && request.disclose->email && !request.disclose->name);

    auto update = parseCommand(eppCommand(u"<update><contact:update><contact:id>sh8013</contact:id><contact:rem><contact:status s=\"clientDeleteProhibited\"/></contact:rem><contact:chg><contact:fax/><contact:email>new@example.com</contact:email></contact:chg></contact:update></update>"_s));
    const srs::ContactUpdateRequest change = parsedOrFail(parseContactUpdate(*update->command.object));
    QVERIFY(change.removeStatuses == srs::StatusSet{srs::EppStatus::ClientDeleteProhibited});
    QVERIFY(change.fax && change.fax->isEmpty());   // an empty fax removes it
    QVERIFY(!change.voice);
    QCOMPARE(change.email, std::optional<QString>(u"new@example.com"_s));
}

void tst_ObjectCodecs::pollCommandValues()
{
    auto ack = parseCommand(eppCommand(u"<poll op=\"ack\" msgID=\"77\"/>"_s));
    const PollCommand command = parsedOrFail(parsePoll(*ack->command.action));
    QVERIFY(command.ack);
    QCOMPARE(command.messageId, u"77"_s);
}

void tst_ObjectCodecs::refusalMessagesCutLongClientNames()
{
    const QString longName = QString(500, u'x');
    const auto parsed = parseCommand(eppCommand(u"<check><domain:check><domain:name>a.example</domain:name><domain:"_s + longName + u"/></domain:check></check>"_s));
    const std::optional<EppError> error = parseThrough(parsed->command);
    QVERIFY(error);
    QCOMPARE(error->result, EppResult::CommandSyntaxError);
    QVERIFY2(error->message.size() < 200, qPrintable(error->message));
}

QTEST_GUILESS_MAIN(tst_ObjectCodecs)
// eppDateTime writes the digits itself (speed); it must match Qt's ISODateWithMs text exactly.
void tst_ObjectCodecs::datesAreWrittenAsQtWritesThem_data()
{
    QTest::addColumn<QDateTime>("when");
    QTest::newRow("utc-with-ms") << QDateTime(QDate(2027, 11, 21), QTime(8, 0, 0, 7), Qt::UTC);
    QTest::newRow("utc-end-of-year") << QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("offset-becomes-utc") << QDateTime(QDate(2027, 1, 1), QTime(1, 30), Qt::OffsetFromUTC, 5400);
    QTest::newRow("year-1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("year-9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("year-10000-falls-back") << QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("invalid") << QDateTime();
}

void tst_ObjectCodecs::datesAreWrittenAsQtWritesThem()
{
    QFETCH(QDateTime, when);
    QCOMPARE(eppDateTime(when), when.toUTC().toString(Qt::ISODateWithMs));
}

#include "tst_objectcodecs.moc"
