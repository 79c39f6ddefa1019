// Whois on port 43 end to end: a real registryd from `init --demo`, objects made over XRP by a
// demo registrar, and every query type asked over real TCP connections (one per query, RFC 3912):
// text and XWP (validated with xmllint against resources/whois/xwp-1.0.xsd), all three privacy
// levels, IDN, hostile input, the connection limit, rate-limit refusal and recovery, and a change
// made over XRP showing within one second. Debian's `whois` client reads every query type too.
#include "common/eppobjectcommands.h"
#include "common/xrpcommandfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <memory>

using namespace testsupport::xrp;
using namespace Qt::StringLiterals;

namespace {

constexpr int Alpha = 0;

// A contact whose disclose element gives the privacy level (ContactCommands::privacyFor).
QByteArray contactWithPrivacy(const QByteArray &id, const QByteArray &privacy)
{
    QByteArray disclose;
    if (privacy == "unrestricted")
        disclose = "<contact:disclose flag=\"1\"><contact:voice/><contact:fax/><contact:email/></contact:disclose>";
    else if (privacy == "private")
        disclose = "<contact:disclose flag=\"0\"><contact:name type=\"int\"/><contact:org type=\"int\"/>"
                   "<contact:addr type=\"int\"/></contact:disclose>";
    return "<create><contact:create" + cmd::contactXmlns + '>' + cmd::tag("contact:id", id)
           + "<contact:postalInfo type=\"int\"><contact:name>Holder " + id + "</contact:name><contact:org>Org " + id
           + "</contact:org><contact:addr><contact:street>1 Main Street</contact:street><contact:city>Berlin</contact:city>"
             "<contact:pc>10115</contact:pc><contact:cc>DE</contact:cc></contact:addr></contact:postalInfo>"
           + cmd::tag("contact:voice", "+49.301234567") + cmd::tag("contact:email", id + "@holder.example")
           + "<contact:authInfo>" + cmd::tag("contact:pw", "Contact-pw-1") + "</contact:authInfo>" + disclose
           + "</contact:create></create>";
}

// One RFC 3912 exchange over a fresh connection: sends the bytes, reads until the server closes.
struct RawAnswer
{
    QByteArray bytes;
    bool closedByServer = false;
};

RawAnswer rawQuery(quint16 port, const QByteArray &bytes, int timeoutMs = 10000)
{
    RawAnswer answer;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return answer;
    socket.write(bytes);
    socket.waitForBytesWritten(timeoutMs);
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        socket.waitForReadyRead(200);
        answer.bytes += socket.readAll();
    }
    answer.bytes += socket.readAll();
    answer.closedByServer = socket.state() != QAbstractSocket::ConnectedState;
    return answer;
}

QString ask(quint16 port, const QByteArray &query)
{
    return QString::fromUtf8(rawQuery(port, query + "\r\n").bytes);
}

QStringList linesOf(const QString &answer)
{
    return answer.split(u"\r\n"_s);
}

// xmllint --schema against the XWP schema; empty when valid, else xmllint's complaint.
QString validateXwp(const QByteArray &xml)
{
    const QString schema = qEnvironmentVariable("REGISTRY_SOURCE_DIR") + u"/resources/whois/xwp-1.0.xsd"_s;
    QProcess xmllint;
    xmllint.start(u"xmllint"_s, {u"--noout"_s, u"--schema"_s, schema, u"-"_s});
    if (!xmllint.waitForStarted())
        return u"xmllint did not start (Debian package libxml2-utils)"_s;
    xmllint.write(xml);
    xmllint.closeWriteChannel();
    xmllint.waitForFinished(30000);
    if (xmllint.exitCode() != 0)
        return QString::fromUtf8(xmllint.readAllStandardError()) + u'\n' + QString::fromUtf8(xml);
    return {};
}

} // namespace

class tst_Whois : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void answersDomainsAtEveryPrivacyLevel_data();
    void answersDomainsAtEveryPrivacyLevel();
    void answersTheSameContentInXwp_data();
    void answersTheSameContentInXwp();
    void showsCustomFieldsLast();
    void answersHostsAndAddresses();
    void answersRegistrarsAndHelp();
    void convertsUnicodeQueriesAndShowsBothForms();
    void saysNoMatchForUnknownObjects();
    void refusesHostileQueriesAndCloses_data();
    void refusesHostileQueriesAndCloses();
    void showsAChangeMadeOverXrpWithinOneSecond();
    void datesAnswersByTheLastCommittedChange();
    void reportsItsCountersInTheDirectoryStatistics();
    void debianWhoisClientReadsEveryQueryType_data();
    void debianWhoisClientReadsEveryQueryType();
    void refusesOverTheRateLimitAndRecovers();
    void refusesConnectionsOverThePerAddressLimit();
    void closesAConnectionWhoseQueryNeverEnds();

