#include "sshdserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include <cerrno>

#include <signal.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace testsupport {

namespace {

constexpr int kProcessTimeoutMs = 30 * 1000;
const QString kSshd = u"/usr/sbin/sshd"_s;

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// Every process below pid, children before the parents they were found under. Read from
// /proc/<pid>/task/<tid>/children (Linux 3.5 and later, always built on Debian).
QList<pid_t> descendants(pid_t pid)
{
    QList<pid_t> found;
    const QStringList tasks = QDir(u"/proc/%1/task"_s.arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile file(u"/proc/%1/task/%2/children"_s.arg(pid).arg(task));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> children = file.readAll().simplified().split(' ');
        for (const QByteArray &child : children) {
            bool ok = false;
            const pid_t childPid = pid_t(child.toInt(&ok));
            if (ok && childPid > 0) {
                found += descendants(childPid);
                found.append(childPid);
            }
        }
    }
    return found;
}

// Gone, or a zombie waiting for whichever process inherited it to reap it.
bool processGone(pid_t pid)
{
    if (::kill(pid, 0) != 0 && errno == ESRCH)
        return true;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    // "pid (comm) S ...": the state follows the last ')', as comm may itself contain one.
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close >= 0 && line.mid(close + 2, 1) == "Z";
}

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        *error = u"cannot write "_s + path + u": "_s + file.errorString();
        return false;
    }
    return true;
}

} // namespace

SshdServer::SshdServer() = default;

SshdServer::~SshdServer()
{
    stop();
}

QString SshdServer::directory() const
{
    return m_dir ? m_dir->path() : QString();
}

QString SshdServer::userName() const
{
    const QString user = qEnvironmentVariable("USER");
    if (!user.isEmpty())
        return user;
    return getuid() == 0 ? u"root"_s : qEnvironmentVariable("LOGNAME");
}

QString SshdServer::userKeyFile() const
{
    return m_dir->filePath(u"user_ed25519"_s);
}

bool SshdServer::run(const QString &program, const QStringList &arguments, QByteArray *output, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(kProcessTimeoutMs)) {
        *error = program + u" does not start: "_s + process.errorString();
        return false;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(kProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        *error = program + u" did not finish"_s;
        return false;
    }
    const QByteArray out = process.readAll();
    if (output)
        *output = out;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = program + u" "_s + arguments.join(u' ') + u" failed: "_s + QString::fromLocal8Bit(out);
        return false;
    }
    return true;
}

bool SshdServer::generateKey(const QString &path, QString *error, const QString &passphrase) const
{
    QFile::remove(path);
    QFile::remove(path + u".pub"_s);
    return run(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, passphrase, u"-C"_s, u"noc-test"_s,
                                 u"-f"_s, path},
               nullptr, error);
}

