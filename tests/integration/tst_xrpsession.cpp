// The XRP port end to end: a real registryd, real TLS with client certificates, EPP frames from
// EppClient; every answer the server sends is validated against the official XSDs with xmllint.
#include "common/eppclient.h"
#include "common/enginefixture.h"
#include "common/eppschemavalidator.h"

#include "core/clock.h"
#include "srs/registrarlogin.h"
#include "store/connection.h"
#include "store/store.h"

#include <QDir>
#include <QJsonArray>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QtEndian>

using testsupport::EngineFixture;
using testsupport::EppClient;

namespace {

const QString password = QStringLiteral("Xrp-test-pw1");
const QString userA = QStringLiteral("xrp-user-a");
const QString userA2 = QStringLiteral("xrp-user-a2");
const QString userB = QStringLiteral("xrp-user-b");
const QString userLock = QStringLiteral("xrp-lock");
const QByteArray domainUri = "urn:ietf:params:xml:ns:domain-1.0";

QByteArray epp(const QByteArray &body)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">" + body + "</epp>";
}

QByteArray hello()
{
    return epp("<hello/>");
}

QByteArray command(const QByteArray &inner, const QByteArray &clTRID)
{
    return epp("<command>" + inner + (clTRID.isEmpty() ? QByteArray() : "<clTRID>" + clTRID + "</clTRID>") + "</command>");
}

QByteArray poll(const QByteArray &clTRID)
{
    return command("<poll op=\"req\"/>", clTRID);
}

QByteArray login(const QString &user, const QString &pw, const QByteArray &clTRID, const QByteArray &version = "1.0",
                 const QByteArray &lang = "en", const QByteArray &objUri = domainUri, const QByteArray &extUri = {})
{
    QByteArray svcs = "<objURI>" + objUri + "</objURI>";
    if (!extUri.isEmpty())
        svcs += "<svcExtension><extURI>" + extUri + "</extURI></svcExtension>";
    return command("<login><clID>" + user.toUtf8() + "</clID><pw>" + pw.toUtf8() + "</pw><options><version>" + version
                       + "</version><lang>" + lang + "</lang></options><svcs>" + svcs + "</svcs></login>",
                   clTRID);
}

QByteArray logout(const QByteArray &clTRID)
{
    return command("<logout/>", clTRID);
}

int resultCode(const QByteArray &xml)
{
    static const QRegularExpression re(QStringLiteral("<result code=\"(\\d{4})\""));
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(xml));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QString clientTrid(const QByteArray &xml)
{
    static const QRegularExpression re(QStringLiteral("<clTRID>([^<]*)</clTRID>"));
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(xml));
    return m.hasMatch() ? m.captured(1) : QString();
}

QByteArray header(quint32 length)
{
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(length, out.data());
    return out;
}

} // namespace

// An answer arrived, is valid EPP, and carries the expected result code.
#define QVERIFY_ANSWER(xml, code)                                                                         \
    do {                                                                                                  \
        const QByteArray answer_ = (xml);                                                                 \
        QVERIFY2(!answer_.isEmpty(), "no answer from the server");                                        \
        const QString invalid_ = m_validator.validate(answer_);                                           \
        QVERIFY2(invalid_.isEmpty(), qPrintable(invalid_ + QStringLiteral("\n") + QString::fromUtf8(answer_))); \
        QCOMPARE(resultCode(answer_), (code));                                                            \
    } while (false)

#define QVERIFY_GREETING(xml)                                                                             \
    do {                                                                                                  \
        const QByteArray greeting_ = (xml);                                                               \
        QVERIFY2(greeting_.contains("<greeting>"), greeting_.constData());                                \
        const QString invalid_ = m_validator.validate(greeting_);                                         \
        QVERIFY2(invalid_.isEmpty(), qPrintable(invalid_ + QStringLiteral("\n") + QString::fromUtf8(greeting_))); \
    } while (false)

