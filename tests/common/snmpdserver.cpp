#include "snmpdserver.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QThread>
#include <QUdpSocket>

using namespace Qt::StringLiterals;

namespace testsupport {

namespace {

constexpr int kStartTimeoutMs = 30 * 1000;
const QString kSnmpd = u"/usr/sbin/snmpd"_s;

// A UDP port nobody listens on right now (snmpd binds it a moment later).
quint16 freeLoopbackUdpPort()
{
    QUdpSocket probe;
    if (!probe.bind(QHostAddress::LocalHost, 0))
        return 0;
    return probe.localPort();
}

} // namespace

SnmpdServer::SnmpdServer() = default;

SnmpdServer::~SnmpdServer()
{
    stop();
}

QByteArray SnmpdServer::engineId() const
{
    return QByteArray::fromHex(engineIdHex());
}

bool SnmpdServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QByteArray SnmpdServer::log() const
{
    return m_process ? m_process->property("log").toByteArray() + m_process->readAll() : QByteArray();
}

bool SnmpdServer::start(QString *error)
{
    if (!QFile::exists(kSnmpd)) {
        *error = kSnmpd + u" is missing: install the Debian packages snmpd and snmp"_s;
        return false;
    }
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid()) {
            *error = u"cannot create a temporary directory"_s;
            return false;
        }
        m_port = freeLoopbackUdpPort();
        // createUser lines are consumed on the first start and kept, localised, in the persistent
        // directory; later starts read them from there, as a real agent would after a restart.
        const QByteArray config =
            "agentAddress udp:127.0.0.1:" + QByteArray::number(m_port) + "\n"
            "exactEngineID 0x" + engineIdHex() + "\n"
            "rocommunity " + community() + " 127.0.0.1\n"
            "createUser " + v3User() + " SHA \"" + v3AuthPassphrase() + "\" AES \"" + v3PrivPassphrase() + "\"\n"
            "createUser " + v3Sha256User() + " SHA-256 \"" + v3Sha256AuthPassphrase() + "\" AES \""
                + v3Sha256PrivPassphrase() + "\"\n"
            "rouser " + v3User() + " authpriv\n"
            "rouser " + v3Sha256User() + " authpriv\n"
            "dontLogTCPWrappersConnects yes\n"
            "sysLocation noc test bench\n"
            "sysContact noc@example.test\n";
        QFile file(m_dir->filePath(u"snmpd.conf"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config) != config.size()) {
            *error = u"cannot write "_s + file.fileName();
            return false;
        }
    }
    if (isRunning())
        return true;

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SNMP_PERSISTENT_DIR"_s, m_dir->filePath(u"persist"_s));
    env.insert(u"MIBS"_s, QString());   // numeric OIDs only: no MIB files needed or read
    m_process->setProcessEnvironment(env);
    // -f foreground, -Lo log to stdout, -C no default configuration files, -c ours only.
    m_process->start(kSnmpd, {u"-f"_s, u"-Lo"_s, u"-C"_s, u"-c"_s, m_dir->filePath(u"snmpd.conf"_s),
                              u"-p"_s, m_dir->filePath(u"snmpd.pid"_s)});
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        *error = u"snmpd does not start: "_s + m_process->errorString();
        return false;
    }
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!answers()) {
        if (m_process->state() != QProcess::Running || deadline.hasExpired()) {
            *error = u"snmpd did not come up: "_s + QString::fromLocal8Bit(log());
            return false;
        }
        QThread::msleep(100);
    }
    return true;
}

// Whether snmpd answers a v2c get of sysUpTime.0, asked with Debian's snmpget.
bool SnmpdServer::answers() const
{
    QProcess get;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"MIBS"_s, QString());
    env.insert(u"SNMP_PERSISTENT_DIR"_s, m_dir->filePath(u"client"_s));
    get.setProcessEnvironment(env);
    get.start(u"snmpget"_s, {u"-v2c"_s, u"-c"_s, QString::fromLatin1(community()), u"-t"_s, u"0.5"_s, u"-r"_s, u"0"_s,
                             u"127.0.0.1:%1"_s.arg(m_port), u"1.3.6.1.2.1.1.3.0"_s});
    return get.waitForFinished(5000) && get.exitStatus() == QProcess::NormalExit && get.exitCode() == 0;
}

void SnmpdServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }
    m_process.reset();
}

bool runSnmpTool(const QString &program, const QStringList &arguments, const QString &clientDir, QString *output)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"MIBS"_s, QString());
    env.insert(u"SNMP_PERSISTENT_DIR"_s, clientDir);
    env.insert(u"SNMPCONFPATH"_s, clientDir);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool finished = process.waitForFinished(20000);
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace testsupport