bool SshdServer::start(QString *error)
{
    if (!QFile::exists(kSshd)) {
        *error = kSshd + u" is missing: install the Debian package openssh-server"_s;
        return false;
    }
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid()) {
            *error = u"cannot create a temporary directory"_s;
            return false;
        }
        const QString hostKey = m_dir->filePath(u"host_ed25519"_s);
        if (!generateKey(hostKey, error) || !generateKey(userKeyFile(), error))
            return false;
        QFile hostPub(hostKey + u".pub"_s);
        QFile userPub(userKeyFile() + u".pub"_s);
        if (!hostPub.open(QIODevice::ReadOnly) || !userPub.open(QIODevice::ReadOnly)) {
            *error = u"cannot read the generated public keys"_s;
            return false;
        }
        // "ssh-ed25519 AAAA... comment": keep type and key only.
        const QList<QByteArray> parts = hostPub.readAll().trimmed().split(' ');
        if (parts.size() < 2) {
            *error = u"unexpected public key format"_s;
            return false;
        }
        m_hostPublicKey = parts.at(0) + ' ' + parts.at(1);
        if (!writeFile(m_dir->filePath(u"authorized_keys"_s), userPub.readAll(), error))
            return false;
        QByteArray listing;
        if (!run(u"ssh-keygen"_s, {u"-l"_s, u"-E"_s, u"sha256"_s, u"-f"_s, hostKey + u".pub"_s}, &listing, error))
            return false;
        // "256 SHA256:xxxx noc-test (ED25519)"
        const QList<QByteArray> fields = listing.trimmed().split(' ');
        if (fields.size() < 2 || !fields.at(1).startsWith("SHA256:")) {
            *error = u"unexpected ssh-keygen -l output: "_s + QString::fromLatin1(listing);
            return false;
        }
        m_hostFingerprint = QString::fromLatin1(fields.at(1));
    }

    // Run as root, sshd insists on its privilege-separation directory.
    if (getuid() == 0 && !QDir().mkpath(u"/run/sshd"_s)) {
        *error = u"cannot create /run/sshd"_s;
        return false;
    }

    if (m_port == 0)
        m_port = freeLoopbackPort();
    QString shadow;
    if (!m_loginPassword.isEmpty() && canUsePrivateMountNamespace(&m_passwordUnavailableReason)) {
        shadow = m_dir->filePath(u"shadow"_s);
        if (!writeShadowWithPassword(shadow, error))
            return false;
    }
    const bool passwords = !shadow.isEmpty();
    const QByteArray config =
        "ListenAddress 127.0.0.1\n"
        "Port " + QByteArray::number(m_port) + "\n"
        "HostKey " + QFile::encodeName(m_dir->filePath(u"host_ed25519"_s)) + "\n"
        "AuthorizedKeysFile " + QFile::encodeName(m_dir->filePath(u"authorized_keys"_s)) + "\n"
        "PidFile " + QFile::encodeName(m_dir->filePath(u"sshd.pid"_s)) + "\n"
        "UsePAM no\n"
        "StrictModes no\n"
        "AllowTcpForwarding yes\n"
        "PermitRootLogin yes\n"
        "PubkeyAuthentication yes\n"
        "PasswordAuthentication " + QByteArray(passwords ? "yes" : "no") + "\n"
        "KbdInteractiveAuthentication no\n"
        "LogLevel VERBOSE\n";
    const QString configPath = m_dir->filePath(u"sshd_config"_s);
    if (!writeFile(configPath, config, error))
        return false;

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    if (passwords) {
        // unshare and sh exec in place, so the process is sshd itself and stop() still finds it.
        m_process->start(u"unshare"_s, {u"--mount"_s, u"--propagation"_s, u"private"_s, u"--"_s, u"sh"_s, u"-c"_s,
                                        u"mount --bind \"$1\" /etc/shadow && exec \"$2\" -D -e -f \"$3\""_s,
                                        u"sh"_s, shadow, kSshd, configPath});
    } else {
        m_process->start(kSshd, {u"-D"_s, u"-e"_s, u"-f"_s, configPath});
    }
    if (!m_process->waitForStarted(kProcessTimeoutMs)) {
        *error = u"sshd does not start: "_s + m_process->errorString();
        return false;
    }
    QByteArray output;
    const QDeadlineTimer deadline(kProcessTimeoutMs);
    while (!output.contains("Server listening on")) {
        if (m_process->state() != QProcess::Running || deadline.hasExpired()) {
            output += m_process->readAll();
            *error = u"sshd did not come up: "_s + QString::fromLocal8Bit(output);
            return false;
        }
        m_process->waitForReadyRead(200);
        output += m_process->readAll();
    }
    // Keep what sshd said for log(); later output is read when the test asks for it.
    m_process->setProperty("log", output);
    m_passwordsAccepted = passwords;
    return true;
}

bool SshdServer::acceptsPasswords(QString *reason) const
{
    if (m_passwordsAccepted)
        return true;
    if (reason)
        *reason = m_passwordUnavailableReason.isEmpty() ? u"password login was not enabled"_s : m_passwordUnavailableReason;
    return false;
}