class tst_XrpSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void greetingValidatesAgainstTheSchema();
    void helloAnswersWithAGreeting();
    void commandBeforeLoginIsRefused();
    void unknownCommandIs2000();
    void invalidXmlIs2001AndTheSessionContinues();
    void doctypeAndEntitiesAre2001();
    void badClientTransactionIdIs2001();
    void loginSucceedsAndLogoutCloses();
    void demoRegistrarLogsInWithItsCredentials();
    void loginRefusesWhatIsNotOffered_data();
    void loginRefusesWhatIsNotOffered();
    void loginTwiceIs2002();
    void commandAfterLoginReachesTheDispatcher();
    void wrongPasswordIs2200();
    void threeFailedLoginsCloseTheSession();
    void userLocksAfterMaxFailedLogins();
    void certificateOfAnotherRegistrarIs2501();
    void noClientCertificateIsRefused();
    void unknownAddressIsClosedBeforeTls();
    void sessionLimitPerUserIs2502();
    void oversizedFrameIsAnsweredThenClosed();
    void impossibleLengthIsAnsweredThenClosed();
    void truncatedFrameThenClose();
    void pipelinedCommandsAreAnsweredInOrder();
    void floodOfPipelinedFramesIsAnsweredCompletely();
    void hostileSessionsDoNotDisturbAGoodOne();
    void clientThatDoesNotReadIsPushedBackThenServed();
    void statusAndMetricsShowThePort();
    void timeoutsEndSessions();
    void auditRowsAreWritten();

private:
    bool connectAs(EppClient &client, const QString &registrar, QString *error = nullptr);
    QString certFile(const QString &registrar) const { return m_engine.dataDir() + QStringLiteral("/registrars/") + registrar + QStringLiteral("/cert.pem"); }
    QString keyFile(const QString &registrar) const { return m_engine.dataDir() + QStringLiteral("/registrars/") + registrar + QStringLiteral("/key.pem"); }
    quint16 port() const { return m_engine.port(QStringLiteral("xrp")); }

    EngineFixture m_engine;
    EppSchemaValidator m_validator;
    QString m_registrarA;
    QString m_registrarB;
};

bool tst_XrpSession::connectAs(EppClient &client, const QString &registrar, QString *error)
{
    client.setCredentials(m_engine.caCertificateFile(), certFile(registrar), keyFile(registrar));
    return client.connectTo(port(), error);
}

void tst_XrpSession::initTestCase()
{
    if (const QString why = m_validator.prepare(); !why.isEmpty())
        QFAIL(qPrintable(why));   // the issue requires the XSD check: no silent skip
    QString error;
    QVERIFY2(m_engine.initialize(&error), qPrintable(error));
    const QStringList registrars = QDir(m_engine.dataDir() + QStringLiteral("/registrars")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(registrars.size() >= 2, "init --demo must set up at least two registrars");
    m_registrarA = registrars.at(0);
    m_registrarB = registrars.at(1);

    // Users of our own, so the test does not depend on what init --demo chose for its users.
    {
        auto opened = reg::store::Store::open({m_engine.dataDir() + QStringLiteral("/registry.db"), 16, false});
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        std::unique_ptr<reg::store::Store> store = std::move(opened).value();
        reg::srs::RegistrarLogin logins(*store, reg::SystemClock::instance());
        for (const auto &[registrar, user] : {std::pair{m_registrarA, userA}, std::pair{m_registrarA, userA2},
                                              std::pair{m_registrarA, userLock}, std::pair{m_registrarB, userB}}) {
            const reg::Result<void> created = logins.createUser(registrar, user, password, QStringLiteral("test"));
            QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        }
        for (const QString &registrar : {m_registrarA, m_registrarB}) {
            QFile pem(certFile(registrar));
            QVERIFY(pem.open(QIODevice::ReadOnly));
            // init --demo may have bound the certificate and listed the address already.
            (void)logins.bindCertificate(registrar, pem.readAll(), QStringLiteral("test"));
            (void)logins.addAddress(registrar, QHostAddress(QStringLiteral("127.0.0.1")), QStringLiteral("test"));
        }
        store->close();
    }
    m_engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("threads"), QStringLiteral("2"));
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    QVERIFY(port() != 0);
}

void tst_XrpSession::cleanupTestCase()
{
    m_engine.stop();
}

