#include <net/consolesession.h>
#include <net/profilestore.h>

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace noc;
using namespace Qt::StringLiterals;

namespace {

ConnectionProfile directProfile()
{
    ConnectionProfile p;
    p.name = u"Site A (direct)"_s;
    p.transport = ConnectionProfile::Transport::DirectTls;
    p.apiHost = u"registry-a.example.net"_s;
    p.apiPort = 9443;
    p.user = u"noc-operator"_s;
    p.caFile = u"/etc/registry/ca.pem"_s;
    return p;
}

ConnectionProfile tunnelProfile()
{
    ConnectionProfile p;
    p.name = u"Site B / tunnel, \"quoted\""_s;
    p.transport = ConnectionProfile::Transport::SshTunnel;
    p.apiHost = u"127.0.0.1"_s;
    p.apiPort = 19443;
    p.user = u"admin"_s;
    p.pinnedSha256 =
        u"D9:67:58:93:B3:E2:F7:96:9C:31:47:0E:AA:64:D7:2A:6E:EA:76:65:5A:42:8E:04:77:3E:6E:1B:9C:54:83:97"_s;
    p.sshHost = u"bastion.example.net"_s;
    p.sshPort = 2222;
    p.sshUser = u"ops"_s;
    p.sshAuth = ConnectionProfile::SshAuth::Password;
    p.sshKeyFile = QString();
    p.knownHostsFile = u"/home/ops/.ssh/known_hosts"_s;
    return p;
}

} // namespace

class tst_ProfileStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void roundTripsEveryField();
    void writesOnlyNonSecretKeys();
    void sessionPasswordsNeverReachTheSettingsFile();
    void refusesInvalidProfilesAndWritesNothing_data();
    void refusesInvalidProfilesAndWritesNothing();
    void refusesDuplicateNames();
    void skipsUnreadableEntriesWithAClearProblem_data();
    void skipsUnreadableEntriesWithAClearProblem();
    void savingFewerProfilesRemovesTheRest();

private:
    QString settingsPath() const { return m_dir.filePath(u"console.ini"_s); }
    QTemporaryDir m_dir;
};

void tst_ProfileStore::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(settingsPath());
}

void tst_ProfileStore::roundTripsEveryField()
{
    const QList<ConnectionProfile> profiles{directProfile(), tunnelProfile()};
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        ProfileStore store(&settings);
        const auto saved = store.save(profiles);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
    }
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ProfileStore store(&settings);
    QCOMPARE(store.load(), profiles);
    QVERIFY(store.loadProblems().isEmpty());
}

void tst_ProfileStore::writesOnlyNonSecretKeys()
{
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        QVERIFY(ProfileStore(&settings).save({directProfile(), tunnelProfile()}).ok());
    }
    QSettings settings(settingsPath(), QSettings::IniFormat);
    const QStringList allowed{u"name"_s,    u"transport"_s, u"apiHost"_s,        u"apiPort"_s,
                              u"user"_s,    u"caFile"_s,    u"pinnedSha256"_s,   u"sshHost"_s,
                              u"sshPort"_s, u"sshUser"_s,   u"sshAuth"_s,        u"sshKeyFile"_s,
                              u"knownHostsFile"_s};
    const QStringList keys = settings.allKeys();
    QVERIFY(!keys.isEmpty());
    for (const QString &key : keys) {
        QVERIFY2(key.startsWith(u"profiles/"_s), qPrintable(key));
        const QString field = key.section(u'/', -1);
        QVERIFY2(field == u"size" || allowed.contains(field), qPrintable(u"unexpected key "_s + key));
        QVERIFY2(!field.contains(u"pass"_s, Qt::CaseInsensitive) || field == u"sshAuth",
                 qPrintable(u"secret-looking key "_s + key));
    }
}

