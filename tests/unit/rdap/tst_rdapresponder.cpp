// The RDAP responder (engine/rdap/rdapresponder.cpp) on a real Directory over a real migrated SQLite
// file (the SRS test fixture), with a ManualClock: statuses and headers per query, HEAD and CORS,
// the rate limit refusing and recovering as the clock moves, and the counters and busiest clients
// the statistics report.
#include "rdap/rdapresponder.h"

#include "directory/directory.h"
#include "rdap/rdapjsonwriter.h"
#include "unit/srs/domaintestfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace reg;
using namespace Qt::StringLiterals;
using reg::rdap::HttpRequest;
using reg::rdap::RdapJsonWriter;
using reg::rdap::RdapResponder;

namespace {

struct Answer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool keepAlive = true;

    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
                return line.mid(name.size() + 1).trimmed();
        }
        return {};
    }
};

HttpRequest request(const QByteArray &target, HttpRequest::Method method = HttpRequest::Method::Get)
{
    HttpRequest r;
    r.method = method;
    r.target = target;
    return r;
}

quint64 countOf(const directory::DirectoryServiceCounters &c, const QString &type)
{
    for (const auto &[name, count] : c.byType) {
        if (name == type)
            return count;
    }
    return 0;
}

} // namespace

class tst_RdapResponder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void answersEachQuery_data();
    void answersEachQuery();
    void headAndPreflightCarryNoBody();
    void refusesOverTheRateLimitAndRecovers();
    void countsForTheStatistics();
    void servesBelowTheBasePathOnly();
    void answers503NotA404WhenTheDatabaseFails();
    void entityIsARegistrarBeforeAContact();
    void contactEntityAtEachPrivacyLevel_data();
    void contactEntityAtEachPrivacyLevel();
    void domainLinksToTheSponsorsRdapService();
    void datesAnswersByTheLastCommittedChange();

private:
    // Each from an address of its own: the fixture allows 3 requests a minute per client.
    QJsonObject askJson(const QByteArray &target, int expectedStatus = 200);

    Answer ask(const HttpRequest &r, const QHostAddress &client = QHostAddress(QStringLiteral("198.51.100.7")));

    std::unique_ptr<domaintest::Fixture> f;
    std::unique_ptr<directory::Directory> m_directory;
    std::unique_ptr<RdapResponder> m_responder;
    RdapConfig m_config;
};

void tst_RdapResponder::init()
{
    f = std::make_unique<domaintest::Fixture>();
    QVERIFY(f->create(QStringLiteral("acme.example")).ok());
    QVERIFY(f->create(QStringLiteral("acorn.example")).ok());
    DirectoryConfig directoryConfig;
    directoryConfig.topClients = 5;
    m_directory = std::make_unique<directory::Directory>(directoryConfig, *f->store, f->clock);
    m_config = RdapConfig();
    m_config.requestsPerMinute = 3;
    m_config.httpCacheMaxAgeSecs = 30;
    m_config.searchResultLimit = 1;
    m_responder = std::make_unique<RdapResponder>(m_config, directoryConfig, *m_directory, f->clock,
                                                  QStringLiteral("https://rdap.test/"), QStringLiteral("whois.test"));
}

void tst_RdapResponder::cleanup()
{
    m_responder.reset();
    m_directory.reset();
    f.reset();
}

Answer tst_RdapResponder::ask(const HttpRequest &r, const QHostAddress &client)
{
    QByteArray out;
    Answer a;
    a.keepAlive = m_responder->answer(r, client, out);
    const qsizetype end = out.indexOf("\r\n\r\n");
    a.head = out.first(end);
    a.body = out.sliced(end + 4);
    a.status = a.head.mid(9, 3).toInt();
    return a;
}

