// The authoritative DNS server end to end: a real registryd from `init --demo` serving the
// "example" zone, delegations made over XRP (EPP) by a demo registrar, and the answers checked
// with the Debian peers dig and kdig (their own parsers read our packets) and with raw packets
// from QUdpSocket/QTcpSocket where a tool cannot send what the test needs.
#include "common/eppobjectcommands.h"
#include "common/xrpcommandfixture.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace testsupport::xrp;

namespace {

constexpr int Alpha = 0;
const QByteArray kDelegated = "deleg-test.example";   // two in-bailiwick servers, one outside, a DS
const QByteArray kBig = "big-glue.example";            // ten in-bailiwick servers with A and AAAA
const QByteArray kOutsideHost = "ns.dns-provider.net";
const int kBigServers = 10;

// One record line of dig/kdig output, whitespace-normalised: owner ttl class type rdata...
struct Record
{
    QString owner;
    qint64 ttl = -1;
    QString type;
    QString rdata;
};

// What dig or kdig printed for one query.
struct ToolAnswer
{
    bool ran = false;
    QString status;      // NOERROR, NXDOMAIN, REFUSED, BADVERS ...
    QStringList flags;   // qr aa tc rd ...
    QList<Record> answer, authority, additional;
    int ednsUdp = -1;    // the OPT record's payload size; -1 when the answer had none
    QString text;

    bool has(const QString &flag) const { return flags.contains(flag); }
    QStringList types(const QList<Record> &section) const
    {
        QStringList t;
        for (const Record &r : section)
            t << r.type;
        return t;
    }
};

ToolAnswer parseToolOutput(const QString &out)
{
    ToolAnswer a;
    a.ran = true;
    a.text = out;
    static const QRegularExpression status(QStringLiteral("status: ([A-Z]+)"));
    static const QRegularExpression flags(QStringLiteral("^;; [Ff]lags: ([a-z ]*);"), QRegularExpression::MultilineOption);
    static const QRegularExpression udp(QStringLiteral("(?:udp: |UDP size: )(\\d+)"));
    a.status = status.match(out).captured(1);
    a.flags = flags.match(out).captured(1).split(u' ', Qt::SkipEmptyParts);
    if (const QRegularExpressionMatch m = udp.match(out); m.hasMatch())
        a.ednsUdp = m.captured(1).toInt();
    QList<Record> *section = nullptr;
    for (const QString &rawLine : out.split(u'\n')) {
        const QString line = rawLine.trimmed();
        if (line.startsWith(QStringLiteral(";; ANSWER SECTION")))
            section = &a.answer;
        else if (line.startsWith(QStringLiteral(";; AUTHORITY SECTION")))
            section = &a.authority;
        else if (line.startsWith(QStringLiteral(";; ADDITIONAL SECTION")))
            section = &a.additional;
        else if (line.isEmpty() || line.startsWith(u';'))
            section = line.isEmpty() ? nullptr : section;
        else if (section) {
            const QStringList f = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            if (f.size() >= 4)
                section->append({f[0], f[1].toLongLong(), f[3], f.mid(4).join(u' ')});
        }
    }
    return a;
}

// Raw DNS messages for what the tools cannot send (garbage, other opcodes, exact EDNS sizes).
QByteArray wireName(const QByteArray &dotted)
{
    QByteArray wire;
    for (const QByteArray &label : dotted.split('.')) {
        if (label.isEmpty())
            continue;
        wire += char(label.size());
        wire += label;
    }
    return wire + '\0';
}

QByteArray rawQuery(quint16 id, const QByteArray &name, quint16 type, int ednsSize = -1, quint8 opcode = 0)
{
    QByteArray q;
    q += char(id >> 8);
    q += char(id & 0xFF);
    q += char(opcode << 3);
    q += '\0';
    q += QByteArray::fromHex("0001 0000 0000").replace(' ', "");
    q += ednsSize >= 0 ? QByteArray::fromHex("0001") : QByteArray::fromHex("0000");
    q += wireName(name);
    q += char(type >> 8);
    q += char(type & 0xFF);
    q += QByteArray::fromHex("0001");
    if (ednsSize >= 0) {
        q += '\0';                                        // root owner
        q += QByteArray::fromHex("0029");                 // OPT
        q += char(ednsSize >> 8);
        q += char(ednsSize & 0xFF);
        q += QByteArray::fromHex("00000000 0000").replace(' ', "");   // ext-rcode, version, flags, rdlength
    }
    return q;
}

struct Header
{
    quint16 id = 0;
    quint16 flags = 0;
    int rcode = -1;
    int an = 0, ns = 0, ar = 0;
    bool tc() const { return flags & 0x0200; }
    bool aa() const { return flags & 0x0400; }
};

Header header(const QByteArray &m)
{
    Header h;
    if (m.size() < 12)
        return h;
    auto u16 = [&](int at) { return quint16(quint8(m[at]) << 8 | quint8(m[at + 1])); };
    h.id = u16(0);
    h.flags = u16(2);
    h.rcode = h.flags & 0x0F;
    h.an = u16(6);
    h.ns = u16(8);
    h.ar = u16(10);
    return h;
}

QByteArray framed(const QByteArray &m)
{
    return QByteArray(1, char(m.size() >> 8)) + char(m.size() & 0xFF) + m;
}

// Reads one length-prefixed message from a TCP socket; empty on time-out or close.
QByteArray readFramed(QTcpSocket &socket, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    while (socket.bytesAvailable() < 2) {
        if (socket.state() != QAbstractSocket::ConnectedState || t.elapsed() > timeoutMs || !socket.waitForReadyRead(int(timeoutMs - t.elapsed())))
            if (socket.bytesAvailable() < 2)
                return {};
    }
    const QByteArray prefix = socket.peek(2);
    const int length = quint8(prefix[0]) << 8 | quint8(prefix[1]);
    while (socket.bytesAvailable() < 2 + length) {
        if (t.elapsed() > timeoutMs || !socket.waitForReadyRead(int(timeoutMs - t.elapsed())))
            if (socket.bytesAvailable() < 2 + length)
                return {};
    }
    socket.read(2);
    return socket.read(length);
}

} // namespace

