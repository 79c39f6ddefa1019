#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace reg::bench {

// A UDP and TCP port on 127.0.0.1 that nothing listens on right now (bound, then released).
quint16 freeLoopbackPort();

// What /proc says about a server's memory, in KiB, over the process and its children: the
// largest VmRSS and VmHWM of any one of them, and their proportional set sizes summed. NSD forks
// its serving processes, which share the zone copy-on-write: adding their RSS would count it
// several times, the largest RSS or the PSS sum do not.
struct ProcessMemory
{
    qint64 rssKb = -1;
    qint64 peakRssKb = -1;
    qint64 treePssKb = -1;
};
ProcessMemory processMemory(qint64 pid);

// CPU seconds (user + system) of a process and its children so far, from /proc; -1 if unknown.
double processTreeCpuSecs(qint64 pid);

// One authoritative server under test: a child process answering on 127.0.0.1:port (UDP and TCP).
// launch() returns once the process runs; whether it answers is for the caller to find out.
class BenchServer
{
public:
    BenchServer(QString name, QString workDir, quint16 port);
    virtual ~BenchServer();   // stops the process
    BenchServer(const BenchServer &) = delete;
    BenchServer &operator=(const BenchServer &) = delete;

    const QString &name() const { return m_name; }
    quint16 port() const { return m_port; }
    qint64 processId() const;
    bool isRunning() const;
    bool launch(QString *error);
    // SIGTERM, then SIGKILL after 20 s.
    void stop();
    QString logTail(int lines = 30) const;
    // The lines of its log that contain `text` (how a server says what its start-up spent).
    QStringList logLinesContaining(const QString &text) const;
    // Why the server will never answer although it runs, when it can tell; empty otherwise.
    virtual QString neverAnswersReason() const { return {}; }

protected:
    // Writes the configuration into workDir and returns the program and its arguments.
    virtual bool prepare(QString *program, QStringList *arguments, QString *error) = 0;
    const QString &workDir() const { return m_workDir; }
    QString logFile() const;

private:
    QString m_name;
    QString m_workDir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

// NSD in the foreground (-d), no chroot, no privilege drop, no database, no remote control,
// serving one zone file with `serverCount` processes.
class NsdServer : public BenchServer
{
public:
    NsdServer(const QString &workDir, quint16 port, QString zone, QString zoneFile, int serverCount);

protected:
    bool prepare(QString *program, QStringList *arguments, QString *error) override;

private:
    QString m_zone;
    QString m_zoneFile;
    int m_serverCount;
};

// Knot DNS with its storage, run directory and database under workDir, serving one zone file
// with `udpWorkers` UDP threads; the zone is never written back and keeps no journal.
class KnotServer : public BenchServer
{
public:
    KnotServer(const QString &workDir, quint16 port, QString zone, QString zoneFile, int udpWorkers);

protected:
    bool prepare(QString *program, QStringList *arguments, QString *error) override;

private:
    QString m_zone;
    QString m_zoneFile;
    int m_udpWorkers;
};

// `registryd run` on a data directory whose registryd.conf already names the DNS port.
class RegistrydServer : public BenchServer
{
public:
    RegistrydServer(const QString &workDir, quint16 port, QString binary, QString dataDir);
    // Once run/ready.json is written by this process without a "dns" service.
    QString neverAnswersReason() const override;

protected:
    bool prepare(QString *program, QStringList *arguments, QString *error) override;

private:
    QString m_binary;
    QString m_dataDir;
};

} // namespace reg::bench