void tst_RdapResponder::answersEachQuery_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("member");   // a member the body must have
    QTest::newRow("domain") << QByteArray("/domain/acme.example") << 200 << u"ldhName"_s;
    QTest::newRow("domain-missing") << QByteArray("/domain/nothing.example") << 404 << u"errorCode"_s;
    QTest::newRow("entity") << QByteArray("/entity/rar-alpha") << 200 << u"vcardArray"_s;
    QTest::newRow("entity-missing") << QByteArray("/entity/rar-nobody") << 404 << u"errorCode"_s;
    QTest::newRow("entity-contact") << QByteArray("/entity/a-tech") << 200 << u"redacted"_s;
    QTest::newRow("nameserver-missing") << QByteArray("/nameserver/ns9.nothing.example") << 404 << u"errorCode"_s;
    QTest::newRow("search-capped") << QByteArray("/domains?name=ac*.example") << 200 << u"domainSearchResults"_s;
    QTest::newRow("ip-search-empty") << QByteArray("/nameservers?ip=203.0.113.9") << 200 << u"nameserverSearchResults"_s;
    QTest::newRow("help") << QByteArray("/help") << 200 << u"notices"_s;
    QTest::newRow("bad-name") << QByteArray("/domain/a_b.example") << 400 << u"errorCode"_s;
    QTest::newRow("autnum") << QByteArray("/autnum/1") << 501 << u"errorCode"_s;
}

void tst_RdapResponder::answersEachQuery()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QString, member);
    const Answer a = ask(request(target));
    QCOMPARE(a.status, status);
    QVERIFY(a.keepAlive);
    QCOMPARE(a.header("Content-Type"), QByteArray("application/rdap+json"));
    QCOMPARE(a.header("Access-Control-Allow-Origin"), QByteArray("*"));
    QCOMPARE(a.header("Cache-Control"), status == 200 ? QByteArray("max-age=30") : QByteArray("no-store"));
    QCOMPARE(a.header("Content-Length").toInt(), a.body.size());
    QVERIFY(!a.header("Date").isEmpty());
    const QJsonObject o = QJsonDocument::fromJson(a.body).object();
    QVERIFY2(o.contains(member), a.body.constData());
    if (status != 200)
        QCOMPARE(o.value(u"errorCode").toInt(), status);
    if (target.startsWith("/domains"))   // two match, the limit is one
        QVERIFY(a.body.contains("result set truncated"));
}

void tst_RdapResponder::headAndPreflightCarryNoBody()
{
    const Answer get = ask(request("/domain/acme.example"));
    const Answer head = ask(request("/domain/acme.example", HttpRequest::Method::Head));
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(head.header("Content-Length"), get.header("Content-Length"));

    HttpRequest preflight = request("/domain/acme.example", HttpRequest::Method::Options);
    preflight.corsPreflight = true;
    f->clock.advance(60000);   // a fresh allowance
    const Answer pre = ask(preflight);
    QCOMPARE(pre.status, 204);
    QVERIFY(pre.body.isEmpty());
    QCOMPARE(pre.header("Access-Control-Allow-Methods"), QByteArray("GET, HEAD, OPTIONS"));

    const Answer post = ask(request("/domain/acme.example", HttpRequest::Method::Other));
    QCOMPARE(post.status, 405);
    QCOMPARE(post.header("Allow"), QByteArray("GET, HEAD, OPTIONS"));

    HttpRequest closing = request("/help");
    closing.keepAlive = false;
    const Answer closed = ask(closing, QHostAddress(QStringLiteral("198.51.100.8")));
    QVERIFY(!closed.keepAlive);
    QCOMPARE(closed.header("Connection"), QByteArray("close"));
}

void tst_RdapResponder::refusesOverTheRateLimitAndRecovers()
{
    const QHostAddress client(QStringLiteral("203.0.113.50"));
    int allowed = 0;
    Answer refused;
    for (int i = 0; i < 10 && refused.status == 0; ++i) {
        const Answer a = ask(request("/help"), client);
        if (a.status == 429)
            refused = a;
        else
            ++allowed;
    }
    QCOMPARE(refused.status, 429);
    QVERIFY(allowed >= 1 && allowed <= m_config.requestsPerMinute);
    QVERIFY(refused.keepAlive);   // a refusal does not cost the connection
    const int retryAfter = refused.header("Retry-After").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 60, refused.head.constData());
    QCOMPARE(QJsonDocument::fromJson(refused.body).object().value(u"errorCode").toInt(), 429);
    // Another address is not affected.
    QCOMPARE(ask(request("/help"), QHostAddress(QStringLiteral("203.0.113.51"))).status, 200);
    // Once Retry-After has passed, the client is served again.
    f->clock.advance(qint64(retryAfter) * 1000);
    QCOMPARE(ask(request("/help"), client).status, 200);
}