void tst_XrpSession::greetingValidatesAgainstTheSchema()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    const QByteArray greeting = client.readFrame();
    QVERIFY_GREETING(greeting);
    QVERIFY(greeting.contains("<svID>"));
    QVERIFY(greeting.contains("<objURI>urn:ietf:params:xml:ns:domain-1.0</objURI>"));
}

void tst_XrpSession::helloAnswersWithAGreeting()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY_GREETING(client.exchange(hello()));
    QVERIFY_GREETING(client.exchange(hello()));
    QVERIFY(client.isConnected());
}

void tst_XrpSession::commandBeforeLoginIsRefused()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    const QByteArray answer = client.exchange(poll("early-1"));
    QVERIFY_ANSWER(answer, 2002);
    QCOMPARE(clientTrid(answer), QStringLiteral("early-1"));
    QVERIFY_ANSWER(client.exchange(logout("early-2")), 1500);
    QVERIFY(client.waitForClosed());
}

void tst_XrpSession::unknownCommandIs2000()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY_ANSWER(client.exchange(command("<frobnicate/>", "unknown-1")), 2000);
    QVERIFY_ANSWER(client.exchange(command("<x:check xmlns:x=\"urn:example:other\"/>", "unknown-2")), 2000);
    QVERIFY(client.isConnected());
}

void tst_XrpSession::invalidXmlIs2001AndTheSessionContinues()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY_ANSWER(client.exchange("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello></epp>"), 2001);
    QVERIFY_ANSWER(client.exchange("this is not XML"), 2001);
    QVERIFY_ANSWER(client.exchange("<epp xmlns=\"urn:example:wrong\"><hello/></epp>"), 2001);
    QVERIFY_ANSWER(client.exchange(epp("<hello/><hello/>")), 2001);
    QVERIFY_ANSWER(client.exchange(epp("<greeting/>")), 2001);
    QVERIFY_GREETING(client.exchange(hello()));
}

void tst_XrpSession::doctypeAndEntitiesAre2001()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY_ANSWER(client.exchange("<?xml version=\"1.0\"?><!DOCTYPE epp [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                                   "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><poll op=\"req\"/><clTRID>&b;</clTRID></command></epp>"),
                   2001);
    QVERIFY_ANSWER(client.exchange("<?xml version=\"1.0\"?><!DOCTYPE epp SYSTEM \"file:///etc/passwd\">"
                                   "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello/></epp>"),
                   2001);
    QVERIFY_GREETING(client.exchange(hello()));
}

void tst_XrpSession::badClientTransactionIdIs2001()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY_ANSWER(client.exchange(poll("ab")), 2001);
    QVERIFY_ANSWER(client.exchange(poll(QByteArray(65, 'x'))), 2001);
    QVERIFY(client.isConnected());
}

void tst_XrpSession::loginSucceedsAndLogoutCloses()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    const QByteArray answer = client.exchange(login(userA, password, "login-ok"));
    QVERIFY_ANSWER(answer, 1000);
    QCOMPARE(clientTrid(answer), QStringLiteral("login-ok"));
    QVERIFY(answer.contains("<svTRID>"));
    QVERIFY_ANSWER(client.exchange(logout("logout-ok")), 1500);
    QVERIFY(client.waitForClosed());
}

void tst_XrpSession::demoRegistrarLogsInWithItsCredentials()
{
    // registryd init --demo writes DIR/registrars/<id>/credentials ("user=", "password=" lines).
    QFile file(m_engine.dataDir() + QStringLiteral("/registrars/") + m_registrarB + QStringLiteral("/credentials"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName() + QStringLiteral(" must exist")));
    QString user;
    QString pw;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("user="))
            user = QString::fromUtf8(line.mid(5)).trimmed();
        else if (line.startsWith("password="))
            pw = QString::fromUtf8(line.mid(9)).trimmed();
    }
    QVERIFY(!user.isEmpty() && !pw.isEmpty());
    EppClient client;
    QVERIFY(connectAs(client, m_registrarB));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY_ANSWER(client.exchange(login(user, pw, "demo-1")), 1000);
    QVERIFY_ANSWER(client.exchange(logout("demo-2")), 1500);
    QVERIFY(client.waitForClosed());
}

