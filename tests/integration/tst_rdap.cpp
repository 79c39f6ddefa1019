// RDAP end to end: a real registryd from `init --demo`, objects made over XRP (EPP) by a demo
// registrar, and every RDAP path and error asked with Debian's curl (verifying the engine's
// certificate against the data directory's CA). JSON shapes are checked with QJsonDocument.
#include "common/eppobjectcommands.h"
#include "common/xrpcommandfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <functional>
#include <iterator>
#include <memory>

using namespace testsupport::xrp;

namespace {

constexpr int Alpha = 0;

// What curl saw for one request.
struct CurlReply
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QByteArray body;
    QJsonObject json;
    QString error;

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

// Parses `curl -i` output: status line, headers, blank line, body (the last response only).
CurlReply parseCurl(const QByteArray &out)
{
    CurlReply r;
    const qsizetype end = out.indexOf("\r\n\r\n");
    if (end < 0) {
        r.error = QStringLiteral("no HTTP response: ") + QString::fromUtf8(out);
        return r;
    }
    const QList<QByteArray> lines = out.first(end).split('\n');
    const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
    r.status = status.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.insert(lines[i].first(colon).trimmed().toLower(), lines[i].sliced(colon + 1).trimmed());
    }
    r.body = out.sliced(end + 4);
    if (!r.body.isEmpty()) {
        QJsonParseError e;
        r.json = QJsonDocument::fromJson(r.body, &e).object();
        if (e.error != QJsonParseError::NoError)
            r.error = QStringLiteral("the body is not JSON: ") + e.errorString();
    }
    return r;
}

QByteArray contactCreateWithPrivacy(const QByteArray &id, const QByteArray &email, const QByteArray &disclose)
{
    return "<create><contact:create" + cmd::contactXmlns + '>' + cmd::tag("contact:id", id)
           + "<contact:postalInfo type=\"int\"><contact:name>Person " + id + "</contact:name><contact:org>Org " + id
           + "</contact:org><contact:addr><contact:street>Street " + id + "</contact:street><contact:city>City" + id
           + "</contact:city><contact:pc>PC-" + id + "</contact:pc><contact:cc>DE</contact:cc></contact:addr></contact:postalInfo>"
           + cmd::tag("contact:voice", "+49.3012345") + cmd::tag("contact:fax", "+49.3099999") + cmd::tag("contact:email", email)
           + "<contact:authInfo>" + cmd::tag("contact:pw", "Contact-pw-1") + "</contact:authInfo>" + disclose
           + "</contact:create></create>";
}

// The contacts initTestCase makes, one per privacy level, each the registrant of rdap-<level>.example:
// what must show and what must not, wherever the contact appears.
struct ContactCase
{
    const char *level;
    QString handle;
    QStringList shown;
    QStringList hidden;
};

const ContactCase kContacts[] = {
    {"unrestricted", u"rd-open"_qs,
     {u"Person rd-open"_qs, u"Org rd-open"_qs, u"Street rd-open"_qs, u"open@mail.example"_qs, u"tel:+49.3012345"_qs, u"tel:+49.3099999"_qs},
     {}},
    {"restricted", u"rd-restr"_qs, {u"Person rd-restr"_qs, u"Org rd-restr"_qs, u"Street rd-restr"_qs, u"Cityrd-restr"_qs},
     {u"restr@mail.example"_qs, u"+49.3012345"_qs, u"+49.3099999"_qs}},
    {"private", u"rd-priv"_qs, {},
     {u"Person rd-priv"_qs, u"Org rd-priv"_qs, u"Street rd-priv"_qs, u"Cityrd-priv"_qs, u"PC-rd-priv"_qs, u"priv@mail.example"_qs,
      u"+49.3012345"_qs}},
};

// The columns of the privacy tables: what is asked for, then shown, hidden and redacted.
void addPrivacyColumns(const char *asked)
{
    QTest::addColumn<QString>(asked);
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QStringList>("hidden");
    QTest::addColumn<QStringList>("redacted");
}

QString domainOf(const QString &handle)
{
    return u"rdap-" + handle.mid(3) + u".example";
}

