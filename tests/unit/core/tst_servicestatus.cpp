#include "core/servicestatus.h"

#include <QSignalSpy>
#include <QTest>

using namespace reg;

class tst_ServiceStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsOneEntryPerServiceInOrder();
    void announcesOnlyRealChanges();
};

void tst_ServiceStatus::keepsOneEntryPerServiceInOrder()
{
    ServiceStatusBoard board;
    board.setStatus(QStringLiteral("management"), ServiceState::Starting);
    board.setStatus(QStringLiteral("store"), ServiceState::Running, {}, QStringLiteral("schema 1"));
    board.setStatus(QStringLiteral("management"), ServiceState::Running, QStringLiteral("127.0.0.1:9443"));
    const QList<ServiceStatus> all = board.snapshot();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("management"));
    QCOMPARE(all[0].state, ServiceState::Running);
    QCOMPARE(all[0].listen, QStringLiteral("127.0.0.1:9443"));
    QCOMPARE(QByteArray(serviceStateName(all[1].state)), QByteArray("running"));
}

void tst_ServiceStatus::announcesOnlyRealChanges()
{
    ServiceStatusBoard board;
    QSignalSpy spy(&board, &ServiceStatusBoard::changed);
    board.setStatus(QStringLiteral("xrp"), ServiceState::NotAvailable, {}, QStringLiteral("not part of this release"));
    board.setStatus(QStringLiteral("xrp"), ServiceState::NotAvailable, {}, QStringLiteral("not part of this release"));
    QCOMPARE(spy.count(), 1);
    board.setStatus(QStringLiteral("xrp"), ServiceState::Failed, {}, QStringLiteral("port in use"));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).value<ServiceStatus>().detail, QStringLiteral("port in use"));
}

QTEST_GUILESS_MAIN(tst_ServiceStatus)
#include "tst_servicestatus.moc"
