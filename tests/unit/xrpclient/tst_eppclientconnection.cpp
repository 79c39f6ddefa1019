// EppClientConnection against an in-process TLS EPP server: the greeting, pipelining and answer
// matching, certificate verification both ways, and a server that misbehaves.
#include "xrpclient/eppclientconnection.h"
#include "xrpclient/eppcommandbuilder.h"
#include "xrpclient/eppresponse.h"

#include "setup/developmentpki.h"
#include "xrp/eppframereader.h"

#include <QFile>
#include <QPointer>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace reg;
using namespace reg::xrpclient;

namespace {

QByteArray answerFor(const QByteArray &command, int code = 1000)
{
    const QByteArray trid = EppResponse::scanElementText(command, "clTRID");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><result code=\""
           + QByteArray::number(code) + "\"><msg>done</msg></result><trID><clTRID>" + trid
           + "</clTRID><svTRID>sv</svTRID></trID></response></epp>";
}

const QByteArray greetingXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><greeting>"
                               "<svID>fake</svID><svDate>2026-11-21T00:00:00Z</svDate></greeting></epp>";

// What the fake server does with the commands it receives.
enum class Behaviour { Echo, ReverseInPairs, CloseOnFirstCommand, OversizedAnswer };

// A TLS EPP server good enough to exercise the client: greets, then answers per Behaviour.
class FakeEppServer : public QObject
{
public:
    FakeEppServer(const QSslConfiguration &config, Behaviour behaviour) : m_behaviour(behaviour)
    {
        m_server.setSslConfiguration(config);
        connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                accept(qobject_cast<QSslSocket *>(socket));
        });
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
    }

    quint16 port() const { return m_server.serverPort(); }
    int commandsReceived() const { return m_commands; }
    QString clientCertificateName() const { return m_clientName; }

private:
    void accept(QSslSocket *socket)
    {
        socket->setParent(this);
        m_clientName = socket->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0);
        auto reader = std::make_shared<xrp::EppFrameReader>();
        auto held = std::make_shared<QList<QByteArray>>();
        socket->write(*xrp::writeEppFrame(greetingXml));
        connect(socket, &QSslSocket::readyRead, socket, [this, socket, reader, held] {
            const xrp::EppFrameReader::FeedResult fed = reader->feed(socket->readAll());
            for (const QByteArray &command : fed.frames) {
                ++m_commands;
                switch (m_behaviour) {
                case Behaviour::Echo:
                    socket->write(*xrp::writeEppFrame(answerFor(command)));
                    break;
                case Behaviour::ReverseInPairs:
                    held->append(command);
                    if (held->size() == 2) {
                        socket->write(*xrp::writeEppFrame(answerFor(held->at(1))));
                        socket->write(*xrp::writeEppFrame(answerFor(held->at(0))));
                        held->clear();
                    }
                    break;
                case Behaviour::CloseOnFirstCommand:
                    socket->disconnectFromHost();
                    return;
                case Behaviour::OversizedAnswer: {
                    const char header[4] = {char(0x7f), char(0xff), char(0xff), char(0xff)};
                    socket->write(header, 4);
                    break;
                }
                }
            }
        });
    }

    QSslServer m_server;
    Behaviour m_behaviour;
    int m_commands = 0;
    QString m_clientName;
};

} // namespace

class tst_EppClientConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void greetsAndAnswersPipelinedCommandsInOrder();
    void matchesAnswersByTransactionId();
    void refusesServerFromAnotherCa();
    void refusesServerWithWrongName();
    void failsOutstandingCommandsWhenServerCloses();
    void abortsOnImpossibleFrameLength();
    void reportsUnreadableFilesAtOnce();

private:
    QSslConfiguration serverConfig(const setup::DevelopmentCa &ca, const QList<QSslCertificate> &trustedClientCas);
    EppClientEndpoint endpoint(quint16 port) const;
    void writeFile(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
    std::optional<setup::DevelopmentCa> m_ca;
    std::optional<setup::DevelopmentCa> m_otherCa;
};

void tst_EppClientConnection::writeFile(const QString &name, const QByteArray &content)
{
    QFile f(m_dir.filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(content), content.size());
}