const QByteArray kEverythingShown = "<contact:disclose flag=\"1\"><contact:voice/><contact:fax/><contact:email/></contact:disclose>";

QStringList redactedNames(const QJsonObject &o)
{
    QStringList names;
    for (const QJsonValue &r : o.value(u"redacted").toArray()) {
        const QJsonObject name = r.toObject().value(u"name").toObject();
        names << (name.contains(u"type") ? name.value(u"type") : name.value(u"description")).toString();
    }
    return names;
}

QJsonObject entityWithRole(const QJsonObject &o, const QString &role)
{
    for (const QJsonValue &e : o.value(u"entities").toArray()) {
        if (e.toObject().value(u"roles").toArray().contains(role))
            return e.toObject();
    }
    return {};
}

} // namespace

class tst_Rdap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void answersDomainsAtEveryPrivacyLevel_data();
    void answersDomainsAtEveryPrivacyLevel();
    void answersDomainDetails();
    void answersIdnsByULabelAndALabel_data();
    void answersIdnsByULabelAndALabel();
    void answersNameserversAndEntities();
    void answersContactEntitiesAtEveryPrivacyLevel_data();
    void answersContactEntitiesAtEveryPrivacyLevel();
    void linksADomainToItsSponsorsRdapService();
    void searchesDomainsAndNameservers();
    void capsSearchResultsWithANotice();
    void answersErrorsWithRdapBodies_data();
    void answersErrorsWithRdapBodies();
    void headAnswersHeadersOnly();
    void sendsCorsHeadersAndAnswersPreflight();
    void servesSeveralRequestsOnOneConnection();
    void refusesMalformedRequestsAndCloses();
    void showsAnXrpChangeWithinOneSecond();
    void showsAnXrpContactChangeWithinOneSecond();
    void refusesTls11();

private:
    CurlReply get(const QString &path, const QStringList &extra = {});
    // GETs a 200 answer and checks the current row's "shown" and "hidden" values against its whole
    // body and its "redacted" names against the declarations.
    void getDisclosed(const QString &path, CurlReply *reply);
    // GETs `path` until `done` holds for the reply or a second has passed; the last reply.
    CurlReply getWithinOneSecond(const QString &path, const std::function<bool(const CurlReply &)> &done);
    QString url(const QString &path) const;
    quint16 rdapPort() const { return m_fx.engine.port(QStringLiteral("rdap")); }

    XrpCommandFixture m_fx;
    std::unique_ptr<XrpTestSession> m_session;
    QString m_curl;
};

