// xrp-client end to end: the real binary against a real registryd over TLS with the demo
// registrars' certificates and credentials. Skips (with the reason) while the engine does not run
// XRP yet, so the suite stays green before the XRP server lands.
#include "common/enginefixture.h"
#include "common/eppschemavalidator.h"

#include "store/connection.h"
#include "xrpclient/registrarcredentials.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace reg;
using testsupport::EngineFixture;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class tst_XrpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void helloPrintsTheGreeting();
    void checkAnswersAndIsSchemaValid();
    void createInfoAndRenewADomain();
    void failedCommandExitsWithOne();
    void sendsAFile();
    void scriptStopsAtFirstFailureUnlessKeepGoing();
    void wrongPasswordExitsWithThree();
    void verboseNeverPrintsThePassword();

private:
    Run client(const QStringList &arguments);
    QStringList connection() const;
    QString writeTemp(const QString &name, const QByteArray &content);

    EngineFixture m_engine;
    EppSchemaValidator m_validator;
    QString m_validatorProblem;
    QTemporaryDir m_files;
    QString m_registrarId;
    QString m_registrarDir;
    QString m_contactId;
    QString m_existingDomain;
    QString m_tld;
    bool m_objectCommands = false;
};

void tst_XrpClient::initTestCase()
{
    if (qEnvironmentVariable("XRP_CLIENT_BINARY").isEmpty())
        QSKIP("XRP_CLIENT_BINARY is not set; run the test through ctest");
    QString error;
    QVERIFY2(m_engine.initialize(&error), qPrintable(error));
    const QDir registrars(m_engine.dataDir() + QStringLiteral("/registrars"));
    const QStringList ids = registrars.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(!ids.isEmpty());
    m_registrarId = ids.constFirst();
    m_registrarDir = registrars.filePath(m_registrarId);
    QVERIFY2(QFile::exists(m_registrarDir + QStringLiteral("/credentials")),
             "registryd init --demo must write DIR/registrars/<id>/credentials (user= and password=)");
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    if (m_engine.port(QStringLiteral("xrp")) == 0)
        QSKIP("the engine does not report an \"xrp\" service in run/ready.json: the XRP server is not part of this build yet");

    Result<std::unique_ptr<store::Connection>> db =
        store::Connection::open(m_engine.dataDir() + QStringLiteral("/registry.db"), store::Connection::Mode::ReadOnly);
    QVERIFY2(db, db ? "" : qPrintable(db.error().message));
    Result<QVariant> contact = (*db)->queryValue(QStringLiteral("SELECT id FROM contacts WHERE registrar_id = ?1 ORDER BY roid LIMIT 1"), {m_registrarId});
    QVERIFY(contact && contact->isValid());
    m_contactId = contact->toString();
    Result<QVariant> domain = (*db)->queryValue(QStringLiteral("SELECT name FROM domains WHERE registrar_id = ?1 ORDER BY name LIMIT 1"), {m_registrarId});
    QVERIFY(domain && domain->isValid());
    m_existingDomain = domain->toString();
    m_tld = m_existingDomain.section(u'.', -1);

    m_validatorProblem = m_validator.prepare();

    // The XRP server may be in the build before the object commands are (they answer 2101 then).
    const Run probe = client(connection() << QStringLiteral("check") << m_existingDomain);
    m_objectCommands = !probe.err.contains("check: 2101");
}


void tst_XrpClient::cleanupTestCase()
{
    if (m_engine.isRunning())
        QCOMPARE(m_engine.stop(), 0);
}

QStringList tst_XrpClient::connection() const
{
    return {QStringLiteral("--data-dir"), m_engine.dataDir(), QStringLiteral("--registrar-dir"), m_registrarDir};
}

