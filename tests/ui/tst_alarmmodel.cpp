#include "alarmtestdata.h"

#include "ui/alarmfilterproxy.h"
#include "ui/alarmmodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace alarmtest;
using noc::AlarmChangeEvent;
using noc::AlarmFilterProxy;
using noc::AlarmModel;
using noc::AlarmRecord;
using noc::AlarmSeverity;

namespace {

QList<AlarmRecord> records(const QJsonArray &alarms)
{
    QList<AlarmRecord> out;
    for (const QJsonValue &v : alarms)
        out.append(*AlarmRecord::fromJson(v.toObject()));
    return out;
}

AlarmChangeEvent parsedChange(const QJsonObject &json)
{
    const std::optional<AlarmChangeEvent> e = AlarmChangeEvent::fromJson(json);
    Q_ASSERT(e);
    return *e;
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

// The alarm table model and its filter proxy, fed with the contract's JSON, under
// QAbstractItemModelTester: every change kind of the event stream, in place by id.
class tst_AlarmModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void readsTheContractJson()
    {
        QJsonObject json = acknowledged(alarm(7, u"major"_s, u"17"_s, u"if:2"_s));
        QJsonObject ack = json.value(u"acknowledgement"_s).toObject();
        ack.insert(u"expiresAt"_s, u"2026-11-22T02:00:00.000Z"_s);
        json.insert(u"acknowledgement"_s, ack);
        json.insert(u"suppressedBy"_s, u"3"_s);
        const std::optional<AlarmRecord> a = AlarmRecord::fromJson(json);
        QVERIFY(a);
        QCOMPARE(a->id, 7);
        QCOMPARE(a->severity, AlarmSeverity::Major);
        QCOMPARE(a->component, u"if:2"_s);
        QCOMPARE(a->deviceName, u"core-rtr-1"_s);
        QCOMPARE(a->raisedAt, QDateTime(QDate(2026, 11, 21), QTime(22, 40, 5), Qt::UTC));
        QVERIFY(a->isAcknowledged());
        QCOMPARE(a->acknowledgement->expiresAt, QDateTime(QDate(2026, 11, 22), QTime(2, 0), Qt::UTC));
        QVERIFY(a->isSuppressed());
        QVERIFY(!a->wantsAttention());
    }

    void refusesUnreadableAlarms_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QJsonObject noId = alarm(1, u"major"_s);
        noId.remove(u"id"_s);
        QTest::newRow("no id") << noId;
        QTest::newRow("negative id") << alarm(-4, u"major"_s);
        QTest::newRow("unknown severity") << alarm(2, u"apocalyptic"_s);
        QJsonObject badTime = alarm(3, u"minor"_s);
        badTime.insert(u"raisedAt"_s, u"yesterday"_s);
        QTest::newRow("unreadable time") << badTime;
        QTest::newRow("no device") << alarm(4, u"minor"_s, QString());
        QTest::newRow("not an object") << QJsonObject();
    }

    void refusesUnreadableAlarms()
    {
        QFETCH(QJsonObject, json);
        QVERIFY(!AlarmRecord::fromJson(json));
    }

