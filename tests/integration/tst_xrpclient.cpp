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
    void createContactAndHost();
    void transferBetweenTwoRegistrarsThenDelete();
    void transferRejectedAndCancelRefused();
    void wrongPasswordExitsWithThree();
    void verboseNeverPrintsThePassword();

private:
    Run client(const QStringList &arguments);
    QStringList connection() const;
    QStringList connectionAsOther() const;
    static int responseCount(const QByteArray &out);
    QString writeTemp(const QString &name, const QByteArray &content);

    EngineFixture m_engine;
    EppSchemaValidator m_validator;
    QString m_validatorProblem;
    QTemporaryDir m_files;
    QString m_registrarId;
    QString m_registrarDir;
    QString m_otherRegistrarDir;
    QString m_contactId;
    QString m_existingDomain;
    QString m_tld;
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
    QVERIFY2(ids.size() >= 2, "registryd init --demo must set up at least two registrars");
    m_otherRegistrarDir = registrars.filePath(ids.at(1));
    QVERIFY2(QFile::exists(m_registrarDir + QStringLiteral("/credentials")),
             "registryd init --demo must write DIR/registrars/<id>/credentials (user= and password=)");
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    QVERIFY2(m_engine.port(QStringLiteral("xrp")) != 0, "the engine must report its \"xrp\" service in run/ready.json");

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

QStringList tst_XrpClient::connectionAsOther() const
{
    return {QStringLiteral("--data-dir"), m_engine.dataDir(), QStringLiteral("--registrar-dir"), m_otherRegistrarDir};
}

// Counts <response> elements by their opening tag only (prefixed or not): counting ":response>"
// also matched the closing tag </epp:response> and counted each response twice.
int tst_XrpClient::responseCount(const QByteArray &out)
{
    static const QRegularExpression opening(QStringLiteral("<(?:[A-Za-z_][\\w.-]*:)?response[\\s>]"));
    int count = 0;
    for (QRegularExpressionMatchIterator it = opening.globalMatch(QString::fromUtf8(out)); it.hasNext(); it.next())
        ++count;
    return count;
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
    const QString name = QStringLiteral("made-by-xrp-client.") + m_tld;
    // The registry requires an admin and a tech contact besides the registrant (2306 without them).
    Run run = client(connection() << QStringLiteral("create-domain") << name << QStringLiteral("--registrant") << m_contactId
                                  << QStringLiteral("--admin") << m_contactId << QStringLiteral("--tech") << m_contactId
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
    const Run run = client(connection() << QStringLiteral("info") << QStringLiteral("never-registered.") + m_tld);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("info: 2303"), run.err.constData());
}

void tst_XrpClient::sendsAFile()
{
    const QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><check>"
                           "<domain:check xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>"
                           + m_existingDomain.toUtf8() + "</domain:name></domain:check></check><clTRID>file-1</clTRID></command></epp>\n";
    const Run run = client(connection() << QStringLiteral("send") << writeTemp(QStringLiteral("check.xml"), xml));
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY(run.out.contains("file-1"));
}

void tst_XrpClient::scriptStopsAtFirstFailureUnlessKeepGoing()
{
    const QByteArray check = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><check><domain:check "
                             "xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>a." + m_tld.toUtf8()
                             + "</domain:name></domain:check></check></command></epp>";
    const QByteArray badInfo = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><info><domain:info "
                               "xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>never-registered." + m_tld.toUtf8()
                               + "</domain:name></domain:info></info></command></epp>";
    const QString script = writeTemp(QStringLiteral("three.epp"), check + "\n---\n" + badInfo + "\n---\n" + check + "\n");

    Run run = client(connection() << QStringLiteral("script") << script);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(responseCount(run.out), 2);
    QVERIFY2(run.err.contains("three.epp:3: 2303"), run.err.constData());

    run = client(connection() << QStringLiteral("script") << QStringLiteral("--keep-going") << script);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(responseCount(run.out), 3);
}

void tst_XrpClient::createContactAndHost()
{
    Run run = client(connection() << QStringLiteral("create-contact") << QStringLiteral("xrpc-made-1") << QStringLiteral("--name")
                                  << QStringLiteral("Ann Example") << QStringLiteral("--org") << QStringLiteral("Example & Sons")
                                  << QStringLiteral("--street") << QStringLiteral("1 Main Street") << QStringLiteral("--city")
                                  << QStringLiteral("Berlin") << QStringLiteral("--pc") << QStringLiteral("10115") << QStringLiteral("--cc")
                                  << QStringLiteral("DE") << QStringLiteral("--voice") << QStringLiteral("+49.3012345678")
                                  << QStringLiteral("--email") << QStringLiteral("ann@example.com"));
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.err.contains("create-contact: 1000"), run.err.constData());
    QVERIFY(run.err.contains("generated authInfo for contact xrpc-made-1"));
    QVERIFY(run.out.contains("xrpc-made-1"));

    // The same id again is taken: 2302, exit status 1.
    run = client(connection() << QStringLiteral("create-contact") << QStringLiteral("xrpc-made-1") << QStringLiteral("--name")
                              << QStringLiteral("Ann") << QStringLiteral("--city") << QStringLiteral("Berlin") << QStringLiteral("--cc")
                              << QStringLiteral("DE") << QStringLiteral("--email") << QStringLiteral("ann@example.com")
                              << QStringLiteral("--auth-info") << QStringLiteral("Contact-pw-77"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("create-contact: 2302"), run.err.constData());

    // A subordinate host of one of our own domains, with glue of both families (documentation
    // ranges such as 192.0.2.0/24 are refused as glue, so these are ordinary public addresses).
    const QString host = QStringLiteral("ns-xrpc.") + m_existingDomain;
    run = client(connection() << QStringLiteral("create-host") << host << QStringLiteral("--addr") << QStringLiteral("46.23.86.53")
                              << QStringLiteral("--addr") << QStringLiteral("2a02:c205::53"));
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.err.contains("create-host: 1000"), run.err.constData());
    QVERIFY(run.out.contains(host.toUtf8()));

    // The new contact is usable at once as registrant, admin and tech.
    const QString domain = QStringLiteral("contact-made-by-xrp-client.") + m_tld;
    run = client(connection() << QStringLiteral("create-domain") << domain << QStringLiteral("--registrant") << QStringLiteral("xrpc-made-1")
                              << QStringLiteral("--admin") << QStringLiteral("xrpc-made-1") << QStringLiteral("--tech")
                              << QStringLiteral("xrpc-made-1") << QStringLiteral("--ns") << host);
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());

    if (!m_validatorProblem.isEmpty())
        QSKIP(qPrintable(m_validatorProblem));
    const QString complaint = m_validator.validate(run.out);
    QVERIFY2(complaint.isEmpty(), qPrintable(complaint));
}