void tst_Rdap::initTestCase()
{
    m_curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    QVERIFY2(!m_curl.isEmpty(), "curl is not installed");
    const QString rdap = QStringLiteral("rdap");
    m_fx.engine.setConfigValue(rdap, QStringLiteral("threads"), QStringLiteral("2"));
    m_fx.engine.setConfigValue(rdap, QStringLiteral("search_result_limit"), QStringLiteral("3"));
    m_fx.engine.setConfigValue(rdap, QStringLiteral("requests_per_minute"), QStringLiteral("100000"));
    m_fx.engine.setConfigValue(rdap, QStringLiteral("cors_allow_origin"), QStringLiteral("*"));
    m_fx.engine.setConfigValue(rdap, QStringLiteral("http_cache_max_age"), QStringLiteral("45s"));
    const QString why = m_fx.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY2(rdapPort() != 0, "ready.json lists no rdap port");

    m_session = std::make_unique<XrpTestSession>(m_fx);
    QString error;
    QVERIFY2(m_session->open(Alpha, 1, allExtensions, &error), qPrintable(error));
    XrpTestSession &s = *m_session;
    const QByteArray nameHidden = "<contact:disclose flag=\"0\"><contact:name type=\"int\"/><contact:org type=\"int\"/>"
                                  "<contact:addr type=\"int\"/></contact:disclose>";
    XRP_CHECK(s.send(contactCreateWithPrivacy("rd-open", "open@mail.example", kEverythingShown)), 1000);
    XRP_CHECK(s.send(contactCreateWithPrivacy("rd-restr", "restr@mail.example", {})), 1000);
    XRP_CHECK(s.send(contactCreateWithPrivacy("rd-priv", "priv@mail.example", nameHidden)), 1000);

    XRP_CHECK(s.send(cmd::domainCreate("rdap-open.example", "rd-open", "Secret-pw-1"),
                     cmd::secDnsCreate(cmd::dsData(12345, "2BB183AF5F22588179A53B0A98631FAD1A2921182BB183AF5F22588179A53B0A"))
                         + cmd::customFieldsCreate(cmd::customField("reseller", "Shop One"))),
              1000);
    XRP_CHECK(s.send(cmd::hostCreate("ns1.rdap-open.example", cmd::hostAddr("185.10.7.77") + cmd::hostAddr("2a01:4f8::77", "v6"))), 1000);
    XRP_CHECK(s.send(cmd::hostCreate("ns2.rdap-open.example", cmd::hostAddr("185.10.7.78"))), 1000);
    XRP_CHECK(s.send(cmd::domainUpdate("rdap-open.example", "<domain:ns>" + cmd::tag("domain:hostObj", "ns1.rdap-open.example")
                                                                 + cmd::tag("domain:hostObj", "ns2.rdap-open.example") + "</domain:ns>")),
              1000);
    XRP_CHECK(s.send(cmd::domainCreate("rdap-restr.example", "rd-restr", "Secret-pw-1")), 1000);
    XRP_CHECK(s.send(cmd::domainCreate("rdap-priv.example", "rd-priv", "Secret-pw-1")), 1000);
    XRP_CHECK(s.send(cmd::domainCreate("rdap-four.example", "rd-priv", "Secret-pw-1")), 1000);
}

void tst_Rdap::cleanupTestCase()
{
    m_session.reset();
    if (m_fx.engine.isRunning())
        QCOMPARE(m_fx.engine.stop(), 0);
}

QString tst_Rdap::url(const QString &path) const
{
    return QStringLiteral("https://127.0.0.1:%1%2").arg(rdapPort()).arg(path);
}

CurlReply tst_Rdap::get(const QString &path, const QStringList &extra)
{
    QProcess p;
    QStringList args{QStringLiteral("-s"), QStringLiteral("-i"), QStringLiteral("--http1.1"), QStringLiteral("--cacert"),
                     m_fx.engine.caCertificateFile(), QStringLiteral("--globoff")};
    args << extra << url(path);
    p.start(m_curl, args);
    if (!p.waitForFinished(30000))
        return {0, {}, {}, {}, QStringLiteral("curl did not finish")};
    CurlReply r = parseCurl(p.readAllStandardOutput());
    if (p.exitCode() != 0 && r.error.isEmpty())
        r.error = QStringLiteral("curl exit %1: %2").arg(p.exitCode()).arg(QString::fromUtf8(p.readAllStandardError()));
    return r;
}

void tst_Rdap::getDisclosed(const QString &path, CurlReply *reply)
{
    QFETCH(QStringList, shown);
    QFETCH(QStringList, hidden);
    const CurlReply &r = *reply = get(path);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/rdap+json"));
    QCOMPARE(r.header("cache-control"), QByteArray("max-age=45"));
    const QString text = QString::fromUtf8(r.body);
    for (const QString &s : shown)
        QVERIFY2(text.contains(s), qPrintable(s + u" missing in " + text));
    for (const QString &h : hidden)
        QVERIFY2(!text.contains(h), qPrintable(h + u" leaked in " + text));
    QFETCH(QStringList, redacted);
    const QStringList declared = redactedNames(r.json);
    for (const QString &name : redacted)
        QVERIFY2(declared.contains(name), qPrintable(name + u" not declared: " + declared.join(u", ")));
    if (redacted.isEmpty())
        QVERIFY(!r.json.contains(u"redacted"));
    QVERIFY(r.json.value(u"rdapConformance").toArray().contains(u"redacted"_qs));
}