class tst_DnsServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void apexSoaAndNsAreAuthoritative_data();
    void apexSoaAndNsAreAuthoritative();
    void referralCarriesNsAndGlueWithoutAa_data();
    void referralCarriesNsAndGlueWithoutAa();
    void dsAtTheCutIsAnsweredByTheParent();
    void nxdomainAndNodataCarryTheSoa_data();
    void nxdomainAndNodataCarryTheSoa();
    void refusesNamesOutsideAndOtherClasses();
    void preservesTheCaseOfTheQuestion();
    void answersFormerrToGarbageAndIgnoresRunts();
    void answersNotimpToOtherOpcodes();
    void answersBadversToEdnsVersionOne();
    void truncatesOverUdpThenTcpIsComplete_data();
    void truncatesOverUdpThenTcpIsComplete();
    void honoursTheClientsEdnsBufferSize();
    void answersPipelinedTcpQueries();
    void closesIdleTcpConnections();
    void refusesConnectionsOverThePerAddressLimit();
    void xrpChangeReachesTheZoneQuickly();
    void clientHoldAndDeleteMakeTheNameNxdomain();
    void rateLimitingDropsAndSlips();

private:
    ToolAnswer ask(const QString &tool, const QString &name, const QString &type, const QStringList &options = {});
    QByteArray udpExchange(const QByteArray &query, int timeoutMs = 5000);
    QByteArray tcpExchange(const QByteArray &query);
    // Polls over TCP (not rate limited) until the answer for name/NS has rcode and, for NOERROR,
    // is a referral; the milliseconds it took, or -1 after timeoutMs.
    qint64 waitForReferralState(const QByteArray &name, bool delegated, int timeoutMs);
    quint16 dnsPort() const { return m_fx.engine.port(QStringLiteral("dns")); }

    XrpCommandFixture m_fx;
    std::unique_ptr<XrpTestSession> m_session;
    quint16 m_nextId = 0x1000;
};

