#include "xrp/xrpaudit.h"

#include "store/store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace reg;
using namespace reg::xrp;

class tst_XrpAudit : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<store::Store> openStore(const QTemporaryDir &dir)
    {
        auto opened = store::Store::open({dir.filePath(QStringLiteral("registry.db")), 64, true});
        if (!opened)
            return nullptr;
        return std::move(opened).value();
    }

    static int rowCount(store::Store &store, const QString &where = QStringLiteral("1"))
    {
        auto reader = store.openReader();
        if (!reader)
            return -1;
        auto v = (*reader)->queryValue(QStringLiteral("SELECT count(*) FROM xrp_audit WHERE ") + where);
        return v ? v->toInt() : -1;
    }

    static XrpAuditRecord record(int n)
    {
        XrpAuditRecord r;
        r.atMs = 1'700'000'000'000 + n;
        r.registrarId = QStringLiteral("rar-alpha");
        r.userId = QStringLiteral("alpha-epp");
        r.clientAddress = QStringLiteral("127.0.0.1");
        r.command = QStringLiteral("domain:info");
        r.object = QStringLiteral("example%1.example").arg(n);
        r.clientTransactionId = QStringLiteral("cl-%1").arg(n);
        r.serverTransactionId = QStringLiteral("sv-%1").arg(n);
        r.resultCode = 1000;
        r.latencyUs = 250;
        r.message = QStringLiteral("Command completed successfully");
        return r;
    }

private Q_SLOTS:
    void rowsWaitForTheIntervalThenArriveTogether()
    {
        QTemporaryDir dir;
        auto store = openStore(dir);
        QVERIFY(store);
        const qint64 commitsBefore = store->writer().commitCount();
        XrpAuditLog audit(store->writer(), nullptr, 50, 500);
        for (int i = 0; i < 10; ++i)
            audit.record(record(i));
        QCOMPARE(audit.pendingCount(), 10);
        QCOMPARE(rowCount(*store), 0);
        QTRY_COMPARE(rowCount(*store), 10);
        QCOMPARE(audit.pendingCount(), 0);
        QCOMPARE(store->writer().commitCount() - commitsBefore, 1);   // one transaction for the batch
        QCOMPARE(store->writer().journalHead(), 0);                   // bookkeeping: no journal entry
        QCOMPARE(rowCount(*store, QStringLiteral("object = 'example3.example' AND client_trid = 'cl-3' AND server_trid = 'sv-3' "
                                                 "AND result_code = 1000 AND latency_us = 250 AND user_id = 'alpha-epp'")),
                 1);
    }

    void aFullBatchIsWrittenAtOnce()
    {
        QTemporaryDir dir;
        auto store = openStore(dir);
        QVERIFY(store);
        XrpAuditLog audit(store->writer(), nullptr, 60 * 60 * 1000, 100);   // the timer never fires here
        for (int i = 0; i < 250; ++i)
            audit.record(record(i));
        QCOMPARE(audit.pendingCount(), 50);
        QTRY_COMPARE(rowCount(*store), 200);
        audit.flush(/*wait=*/true);
        QCOMPARE(rowCount(*store), 250);
    }

    void destructionWritesTheRest()
    {
        QTemporaryDir dir;
        auto store = openStore(dir);
        QVERIFY(store);
        {
            XrpAuditLog audit(store->writer(), nullptr, 60 * 60 * 1000, 500);
            audit.record(record(1));
            audit.record(record(2));
        }
        QCOMPARE(rowCount(*store), 2);
    }
};

QTEST_GUILESS_MAIN(tst_XrpAudit)
#include "tst_xrpaudit.moc"
