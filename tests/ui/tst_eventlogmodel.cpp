#include "ui/eventlogmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::EventLogModel;

Q_DECLARE_METATYPE(noc::EventLogModel::ConnectionChange)

namespace {

QJsonObject journalEvent(qint64 seq, const QString &kind = u"user.create"_s, const QString &object = u"alice"_s)
{
    return QJsonObject{{u"type"_s, u"journal"_s}, {u"seq"_s, seq}, {u"time"_s, u"2026-11-21T10:15:30.123Z"_s},
                       {u"actor"_s, u"admin"_s}, {u"kind"_s, kind}, {u"object"_s, object}};
}

} // namespace

class tst_EventLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsJournalEventNewestFirst()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.addEngineEvent(journalEvent(41, u"registrar.create"_s, u"rar-alpha"_s)));
        QVERIFY(model.addEngineEvent(journalEvent(42)));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(EventLogModel::SequenceRole).toLongLong(), 42);
        QCOMPARE(model.index(0, EventLogModel::TypeColumn).data().toString(), u"Journal #42"_s);
        QCOMPARE(model.index(0, EventLogModel::SummaryColumn).data().toString(), u"user.create alice by admin"_s);
        QCOMPARE(model.index(1, 0).data(EventLogModel::SequenceRole).toLongLong(), 41);
        QCOMPARE(model.index(0, EventLogModel::TimeColumn).data(Qt::ToolTipRole).toString(),
                 u"2026-11-21T10:15:30.123Z"_s);
    }

    void describesServiceAndEngineEvents_data()
    {
        QTest::addColumn<QJsonObject>("event");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("summary");
        QTest::newRow("service") << QJsonObject{{u"type"_s, u"service"_s}, {u"name"_s, u"xrp"_s},
                                                {u"state"_s, u"failed"_s}, {u"detail"_s, u"port in use"_s}}
                                 << int(EventLogModel::Kind::Service) << u"xrp is now Failed (port in use)"_s;
        QTest::newRow("hello") << QJsonObject{{u"type"_s, u"hello"_s}, {u"user"_s, u"admin"_s},
                                              {u"version"_s, u"0.1.0"_s}}
                               << int(EventLogModel::Kind::Engine)
                               << u"Event stream opened as admin (engine 0.1.0)"_s;
        QTest::newRow("shutdown") << QJsonObject{{u"type"_s, u"shutdown"_s}, {u"reason"_s, u"SIGTERM"_s}}
                                  << int(EventLogModel::Kind::Engine) << u"Engine is shutting down (SIGTERM)"_s;
    }
    void describesServiceAndEngineEvents()
    {
        QFETCH(QJsonObject, event);
        QFETCH(int, kind);
        QFETCH(QString, summary);
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.addEngineEvent(event));
        QCOMPARE(model.index(0, 0).data(EventLogModel::KindRole).toInt(), kind);
        QCOMPARE(model.index(0, EventLogModel::SummaryColumn).data().toString(), summary);
    }

    void ignoresHeartbeatsUnknownAndMalformedEvents_data()
    {
        QTest::addColumn<QJsonObject>("event");
        QTest::newRow("heartbeat") << QJsonObject{{u"type"_s, u"heartbeat"_s}, {u"journalHead"_s, 3}};
        QTest::newRow("unknown type") << QJsonObject{{u"type"_s, u"teapot"_s}};
        QTest::newRow("no type") << QJsonObject{{u"seq"_s, 3}};
        QTest::newRow("journal without seq") << QJsonObject{{u"type"_s, u"journal"_s}, {u"kind"_s, u"x"_s}};
        QTest::newRow("journal seq as string") << QJsonObject{{u"type"_s, u"journal"_s}, {u"seq"_s, u"5"_s},
                                                              {u"kind"_s, u"x"_s}};
        QTest::newRow("journal seq zero") << QJsonObject{{u"type"_s, u"journal"_s}, {u"seq"_s, 0}, {u"kind"_s, u"x"_s}};
        QTest::newRow("journal without kind") << QJsonObject{{u"type"_s, u"journal"_s}, {u"seq"_s, 5}};
        QTest::newRow("service without state") << QJsonObject{{u"type"_s, u"service"_s}, {u"name"_s, u"dns"_s}};
    }
    void ignoresHeartbeatsUnknownAndMalformedEvents()
    {
        QFETCH(QJsonObject, event);
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(!model.addEngineEvent(event));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(inserted.count(), 0);
    }

    void dropsOldestBeyondCapacity()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(3);
        for (qint64 seq = 1; seq <= 5; ++seq)
            QVERIFY(model.addEngineEvent(journalEvent(seq)));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data(EventLogModel::SequenceRole).toLongLong(), 5);
        QCOMPARE(model.index(2, 0).data(EventLogModel::SequenceRole).toLongLong(), 3);
        model.setCapacity(1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(EventLogModel::SequenceRole).toLongLong(), 5);
    }

    void recordsConnectionEvents_data()
    {
        using C = EventLogModel::ConnectionChange;
        using S = noc::StatusPalette::Severity;
        QTest::addColumn<EventLogModel::ConnectionChange>("change");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<int>("severity");
        QTest::newRow("connected") << C::Connected << u"127.0.0.1:9443"_s << u"Connected to 127.0.0.1:9443"_s << int(S::Ok);
        QTest::newRow("stale") << C::Stale << QString()
                               << u"No heartbeat from the engine: the data shown may be old"_s << int(S::Warning);
        QTest::newRow("lost with reason") << C::Lost << u"reset by peer"_s << u"Connection lost: reset by peer"_s
                                          << int(S::Critical);
        QTest::newRow("lost") << C::Lost << QString() << u"Connection lost"_s << int(S::Critical);
        QTest::newRow("failed") << C::Failed << u"certificate not accepted"_s
                                << u"Could not connect: certificate not accepted"_s << int(S::Critical);
        QTest::newRow("disconnected by user") << C::Disconnected << QString() << u"Disconnected"_s << int(S::Neutral);
        QTest::newRow("login failed") << C::LoginFailed << u"wrong password"_s << u"Login failed: wrong password"_s
                                      << int(S::Critical);
    }
    void recordsConnectionEvents()
    {
        QFETCH(EventLogModel::ConnectionChange, change);
        QFETCH(QString, detail);
        QFETCH(QString, summary);
        QFETCH(int, severity);
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addConnectionEvent(QDateTime::currentDateTimeUtc(), change, detail);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(EventLogModel::KindRole).toInt(), int(EventLogModel::Kind::Connection));
        QCOMPARE(model.index(0, EventLogModel::SummaryColumn).data().toString(), summary);
        QCOMPARE(model.index(0, 0).data(EventLogModel::SeverityRole).toInt(), severity);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