void tst_DnsServer::initTestCase()
{
    for (const char *tool : {"dig", "kdig"})
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(), tool);
    const QString dns = QStringLiteral("dns");
    m_fx.engine.setConfigValue(dns, QStringLiteral("nameservers"), QStringLiteral("a.nic.example 192.0.2.53 2001:db8::53, ns2.registry.invalid"));
    m_fx.engine.setConfigValue(dns, QStringLiteral("soa_minimum"), QStringLiteral("5m"));
    m_fx.engine.setConfigValue(dns, QStringLiteral("soa_ttl"), QStringLiteral("15m"));
    m_fx.engine.setConfigValue(dns, QStringLiteral("udp_threads"), QStringLiteral("2"));
    m_fx.engine.setConfigValue(dns, QStringLiteral("tcp_idle_timeout"), QStringLiteral("3s"));
    m_fx.engine.setConfigValue(dns, QStringLiteral("max_tcp_connections_per_address"), QStringLiteral("4"));
    m_fx.engine.setConfigValue(dns, QStringLiteral("max_udp_payload"), QStringLiteral("1232"));
    // Low enough for the last test to reach it, high enough that no other test does (they ask
    // each name a few times; polling goes over TCP, which is never limited).
    m_fx.engine.setConfigValue(dns, QStringLiteral("rrl_responses_per_second"), QStringLiteral("10"));
    m_fx.engine.setConfigValue(dns, QStringLiteral("rrl_slip"), QStringLiteral("2"));
    const QString why = m_fx.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY2(dnsPort() != 0, "ready.json lists no dns port");

    m_session = std::make_unique<XrpTestSession>(m_fx);
    QString error;
    QVERIFY2(m_session->open(Alpha, 1, allExtensions, &error), qPrintable(error));
    XrpTestSession &s = *m_session;
    XRP_CHECK(s.send(cmd::contactCreate("dns-holder")), 1000);
    XRP_CHECK(s.send(cmd::hostCreate(kOutsideHost)), 1000);

    // deleg-test: created with a DS, then its own servers (which need the domain), then delegated.
    XRP_CHECK(s.send(cmd::domainCreate(kDelegated, "dns-holder", "Secret-pw-1"),
                     cmd::secDnsCreate(cmd::dsData(12345, "2BB183AF5F22588179A53B0A98631FAD1A292118"
                                                          "2BB183AF5F22588179A53B0A"))), 1000);
    XRP_CHECK(s.send(cmd::hostCreate("ns1." + kDelegated, cmd::hostAddr("185.10.2.1") + cmd::hostAddr("2a01:4f8::1", "v6"))), 1000);
    XRP_CHECK(s.send(cmd::hostCreate("ns2." + kDelegated, cmd::hostAddr("185.10.2.2"))), 1000);
    XRP_CHECK(s.send(cmd::domainUpdate(kDelegated, "<domain:ns>" + cmd::tag("domain:hostObj", "ns1." + kDelegated)
                                                       + cmd::tag("domain:hostObj", "ns2." + kDelegated)
                                                       + cmd::tag("domain:hostObj", kOutsideHost) + "</domain:ns>")), 1000);

    XRP_CHECK(s.send(cmd::domainCreate(kBig, "dns-holder", "Secret-pw-1")), 1000);
    QByteArray ns = "<domain:ns>";
    for (int i = 1; i <= kBigServers; ++i) {
        const QByteArray host = "ns" + QByteArray::number(i) + '.' + kBig;
        XRP_CHECK(s.send(cmd::hostCreate(host, cmd::hostAddr("185.20.100." + QByteArray::number(i))
                                                   + cmd::hostAddr("2a01:4f8:100::" + QByteArray::number(i), "v6"))), 1000);
        ns += cmd::tag("domain:hostObj", host);
    }
    XRP_CHECK(s.send(cmd::domainUpdate(kBig, ns + "</domain:ns>")), 1000);

    QVERIFY2(waitForReferralState(kDelegated, true, 10000) >= 0, "deleg-test.example never became a referral");
    QVERIFY2(waitForReferralState(kBig, true, 10000) >= 0, "big-glue.example never became a referral");
}

void tst_DnsServer::cleanupTestCase()
{
    m_session.reset();
    QCOMPARE(m_fx.engine.stop(), 0);   // a clean stop: every DNS thread joined
}

ToolAnswer tst_DnsServer::ask(const QString &tool, const QString &name, const QString &type, const QStringList &options)
{
    QStringList args{QStringLiteral("@127.0.0.1"), QStringLiteral("-p"), QString::number(dnsPort()), QStringLiteral("+norec")};
    if (tool == u"dig")
        args << QStringLiteral("+tries=1") << QStringLiteral("+time=3");
    else
        args << QStringLiteral("+retry=0") << QStringLiteral("+timeout=3");
    args << options << name << type;
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(20000))
        return {};
    ToolAnswer a = parseToolOutput(QString::fromUtf8(p.readAllStandardOutput()));
    a.ran = p.exitStatus() == QProcess::NormalExit;
    return a;
}

QByteArray tst_DnsServer::udpExchange(const QByteArray &query, int timeoutMs)
{
    QUdpSocket socket;
    if (!socket.bind(QHostAddress::LocalHost, 0))
        return {};
    socket.writeDatagram(query, QHostAddress::LocalHost, dnsPort());
    if (!socket.waitForReadyRead(timeoutMs))
        return {};
    QByteArray answer(int(socket.pendingDatagramSize()), '\0');
    socket.readDatagram(answer.data(), answer.size());
    return answer;
}

QByteArray tst_DnsServer::tcpExchange(const QByteArray &query)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, dnsPort());
    if (!socket.waitForConnected(10000))
        return {};
    socket.write(framed(query));
    return readFramed(socket);
}

