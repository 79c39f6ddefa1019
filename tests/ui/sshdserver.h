#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace testsupport {

// A real OpenSSH sshd for the SSH-tunnel tests: throw-away host and user keys made with ssh-keygen
// in a temporary directory, a minimal sshd_config (loopback only, public-key login, TCP forwarding
// allowed) and `/usr/sbin/sshd -D -e` as a child process on a free loopback port.
// Lives on the test's thread; stops sshd when destroyed.
class SshdServer
{
public:
    SshdServer();
    ~SshdServer();
    SshdServer(const SshdServer &) = delete;
    SshdServer &operator=(const SshdServer &) = delete;

    // Generates the keys (once), writes the configuration and starts sshd; waits (bounded) until
    // it listens. false with *error set on failure, including sshd's own log.
    bool start(QString *error);
    // Before start(): also accept `password` for userName() (PasswordAuthentication). Needs root:
    // sshd then runs in a private mount namespace over a copy of /etc/shadow that carries this
    // password, so the machine's real accounts are never touched. See acceptsPasswords().
    void enablePasswordLogin(const QString &password) { m_loginPassword = password; }
    // Whether the running sshd accepts the password; empty reason when it does.
    bool acceptsPasswords(QString *reason = nullptr) const;
    // Stops the listener and every connection it forked, as if the host went down: the console's
    // tunnel must notice. (`systemctl stop ssh` would leave established sessions running.) The next
    // start() listens on the same port with the same host key.
    void stop();

    quint16 port() const { return m_port; }
    QString directory() const;
    QString userName() const;
    QString userKeyFile() const;                 // unencrypted private key in authorized_keys
    QString hostKeyType() const { return QStringLiteral("ssh-ed25519"); }
    // The host key as OpenSSH prints it: "SHA256:<base64>" (from ssh-keygen -l, not from libssh).
    QString hostKeyFingerprint() const { return m_hostFingerprint; }
    // "[127.0.0.1]:<port> ssh-ed25519 AAAA...", a known_hosts line for this server.
    QByteArray knownHostsLine() const;
    // A known_hosts line for this server's address carrying a different (fresh) key.
    QByteArray impostorKnownHostsLine(QString *error) const;
    // A private key the server does not accept.
    QString strangerKeyFile(QString *error) const;
    // A passphrase-protected private key the server accepts (added to authorized_keys).
    QString encryptedUserKeyFile(const QString &passphrase, QString *error) const;
    QByteArray log() const;

private:
    bool generateKey(const QString &path, QString *error, const QString &passphrase = {}) const;
    bool writeShadowWithPassword(const QString &path, QString *error) const;
    static bool canUsePrivateMountNamespace(QString *reason);
    static bool run(const QString &program, const QStringList &arguments, QByteArray *output, QString *error);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_hostFingerprint;
    QByteArray m_hostPublicKey;
    QString m_loginPassword;
    bool m_passwordsAccepted = false;
    QString m_passwordUnavailableReason;
};

} // namespace testsupport
