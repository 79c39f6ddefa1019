#include "uitestsupport.h"

#include "ui/connectdialog.h"
#include "ui/passworddialog.h"
#include "ui/trustdialog.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::ConnectDialog;
using noc::ConnectionProfile;
using noc::TrustDialog;

Q_DECLARE_METATYPE(noc::TrustDialog::Decision)

namespace {

ConnectionProfile directProfile(const QString &name = u"site-a"_s)
{
    ConnectionProfile p;
    p.name = name;
    p.apiHost = u"127.0.0.1"_s;
    p.apiPort = 9443;
    p.user = u"admin"_s;
    return p;
}

} // namespace

// The main window's dialogs on their own: profile validation and editing, the password prompt,
// and the trust questions, whose safe answer must be the default.
class tst_MainWindowDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        uitest::isolateSettings(m_dir);
        QFile key(m_dir.filePath(u"id_ed25519"_s));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("not checked here, only that it exists\n");
    }

    void validatesProfiles_data()
    {
        QTest::addColumn<ConnectionProfile>("profile");
        QTest::addColumn<bool>("valid");
        const QString keyFile = m_dir.filePath(u"id_ed25519"_s);

        QTest::newRow("direct tls") << directProfile() << true;
        ConnectionProfile p = directProfile(u""_s);
        QTest::newRow("empty name") << p << false;
        p = directProfile(u" padded "_s);
        QTest::newRow("padded name") << p << false;
        QTest::newRow("duplicate name") << directProfile(u"taken"_s) << false;
        p = directProfile();
        p.apiHost.clear();
        QTest::newRow("no host") << p << false;
        p = directProfile();
        p.user.clear();
        QTest::newRow("no user") << p << false;
        p = directProfile();
        p.caFile = m_dir.filePath(u"missing-ca.pem"_s);
        QTest::newRow("missing CA file") << p << false;
        p = directProfile();
        p.pinnedSha256 = u"AB:CD"_s;
        QTest::newRow("short fingerprint") << p << false;
        p = directProfile();
        p.pinnedSha256 = QStringList(32, u"A0"_s).join(u':');
        QTest::newRow("pinned fingerprint") << p << true;
        p = directProfile();
        p.transport = ConnectionProfile::Transport::SshTunnel;
        p.sshUser = u"ops"_s;
        p.sshKeyFile = keyFile;
        QTest::newRow("ssh without host") << p << false;
        p.sshHost = u"bastion.example"_s;
        QTest::newRow("ssh with key") << p << true;
        p.sshKeyFile = m_dir.filePath(u"no-such-key"_s);
        QTest::newRow("ssh with missing key") << p << false;
        p.sshAuth = ConnectionProfile::SshAuth::Password;
        QTest::newRow("ssh with password") << p << true;
        p.sshUser.clear();
        QTest::newRow("ssh without user") << p << false;
    }
    void validatesProfiles()
    {
        QFETCH(ConnectionProfile, profile);
        QFETCH(bool, valid);
        const QString why = ConnectDialog::validate(profile, {directProfile(u"taken"_s)});
        QVERIFY2(why.isEmpty() == valid, qPrintable(why.isEmpty() ? u"accepted"_s : why));
    }

    void newProfileNeedsUserBeforeItCanBeUsed()
    {
        ConnectDialog dialog({}, {}, nullptr);
        QSignalSpy saved(&dialog, &ConnectDialog::profilesChanged);
        auto *connectButton = dialog.findChild<QPushButton *>(u"connectButton"_s);
        QVERIFY(connectButton);
        QCOMPARE(dialog.profiles().size(), 1);
        QVERIFY(!connectButton->isEnabled());

        dialog.findChild<QLineEdit *>(u"user"_s)->setText(u"noc-operator"_s);
        dialog.findChild<QLineEdit *>(u"profileName"_s)->setText(u"site-b"_s);
        QVERIFY(connectButton->isEnabled());
        connectButton->click();
        QCOMPARE(saved.count(), 1);
        const auto profiles = saved.at(0).at(0).value<QList<ConnectionProfile>>();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.constFirst().name, u"site-b"_s);
        QCOMPARE(profiles.constFirst().user, u"noc-operator"_s);
        QCOMPARE(dialog.selectedProfile().name, u"site-b"_s);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void duplicateNameBlocksSaving()
    {
        ConnectDialog dialog({directProfile(u"a"_s), directProfile(u"b"_s)}, u"b"_s, nullptr);
        QCOMPARE(dialog.selectedProfile().name, u"b"_s);
        dialog.findChild<QLineEdit *>(u"profileName"_s)->setText(u"a"_s);
        QVERIFY(!dialog.findChild<QPushButton *>(u"connectButton"_s)->isEnabled());
        QVERIFY(!dialog.findChild<QLabel *>(u"problem"_s)->text().isEmpty());
    }

    void passwordPromptHandsOverSecretsAndForgetsThem()
    {
        ConnectionProfile profile = directProfile();
        profile.transport = ConnectionProfile::Transport::SshTunnel;
        profile.sshHost = u"bastion"_s;
        profile.sshUser = u"ops"_s;
        auto *dialog = new noc::PasswordDialog(profile, nullptr);
        QSignalSpy entered(dialog, &noc::PasswordDialog::secretsEntered);
        auto *password = dialog->findChild<QLineEdit *>(u"apiPassword"_s);
        auto *sshSecret = dialog->findChild<QLineEdit *>(u"sshSecret"_s);
        QVERIFY(password && sshSecret);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QCOMPARE(sshSecret->echoMode(), QLineEdit::Password);
        password->setText(u"api-secret-1"_s);
        sshSecret->setText(u"key-passphrase"_s);
        dialog->accept();
        QCOMPARE(entered.count(), 1);
        QCOMPARE(entered.at(0).at(1).toString(), u"api-secret-1"_s);
        QCOMPARE(entered.at(0).at(2).toString(), u"key-passphrase"_s);
        QVERIFY(password->text().isEmpty());
        QVERIFY(sshSecret->text().isEmpty());
        delete dialog;
    }

    void trustDialogAnswers_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<TrustDialog::Decision>("decision");
        QTest::newRow("trust once") << u"trustOnce"_s << TrustDialog::Decision::Once;
        QTest::newRow("trust and pin") << u"trustRemember"_s << TrustDialog::Decision::Remember;
        QTest::newRow("cancel") << u"trustCancel"_s << TrustDialog::Decision::Reject;
        QTest::newRow("escape") << QString() << TrustDialog::Decision::Reject;
    }
    void trustDialogAnswers()
    {
        QFETCH(QString, button);
        QFETCH(TrustDialog::Decision, decision);
        TrustDialog *dialog = TrustDialog::forCertificate(u"AA:BB"_s, u"CN=registryd"_s, u"CN=dev CA"_s,
                                                          u"self-signed"_s, nullptr);
        QSignalSpy decided(dialog, &TrustDialog::decided);
        dialog->show();
        if (button.isEmpty())
            QTest::keyClick(dialog, Qt::Key_Escape);
        else
            dialog->findChild<QPushButton *>(button)->click();
        QCOMPARE(decided.count(), 1);
        QCOMPARE(decided.at(0).at(0).value<TrustDialog::Decision>(), decision);
        QCOMPARE(dialog->decision(), decision);
        delete dialog;
    }

    void hostKeyDialogShowsFingerprintAndDefaultsToCancel()
    {
        const QString fingerprint = u"SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"_s;
        TrustDialog *dialog = TrustDialog::forHostKey(u"bastion:22"_s, u"ssh-ed25519"_s, fingerprint, nullptr);
        QCOMPARE(dialog->findChild<QLabel *>(u"fingerprint"_s)->text(), fingerprint);
        QVERIFY(dialog->findChild<QPushButton *>(u"trustCancel"_s)->isDefault());
        QCOMPARE(dialog->findChild<QPushButton *>(u"trustRemember"_s)->text(), u"Accept and save"_s);
        delete dialog;
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(tst_MainWindowDialogs)
#include "tst_mainwindowdialogs.moc"