qint64 tst_DnsServer::waitForReferralState(const QByteArray &name, bool delegated, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const Header h = header(tcpExchange(rawQuery(++m_nextId, name, 2 /* NS */)));
        const bool isReferral = h.rcode == 0 && !h.aa() && h.ns > 0 && h.an == 0;
        const bool isNxdomain = h.rcode == 3;
        if ((delegated && isReferral) || (!delegated && isNxdomain))
            return timer.elapsed();
        QTest::qWait(20);
    }
    return -1;
}

void tst_DnsServer::apexSoaAndNsAreAuthoritative_data()
{
    QTest::addColumn<QString>("tool");
    QTest::newRow("dig") << QStringLiteral("dig");
    QTest::newRow("kdig") << QStringLiteral("kdig");
}

void tst_DnsServer::apexSoaAndNsAreAuthoritative()
{
    QFETCH(QString, tool);
    const ToolAnswer soa = ask(tool, QStringLiteral("example."), QStringLiteral("SOA"));
    QVERIFY2(soa.ran, qPrintable(soa.text));
    QCOMPARE(soa.status, QStringLiteral("NOERROR"));
    QVERIFY2(soa.has(QStringLiteral("aa")) && !soa.has(QStringLiteral("ra")), qPrintable(soa.text));
    QCOMPARE(soa.answer.size(), 1);
    QCOMPARE(soa.answer[0].type, QStringLiteral("SOA"));
    QCOMPARE(soa.answer[0].ttl, qint64(900));
    QVERIFY2(soa.answer[0].rdata.startsWith(QStringLiteral("a.nic.example. hostmaster.")), qPrintable(soa.text));

    const ToolAnswer ns = ask(tool, QStringLiteral("example."), QStringLiteral("NS"));
    QCOMPARE(ns.status, QStringLiteral("NOERROR"));
    QVERIFY(ns.has(QStringLiteral("aa")));
    QStringList targets;
    for (const Record &r : ns.answer)
        targets << r.rdata;
    targets.sort();
    QCOMPARE(targets, (QStringList{QStringLiteral("a.nic.example."), QStringLiteral("ns2.registry.invalid.")}));
    // The in-zone server's addresses come along; the out-of-zone one has none here.
    QCOMPARE(ns.types(ns.additional).filter(QRegularExpression(QStringLiteral("^(A|AAAA)$"))).size(), 2);

    // The in-zone address of an apex server is answered authoritatively.
    const ToolAnswer a = ask(tool, QStringLiteral("a.nic.example."), QStringLiteral("A"));
    QCOMPARE(a.status, QStringLiteral("NOERROR"));
    QVERIFY(a.has(QStringLiteral("aa")));
    QCOMPARE(a.answer.size(), 1);
    QCOMPARE(a.answer[0].rdata, QStringLiteral("192.0.2.53"));
}

void tst_DnsServer::referralCarriesNsAndGlueWithoutAa_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::newRow("dig at the cut") << QStringLiteral("dig") << QStringLiteral("deleg-test.example.") << QStringLiteral("NS");
    QTest::newRow("kdig at the cut") << QStringLiteral("kdig") << QStringLiteral("deleg-test.example.") << QStringLiteral("NS");
    QTest::newRow("dig below the cut") << QStringLiteral("dig") << QStringLiteral("www.deleg-test.example.") << QStringLiteral("A");
    QTest::newRow("kdig glue name itself") << QStringLiteral("kdig") << QStringLiteral("ns1.deleg-test.example.") << QStringLiteral("A");
    QTest::newRow("dig ANY at the cut") << QStringLiteral("dig") << QStringLiteral("deleg-test.example.") << QStringLiteral("ANY");
}

void tst_DnsServer::referralCarriesNsAndGlueWithoutAa()
{
    QFETCH(QString, tool);
    QFETCH(QString, name);
    QFETCH(QString, type);
    const ToolAnswer r = ask(tool, name, type);
    QVERIFY2(r.ran, qPrintable(r.text));
    QCOMPARE(r.status, QStringLiteral("NOERROR"));
    QVERIFY2(!r.has(QStringLiteral("aa")), qPrintable(r.text));
    QVERIFY2(r.answer.isEmpty(), qPrintable(r.text));
    QStringList ns;
    for (const Record &rec : r.authority) {
        QCOMPARE(rec.type, QStringLiteral("NS"));
        QCOMPARE(rec.owner, QStringLiteral("deleg-test.example."));
        ns << rec.rdata;
    }
    ns.sort();
    QCOMPARE(ns, (QStringList{QStringLiteral("ns.dns-provider.net."), QStringLiteral("ns1.deleg-test.example."),
                              QStringLiteral("ns2.deleg-test.example.")}));
    QStringList glue;
    for (const Record &rec : r.additional) {
        if (rec.type == u"A" || rec.type == u"AAAA")
            glue << rec.owner + u' ' + rec.type + u' ' + rec.rdata;
    }
    glue.sort();
    QCOMPARE(glue, (QStringList{QStringLiteral("ns1.deleg-test.example. A 185.10.2.1"), QStringLiteral("ns1.deleg-test.example. AAAA 2a01:4f8::1"),
                                QStringLiteral("ns2.deleg-test.example. A 185.10.2.2")}));
}

