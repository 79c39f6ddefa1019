// The monitor service's evaluation of SNMP polls: which subjects a poll observes and how, the
// alarms that follow through a real AlarmEngine (hysteresis from [monitor]), device staleness by
// the contract's rule, and the trap communities file's checks. Time from a ManualClock.
#include "monitor/alarmengine.h"
#include "monitor/devicestatetable.h"
#include "monitor/monitorsettings.h"
#include "monitor/pollevaluator.h"

#include "core/clock.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace reg;
using namespace reg::monitor;
using namespace Qt::StringLiterals;

namespace {

MonitorConfig config()
{
    MonitorConfig c;
    c.raiseAfter = 2;
    c.clearAfter = 1;
    return c;
}

PollResult goodPoll(const ManualClock &clock, qint64 device = 17)
{
    PollResult r;
    r.deviceId = device;
    r.polledAt = clock.now();
    r.reachable = true;
    r.roundTripMs = 3;
    r.sysUpTime = 1000;
    InterfaceStatus up;
    up.index = 1;
    up.name = u"eth0"_s;
    up.adminStatus = 1;
    up.operStatus = 1;
    InterfaceStatus down = up;
    down.index = 2;
    down.name = u"eth1"_s;
    down.operStatus = 2;
    InterfaceStatus shut = down;
    shut.index = 3;
    shut.name = u"eth2"_s;
    shut.adminStatus = 2;
    r.interfaces = {up, down, shut};
    r.cpuLoadPercent = 12;
    r.memoryUsedPercent = 50;
    r.disks = {StorageUsage{31, u"/"_s, 100, 96, 96.0}};
    return r;
}

PollResult timeoutPoll(const ManualClock &clock, qint64 device = 17)
{
    PollResult r;
    r.deviceId = device;
    r.polledAt = clock.now();
    r.error = PollError::Timeout;
    return r;
}

const Observation *find(const QList<Observation> &list, const QString &component)
{
    for (const Observation &o : list) {
        if (o.subject.component == component)
            return &o;
    }
    return nullptr;
}

} // namespace