void tst_EppClientConnection::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<setup::DevelopmentCa> ca = setup::DevelopmentCa::create(QStringLiteral("Test CA"), now);
    QVERIFY(ca);
    m_ca.emplace(std::move(*ca));
    Result<setup::DevelopmentCa> other = setup::DevelopmentCa::create(QStringLiteral("Other CA"), now);
    QVERIFY(other);
    m_otherCa.emplace(std::move(*other));
    Result<setup::KeyAndCertificate> client = m_ca->issueClient(QStringLiteral("rar-test"), now);
    QVERIFY(client);
    writeFile(QStringLiteral("ca.crt"), m_ca->authority().certificatePem);
    writeFile(QStringLiteral("cert.pem"), client->certificatePem);
    writeFile(QStringLiteral("key.pem"), client->privateKeyPem);
}

QSslConfiguration tst_EppClientConnection::serverConfig(const setup::DevelopmentCa &ca, const QList<QSslCertificate> &trustedClientCas)
{
    Result<setup::KeyAndCertificate> server = ca.issueServer(setup::defaultServerIdentity(), QDateTime::currentDateTimeUtc());
    if (!server)
        return {};
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setLocalCertificate(QSslCertificate(server->certificatePem, QSsl::Pem));
    config.setPrivateKey(QSslKey(server->privateKeyPem, QSsl::Ec, QSsl::Pem));
    config.setCaCertificates(trustedClientCas);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);   // the client must present a certificate of our CA
    return config;
}

EppClientEndpoint tst_EppClientConnection::endpoint(quint16 port) const
{
    EppClientEndpoint e;
    e.host = QStringLiteral("127.0.0.1");
    e.port = port;
    e.caFile = m_dir.filePath(QStringLiteral("ca.crt"));
    e.certificateFile = m_dir.filePath(QStringLiteral("cert.pem"));
    e.keyFile = m_dir.filePath(QStringLiteral("key.pem"));
    e.responseTimeoutMs = 20000;
    return e;
}

void tst_EppClientConnection::greetsAndAnswersPipelinedCommandsInOrder()
{
    const QList<QSslCertificate> trusted = QSslCertificate::fromData(m_ca->authority().certificatePem);
    FakeEppServer server(serverConfig(*m_ca, trusted), Behaviour::Echo);
    EppClientConnection client;
    QVERIFY(client.open(endpoint(server.port())));

    // Sent before the greeting arrived: written once TLS is up, answered after the greeting.
    EppCommandBuilder builder(QStringLiteral("t"));
    constexpr int count = 50;
    QStringList answeredIds;
    for (int i = 0; i < count; ++i) {
        const EppCommand c = builder.domainInfo(QStringLiteral("d%1.example").arg(i));
        client.send(c.xml, c.clientTransactionId, [&answeredIds, expected = c.clientTransactionId](Result<QByteArray> r) {
            QVERIFY(r);
            QCOMPARE(EppResponse::scanElementText(*r, "clTRID"), expected.toUtf8());
            answeredIds << expected;
        });
    }
    QCOMPARE(client.outstanding(), count);
    QTRY_COMPARE_WITH_TIMEOUT(answeredIds.size(), count, 20000);
    QVERIFY(client.hasGreeting());
    QVERIFY(client.greeting().contains("<svID>fake</svID>"));
    QCOMPARE(answeredIds.constFirst(), QStringLiteral("t-1"));
    QCOMPARE(answeredIds.constLast(), QStringLiteral("t-%1").arg(count));
    QCOMPARE(client.outstanding(), 0);
    QCOMPARE(server.clientCertificateName(), QStringLiteral("rar-test"));
}