private:
    quint16 port() const { return m_fx.engine.port(u"whois"_s); }

    XrpCommandFixture m_fx;
    std::unique_ptr<XrpTestSession> m_session;
};

void tst_Whois::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(u"xmllint"_s).isEmpty(), "xmllint (libxml2-utils) is needed");
    m_fx.engine.setConfigValue(u"whois"_s, u"threads"_s, u"2"_s);
    m_fx.engine.setConfigValue(u"whois"_s, u"max_query"_s, u"128"_s);
    const QString why = m_fx.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY2(port() != 0, "ready.json lists no whois port");

    m_session = std::make_unique<XrpTestSession>(m_fx);
    QString error;
    QVERIFY2(m_session->open(Alpha, 1, allExtensions, &error), qPrintable(error));
    XrpTestSession &s = *m_session;
    for (const QByteArray level : {"unrestricted", "restricted", "private"}) {
        const QByteArray id = "who-" + level.left(4);
        XRP_CHECK(s.send(contactWithPrivacy(id, level)), 1000);
        // Every role uses the contact, so the privacy level must hold for all four.
        XRP_CHECK(s.send(cmd::domainCreate("whois-" + level + ".example", id, "Secret-pw-1")), 1000);
    }
    XRP_CHECK(s.send(cmd::domainCreate("custom-fields.example", "who-rest", "Secret-pw-1"),
                     cmd::customFieldsCreate(cmd::customField("trademark", "WHOIS-TM 123") + cmd::customField("phase", "sunrise"))),
              1000);
    XRP_CHECK(s.send(cmd::hostCreate("ns1.whois-restricted.example", cmd::hostAddr("185.10.9.77") + cmd::hostAddr("2a01:4f8:9::77", "v6"))), 1000);
    XRP_CHECK(s.send(cmd::hostCreate("ns2.whois-restricted.example", cmd::hostAddr("185.10.9.77"))), 1000);
    XRP_CHECK(s.send(cmd::domainUpdate("whois-restricted.example", "<domain:ns>" + cmd::tag("domain:hostObj", "ns1.whois-restricted.example")
                                                                       + cmd::tag("domain:hostObj", "ns2.whois-restricted.example")
                                                                       + "</domain:ns>")), 1000);
    XRP_CHECK(s.send(cmd::domainCreate("xn--zrich-whois-thb.example", "who-unre", "Secret-pw-1")), 1000);
}

void tst_Whois::cleanupTestCase()
{
    m_session.reset();
    QCOMPARE(m_fx.engine.stop(), 0);   // a clean stop: every Whois thread joined
}

void tst_Whois::answersDomainsAtEveryPrivacyLevel_data()
{
    QTest::addColumn<QByteArray>("level");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QStringList>("hidden");
    const QStringList personal{u"Name"_s, u"Organization"_s, u"Street"_s, u"City"_s, u"Country"_s};
    const QStringList contact{u"Phone"_s, u"Email"_s};
    QTest::newRow("unrestricted") << QByteArray("unrestricted") << (personal + contact) << QStringList();
    QTest::newRow("restricted") << QByteArray("restricted") << personal << contact;
    QTest::newRow("private") << QByteArray("private") << QStringList() << (personal + contact + QStringList{u"ID"_s});
}

