// The SNMP poller against a real snmpd: v2c and v3 metrics, an agent that stops and returns, wrong
// credentials reported as what they are, and a dead device that does not delay a live one.
#include "common/snmpdserver.h"

#include "monitor/snmppoller.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace reg;
using namespace reg::monitor;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(reg::monitor::PollError)

class tst_SnmpPoller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void v2cMetricsArrive();
    void v3MetricsArrive_data();
    void v3MetricsArrive();
    void stoppedAgentTimesOutThenRecovers();
    void wrongCommunityIsATimeout();
    void wrongV3CredentialsAreAnAuthenticationFailure_data();
    void wrongV3CredentialsAreAnAuthenticationFailure();
    void deadDeviceDoesNotDelayTheOthers();
    void targetsChangeAtRunTime();

private:
    SnmpTarget v2cTarget(qint64 id) const;
    SnmpTarget v3Target(qint64 id) const;
    // Collects results on this thread (queued from the poller thread).
    struct Collector
    {
        QList<PollResult> results;
        QList<PollResult> of(qint64 id) const
        {
            QList<PollResult> found;
            for (const PollResult &r : results)
                if (r.deviceId == id)
                    found.append(r);
            return found;
        }
    };
    void collect(SnmpPoller &poller, Collector &collector)
    {
        connect(&poller, &SnmpPoller::polled, this, [&collector](const PollResult &r) { collector.results.append(r); });
    }

    testsupport::SnmpdServer m_snmpd;
    ManualClock m_clock;
};

SnmpTarget tst_SnmpPoller::v2cTarget(qint64 id) const
{
    SnmpTarget t;
    t.deviceId = id;
    t.address = QHostAddress::LocalHost;
    t.port = m_snmpd.port();
    t.credentials.version = SnmpVersion::V2c;
    t.credentials.community = m_snmpd.community();
    t.timeoutMs = 700;
    t.retries = 1;
    t.intervalSecs = 1;
    return t;
}

SnmpTarget tst_SnmpPoller::v3Target(qint64 id) const
{
    SnmpTarget t = v2cTarget(id);
    t.credentials = {};
    t.credentials.version = SnmpVersion::V3;
    t.credentials.user = m_snmpd.v3User();
    t.credentials.level = SnmpSecurityLevel::AuthPriv;
    t.credentials.auth = SnmpAuthProtocol::Sha1;
    t.credentials.authPassphrase = m_snmpd.v3AuthPassphrase();
    t.credentials.priv = SnmpPrivProtocol::Aes128;
    t.credentials.privPassphrase = m_snmpd.v3PrivPassphrase();
    return t;
}

namespace {

// Fixed disks (hrStorageFixedDisk) with a non-zero size in the agent's hrStorageTable, as Debian's
// snmpwalk reads them; -1 if it cannot.
int fixedDisksListedBy(const testsupport::SnmpdServer &snmpd)
{
    QProcess walk;
    walk.start(u"snmpwalk"_s, {u"-v2c"_s, u"-c"_s, QString::fromLatin1(snmpd.community()), u"-On"_s, u"-Oe"_s,
                               u"127.0.0.1:%1"_s.arg(snmpd.port()), u"1.3.6.1.2.1.25.2.3.1"_s});
    if (!walk.waitForFinished(15000) || walk.exitStatus() != QProcess::NormalExit || walk.exitCode() != 0)
        return -1;
    QHash<QString, QString> typeOf;
    QHash<QString, qint64> sizeOf;
    static const QRegularExpression line(u"^\\.1\\.3\\.6\\.1\\.2\\.1\\.25\\.2\\.3\\.1\\.(\\d+)\\.(\\d+) = \\w+: (.*)$"_s);
    for (const QString &text : QString::fromUtf8(walk.readAllStandardOutput()).split(u'\n')) {
        const QRegularExpressionMatch m = line.match(text.trimmed());
        if (!m.hasMatch())
            continue;
        if (m.captured(1) == u"2")
            typeOf.insert(m.captured(2), m.captured(3).trimmed());
        else if (m.captured(1) == u"5")
            sizeOf.insert(m.captured(2), m.captured(3).trimmed().toLongLong());
    }
    int disks = 0;
    for (auto it = typeOf.cbegin(); it != typeOf.cend(); ++it) {
        if (it.value() == u".1.3.6.1.2.1.25.2.1.4" && sizeOf.value(it.key()) > 0)
            ++disks;
    }
    return disks;
}

} // namespace

