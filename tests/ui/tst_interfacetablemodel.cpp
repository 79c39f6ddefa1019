#include "monitortestdata.h"

#include "ui/interfacetablemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::InterfaceTableModel;

namespace {

QList<noc::MonitorInterfaceState> routerInterfaces()
{
    const QJsonObject router = monitortest::status(QDateTime::currentDateTimeUtc()).value(u"devices"_s).toArray().at(0).toObject();
    return noc::MonitorDeviceState::fromStatusJson(router)->interfaces;
}

} // namespace

// The device page's interface table, under QAbstractItemModelTester, fed from contract JSON.
class tst_InterfaceTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void showsEveryInterfaceWithRatesAndStatus()
    {
        InterfaceTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setInterfaces(routerInterfaces());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(InterfaceTableModel::ColumnCount));
        auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(text(0, InterfaceTableModel::NameColumn), u"xe-0/0/1"_s);
        QCOMPARE(text(0, InterfaceTableModel::AdminColumn), u"up"_s);
        QCOMPARE(text(0, InterfaceTableModel::SpeedColumn), u"10.0 Gbit/s"_s);
        QCOMPARE(text(0, InterfaceTableModel::InColumn), u"4.20 Gbit/s"_s);
        QCOMPARE(text(0, InterfaceTableModel::OutColumn), u"1.50 Gbit/s"_s);
        QCOMPARE(text(0, InterfaceTableModel::UtilisationColumn), u"42.0 %"_s);
        // Down while admin up: a fault, tinted; rates not measured are empty, not zero.
        QCOMPARE(text(1, InterfaceTableModel::OperColumn), u"down"_s);
        QVERIFY(model.index(1, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
        QCOMPARE(text(1, InterfaceTableModel::InColumn), QString());
        QCOMPARE(text(1, InterfaceTableModel::UtilisationColumn), QString());
        QCOMPARE(model.index(1, InterfaceTableModel::InColumn).data(InterfaceTableModel::SortRole).toDouble(), -1.0);
        QCOMPARE(model.index(1, 0).data(InterfaceTableModel::IfIndexRole).toInt(), 2);
        QCOMPARE(model.headerData(InterfaceTableModel::UtilisationColumn, Qt::Horizontal).toString(), u"Utilisation"_s);
    }

    void sameInterfacesChangeInPlaceOthersReset()
    {
        InterfaceTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<noc::MonitorInterfaceState> interfaces = routerInterfaces();
        model.setInterfaces(interfaces);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        interfaces[0].utilisationPercent = 99;
        model.setInterfaces(interfaces);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.index(0, InterfaceTableModel::UtilisationColumn).data().toString(), u"99.0 %"_s);
        interfaces.removeLast();
        model.setInterfaces(interfaces);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        model.setInterfaces({});
        QCOMPARE(model.rowCount(), 0);
    }

    void bitRatesInReadableUnits_data()
    {
        QTest::addColumn<double>("bps");
        QTest::addColumn<QString>("text");
        QTest::newRow("bits") << 950.0 << u"950 bit/s"_s;
        QTest::newRow("kilo") << 12500.0 << u"12.5 kbit/s"_s;
        QTest::newRow("mega") << 1.5e6 << u"1.50 Mbit/s"_s;
        QTest::newRow("tera") << 1.2e12 << u"1.20 Tbit/s"_s;
    }
    void bitRatesInReadableUnits()
    {
        QFETCH(double, bps);
        QFETCH(QString, text);
        QCOMPARE(InterfaceTableModel::bitRate(bps), text);
    }
};

QTEST_MAIN(tst_InterfaceTableModel)
#include "tst_interfacetablemodel.moc"