void tst_Whois::answersDomainsAtEveryPrivacyLevel()
{
    QFETCH(QByteArray, level);
    QFETCH(QStringList, shown);
    QFETCH(QStringList, hidden);

    const QString answer = ask(port(), "whois-" + level + ".example");
    const QStringList lines = linesOf(answer);
    QVERIFY2(lines.contains(u"Domain Name: whois-"_s + QString::fromLatin1(level) + u".example"_s), qPrintable(answer));
    QVERIFY(lines.contains(u"Registrar ID: rar-alpha"_s));
    QVERIFY(lines.contains(u"Registrar: Alpha Names GmbH"_s));
    static const QRegularExpression utc(u"^Creation Date: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s);
    QVERIFY(std::any_of(lines.begin(), lines.end(), [](const QString &l) { return utc.match(l).hasMatch(); }));
    QVERIFY(std::any_of(lines.begin(), lines.end(), [](const QString &l) { return l.startsWith(u"Registry Expiry Date: "_s); }));
    QVERIFY(std::any_of(lines.begin(), lines.end(), [](const QString &l) { return l.startsWith(u">>> Last update of Whois database: "_s); }));
    for (const QString &role : {u"Registrant"_s, u"Admin"_s, u"Tech"_s}) {
        QVERIFY2(lines.contains(role + u" Privacy: "_s + QString::fromLatin1(level)), qPrintable(answer));
        for (const QString &field : shown) {
            const QString label = role + u' ' + field + u": "_s;
            QVERIFY2(std::any_of(lines.begin(), lines.end(), [&](const QString &l) { return l.startsWith(label); }), qPrintable(label + answer));
        }
        for (const QString &field : hidden) {
            const QString label = role + u' ' + field + u": "_s;
            QVERIFY2(std::none_of(lines.begin(), lines.end(), [&](const QString &l) { return l.startsWith(label); }), qPrintable(label + answer));
        }
    }
    if (hidden.contains(u"Email"_s))
        QVERIFY(!answer.contains(u"@holder.example"_s));
    if (hidden.contains(u"Name"_s))
        QVERIFY(!answer.contains(u"Holder who-"_s) && !answer.contains(u"Berlin"_s));
}

void tst_Whois::answersTheSameContentInXwp_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("element");
    QTest::newRow("domain, unrestricted") << QByteArray("xml whois-unrestricted.example") << QByteArray("<domain>");
    QTest::newRow("domain, restricted") << QByteArray("xml whois-restricted.example") << QByteArray("<domain>");
    QTest::newRow("domain, private") << QByteArray("XML domain whois-private.example") << QByteArray("<domain>");
    QTest::newRow("custom fields") << QByteArray("xml custom-fields.example") << QByteArray("<additional>");
    QTest::newRow("host") << QByteArray("xml nameserver ns1.whois-restricted.example") << QByteArray("<hosts>");
    QTest::newRow("address") << QByteArray("xml 185.10.9.77") << QByteArray("<hosts>");
    QTest::newRow("registrar") << QByteArray("xml registrar rar-alpha") << QByteArray("<registrar id=\"rar-alpha\">");
    QTest::newRow("registrars") << QByteArray("xml registrars") << QByteArray("<registrars>");
    QTest::newRow("help") << QByteArray("xml help") << QByteArray("<help>");
    QTest::newRow("no match") << QByteArray("xml no-such-name.example") << QByteArray("<noMatch");
    QTest::newRow("IDN") << QByteArray("xml zürich-whois.example") << QByteArray("<unicodeName>zürich-whois.example</unicodeName>");
}

void tst_Whois::answersTheSameContentInXwp()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, element);
    const RawAnswer answer = rawQuery(port(), query + "\r\n");
    QVERIFY(answer.closedByServer);
    const QString invalid = validateXwp(answer.bytes);
    QVERIFY2(invalid.isEmpty(), qPrintable(invalid));
    QVERIFY2(answer.bytes.contains(element), answer.bytes.constData());
    if (query.contains("private")) {
        QVERIFY(answer.bytes.contains("privacy=\"private\""));
        QVERIFY(!answer.bytes.contains("holder.example") && !answer.bytes.contains("Berlin"));
    }
    if (query == "xml whois-restricted.example") {
        QVERIFY(answer.bytes.contains("<city>Berlin</city>"));
        QVERIFY(!answer.bytes.contains("holder.example"));
        QVERIFY(answer.bytes.contains("<name>ns1.whois-restricted.example</name>"));
    }
}

void tst_Whois::showsCustomFieldsLast()
{
    const QStringList lines = linesOf(ask(port(), "custom-fields.example"));
    const qsizetype additional = lines.indexOf(u"Additional Information: "_s);
    QVERIFY2(additional > 0, qPrintable(lines.join(u'\n')));
    // The directory gives them in its stored order (by name); both are there, nothing else.
    QStringList custom = lines.mid(additional + 1, 2);
    custom.sort();
    QCOMPARE(custom, (QStringList{u"phase: sunrise"_s, u"trademark: WHOIS-TM 123"_s}));
    QVERIFY(lines.at(additional + 4).startsWith(u">>> Last update of Whois database: "_s));
}