void tst_XrpSession::loginRefusesWhatIsNotOffered_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("code");
    QTest::newRow("version 2.0") << login(userA, password, "v-1", "2.0") << 2100;
    QTest::newRow("language de") << login(userA, password, "l-1", "1.0", "de") << 2102;
    QTest::newRow("unknown object") << login(userA, password, "o-1", "1.0", "en", "urn:example:gadget-1.0") << 2307;
    QTest::newRow("unknown extension") << login(userA, password, "e-1", "1.0", "en", domainUri, "urn:example:ext-1.0") << 2103;
    QTest::newRow("no svcs") << command("<login><clID>" + userA.toUtf8() + "</clID><pw>" + password.toUtf8()
                                            + "</pw><options><version>1.0</version><lang>en</lang></options></login>",
                                        "m-1")
                             << 2003;
    QTest::newRow("clID too long") << login(QStringLiteral("a-very-long-user-id"), password, "c-1") << 2001;
}

void tst_XrpSession::loginRefusesWhatIsNotOffered()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, code);
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY_ANSWER(client.exchange(xml), code);
    QVERIFY(client.isConnected());
}

void tst_XrpSession::loginTwiceIs2002()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY_ANSWER(client.exchange(login(userA, password, "twice-1")), 1000);
    QVERIFY_ANSWER(client.exchange(login(userA, password, "twice-2")), 2002);
    QVERIFY_ANSWER(client.exchange(logout("twice-3")), 1500);
}

void tst_XrpSession::commandAfterLoginReachesTheDispatcher()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY_ANSWER(client.exchange(login(userA, password, "disp-1")), 1000);
    const QByteArray answer = client.exchange(poll("disp-2"));
    QVERIFY2(!answer.isEmpty(), "no answer");
    QVERIFY(m_validator.validate(answer).isEmpty());
    // Whatever the command handlers answer, it is not the session's own "log in first".
    QVERIFY(resultCode(answer) != 0 && resultCode(answer) != 2002);
    QCOMPARE(clientTrid(answer), QStringLiteral("disp-2"));
    QVERIFY_ANSWER(client.exchange(logout("disp-3")), 1500);
}

void tst_XrpSession::wrongPasswordIs2200()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarB));
    QVERIFY_GREETING(client.readFrame());
    const QByteArray answer = client.exchange(login(userB, QStringLiteral("Wrong-pass99"), "wrong-1"));
    QVERIFY_ANSWER(answer, 2200);
    QVERIFY(!answer.contains("Wrong-pass99"));
    QVERIFY(client.isConnected());
    QVERIFY_ANSWER(client.exchange(login(userB, password, "right-1")), 1000);   // the counter reset for the next test
    QVERIFY_ANSWER(client.exchange(logout("right-2")), 1500);
}

void tst_XrpSession::threeFailedLoginsCloseTheSession()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarB));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY_ANSWER(client.exchange(login(QStringLiteral("nobody-here"), password, "f-1")), 2200);
    QVERIFY_ANSWER(client.exchange(login(QStringLiteral("nobody-here"), password, "f-2")), 2200);
    QVERIFY_ANSWER(client.exchange(login(QStringLiteral("nobody-here"), password, "f-3")), 2501);
    QVERIFY(client.waitForClosed());
}

void tst_XrpSession::userLocksAfterMaxFailedLogins()
{
    // max_failed_logins = 5 (the default); a session closes after 3 failures, so it takes two.
    EppClient first;
    QVERIFY(connectAs(first, m_registrarA));
    QVERIFY_GREETING(first.readFrame());
    QVERIFY_ANSWER(first.exchange(login(userLock, QStringLiteral("Wrong-pass11"), "lock-1")), 2200);
    QVERIFY_ANSWER(first.exchange(login(userLock, QStringLiteral("Wrong-pass12"), "lock-2")), 2200);
    QVERIFY_ANSWER(first.exchange(login(userLock, QStringLiteral("Wrong-pass13"), "lock-3")), 2501);
    QVERIFY(first.waitForClosed());
    EppClient second;
    QVERIFY(connectAs(second, m_registrarA));
    QVERIFY_GREETING(second.readFrame());
    QVERIFY_ANSWER(second.exchange(login(userLock, QStringLiteral("Wrong-pass14"), "lock-4")), 2200);
    QVERIFY_ANSWER(second.exchange(login(userLock, QStringLiteral("Wrong-pass15"), "lock-5")), 2200);
    second.close();
    // Locked now: even the right password is refused.
    EppClient third;
    QVERIFY(connectAs(third, m_registrarA));
    QVERIFY_GREETING(third.readFrame());
    const QByteArray locked = third.exchange(login(userLock, password, "lock-6"));
    QVERIFY_ANSWER(locked, 2200);
    QVERIFY2(locked.contains("lock"), locked.constData());
}

