#include "xrp/xrpadmission.h"
#include "xrp/xrptransactionids.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

#include <vector>

using namespace reg::xrp;

class tst_XrpAdmission : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limitsConnectionsInAll()
    {
        XrpAdmission admission(3, 10, 1);
        for (int i = 1; i <= 3; ++i)
            QVERIFY(admission.acquireConnection(QHostAddress(QStringLiteral("192.0.2.%1").arg(i))));
        QVERIFY(!admission.acquireConnection(QHostAddress(QStringLiteral("192.0.2.9"))));
        admission.releaseConnection(QHostAddress(QStringLiteral("192.0.2.2")));
        QVERIFY(admission.acquireConnection(QHostAddress(QStringLiteral("192.0.2.9"))));
        QCOMPARE(admission.connectionCount(), 3);
    }

    void limitsConnectionsPerAddress()
    {
        XrpAdmission admission(100, 2, 1);
        const QHostAddress peer(QStringLiteral("192.0.2.1"));
        QVERIFY(admission.acquireConnection(peer));
        QVERIFY(admission.acquireConnection(peer));
        QVERIFY(!admission.acquireConnection(peer));
        QVERIFY(admission.acquireConnection(QHostAddress(QStringLiteral("192.0.2.2"))));
        admission.releaseConnection(peer);
        QVERIFY(admission.acquireConnection(peer));
    }

    void mappedIpv4CountsAsTheSameAddress()
    {
        XrpAdmission admission(100, 1, 1);
        QVERIFY(admission.acquireConnection(QHostAddress(QStringLiteral("192.0.2.1"))));
        QVERIFY(!admission.acquireConnection(QHostAddress(QStringLiteral("::ffff:192.0.2.1"))));
        QCOMPARE(canonicalPeerAddress(QHostAddress(QStringLiteral("::ffff:192.0.2.1"))).toString(), QStringLiteral("192.0.2.1"));
        QCOMPARE(canonicalPeerAddress(QHostAddress(QStringLiteral("2001:db8::1"))).toString(), QStringLiteral("2001:db8::1"));
    }

    void releaseOfAnUnknownAddressChangesNothing()
    {
        XrpAdmission admission(1, 1, 1);
        admission.releaseConnection(QHostAddress(QStringLiteral("192.0.2.1")));
        QCOMPARE(admission.connectionCount(), 0);
        QVERIFY(admission.acquireConnection(QHostAddress(QStringLiteral("192.0.2.1"))));
        QVERIFY(!admission.acquireConnection(QHostAddress(QStringLiteral("192.0.2.2"))));
    }

    void limitsSessionsPerUser()
    {
        XrpAdmission admission(100, 100, 2);
        QVERIFY(admission.acquireSession(QStringLiteral("alpha")));
        QVERIFY(admission.acquireSession(QStringLiteral("alpha")));
        QVERIFY(!admission.acquireSession(QStringLiteral("alpha")));
        QVERIFY(admission.acquireSession(QStringLiteral("beta")));
        admission.releaseSession(QStringLiteral("alpha"));
        QCOMPARE(admission.sessionCount(QStringLiteral("alpha")), 1);
        QVERIFY(admission.acquireSession(QStringLiteral("alpha")));
    }

    void sessionLimitHoldsAcrossThreads()
    {
        XrpAdmission admission(1000, 1000, 5);
        std::atomic<int> granted{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back(QThread::create([&] {
                for (int i = 0; i < 50; ++i) {
                    if (admission.acquireSession(QStringLiteral("shared")))
                        granted.fetch_add(1);
                }
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(30000));
        QCOMPARE(granted.load(), 5);
        QCOMPARE(admission.sessionCount(QStringLiteral("shared")), 5);
    }

    void transactionIdsAreUniqueAndFitTheSchema_data()
    {
        QTest::addColumn<QString>("serverId");
        QTest::newRow("default") << QStringLiteral("registryd site-a");
        QTest::newRow("empty") << QString();
        QTest::newRow("symbols only") << QStringLiteral("<&> \"'");
        QTest::newRow("very long") << QString(300, u'x');
    }

    void transactionIdsAreUniqueAndFitTheSchema()
    {
        QFETCH(QString, serverId);
        XrpTransactionIds ids(serverId, QDateTime(QDate(2026, 11, 21), QTime(8, 0), Qt::UTC));
        static const QRegularExpression tokenSafe(QStringLiteral("^[A-Za-z0-9.-]{3,64}$"));
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString id = ids.next();
            QVERIFY2(tokenSafe.match(id).hasMatch(), qPrintable(id));
            QVERIFY(!seen.contains(id));
            seen.insert(id);
        }
    }

    void transactionIdsDifferAcrossRestarts()
    {
        XrpTransactionIds first(QStringLiteral("reg"), QDateTime(QDate(2026, 11, 21), QTime(8, 0), Qt::UTC));
        XrpTransactionIds second(QStringLiteral("reg"), QDateTime(QDate(2026, 11, 21), QTime(8, 0, 0, 1), Qt::UTC));
        QVERIFY(first.next() != second.next());
    }

    void transactionIdsAreUniqueAcrossThreads()
    {
        XrpTransactionIds ids(QStringLiteral("reg"), QDateTime::currentDateTimeUtc());
        std::vector<QStringList> perThread(4);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                for (int i = 0; i < 2000; ++i)
                    perThread[t].append(ids.next());
            }));
            threads.back()->start();
        }
        QSet<QString> all;
        for (auto &thread : threads)
            QVERIFY(thread->wait(30000));
        for (const QStringList &list : perThread) {
            for (const QString &id : list)
                all.insert(id);
        }
        QCOMPARE(all.size(), 8000);
    }
};

QTEST_GUILESS_MAIN(tst_XrpAdmission)
#include "tst_xrpadmission.moc"