void tst_EppClientConnection::matchesAnswersByTransactionId()
{
    const QList<QSslCertificate> trusted = QSslCertificate::fromData(m_ca->authority().certificatePem);
    FakeEppServer server(serverConfig(*m_ca, trusted), Behaviour::ReverseInPairs);
    EppClientConnection client;
    QVERIFY(client.open(endpoint(server.port())));
    EppCommandBuilder builder(QStringLiteral("r"));
    QStringList order;
    for (int i = 0; i < 4; ++i) {
        const EppCommand c = builder.domainCheck({QStringLiteral("x.example")});
        client.send(c.xml, c.clientTransactionId, [&order, expected = c.clientTransactionId](Result<QByteArray> r) {
            QVERIFY(r);
            QCOMPARE(EppResponse::scanElementText(*r, "clTRID"), expected.toUtf8());
            order << expected;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 4, 20000);
    QCOMPARE(order, (QStringList{QStringLiteral("r-2"), QStringLiteral("r-1"), QStringLiteral("r-4"), QStringLiteral("r-3")}));
}

void tst_EppClientConnection::refusesServerFromAnotherCa()
{
    const QList<QSslCertificate> trusted = QSslCertificate::fromData(m_ca->authority().certificatePem);
    FakeEppServer server(serverConfig(*m_otherCa, trusted), Behaviour::Echo);
    EppClientConnection client;
    QString failure;
    connect(&client, &EppClientConnection::failed, this, [&failure](const QString &m) { failure = m; });
    QVERIFY(client.open(endpoint(server.port())));
    std::optional<Result<QByteArray>> answer;
    client.send(EppCommandBuilder::hello().xml, {}, [&answer](Result<QByteArray> r) { answer = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(!failure.isEmpty(), 20000);
    QVERIFY2(failure.contains(QStringLiteral("TLS")), qPrintable(failure));
    QVERIFY(answer && !*answer);
    QVERIFY(!client.hasGreeting());
    QCOMPARE(server.commandsReceived(), 0);
}

void tst_EppClientConnection::refusesServerWithWrongName()
{
    const QList<QSslCertificate> trusted = QSslCertificate::fromData(m_ca->authority().certificatePem);
    FakeEppServer server(serverConfig(*m_ca, trusted), Behaviour::Echo);
    EppClientConnection client;
    QString failure;
    connect(&client, &EppClientConnection::failed, this, [&failure](const QString &m) { failure = m; });
    EppClientEndpoint e = endpoint(server.port());
    e.peerName = QStringLiteral("registry.invalid");
    QVERIFY(client.open(e));
    QTRY_VERIFY_WITH_TIMEOUT(!failure.isEmpty(), 20000);
    QVERIFY2(failure.contains(QStringLiteral("TLS")) && failure.contains(QStringLiteral("host name")), qPrintable(failure));
    QVERIFY(!client.hasGreeting());
}

void tst_EppClientConnection::failsOutstandingCommandsWhenServerCloses()
{
    const QList<QSslCertificate> trusted = QSslCertificate::fromData(m_ca->authority().certificatePem);
    FakeEppServer server(serverConfig(*m_ca, trusted), Behaviour::CloseOnFirstCommand);
    EppClientConnection client;
    QString failure;
    connect(&client, &EppClientConnection::failed, this, [&failure](const QString &m) { failure = m; });
    QVERIFY(client.open(endpoint(server.port())));
    EppCommandBuilder builder;
    int failedAnswers = 0;
    for (int i = 0; i < 3; ++i) {
        const EppCommand c = builder.pollRequest();
        client.send(c.xml, c.clientTransactionId, [&failedAnswers](Result<QByteArray> r) {
            QVERIFY(!r);
            ++failedAnswers;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(failedAnswers, 3, 20000);
    QVERIFY(failure.contains(QStringLiteral("closed")));
    // A closed connection answers new commands at once, with an error.
    bool refused = false;
    client.send(builder.logout().xml, {}, [&refused](Result<QByteArray> r) { refused = !r; });
    QVERIFY(refused);
}

void tst_EppClientConnection::abortsOnImpossibleFrameLength()
{
    const QList<QSslCertificate> trusted = QSslCertificate::fromData(m_ca->authority().certificatePem);
    FakeEppServer server(serverConfig(*m_ca, trusted), Behaviour::OversizedAnswer);
    EppClientConnection client;
    QString failure;
    connect(&client, &EppClientConnection::failed, this, [&failure](const QString &m) { failure = m; });
    QVERIFY(client.open(endpoint(server.port())));
    bool answered = false;
    client.send(EppCommandBuilder::hello().xml, {}, [&answered](Result<QByteArray> r) {
        QVERIFY(!r);
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
    QVERIFY2(failure.contains(QStringLiteral("exceeds the maximum")), qPrintable(failure));
}

void tst_EppClientConnection::reportsUnreadableFilesAtOnce()
{
    EppClientEndpoint e = endpoint(700);
    e.keyFile = m_dir.filePath(QStringLiteral("missing.pem"));
    EppClientConnection client;
    Result<void> opened = client.open(e);
    QVERIFY(!opened);
    QVERIFY(opened.error().message.contains(QStringLiteral("missing.pem")));

    e = endpoint(700);
    e.caFile = m_dir.filePath(QStringLiteral("key.pem"));   // a key is not a certificate
    EppClientConnection second;
    opened = second.open(e);
    QVERIFY(!opened);
    QVERIFY(opened.error().message.contains(QStringLiteral("no PEM certificate")));
}

QTEST_GUILESS_MAIN(tst_EppClientConnection)
#include "tst_eppclientconnection.moc"