void tst_XrpSession::certificateOfAnotherRegistrarIs2501()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarB));   // B's certificate, A's user
    QVERIFY_GREETING(client.readFrame());
    QVERIFY_ANSWER(client.exchange(login(userA, password, "cert-1")), 2501);
    QVERIFY(client.waitForClosed());
}

void tst_XrpSession::noClientCertificateIsRefused()
{
    EppClient client;
    client.setCredentials(m_engine.caCertificateFile());
    // With TLS 1.3 the client may finish its side of the handshake before the server refuses.
    client.connectTo(port());
    QVERIFY(client.readFrame(5000).isEmpty());
    QVERIFY(client.waitForClosed());
}

void tst_XrpSession::unknownAddressIsClosedBeforeTls()
{
    EppClient client;
    client.setCredentials(m_engine.caCertificateFile(), certFile(m_registrarA), keyFile(m_registrarA));
    client.setLocalAddress(QHostAddress(QStringLiteral("127.0.0.2")));   // loopback, but no registrar lists it
    QString error;
    QVERIFY(!client.connectTo(port(), &error, 5000));
    QVERIFY(client.waitForClosed());
}

void tst_XrpSession::sessionLimitPerUserIs2502()
{
    // max_sessions_per_user = 1; with two worker threads the two sessions land on different threads.
    EppClient first;
    QVERIFY(connectAs(first, m_registrarA));
    QVERIFY_GREETING(first.readFrame());
    QVERIFY_ANSWER(first.exchange(login(userA2, password, "limit-1")), 1000);
    EppClient second;
    QVERIFY(connectAs(second, m_registrarA));
    QVERIFY_GREETING(second.readFrame());
    QVERIFY_ANSWER(second.exchange(login(userA2, password, "limit-2")), 2502);
    QVERIFY(second.waitForClosed());
    QVERIFY_GREETING(first.exchange(hello()));   // the first session is untouched
    QVERIFY_ANSWER(first.exchange(logout("limit-3")), 1500);
    QVERIFY(first.waitForClosed());
    // Its slot is free again.
    EppClient third;
    QVERIFY(connectAs(third, m_registrarA));
    QVERIFY_GREETING(third.readFrame());
    QVERIFY_ANSWER(third.exchange(login(userA2, password, "limit-4")), 1000);
}

void tst_XrpSession::oversizedFrameIsAnsweredThenClosed()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY(client.sendRaw(header(70000) + QByteArray(100, 'x')));   // max_frame is 64K
    QVERIFY_ANSWER(client.readFrame(), 2500);
    QVERIFY(client.waitForClosed());
}

void tst_XrpSession::impossibleLengthIsAnsweredThenClosed()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY(client.sendRaw(header(3)));
    QVERIFY_ANSWER(client.readFrame(), 2500);
    QVERIFY(client.waitForClosed());
}

void tst_XrpSession::truncatedFrameThenClose()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QVERIFY(client.sendRaw(header(200) + "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hel"));
    client.socket().disconnectFromHost();
    QVERIFY(client.waitForClosed());
    // The server is still fine.
    EppClient next;
    QVERIFY(connectAs(next, m_registrarA));
    QVERIFY_GREETING(next.readFrame());
}

