// XrpServer in-process with a dispatcher the test controls: asynchronous answers with delays that
// would finish out of order if run side by side still reach the client in the order the commands
// arrived (the session hands the dispatcher one command at a time); the dispatcher sees the
// session and the services on a worker thread; shutdown answers open sessions and writes their
// audit rows. Real TLS
// on loopback with a development CA; the client runs on its own thread (it blocks).
#include "common/eppclient.h"

#include "core/clock.h"
#include "setup/developmentpki.h"
#include "srs/registrarlogin.h"
#include "store/store.h"
#include "xrp/xrpserver.h"

#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace reg;
using testsupport::EppClient;

namespace {

const QString password = QStringLiteral("Server-test-9");

QByteArray epp(const QByteArray &body)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">" + body + "</epp>";
}

QByteArray loginXml()
{
    return epp("<command><login><clID>srv-user</clID><pw>" + password.toUtf8()
               + "</pw><options><version>1.0</version><lang>en</lang></options><svcs><objURI>urn:example:thing-1.0</objURI>"
                 "</svcs></login><clTRID>login-1</clTRID></command>");
}

// A command whose object names how long the test dispatcher waits before answering.
QByteArray delayed(int delayMs, const QByteArray &clTRID)
{
    return epp("<command><info><thing:info xmlns:thing=\"urn:example:thing-1.0\"><thing:delay>" + QByteArray::number(delayMs)
               + "</thing:delay></thing:info></info><clTRID>" + clTRID + "</clTRID></command>");
}

QString clientTrid(const QByteArray &xml)
{
    static const QRegularExpression re(QStringLiteral("<clTRID>([^<]*)</clTRID>"));
    return re.match(QString::fromUtf8(xml)).captured(1);
}

int resultCode(const QByteArray &xml)
{
    static const QRegularExpression re(QStringLiteral("<result code=\"(\\d{4})\""));
    return re.match(QString::fromUtf8(xml)).captured(1).toInt();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

struct Seen
{
    QString registrarId;
    QString userId;
    QString clientAddress;
    QStringList objectUris;
    QString clientTransactionId;
    bool hasReader = false;
    bool hasWriter = false;
    QStringList tlds;
    bool onWorkerThread = false;
};

} // namespace

class tst_XrpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void asynchronousAnswersKeepTheArrivalOrder();
    void dispatcherSeesTheSessionAndTheServices();
    void shutdownAnswersOpenSessionsAndWritesTheirAudit();

private:
    // Runs body on a client thread with a connected, greeted client; the test thread keeps serving.
    bool runClient(const std::function<bool(EppClient &, QString *)> &body, QString *failure);

    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<xrp::XrpServer> m_server;
    QString m_ca;
    QString m_clientCert;
    QString m_clientKey;
    QMutex m_seenMutex;
    QList<Seen> m_seen;
};