void tst_SnmpPoller::initTestCase()
{
    QString error;
    QVERIFY2(m_snmpd.start(&error), qPrintable(error));
}

void tst_SnmpPoller::v2cMetricsArrive()
{
    SnmpPoller poller(m_clock, {256, false});
    Collector collector;
    collect(poller, collector);
    poller.upsertTarget(v2cTarget(1));
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(collector.of(1).size() >= 2, 15000);
    const PollResult first = collector.of(1).at(0);
    QVERIFY2(first.ok(), qPrintable(first.errorDetail));
    QVERIFY(first.reachable);
    QVERIFY(first.roundTripMs >= 0);
    QVERIFY(first.sysUpTime && *first.sysUpTime > 0);
    QCOMPARE(first.polledAt, m_clock.now());
    QVERIFY(first.memoryUsedPercent && *first.memoryUsedPercent > 0 && *first.memoryUsedPercent <= 100);
    // What disks there are depends on the machine (a container may have none): net-snmp's own
    // snmpwalk says how many fixed disks with a size the agent lists, and the poller must find them all.
    const int walkedDisks = fixedDisksListedBy(m_snmpd);
    QVERIFY2(walkedDisks >= 0, "snmpwalk (Debian package snmp) failed");
    QCOMPARE(first.disks.size(), walkedDisks);
    for (const StorageUsage &disk : first.disks)
        QVERIFY(disk.sizeBytes > 0 && disk.usedPercent >= 0 && disk.usedPercent <= 100);
    const auto lo = std::find_if(first.interfaces.cbegin(), first.interfaces.cend(),
                                 [](const InterfaceStatus &i) { return i.name == u"lo"_s; });
    QVERIFY(lo != first.interfaces.cend());
    QCOMPARE(lo->operStatus, 1);
    QCOMPARE(lo->adminStatus, 1);
    QVERIFY(lo->inOctets && lo->outOctets);
    QVERIFY(!lo->inBps);   // the first poll has nothing to compare with

    // snmpd caches the interface table for a few seconds: wait for a poll that sees lo count on.
    const auto loOf = [](const PollResult &r) {
        const auto it = std::find_if(r.interfaces.cbegin(), r.interfaces.cend(),
                                     [](const InterfaceStatus &i) { return i.name == u"lo"_s; });
        return it == r.interfaces.cend() ? InterfaceStatus() : *it;
    };
    QTRY_VERIFY_WITH_TIMEOUT(loOf(collector.of(1).constLast()).inOctets.value_or(0) > *lo->inOctets, 20000);
    const PollResult later = collector.of(1).constLast();
    QVERIFY2(later.ok(), qPrintable(later.errorDetail));
    QVERIFY(*later.sysUpTime >= *first.sysUpTime);
    QVERIFY(!later.restarted);
    const InterfaceStatus lo2 = loOf(later);
    QVERIFY(lo2.inBps && *lo2.inBps > 0);   // our own polls cross the loopback
    QVERIFY(lo2.outBps && *lo2.outBps > 0);
    if (lo2.speedBps == 0)
        QVERIFY(!lo2.utilisationPercent);
}

void tst_SnmpPoller::v3MetricsArrive_data()
{
    QTest::addColumn<bool>("sha256");
    QTest::newRow("SHA-AES") << false;
    QTest::newRow("SHA-256-AES") << true;
}