void tst_XrpClient::transferBetweenTwoRegistrarsThenDelete()
{
    const QString name = QStringLiteral("moving-by-xrp-client.") + m_tld;
    const QString authInfo = QStringLiteral("Transfer-pw-2026");
    Run run = client(connection() << QStringLiteral("create-domain") << name << QStringLiteral("--registrant") << m_contactId
                                  << QStringLiteral("--admin") << m_contactId << QStringLiteral("--tech") << m_contactId
                                  << QStringLiteral("--auth-info") << authInfo);
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY(!run.err.contains("generated authInfo"));

    // The other registrar without the authInfo is refused (2202), with it the request is pending (1001).
    run = client(connectionAsOther() << QStringLiteral("transfer") << name << QStringLiteral("--op") << QStringLiteral("request")
                                     << QStringLiteral("--auth-info") << QStringLiteral("Wrong-pw-2026"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("transfer request: 2202"), run.err.constData());
    run = client(connectionAsOther() << QStringLiteral("transfer") << name << QStringLiteral("--op") << QStringLiteral("request")
                                     << QStringLiteral("--auth-info") << authInfo);
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.err.contains("transfer request: 1001"), run.err.constData());
    QVERIFY(run.out.contains("pending"));

    run = client(connection() << QStringLiteral("transfer") << name << QStringLiteral("--op") << QStringLiteral("query"));
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY(run.out.contains("pending"));

    run = client(connection() << QStringLiteral("transfer") << name << QStringLiteral("--op") << QStringLiteral("approve"));
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.out.contains("clientApproved"), run.out.constData());

    // The domain now belongs to the other registrar: the losing one may not delete it any more.
    run = client(connection() << QStringLiteral("delete") << name);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("delete: 2201"), run.err.constData());

    // The gaining registrar has a poll message waiting (1301).
    run = client(connectionAsOther() << QStringLiteral("poll"));
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.err.contains("poll: 1301"), run.err.constData());

    run = client(connectionAsOther() << QStringLiteral("delete") << name);
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.err.contains("delete: 100"), run.err.constData());   // 1000, or 1001 into redemption
    run = client(connectionAsOther() << QStringLiteral("delete") << name);
    QCOMPARE(run.exitCode, 1);
}

void tst_XrpClient::transferRejectedAndCancelRefused()
{
    const QString name = QStringLiteral("staying-by-xrp-client.") + m_tld;
    const QString authInfo = QStringLiteral("Staying-pw-2026");
    Run run = client(connection() << QStringLiteral("create-domain") << name << QStringLiteral("--registrant") << m_contactId
                                  << QStringLiteral("--admin") << m_contactId << QStringLiteral("--tech") << m_contactId
                                  << QStringLiteral("--auth-info") << authInfo);
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    run = client(connectionAsOther() << QStringLiteral("transfer") << name << QStringLiteral("--op") << QStringLiteral("request")
                                     << QStringLiteral("--auth-info") << authInfo << QStringLiteral("--period") << QStringLiteral("1"));
    QVERIFY2(run.err.contains("transfer request: 1001"), QByteArray(run.out + run.err).constData());

    run = client(connection() << QStringLiteral("transfer") << name << QStringLiteral("--op") << QStringLiteral("reject"));
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.out.contains("clientRejected"), run.out.constData());

    // Nothing is pending any more: cancelling is refused (2301).
    run = client(connectionAsOther() << QStringLiteral("transfer") << name << QStringLiteral("--op") << QStringLiteral("cancel"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("transfer cancel: 2301"), run.err.constData());

    run = client(connection() << QStringLiteral("info") << name);
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
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
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.contains(">>> sending"));
    QVERIFY(run.err.contains("********"));
    QVERIFY(!run.err.contains(credentials->password.toUtf8()));
    QVERIFY(!run.out.contains(credentials->password.toUtf8()));
}

QTEST_GUILESS_MAIN(tst_XrpClient)
#include "tst_xrpclient.moc"