CurlReply tst_Rdap::getWithinOneSecond(const QString &path, const std::function<bool(const CurlReply &)> &done)
{
    QElapsedTimer since;
    since.start();
    CurlReply r = get(path);
    while (!done(r) && since.elapsed() < 1000)
        r = get(path);
    return r;
}

void tst_Rdap::answersDomainsAtEveryPrivacyLevel_data()
{
    addPrivacyColumns("domain");

    const QStringList redacted[] = {{},
                                    {u"Registrant Phone"_qs, u"Registrant Fax"_qs, u"Registrant Email"_qs},
                                    {u"Registry Registrant ID"_qs, u"Registrant Name"_qs, u"Registrant Email"_qs}};
    for (size_t i = 0; i < std::size(kContacts); ++i) {
        const ContactCase &c = kContacts[i];
        // A domain answer also withholds a private registrant's handle.
        const QStringList hidden = c.handle == u"rd-priv" ? c.hidden + QStringList{u"\"rd-priv\""_qs} : c.hidden;
        QTest::newRow(c.level) << domainOf(c.handle) << c.shown << hidden << redacted[i];
    }
}

void tst_Rdap::answersDomainsAtEveryPrivacyLevel()
{
    QFETCH(QString, domain);
    CurlReply r;
    getDisclosed(u"/domain/" + domain, &r);
    if (QTest::currentTestFailed())
        return;
    // The registrar stays visible at every level.
    QVERIFY(!entityWithRole(r.json, u"registrar"_qs).isEmpty());
}

void tst_Rdap::answersDomainDetails()
{
    // Upper case and a trailing dot are the same name.
    const CurlReply r = get(QStringLiteral("/domain/RDAP-OPEN.Example."));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.status, 200);
    const QJsonObject &o = r.json;
    QCOMPARE(o.value(u"objectClassName").toString(), u"domain"_qs);
    QCOMPARE(o.value(u"ldhName").toString(), u"rdap-open.example"_qs);
    QVERIFY(o.value(u"handle").toString().startsWith(u'D'));
    QVERIFY(o.value(u"status").toArray().size() >= 1);
    QStringList actions;
    for (const QJsonValue &e : o.value(u"events").toArray())
        actions << e.toObject().value(u"eventAction").toString();
    for (const char *a : {"registration", "expiration", "last update of RDAP database"})
        QVERIFY2(actions.contains(QString::fromLatin1(a)), a);
    QStringList ns;
    for (const QJsonValue &n : o.value(u"nameservers").toArray())
        ns << n.toObject().value(u"ldhName").toString();
    QCOMPARE(ns, (QStringList{u"ns1.rdap-open.example"_qs, u"ns2.rdap-open.example"_qs}));
    QCOMPARE(o.value(u"nameservers").toArray().first().toObject().value(u"ipAddresses").toObject().value(u"v6").toArray(),
             QJsonArray({u"2a01:4f8::77"_qs}));
    const QJsonObject dns = o.value(u"secureDNS").toObject();
    QVERIFY(dns.value(u"delegationSigned").toBool());
    QCOMPARE(dns.value(u"dsData").toArray().first().toObject().value(u"keyTag").toInt(), 12345);
    QCOMPARE(o.value(u"remarks").toArray().first().toObject().value(u"title").toString(), u"Additional Information"_qs);
    QCOMPARE(o.value(u"remarks").toArray().first().toObject().value(u"description").toArray(), QJsonArray({u"reseller: Shop One"_qs}));
    const QJsonObject rar = entityWithRole(o, u"registrar"_qs);
    QCOMPARE(rar.value(u"handle").toString(), m_fx.registrars.value(Alpha));
    QCOMPARE(o.value(u"links").toArray().first().toObject().value(u"href").toString(), url(QStringLiteral("/domain/rdap-open.example")));
    for (const char *role : {"registrant", "administrative", "technical"})
        QVERIFY2(!entityWithRole(o, QString::fromLatin1(role)).isEmpty(), role);
}