void tst_DnsServer::dsAtTheCutIsAnsweredByTheParent()
{
    const ToolAnswer ds = ask(QStringLiteral("dig"), QStringLiteral("deleg-test.example."), QStringLiteral("DS"));
    QCOMPARE(ds.status, QStringLiteral("NOERROR"));
    QVERIFY2(ds.has(QStringLiteral("aa")), qPrintable(ds.text));
    QCOMPARE(ds.answer.size(), 1);
    QCOMPARE(ds.answer[0].type, QStringLiteral("DS"));
    QVERIFY2(ds.answer[0].rdata.startsWith(QStringLiteral("12345 13 2 ")), qPrintable(ds.text));

    // No DS: NODATA from the parent, with its SOA, still authoritative (never a referral).
    const ToolAnswer none = ask(QStringLiteral("kdig"), QStringLiteral("big-glue.example."), QStringLiteral("DS"));
    QCOMPARE(none.status, QStringLiteral("NOERROR"));
    QVERIFY2(none.has(QStringLiteral("aa")), qPrintable(none.text));
    QVERIFY(none.answer.isEmpty());
    QCOMPARE(none.types(none.authority), QStringList{QStringLiteral("SOA")});
}

void tst_DnsServer::nxdomainAndNodataCarryTheSoa_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("status");
    QTest::newRow("dig nxdomain") << QStringLiteral("dig") << QStringLiteral("no-such-name-4711.example.") << QStringLiteral("A") << QStringLiteral("NXDOMAIN");
    QTest::newRow("kdig nxdomain deep") << QStringLiteral("kdig") << QStringLiteral("a.b.no-such-name-4712.example.") << QStringLiteral("AAAA") << QStringLiteral("NXDOMAIN");
    QTest::newRow("dig nodata at the apex") << QStringLiteral("dig") << QStringLiteral("example.") << QStringLiteral("A") << QStringLiteral("NOERROR");
    QTest::newRow("kdig nodata at a server") << QStringLiteral("kdig") << QStringLiteral("a.nic.example.") << QStringLiteral("MX") << QStringLiteral("NOERROR");
}

void tst_DnsServer::nxdomainAndNodataCarryTheSoa()
{
    QFETCH(QString, tool);
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(QString, status);
    const ToolAnswer r = ask(tool, name, type);
    QCOMPARE(r.status, status);
    QVERIFY2(r.has(QStringLiteral("aa")), qPrintable(r.text));
    QVERIFY(r.answer.isEmpty());
    QCOMPARE(r.authority.size(), 1);
    QCOMPARE(r.authority[0].type, QStringLiteral("SOA"));
    QCOMPARE(r.authority[0].owner, QStringLiteral("example."));
    QCOMPARE(r.authority[0].ttl, qint64(300));   // min(SOA TTL 15m, minimum 5m), RFC 2308
}

void tst_DnsServer::refusesNamesOutsideAndOtherClasses()
{
    const ToolAnswer outside = ask(QStringLiteral("dig"), QStringLiteral("www.example.com."), QStringLiteral("A"));
    QCOMPARE(outside.status, QStringLiteral("REFUSED"));
    QVERIFY(!outside.has(QStringLiteral("aa")));
    QVERIFY(outside.answer.isEmpty() && outside.authority.isEmpty());
    const ToolAnswer root = ask(QStringLiteral("kdig"), QStringLiteral("."), QStringLiteral("NS"));
    QCOMPARE(root.status, QStringLiteral("REFUSED"));
    const ToolAnswer chaos = ask(QStringLiteral("dig"), QStringLiteral("version.bind."), QStringLiteral("TXT"), {QStringLiteral("-c"), QStringLiteral("CH")});
    QCOMPARE(chaos.status, QStringLiteral("REFUSED"));
    // Recursion is never offered, even when asked for.
    const ToolAnswer rd = ask(QStringLiteral("dig"), QStringLiteral("example."), QStringLiteral("SOA"), {QStringLiteral("+rec")});
    QVERIFY(rd.has(QStringLiteral("rd")));
    QVERIFY(!rd.has(QStringLiteral("ra")));
}

