#include "admin/secretsafelogging.h"

#include <QLoggingCategory>
#include <QTest>

using namespace reg::admin;

// Qt's HTTP server logs request headers (with the bearer token) at debug level; turning debug
// logging on for everything must not turn that on.
class tst_SecretSafeLogging : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recognisesTheCategories_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("secret");
        QTest::newRow("httpserver") << QByteArray("qt.httpserver") << true;
        QTest::newRow("httpserver-request") << QByteArray("qt.httpserver.request") << true;
        QTest::newRow("websockets") << QByteArray("qt.websockets") << true;
        QTest::newRow("lookalike") << QByteArray("qt.httpserverx") << false;
        QTest::newRow("network") << QByteArray("qt.network.ssl") << false;
        QTest::newRow("ours") << QByteArray("registry.admin") << false;
    }
    void recognisesTheCategories()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, secret);
        QCOMPARE(isSecretBearingCategory(name.constData()), secret);
    }

    void debugStaysOffWhateverTheRulesSay()
    {
        installSecretSafeLogging();
        installSecretSafeLogging();   // idempotent: must not chain to itself
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        const QLoggingCategory httpServer("qt.httpserver");
        const QLoggingCategory request("qt.httpserver.request");
        const QLoggingCategory other("registry.test");
        QVERIFY(!httpServer.isDebugEnabled());
        QVERIFY(!request.isDebugEnabled());
        QVERIFY(httpServer.isWarningEnabled());
        QVERIFY(other.isDebugEnabled());   // the rules still apply to everything else
        QLoggingCategory::setFilterRules(QString());
    }
};

QTEST_GUILESS_MAIN(tst_SecretSafeLogging)
#include "tst_secretsafelogging.moc"