void tst_ProfileStore::sessionPasswordsNeverReachTheSettingsFile()
{
    // Drive a real session with secrets (to a closed loopback port), then save the profile it
    // reports, the way the UI does after connecting.
    const QString apiPassword = u"Api-Secret-7391"_s;
    const QString sshPassword = u"Ssh-Secret-2846"_s;
    ConnectionProfile profile = directProfile();
    profile.apiHost = u"127.0.0.1"_s;
    profile.apiPort = 1;
    profile.caFile.clear();

    ConsoleSession session;
    QSignalSpy reconnecting(&session, &ConsoleSession::reconnectScheduled);
    session.connectToEngine(profile, apiPassword, sshPassword);
    QVERIFY(reconnecting.wait(10000));
    session.disconnectFromEngine();
    QCOMPARE(session.state(), ConsoleSession::State::Disconnected);

    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        QVERIFY(ProfileStore(&settings).save({session.profile()}).ok());
    }
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains("noc-operator"));
    QVERIFY(!content.contains(apiPassword.toUtf8()));
    QVERIFY(!content.contains(sshPassword.toUtf8()));
}

void tst_ProfileStore::refusesInvalidProfilesAndWritesNothing_data()
{
    QTest::addColumn<ConnectionProfile>("profile");
    QTest::addColumn<QString>("messagePart");
    ConnectionProfile p = directProfile();
    p.name = u"  "_s;
    QTest::newRow("empty name") << p << u"needs a name"_s;
    p = directProfile();
    p.apiPort = 0;
    QTest::newRow("port zero") << p << u"port"_s;
    p = directProfile();
    p.user.clear();
    QTest::newRow("no user") << p << u"user name"_s;
    p = directProfile();
    p.pinnedSha256 = u"12:34"_s;
    QTest::newRow("bad pin") << p << u"fingerprint"_s;
    p = tunnelProfile();
    p.sshHost.clear();
    QTest::newRow("tunnel without host") << p << u"SSH host"_s;
    p = tunnelProfile();
    p.sshUser.clear();
    QTest::newRow("tunnel without user") << p << u"SSH user"_s;
    p = tunnelProfile();
    p.sshAuth = ConnectionProfile::SshAuth::PublicKey;
    p.sshKeyFile.clear();
    QTest::newRow("key auth without key") << p << u"private key"_s;
}

void tst_ProfileStore::refusesInvalidProfilesAndWritesNothing()
{
    QFETCH(ConnectionProfile, profile);
    QFETCH(QString, messagePart);
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        QVERIFY(ProfileStore(&settings).save({directProfile()}).ok());
    }
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ProfileStore store(&settings);
    const auto result = store.save({profile});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, reg::ErrorCode::InvalidInput);
    QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
    QCOMPARE(store.load(), QList<ConnectionProfile>{directProfile()});
}

void tst_ProfileStore::refusesDuplicateNames()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ProfileStore store(&settings);
    ConnectionProfile second = tunnelProfile();
    second.name = directProfile().name;
    const auto result = store.save({directProfile(), second});
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(directProfile().name));
    QVERIFY(store.load().isEmpty());
}

void tst_ProfileStore::skipsUnreadableEntriesWithAClearProblem_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("unknown transport") << u"transport"_s << u"carrier-pigeon"_s << u"carrier-pigeon"_s;
    QTest::newRow("unknown ssh auth") << u"sshAuth"_s << u"kerberos"_s << u"kerberos"_s;
    QTest::newRow("port not a number") << u"apiPort"_s << u"https"_s << u"port"_s;
    QTest::newRow("port out of range") << u"sshPort"_s << u"70000"_s << u"port"_s;
    QTest::newRow("empty name") << u"name"_s << QString() << u"needs a name"_s;
}

void tst_ProfileStore::skipsUnreadableEntriesWithAClearProblem()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, messagePart);
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        QVERIFY(ProfileStore(&settings).save({directProfile(), tunnelProfile()}).ok());
        settings.setValue(u"profiles/1/"_s + key, value); // corrupt the first entry by hand
    }
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ProfileStore store(&settings);
    QCOMPARE(store.load(), QList<ConnectionProfile>{tunnelProfile()});
    QCOMPARE(store.loadProblems().size(), 1);
    QVERIFY2(store.loadProblems().constFirst().contains(messagePart), qPrintable(store.loadProblems().constFirst()));
}

void tst_ProfileStore::savingFewerProfilesRemovesTheRest()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ProfileStore store(&settings);
    QVERIFY(store.save({directProfile(), tunnelProfile()}).ok());
    QVERIFY(store.save({tunnelProfile()}).ok());
    QCOMPARE(store.load(), QList<ConnectionProfile>{tunnelProfile()});
    QVERIFY(!settings.contains(u"profiles/2/name"_s));
}

QTEST_GUILESS_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
