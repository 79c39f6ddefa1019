#include "ui/dnszonemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::DnsStatisticsSample;
using noc::DnsZoneModel;

namespace {

const QDateTime now(QDate(2026, 11, 21), QTime(10, 0, 0), Qt::UTC);

DnsStatisticsSample::Zone zone(const QString &apex, quint32 serial, quint64 nodes, qint64 sequence, const QDateTime &published)
{
    DnsStatisticsSample::Zone z;
    z.apex = apex;
    z.serial = serial;
    z.nodes = nodes;
    z.journalSequence = sequence;
    z.publishedAt = published;
    return z;
}

} // namespace

class tst_DnsZoneModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void showsEveryColumn()
    {
        DnsZoneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setZones({zone(u"example."_s, 2026112105, 4100, 1234, now.addSecs(-75)),
                        zone(u"test."_s, 7, 1, 12, QDateTime())},
                       now);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(DnsZoneModel::ColumnCount));
        const auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(text(0, DnsZoneModel::ApexColumn), u"example."_s);
        QCOMPARE(text(0, DnsZoneModel::SerialColumn), u"2026112105"_s);
        QCOMPARE(text(0, DnsZoneModel::NodesColumn), u"4,100"_s);
        QCOMPARE(text(0, DnsZoneModel::JournalColumn), u"1234"_s);
        QCOMPARE(text(0, DnsZoneModel::PublishedColumn),
                 QLocale().toString(now.addSecs(-75).toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s));
        QCOMPARE(text(0, DnsZoneModel::AgeColumn), u"1 min"_s);
        QCOMPARE(text(1, DnsZoneModel::PublishedColumn), u"not yet"_s);
        QCOMPARE(text(1, DnsZoneModel::AgeColumn), QString());
        QCOMPARE(model.index(0, DnsZoneModel::NodesColumn).data(DnsZoneModel::SortRole).toULongLong(), 4100u);
        QCOMPARE(model.index(0, DnsZoneModel::AgeColumn).data(DnsZoneModel::SortRole).toLongLong(), 75);
        QCOMPARE(model.headerData(DnsZoneModel::SerialColumn, Qt::Horizontal).toString(), u"Serial"_s);
    }

    // A poll with the same zones changes values in place: views keep selection and scrolling.
    void updatesInPlaceWhenTheZonesAreTheSame()
    {
        DnsZoneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setZones({zone(u"example."_s, 1, 10, 5, now)}, now);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setZones({zone(u"example."_s, 2, 11, 6, now.addSecs(5))}, now.addSecs(7));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(model.zone(0).serial, 2u);
        QCOMPARE(model.index(0, DnsZoneModel::AgeColumn).data().toString(), u"2 s"_s);

        model.setZones({zone(u"example."_s, 2, 11, 6, now), zone(u"test."_s, 1, 1, 6, now)}, now);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        model.clear();
        QCOMPARE(resets.size(), 2);
        QCOMPARE(model.rowCount(), 0);
        model.clear();   // nothing to clear: no signal
        QCOMPARE(resets.size(), 2);
    }

    // Ages are measured on the engine's clock: a zone "published in the future" (clock skew between
    // the engine's threads never gives that, but a broken answer might) shows no age.
    void ageText_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("negative") << qint64(-1) << QString();
        QTest::newRow("zero") << qint64(0) << u"0 s"_s;
        QTest::newRow("seconds") << qint64(59) << u"59 s"_s;
        QTest::newRow("minutes") << qint64(60 * 12 + 30) << u"12 min"_s;
        QTest::newRow("hours") << qint64(3 * 3600 + 5 * 60 + 9) << u"3 h 5 min"_s;
        QTest::newRow("days") << qint64(2 * 86400 + 4 * 3600 + 100) << u"2 d 4 h"_s;
    }
    void ageText()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(DnsZoneModel::ageText(seconds), text);
    }

    void futurePublicationHasNoAge()
    {
        DnsZoneModel model;
        model.setZones({zone(u"example."_s, 1, 1, 1, now.addSecs(30))}, now);
        QCOMPARE(model.index(0, DnsZoneModel::AgeColumn).data().toString(), QString());
    }
};

QTEST_MAIN(tst_DnsZoneModel)
#include "tst_dnszonemodel.moc"