void tst_RdapResponder::countsForTheStatistics()
{
    const QHostAddress busy(QStringLiteral("198.51.100.20"));
    const QHostAddress quiet(QStringLiteral("198.51.100.21"));
    QCOMPARE(ask(request("/domain/acme.example"), busy).status, 200);
    QCOMPARE(ask(request("/domain/nothing.example"), busy).status, 404);
    QCOMPARE(ask(request("/domain/a_b.example"), busy).status, 400);
    QCOMPARE(ask(request("/help"), busy).status, 429);   // the fourth in a minute
    QCOMPARE(ask(request("/entity/rar-alpha"), quiet).status, 200);
    QByteArray out;
    m_responder->refuse(431, "too large", quiet, out);
    QVERIFY(out.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
    QVERIFY(out.contains("Connection: close\r\n"));

    const directory::DirectoryServiceCounters c = m_responder->counters();
    QCOMPARE(c.queries, quint64(6));
    QCOMPARE(countOf(c, u"domain"_s), quint64(2));
    QCOMPARE(countOf(c, u"entity"_s), quint64(1));
    QCOMPARE(countOf(c, u"other"_s), quint64(3));   // the malformed name, the refusal, the 431
    QCOMPARE(c.notFound, quint64(1));
    QCOMPARE(c.rateLimited, quint64(1));
    QCOMPARE(c.malformed, quint64(2));
    QCOMPARE(c.failures, quint64(0));
    QCOMPARE(c.topClients.size(), 2);
    QCOMPARE(c.topClients.first().address, busy);
    QCOMPARE(c.topClients.first().queries, quint64(4));
    QCOMPARE(c.topClients.first().refused, quint64(1));
}

void tst_RdapResponder::servesBelowTheBasePathOnly()
{
    DirectoryConfig directoryConfig;
    RdapResponder below(m_config, directoryConfig, *m_directory, f->clock, QStringLiteral("https://registry.test/rdap/"), {});
    QByteArray out;
    below.answer(request("/rdap/domain/acme.example"), QHostAddress(QStringLiteral("198.51.100.30")), out);
    QVERIFY2(out.startsWith("HTTP/1.1 200 OK"), out.constData());
    QVERIFY(out.contains("\"https://registry.test/rdap/domain/acme.example\""));
    out.clear();
    below.answer(request("/domain/acme.example"), QHostAddress(QStringLiteral("198.51.100.31")), out);
    QVERIFY(out.startsWith("HTTP/1.1 404 Not Found"));
    out.clear();
    below.answer(request("/rdapx/domain/acme.example"), QHostAddress(QStringLiteral("198.51.100.32")), out);
    QVERIFY(out.startsWith("HTTP/1.1 404 Not Found"));
}

void tst_RdapResponder::answers503NotA404WhenTheDatabaseFails()
{
    // A real failure: the table the lookup reads is gone (as after a broken migration).
    f->sql(QStringLiteral("ALTER TABLE domains RENAME TO domains_gone"));
    const Answer a = ask(request("/domain/uncached.example"));
    QCOMPARE(a.status, 503);
    QCOMPARE(a.header("Retry-After"), QByteArray("5"));
    QCOMPARE(a.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(QJsonDocument::fromJson(a.body).object().value(u"errorCode").toInt(), 503);
    QVERIFY(!a.body.contains("domains_gone"));   // the cause goes to the log, not to the client
    const directory::DirectoryServiceCounters c = m_responder->counters();
    QCOMPARE(c.failures, quint64(1));
    QCOMPARE(c.notFound, quint64(0));
}

QJsonObject tst_RdapResponder::askJson(const QByteArray &target, int expectedStatus)
{
    static int client = 0;
    const Answer a = ask(request(target), QHostAddress(QStringLiteral("203.0.113.%1").arg(100 + ++client % 100)));
    if (a.status != expectedStatus)
        qWarning("%s: %d %s", target.constData(), a.status, a.body.constData());
    return a.status == expectedStatus ? QJsonDocument::fromJson(a.body).object() : QJsonObject();
}

void tst_RdapResponder::entityIsARegistrarBeforeAContact()
{
    // A contact whose id is a registrar's client id: the registrar answers, as it did before
    // contacts were served.
    f->sql(u"INSERT INTO contacts (roid, id, registrar_id, name, created_at, updated_at) VALUES ('C800-REG', 'rar-beta', 'rar-alpha', "
           "'Shadow', 0, 0)"_s);
    const QJsonObject registrar = askJson("/entity/rar-beta");
    QCOMPARE(registrar.value(u"roles").toArray().first().toString(), u"registrar"_s);
    QVERIFY(!registrar.contains(u"redacted"));
    const QJsonObject contact = askJson("/entity/b-tech");
    QCOMPARE(contact.value(u"handle").toString(), u"b-tech"_s);
    QVERIFY(!contact.contains(u"roles"));
    const QJsonObject missing = askJson("/entity/zz-none", 404);
    QVERIFY(missing.value(u"description").toArray().first().toString().contains(u"registrar or contact"_s));
}

void tst_RdapResponder::contactEntityAtEachPrivacyLevel_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<int>("redactions");
    QTest::addColumn<bool>("emailShown");
    QTest::addColumn<bool>("nameShown");
    QTest::newRow("unrestricted") << u"unrestricted"_s << 0 << true << true;
    QTest::newRow("restricted") << u"restricted"_s << 3 << false << true;
    QTest::newRow("private") << u"private"_s << 10 << false << false;
}

void tst_RdapResponder::contactEntityAtEachPrivacyLevel()
{
    QFETCH(QString, level);
    QFETCH(int, redactions);
    QFETCH(bool, emailShown);
    QFETCH(bool, nameShown);
    f->sql(u"UPDATE contacts SET name = 'Pat Example', email = 'pat@acme.example', privacy = ?1 WHERE id = 'a-reg'"_s, {level});
    const QJsonObject o = askJson("/entity/a-reg");   // 200 at every level, private too (docs/rdap.md)
    QCOMPARE(o.value(u"objectClassName").toString(), u"entity"_s);
    QCOMPARE(o.value(u"handle").toString(), u"a-reg"_s);
    QCOMPARE(o.value(u"redacted").toArray().size(), redactions);
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    QCOMPARE(json.contains("pat@acme.example"), emailShown);
    QCOMPARE(json.contains("Pat Example"), nameShown);
    QVERIFY(o.value(u"status").toArray().contains(u"associated"_s));   // the registrant of acme.example
}

void tst_RdapResponder::domainLinksToTheSponsorsRdapService()
{
    const auto related = [](const QJsonObject &o) {
        for (const QJsonValue &l : o.value(u"links").toArray()) {
            if (l.toObject().value(u"rel").toString() == u"related")
                return l.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(related(askJson("/domain/acme.example")), QJsonObject());
    f->sql(u"UPDATE registrars SET rdap_base_url = 'https://rdap.alpha.example/' WHERE id = 'rar-alpha'"_s);
    const QJsonObject link = related(askJson("/domain/acme.example"));
    QCOMPARE(link.value(u"href").toString(), u"https://rdap.alpha.example/domain/acme.example"_s);
    QCOMPARE(link.value(u"value").toString(), u"https://rdap.test/domain/acme.example"_s);
    QCOMPARE(link.value(u"type").toString(), u"application/rdap+json"_s);
    QCOMPARE(related(askJson("/entity/rar-alpha")).value(u"href").toString(), u"https://rdap.alpha.example/"_s);
}

namespace {
QString databaseUpdateOf(const QJsonObject &answer)
{
    for (const QJsonValue &e : answer.value(u"events").toArray()) {
        if (e[u"eventAction"].toString() == u"last update of RDAP database")
            return e[u"eventDate"].toString();
    }
    return {};
}
} // namespace

void tst_RdapResponder::datesAnswersByTheLastCommittedChange()
{
    const QDateTime created = f->clock.now();   // acorn.example, the last commit of init()
    m_directory->start();
    f->advanceDays(1.0 / 24);
    const QString atCreation = RdapJsonWriter::rfc3339(created);
    QCOMPARE(databaseUpdateOf(askJson("/domain/acme.example")), atCreation);   // not the hour since
    QCOMPARE(databaseUpdateOf(askJson("/domain/acme.example")), atCreation);   // from the answer cache
    QCOMPARE(databaseUpdateOf(askJson("/help")), atCreation);

    QVERIFY(f->create(QStringLiteral("later.example")).ok());
    const QString atLater = RdapJsonWriter::rfc3339(f->clock.now());
    QTRY_COMPARE_WITH_TIMEOUT(databaseUpdateOf(askJson("/help")), atLater, 10000);
    // acme.example's cached answer survives a change to another domain, and is dated anew.
    QCOMPARE(databaseUpdateOf(askJson("/domain/acme.example")), atLater);
}

QTEST_GUILESS_MAIN(tst_RdapResponder)
#include "tst_rdapresponder.moc"