void tst_Whois::answersHostsAndAddresses()
{
    for (const QByteArray query : {"nameserver ns1.whois-restricted.example", "host NS1.WHOIS-RESTRICTED.EXAMPLE"}) {
        const QStringList lines = linesOf(ask(port(), query));
        QVERIFY2(lines.contains(u"Server Name: ns1.whois-restricted.example"_s), qPrintable(lines.join(u'\n')));
        QVERIFY(lines.contains(u"IP Address: 185.10.9.77"_s));
        QVERIFY(lines.contains(u"IP Address: 2a01:4f8:9::77"_s));
        QVERIFY(lines.contains(u"Registrar ID: rar-alpha"_s));
    }
    // A bare host name is a domain query (docs/whois.md): the host is not a domain.
    QVERIFY(ask(port(), "ns1.whois-restricted.example").contains(u"No match for \"ns1.whois-restricted.example\"."_s));

    const QStringList both = linesOf(ask(port(), "185.10.9.77"));
    QVERIFY2(both.contains(u"Server Name: ns1.whois-restricted.example"_s), qPrintable(both.join(u'\n')));
    QVERIFY(both.contains(u"Server Name: ns2.whois-restricted.example"_s));
    const QStringList v6 = linesOf(ask(port(), "address 2A01:4F8:9::77"));
    QVERIFY(v6.contains(u"Server Name: ns1.whois-restricted.example"_s));
    QVERIFY(!v6.contains(u"Server Name: ns2.whois-restricted.example"_s));

    // The domain lists its servers and their glue.
    const QStringList domain = linesOf(ask(port(), "whois-restricted.example"));
    QVERIFY(domain.contains(u"Name Server: ns1.whois-restricted.example"_s));
    QVERIFY(domain.contains(u"Name Server IP: ns1.whois-restricted.example 185.10.9.77"_s));
}

void tst_Whois::answersRegistrarsAndHelp()
{
    for (const QByteArray query : {"registrar rar-alpha", "registrar alpha names gmbh"}) {
        const QStringList lines = linesOf(ask(port(), query));
        QVERIFY2(lines.contains(u"Registrar: Alpha Names GmbH"_s), qPrintable(lines.join(u'\n')));
        QVERIFY(lines.contains(u"Registrar ID: rar-alpha"_s));
        QVERIFY(lines.contains(u"Registrar IANA ID: 9995"_s));
    }
    const QStringList list = linesOf(ask(port(), "registrars"));
    for (const QString &id : {u"rar-alpha"_s, u"rar-bravo"_s, u"rar-charlie"_s})
        QVERIFY2(list.contains(u"Registrar ID: "_s + id), qPrintable(list.join(u'\n')));
    QVERIFY(ask(port(), "registrar no-such-registrar").contains(u"No match for \"no-such-registrar\"."_s));

    const QString help = ask(port(), "help");
    QVERIFY(help.contains(u"nameserver ns1.example.tld"_s));
    QVERIFY(help.contains(u"\"xml\" in front"_s));
}

void tst_Whois::convertsUnicodeQueriesAndShowsBothForms()
{
    for (const QByteArray &query : {QByteArray("zürich-whois.example"), QByteArray("ZÜRICH-WHOIS.EXAMPLE"), QByteArray("xn--zrich-whois-thb.example")}) {
        const QStringList lines = linesOf(ask(port(), query));
        QVERIFY2(lines.contains(u"Domain Name: xn--zrich-whois-thb.example"_s), qPrintable(lines.join(u'\n')));
        QVERIFY(lines.contains(u"Internationalized Domain Name: zürich-whois.example"_s));
    }
    QVERIFY(ask(port(), "nëin.example").contains(u"No match for \"xn--nin-jma.example\" (\"nëin.example\")."_s));
}

void tst_Whois::saysNoMatchForUnknownObjects()
{
    QVERIFY(ask(port(), "no-such-name.example").contains(u"No match for \"no-such-name.example\"."_s));
    QVERIFY(ask(port(), "nameserver ns9.no-such-name.example").contains(u"No match for \"ns9.no-such-name.example\"."_s));
    QVERIFY(ask(port(), "198.51.100.200").contains(u"No match for \"198.51.100.200\"."_s));
}

