#include "benchservers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace reg::bench {
namespace {

bool writeTextFile(const QString &path, const QString &text, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// The fields of /proc/<pid>/stat after the command name (which may hold spaces).
QList<QByteArray> statFields(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = f.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 ? QList<QByteArray>{} : line.mid(close + 2).split(' ');
}

// pid and every process below it.
QList<qint64> processTree(qint64 pid)
{
    QHash<qint64, QList<qint64>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 p = entry.toLongLong(&ok);
        if (!ok)
            continue;
        const QList<QByteArray> fields = statFields(p);
        if (fields.size() > 1)
            children[fields.at(1).toLongLong()].append(p);   // field 4 of the line: the parent
    }
    QList<qint64> tree{pid};
    for (qsizetype i = 0; i < tree.size(); ++i)
        tree += children.value(tree.at(i));
    return tree;
}

// A "Key:   123 kB" line of a /proc file, in KiB; -1 when absent.
qint64 procKb(const QString &path, const QByteArray &key)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key) && line.size() > key.size() && line.at(key.size()) == ':')
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

quint16 freeLoopbackPort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        const int udp = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        const int tcp = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof a;
        quint16 port = 0;
        if (udp >= 0 && tcp >= 0 && ::bind(udp, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0
            && ::getsockname(udp, reinterpret_cast<sockaddr *>(&a), &length) == 0
            && ::bind(tcp, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0)
            port = ntohs(a.sin_port);
        if (udp >= 0)
            ::close(udp);
        if (tcp >= 0)
            ::close(tcp);
        if (port != 0)
            return port;
    }
    return 0;
}

ProcessMemory processMemory(qint64 pid)
{
    ProcessMemory m;
    qint64 pss = 0;
    for (qint64 p : processTree(pid)) {
        const QString status = QStringLiteral("/proc/%1/status").arg(p);
        m.rssKb = std::max(m.rssKb, procKb(status, "VmRSS"));
        m.peakRssKb = std::max(m.peakRssKb, procKb(status, "VmHWM"));
        const qint64 kb = procKb(QStringLiteral("/proc/%1/smaps_rollup").arg(p), "Pss");
        pss = (pss < 0 || kb < 0) ? -1 : pss + kb;
    }
    m.treePssKb = pss;
    return m;
}

double processTreeCpuSecs(qint64 pid)
{
    double ticks = 0;
    for (qint64 p : processTree(pid)) {
        const QList<QByteArray> fields = statFields(p);
        if (fields.size() < 13)
            return -1;
        ticks += double(fields[11].toLongLong() + fields[12].toLongLong());   // utime, stime
    }
    return ticks / double(sysconf(_SC_CLK_TCK));
}

BenchServer::BenchServer(QString name, QString workDir, quint16 port)
    : m_name(std::move(name)), m_workDir(std::move(workDir)), m_port(port)
{
}

BenchServer::~BenchServer()
{
    stop();
}

qint64 BenchServer::processId() const
{
    return m_process ? m_process->processId() : 0;
}

bool BenchServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString BenchServer::logFile() const
{
    return QDir(m_workDir).filePath(m_name + QStringLiteral(".log"));
}

bool BenchServer::launch(QString *error)
{
    if (!QDir().mkpath(m_workDir)) {
        *error = QStringLiteral("cannot create %1").arg(m_workDir);
        return false;
    }
    QString program;
    QStringList arguments;
    if (!prepare(&program, &arguments, error))
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(logFile(), QIODevice::Append);   // a pipe nobody drains could block it
    m_process->setWorkingDirectory(m_workDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NOTIFY_SOCKET"));
    m_process->setProcessEnvironment(env);
    m_process->start(program, arguments);
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(program, m_process->errorString());
        m_process.reset();
        return false;
    }
    return true;
}

void BenchServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(20000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QString BenchServer::logTail(int lines) const
{
    QFile f(logFile());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromUtf8(f.readAll()).split(u'\n');
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(u'\n');
}

QStringList BenchServer::logLinesContaining(const QString &text) const
{
    QFile f(logFile());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList found;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
        if (line.contains(text))
            found << line.trimmed();
    }
    return found;
}

NsdServer::NsdServer(const QString &workDir, quint16 port, QString zone, QString zoneFile, int serverCount)
    : BenchServer(QStringLiteral("nsd"), workDir, port), m_zone(std::move(zone)), m_zoneFile(std::move(zoneFile)), m_serverCount(serverCount)
{
}