void tst_DnsServer::preservesTheCaseOfTheQuestion()
{
    const ToolAnswer r = ask(QStringLiteral("dig"), QStringLiteral("DeLeG-TeSt.ExAmPlE."), QStringLiteral("NS"));
    QCOMPARE(r.status, QStringLiteral("NOERROR"));
    QVERIFY(!r.authority.isEmpty());
    // The NS owner is compressed to the question, so it reads as the client spelled it.
    for (const Record &rec : r.authority)
        QCOMPARE(rec.owner, QStringLiteral("DeLeG-TeSt.ExAmPlE."));
    // (dig, not kdig: kdig lower-cases the names it sends.)
    const ToolAnswer apex = ask(QStringLiteral("dig"), QStringLiteral("eXaMpLe."), QStringLiteral("SOA"));
    QCOMPARE(apex.answer.size(), 1);
    QCOMPARE(apex.answer[0].owner, QStringLiteral("eXaMpLe."));
}

void tst_DnsServer::answersFormerrToGarbageAndIgnoresRunts()
{
    // A readable header with one question whose name runs past the end of the packet.
    const QByteArray garbage = QByteArray::fromHex("beef0000000100000000000007657861") + QByteArray("mpl");
    const QByteArray answer = udpExchange(garbage);
    const Header h = header(answer);
    QCOMPARE(h.id, quint16(0xBEEF));
    QCOMPARE(h.rcode, 1);   // FORMERR
    QVERIFY(h.flags & 0x8000);
    // Two questions.
    QByteArray two = rawQuery(0x0B0B, "example", 6);
    two[5] = 2;
    QCOMPARE(header(udpExchange(two)).rcode, 1);
    // Shorter than a header, and a packet with QR set: no answer (no loops with other servers).
    QVERIFY(udpExchange(QByteArray::fromHex("0102030405"), 1500).isEmpty());
    QByteArray response = rawQuery(0x0C0C, "example", 6);
    response[2] = char(0x80);
    QVERIFY(udpExchange(response, 1500).isEmpty());
    // Still answering.
    QCOMPARE(header(udpExchange(rawQuery(0x0D0D, "example", 6))).rcode, 0);
}

void tst_DnsServer::answersNotimpToOtherOpcodes()
{
    for (quint8 opcode : {quint8(2) /* STATUS */, quint8(4) /* NOTIFY */, quint8(5) /* UPDATE */}) {
        const Header h = header(udpExchange(rawQuery(0x2200 + opcode, "example", 6, -1, opcode)));
        QCOMPARE(h.id, quint16(0x2200 + opcode));
        QCOMPARE(h.rcode, 4);   // NOTIMP
        QCOMPARE((h.flags >> 11) & 0x0F, int(opcode));
    }
}

void tst_DnsServer::answersBadversToEdnsVersionOne()
{
    const ToolAnswer dig = ask(QStringLiteral("dig"), QStringLiteral("example."), QStringLiteral("SOA"), {QStringLiteral("+edns=1"), QStringLiteral("+noednsnegotiation")});
    QCOMPARE(dig.status, QStringLiteral("BADVERS"));
    QVERIFY(dig.answer.isEmpty());
    const ToolAnswer kdig = ask(QStringLiteral("kdig"), QStringLiteral("example."), QStringLiteral("SOA"), {QStringLiteral("+edns=1")});
    QCOMPARE(kdig.status, QStringLiteral("BADVERS"));
}

void tst_DnsServer::truncatesOverUdpThenTcpIsComplete_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("ignoreTc");
    QTest::newRow("dig") << QStringLiteral("dig") << QStringLiteral("+ignore");
    QTest::newRow("kdig") << QStringLiteral("kdig") << QStringLiteral("+ignore");
}

void tst_DnsServer::truncatesOverUdpThenTcpIsComplete()
{
    QFETCH(QString, tool);
    QFETCH(QString, ignoreTc);
    const QString name = QString::fromLatin1(kBig) + u'.';
    // Ten servers with A and AAAA glue need about 700 bytes: over 512 the referral cannot go
    // without its required glue, so it is truncated.
    const ToolAnswer udp = ask(tool, name, QStringLiteral("NS"), {QStringLiteral("+bufsize=512"), ignoreTc});
    QCOMPARE(udp.status, QStringLiteral("NOERROR"));
    QVERIFY2(udp.has(QStringLiteral("tc")), qPrintable(udp.text));

    const ToolAnswer tcp = ask(tool, name, QStringLiteral("NS"), {QStringLiteral("+tcp")});
    QCOMPARE(tcp.status, QStringLiteral("NOERROR"));
    QVERIFY2(!tcp.has(QStringLiteral("tc")), qPrintable(tcp.text));
    QCOMPARE(tcp.authority.size(), kBigServers);
    QCOMPARE(tcp.types(tcp.additional).count(QStringLiteral("A")), kBigServers);
    QCOMPARE(tcp.types(tcp.additional).count(QStringLiteral("AAAA")), kBigServers);
}