void tst_Whois::refusesHostileQueriesAndCloses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::newRow("over max_query, no line end") << QByteArray(4000, 'a') << u"longer than 128 bytes"_s;
    QTest::newRow("over max_query, whole line") << (QByteArray(129, 'a') + "\r\n") << u"longer than 128 bytes"_s;
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe\r\n", 7) << u"control character"_s;
    QTest::newRow("not UTF-8") << QByteArray("b\xfc" "cher.example\r\n") << u"not valid UTF-8"_s;
    QTest::newRow("TLS hello") << QByteArray::fromHex("160301020001000100030300") << u"control character"_s;
    QTest::newRow("two lines") << QByteArray("help\r\nregistrars\r\n") << QString();
    QTest::newRow("unknown keyword") << QByteArray("finger root\r\n") << u"unknown keyword \"finger\""_s;
    QTest::newRow("bad name") << QByteArray("-bad-.example\r\n") << u"not a valid domain name"_s;
}

void tst_Whois::refusesHostileQueriesAndCloses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const RawAnswer answer = rawQuery(port(), bytes);
    QVERIFY2(answer.closedByServer, "the server must close after its answer");
    const QString text = QString::fromUtf8(answer.bytes);
    if (error.isEmpty()) {
        // One query per connection: the first line is answered, the rest ignored.
        QVERIFY2(text.contains(u"Query syntax"_s) && !text.contains(u"Registrar ID:"_s), qPrintable(text));
        return;
    }
    QVERIFY2(text.startsWith(u"% Error: "_s) && text.contains(error), qPrintable(text));
    // And it changed nothing: the next client is served normally.
    QVERIFY(ask(port(), "whois-private.example").contains(u"Domain Name: whois-private.example"_s));
}

void tst_Whois::showsAChangeMadeOverXrpWithinOneSecond()
{
    XrpTestSession &s = *m_session;
    const auto poll = [&](const QByteArray &query, const QString &expected) {
        QElapsedTimer timer;
        timer.start();
        do {
            if (ask(port(), query).contains(expected))
                return true;
            QThread::msleep(20);
        } while (timer.elapsed() < 1000);
        return false;
    };
    // Asked before it exists, so a cached "no match" would show if invalidation failed.
    QVERIFY(ask(port(), "fresh-change.example").contains(u"No match"_s));
    XRP_CHECK(s.send(cmd::domainCreate("fresh-change.example", "who-unre", "Secret-pw-1")), 1000);
    QVERIFY2(poll("fresh-change.example", u"Domain Name: fresh-change.example"_s), "a created domain did not show within 1 s");

    XRP_CHECK(s.send(cmd::domainUpdate("fresh-change.example", cmd::domainStatus("clientHold"))), 1000);
    QVERIFY2(poll("fresh-change.example", u"Domain Status: clientHold"_s), "an update did not show within 1 s");

    XRP_CHECK(s.send(cmd::domainUpdate("fresh-change.example", {}, {}, {}), cmd::customFieldsUpdate(cmd::customField("note", "changed"))), 1000);
    QVERIFY2(poll("fresh-change.example", u"note: changed"_s), "a custom field did not show within 1 s");
}