bool NsdServer::prepare(QString *program, QStringList *arguments, QString *error)
{
    const QDir dir(workDir());
    const QString config = dir.filePath(QStringLiteral("nsd.conf"));
    // reuseport: each serving process gets its own UDP socket, as registryd's threads and Knot's
    // workers do. Debian builds NSD with response rate limiting on (200/s): off, like the others.
    const QString text = QStringLiteral(
        "server:\n"
        "  ip-address: 127.0.0.1@%1\n"
        "  port: %1\n"
        "  server-count: %2\n"
        "  reuseport: yes\n"
        "  rrl-ratelimit: 0\n"
        "  rrl-whitelist-ratelimit: 0\n"
        "  username: \"\"\n"
        "  chroot: \"\"\n"
        "  database: \"\"\n"
        "  zonesdir: \"%3\"\n"
        "  pidfile: \"%3/nsd.pid\"\n"
        "  xfrdfile: \"%3/xfrd.state\"\n"
        "  xfrdir: \"%3\"\n"
        "  zonelistfile: \"%3/zone.list\"\n"
        "  verbosity: 1\n"
        "remote-control:\n"
        "  control-enable: no\n"
        "zone:\n"
        "  name: \"%4\"\n"
        "  zonefile: \"%5\"\n")
        .arg(port()).arg(m_serverCount).arg(workDir(), m_zone, m_zoneFile);
    if (!writeTextFile(config, text, error))
        return false;
    *program = QStringLiteral("nsd");
    *arguments = {QStringLiteral("-d"), QStringLiteral("-c"), config};
    return true;
}

KnotServer::KnotServer(const QString &workDir, quint16 port, QString zone, QString zoneFile, int udpWorkers)
    : BenchServer(QStringLiteral("knot"), workDir, port), m_zone(std::move(zone)), m_zoneFile(std::move(zoneFile)), m_udpWorkers(udpWorkers)
{
}

bool KnotServer::prepare(QString *program, QStringList *arguments, QString *error)
{
    const QDir dir(workDir());
    const QString config = dir.filePath(QStringLiteral("knot.conf"));
    const QString text = QStringLiteral(
        "server:\n"
        "  rundir: \"%1\"\n"
        "  listen: 127.0.0.1@%2\n"
        "  udp-workers: %3\n"
        "  tcp-workers: 1\n"
        "  background-workers: 1\n"
        "database:\n"
        "  storage: \"%1\"\n"
        "log:\n"
        "  - target: stderr\n"
        "    any: info\n"
        "template:\n"
        "  - id: default\n"
        "    storage: \"%1\"\n"
        "    zonefile-sync: -1\n"
        "    zonefile-load: whole\n"
        "    journal-content: none\n"
        "zone:\n"
        "  - domain: \"%4\"\n"
        "    file: \"%5\"\n")
        .arg(workDir()).arg(port()).arg(m_udpWorkers).arg(m_zone, m_zoneFile);
    if (!writeTextFile(config, text, error))
        return false;
    *program = QStringLiteral("knotd");
    *arguments = {QStringLiteral("-c"), config};
    return true;
}

RegistrydServer::RegistrydServer(const QString &workDir, quint16 port, QString binary, QString dataDir)
    : BenchServer(QStringLiteral("registryd"), workDir, port), m_binary(std::move(binary)), m_dataDir(std::move(dataDir))
{
}

QString RegistrydServer::neverAnswersReason() const
{
    QFile f(QDir(m_dataDir).filePath(QStringLiteral("run/ready.json")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject ready = QJsonDocument::fromJson(f.readAll()).object();
    if (ready.value(QLatin1StringView("pid")).toInteger() != processId())
        return {};   // a previous run's file
    if (ready.value(QLatin1StringView("services")).toObject().contains(QLatin1StringView("dns")))
        return {};
    return QStringLiteral("registryd is ready but runs no DNS service (run/ready.json lists none)");
}

bool RegistrydServer::prepare(QString *program, QStringList *arguments, QString *)
{
    *program = m_binary;
    *arguments = {QStringLiteral("run"), QStringLiteral("--data-dir"), m_dataDir};
    return true;
}

} // namespace reg::bench