void tst_Rdap::answersIdnsByULabelAndALabel_data()
{
    QTest::addColumn<QString>("path");
    // init --demo registers bücher.example (engine/setup/demodata.cpp).
    QTest::newRow("a-label") << u"/domain/xn--bcher-kva.example"_qs;
    QTest::newRow("u-label") << u"/domain/b%C3%BCcher.example"_qs;
    QTest::newRow("u-label-upper-case") << u"/domain/B%C3%9CCHER.EXAMPLE"_qs;
}

void tst_Rdap::answersIdnsByULabelAndALabel()
{
    QFETCH(QString, path);
    const CurlReply r = get(path);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"ldhName").toString(), u"xn--bcher-kva.example"_qs);
    QCOMPARE(r.json.value(u"unicodeName").toString(), u"b\u00fccher.example"_qs);
}

void tst_Rdap::answersNameserversAndEntities()
{
    const CurlReply ns = get(QStringLiteral("/nameserver/ns1.rdap-open.example"));
    QVERIFY2(ns.error.isEmpty(), qPrintable(ns.error));
    QCOMPARE(ns.status, 200);
    QCOMPARE(ns.json.value(u"objectClassName").toString(), u"nameserver"_qs);
    QCOMPARE(ns.json.value(u"ipAddresses").toObject().value(u"v4").toArray(), QJsonArray({u"185.10.7.77"_qs}));
    QVERIFY(!entityWithRole(ns.json, u"registrar"_qs).isEmpty());

    const CurlReply rar = get(u"/entity/" + m_fx.registrars.value(Alpha));
    QVERIFY2(rar.error.isEmpty(), qPrintable(rar.error));
    QCOMPARE(rar.status, 200);
    QCOMPARE(rar.json.value(u"objectClassName").toString(), u"entity"_qs);
    QCOMPARE(rar.json.value(u"roles").toArray(), QJsonArray({u"registrar"_qs}));

    const CurlReply help = get(QStringLiteral("/help"));
    QCOMPARE(help.status, 200);
    QVERIFY(help.json.value(u"notices").toArray().size() >= 2);
}

void tst_Rdap::answersContactEntitiesAtEveryPrivacyLevel_data()
{
    addPrivacyColumns("handle");

    // Private: the handle the client asked for and nothing personal, still a 200 (docs/rdap.md).
    const QStringList redacted[] = {{},
                                    {u"Contact Phone"_qs, u"Contact Fax"_qs, u"Contact Email"_qs},
                                    {u"Contact Name"_qs, u"Contact Organization"_qs, u"Contact Street"_qs, u"Contact City"_qs,
                                     u"Contact State/Province"_qs, u"Contact Postal Code"_qs, u"Contact Country"_qs,
                                     u"Contact Phone"_qs, u"Contact Fax"_qs, u"Contact Email"_qs}};
    for (size_t i = 0; i < std::size(kContacts); ++i)
        QTest::newRow(kContacts[i].level) << kContacts[i].handle << kContacts[i].shown << kContacts[i].hidden << redacted[i];
}

void tst_Rdap::answersContactEntitiesAtEveryPrivacyLevel()
{
    QFETCH(QString, handle);
    QFETCH(QStringList, redacted);
    CurlReply r;
    getDisclosed(u"/entity/" + handle, &r);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(redactedNames(r.json), redacted);   // exactly these, in this order
    QCOMPARE(r.json.value(u"objectClassName").toString(), u"entity"_qs);
    QCOMPARE(r.json.value(u"handle").toString(), handle);
    QVERIFY(r.json.value(u"status").toArray().contains(u"associated"_qs));   // each is a registrant
    QCOMPARE(r.json.value(u"links").toArray().first().toObject().value(u"href").toString(), url(u"/entity/" + handle));

    // The domain answer links its shown contacts here; a private one shows neither handle nor link.
    const CurlReply d = get(u"/domain/" + domainOf(handle));
    QCOMPARE(d.status, 200);
    const QJsonArray links = entityWithRole(d.json, u"registrant"_qs).value(u"links").toArray();
    if (handle == u"rd-priv")
        QVERIFY(links.isEmpty());
    else
        QCOMPARE(links.first().toObject().value(u"href").toString(), url(u"/entity/" + handle));

    const CurlReply unknown = get(QStringLiteral("/entity/rd-nobody"));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.json.value(u"errorCode").toInt(), 404);
}

