#include "ui/servicestatusmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::ServiceStatusModel;

namespace {

QJsonObject service(const QString &name, const QString &state, const QString &listen = {})
{
    return QJsonObject{{u"name"_s, name}, {u"state"_s, state}, {u"listen"_s, listen}, {u"detail"_s, QString()},
                       {u"since"_s, u"2026-11-21T10:00:00.000Z"_s}};
}

QJsonArray typicalServices()
{
    return QJsonArray{service(u"management"_s, u"running"_s, u"127.0.0.1:9443"_s), service(u"store"_s, u"running"_s),
                      service(u"xrp"_s, u"not-available"_s)};
}

} // namespace

class tst_ServiceStatusModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsServicesFromStatusDocument()
    {
        ServiceStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.setServices(typicalServices()), 0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ServiceStatusModel::ColumnCount));
        QCOMPARE(model.index(0, ServiceStatusModel::NameColumn).data().toString(), u"management"_s);
        QCOMPARE(model.index(0, ServiceStatusModel::ListenColumn).data().toString(), u"127.0.0.1:9443"_s);
        QCOMPARE(model.index(0, ServiceStatusModel::StateColumn).data(ServiceStatusModel::StateRole).toString(),
                 u"running"_s);
        QCOMPARE(model.index(2, ServiceStatusModel::StateColumn).data().toString(), u"Not available"_s);
    }

    void skipsMalformedEntries_data()
    {
        QTest::addColumn<QJsonValue>("entry");
        QTest::newRow("not an object") << QJsonValue(42);
        QTest::newRow("no name") << QJsonValue(QJsonObject{{u"state"_s, u"running"_s}});
        QTest::newRow("empty name") << QJsonValue(QJsonObject{{u"name"_s, u""_s}, {u"state"_s, u"running"_s}});
        QTest::newRow("name not a string") << QJsonValue(QJsonObject{{u"name"_s, 7}, {u"state"_s, u"running"_s}});
        QTest::newRow("no state") << QJsonValue(QJsonObject{{u"name"_s, u"dns"_s}});
        QTest::newRow("duplicate name") << QJsonValue(service(u"management"_s, u"failed"_s));
    }
    void skipsMalformedEntries()
    {
        QFETCH(QJsonValue, entry);
        ServiceStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QJsonArray services = typicalServices();
        services.append(entry);
        QCOMPARE(model.setServices(services), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data(ServiceStatusModel::StateRole).toString(), u"running"_s);
    }

    void updatesRowInPlaceWhenListIsUnchanged()
    {
        ServiceStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(typicalServices());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QJsonArray services = typicalServices();
        services[1] = service(u"store"_s, u"failed"_s);
        model.setServices(services);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(model.index(1, 0).data(ServiceStatusModel::StateRole).toString(), u"failed"_s);
    }

    void resetsWhenServicesChange()
    {
        ServiceStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(typicalServices());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setServices(QJsonArray{service(u"management"_s, u"stopping"_s)});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
    }

    void serviceEventUpdatesExistingRow()
    {
        ServiceStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(typicalServices());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QJsonObject event = service(u"xrp"_s, u"running"_s, u"127.0.0.1:7000"_s);
        event.insert(u"type"_s, u"service"_s);
        QVERIFY(model.applyServiceEvent(event));
        QCOMPARE(changed.count(), 1);
        const int row = model.rowOf(u"xrp"_s);
        QCOMPARE(row, 2);
        QCOMPARE(model.service(row).listen, u"127.0.0.1:7000"_s);
        QCOMPARE(model.index(row, 0).data(ServiceStatusModel::SeverityRole).toInt(),
                 int(noc::StatusPalette::Severity::Ok));
    }

    void serviceEventForUnknownServiceAppendsRow()
    {
        ServiceStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(typicalServices());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(model.applyServiceEvent(service(u"whois"_s, u"starting"_s)));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.rowOf(u"whois"_s), 3);
    }

    void malformedServiceEventChangesNothing()
    {
        ServiceStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(typicalServices());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(!model.applyServiceEvent(QJsonObject{{u"type"_s, u"service"_s}, {u"state"_s, u"failed"_s}}));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.rowCount(), 3);
    }

    void colourFollowsState_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("severity");
        using S = noc::StatusPalette::Severity;
        QTest::newRow("running") << u"running"_s << int(S::Ok);
        QTest::newRow("starting") << u"starting"_s << int(S::Info);
        QTest::newRow("stopping") << u"stopping"_s << int(S::Info);
        QTest::newRow("stopped") << u"stopped"_s << int(S::Warning);
        QTest::newRow("failed") << u"failed"_s << int(S::Critical);
        QTest::newRow("not-available") << u"not-available"_s << int(S::Neutral);
        QTest::newRow("unknown future state") << u"degraded"_s << int(S::Neutral);
    }
    void colourFollowsState()
    {
        QFETCH(QString, state);
        QFETCH(int, severity);
        ServiceStatusModel model;
        model.setServices(QJsonArray{service(u"dns"_s, state)});
        const QModelIndex stateIndex = model.index(0, ServiceStatusModel::StateColumn);
        QCOMPARE(stateIndex.data(ServiceStatusModel::SeverityRole).toInt(), severity);
        const auto sev = noc::StatusPalette::Severity(severity);
        QCOMPARE(stateIndex.data(Qt::ForegroundRole).value<QBrush>().color(), noc::StatusPalette::text(sev));
        QVERIFY(!stateIndex.data(Qt::DecorationRole).value<QIcon>().isNull());
        // An unknown state is shown as sent, not hidden.
        if (state == u"degraded"_s)
            QCOMPARE(stateIndex.data().toString(), state);
    }

    void clearEmptiesModel()
    {
        ServiceStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(typicalServices());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOf(u"management"_s), -1);
    }
};

QTEST_MAIN(tst_ServiceStatusModel)
#include "tst_servicestatusmodel.moc"