void tst_Whois::datesAnswersByTheLastCommittedChange()
{
    const auto lastUpdate = [this](const QByteArray &query) {
        static const QRegularExpression footer(u">>> Last update of Whois database: (\\S+) <<<"_s);
        const QRegularExpressionMatch m = footer.match(ask(port(), query));
        return m.hasMatch() ? QDateTime::fromString(m.captured(1), Qt::ISODate) : QDateTime();
    };
    const QDateTime before = lastUpdate("whois-unrestricted.example");
    QVERIFY(before.isValid());
    QThread::msleep(1100);   // the footer shows whole seconds
    QCOMPARE(lastUpdate("no-such-name.example"), before);   // nothing committed: not the time of asking

    const QDateTime sent = QDateTime::currentDateTimeUtc().addSecs(-1);
    XRP_CHECK(m_session->send(cmd::domainCreate("dated-change.example", "who-unre", "Secret-pw-1")), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(lastUpdate("whois-unrestricted.example") > before, 1000);
    const QDateTime after = lastUpdate("dated-change.example");
    QVERIFY2(after >= sent && after <= QDateTime::currentDateTimeUtc(), qPrintable(after.toString(Qt::ISODate)));
}

void tst_Whois::reportsItsCountersInTheDirectoryStatistics()
{
    const QByteArray token = testsupport::login(m_fx.engine, u"admin"_s, m_fx.engine.adminPassword());
    QVERIFY(!token.isEmpty());
    const auto whois = [&] {
        return testsupport::httpsRequest(m_fx.engine, "GET", u"/api/v1/directory/statistics"_s, {}, token).object()
            .value(u"whois"_s).toObject();
    };
    const QJsonObject before = whois();
    QVERIFY2(before.value(u"running"_s).toBool(), qPrintable(QString::fromUtf8(QJsonDocument(before).toJson())));
    QVERIFY(ask(port(), "no-such-name-for-statistics.example").contains(u"No match"_s));
    QVERIFY(ask(port(), "finger root").startsWith(u"% Error: "_s));
    const QJsonObject after = whois();
    QCOMPARE(after.value(u"queries"_s).toDouble(), before.value(u"queries"_s).toDouble() + 2);
    QCOMPARE(after.value(u"notFound"_s).toDouble(), before.value(u"notFound"_s).toDouble() + 1);
    QCOMPARE(after.value(u"malformed"_s).toDouble(), before.value(u"malformed"_s).toDouble() + 1);
    QCOMPARE(after.value(u"topClients"_s).toArray().first().toObject().value(u"address"_s).toString(), u"127.0.0.1"_s);
}

void tst_Whois::debianWhoisClientReadsEveryQueryType_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");
    QTest::newRow("domain") << u"whois-unrestricted.example"_s << u"Domain Name: whois-unrestricted.example"_s;
    QTest::newRow("domain keyword") << u"domain whois-private.example"_s << u"Registrant Privacy: private"_s;
    QTest::newRow("nameserver") << u"nameserver ns1.whois-restricted.example"_s << u"Server Name: ns1.whois-restricted.example"_s;
    QTest::newRow("address") << u"185.10.9.77"_s << u"Server Name: ns2.whois-restricted.example"_s;
    QTest::newRow("registrar") << u"registrar rar-bravo"_s << u"Registrar ID: rar-bravo"_s;
    QTest::newRow("registrars") << u"registrars"_s << u"Registrar ID: rar-charlie"_s;
    QTest::newRow("help") << u"help"_s << u"Query syntax"_s;
    QTest::newRow("IDN") << u"zürich-whois.example"_s << u"Internationalized Domain Name: zürich-whois.example"_s;
    QTest::newRow("xml") << u"xml whois-restricted.example"_s << u"<contact role=\"registrant\" privacy=\"restricted\""_s;
    QTest::newRow("no match") << u"nothing-here.example"_s << u"No match for \"nothing-here.example\"."_s;
}

void tst_Whois::debianWhoisClientReadsEveryQueryType()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    const QString whois = QStandardPaths::findExecutable(u"whois"_s);
    if (whois.isEmpty())
        QSKIP("Debian's whois client is not installed (package whois, installer/debian-packages.txt)");
    QProcess client;
    client.start(whois, {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(port()), u"--"_s, query});
    QVERIFY(client.waitForFinished(30000));
    const QString out = QString::fromUtf8(client.readAllStandardOutput());
    QVERIFY2(client.exitCode() == 0, qPrintable(QString::fromUtf8(client.readAllStandardError())));
    QVERIFY2(out.contains(expected), qPrintable(out));
}