void tst_XrpServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto opened = store::Store::open({m_dir.filePath(QStringLiteral("registry.db")), 64, true});
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    m_store = std::move(opened).value();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto seeded = m_store->writer().submitAndWait([now](store::Connection &c) -> Result<std::optional<store::JournalChange>> {
        if (auto r = c.execute(QStringLiteral("INSERT INTO registrars (id, name, created_at) VALUES ('rar-srv', 'Server Test', ?)"), {now}); !r)
            return r.error();
        if (auto r = c.execute(QStringLiteral("INSERT INTO tlds (name, created_at) VALUES ('test', ?)"), {now}); !r)
            return r.error();
        return std::optional<store::JournalChange>();
    });
    QVERIFY(seeded);

    auto ca = setup::DevelopmentCa::create(QStringLiteral("tst_xrpserver CA"), QDateTime::currentDateTimeUtc());
    QVERIFY(ca);
    auto server = ca->issueServer(setup::defaultServerIdentity(), QDateTime::currentDateTimeUtc());
    auto client = ca->issueClient(QStringLiteral("rar-srv"), QDateTime::currentDateTimeUtc());
    QVERIFY(server && client);
    m_ca = m_dir.filePath(QStringLiteral("ca.crt"));
    m_clientCert = m_dir.filePath(QStringLiteral("client.crt"));
    m_clientKey = m_dir.filePath(QStringLiteral("client.key"));
    EngineConfig config;
    config.tls = {m_ca, m_dir.filePath(QStringLiteral("server.crt")), m_dir.filePath(QStringLiteral("server.key"))};
    QVERIFY(writeFile(m_ca, ca->authority().certificatePem));
    QVERIFY(writeFile(config.tls.certificateFile, server->certificatePem));
    QVERIFY(writeFile(config.tls.keyFile, server->privateKeyPem));
    QVERIFY(writeFile(m_clientCert, client->certificatePem));
    QVERIFY(writeFile(m_clientKey, client->privateKeyPem));

    srs::RegistrarLogin logins(*m_store, SystemClock::instance());
    QVERIFY(logins.createUser(QStringLiteral("rar-srv"), QStringLiteral("srv-user"), password, QStringLiteral("test")));
    QVERIFY(logins.bindCertificate(QStringLiteral("rar-srv"), client->certificatePem, QStringLiteral("test")));
    QVERIFY(logins.addAddress(QStringLiteral("rar-srv"), QHostAddress(QStringLiteral("127.0.0.1")), QStringLiteral("test")));

    config.xrp.threads = 2;
    config.xrp.serverId = QStringLiteral("tst xrpserver");
    config.services.append(ServiceConfig{QStringLiteral("xrp"), true, ListenAddress{QHostAddress::LocalHost, 0}});

    xrp::XrpCommandSet commands;
    commands.objectUris = {QStringLiteral("urn:example:thing-1.0")};
    commands.dispatcher = [this](const xrp::XrpCommand &command, const xrp::XrpServices &services, QObject *context, xrp::XrpReply reply) {
        Seen seen;
        seen.registrarId = command.session->registrarId;
        seen.userId = command.session->userId;
        seen.clientAddress = command.session->clientAddress;
        seen.objectUris = command.session->objectUris;
        seen.clientTransactionId = command.clientTransactionId;
        seen.hasReader = services.reader != nullptr;
        seen.hasWriter = services.writer != nullptr;
        seen.tlds = services.policy ? services.policy->tlds : QStringList();
        seen.onWorkerThread = QThread::currentThread()->objectName().startsWith(u"xrp-");
        {
            QMutexLocker lock(&m_seenMutex);
            m_seen.append(seen);
        }
        const xrp::EppElement *delay = command.object ? command.object->child(u"urn:example:thing-1.0", u"delay") : nullptr;
        const int ms = delay ? delay->text().toInt() : 0;
        const QString object = delay ? delay->text() : QString();
        // Answers on the session's thread after the delay, like a command waiting for its commit.
        QTimer::singleShot(ms, context, [reply, object] {
            xrp::EppResponseContent response;
            response.result = xrp::EppResult::Success;
            reply(std::move(response), {QStringLiteral("thing:info"), object});
        });
    };
    m_server = std::make_unique<xrp::XrpServer>(config, *m_store, SystemClock::instance(), commands);
    const Result<void> started = m_server->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().message));
    QVERIFY(m_server->boundAddress().port != 0);
}

void tst_XrpServer::cleanupTestCase()
{
    m_server.reset();
    if (m_store)
        m_store->close();
}

bool tst_XrpServer::runClient(const std::function<bool(EppClient &, QString *)> &body, QString *failure)
{
    std::atomic<bool> done{false};
    bool ok = false;
    const quint16 port = m_server->boundAddress().port;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        EppClient client;
        client.setCredentials(m_ca, m_clientCert, m_clientKey);
        if (!client.connectTo(port, failure))
            *failure = QStringLiteral("connect: ") + *failure;
        else if (!client.readFrame().contains("<greeting>"))
            *failure = QStringLiteral("no greeting");
        else
            ok = body(client, failure);
        done = true;
    }));
    thread->start();
    if (!QTest::qWaitFor([&] { return done.load(); }, 60000))
        *failure = QStringLiteral("the client did not finish");
    thread->wait();
    return ok;
}

