#include "ui/registryformat.h"
#include "ui/registrysearchmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::RegistrySearchModel;
using Type = RegistrySearchModel::ObjectType;

namespace {

QJsonObject domain(const QString &name)
{
    return QJsonObject{{u"key"_s, name}, {u"roid"_s, u"D1-REG"_s}, {u"registrar"_s, u"rar-alpha"_s},
                       {u"statuses"_s, QJsonArray{u"clientHold"_s, u"serverHold"_s}}, {u"expiresAt"_s, u"2030-03-17T17:46:40.000Z"_s}};
}

} // namespace

class tst_RegistrySearchModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void showsDomainResults()
    {
        RegistrySearchModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(Type::Domain, QJsonArray{domain(u"a.example"_s), domain(u"b.example"_s)}, u"Yi5leGFtcGxl"_s);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(RegistrySearchModel::ColumnCount));
        QCOMPARE(model.index(1, RegistrySearchModel::KeyColumn).data().toString(), u"b.example"_s);
        QCOMPARE(model.index(0, RegistrySearchModel::NameColumn).data().toString(), u"D1-REG"_s);
        QCOMPARE(model.index(0, RegistrySearchModel::StatusColumn).data().toString(), u"clientHold, serverHold"_s);
        QVERIFY(!model.index(0, RegistrySearchModel::InfoColumn).data().toString().isEmpty());
        QCOMPARE(model.index(0, 0).data(RegistrySearchModel::KeyRole).toString(), u"a.example"_s);
        QVERIFY(model.hasMore());
        QCOMPARE(model.headerData(RegistrySearchModel::InfoColumn, Qt::Horizontal).toString(), u"Expires"_s);
    }

    void appendsNextPageAndForgetsCursorOnLastPage()
    {
        RegistrySearchModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(Type::Domain, QJsonArray{domain(u"a.example"_s)}, u"cursor1"_s);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendResults(QJsonArray{domain(u"b.example"_s), domain(u"c.example"_s)}, QString());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.key(2), u"c.example"_s);
        QCOMPARE(model.rowOfKey(u"b.example"_s), 1);
        QVERIFY(!model.hasMore());
        QVERIFY(model.nextCursor().isEmpty());
    }

    void dropsRowsWithoutKey_data()
    {
        QTest::addColumn<QJsonValue>("entry");
        QTest::newRow("not an object") << QJsonValue(7);
        QTest::newRow("no key") << QJsonValue(QJsonObject{{u"roid"_s, u"D1-REG"_s}});
        QTest::newRow("empty key") << QJsonValue(QJsonObject{{u"key"_s, u""_s}});
        QTest::newRow("key not a string") << QJsonValue(QJsonObject{{u"key"_s, 5}});
    }
    void dropsRowsWithoutKey()
    {
        QFETCH(QJsonValue, entry);
        RegistrySearchModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(Type::Domain, QJsonArray{entry, domain(u"ok.example"_s)}, QString());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.key(0), u"ok.example"_s);
        model.appendResults(QJsonArray{entry}, QString());
        QCOMPARE(model.rowCount(), 1);
    }

    void columnsFollowTheObjectType()
    {
        RegistrySearchModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        model.setResults(Type::Registrar,
                         QJsonArray{QJsonObject{{u"key"_s, u"rar-alpha"_s}, {u"name"_s, u"Alpha Names GmbH"_s},
                                                {u"registrar"_s, u"rar-alpha"_s}, {u"availableCents"_s, 3000000}}},
                         QString());
        QVERIFY(!headers.isEmpty());
        QCOMPARE(model.headerData(RegistrySearchModel::KeyColumn, Qt::Horizontal).toString(), u"ID"_s);
        QCOMPARE(model.headerData(RegistrySearchModel::InfoColumn, Qt::Horizontal).toString(), u"Available"_s);
        QCOMPARE(model.index(0, RegistrySearchModel::NameColumn).data().toString(), u"Alpha Names GmbH"_s);
        QCOMPARE(model.index(0, RegistrySearchModel::InfoColumn).data().toString(), u"30,000.00"_s);

        model.setResults(Type::Host, QJsonArray{QJsonObject{{u"key"_s, u"ns1.a.example"_s}, {u"subordinate"_s, true}}}, QString());
        QCOMPARE(model.index(0, RegistrySearchModel::InfoColumn).data().toString(), u"in-registry"_s);
        QCOMPARE(model.objectType(), Type::Host);
    }

    void clearEmptiesEverything()
    {
        RegistrySearchModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(Type::Domain, QJsonArray{domain(u"a.example"_s)}, u"c"_s);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasMore());
        QVERIFY(model.key(0).isEmpty());
    }

    void formatsMoneyExactly_data()
    {
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << u"0.00"_s;
        QTest::newRow("cents only") << qint64(5) << u"0.05"_s;
        QTest::newRow("negative") << qint64(-1000) << u"-10.00"_s;
        QTest::newRow("thousands") << qint64(250000075) << u"2,500,000.75"_s;
        // Beyond what a double holds exactly.
        QTest::newRow("huge") << qint64(9007199254740993) << u"90,071,992,547,409.93"_s;
    }
    void formatsMoneyExactly()
    {
        QFETCH(qint64, cents);
        QFETCH(QString, text);
        QCOMPARE(noc::RegistryFormat::money(cents), text);
    }
};

QTEST_MAIN(tst_RegistrySearchModel)
#include "tst_registrysearchmodel.moc"
