#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace testsupport {

// Runs a net-snmp command-line tool (snmptrap, snmpget) with no MIBs loaded and its persistent and
// configuration directory in clientDir (nothing of the user's), bounded to 20 s. true when it
// exited 0; *output gets what it printed.
bool runSnmpTool(const QString &program, const QStringList &arguments, const QString &clientDir, QString *output);

// A real Debian snmpd for the SNMP poller and trap tests: a throw-away snmpd.conf and persistent
// directory in a temporary directory (no system configuration read: `-C -c`), listening on
// 127.0.0.1 and a free UDP port, run in the foreground as the current user. It serves a v2c
// read-only community and v3 USM users (authPriv SHA/AES, and SHA-256/AES) under a fixed engine id.
// stop() and start() again keep port, users and engine id ("the agent stopped, then returns").
// Lives on the test's thread; stops snmpd when destroyed.
class SnmpdServer
{
public:
    SnmpdServer();
    ~SnmpdServer();
    SnmpdServer(const SnmpdServer &) = delete;
    SnmpdServer &operator=(const SnmpdServer &) = delete;

    // Writes the configuration (once), starts snmpd and waits (bounded) until it answers a v2c get.
    bool start(QString *error);
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QByteArray community() const { return "noc-ro-test"; }
    QByteArray engineId() const;                          // binary; hex in engineIdHex()
    QByteArray engineIdHex() const { return "80001f88807265676973747279"; }
    QByteArray v3User() const { return "noc-sha"; }
    QByteArray v3AuthPassphrase() const { return "auth-pass-sha1"; }
    QByteArray v3PrivPassphrase() const { return "priv-pass-aes1"; }
    QByteArray v3Sha256User() const { return "noc-sha256"; }
    QByteArray v3Sha256AuthPassphrase() const { return "auth-pass-sha256"; }
    QByteArray v3Sha256PrivPassphrase() const { return "priv-pass-aes2"; }
    QByteArray log() const;

private:
    bool answers() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

} // namespace testsupport