void tst_XrpSession::pipelinedCommandsAreAnsweredInOrder()
{
    EppClient client;
    QVERIFY(connectAs(client, m_registrarB));
    QVERIFY_GREETING(client.readFrame());
    // Login and everything after it in one write: the commands must wait for the login.
    QVERIFY(client.sendRaw(EppClient::frame(login(userB, password, "pipe-0")) + EppClient::frame(hello())
                           + EppClient::frame(poll("pipe-1")) + EppClient::frame(command("<frobnicate/>", "pipe-2"))
                           + EppClient::frame(poll("pipe-3")) + EppClient::frame("<epp>broken") + EppClient::frame(hello())
                           + EppClient::frame(logout("pipe-4"))));
    const QByteArray loggedIn = client.readFrame();
    QVERIFY_ANSWER(loggedIn, 1000);
    QCOMPARE(clientTrid(loggedIn), QStringLiteral("pipe-0"));
    QVERIFY_GREETING(client.readFrame());
    const QByteArray first = client.readFrame();
    QVERIFY(m_validator.validate(first).isEmpty());
    QCOMPARE(clientTrid(first), QStringLiteral("pipe-1"));
    const QByteArray unknown = client.readFrame();
    QVERIFY_ANSWER(unknown, 2000);
    QCOMPARE(clientTrid(unknown), QStringLiteral("pipe-2"));
    const QByteArray third = client.readFrame();
    QVERIFY(m_validator.validate(third).isEmpty());
    QCOMPARE(clientTrid(third), QStringLiteral("pipe-3"));
    QVERIFY_ANSWER(client.readFrame(), 2001);
    QVERIFY_GREETING(client.readFrame());
    const QByteArray bye = client.readFrame();
    QVERIFY_ANSWER(bye, 1500);
    QCOMPARE(clientTrid(bye), QStringLiteral("pipe-4"));
    QVERIFY(client.waitForClosed());
}

void tst_XrpSession::floodOfPipelinedFramesIsAnsweredCompletely()
{
    // Far more than the session queues at once: it stops reading, answers, reads on.
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QByteArray flood;
    // 1000 frames are about 120 KB, more than the session lets Qt buffer for it.
    for (int i = 0; i < 1000; ++i)
        flood += EppClient::frame(command("<frobnicate/>", "flood-" + QByteArray::number(i)));
    QVERIFY(flood.size() > 100 * 1024);
    client.socket().write(flood);   // not waiting for it to be written: the answers must be read meanwhile
    for (int i = 0; i < 1000; ++i) {
        const QByteArray answer = client.readFrame();
        QCOMPARE(resultCode(answer), 2000);
        QCOMPARE(clientTrid(answer), QStringLiteral("flood-%1").arg(i));
        if (i % 250 == 0)
            QVERIFY(m_validator.validate(answer).isEmpty());
    }
}

void tst_XrpSession::hostileSessionsDoNotDisturbAGoodOne()
{
    // A slow-loris frame and a client that floods without reading, on both worker threads.
    EppClient slow;
    QVERIFY(connectAs(slow, m_registrarA));
    QVERIFY_GREETING(slow.readFrame());
    QVERIFY(slow.sendRaw(header(60000) + "<epp"));
    EppClient flooder;
    QVERIFY(connectAs(flooder, m_registrarA));
    QVERIFY_GREETING(flooder.readFrame());
    QByteArray flood;
    for (int i = 0; i < 2000; ++i)
        flood += EppClient::frame(hello());
    flooder.socket().write(flood);   // never read: its answers back up until the server stops reading
    flooder.socket().flush();

    EppClient good;
    QVERIFY(connectAs(good, m_registrarB));
    QVERIFY_GREETING(good.readFrame());
    QVERIFY_ANSWER(good.exchange(login(userB, password, "good-1")), 1000);
    for (int i = 0; i < 5; ++i)
        QVERIFY_GREETING(good.exchange(hello()));
    QVERIFY_ANSWER(good.exchange(command("<frobnicate/>", "good-2")), 2000);
    QVERIFY_ANSWER(good.exchange(logout("good-3")), 1500);
    slow.close();
    flooder.close();
}

