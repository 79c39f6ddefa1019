// The trap receiver against Debian's snmptrap: v2c and v3 traps decoded and mapped at once, bad
// communities and v3 keys dropped and counted, a burst rate-limited, and the trap log kept bounded.
#include "common/snmpdserver.h"
#include "monitor/traplog.h"
#include "monitor/trapreceiver.h"

#include "store/connection.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace reg;
using namespace reg::monitor;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kCommunity = "trap-community-test";
const QByteArray kEngineId = "8000000001020304aa";
const QByteArray kUser = "noc-trap";
const QByteArray kAuth = "trap-auth-pass";
const QByteArray kPriv = "trap-priv-pass";
}

class tst_TrapReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void v2cLinkDownArrivesDecodedAndMapped();
    void v3ColdStartArrivesDecodedAndMapped();
    void v2cInformIsAnswered();
    void badCommunityIsDroppedAndCounted();
    void wrongV3KeyIsDroppedAndCounted();
    void burstIsRateLimited();
    void trapLogKeepsAndPrunes();

private:
    TrapReceiverOptions options() const;
    bool snmptrap(const QStringList &arguments, QString *output = nullptr, const QString &command = u"snmptrap"_s);
    QStringList v3Arguments(const QByteArray &authPassphrase) const;

    QTemporaryDir m_dir;
    ManualClock m_clock;
    quint16 m_port = 0;
    std::unique_ptr<TrapReceiver> m_receiver;
    QList<TrapRecord> m_traps;
    QList<TrapEvent> m_events;
};

TrapReceiverOptions tst_TrapReceiver::options() const
{
    TrapReceiverOptions o;
    o.port = 0;
    o.communities = {kCommunity};
    TrapUser user;
    user.user = kUser;
    user.engineId = QByteArray::fromHex(kEngineId);
    user.authPassphrase = kAuth;
    user.privPassphrase = kPriv;
    o.users = {user};
    return o;
}

bool tst_TrapReceiver::snmptrap(const QStringList &arguments, QString *output, const QString &command)
{
    return testsupport::runSnmpTool(command, arguments, m_dir.filePath(u"client"_s), output);
}

QStringList tst_TrapReceiver::v3Arguments(const QByteArray &authPassphrase) const
{
    return {u"-v3"_s, u"-e"_s, u"0x"_s + QString::fromLatin1(kEngineId), u"-u"_s, QString::fromLatin1(kUser),
            u"-l"_s, u"authPriv"_s, u"-a"_s, u"SHA"_s, u"-A"_s, QString::fromLatin1(authPassphrase),
            u"-x"_s, u"AES"_s, u"-X"_s, QString::fromLatin1(kPriv), u"127.0.0.1:%1"_s.arg(m_port)};
}

void tst_TrapReceiver::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_receiver = std::make_unique<TrapReceiver>(m_clock, options());
    connect(m_receiver.get(), &TrapReceiver::trapReceived, this, [this](const TrapRecord &t) { m_traps.append(t); });
    connect(m_receiver.get(), &TrapReceiver::trapEvent, this, [this](const TrapEvent &e) { m_events.append(e); });
    const Result<void> started = m_receiver->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().message));
    m_port = m_receiver->port();
    QVERIFY(m_port != 0);
}