// Password login needs a private mount namespace (so the bind-mounted shadow file never reaches the
// host): root, unshare, and a root that is a mount point (not so inside a plain chroot).
bool SshdServer::canUsePrivateMountNamespace(QString *reason)
{
    if (getuid() != 0) {
        *reason = u"password login needs root, to give the test sshd its own /etc/shadow in a private mount namespace"_s;
        return false;
    }
    QByteArray output;
    QString error;
    if (!run(u"unshare"_s, {u"--mount"_s, u"--propagation"_s, u"private"_s, u"true"_s}, &output, &error)) {
        *reason = u"this machine cannot give sshd a private mount namespace: "_s + error.trimmed();
        return false;
    }
    return true;
}

// A shadow file with the single line sshd needs: userName() with a SHA-512 crypt of the test
// password (no other account's hash is copied anywhere).
bool SshdServer::writeShadowWithPassword(const QString &path, QString *error) const
{
    QByteArray hash;
    if (!run(u"openssl"_s, {u"passwd"_s, u"-6"_s, m_loginPassword}, &hash, error))
        return false;
    const QByteArray content = userName().toUtf8() + ':' + hash.trimmed() + ":19000:0:99999:7:::\n";
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(content) != content.size()) {
        *error = u"cannot write "_s + path;
        return false;
    }
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

void SshdServer::stop()
{
    if (!m_process)
        return;
    // Found before the listener goes: once it exits, its connections are re-parented and lost.
    const QList<pid_t> connections =
        m_process->state() == QProcess::NotRunning ? QList<pid_t>() : descendants(pid_t(m_process->processId()));
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }
    m_process.reset();
    for (const pid_t pid : connections)
        ::kill(pid, SIGTERM);
    const QDeadlineTimer deadline(10000);
    for (const pid_t pid : connections) {
        while (!processGone(pid) && !deadline.hasExpired())
            ::usleep(20 * 1000);
        if (!processGone(pid))
            ::kill(pid, SIGKILL);
    }
}

QByteArray SshdServer::knownHostsLine() const
{
    return "[127.0.0.1]:" + QByteArray::number(m_port) + ' ' + m_hostPublicKey + '\n';
}

QByteArray SshdServer::impostorKnownHostsLine(QString *error) const
{
    const QString path = m_dir->filePath(u"impostor_ed25519"_s);
    if (!generateKey(path, error))
        return {};
    QFile pub(path + u".pub"_s);
    if (!pub.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + pub.fileName();
        return {};
    }
    const QList<QByteArray> parts = pub.readAll().trimmed().split(' ');
    if (parts.size() < 2)
        return {};
    return "[127.0.0.1]:" + QByteArray::number(m_port) + ' ' + parts.at(0) + ' ' + parts.at(1) + '\n';
}

QString SshdServer::strangerKeyFile(QString *error) const
{
    const QString path = m_dir->filePath(u"stranger_ed25519"_s);
    if (!generateKey(path, error))
        return {};
    return path;
}

QString SshdServer::encryptedUserKeyFile(const QString &passphrase, QString *error) const
{
    const QString path = m_dir->filePath(u"encrypted_ed25519"_s);
    if (!generateKey(path, error, passphrase))
        return {};
    QFile pub(path + u".pub"_s);
    QFile authorized(m_dir->filePath(u"authorized_keys"_s));
    if (!pub.open(QIODevice::ReadOnly) || !authorized.open(QIODevice::Append)) {
        *error = u"cannot add the encrypted key to authorized_keys"_s;
        return {};
    }
    authorized.write(pub.readAll());
    return path;
}

QByteArray SshdServer::log() const
{
    if (!m_process)
        return {};
    QByteArray log = m_process->property("log").toByteArray();
    log += m_process->readAll();
    m_process->setProperty("log", log);
    return log;
}

} // namespace testsupport