void tst_XrpSession::statusAndMetricsShowThePort()
{
    const QByteArray token = testsupport::login(m_engine, QStringLiteral("admin"), m_engine.adminPassword());
    QVERIFY(!token.isEmpty());
    const testsupport::HttpReply status = testsupport::httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/status"), {}, token);
    QCOMPARE(status.status, 200);
    bool found = false;
    for (const QJsonValue &service : status.object().value(QStringLiteral("services")).toArray()) {
        if (service.toObject().value(QStringLiteral("name")).toString() != u"xrp")
            continue;
        found = true;
        QCOMPARE(service.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(service.toObject().value(QStringLiteral("listen")).toString(), QStringLiteral("127.0.0.1:%1").arg(port()));
    }
    QVERIFY(found);

    const testsupport::HttpReply metrics = testsupport::httpsRequest(m_engine, "GET", QStringLiteral("/metrics"), {}, token);
    QCOMPARE(metrics.status, 200);
    const QString text = QString::fromUtf8(metrics.body);
    const auto value = [&text](const QString &series) {
        const QRegularExpression re(QStringLiteral("^") + QRegularExpression::escape(series) + QStringLiteral(" (\\S+)$"),
                                    QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = re.match(text);
        return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
    };
    QVERIFY2(value(QStringLiteral("registry_xrp_commands_total{class=\"client-error\"}")) >= 100, qPrintable(text));
    QVERIFY(value(QStringLiteral("registry_xrp_commands_total{class=\"success\"}")) >= 10);
    QVERIFY(value(QStringLiteral("registry_xrp_commands_total{class=\"closing\"}")) >= 3);
    QVERIFY(value(QStringLiteral("registry_xrp_connections_refused_total{reason=\"unknown-address\"}")) >= 1);
    QVERIFY(value(QStringLiteral("registry_xrp_connections_refused_total{reason=\"tls-handshake\"}")) >= 1);
    QVERIFY(value(QStringLiteral("registry_xrp_connections_accepted_total")) >= 20);
    QVERIFY(value(QStringLiteral("registry_xrp_connections")) >= 0);
}

void tst_XrpSession::clientThatDoesNotReadIsPushedBackThenServed()
{
    // 5000 hellos (about 350 KB) ask for about 4 MB of greetings. The server answers until the
    // client's unread answers pass its limit, then stops reading; once the client reads, every
    // answer arrives, in order.
    EppClient client;
    QVERIFY(connectAs(client, m_registrarA));
    QVERIFY_GREETING(client.readFrame());
    QByteArray flood;
    for (int i = 0; i < 5000; ++i)
        flood += EppClient::frame(i % 1000 == 999 ? command("<frobnicate/>", "push-" + QByteArray::number(i)) : hello());
    client.socket().write(flood);
    QTest::qWait(1000);
    for (int i = 0; i < 5000; ++i) {
        const QByteArray answer = client.readFrame();
        QVERIFY2(!answer.isEmpty(), qPrintable(QStringLiteral("answer %1 missing").arg(i)));
        if (i % 1000 == 999) {
            QCOMPARE(clientTrid(answer), QStringLiteral("push-%1").arg(i));
            QVERIFY_ANSWER(answer, 2000);
        } else {
            QVERIFY(answer.contains("<greeting>"));
        }
    }
    QVERIFY(client.isConnected());
}

void tst_XrpSession::timeoutsEndSessions()
{
    QVERIFY(m_engine.stop() == 0);
    // Long enough that none of the three sessions has timed out before the fourth connection is
    // tried, even on a loaded machine (each setup is a TLS handshake), or the fourth would fit.
    m_engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("login_timeout"), QStringLiteral("6s"));
    m_engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("idle_timeout"), QStringLiteral("7s"));
    m_engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("frame_timeout"), QStringLiteral("5s"));
    m_engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("max_connections_per_address"), QStringLiteral("3"));
    QString error;
    QVERIFY2(m_engine.start(&error), qPrintable(error));

    EppClient noLogin;
    QVERIFY(connectAs(noLogin, m_registrarA));
    QVERIFY_GREETING(noLogin.readFrame());
    EppClient idle;
    QVERIFY(connectAs(idle, m_registrarB));
    QVERIFY_GREETING(idle.readFrame());
    QVERIFY_ANSWER(idle.exchange(login(userB, password, "idle-1")), 1000);
    EppClient partial;
    QVERIFY(connectAs(partial, m_registrarA));
    QVERIFY_GREETING(partial.readFrame());
    QVERIFY_ANSWER(partial.exchange(login(userA, password, "partial-1")), 1000);
    QVERIFY(partial.sendRaw(header(100) + "<epp"));

    // A fourth connection from the same address is over max_connections_per_address: closed before TLS.
    EppClient fourth;
    fourth.setCredentials(m_engine.caCertificateFile(), certFile(m_registrarA), keyFile(m_registrarA));
    QVERIFY(!fourth.connectTo(port(), nullptr, 5000));

    const QByteArray frameTimeout = partial.readFrame(10000);
    QVERIFY_ANSWER(frameTimeout, 2500);
    QVERIFY2(frameTimeout.contains("frame"), frameTimeout.constData());
    QVERIFY(partial.waitForClosed());

    const QByteArray loginTimeout = noLogin.readFrame(10000);
    QVERIFY_ANSWER(loginTimeout, 2500);
    QVERIFY2(loginTimeout.contains("login"), loginTimeout.constData());
    QVERIFY(noLogin.waitForClosed());

    const QByteArray idleTimeout = idle.readFrame(10000);
    QVERIFY_ANSWER(idleTimeout, 2500);
    QVERIFY2(idleTimeout.contains("idle"), idleTimeout.constData());
    QVERIFY(idle.waitForClosed());
}

