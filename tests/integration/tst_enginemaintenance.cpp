#include "common/enginefixture.h"

#include "store/connection.h"

#include <QDateTime>
#include <QTest>

using namespace reg;
using testsupport::EngineFixture;

// The running engine applies the registry's life cycle on its own: a domain that expired while the
// engine was down is auto-renewed (and billed) right after start, with its journal entry.
class tst_EngineMaintenance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expiredDomainIsAutoRenewedAfterStart()
    {
        EngineFixture engine;
        QString error;
        QVERIFY2(engine.initialize(&error), qPrintable(error));
        const QString database = engine.dataDir() + QStringLiteral("/registry.db");

        QString name;
        QString sponsor;
        qint64 balanceBefore = 0;
        const qint64 expiredAt = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
        {
            auto db = store::Connection::open(database, store::Connection::Mode::ReadWrite);
            QVERIFY(db.ok());
            auto row = (*db)->queryRows(QStringLiteral("SELECT name, registrar_id FROM domains ORDER BY name LIMIT 1"));
            QVERIFY(row.ok() && !row->isEmpty());
            name = row->first().value(0).toString();
            sponsor = row->first().value(1).toString();
            QVERIFY((*db)->execute(QStringLiteral("UPDATE domains SET expires_at = ?1 WHERE name = ?2"), {expiredAt, name}).ok());
            balanceBefore = (*db)->queryValue(QStringLiteral("SELECT balance_cents FROM registrars WHERE id = ?1"), {sponsor})->toLongLong();
        }

        QVERIFY2(engine.start(&error), qPrintable(error));
        auto db = store::Connection::open(database, store::Connection::Mode::ReadOnly);
        QVERIFY(db.ok());
        const auto expiry = [&] {
            return (*db)->queryValue(QStringLiteral("SELECT expires_at FROM domains WHERE name = ?1"), {name})->toLongLong();
        };
        QTRY_VERIFY_WITH_TIMEOUT(expiry() > expiredAt, 30000);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(expiry(), Qt::UTC).date(),
                 QDateTime::fromMSecsSinceEpoch(expiredAt, Qt::UTC).date().addYears(1));

        const auto renewals = (*db)->queryValue(QStringLiteral("SELECT count(*) FROM journal WHERE kind = 'domain.renew' AND object = ?1"), {name});
        QCOMPARE(renewals->toInt(), 1);
        const auto charged = (*db)->queryValue(QStringLiteral("SELECT count(*) FROM ledger WHERE operation = 'autoRenew' AND object = ?1"), {name});
        QCOMPARE(charged->toInt(), 1);
        QVERIFY((*db)->queryValue(QStringLiteral("SELECT balance_cents FROM registrars WHERE id = ?1"), {sponsor})->toLongLong() < balanceBefore);
        QCOMPARE(engine.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_EngineMaintenance)
#include "tst_enginemaintenance.moc"