class tst_PollEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodPollObservesEverySubject()
    {
        ManualClock clock;
        const PollEvaluator evaluator(MonitorSettings::thresholds(config()));
        const QList<Observation> out = evaluator.evaluate(goodPoll(clock));
        QVERIFY(find(out, QString()) && !find(out, QString())->outcome.failing);
        QVERIFY(find(out, u"snmp"_s) && !find(out, u"snmp"_s)->outcome.failing);
        QVERIFY(!find(out, u"if:1"_s)->outcome.failing);
        const Observation *down = find(out, u"if:2"_s);
        QVERIFY(down && down->outcome.failing);
        QCOMPARE(down->outcome.severity, Severity::Major);
        QVERIFY2(down->outcome.cause.contains(u"eth1"_s), qPrintable(down->outcome.cause));
        QVERIFY(!find(out, u"if:3"_s)->outcome.failing);   // administratively down: not a failure
        QVERIFY(!find(out, u"cpu"_s)->outcome.failing);
        QVERIFY(!find(out, u"memory"_s)->outcome.failing);
        const Observation *disk = find(out, u"storage:/"_s);
        QVERIFY(disk && disk->outcome.failing);
        QCOMPARE(disk->outcome.severity, Severity::Critical);   // 96 % over the default 95 %
        QCOMPARE(find(out, u"restart"_s)->kind, Observation::Kind::Clear);
        for (const Observation &o : out)
            QCOMPARE(o.subject.deviceId, u"17"_s);
    }

    void silentDeviceObservesOnlyReachability()
    {
        ManualClock clock;
        const PollEvaluator evaluator(MonitorSettings::thresholds(config()));
        const QList<Observation> out = evaluator.evaluate(timeoutPoll(clock));
        QCOMPARE(out.size(), 1);
        QVERIFY(out[0].subject.isReachability());
        QVERIFY(out[0].outcome.failing);
        QCOMPARE(out[0].outcome.severity, Severity::Critical);
        QCOMPARE(out[0].outcome.cause, u"no SNMP answer (timeout)"_s);
    }

    void authenticationFailureIsAnSnmpAlarmNotAnOutage()
    {
        ManualClock clock;
        const PollEvaluator evaluator(MonitorSettings::thresholds(config()));
        PollResult r = timeoutPoll(clock);
        r.error = PollError::AuthenticationFailure;
        r.reachable = true;
        r.errorDetail = u"wrong digest"_s;
        const QList<Observation> out = evaluator.evaluate(r);
        QCOMPARE(out.size(), 2);
        QVERIFY(!find(out, QString())->outcome.failing);
        const Observation *snmp = find(out, u"snmp"_s);
        QVERIFY(snmp->outcome.failing);
        QCOMPARE(snmp->outcome.severity, Severity::Major);
        QVERIFY(snmp->outcome.cause.startsWith(u"SNMPv3 authentication failed"_s));
    }

    void alarmsFollowTheConfiguredHysteresis()
    {
        ManualClock clock;
        const MonitorConfig c = config();
        const PollEvaluator evaluator(MonitorSettings::thresholds(c));
        AlarmEngine engine(clock, nullptr, MonitorSettings::hysteresis(c));
        QList<AlarmChange> changes;
        engine.setChangeHandler([&](const AlarmChange &change) { changes.append(change); });
        const auto poll = [&](const PollResult &r) {
            for (const Observation &o : evaluator.evaluate(r))
                o.applyTo(engine);
            clock.advance(10000);
        };
        poll(timeoutPoll(clock));
        QVERIFY(!engine.activeAlarm(AlarmSubject{u"17"_s, QString()}));   // one lost poll pages nobody
        poll(timeoutPoll(clock));
        const std::optional<Alarm> down = engine.activeAlarm(AlarmSubject{u"17"_s, QString()});
        QVERIFY(down);
        QCOMPARE(down->severity, Severity::Critical);
        QCOMPARE(down->cause, u"no SNMP answer (timeout)"_s);
        poll(goodPoll(clock));   // clear_after 1
        QVERIFY(!engine.activeAlarm(AlarmSubject{u"17"_s, QString()}));
        poll(goodPoll(clock));
        QVERIFY(engine.activeAlarm(AlarmSubject{u"17"_s, u"if:2"_s}));
        QVERIFY(engine.activeAlarm(AlarmSubject{u"17"_s, u"storage:/"_s}));
        QVERIFY(!engine.activeAlarm(AlarmSubject{u"17"_s, u"if:3"_s}));
    }

    void restartIsRaisedAtOnceAndClearedByTheNextGoodPoll()
    {
        ManualClock clock;
        const PollEvaluator evaluator(MonitorSettings::thresholds(config()));
        AlarmEngine engine(clock, nullptr, MonitorSettings::hysteresis(config()));
        PollResult restarted = goodPoll(clock);
        restarted.restarted = true;
        for (const Observation &o : evaluator.evaluate(restarted))
            o.applyTo(engine);
        const std::optional<Alarm> alarm = engine.activeAlarm(AlarmSubject{u"17"_s, u"restart"_s});
        QVERIFY(alarm);
        QCOMPARE(alarm->severity, Severity::Warning);
        clock.advance(60000);
        for (const Observation &o : evaluator.evaluate(goodPoll(clock)))
            o.applyTo(engine);
        QVERIFY(!engine.activeAlarm(AlarmSubject{u"17"_s, u"restart"_s}));
    }

    void cpuAndMemoryThresholdsFromConfiguration()
    {
        ManualClock clock;
        MonitorConfig c = config();
        c.cpuWarning = 50;
        c.cpuCritical = 60;
        const PollEvaluator evaluator(MonitorSettings::thresholds(c));
        PollResult r = goodPoll(clock);
        r.cpuLoadPercent = 55;
        r.memoryUsedPercent = 99;
        const QList<Observation> out = evaluator.evaluate(r);
        QCOMPARE(find(out, u"cpu"_s)->outcome.severity, Severity::Warning);
        QVERIFY(find(out, u"cpu"_s)->outcome.failing);
        QCOMPARE(find(out, u"memory"_s)->outcome.severity, Severity::Critical);
        QCOMPARE(find(out, u"cpu"_s)->outcome.hysteresis->raiseAfter, 2);
    }

    void staleAfterTwoAndAHalfIntervals()
    {
        ManualClock clock;
        DeviceStateTable table;
        SnmpTarget target;
        target.deviceId = 17;
        target.intervalSecs = 10;
        target.timeoutMs = 1000;
        target.retries = 1;
        table.track(target, clock.now());
        clock.advance(11000);
        QVERIFY(!table.isStale(17, clock.now()));   // one interval plus the poll's 2 s budget
        clock.advance(1500);
        QVERIFY(table.isStale(17, clock.now()));   // never polled in time
        QVERIFY(table.record(goodPoll(clock)));
        QVERIFY(!table.isStale(17, clock.now()));
        clock.advance(25000);
        QVERIFY(!table.isStale(17, clock.now()));
        clock.advance(1);
        QVERIFY(table.isStale(17, clock.now()));
        QVERIFY(!table.record(goodPoll(clock, 99)));   // not a target: ignored
        table.forget(17);
        QVERIFY(!table.find(17));
    }

    void communitiesFileMustBePrivateAndSane()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"communities"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# trap communities\nnoc-traps-1\n\n  second-one  \n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        Result<QList<QByteArray>> communities = MonitorSettings::readCommunities(path);
        QVERIFY2(communities, communities ? "" : qPrintable(communities.error().message));
        QCOMPARE(*communities, (QList<QByteArray>{"noc-traps-1", "second-one"}));

        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
        QVERIFY(!MonitorSettings::readCommunities(path));
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("with space secret\n");
        file.close();
        const Result<QList<QByteArray>> bad = MonitorSettings::readCommunities(path);
        QVERIFY(!bad);
        QVERIFY2(!bad.error().message.contains(u"secret"_s), qPrintable(bad.error().message));   // never echoed
        QVERIFY(!MonitorSettings::readCommunities(dir.filePath(u"missing"_s)));
    }

    void trapUsersFileIsParsedAndNeverEchoed()
    {
        const QByteArray content = "# v3 trap senders\n"
                                   "noc-trap 0x8000000001020304 authPriv SHA-256 auth-pass-123 AES priv-pass-456\n"
                                   "\n"
                                   "ups-1 80001f8880aabbccdd authNoPriv SHA auth-only-789\n";
        const Result<QList<TrapUser>> users = MonitorSettings::parseTrapUsers(content, u"users"_s);
        QVERIFY2(users, users ? "" : qPrintable(users.error().message));
        QCOMPARE(users->size(), 2);
        const TrapUser &first = users->at(0);
        QCOMPARE(first.user, QByteArray("noc-trap"));
        QCOMPARE(first.engineId, QByteArray::fromHex("8000000001020304"));
        QCOMPARE(first.level, SnmpSecurityLevel::AuthPriv);
        QCOMPARE(first.auth, SnmpAuthProtocol::Sha256);
        QCOMPARE(first.authPassphrase, QByteArray("auth-pass-123"));
        QCOMPARE(first.priv, SnmpPrivProtocol::Aes128);
        QCOMPARE(first.privPassphrase, QByteArray("priv-pass-456"));
        QCOMPARE(users->at(1).level, SnmpSecurityLevel::AuthNoPriv);
        QCOMPARE(users->at(1).priv, SnmpPrivProtocol::None);

        // Each refusal names the line and never repeats a passphrase.
        const QList<QByteArray> bad{
            "u 0x8000000001020304 noAuthNoPriv SHA secret-pass-1\n",                  // unauthenticated
            "u 0x8000000001020304 authPriv SHA secret-pass-1\n",                      // priv missing
            "u 0x8000000001020304 authNoPriv SHA secret-pass-1 AES secret-pass-2\n",  // priv on authNoPriv
            "u 0x80000000 authNoPriv SHA secret-pass-1\n",                            // engine id too short
            "u 0x800000000102030 authNoPriv SHA secret-pass-1\n",                     // odd digits
            "u 0x8000000001020304 authNoPriv MD5 secret-pass-1\n",                    // MD5 is not offered
            "u 0x8000000001020304 authNoPriv SHA short\n",                            // passphrase too short
            "u 0x8000000001020304 authPriv SHA secret-pass-1 DES secret-pass-2\n",    // DES is not offered
            "bad/name 0x8000000001020304 authNoPriv SHA secret-pass-1\n",
        };
        for (const QByteArray &line : bad) {
            const Result<QList<TrapUser>> refused = MonitorSettings::parseTrapUsers("# first\n" + line, u"users"_s);
            QVERIFY2(!refused, line.constData());
            QVERIFY2(refused.error().message.startsWith(u"users:2: "_s), qPrintable(refused.error().message));
            QVERIFY2(!refused.error().message.contains(u"secret-pass"_s), qPrintable(refused.error().message));
        }

        QTemporaryDir dir;
        const QString path = dir.filePath(u"users"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        QVERIFY(!MonitorSettings::readTrapUsers(path));   // readable by others: refused
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(MonitorSettings::readTrapUsers(path)->size(), 2);
    }

    void badTrapRuleRefusedAtStart()
    {
        MonitorConfig c = config();
        c.trapRules = {u"1.3.6.1.4.1.2021.251.1 raise critical ups-on-battery"_s};
        QVERIFY(MonitorSettings::trapReceiverOptions(c));
        c.trapRules = {u"not.an.oid raise critical x"_s};
        QVERIFY(!MonitorSettings::trapReceiverOptions(c));
    }
};

QTEST_GUILESS_MAIN(tst_PollEvaluator)
#include "tst_pollevaluator.moc"