    void showsEveryColumn()
    {
        AlarmModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAlarms(records({alarm(1, u"critical"_s), acknowledged(alarm(2, u"minor"_s, u"18"_s, u"cpu"_s, QString()))}));
        model.setDeviceNames({{u"18"_s, u"ns1-ams"_s}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(AlarmModel::ColumnCount));
        QCOMPARE(cell(model, 0, AlarmModel::SeverityColumn), u"Critical"_s);
        QCOMPARE(cell(model, 0, AlarmModel::DeviceColumn), u"core-rtr-1"_s);
        QCOMPARE(cell(model, 0, AlarmModel::CauseColumn), u"reachability — no answer to SNMP"_s);
        const QDateTime raised(QDate(2026, 11, 21), QTime(22, 40, 5), Qt::UTC);
        QCOMPARE(cell(model, 0, AlarmModel::SinceColumn), QLocale().toString(raised.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s));
        QCOMPARE(cell(model, 0, AlarmModel::SinceColumn, Qt::ToolTipRole), u"2026-11-21T22:40:05Z"_s);
        QCOMPARE(cell(model, 0, AlarmModel::AcknowledgementColumn), QString());
        // The topology's name where the alarm has none; the id only where neither knows it.
        QCOMPARE(cell(model, 1, AlarmModel::DeviceColumn), u"ns1-ams"_s);
        QCOMPARE(cell(model, 1, AlarmModel::CauseColumn), u"CPU — no answer to SNMP"_s);
        QCOMPARE(cell(model, 1, AlarmModel::AcknowledgementColumn), u"alice: on it"_s);
        QCOMPARE(model.index(0, AlarmModel::SeverityColumn).data(AlarmModel::SortRole).toInt(), 4);
        QCOMPARE(model.index(1, AlarmModel::SeverityColumn).data(AlarmModel::SortRole).toInt(), 2);
        QCOMPARE(model.index(0, AlarmModel::SinceColumn).data(AlarmModel::SortRole).toLongLong(), raised.toMSecsSinceEpoch());
        model.setDeviceNames({});
        QCOMPARE(cell(model, 1, AlarmModel::DeviceColumn), u"18"_s);
        QCOMPARE(model.headerData(AlarmModel::SinceColumn, Qt::Horizontal).toString(), u"Since"_s);
    }

    void showsSuppressionAndMaintenance()
    {
        AlarmModel model;
        QJsonObject suppressed = alarm(5, u"critical"_s, u"20"_s);
        suppressed.insert(u"suppressedBy"_s, u"17"_s);
        suppressed.insert(u"summary"_s, u"unreachable behind 17"_s);
        QJsonObject planned = alarm(6, u"major"_s, u"21"_s);
        planned.insert(u"inMaintenance"_s, true);
        model.setAlarms(records({suppressed, planned}));
        model.setDeviceNames({{u"17"_s, u"core-rtr-1"_s}});
        QCOMPARE(cell(model, 0, AlarmModel::StateColumn), u"suppressed by core-rtr-1"_s);
        QCOMPARE(cell(model, 1, AlarmModel::StateColumn), u"in maintenance"_s);
        QVERIFY(model.index(0, 0).data(AlarmModel::QuietRole).toBool());
        QVERIFY(!model.index(0, 0).data(AlarmModel::AttentionRole).toBool());
        QCOMPARE(model.unhandledSevereCount(), 0);
    }

    void appliesEveryChangeKindInPlace_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QJsonObject>("after");
        QTest::addColumn<int>("rowsAfter");
        QTest::addColumn<QString>("severityText");
        QTest::addColumn<QString>("ackText");
        QTest::addColumn<QString>("stateText");
        QTest::addColumn<int>("unhandled");

        const QJsonObject base = alarm(2, u"major"_s);
        QTest::newRow("raised (new id)") << u"raised"_s << alarm(3, u"critical"_s, u"19"_s) << 3 << u"Critical"_s << QString() << QString() << 3;
        QTest::newRow("escalated") << u"escalated"_s << alarm(2, u"critical"_s) << 2 << u"Critical"_s << QString() << QString() << 2;
        QTest::newRow("cleared") << u"cleared"_s << base << 1 << QString() << QString() << QString() << 1;
        QTest::newRow("acknowledged") << u"acknowledged"_s << acknowledged(base) << 2 << u"Major"_s << u"alice: on it"_s << QString() << 1;
        QTest::newRow("unacknowledged") << u"unacknowledged"_s << base << 2 << u"Major"_s << QString() << QString() << 2;
        QTest::newRow("ack-lapsed") << u"ack-lapsed"_s << base << 2 << u"Major"_s << QString() << QString() << 2;
        QJsonObject suppressed = base;
        suppressed.insert(u"suppressedBy"_s, u"9"_s);
        QTest::newRow("suppressed") << u"suppressed"_s << suppressed << 2 << u"Major"_s << QString() << u"suppressed by 9"_s << 1;
        QTest::newRow("unsuppressed") << u"unsuppressed"_s << base << 2 << u"Major"_s << QString() << QString() << 2;
        QJsonObject maintenance = base;
        maintenance.insert(u"inMaintenance"_s, true);
        QTest::newRow("maintenance-started") << u"maintenance-started"_s << maintenance << 2 << u"Major"_s << QString() << u"in maintenance"_s << 1;
        QTest::newRow("maintenance-ended") << u"maintenance-ended"_s << base << 2 << u"Major"_s << QString() << QString() << 2;
    }

    void appliesEveryChangeKindInPlace()
    {
        QFETCH(QString, kind);
        QFETCH(QJsonObject, after);
        QFETCH(int, rowsAfter);
        QFETCH(QString, severityText);
        QFETCH(QString, ackText);
        QFETCH(QString, stateText);
        QFETCH(int, unhandled);

        AlarmModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAlarms(records({alarm(1, u"critical"_s), alarm(2, u"major"_s)}));
        QCOMPARE(model.unhandledSevereCount(), 2);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy counts(&model, &AlarmModel::unhandledSevereCountChanged);

        model.applyChange(parsedChange(change(kind, after)));
        QCOMPARE(resets.count(), 0);   // never a reset per event
        QCOMPARE(model.rowCount(), rowsAfter);
        QCOMPARE(model.unhandledSevereCount(), unhandled);
        QCOMPARE(counts.isEmpty(), unhandled == 2);
        const int row = model.rowOfId(after.value(u"id"_s).toInteger());
        if (severityText.isEmpty()) {
            QCOMPARE(row, -1);
            return;
        }
        QVERIFY(row >= 0);
        QCOMPARE(cell(model, row, AlarmModel::SeverityColumn), severityText);
        QCOMPARE(cell(model, row, AlarmModel::AcknowledgementColumn), ackText);
        QCOMPARE(cell(model, row, AlarmModel::StateColumn), stateText);
    }

