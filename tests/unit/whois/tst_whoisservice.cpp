#include "unit/srs/domaintestfixture.h"

#include "directory/directory.h"
#include "whois/whoisservice.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using reg::directory::Directory;
using reg::directory::DirectoryServiceCounters;
using reg::whois::WhoisService;

namespace {

// One RFC 3912 exchange on a fresh connection; the bytes until the server closed.
QByteArray ask(quint16 port, const QByteArray &line)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(line);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 10000) {
        socket.waitForReadyRead(100);
        answer += socket.readAll();
    }
    return answer + socket.readAll();
}

quint64 countOf(const DirectoryServiceCounters &counters, const QString &type)
{
    for (const auto &[name, count] : counters.byType) {
        if (name == type)
            return count;
    }
    return ~quint64(0);
}

} // namespace

// WhoisService in process over a real SQLite registry and Directory, on 127.0.0.1:0, with the
// ManualClock driving the rate limiter: what it counts, the rate limit's refusal and recovery in
// clock time, and a database failure answered as a temporary failure, never "no match".
class tst_WhoisService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void countsEveryQueryByTypeAndOutcome();
    void refusesOverTheRateLimitUntilTheClockAllows();
    void answersATemporaryFailureWhenTheDatabaseFails();

private:
    void startService(int queriesPerMinute);
    quint16 port() const { return m_service->boundAddress().port; }

    std::unique_ptr<domaintest::Fixture> m_f;
    std::unique_ptr<Directory> m_directory;
    std::unique_ptr<WhoisService> m_service;
};

void tst_WhoisService::init()
{
    m_f = std::make_unique<domaintest::Fixture>();
    QVERIFY(m_f->create(u"known.example"_s).ok());
}

void tst_WhoisService::cleanup()
{
    m_service.reset();
    m_directory.reset();
    m_f.reset();
}

void tst_WhoisService::startService(int queriesPerMinute)
{
    reg::EngineConfig config;
    reg::ServiceConfig whois;
    whois.name = u"whois"_s;
    whois.listen = {QHostAddress::LocalHost, 0};
    config.services = {whois};
    config.whois.threads = 2;
    config.whois.queriesPerMinute = queriesPerMinute;
    config.whois.registrarQueriesPerMinute = queriesPerMinute;
    config.directory.cacheMaxEntries = 1000;
    m_directory = std::make_unique<Directory>(config.directory, *m_f->store, m_f->clock);
    m_directory->start();
    m_service = std::make_unique<WhoisService>(config, *m_directory, m_f->clock);
    const reg::Result<void> started = m_service->start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    QVERIFY(port() != 0);
    QCOMPARE(m_service->threadCount(), 2);
}

void tst_WhoisService::countsEveryQueryByTypeAndOutcome()
{
    startService(1000);
    QVERIFY(ask(port(), "known.example\r\n").contains("Domain Name: known.example"));
    QVERIFY(ask(port(), "unknown.example\r\n").contains("No match for \"unknown.example\"."));
    QVERIFY(ask(port(), "nameserver ns1.unknown.example\r\n").contains("No match"));
    QVERIFY(ask(port(), "registrars\r\n").contains("Registrar ID: rar-alpha"));
    QVERIFY(ask(port(), "help\r\n").contains("Query syntax"));
    QVERIFY(ask(port(), "\x01\x02\r\n").startsWith("% Error: "));
    QVERIFY(ask(port(), QByteArray(600, 'x')).startsWith("% Error: the query is longer than 512 bytes"));

    const DirectoryServiceCounters s = m_service->statistics();
    QVERIFY(s.running);
    QCOMPARE(s.queries, 7u);
    QCOMPARE(countOf(s, u"domain"_s), 2u);
    QCOMPARE(countOf(s, u"host"_s), 1u);
    QCOMPARE(countOf(s, u"registrars"_s), 1u);
    QCOMPARE(countOf(s, u"help"_s), 1u);
    QCOMPARE(countOf(s, u"invalid"_s), 2u);
    QCOMPARE(countOf(s, u"address"_s), 0u);
    QCOMPARE(s.notFound, 2u);
    QCOMPARE(s.malformed, 2u);
    QCOMPARE(s.rateLimited, 0u);
    QCOMPARE(s.failures, 0u);
    QTRY_COMPARE_WITH_TIMEOUT(m_service->statistics().openConnections, 0, 5000);   // drained ones close when the client does
    QCOMPARE(s.topClients.size(), 1);
    QCOMPARE(s.topClients.first().address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(s.topClients.first().queries, 7u);

    m_service->shutdown();
    QVERIFY(!m_service->statistics().running);
}

void tst_WhoisService::refusesOverTheRateLimitUntilTheClockAllows()
{
    startService(3);   // one query every 20 s once the burst of three is spent
    for (int i = 0; i < 3; ++i)
        QVERIFY(ask(port(), "known.example\r\n").contains("Domain Name: known.example"));
    QCOMPARE(ask(port(), "known.example\r\n"), QByteArray("% Query rate limit exceeded for 127.0.0.1; try again in 20 seconds.\r\n"));
    m_f->clock.advance(19000);
    QCOMPARE(ask(port(), "help\r\n"), QByteArray("% Query rate limit exceeded for 127.0.0.1; try again in 1 seconds.\r\n"));
    m_f->clock.advance(1000);
    QVERIFY(ask(port(), "known.example\r\n").contains("Domain Name: known.example"));

    const DirectoryServiceCounters s = m_service->statistics();
    QCOMPARE(s.queries, 6u);
    QCOMPARE(s.rateLimited, 2u);
    QCOMPARE(s.topClients.first().refused, 2u);
}

void tst_WhoisService::answersATemporaryFailureWhenTheDatabaseFails()
{
    startService(1000);
    // The domains table disappears under the directory: a lookup fails in the database.
    m_f->sql(u"ALTER TABLE domains RENAME TO domains_away"_s);
    const QByteArray text = ask(port(), "never-asked.example\r\n");
    QVERIFY2(text.startsWith("% Temporary failure"), text.constData());
    QVERIFY(!text.contains("No match"));
    const QByteArray xml = ask(port(), "xml another-one.example\r\n");
    QVERIFY2(xml.contains("<error code=\"temporary-failure\">"), xml.constData());
    QCOMPARE(m_service->statistics().failures, 2u);
    QCOMPARE(m_service->statistics().notFound, 0u);
}

QTEST_GUILESS_MAIN(tst_WhoisService)
#include "tst_whoisservice.moc"