void tst_DnsServer::honoursTheClientsEdnsBufferSize()
{
    const QByteArray full = tcpExchange(rawQuery(0x3001, kBig, 2, 1232));
    QVERIFY(full.size() > 600 && full.size() <= 1232);   // the premise of this test

    const QByteArray small = udpExchange(rawQuery(0x3002, kBig, 2, 600));
    QVERIFY(header(small).tc());
    QVERIFY(small.size() <= 600);
    const QByteArray enough = udpExchange(rawQuery(0x3003, kBig, 2, 1232));
    QVERIFY(!header(enough).tc());
    QCOMPARE(enough.size(), full.size());
    // Below 512 counts as 512; without EDNS the limit is 512 too.
    const QByteArray tiny = udpExchange(rawQuery(0x3004, kBig, 2, 100));
    QVERIFY(header(tiny).tc());
    QVERIFY(tiny.size() <= 512);
    const QByteArray plain = udpExchange(rawQuery(0x3005, kBig, 2));
    QVERIFY(header(plain).tc());
    QCOMPARE(header(plain).ar, 0);   // no OPT in an answer to a query without one
    // The OPT we send advertises our own limit (max_udp_payload).
    const ToolAnswer dig = ask(QStringLiteral("dig"), QStringLiteral("example."), QStringLiteral("SOA"), {QStringLiteral("+bufsize=4096")});
    QCOMPARE(dig.ednsUdp, 1232);
}

void tst_DnsServer::answersPipelinedTcpQueries()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, dnsPort());
    QVERIFY(socket.waitForConnected(10000));
    const QList<QByteArray> names{"example", kDelegated, "nothing-here-77.example", kBig, "a.nic.example", "example.com"};
    const QList<int> rcodes{0, 0, 3, 0, 0, 5};
    QByteArray all;
    for (int i = 0; i < names.size(); ++i)
        all += framed(rawQuery(quint16(0x4000 + i), names[i], i == 4 ? 1 : 2));
    socket.write(all);   // every query before reading any answer
    for (int i = 0; i < names.size(); ++i) {
        const Header h = header(readFramed(socket));
        QCOMPARE(h.id, quint16(0x4000 + i));
        QCOMPARE(h.rcode, rcodes[i]);
    }
}

void tst_DnsServer::closesIdleTcpConnections()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, dnsPort());
    QVERIFY(socket.waitForConnected(10000));
    socket.write(framed(rawQuery(0x5001, "example", 6)));
    QCOMPARE(header(readFramed(socket)).id, quint16(0x5001));
    // tcp_idle_timeout is 3 s here.
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 15000);

    // Half a message and silence is idle too (no slow-loris).
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, dnsPort());
    QVERIFY(slow.waitForConnected(10000));
    slow.write(framed(rawQuery(0x5002, "example", 6)).left(7));
    QTRY_VERIFY_WITH_TIMEOUT(slow.state() == QAbstractSocket::UnconnectedState, 15000);
}