void tst_XrpServer::asynchronousAnswersKeepTheArrivalOrder()
{
    QString failure;
    QStringList order;
    const bool ok = runClient([&order](EppClient &client, QString *why) {
        if (resultCode(client.exchange(loginXml())) != 1000) {
            *why = QStringLiteral("login failed");
            return false;
        }
        // The first command takes longest; each later one would finish before it.
        const QList<int> delays{300, 10, 150, 0, 60, 5};
        QByteArray pipeline;
        for (int i = 0; i < delays.size(); ++i)
            pipeline += EppClient::frame(delayed(delays[i], "async-" + QByteArray::number(i)));
        if (!client.sendRaw(pipeline)) {
            *why = QStringLiteral("send failed");
            return false;
        }
        for (int i = 0; i < delays.size(); ++i) {
            const QByteArray answer = client.readFrame();
            if (resultCode(answer) != 1000) {
                *why = QString::fromUtf8(answer);
                return false;
            }
            order.append(clientTrid(answer));
        }
        return true;
    }, &failure);
    QVERIFY2(ok, qPrintable(failure));
    QCOMPARE(order, (QStringList{QStringLiteral("async-0"), QStringLiteral("async-1"), QStringLiteral("async-2"), QStringLiteral("async-3"),
                                 QStringLiteral("async-4"), QStringLiteral("async-5")}));
}

void tst_XrpServer::dispatcherSeesTheSessionAndTheServices()
{
    {
        QMutexLocker lock(&m_seenMutex);
        m_seen.clear();
    }
    QString failure;
    const bool ok = runClient([](EppClient &client, QString *why) {
        if (resultCode(client.exchange(loginXml())) != 1000 || resultCode(client.exchange(delayed(0, "seen-1"))) != 1000) {
            *why = QStringLiteral("command failed");
            return false;
        }
        return true;
    }, &failure);
    QVERIFY2(ok, qPrintable(failure));
    QMutexLocker lock(&m_seenMutex);
    QCOMPARE(m_seen.size(), 1);
    const Seen &seen = m_seen.first();
    QCOMPARE(seen.registrarId, QStringLiteral("rar-srv"));
    QCOMPARE(seen.userId, QStringLiteral("srv-user"));
    QCOMPARE(seen.clientAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(seen.objectUris, QStringList{QStringLiteral("urn:example:thing-1.0")});
    QCOMPARE(seen.clientTransactionId, QStringLiteral("seen-1"));
    QVERIFY(seen.hasReader);
    QVERIFY(seen.hasWriter);
    QCOMPARE(seen.tlds, QStringList{QStringLiteral("test")});
    QVERIFY(seen.onWorkerThread);
}

void tst_XrpServer::shutdownAnswersOpenSessionsAndWritesTheirAudit()
{
    QString failure;
    std::atomic<bool> loggedIn{false};
    QByteArray last;
    const quint16 port = m_server->boundAddress().port;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        EppClient client;
        client.setCredentials(m_ca, m_clientCert, m_clientKey);
        if (!client.connectTo(port, &failure) || !client.readFrame().contains("<greeting>")
            || resultCode(client.exchange(loginXml())) != 1000) {
            failure = QStringLiteral("no session");
            loggedIn = true;
            return;
        }
        loggedIn = true;
        last = client.readFrame(30000);   // the shutdown notice
        client.waitForClosed(30000);
    }));
    thread->start();
    QVERIFY(QTest::qWaitFor([&] { return loggedIn.load(); }, 60000));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QTest::qWait(100);   // the login answer has left; the session is idle
    m_server->shutdown(QStringLiteral("engine stopping"));
    QVERIFY(thread->wait(60000));
    QCOMPARE(resultCode(last), 2500);
    QVERIFY2(last.contains("engine stopping"), last.constData());

    auto reader = m_store->openReader();
    QVERIFY(reader);
    auto shutdowns = (*reader)->queryValue(QStringLiteral("SELECT count(*) FROM xrp_audit WHERE command = 'shutdown' AND result_code = 2500 "
                                                          "AND user_id = 'srv-user' AND registrar_id = 'rar-srv'"));
    QVERIFY(shutdowns);
    QCOMPARE(shutdowns->toInt(), 1);
    auto infos = (*reader)->queryValue(QStringLiteral("SELECT count(*) FROM xrp_audit WHERE command = 'thing:info' AND result_code = 1000"));
    QVERIFY(infos);
    QCOMPARE(infos->toInt(), 7);   // six pipelined and one more; their object is the delay
}

QTEST_GUILESS_MAIN(tst_XrpServer)
#include "tst_xrpserver.moc"