void tst_Rdap::linksADomainToItsSponsorsRdapService()
{
    // init --demo gives the first demo registrar its own RDAP service (engine/setup/demodata.cpp).
    const CurlReply rar = get(u"/entity/" + m_fx.registrars.value(Alpha));
    QCOMPARE(rar.status, 200);
    QString base;
    for (const QJsonValue &l : rar.json.value(u"links").toArray()) {
        if (l.toObject().value(u"rel").toString() == u"related")
            base = l.toObject().value(u"href").toString();
    }
    QVERIFY2(base.startsWith(u"https://"), rar.body.constData());

    const CurlReply d = get(QStringLiteral("/domain/rdap-open.example"));
    QCOMPARE(d.status, 200);
    QJsonObject related;
    for (const QJsonValue &l : d.json.value(u"links").toArray()) {
        if (l.toObject().value(u"rel").toString() == u"related")
            related = l.toObject();
    }
    QCOMPARE(related.value(u"href").toString(), (base.endsWith(u'/') ? base : base + u'/') + u"domain/rdap-open.example");
    QCOMPARE(related.value(u"value").toString(), url(QStringLiteral("/domain/rdap-open.example")));
    QCOMPARE(related.value(u"type").toString(), u"application/rdap+json"_qs);
}

void tst_Rdap::searchesDomainsAndNameservers()
{
    const CurlReply d = get(QStringLiteral("/domains?name=rdap-o*.example"));
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
    QCOMPARE(d.status, 200);
    const QJsonArray results = d.json.value(u"domainSearchResults").toArray();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().toObject().value(u"ldhName").toString(), u"rdap-open.example"_qs);
    // Search results carry no contacts: nothing private can leak through them.
    QVERIFY(!d.body.contains("open@mail.example"));

    const CurlReply n = get(QStringLiteral("/nameservers?name=ns*.rdap-open.example"));
    QCOMPARE(n.status, 200);
    QCOMPARE(n.json.value(u"nameserverSearchResults").toArray().size(), 2);

    const CurlReply ip = get(QStringLiteral("/nameservers?ip=185.10.7.78"));
    QCOMPARE(ip.status, 200);
    const QJsonArray byIp = ip.json.value(u"nameserverSearchResults").toArray();
    QCOMPARE(byIp.size(), 1);
    QCOMPARE(byIp.first().toObject().value(u"ldhName").toString(), u"ns2.rdap-open.example"_qs);

    const CurlReply none = get(QStringLiteral("/domains?name=nothing-like-this*.example"));
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json.value(u"domainSearchResults").toArray().size(), 0);
}

void tst_Rdap::capsSearchResultsWithANotice()
{
    // Four rdap-* domains, search_result_limit 3.
    const CurlReply d = get(QStringLiteral("/domains?name=rdap-*.example"));
    QCOMPARE(d.status, 200);
    QCOMPARE(d.json.value(u"domainSearchResults").toArray().size(), 3);
    bool truncated = false;
    for (const QJsonValue &n : d.json.value(u"notices").toArray())
        truncated |= n.toObject().value(u"type").toString().startsWith(u"result set truncated");
    QVERIFY2(truncated, d.body.constData());
}