void tst_DnsServer::refusesConnectionsOverThePerAddressLimit()
{
    std::vector<std::unique_ptr<QTcpSocket>> open;
    for (int i = 0; i < 4; ++i) {
        open.push_back(std::make_unique<QTcpSocket>());
        open.back()->connectToHost(QHostAddress::LocalHost, dnsPort());
        QVERIFY(open.back()->waitForConnected(10000));
        open.back()->write(framed(rawQuery(quint16(0x6000 + i), "example", 6)));
        QCOMPARE(header(readFramed(*open.back())).id, quint16(0x6000 + i));
    }
    // The fifth from 127.0.0.1 is closed without an answer.
    QTcpSocket fifth;
    fifth.connectToHost(QHostAddress::LocalHost, dnsPort());
    QVERIFY(fifth.waitForConnected(10000));
    fifth.write(framed(rawQuery(0x6005, "example", 6)));
    QVERIFY(readFramed(fifth, 10000).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(fifth.state() == QAbstractSocket::UnconnectedState, 10000);

    // Another address is not affected.
    QTcpSocket other;
    QVERIFY(other.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
    other.connectToHost(QHostAddress::LocalHost, dnsPort());
    QVERIFY(other.waitForConnected(10000));
    other.write(framed(rawQuery(0x6006, "example", 6)));
    QCOMPARE(header(readFramed(other)).id, quint16(0x6006));

    // Once the four close, 127.0.0.1 is welcome again (the server notices the closes on its own time).
    open.clear();
    QTRY_VERIFY_WITH_TIMEOUT(header(tcpExchange(rawQuery(0x6007, "example", 6))).id == 0x6007, 10000);
}

void tst_DnsServer::xrpChangeReachesTheZoneQuickly()
{
    const QByteArray name = "fresh-delegation.example";
    QCOMPARE(header(tcpExchange(rawQuery(0x7001, name, 2))).rcode, 3);
    XrpTestSession &s = *m_session;
    XRP_CHECK(s.send(cmd::domainCreate(name, "dns-holder", "Secret-pw-1", {kOutsideHost})), 1000);
    const qint64 delay = waitForReferralState(name, true, 5000);
    QVERIFY2(delay >= 0, "the new delegation did not appear within 5 s");
    qInfo("a domain created over XRP answered with its referral %lld ms after the create's answer", qlonglong(delay));
    const ToolAnswer r = ask(QStringLiteral("dig"), QString::fromLatin1(name) + u'.', QStringLiteral("NS"));
    QCOMPARE(r.authority.size(), 1);
    QCOMPARE(r.authority[0].rdata, QStringLiteral("ns.dns-provider.net."));
}

void tst_DnsServer::clientHoldAndDeleteMakeTheNameNxdomain()
{
    XrpTestSession &s = *m_session;
    const ToolAnswer before = ask(QStringLiteral("dig"), QStringLiteral("example."), QStringLiteral("SOA"));
    QCOMPARE(before.answer.size(), 1);
    const QString serialBefore = before.answer[0].rdata.split(u' ').value(2);

    XRP_CHECK(s.send(cmd::domainUpdate(kDelegated, cmd::domainStatus("clientHold"))), 1000);
    const qint64 held = waitForReferralState(kDelegated, false, 5000);
    QVERIFY2(held >= 0, "clientHold did not take the delegation out within 5 s");
    qInfo("clientHold took the delegation out after %lld ms", qlonglong(held));
    // Its glue went with it.
    QCOMPARE(ask(QStringLiteral("dig"), QStringLiteral("ns1.deleg-test.example."), QStringLiteral("A")).status, QStringLiteral("NXDOMAIN"));
    const ToolAnswer after = ask(QStringLiteral("dig"), QStringLiteral("example."), QStringLiteral("SOA"));
    QVERIFY2(after.answer.value(0).rdata.split(u' ').value(2).toLongLong() > serialBefore.toLongLong(), qPrintable(after.text));

    XRP_CHECK(s.send(cmd::domainUpdate(kDelegated, {}, cmd::domainStatus("clientHold"))), 1000);
    QVERIFY2(waitForReferralState(kDelegated, true, 5000) >= 0, "removing clientHold did not bring the delegation back");

    // Deleted inside the add grace period: gone at once.
    XRP_CHECK(s.send(cmd::domainDelete("fresh-delegation.example")), 1000);
    const qint64 deleted = waitForReferralState("fresh-delegation.example", false, 5000);
    QVERIFY2(deleted >= 0, "the deleted domain still answered after 5 s");
    qInfo("a deleted domain became NXDOMAIN after %lld ms", qlonglong(deleted));
}

void tst_DnsServer::rateLimitingDropsAndSlips()
{
    // rrl_responses_per_second = 10, slip 2: a burst of 60 identical queries from one address
    // gets about ten full answers per second, half the rest truncated, the others dropped.
    QUdpSocket socket;
    QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
    const int sent = 60;
    for (int i = 0; i < sent; ++i)
        socket.writeDatagram(rawQuery(quint16(0x8000 + i), "a.nic.example", 1), QHostAddress::LocalHost, dnsPort());
    int full = 0, truncated = 0;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 3000 && full + truncated < sent) {
        if (!socket.hasPendingDatagrams() && !socket.waitForReadyRead(500))
            continue;
        while (socket.hasPendingDatagrams()) {
            QByteArray d(int(socket.pendingDatagramSize()), '\0');
            socket.readDatagram(d.data(), d.size());
            const Header h = header(d);
            if (h.tc()) {
                ++truncated;
                QCOMPARE(h.an, 0);
            } else {
                ++full;
                QCOMPARE(h.an, 1);
            }
        }
    }
    qInfo("RRL: %d queries, %d full answers, %d truncated (slip), %d dropped", sent, full, truncated, sent - full - truncated);
    QVERIFY2(full >= 10 && full <= 30, qPrintable(QString::number(full)));   // at most three seconds' worth
    QVERIFY(truncated >= 5);
    QVERIFY(full + truncated < sent);
    // TCP is never limited: the answer comes whole.
    QCOMPARE(header(tcpExchange(rawQuery(0x8FFF, "a.nic.example", 1))).an, 1);
}

QTEST_MAIN(tst_DnsServer)
#include "tst_dnsserver.moc"