Run tst_XrpClient::client(const QStringList &arguments)
{
    QProcess p;
    p.start(qEnvironmentVariable("XRP_CLIENT_BINARY"), arguments);
    Run run;
    if (!p.waitForStarted() || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        run.err = "xrp-client did not finish: " + p.errorString().toUtf8();
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}

QString tst_XrpClient::writeTemp(const QString &name, const QByteArray &content)
{
    const QString path = m_files.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return {};
    return path;
}

void tst_XrpClient::helloPrintsTheGreeting()
{
    const Run run = client(connection() << QStringLiteral("hello"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("greeting"));
    QVERIFY(run.out.contains("urn:ietf:params:xml:ns:domain-1.0"));
}

void tst_XrpClient::checkAnswersAndIsSchemaValid()
{
    if (!m_objectCommands)
        QSKIP("the engine answers 2101 to object commands: the EPP command handlers are not part of this build yet");
    const QString free = QStringLiteral("xrp-client-free-name.") + m_tld;
    const Run run = client(connection() << QStringLiteral("check") << m_existingDomain << free);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("check: 1000"), run.err.constData());
    QVERIFY(run.out.contains(m_existingDomain.toUtf8()));
    QVERIFY(QRegularExpression(QStringLiteral("avail=\"(0|false)\"[^>]*>%1<").arg(QRegularExpression::escape(m_existingDomain)))
                .match(QString::fromUtf8(run.out)).hasMatch());
    if (!m_validatorProblem.isEmpty())
        QSKIP(qPrintable(m_validatorProblem));
    const QString complaint = m_validator.validate(run.out);
    QVERIFY2(complaint.isEmpty(), qPrintable(complaint));
}

void tst_XrpClient::createInfoAndRenewADomain()
{
    if (!m_objectCommands)
        QSKIP("the engine answers 2101 to object commands: the EPP command handlers are not part of this build yet");
    const QString name = QStringLiteral("made-by-xrp-client.") + m_tld;
    Run run = client(connection() << QStringLiteral("create-domain") << name << QStringLiteral("--registrant") << m_contactId
                                  << QStringLiteral("--period") << QStringLiteral("2"));
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY(run.err.contains("generated authInfo"));
    const QRegularExpressionMatch exDate = QRegularExpression(QStringLiteral("exDate>(\\d{4}-\\d{2}-\\d{2})T")).match(QString::fromUtf8(run.out));
    QVERIFY2(exDate.hasMatch(), run.out.constData());

    run = client(connection() << QStringLiteral("info") << name);
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY(run.out.contains(m_contactId.toUtf8()));

    run = client(connection() << QStringLiteral("renew") << name << QStringLiteral("--cur-exp") << exDate.captured(1));
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    const QDate before = QDate::fromString(exDate.captured(1), Qt::ISODate);
    QVERIFY2(run.out.contains(before.addYears(1).toString(Qt::ISODate).toUtf8()), run.out.constData());

    // The same renew again names an expiry that is no longer current: refused, exit status 1.
    run = client(connection() << QStringLiteral("renew") << name << QStringLiteral("--cur-exp") << exDate.captured(1));
    QCOMPARE(run.exitCode, 1);
}

void tst_XrpClient::failedCommandExitsWithOne()
{
    if (!m_objectCommands)
        QSKIP("the engine answers 2101 to object commands: the EPP command handlers are not part of this build yet");
    const Run run = client(connection() << QStringLiteral("info") << QStringLiteral("never-registered.") + m_tld);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("info: 2303"), run.err.constData());
}

void tst_XrpClient::sendsAFile()
{
    if (!m_objectCommands)
        QSKIP("the engine answers 2101 to object commands: the EPP command handlers are not part of this build yet");
    const QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><check>"
                           "<domain:check xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>"
                           + m_existingDomain.toUtf8() + "</domain:name></domain:check></check><clTRID>file-1</clTRID></command></epp>\n";
    const Run run = client(connection() << QStringLiteral("send") << writeTemp(QStringLiteral("check.xml"), xml));
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY(run.out.contains("file-1"));
}

void tst_XrpClient::scriptStopsAtFirstFailureUnlessKeepGoing()
{
    if (!m_objectCommands)
        QSKIP("the engine answers 2101 to object commands: the EPP command handlers are not part of this build yet");
    const QByteArray check = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><check><domain:check "
                             "xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>a." + m_tld.toUtf8()
                             + "</domain:name></domain:check></check></command></epp>";
    const QByteArray badInfo = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><info><domain:info "
                               "xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>never-registered." + m_tld.toUtf8()
                               + "</domain:name></domain:info></info></command></epp>";
    const QString script = writeTemp(QStringLiteral("three.epp"), check + "\n---\n" + badInfo + "\n---\n" + check + "\n");

    Run run = client(connection() << QStringLiteral("script") << script);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out.count("<response>") + run.out.count(":response>"), 2);
    QVERIFY2(run.err.contains("three.epp:3: 2303"), run.err.constData());

    run = client(connection() << QStringLiteral("script") << QStringLiteral("--keep-going") << script);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out.count("<response>") + run.out.count(":response>"), 3);
}

void tst_XrpClient::wrongPasswordExitsWithThree()
{
    Result<xrpclient::RegistrarCredentials> credentials = xrpclient::RegistrarCredentials::readFile(m_registrarDir + QStringLiteral("/credentials"));
    QVERIFY(credentials);
    const QString passwordFile = writeTemp(QStringLiteral("wrong-pw"), "not-the-password-9\n");
    // A fresh user would lock after repeated failures; one wrong attempt stays far from the limit.
    const Run run = client(connection() << QStringLiteral("--user") << credentials->user << QStringLiteral("--password-file") << passwordFile
                                        << QStringLiteral("poll"));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("login as"), run.err.constData());
}

void tst_XrpClient::verboseNeverPrintsThePassword()
{
    Result<xrpclient::RegistrarCredentials> credentials = xrpclient::RegistrarCredentials::readFile(m_registrarDir + QStringLiteral("/credentials"));
    QVERIFY(credentials);
    const Run run = client(connection() << QStringLiteral("--verbose") << QStringLiteral("check") << m_existingDomain);
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.err.constData());   // logged in; the check itself may be 2101 still
    QVERIFY(run.err.contains(">>> sending"));
    QVERIFY(run.err.contains("********"));
    QVERIFY(!run.err.contains(credentials->password.toUtf8()));
    QVERIFY(!run.out.contains(credentials->password.toUtf8()));
}

QTEST_GUILESS_MAIN(tst_XrpClient)
#include "tst_xrpclient.moc"