void tst_Rdap::answersErrorsWithRdapBodies_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("status");

    QTest::newRow("unregistered-domain") << u"/domain/never-registered.example"_qs << QStringList{} << 404;
    QTest::newRow("unknown-nameserver") << u"/nameserver/ns9.never-registered.example"_qs << QStringList{} << 404;
    QTest::newRow("unknown-entity") << u"/entity/no-such-registrar"_qs << QStringList{} << 404;
    QTest::newRow("invalid-name") << u"/domain/bad_name!.example"_qs << QStringList{} << 400;
    QTest::newRow("encoded-slash") << u"/domain/a%2Fb.example"_qs << QStringList{} << 400;
    QTest::newRow("unknown-path") << u"/whatever"_qs << QStringList{} << 400;
    QTest::newRow("bad-search") << u"/domains?name=*.example"_qs << QStringList{} << 400;
    QTest::newRow("bad-ip") << u"/nameservers?ip=300.1.1.1"_qs << QStringList{} << 400;
    QTest::newRow("ip-network") << u"/ip/192.0.2.0"_qs << QStringList{} << 501;
    QTest::newRow("too-long") << QString(u"/domain/" + QString(2100, u'a')) << QStringList{} << 414;
    QTest::newRow("post") << u"/domain/rdap-open.example"_qs << QStringList{u"-X"_qs, u"POST"_qs} << 405;
    QTest::newRow("delete") << u"/domain/rdap-open.example"_qs << QStringList{u"-X"_qs, u"DELETE"_qs} << 405;
    QTest::newRow("post-with-body") << u"/domain/rdap-open.example"_qs << QStringList{u"-d"_qs, u"x=1"_qs} << 413;
    QTest::newRow("huge-header") << u"/help"_qs << QStringList{u"-H"_qs, QString(u"X-Filler: " + QString(9000, u'a'))} << 431;
}

void tst_Rdap::answersErrorsWithRdapBodies()
{
    QFETCH(QString, path);
    QFETCH(QStringList, extra);
    QFETCH(int, status);
    const CurlReply r = get(path, extra);
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("content-type"), QByteArray("application/rdap+json"));
    QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
    QCOMPARE(r.json.value(u"errorCode").toInt(), status);
    QVERIFY(!r.json.value(u"title").toString().isEmpty());
    QVERIFY(!r.json.value(u"description").toArray().isEmpty());
    if (status == 405)
        QCOMPARE(r.header("allow"), QByteArray("GET, HEAD, OPTIONS"));
}

void tst_Rdap::headAnswersHeadersOnly()
{
    const CurlReply get200 = get(QStringLiteral("/domain/rdap-open.example"));
    const CurlReply head = get(QStringLiteral("/domain/rdap-open.example"), {QStringLiteral("-I")});
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(head.header("content-type"), QByteArray("application/rdap+json"));
    QVERIFY(head.header("content-length").toInt() > 100);
    QCOMPARE(get(QStringLiteral("/domain/never-registered.example"), {QStringLiteral("-I")}).status, 404);
    QVERIFY(get200.body.size() > 100);
}

void tst_Rdap::sendsCorsHeadersAndAnswersPreflight()
{
    const CurlReply r = get(QStringLiteral("/domain/rdap-open.example"), {QStringLiteral("-H"), QStringLiteral("Origin: https://web.example")});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("access-control-allow-origin"), QByteArray("*"));
    const CurlReply e = get(QStringLiteral("/domain/never-registered.example"));
    QCOMPARE(e.header("access-control-allow-origin"), QByteArray("*"));

    const CurlReply pre = get(QStringLiteral("/domain/rdap-open.example"),
                              {QStringLiteral("-X"), QStringLiteral("OPTIONS"), QStringLiteral("-H"), QStringLiteral("Origin: https://web.example"),
                               QStringLiteral("-H"), QStringLiteral("Access-Control-Request-Method: GET")});
    QCOMPARE(pre.status, 204);
    QCOMPARE(pre.header("access-control-allow-origin"), QByteArray("*"));
    QVERIFY(pre.header("access-control-allow-methods").contains("GET"));
    QVERIFY(pre.body.isEmpty());
}

void tst_Rdap::servesSeveralRequestsOnOneConnection()
{
    QStringList args{QStringLiteral("-s"), QStringLiteral("--http1.1"), QStringLiteral("--cacert"), m_fx.engine.caCertificateFile(),
                     QStringLiteral("-w"), QStringLiteral("%{http_code} %{num_connects}\n")};
    for (const char *path : {"/domain/rdap-open.example", "/domain/never-registered.example", "/nameserver/ns1.rdap-open.example", "/help"})
        args << QStringLiteral("-o") << QStringLiteral("/dev/null") << url(QString::fromLatin1(path));
    QProcess p;
    p.start(m_curl, args);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    // One TCP and TLS connection for all four, the 404 included.
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), u"200 1\n404 0\n200 0\n200 0\n"_qs);
}

