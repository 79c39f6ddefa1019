#include "common/enginefixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using testsupport::EngineFixture;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs registryd to completion (bounded) and collects its output.
Run registryd(const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("REGISTRYD_BINARY"), arguments);
    Run run;
    if (!p.waitForStarted() || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        run.err = QStringLiteral("registryd did not finish: ") + p.errorString();
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

Run sqlite(const QString &database, const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {database, sql});
    Run run;
    if (!p.waitForStarted() || !p.waitForFinished(30000)) {
        run.err = QStringLiteral("sqlite3 (Debian package sqlite3) could not run: ") + p.errorString();
        return run;
    }
    run.exitCode = p.exitCode();
    run.out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

int mode(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

// Every file below dir with its size, mode and content hash: "nothing changed" means this is equal.
QStringList snapshot(const QString &dir)
{
    QStringList entries;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QByteArray hash;
        if (it.fileInfo().isFile() && f.open(QIODevice::ReadOnly))
            hash = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
        entries << QStringLiteral("%1 %2 %3 %4").arg(path).arg(it.fileInfo().size()).arg(mode(path), 0, 8).arg(QString::fromLatin1(hash));
    }
    entries.sort();
    return entries;
}

// A datagram socket standing in for systemd's $NOTIFY_SOCKET.
class NotifySocket
{
public:
    explicit NotifySocket(const QString &path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
        timeval timeout{30, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
    ~NotifySocket() { ::close(m_fd); }
    bool isBound() const { return m_bound; }
    QByteArray receive()
    {
        char buffer[4096];
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        return n < 0 ? QByteArray() : QByteArray(buffer, n);
    }

private:
    int m_fd = -1;
    bool m_bound = false;
};

} // namespace

class tst_RegistrydCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("REGISTRYD_BINARY").isEmpty(), "REGISTRYD_BINARY is not set; run through ctest");
    }

    void helpAndVersion()
    {
        const Run help = registryd({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *text : {"init --data-dir", "run --data-dir", "journal verify", "Exit codes", "  5  "})
            QVERIFY2(help.out.contains(QLatin1StringView(text)), text);

        const Run version = registryd({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("registryd " REGISTRY_VERSION));

        const Run commandHelp = registryd({QStringLiteral("init"), QStringLiteral("--help")});
        QCOMPARE(commandHelp.exitCode, 0);
        QVERIFY(commandHelp.out.contains(QStringLiteral("Exit codes")));
    }

    void badCommandLinesExitWithUsageError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList() << QStringLiteral("no command");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("serve")} << QStringLiteral("unknown command");
        QTest::newRow("init without dir") << QStringList{QStringLiteral("init")} << QStringLiteral("--data-dir");
        QTest::newRow("run without dir") << QStringList{QStringLiteral("run")} << QStringLiteral("--data-dir");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("run"), QStringLiteral("--data-dir"), QStringLiteral("/tmp/x"),
                                                       QStringLiteral("--fast")} << QStringLiteral("fast");
        QTest::newRow("journal without verify") << QStringList{QStringLiteral("journal")} << QStringLiteral("verify");
        QTest::newRow("stray argument") << QStringList{QStringLiteral("run"), QStringLiteral("--data-dir"), QStringLiteral("/tmp/x"),
                                                       QStringLiteral("now")} << QStringLiteral("unexpected argument");
    }
    void badCommandLinesExitWithUsageError()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = registryd(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void initCreatesSecretsWithPrivateModes()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        const Run init = registryd({QStringLiteral("init"), QStringLiteral("--data-dir"), dir, QStringLiteral("--demo")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(init.out.contains(QStringLiteral("admin-password")));
        QCOMPARE(mode(dir), 0700);
        for (const char *secret : {"registry.db", "admin-password", "pki/ca.key", "pki/server.key", "registrars/rar-alpha/key.pem",
                                   "registrars/rar-alpha/credentials"})
            QVERIFY2(mode(QDir(dir).filePath(QString::fromLatin1(secret))) == 0600, secret);
        for (const char *sub : {"pki", "registrars", "run"})
            QVERIFY2(mode(QDir(dir).filePath(QString::fromLatin1(sub))) == 0700, sub);
        // The generated password is never printed or logged.
        QFile file(QDir(dir).filePath(QStringLiteral("admin-password")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString password = QString::fromUtf8(file.readAll()).trimmed();
        QVERIFY(!password.isEmpty());
        QVERIFY(!init.out.contains(password));
        QVERIFY(!init.err.contains(password));
        // Neither are the registrars' EPP passwords.
        QFile credentials(QDir(dir).filePath(QStringLiteral("registrars/rar-alpha/credentials")));
        QVERIFY(credentials.open(QIODevice::ReadOnly));
        const QByteArray lines = credentials.readAll();
        const qsizetype at = lines.indexOf("\npassword=");
        QVERIFY2(lines.startsWith("user=") && at > 0, lines.constData());
        const QString registrarPassword = QString::fromUtf8(lines.mid(at + 10)).trimmed();
        QVERIFY(registrarPassword.size() >= 6);
        QVERIFY(!init.out.contains(registrarPassword));
        QVERIFY(!init.err.contains(registrarPassword));
    }

    void initTwiceRefusesAndChangesNothing()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        QCOMPARE(registryd({QStringLiteral("init"), QStringLiteral("--data-dir"), dir}).exitCode, 0);
        const QStringList before = snapshot(dir);
        const Run again = registryd({QStringLiteral("init"), QStringLiteral("--data-dir"), dir, QStringLiteral("--demo")});
        QCOMPARE(again.exitCode, 4);
        QVERIFY2(again.err.contains(QStringLiteral("not empty")), qPrintable(again.err));
        QCOMPARE(snapshot(dir), before);
    }

    void initWithTldsAndSite()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        const Run init = registryd({QStringLiteral("init"), QStringLiteral("--data-dir"), dir, QStringLiteral("--tld"), QStringLiteral("alpha"),
                                    QStringLiteral("--tld"), QStringLiteral("beta"), QStringLiteral("--site"), QStringLiteral("site-b")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const Run tlds = sqlite(QDir(dir).filePath(QStringLiteral("registry.db")), QStringLiteral("SELECT group_concat(name, ',') FROM (SELECT name FROM tlds ORDER BY name)"));
        QVERIFY2(tlds.exitCode == 0, qPrintable(tlds.err));
        QCOMPARE(tlds.out, QStringLiteral("alpha,beta"));
        QFile conf(QDir(dir).filePath(QStringLiteral("registryd.conf")));
        QVERIFY(conf.open(QIODevice::ReadOnly));
        QVERIFY(conf.readAll().contains("site = site-b"));
    }

    void initWithBadTldCreatesNothing()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        const Run init = registryd({QStringLiteral("init"), QStringLiteral("--data-dir"), dir, QStringLiteral("--tld"), QStringLiteral("-bad")});
        QCOMPARE(init.exitCode, 2);
        QVERIFY2(init.err.contains(QStringLiteral("-bad")), qPrintable(init.err));
        QVERIFY(!QFile::exists(dir));
    }

    void runServesStatusAndExitsCleanlyOnSignal_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGINT") << SIGINT;
    }
    void runServesStatusAndExitsCleanlyOnSignal()
    {
        QFETCH(int, signal);
        EngineFixture engine;
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QCOMPARE(mode(engine.readyFile()), 0600);

        const QByteArray token = testsupport::login(engine, QStringLiteral("admin"), engine.adminPassword());
        QVERIFY2(!token.isEmpty(), engine.engineLog().constData());
        const testsupport::HttpReply status = testsupport::httpsRequest(engine, "GET", QStringLiteral("/api/v1/status"), {}, token);
        QCOMPARE(status.status, 200);
        QHash<QString, QString> states;
        const QJsonArray services = status.object().value(QLatin1StringView("services")).toArray();
        for (const QJsonValue &s : services)
            states.insert(s[QLatin1StringView("name")].toString(), s[QLatin1StringView("state")].toString());
        QCOMPARE(states.value(QStringLiteral("management")), QStringLiteral("running"));
        QCOMPARE(states.value(QStringLiteral("store")), QStringLiteral("running"));
        QCOMPARE(states.value(QStringLiteral("xrp")), QStringLiteral("running"));
        QVERIFY(engine.port(QStringLiteral("xrp")) != 0);   // ready.json names the XRP address
        QCOMPARE(states.value(QStringLiteral("dns")), QStringLiteral("running"));
        QVERIFY(engine.port(QStringLiteral("dns")) != 0);
        QCOMPARE(states.value(QStringLiteral("rdap")), QStringLiteral("running"));
        QVERIFY(engine.port(QStringLiteral("rdap")) != 0);
        QCOMPARE(states.value(QStringLiteral("whois")), QStringLiteral("running"));
        QVERIFY(engine.port(QStringLiteral("whois")) != 0);
        for (const char *unbuilt : {"replication", "snmp-traps"})
            QCOMPARE(states.value(QString::fromLatin1(unbuilt)), QStringLiteral("not-available"));
        QVERIFY(status.object().value(QLatin1StringView("journal"))[QLatin1StringView("head")].toInteger() > 300);

        QCOMPARE(::kill(pid_t(engine.processId()), signal), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.isRunning(), 15000);
        QCOMPARE(engine.stop(), 0);
        QVERIFY(!QFile::exists(engine.readyFile()));
        QVERIFY2(engine.engineLog().contains("shutting down"), engine.engineLog().constData());
    }

    void notifiesSystemd()
    {
        EngineFixture engine;
        QString error;
        QVERIFY2(engine.writeConfig(&error), qPrintable(error));
        QTemporaryDir sockets;
        const QString socketPath = sockets.filePath(QStringLiteral("notify"));
        NotifySocket notify(socketPath);
        QVERIFY(notify.isBound());

        QProcess run;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NOTIFY_SOCKET"), socketPath);
        run.setProcessEnvironment(env);
        run.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        run.start(qEnvironmentVariable("REGISTRYD_BINARY"), {QStringLiteral("run"), QStringLiteral("--data-dir"), engine.dataDir()});
        QVERIFY(run.waitForStarted());
        const QByteArray ready = notify.receive();
        QVERIFY2(ready.startsWith("READY=1\n"), ready.constData());
        QVERIFY(QFile::exists(engine.readyFile()));   // ready.json is written before READY=1
        run.terminate();
        QCOMPARE(notify.receive(), QByteArray("STOPPING=1"));
        QVERIFY(run.waitForFinished(15000));
        QCOMPARE(run.exitCode(), 0);
    }

    void refusesBadConfiguration_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QStringLiteral("management") << QStringLiteral("listen_backlog") << QStringLiteral("5")
                                     << QStringLiteral("unknown key \"listen_backlog\"");
        QTest::newRow("port out of range") << QStringLiteral("management") << QStringLiteral("listen") << QStringLiteral("127.0.0.1:70000")
                                           << QStringLiteral("[management] listen");
        QTest::newRow("not a duration") << QStringLiteral("management") << QStringLiteral("lockout") << QStringLiteral("soon")
                                        << QStringLiteral("[management] lockout");
        QTest::newRow("unknown section") << QStringLiteral("telnet") << QStringLiteral("listen") << QStringLiteral("127.0.0.1:23")
                                         << QStringLiteral("unknown section [telnet]");
    }
    void refusesBadConfiguration()
    {
        QFETCH(QString, section);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, message);
        EngineFixture engine;
        engine.setInitArguments({});
        engine.setConfigValue(section, key, value);
        QString error;
        QVERIFY2(engine.writeConfig(&error), qPrintable(error));
        const QStringList before = snapshot(engine.dataDir());
        const Run run = registryd({QStringLiteral("run"), QStringLiteral("--data-dir"), engine.dataDir()});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(message) && run.err.contains(QStringLiteral("registryd.conf:")), qPrintable(run.err));
        QCOMPARE(snapshot(engine.dataDir()), before);
    }

    void refusesAPortInUse()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        EngineFixture engine;
        engine.setInitArguments({});
        engine.setConfigValue(QStringLiteral("management"), QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort()));
        QString error;
        QVERIFY2(engine.writeConfig(&error), qPrintable(error));
        const Run run = registryd({QStringLiteral("run"), QStringLiteral("--data-dir"), engine.dataDir()});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QString::number(squatter.serverPort())) && run.err.contains(QStringLiteral("in use")), qPrintable(run.err));
        QVERIFY(!QFile::exists(engine.readyFile()));
    }

    void refusesAnXrpPortInUse()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        EngineFixture engine;
        engine.setInitArguments({});
        engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort()));
        QString error;
        QVERIFY2(engine.writeConfig(&error), qPrintable(error));
        const Run run = registryd({QStringLiteral("run"), QStringLiteral("--data-dir"), engine.dataDir()});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("XRP port")) && run.err.contains(QStringLiteral("in use")), qPrintable(run.err));
        QVERIFY(!QFile::exists(engine.readyFile()));
    }

    void xrpDisabledIsReportedStopped()
    {
        EngineFixture engine;
        engine.setInitArguments({});
        engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("enabled"), QStringLiteral("false"));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QCOMPARE(engine.port(QStringLiteral("xrp")), quint16(0));
        const QByteArray token = testsupport::login(engine, QStringLiteral("admin"), engine.adminPassword());
        QVERIFY(!token.isEmpty());
        const testsupport::HttpReply status = testsupport::httpsRequest(engine, "GET", QStringLiteral("/api/v1/status"), {}, token);
        bool found = false;
        for (const QJsonValue &s : status.object().value(QLatin1StringView("services")).toArray()) {
            if (s[QLatin1StringView("name")].toString() == u"xrp") {
                found = true;
                QCOMPARE(s[QLatin1StringView("state")].toString(), QStringLiteral("stopped"));
            }
        }
        QVERIFY(found);
        QCOMPARE(engine.stop(), 0);
    }

    void refusesADatabaseFromANewerSchema()
    {
        EngineFixture engine;
        engine.setInitArguments({});
        QString error;
        QVERIFY2(engine.writeConfig(&error), qPrintable(error));
        const QString db = QDir(engine.dataDir()).filePath(QStringLiteral("registry.db"));
        const Run pragma = sqlite(db, QStringLiteral("PRAGMA user_version = 99;"));
        QVERIFY2(pragma.exitCode == 0, qPrintable(pragma.err));
        const Run run = registryd({QStringLiteral("run"), QStringLiteral("--data-dir"), engine.dataDir()});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QStringLiteral("99")) && run.err.contains(QStringLiteral("newer")), qPrintable(run.err));
        QCOMPARE(sqlite(db, QStringLiteral("PRAGMA user_version;")).out, QStringLiteral("99"));
    }

    void refusesASecondEngineOnTheSameDataDirectory()
    {
        EngineFixture engine;
        engine.setInitArguments({});
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const Run second = registryd({QStringLiteral("run"), QStringLiteral("--data-dir"), engine.dataDir()});
        QCOMPARE(second.exitCode, 4);
        QVERIFY2(second.err.contains(QStringLiteral("already running")), qPrintable(second.err));
        QVERIFY(QFile::exists(engine.readyFile()));   // the running engine's ready file is untouched
        QCOMPARE(engine.stop(), 0);
    }

    void refusesAMissingDataDirectory()
    {
        QTemporaryDir root;
        const Run run = registryd({QStringLiteral("run"), QStringLiteral("--data-dir"), root.filePath(QStringLiteral("nope"))});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QStringLiteral("registryd init")), qPrintable(run.err));
    }

    void journalVerifyDetectsTampering_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<QString>("firstBad");
        QTest::newRow("edited object") << QStringLiteral("UPDATE journal SET object = 'evil.example' WHERE seq = 10") << QStringLiteral("10");
        QTest::newRow("edited data") << QStringLiteral("UPDATE journal SET data = '{}' WHERE seq = 42") << QStringLiteral("42");
        QTest::newRow("removed entry") << QStringLiteral("DELETE FROM journal WHERE seq = 20") << QStringLiteral("20");
    }
    void journalVerifyDetectsTampering()
    {
        QFETCH(QString, tamper);
        QFETCH(QString, firstBad);
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        QCOMPARE(registryd({QStringLiteral("init"), QStringLiteral("--data-dir"), dir, QStringLiteral("--demo")}).exitCode, 0);
        const QStringList verify{QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--data-dir"), dir};

        const Run good = registryd(verify);
        QVERIFY2(good.exitCode == 0, qPrintable(good.err));
        QVERIFY2(good.out.startsWith(QStringLiteral("journal OK")), qPrintable(good.out));

        const Run edit = sqlite(QDir(dir).filePath(QStringLiteral("registry.db")), tamper);
        QVERIFY2(edit.exitCode == 0, qPrintable(edit.err));
        const Run bad = registryd(verify);
        QCOMPARE(bad.exitCode, 6);
        QVERIFY2(bad.err.contains(QStringLiteral("BROKEN at entry %1").arg(firstBad)), qPrintable(bad.err));
    }
};

QTEST_GUILESS_MAIN(tst_RegistrydCli)
#include "tst_registrydcli.moc"