    void keepsRowsOrderedById()
    {
        AlarmModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAlarms(records({alarm(9, u"minor"_s), alarm(3, u"minor"_s), alarm(9, u"major"_s)}));
        QCOMPARE(model.rowCount(), 2);   // a duplicate id keeps the later alarm
        QCOMPARE(model.alarm(1).severity, AlarmSeverity::Major);
        model.applyChange(parsedChange(change(u"raised"_s, alarm(5, u"warning"_s))));
        model.applyChange(parsedChange(change(u"raised"_s, alarm(1, u"warning"_s))));
        model.applyChange(parsedChange(change(u"cleared"_s, alarm(42, u"warning"_s))));   // unknown: nothing to remove
        QList<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.append(model.alarm(row).id);
        QCOMPARE(ids, (QList<qint64>{1, 3, 5, 9}));
    }

    void ignoresEventsThatAreNotAlarms()
    {
        QVERIFY(!AlarmChangeEvent::fromJson(QJsonObject{{u"type"_s, u"heartbeat"_s}}));
        QJsonObject broken = change(u"raised"_s, alarm(1, u"major"_s));
        broken.insert(u"alarm"_s, u"not an object"_s);
        QVERIFY(!AlarmChangeEvent::fromJson(broken));
    }

    void filtersBySeverityTextAttentionAndQuiet_data()
    {
        QTest::addColumn<int>("minimum");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("attentionOnly");
        QTest::addColumn<bool>("includeQuiet");
        QTest::addColumn<QList<qint64>>("shown");
        QTest::newRow("everything") << 1 << QString() << false << true << QList<qint64>{1, 2, 3, 4, 5};
        QTest::newRow("major and worse") << 3 << QString() << false << true << QList<qint64>{1, 2, 4, 5};
        QTest::newRow("critical only") << 4 << QString() << false << true << QList<qint64>{1, 4};
        QTest::newRow("text matches the device name") << 1 << u"NS1"_s << false << true << QList<qint64>{3};
        QTest::newRow("text matches the cause") << 1 << u"fan failed"_s << false << true << QList<qint64>{5};
        QTest::newRow("needs attention") << 1 << QString() << true << true << QList<qint64>{1, 3};
        QTest::newRow("without the quiet ones") << 1 << QString() << false << false << QList<qint64>{1, 2, 3};
        QTest::newRow("attention, major, quiet hidden") << 3 << QString() << true << false << QList<qint64>{1};
    }

    void filtersBySeverityTextAttentionAndQuiet()
    {
        QFETCH(int, minimum);
        QFETCH(QString, text);
        QFETCH(bool, attentionOnly);
        QFETCH(bool, includeQuiet);
        QFETCH(QList<qint64>, shown);

        AlarmModel model;
        AlarmFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QJsonObject suppressed = alarm(4, u"critical"_s, u"20"_s);
        suppressed.insert(u"suppressedBy"_s, u"17"_s);
        QJsonObject planned = alarm(5, u"major"_s, u"21"_s, u"storage:/var"_s);
        planned.insert(u"inMaintenance"_s, true);
        planned.insert(u"summary"_s, u"fan failed"_s);
        model.setAlarms(records({alarm(1, u"critical"_s), acknowledged(alarm(2, u"major"_s)),
                                 alarm(3, u"minor"_s, u"18"_s, u"cpu"_s, u"ns1-ams"_s), suppressed, planned}));
        proxy.setMinimumSeverity(AlarmSeverity(minimum));
        proxy.setText(text);
        proxy.setAttentionOnly(attentionOnly);
        proxy.setIncludeQuiet(includeQuiet);
        proxy.sort(AlarmModel::SinceColumn);

        QList<qint64> ids;
        for (int row = 0; row < proxy.rowCount(); ++row)
            ids.append(proxy.index(row, 0).data(AlarmModel::AlarmIdRole).toLongLong());
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, shown);

        // Live changes pass through the filter without a reset of the proxy.
        QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
        model.applyChange(parsedChange(change(u"acknowledged"_s, acknowledged(alarm(1, u"critical"_s)))));
        model.applyChange(parsedChange(change(u"raised"_s, alarm(6, u"critical"_s, u"22"_s, QString(), u"ns1-fra"_s))));
        model.applyChange(parsedChange(change(u"cleared"_s, alarm(3, u"minor"_s))));
        QCOMPARE(resets.count(), 0);
    }

    void sortsBySeverityRank()
    {
        AlarmModel model;
        AlarmFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.setAlarms(records({alarm(1, u"minor"_s), alarm(2, u"critical"_s), alarm(3, u"warning"_s), alarm(4, u"major"_s)}));
        proxy.sort(AlarmModel::SeverityColumn, Qt::DescendingOrder);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order.append(proxy.index(row, AlarmModel::SeverityColumn).data().toString());
        QCOMPARE(order, (QStringList{u"Critical"_s, u"Major"_s, u"Minor"_s, u"Warning"_s}));
    }
};

QTEST_MAIN(tst_AlarmModel)
#include "tst_alarmmodel.moc"
