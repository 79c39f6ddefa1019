#include "widgets/connectionindicator.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::ConnectionIndicator;
using Severity = noc::StatusPalette::Severity;

class tst_ConnectionIndicator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsDisconnectedAndFlashingRed()
    {
        ConnectionIndicator indicator;
        QCOMPARE(indicator.state(), ConnectionIndicator::State::Disconnected);
        QCOMPARE(indicator.severity(), Severity::Critical);
        QVERIFY(indicator.isFlashing());
        QCOMPARE(indicator.text(), u"Disconnected"_s);
    }

    void connectedIsSteadyGreenAndNamesTransport_data()
    {
        QTest::addColumn<bool>("viaSsh");
        QTest::addColumn<QString>("text");
        QTest::newRow("tls") << false << u"Connected to site-a · 127.0.0.1:9443 · TLS"_s;
        QTest::newRow("ssh") << true << u"Connected to site-a · 127.0.0.1:9443 · via SSH"_s;
    }
    void connectedIsSteadyGreenAndNamesTransport()
    {
        QFETCH(bool, viaSsh);
        QFETCH(QString, text);
        ConnectionIndicator indicator;
        indicator.showConnected(u"site-a"_s, u"127.0.0.1:9443"_s, viaSsh);
        QCOMPARE(indicator.state(), ConnectionIndicator::State::Connected);
        QCOMPARE(indicator.severity(), Severity::Ok);
        QVERIFY(!indicator.isFlashing());
        QCOMPARE(indicator.text(), text);
        QCOMPARE(indicator.accessibleName(), text);
    }

    void staleFlashesAmberAndCountsUp()
    {
        ConnectionIndicator indicator;
        indicator.showStale(31'500);
        QCOMPARE(indicator.severity(), Severity::Warning);
        QVERIFY(indicator.isFlashing());
        QVERIFY2(indicator.text().startsWith(u"Stale — no heartbeat for 3"_s), qPrintable(indicator.text()));
        const QString first = indicator.text();
        QTRY_VERIFY_WITH_TIMEOUT(indicator.text() != first, 5000);
        QVERIFY2(indicator.text().startsWith(u"Stale — no heartbeat for 3"_s), qPrintable(indicator.text()));
    }

    void reconnectingFlashesRedAndCountsDown()
    {
        ConnectionIndicator indicator;
        indicator.showReconnecting(1500);
        QCOMPARE(indicator.state(), ConnectionIndicator::State::Reconnecting);
        QCOMPARE(indicator.severity(), Severity::Critical);
        QVERIFY(indicator.isFlashing());
        QCOMPARE(indicator.text(), u"Disconnected — reconnecting in 2 s"_s);
        QTRY_COMPARE_WITH_TIMEOUT(indicator.text(), u"Disconnected — reconnecting now…"_s, 5000);
    }

    void disconnectedShowsReason()
    {
        ConnectionIndicator indicator;
        indicator.showConnected(u"site-a"_s, u"127.0.0.1:9443"_s, false);
        indicator.showDisconnected(u"connection refused"_s);
        QVERIFY(indicator.isFlashing());
        QCOMPARE(indicator.text(), u"Disconnected — connection refused"_s);
    }

    void connectingIsSteadyBlue()
    {
        ConnectionIndicator indicator;
        indicator.showConnecting(u"127.0.0.1:9443"_s);
        QCOMPARE(indicator.severity(), Severity::Info);
        QVERIFY(!indicator.isFlashing());
        QCOMPARE(indicator.text(), u"Connecting to 127.0.0.1:9443…"_s);
    }

    void widthFollowsText()
    {
        ConnectionIndicator indicator;
        indicator.showConnecting(u"x"_s);
        const int narrow = indicator.sizeHint().width();
        indicator.showConnected(u"a-much-longer-site-name"_s, u"192.168.100.200:9443"_s, true);
        QVERIFY(indicator.sizeHint().width() > narrow);
    }
};

QTEST_MAIN(tst_ConnectionIndicator)
#include "tst_connectionindicator.moc"
