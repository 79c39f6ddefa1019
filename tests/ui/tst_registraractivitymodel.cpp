#include "ui/registraractivitymodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::RegistrarActivityModel;
using Kind = RegistrarActivityModel::Kind;

namespace {

QJsonObject ledgerRow(qint64 id, qint64 amount)
{
    return QJsonObject{{u"id"_s, id}, {u"at"_s, u"2026-11-21T10:00:00.000Z"_s}, {u"operation"_s, u"create"_s},
                       {u"object"_s, u"x%1.example"_s.arg(id)}, {u"amountCents"_s, amount}, {u"balanceAfterCents"_s, 100000 - id},
                       {u"periodYears"_s, 2}, {u"description"_s, QString()}};
}

QJsonArray ledgerPage(qint64 newest, int count)
{
    QJsonArray page;
    for (qint64 id = newest; id > newest - count; --id)
        page.append(ledgerRow(id, -1000));
    return page;
}

} // namespace

class tst_RegistrarActivityModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void ledgerPagesAppendOlderEntries()
    {
        RegistrarActivityModel model(Kind::Ledger);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(RegistrarActivityModel::LedgerColumnCount));
        model.appendPage(ledgerPage(10, 3), 8);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.hasMore());
        QCOMPARE(model.nextBefore(), 8);
        model.appendPage(ledgerPage(7, 2), -1);
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(!model.hasMore());
        QCOMPARE(model.index(4, 0).data(RegistrarActivityModel::IdRole).toLongLong(), 6);
        QCOMPARE(model.index(0, RegistrarActivityModel::LedgerAmount).data().toString(), u"-10.00"_s);
        QCOMPARE(model.index(0, RegistrarActivityModel::LedgerBalance).data().toString(), u"999.90"_s);
        QCOMPARE(model.index(0, RegistrarActivityModel::LedgerDescription).data().toString(), u"2 year(s)"_s);
        QCOMPARE(model.index(0, RegistrarActivityModel::LedgerAmount).data(RegistrarActivityModel::AmountCentsRole).toLongLong(), -1000);
    }

    void aPageAskedTwiceNeverDoublesRows()
    {
        RegistrarActivityModel model(Kind::Ledger);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendPage(ledgerPage(10, 3), 8);
        model.appendPage(ledgerPage(10, 3), 8);
        QCOMPARE(model.rowCount(), 3);
    }

    void dropsEntriesWithoutId()
    {
        RegistrarActivityModel model(Kind::Audit);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendPage(QJsonArray{QJsonObject{{u"command"_s, u"login"_s}}, 3, QJsonObject{{u"id"_s, u"7"_s}}}, -1);
        QCOMPARE(model.rowCount(), 0);
    }

    void auditShowsRefusalsAndLatency()
    {
        RegistrarActivityModel model(Kind::Audit);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(RegistrarActivityModel::AuditColumnCount));
        model.appendPage(QJsonArray{QJsonObject{{u"id"_s, 2}, {u"at"_s, u"2026-11-21T10:00:00.000Z"_s}, {u"user"_s, u"alpha-epp"_s},
                                                {u"command"_s, u"domain:create"_s}, {u"resultCode"_s, 2302},
                                                {u"latencyMicros"_s, 1500}, {u"message"_s, u"Object exists"_s}},
                                    QJsonObject{{u"id"_s, 1}, {u"command"_s, u"login"_s}, {u"resultCode"_s, 1000}, {u"latencyMicros"_s, 250}}},
                         -1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, RegistrarActivityModel::AuditResult).data().toString(), u"2302"_s);
        QCOMPARE(model.index(0, RegistrarActivityModel::AuditResult).data(Qt::ToolTipRole).toString(), u"Object exists"_s);
        QVERIFY(model.index(0, RegistrarActivityModel::AuditResult).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(1, RegistrarActivityModel::AuditResult).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(0, RegistrarActivityModel::AuditLatency).data().toString(), u"1.5 ms"_s);
        QCOMPARE(model.headerData(RegistrarActivityModel::AuditCommand, Qt::Horizontal).toString(), u"Command"_s);
    }

    void clearForgetsPaging()
    {
        RegistrarActivityModel model(Kind::Ledger);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendPage(ledgerPage(10, 3), 8);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasMore());
        QVERIFY(model.entry(0).isEmpty());
    }
};

QTEST_MAIN(tst_RegistrarActivityModel)
#include "tst_registraractivitymodel.moc"