void tst_XrpSession::auditRowsAreWritten()
{
    QCOMPARE(m_engine.stop(), 0);   // the audit batches are flushed on shutdown
    auto opened = reg::store::Connection::open(m_engine.dataDir() + QStringLiteral("/registry.db"), reg::store::Connection::Mode::ReadOnly);
    QVERIFY(opened);
    std::unique_ptr<reg::store::Connection> db = std::move(opened).value();
    const auto count = [&db](const QString &where) {
        auto v = db->queryValue(QStringLiteral("SELECT count(*) FROM xrp_audit WHERE ") + where);
        return v ? v->toInt() : -1;
    };
    QVERIFY(count(QStringLiteral("command = 'hello' AND result_code = 1000")) >= 5);
    QVERIFY(count(QStringLiteral("command = 'login' AND result_code = 1000 AND user_id = 'xrp-user-a' AND registrar_id <> ''")) >= 1);
    QVERIFY(count(QStringLiteral("command = 'login' AND result_code = 2200 AND user_id = 'xrp-lock'")) >= 4);
    QVERIFY(count(QStringLiteral("command = 'login' AND result_code = 2502")) >= 1);
    QVERIFY(count(QStringLiteral("command = 'login' AND result_code = 2501 AND client_trid = 'cert-1'")) == 1);
    QVERIFY(count(QStringLiteral("command = 'logout' AND result_code = 1500")) >= 3);
    QVERIFY(count(QStringLiteral("command = 'poll' AND result_code = 2002 AND client_trid = 'early-1'")) == 1);
    QVERIFY(count(QStringLiteral("command = 'frobnicate' AND result_code = 2000")) >= 1000);
    QVERIFY(count(QStringLiteral("command = 'xml' AND result_code = 2001")) >= 5);
    QVERIFY(count(QStringLiteral("command = 'frame' AND result_code = 2500")) >= 3);
    QVERIFY(count(QStringLiteral("command = 'frame' AND result_code = 2001 AND message LIKE '%closed inside a frame%'")) >= 1);
    QVERIFY(count(QStringLiteral("command = 'tls' AND result_code = 2501")) >= 1);
    QVERIFY(count(QStringLiteral("command = 'timeout' AND result_code = 2500")) >= 2);
    QVERIFY(count(QStringLiteral("client_address = '127.0.0.1'")) > 0);
    QCOMPARE(count(QStringLiteral("length(server_trid) < 3 OR length(server_trid) > 64")), 0);
    QCOMPARE(count(QStringLiteral("latency_us < 0")), 0);
    // Unique svTRIDs, and never a password anywhere in the trail.
    QCOMPARE(count(QStringLiteral("server_trid IN (SELECT server_trid FROM xrp_audit GROUP BY server_trid HAVING count(*) > 1)")), 0);
    QCOMPARE(count(QStringLiteral("message LIKE '%Xrp-test-pw1%' OR object LIKE '%Xrp-test-pw1%' OR message LIKE '%Wrong-pass%'")), 0);
}

QTEST_GUILESS_MAIN(tst_XrpSession)
#include "tst_xrpsession.moc"