void tst_TrapReceiver::v2cLinkDownArrivesDecodedAndMapped()
{
    m_traps.clear();
    m_events.clear();
    QString output;
    QVERIFY2(snmptrap({u"-v2c"_s, u"-c"_s, QString::fromLatin1(kCommunity), u"127.0.0.1:%1"_s.arg(m_port), u"123"_s,
                       u"1.3.6.1.6.3.1.1.5.3"_s, u"1.3.6.1.2.1.2.2.1.1.2"_s, u"i"_s, u"2"_s,
                       u"1.3.6.1.2.1.2.2.1.7.2"_s, u"i"_s, u"1"_s, u"1.3.6.1.2.1.2.2.1.8.2"_s, u"i"_s, u"2"_s,
                       u"1.3.6.1.2.1.2.2.1.2.2"_s, u"s"_s, u"eth1 \"uplink\""_s},
                      &output),
             qPrintable(output));
    QTRY_COMPARE_WITH_TIMEOUT(m_traps.size(), 1, 5000);
    const TrapRecord trap = m_traps.at(0);
    QCOMPARE(trap.version, u"2c"_s);
    QCOMPARE(trap.source, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(trap.trapOid, u"1.3.6.1.6.3.1.1.5.3"_s);
    QCOMPARE(trap.receivedAt, m_clock.now());
    QVERIFY(trap.securityName.isEmpty());
    QVERIFY(!trap.varbinds.contains(QString::fromLatin1(kCommunity)));
    QCOMPARE(trap.varbinds, u"1.3.6.1.2.1.2.2.1.1.2=2\n1.3.6.1.2.1.2.2.1.7.2=1\n1.3.6.1.2.1.2.2.1.8.2=2\n"
                             "1.3.6.1.2.1.2.2.1.2.2=\"eth1 \\\"uplink\\\"\""_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 1, 5000);
    QCOMPARE(m_events.at(0).action, TrapEvent::Action::Raise);
    QCOMPARE(m_events.at(0).alarm, u"link-down:2"_s);
    QCOMPARE(m_events.at(0).source, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(trap.event && trap.event->alarm == u"link-down:2"_s);
}

void tst_TrapReceiver::v3ColdStartArrivesDecodedAndMapped()
{
    m_traps.clear();
    m_events.clear();
    QString output;
    QVERIFY2(snmptrap(v3Arguments(kAuth) + QStringList{u""_s, u"1.3.6.1.6.3.1.1.5.1"_s}, &output), qPrintable(output));
    QTRY_COMPARE_WITH_TIMEOUT(m_traps.size(), 1, 5000);
    QCOMPARE(m_traps.at(0).version, u"3"_s);
    QCOMPARE(m_traps.at(0).securityName, QString::fromLatin1(kUser));
    QCOMPARE(m_traps.at(0).trapOid, u"1.3.6.1.6.3.1.1.5.1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 1, 5000);
    QCOMPARE(m_events.at(0).alarm, u"restart"_s);
}

void tst_TrapReceiver::v2cInformIsAnswered()
{
    m_traps.clear();
    const qint64 answered = m_receiver->counters().informsAnswered;
    QString output;
    // snmpinform waits for our response: it fails (time-out) if the inform is not answered.
    QVERIFY2(snmptrap({u"-v2c"_s, u"-c"_s, QString::fromLatin1(kCommunity), u"-t"_s, u"2"_s, u"-r"_s, u"1"_s,
                       u"127.0.0.1:%1"_s.arg(m_port), u""_s, u"1.3.6.1.6.3.1.1.5.4"_s, u"1.3.6.1.2.1.2.2.1.1.2"_s, u"i"_s, u"2"_s},
                      &output, u"snmpinform"_s),
             qPrintable(output));
    QTRY_COMPARE_WITH_TIMEOUT(m_traps.size(), 1, 5000);
    QVERIFY(m_traps.at(0).inform);
    QCOMPARE(m_traps.at(0).event->action, TrapEvent::Action::Clear);
    QCOMPARE(m_receiver->counters().informsAnswered, answered + 1);
}

void tst_TrapReceiver::badCommunityIsDroppedAndCounted()
{
    m_traps.clear();
    const qint64 before = m_receiver->counters().unknownCommunity;
    QVERIFY(snmptrap({u"-v2c"_s, u"-c"_s, u"guessed"_s, u"127.0.0.1:%1"_s.arg(m_port), u""_s, u"1.3.6.1.6.3.1.1.5.3"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->counters().unknownCommunity, before + 1, 5000);
    QTest::qWait(200);
    QVERIFY(m_traps.isEmpty());
}

void tst_TrapReceiver::wrongV3KeyIsDroppedAndCounted()
{
    m_traps.clear();
    const qint64 before = m_receiver->counters().v3Rejected;
    QVERIFY(snmptrap(v3Arguments("not-the-auth-pass") + QStringList{u""_s, u"1.3.6.1.6.3.1.1.5.1"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(m_receiver->counters().v3Rejected > before, 5000);
    QTest::qWait(200);
    QVERIFY(m_traps.isEmpty());
    // A user name alone (noAuthNoPriv) is not enough either.
    const qint64 afterWrongKey = m_receiver->counters().v3Rejected;
    QVERIFY(snmptrap({u"-v3"_s, u"-e"_s, u"0x"_s + QString::fromLatin1(kEngineId), u"-u"_s, QString::fromLatin1(kUser),
                      u"-l"_s, u"noAuthNoPriv"_s, u"127.0.0.1:%1"_s.arg(m_port), u""_s, u"1.3.6.1.6.3.1.1.5.1"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(m_receiver->counters().v3Rejected > afterWrongKey, 5000);
    QVERIFY(m_traps.isEmpty());
}

void tst_TrapReceiver::burstIsRateLimited()
{
    TrapReceiverOptions limited = options();
    limited.rateLimits.perSourceBurst = 5;
    limited.rateLimits.perSourcePerSecond = 0.001;
    TrapReceiver receiver(m_clock, limited);   // the manual clock stands still: no refill
    QList<TrapRecord> traps;
    connect(&receiver, &TrapReceiver::trapReceived, this, [&traps](const TrapRecord &t) { traps.append(t); });
    QVERIFY(receiver.start());
    for (int i = 0; i < 12; ++i)
        QVERIFY(snmptrap({u"-v2c"_s, u"-c"_s, QString::fromLatin1(kCommunity), u"127.0.0.1:%1"_s.arg(receiver.port()), u""_s,
                          u"1.3.6.1.6.3.1.1.5.3"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(receiver.counters().accepted + receiver.counters().rateLimited, 12, 5000);
    QCOMPARE(receiver.counters().accepted, 5);
    QCOMPARE(receiver.counters().rateLimited, 7);
    QTRY_COMPARE_WITH_TIMEOUT(traps.size(), 5, 5000);
    // After a while the source may send again.
    m_clock.advance(3600 * 1000);
    QVERIFY(snmptrap({u"-v2c"_s, u"-c"_s, QString::fromLatin1(kCommunity), u"127.0.0.1:%1"_s.arg(receiver.port()), u""_s,
                      u"1.3.6.1.6.3.1.1.5.3"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(traps.size(), 6, 5000);
}

void tst_TrapReceiver::trapLogKeepsAndPrunes()
{
    store::StoreOptions storeOptions;
    storeOptions.databaseFile = m_dir.filePath(u"registry.db"_s);
    storeOptions.create = true;
    auto opened = store::Store::open(storeOptions, m_clock);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    std::unique_ptr<store::Store> store = std::move(*opened);
    TrapLog log(*store, m_clock, {30, 3});
    int appended = 0;
    connect(&log, &TrapLog::appended, this, [&appended] { ++appended; });
    connect(m_receiver.get(), &TrapReceiver::trapReceived, &log, &TrapLog::append);

    m_clock.advance(-40LL * 24 * 3600 * 1000);   // an old trap, beyond the 30-day retention
    QVERIFY(snmptrap({u"-v2c"_s, u"-c"_s, QString::fromLatin1(kCommunity), u"127.0.0.1:%1"_s.arg(m_port), u""_s,
                      u"1.3.6.1.4.1.99999.0.1"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(appended, 1, 5000);
    m_clock.advance(40LL * 24 * 3600 * 1000);
    for (int i = 0; i < 4; ++i)
        QVERIFY(snmptrap({u"-v2c"_s, u"-c"_s, QString::fromLatin1(kCommunity), u"127.0.0.1:%1"_s.arg(m_port), u""_s,
                          u"1.3.6.1.6.3.1.1.5.3"_s, u"1.3.6.1.2.1.2.2.1.1.%1"_s.arg(i + 1), u"i"_s, QString::number(i + 1)}));
    QTRY_COMPARE_WITH_TIMEOUT(appended, 5, 5000);

    auto reader = store->openReader();
    QVERIFY(reader);
    auto rows = TrapLog::recent(**reader, 100);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 5);
    QCOMPARE(rows->at(0).event, u"raise major link-down:4"_s);
    QCOMPARE(rows->at(0).trap.version, u"2c"_s);
    QCOMPARE(rows->constLast().trap.trapOid, u"1.3.6.1.4.1.99999.0.1"_s);
    QCOMPARE(rows->constLast().event, QString());

    qint64 pruned = -1;
    connect(&log, &TrapLog::pruned, this, [&pruned](qint64 n) { pruned = n; });
    log.prune();
    QTRY_COMPARE_WITH_TIMEOUT(pruned, 2, 5000);   // the old one by age, then one over the 3-row bound
    rows = TrapLog::recent(**reader, 100);
    QCOMPARE(rows->size(), 3);
    QCOMPARE(rows->at(0).event, u"raise major link-down:4"_s);
    QCOMPARE(rows->at(2).event, u"raise major link-down:2"_s);
    disconnect(m_receiver.get(), &TrapReceiver::trapReceived, &log, &TrapLog::append);
    store->close();
}

QTEST_GUILESS_MAIN(tst_TrapReceiver)
#include "tst_trapreceiver.moc"