void tst_Rdap::refusesMalformedRequestsAndCloses()
{
    QSslSocket socket;
    socket.setSslConfiguration(m_fx.engine.sslConfiguration());
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), rdapPort());
    QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
    // A good request, pipelined with one that is not HTTP: the first is answered, then a 400, then close.
    socket.write("GET /help HTTP/1.1\r\nHost: rdap\r\n\r\nHELLO\x01\r\n\r\n");
    QByteArray all;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000))
        all += socket.readAll();
    all += socket.readAll();
    QVERIFY2(all.startsWith("HTTP/1.1 200 OK\r\n"), all.constData());
    QVERIFY2(all.contains("HTTP/1.1 400 Bad Request\r\n"), all.constData());
    QVERIFY(all.contains("\"errorCode\":400"));
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

void tst_Rdap::showsAnXrpChangeWithinOneSecond()
{
    const QString path = QStringLiteral("/domain/rdap-late.example");
    QCOMPARE(get(path).status, 404);   // asked before it exists (a cache must not keep this)
    XrpTestSession &s = *m_session;
    XRP_CHECK(s.send(cmd::domainCreate("rdap-late.example", "rd-open", "Secret-pw-1")), 1000);
    CurlReply r = getWithinOneSecond(path, [](const CurlReply &reply) { return reply.status == 200; });
    QCOMPARE(r.status, 200);

    // And an update: a status added over XRP shows up the same way.
    const auto hasHold = [](const CurlReply &reply) { return reply.json.value(u"status").toArray().contains(u"client hold"_qs); };
    QVERIFY(!hasHold(r));
    XRP_CHECK(s.send(cmd::domainUpdate("rdap-late.example", cmd::domainStatus("clientHold"))), 1000);
    r = getWithinOneSecond(path, hasHold);
    QVERIFY2(hasHold(r), r.body.constData());
}

void tst_Rdap::showsAnXrpContactChangeWithinOneSecond()
{
    const QString path = QStringLiteral("/entity/rd-late");
    QCOMPARE(get(path).status, 404);   // asked before it exists (a cache must not keep this)
    XrpTestSession &s = *m_session;
    XRP_CHECK(s.send(contactCreateWithPrivacy("rd-late", "late@mail.example", kEverythingShown)), 1000);
    CurlReply r = getWithinOneSecond(path, [](const CurlReply &reply) { return reply.status == 200; });
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("late@mail.example"));

    XRP_CHECK(s.send(cmd::contactUpdate("rd-late", {}, {}, cmd::tag("contact:email", "moved@mail.example"))), 1000);
    r = getWithinOneSecond(path, [](const CurlReply &reply) { return reply.body.contains("moved@mail.example"); });
    QVERIFY2(r.body.contains("moved@mail.example"), r.body.constData());
    QVERIFY(!r.body.contains("late@mail.example"));
}

void tst_Rdap::refusesTls11()
{
    const QString connect = QStringLiteral("127.0.0.1:%1").arg(rdapPort());
    const auto handshake = [&](const QString &version) {
        QProcess p;
        p.start(QStringLiteral("openssl"), {QStringLiteral("s_client"), QStringLiteral("-connect"), connect, version,
                                            QStringLiteral("-cipher"), QStringLiteral("DEFAULT@SECLEVEL=0"),
                                            QStringLiteral("-CAfile"), m_fx.engine.caCertificateFile()});
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    };
    const QString tls12 = handshake(QStringLiteral("-tls1_2"));
    QVERIFY2(tls12.contains(u"Protocol  : TLSv1.2") && !tls12.contains(u"Cipher is (NONE)"), qPrintable(tls12));
    const QString tls11 = handshake(QStringLiteral("-tls1_1"));
    QVERIFY2(tls11.contains(u"Cipher is (NONE)") && tls11.contains(u"alert protocol version"), qPrintable(tls11));
}

QTEST_GUILESS_MAIN(tst_Rdap)
#include "tst_rdap.moc"