void tst_SnmpPoller::v3MetricsArrive()
{
    QFETCH(bool, sha256);
    SnmpTarget target = v3Target(2);
    if (sha256) {
        target.credentials.user = m_snmpd.v3Sha256User();
        target.credentials.auth = SnmpAuthProtocol::Sha256;
        target.credentials.authPassphrase = m_snmpd.v3Sha256AuthPassphrase();
        target.credentials.privPassphrase = m_snmpd.v3Sha256PrivPassphrase();
    }
    SnmpPoller poller(m_clock, {256, false});
    Collector collector;
    collect(poller, collector);
    poller.upsertTarget(target);
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(collector.of(2).size() >= 2, 15000);
    for (const PollResult &r : collector.of(2)) {
        QVERIFY2(r.ok(), qPrintable(pollErrorName(r.error) + u": "_s + r.errorDetail));
        QVERIFY(r.sysUpTime);
        QVERIFY(!r.interfaces.isEmpty());
        QVERIFY(r.memoryUsedPercent);
    }
}

void tst_SnmpPoller::stoppedAgentTimesOutThenRecovers()
{
    SnmpPoller poller(m_clock, {256, false});
    Collector collector;
    collect(poller, collector);
    SnmpTarget target = v2cTarget(3);
    target.timeoutMs = 300;
    target.retries = 0;
    poller.upsertTarget(target);
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(!collector.of(3).isEmpty(), 15000);
    QVERIFY(collector.of(3).constLast().ok());

    m_snmpd.stop();
    collector.results.clear();
    QTRY_VERIFY_WITH_TIMEOUT(collector.of(3).size() >= 2 && !collector.of(3).constLast().ok(), 15000);
    const PollResult down = collector.of(3).constLast();
    QCOMPARE(down.error, PollError::Timeout);
    QVERIFY(!down.reachable);
    QCOMPARE(down.roundTripMs, -1);

    QString error;
    QVERIFY2(m_snmpd.start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(collector.of(3).constLast().ok(), 15000);
    const PollResult back = collector.of(3).constLast();
    QVERIFY(back.reachable && back.sysUpTime);
    // A restarted agent counts again from zero: reported as a restart, and no bogus traffic rate.
    QVERIFY(back.restarted);
    for (const InterfaceStatus &i : back.interfaces)
        QVERIFY(!i.inBps && !i.outBps);
}

void tst_SnmpPoller::wrongCommunityIsATimeout()
{
    SnmpPoller poller(m_clock, {256, false});
    Collector collector;
    collect(poller, collector);
    SnmpTarget target = v2cTarget(4);
    target.credentials.community = "not-the-community";
    target.timeoutMs = 300;
    target.retries = 0;
    poller.upsertTarget(target);
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(!collector.of(4).isEmpty(), 15000);
    QCOMPARE(collector.of(4).at(0).error, PollError::Timeout);
    QVERIFY(collector.of(4).at(0).errorDetail.contains(u"community"_s));
}

void tst_SnmpPoller::wrongV3CredentialsAreAnAuthenticationFailure_data()
{
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("authPassphrase");
    QTest::addColumn<QByteArray>("privPassphrase");
    QTest::addColumn<PollError>("expected");
    QTest::newRow("wrong-auth-passphrase") << QByteArray("noc-sha") << QByteArray("not-the-passphrase")
                                           << QByteArray("priv-pass-aes1") << PollError::AuthenticationFailure;
    QTest::newRow("unknown-user") << QByteArray("nobody-here") << QByteArray("auth-pass-sha1") << QByteArray("priv-pass-aes1")
                                  << PollError::AuthenticationFailure;
    // AES with a wrong key decrypts to garbage that snmpd drops as unparsable, without a report:
    // on the wire that is silence, so a time-out that names the privacy key as a possible cause.
    QTest::newRow("wrong-priv-passphrase") << QByteArray("noc-sha") << QByteArray("auth-pass-sha1")
                                           << QByteArray("not-the-passphrase") << PollError::Timeout;
}

void tst_SnmpPoller::wrongV3CredentialsAreAnAuthenticationFailure()
{
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, authPassphrase);
    QFETCH(QByteArray, privPassphrase);
    QFETCH(PollError, expected);
    SnmpPoller poller(m_clock, {256, false});
    Collector collector;
    collect(poller, collector);
    // A correct v3 poll first, so net-snmp's caches hold good keys for this engine: they must not mask the wrong ones.
    poller.upsertTarget(v3Target(5));
    SnmpTarget wrong = v3Target(6);
    wrong.credentials.user = user;
    wrong.credentials.authPassphrase = authPassphrase;
    wrong.credentials.privPassphrase = privPassphrase;
    wrong.timeoutMs = 500;
    wrong.retries = 0;
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(!collector.of(5).isEmpty(), 15000);
    QVERIFY(collector.of(5).at(0).ok());
    poller.upsertTarget(wrong);
    QTRY_VERIFY_WITH_TIMEOUT(!collector.of(6).isEmpty(), 15000);
    const PollResult r = collector.of(6).at(0);
    QVERIFY2(r.error == expected, qPrintable(pollErrorName(r.error) + u": "_s + r.errorDetail));
    if (expected == PollError::Timeout)
        QVERIFY(r.errorDetail.contains(u"privacy key"_s));
    QVERIFY(!r.errorDetail.contains(QString::fromLatin1(authPassphrase)));
    QVERIFY(collector.of(5).constLast().ok());
}

