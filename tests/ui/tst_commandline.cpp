#include "ui/commandline.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::CommandLineOptions;

class tst_CommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesConnectOptions()
    {
        QString error;
        int exitCode = -1;
        const auto options = CommandLineOptions::parse(
            {u"noc-console"_s, u"--connect"_s, u"https://127.0.0.1:19443"_s, u"--ca"_s, u"/tmp/ca.pem"_s,
             u"--user"_s, u"alice"_s, u"--language"_s, u"de"_s},
            &error, &exitCode);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(options->connectHost, u"127.0.0.1"_s);
        QCOMPARE(options->connectPort, quint16(19443));
        QCOMPARE(options->language, u"de"_s);
        QVERIFY(options->wantsConnection());

        const auto profile = options->resolveProfile({}, &error);
        QVERIFY2(profile, qPrintable(error));
        QCOMPARE(profile->transport, noc::ConnectionProfile::Transport::DirectTls);
        QCOMPARE(profile->apiHost, u"127.0.0.1"_s);
        QCOMPARE(profile->apiPort, quint16(19443));
        QCOMPARE(profile->caFile, u"/tmp/ca.pem"_s);
        QCOMPARE(profile->user, u"alice"_s);
    }

    void defaultsPortAndUser()
    {
        QString error;
        int exitCode = -1;
        const auto options = CommandLineOptions::parse({u"noc-console"_s, u"--connect"_s, u"https://engine.example"_s},
                                                       &error, &exitCode);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(options->connectPort, quint16(9443));
        QCOMPARE(options->resolveProfile({}, &error)->user, u"admin"_s);
    }

    void rejectsBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("http scheme") << QStringList{u"--connect"_s, u"http://127.0.0.1:9443"_s};
        QTest::newRow("no scheme") << QStringList{u"--connect"_s, u"127.0.0.1:9443"_s};
        QTest::newRow("path") << QStringList{u"--connect"_s, u"https://127.0.0.1:9443/api"_s};
        QTest::newRow("credentials in url") << QStringList{u"--connect"_s, u"https://admin:pw@127.0.0.1:9443"_s};
        QTest::newRow("unknown language") << QStringList{u"--language"_s, u"tlh"_s};
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s};
        QTest::newRow("positional") << QStringList{u"extra"_s};
        QTest::newRow("password file alone") << QStringList{u"--password-file"_s, u"/tmp/x"_s};
        QTest::newRow("missing value") << QStringList{u"--connect"_s};
        QTest::newRow("connect with query") << QStringList{u"--connect"_s, u"https://127.0.0.1:9443?x=1"_s};
    }
    void rejectsBadArguments()
    {
        QFETCH(QStringList, arguments);
        arguments.prepend(u"noc-console"_s);
        QString error;
        int exitCode = -1;
        QVERIFY(!CommandLineOptions::parse(arguments, &error, &exitCode));
        QCOMPARE(exitCode, 2);
        QVERIFY(!error.isEmpty());
    }

    void helpAndVersionExitWithoutOptions_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::newRow("help") << u"--help"_s;
        QTest::newRow("help-all") << u"--help-all"_s;
        QTest::newRow("version") << u"--version"_s;
    }
    void helpAndVersionExitWithoutOptions()
    {
        QFETCH(QString, argument);
        QString output;
        int exitCode = -1;
        QVERIFY(!CommandLineOptions::parse({u"noc-console"_s, argument}, &output, &exitCode));
        QCOMPARE(exitCode, 0);
        QVERIFY(!output.isEmpty());
    }

    void appliesOverridesToSavedProfile()
    {
        noc::ConnectionProfile saved;
        saved.name = u"site-b"_s;
        saved.transport = noc::ConnectionProfile::Transport::SshTunnel;
        saved.sshHost = u"bastion"_s;
        saved.sshUser = u"ops"_s;
        saved.user = u"noc"_s;
        QString error;
        int exitCode = -1;
        const auto options = CommandLineOptions::parse({u"noc-console"_s, u"--profile"_s, u"site-b"_s, u"--user"_s,
                                                        u"carol"_s}, &error, &exitCode);
        QVERIFY(options);
        const auto profile = options->resolveProfile({saved}, &error);
        QVERIFY2(profile, qPrintable(error));
        QCOMPARE(profile->transport, noc::ConnectionProfile::Transport::SshTunnel);
        QCOMPARE(profile->sshHost, u"bastion"_s);
        QCOMPARE(profile->user, u"carol"_s);

        const auto missing = CommandLineOptions::parse({u"noc-console"_s, u"--profile"_s, u"nope"_s}, &error, &exitCode);
        QVERIFY(missing);
        QVERIFY(!missing->resolveProfile({saved}, &error));
        QVERIFY(error.contains(u"nope"_s));
    }

    void readsFirstLineOfPrivatePasswordFile()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"pw"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("s3cret-Pass\r\nsecond line\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QString error;
        const auto password = noc::readPasswordFile(file.fileName(), &error);
        QVERIFY2(password, qPrintable(error));
        QCOMPARE(*password, u"s3cret-Pass"_s);
    }

    void refusesUnsafeOrUnusablePasswordFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("permissions");
        const int ownerOnly = int(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QTest::newRow("group readable") << QByteArray("pw\n") << int(ownerOnly | QFileDevice::ReadGroup);
        QTest::newRow("world readable") << QByteArray("pw\n") << int(ownerOnly | QFileDevice::ReadOther);
        QTest::newRow("empty") << QByteArray() << ownerOnly;
        QTest::newRow("empty first line") << QByteArray("\npw\n") << ownerOnly;
        QTest::newRow("huge") << QByteArray(10000, 'x') << ownerOnly;
    }
    void refusesUnsafeOrUnusablePasswordFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, permissions);
        QTemporaryDir dir;
        QFile file(dir.filePath(u"pw"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::Permissions(permissions)));
        QString error;
        QVERIFY(!noc::readPasswordFile(file.fileName(), &error));
        QVERIFY(!error.isEmpty());
    }

    void missingPasswordFileIsAnError()
    {
        QString error;
        QVERIFY(!noc::readPasswordFile(u"/nonexistent/definitely/pw"_s, &error));
        QVERIFY(error.contains(u"/nonexistent/definitely/pw"_s));
    }
};

QTEST_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
