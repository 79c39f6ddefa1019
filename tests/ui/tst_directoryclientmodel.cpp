#include "ui/directoryclientmodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::DirectoryClientModel;
using noc::DirectoryStatisticsSample;

Q_DECLARE_METATYPE(noc::DirectoryStatisticsSample::Client)

namespace {

DirectoryStatisticsSample::Client client(const QString &address, quint64 queries, quint64 refused)
{
    return {address, queries, refused};
}

DirectoryStatisticsSample sample(QList<DirectoryStatisticsSample::Client> whois, QList<DirectoryStatisticsSample::Client> rdap)
{
    DirectoryStatisticsSample s;
    s.at = QDateTime(QDate(2026, 11, 21), QTime(14, 0), Qt::UTC);
    s.whois.running = true;
    s.rdap.running = true;
    s.whois.topClients = whois;
    s.rdap.topClients = rdap;
    return s;
}

} // namespace

// The busiest-clients table of the directory page, always under QAbstractItemModelTester.
class tst_DirectoryClientModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void showsEveryColumn()
    {
        DirectoryClientModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSample(sample({client(u"192.0.2.7"_s, 123456, 400)}, {client(u"2001:db8::1"_s, 900, 0)}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(DirectoryClientModel::ColumnCount));
        QCOMPARE(model.index(0, DirectoryClientModel::AddressColumn).data().toString(), u"192.0.2.7"_s);
        QCOMPARE(model.index(0, DirectoryClientModel::ServiceColumn).data().toString(), u"Whois"_s);
        QCOMPARE(model.index(0, DirectoryClientModel::QueriesColumn).data().toString(), u"123,456"_s);
        QCOMPARE(model.index(0, DirectoryClientModel::RefusedColumn).data().toString(), u"400"_s);
        QCOMPARE(model.index(1, DirectoryClientModel::AddressColumn).data().toString(), u"2001:db8::1"_s);
        QCOMPARE(model.index(1, DirectoryClientModel::ServiceColumn).data().toString(), u"RDAP"_s);
        QVERIFY(model.row(1).service == DirectoryClientModel::Service::Rdap);
        QCOMPARE(model.headerData(DirectoryClientModel::AddressColumn, Qt::Horizontal).toString(), u"Client address"_s);
        QCOMPARE(model.headerData(DirectoryClientModel::RefusedColumn, Qt::Horizontal).toString(), u"Refused"_s);
        // The share refused as a hint; none for a client without queries.
        QCOMPARE(model.index(0, DirectoryClientModel::RefusedColumn).data(Qt::ToolTipRole).toString(),
                 u"0.3% of its queries refused by the rate limit"_s);
        QCOMPARE(model.index(0, DirectoryClientModel::QueriesColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
                 Qt::AlignRight | Qt::AlignVCenter);
    }

    void sortsCountsAsNumbers()
    {
        DirectoryClientModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSample(sample({client(u"192.0.2.1"_s, 9, 0), client(u"192.0.2.2"_s, 10, 0)}, {client(u"192.0.2.3"_s, 100, 0)}));
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(DirectoryClientModel::SortRole);
        sorted.sort(DirectoryClientModel::QueriesColumn, Qt::DescendingOrder);
        // As text "9" would sort above "100" and "10".
        QCOMPARE(sorted.index(0, DirectoryClientModel::AddressColumn).data().toString(), u"192.0.2.3"_s);
        QCOMPARE(sorted.index(1, DirectoryClientModel::AddressColumn).data().toString(), u"192.0.2.2"_s);
        QCOMPARE(sorted.index(2, DirectoryClientModel::AddressColumn).data().toString(), u"192.0.2.1"_s);
    }

    void sameClientsUpdateInPlace()
    {
        DirectoryClientModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSample(sample({client(u"192.0.2.1"_s, 10, 0)}, {client(u"192.0.2.1"_s, 5, 0)}));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setSample(sample({client(u"192.0.2.1"_s, 20, 3)}, {client(u"192.0.2.1"_s, 6, 0)}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(model.index(0, DirectoryClientModel::QueriesColumn).data().toString(), u"20"_s);
        QCOMPARE(model.index(0, DirectoryClientModel::RefusedColumn).data().toString(), u"3"_s);
    }

    void otherClientsResetTheRows_data()
    {
        QTest::addColumn<QList<DirectoryStatisticsSample::Client>>("whois");
        QTest::addColumn<QList<DirectoryStatisticsSample::Client>>("rdap");
        QTest::addColumn<int>("rows");
        QTest::newRow("new address") << QList{client(u"192.0.2.9"_s, 10, 0)} << QList{client(u"192.0.2.1"_s, 5, 0)} << 2;
        QTest::newRow("one more") << QList{client(u"192.0.2.1"_s, 10, 0), client(u"192.0.2.2"_s, 1, 0)}
                                  << QList{client(u"192.0.2.1"_s, 5, 0)} << 3;
        QTest::newRow("rdap gone") << QList{client(u"192.0.2.1"_s, 10, 0)} << QList<DirectoryStatisticsSample::Client>{} << 1;
        QTest::newRow("none") << QList<DirectoryStatisticsSample::Client>{} << QList<DirectoryStatisticsSample::Client>{} << 0;
    }

    void otherClientsResetTheRows()
    {
        QFETCH(QList<DirectoryStatisticsSample::Client>, whois);
        QFETCH(QList<DirectoryStatisticsSample::Client>, rdap);
        QFETCH(int, rows);
        DirectoryClientModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSample(sample({client(u"192.0.2.1"_s, 10, 0)}, {client(u"192.0.2.1"_s, 5, 0)}));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setSample(sample(whois, rdap));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), rows);
    }

    void clearEmptiesTheTable()
    {
        DirectoryClientModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSample(sample({client(u"192.0.2.1"_s, 10, 0)}, {}));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.clear();   // already empty: nothing to tell the views
        QCOMPARE(resets.count(), 0);
    }

    void outOfRangeIndexesHaveNoData()
    {
        DirectoryClientModel model;
        model.setSample(sample({client(u"192.0.2.1"_s, 10, 0)}, {}));
        QVERIFY(!model.data(model.index(5, 0)).isValid());
        QVERIFY(!model.data(QModelIndex()).isValid());
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    }
};

QTEST_MAIN(tst_DirectoryClientModel)
#include "tst_directoryclientmodel.moc"