void tst_SnmpPoller::deadDeviceDoesNotDelayTheOthers()
{
    // A device that never answers: a bound UDP socket nobody reads.
    QUdpSocket blackHole;
    QVERIFY(blackHole.bind(QHostAddress::LocalHost, 0));
    SnmpPoller poller(m_clock, {256, false});
    Collector collector;
    collect(poller, collector);
    SnmpTarget dead = v2cTarget(7);
    dead.port = blackHole.localPort();
    dead.timeoutMs = 4000;
    dead.retries = 1;
    dead.intervalSecs = 60;
    SnmpTarget live = v2cTarget(8);
    live.intervalSecs = 60;
    poller.setTargets({dead, live});
    QElapsedTimer timer;
    timer.start();
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(!collector.of(8).isEmpty(), 15000);
    QVERIFY(collector.of(8).at(0).ok());
    QVERIFY(collector.of(7).isEmpty());      // still waiting on its 2 x 4 s
    QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
    QTRY_VERIFY_WITH_TIMEOUT(!collector.of(7).isEmpty(), 20000);
    QCOMPARE(collector.of(7).at(0).error, PollError::Timeout);
}

void tst_SnmpPoller::targetsChangeAtRunTime()
{
    SnmpPoller poller(m_clock, {256, false});
    Collector collector;
    collect(poller, collector);
    poller.start();
    poller.upsertTarget(v2cTarget(9));
    QTRY_VERIFY_WITH_TIMEOUT(!collector.of(9).isEmpty(), 15000);
    QCOMPARE(poller.targetCount(), 1);
    SnmpTarget changed = v2cTarget(9);
    changed.credentials.community = "wrong-now";
    changed.timeoutMs = 300;
    changed.retries = 0;
    poller.upsertTarget(changed);
    QTRY_VERIFY_WITH_TIMEOUT(collector.of(9).constLast().error == PollError::Timeout, 15000);
    poller.removeTarget(9);
    QCOMPARE(poller.targetCount(), 0);
    QTest::qWait(500);   // a poll already in flight may still report once
    const qsizetype after = collector.of(9).size();
    QTest::qWait(2500);
    QCOMPARE(collector.of(9).size(), after);
}

QTEST_GUILESS_MAIN(tst_SnmpPoller)
#include "tst_snmppoller.moc"
