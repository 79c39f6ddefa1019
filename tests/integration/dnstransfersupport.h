#pragma once

// Support for the zone transfer tests (tst_dnstransfer, tst_dnssecondary): kdig runs, records
// normalised for comparison, the TSIG secret `registryd init` wrote, free loopback ports, and
// domains created over XRP.
#include "common/eppobjectcommands.h"
#include "common/xrpcommandfixture.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QUdpSocket>

#include <algorithm>
#include <optional>

namespace testsupport::dnsxfr {

struct ToolRun
{
    int exitCode = -1;
    QString output;   // stdout and stderr
};

inline ToolRun run(const QString &tool, const QStringList &arguments, int timeoutMs = 30000)
{
    ToolRun r;
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty()) {
        r.output = tool + QStringLiteral(" is not installed (installer/debian-packages.txt)");
        return r;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.output = tool + QStringLiteral(" did not finish: ") + QString::fromLocal8Bit(p.readAll());
        return r;
    }
    r.exitCode = p.exitCode();
    r.output = QString::fromLocal8Bit(p.readAll());
    return r;
}

// The secret of the key `registryd init` wrote to DIR/dns/tsig.key.
inline QString tsigSecret(const QString &dataDir, const QString &keyName = QStringLiteral("registry-xfr"))
{
    QFile file(dataDir + QStringLiteral("/dns/tsig.key"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromLatin1(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        const QStringList fields = line.simplified().split(u' ');
        if (fields.size() == 3 && fields.at(0) == keyName)
            return fields.at(2);
    }
    return {};
}

inline QStringList kdigArguments(quint16 port, const QString &keySpec = {})
{
    // +noidn: under a UTF-8 locale kdig would print A-labels as Unicode, unlike the master file.
    QStringList a{QStringLiteral("@127.0.0.1"), QStringLiteral("-p"), QString::number(port), QStringLiteral("+retry=0"),
                  QStringLiteral("+timeout=5"), QStringLiteral("+noidn")};
    if (!keySpec.isEmpty())
        a << QStringLiteral("-y") << keySpec;
    return a;
}

// Resource records of master-file or kdig text, one normalised string each: "owner ttl TYPE rdata"
// with names lower-cased, single spaces, the class dropped. Comments, directives and blank lines
// are skipped; parenthesised continuation lines are joined; a missing TTL takes $TTL's.
inline QStringList normalisedRecords(const QString &text)
{
    QStringList out;
    QString pending;
    int depth = 0;
    QString defaultTtl;
    for (QString line : text.split(u'\n')) {
        // kdig and the export never put ';' inside RDATA of the types a TLD zone holds.
        if (const qsizetype c = line.indexOf(u';'); c >= 0)
            line.truncate(c);
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(u'$')) {
            const QStringList d = line.simplified().split(u' ');
            if (d.size() == 2 && d.at(0) == u"$TTL")
                defaultTtl = d.at(1);
            continue;
        }
        depth += int(line.count(u'(')) - int(line.count(u')'));
        pending += u' ' + line;
        if (depth > 0)
            continue;
        pending.remove(u'(').remove(u')');
        QStringList f = pending.simplified().split(u' ');
        pending.clear();
        depth = 0;
        if (f.size() < 3)
            continue;
        bool numeric = false;
        f.at(1).toUInt(&numeric);
        if (!numeric)
            f.insert(1, defaultTtl);
        if (f.size() > 3 && (f.at(2) == u"ANY" || f.at(2) == u"CLASS255") && f.at(3) == u"TSIG")
            continue;   // kdig shows each message's signature as a record
        if (f.size() > 2 && (f.at(2) == u"IN"))
            f.removeAt(2);
        out << f.join(u' ').toLower();
    }
    return out;
}

// The SOA serial a server gives for zone, or nullopt.
inline std::optional<std::uint32_t> soaSerial(quint16 port, const QString &zone)
{
    const ToolRun r = run(QStringLiteral("kdig"), kdigArguments(port) << QStringLiteral("+short") << zone << QStringLiteral("SOA"), 15000);
    const QStringList f = r.output.simplified().split(u' ');
    if (r.exitCode != 0 || f.size() != 7)
        return std::nullopt;
    bool ok = false;
    const std::uint32_t serial = f.at(2).toUInt(&ok);
    return ok ? std::optional<std::uint32_t>(serial) : std::nullopt;
}

// The NS names a server gives for a delegated name (its referral), sorted; empty when none.
inline QStringList delegation(quint16 port, const QString &name)
{
    const ToolRun r = run(QStringLiteral("kdig"), kdigArguments(port) << QStringLiteral("+norec") << name << QStringLiteral("NS"), 15000);
    QStringList ns;
    for (const QString &record : normalisedRecords(r.output)) {
        const QStringList f = record.split(u' ');
        if (f.size() == 4 && f.at(2) == u"ns" && f.at(0) == name.toLower())
            ns << f.at(3);
    }
    ns.sort();
    return ns;
}

// A loopback port free for both UDP and TCP at the moment of asking.
inline quint16 freePort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QUdpSocket udp;
        if (!udp.bind(QHostAddress::LocalHost, 0))
            continue;
        QTcpServer tcp;
        if (tcp.listen(QHostAddress::LocalHost, udp.localPort()))
            return udp.localPort();
    }
    return 0;
}

// Creates (once per fixture) a contact and an external name server host, then delegations.
class RegistryChanges
{
public:
    explicit RegistryChanges(xrp::XrpCommandFixture &fx) : m_fx(fx), m_session(fx) {}

    QString open()
    {
        QString error;
        if (!m_session.open(0, 1, xrp::allExtensions, &error))
            return error;
        if (int code = xrp::resultCode(m_session.send(xrp::cmd::contactCreate("xfr-holder"))); code != 1000)
            return QStringLiteral("contact create: %1").arg(code);
        for (const char *host : {"ns1.transfer-test.net", "ns2.transfer-test.net"}) {
            if (int code = xrp::resultCode(m_session.send(xrp::cmd::hostCreate(host))); code != 1000)
                return QStringLiteral("host create %1: %2").arg(QString::fromLatin1(host)).arg(code);
        }
        return {};
    }
    // A new delegation to ns1.transfer-test.net; the EPP result code.
    int createDomain(const QByteArray &name)
    {
        return xrp::resultCode(m_session.send(xrp::cmd::domainCreate(name, "xfr-holder", "Xfr-pw-12", {"ns1.transfer-test.net"})));
    }
    // Adds ns2.transfer-test.net to a delegation.
    int addNameServer(const QByteArray &name)
    {
        return xrp::resultCode(
            m_session.send(xrp::cmd::domainUpdate(name, "<domain:ns><domain:hostObj>ns2.transfer-test.net</domain:hostObj></domain:ns>")));
    }

private:
    xrp::XrpCommandFixture &m_fx;
    xrp::XrpTestSession m_session;
};

} // namespace testsupport::dnsxfr