void tst_Whois::refusesOverTheRateLimitAndRecovers()
{
    // A second engine with a small limit: 60 a minute from one address, so one query a second
    // comes back once the burst is spent.
    testsupport::EngineFixture engine;
    engine.setConfigValue(u"whois"_s, u"queries_per_minute"_s, u"60"_s);
    engine.setConfigValue(u"whois"_s, u"threads"_s, u"2"_s);
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    const quint16 limited = engine.port(u"whois"_s);

    int answered = 0;
    QString refusal;
    for (int i = 0; i < 200 && refusal.isEmpty(); ++i) {
        const QString answer = ask(limited, i % 2 ? "registrars" : "xn--nothing.example");
        if (answer.startsWith(u"% Query rate limit exceeded"_s))
            refusal = answer;
        else
            ++answered;
    }
    QVERIFY2(!refusal.isEmpty(), "200 queries from one address were never refused");
    QVERIFY2(answered >= 55 && answered <= 65, qPrintable(QString::number(answered)));
    static const QRegularExpression form(u"^% Query rate limit exceeded for 127\\.0\\.0\\.1; try again in (\\d+) seconds\\.\r\n$"_s);
    const QRegularExpressionMatch m = form.match(refusal);
    QVERIFY2(m.hasMatch(), qPrintable(refusal));
    const int wait = m.captured(1).toInt();
    QVERIFY(wait >= 1 && wait <= 2);
    // XWP clients get the refusal in XWP.
    const RawAnswer xml = rawQuery(limited, "xml registrars\r\n");
    QVERIFY2(xml.bytes.contains("<error code=\"rate-limited\""), xml.bytes.constData());
    QVERIFY(validateXwp(xml.bytes).isEmpty());

    // Recovery: after the time the refusal named, the client is answered again.
    QThread::msleep(wait * 1000 + 200);
    QVERIFY(ask(limited, "registrars").contains(u"Registrar ID: rar-alpha"_s));
    QCOMPARE(engine.stop(), 0);
}

void tst_Whois::refusesConnectionsOverThePerAddressLimit()
{
    testsupport::EngineFixture engine;
    engine.setConfigValue(u"whois"_s, u"max_connections_per_address"_s, u"3"_s);
    engine.setConfigValue(u"whois"_s, u"query_timeout"_s, u"30s"_s);
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    const quint16 limited = engine.port(u"whois"_s);

    // Three clients connect and send half a query each; they hold their slots.
    const auto holdSlot = [limited]() {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, limited);
        if (socket->waitForConnected(5000)) {
            socket->write("regis");
            socket->waitForBytesWritten(5000);
        }
        return socket;
    };
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(holdSlot());
        QVERIFY(held.back()->state() == QAbstractSocket::ConnectedState);
    }
    // The server has seen them when a fourth is refused. Accepting is asynchronous and spread over
    // threads, so a probe may be accepted before a held connection and that one refused instead:
    // a held connection the server answered is replaced, and the probe asked again.
    RawAnswer fourth;
    for (int attempt = 0; attempt < 50; ++attempt) {
        for (std::unique_ptr<QTcpSocket> &socket : held) {
            socket->waitForReadyRead(0);
            if (socket->bytesAvailable() > 0 || socket->state() != QAbstractSocket::ConnectedState)
                socket = holdSlot();
        }
        fourth = rawQuery(limited, "help\r\n");
        if (fourth.bytes.startsWith("% Too many connections"))
            break;
        QThread::msleep(50);
    }
    QVERIFY2(fourth.bytes.startsWith("% Too many connections; try again later."), fourth.bytes.constData());
    QVERIFY(fourth.closedByServer);

    // A held connection finishing its query is answered, and frees its slot.
    held.front()->write("trars\r\n");
    QElapsedTimer timer;
    timer.start();
    QByteArray answer;
    while (held.front()->state() == QAbstractSocket::ConnectedState && timer.elapsed() < 10000) {
        held.front()->waitForReadyRead(200);
        answer += held.front()->readAll();
    }
    answer += held.front()->readAll();
    QVERIFY2(answer.contains("Registrar ID: rar-alpha"), answer.constData());
    bool served = false;
    for (int attempt = 0; attempt < 50 && !served; ++attempt) {
        served = rawQuery(limited, "help\r\n").bytes.contains("Query syntax");
        if (!served)
            QThread::msleep(50);
    }
    QVERIFY2(served, "the freed slot was not given to the next client");
    held.clear();
    QCOMPARE(engine.stop(), 0);
}

void tst_Whois::closesAConnectionWhoseQueryNeverEnds()
{
    testsupport::EngineFixture engine;
    engine.setConfigValue(u"whois"_s, u"query_timeout"_s, u"1s"_s);
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));

    // Half a line, then nothing (a slow-loris client): told why, then closed.
    const RawAnswer answer = rawQuery(engine.port(u"whois"_s), "registr", 15000);
    QVERIFY2(answer.closedByServer, "the server must close a connection whose query never ends");
    QVERIFY2(answer.bytes.startsWith("% Error: no complete query line arrived in time"), answer.bytes.constData());
    QCOMPARE(engine.stop(), 0);
}

QTEST_GUILESS_MAIN(tst_Whois)
#include "tst_whois.moc"
