#include "admin/metricsregistry.h"

#include <QTest>

using namespace reg::admin;

class tst_MetricsRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rendersPrometheusTextFormat()
    {
        MetricsRegistry m;
        QVERIFY(m.define(QStringLiteral("registry_up"), MetricsRegistry::Type::Gauge, QStringLiteral("1 while the engine runs.")));
        QVERIFY(m.define(QStringLiteral("requests_total"), MetricsRegistry::Type::Counter, QStringLiteral("Requests.")));
        m.set(QStringLiteral("registry_up"), 1);
        m.add(QStringLiteral("requests_total"), {{QStringLiteral("status"), QStringLiteral("2xx")}});
        m.add(QStringLiteral("requests_total"), {{QStringLiteral("status"), QStringLiteral("2xx")}}, 2);
        m.add(QStringLiteral("requests_total"), {{QStringLiteral("status"), QStringLiteral("4xx")}});
        QCOMPARE(m.render(), QByteArray("# HELP registry_up 1 while the engine runs.\n"
                                        "# TYPE registry_up gauge\n"
                                        "registry_up 1\n"
                                        "# HELP requests_total Requests.\n"
                                        "# TYPE requests_total counter\n"
                                        "requests_total{status=\"2xx\"} 3\n"
                                        "requests_total{status=\"4xx\"} 1\n"));
    }

    void escapesLabelValuesAndHelp()
    {
        MetricsRegistry m;
        m.define(QStringLiteral("svc"), MetricsRegistry::Type::Gauge, QStringLiteral("line one\nback\\slash"));
        m.set(QStringLiteral("svc"), {{QStringLiteral("name"), QStringLiteral("a\"b\\c\nd")}}, 0.5);
        QCOMPARE(m.render(), QByteArray("# HELP svc line one\\nback\\\\slash\n"
                                        "# TYPE svc gauge\n"
                                        "svc{name=\"a\\\"b\\\\c\\nd\"} 0.5\n"));
    }

    void rejectsInvalidNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("registry_up") << true;
        QTest::newRow("colon") << QStringLiteral("a:b") << true;
        QTest::newRow("leading-digit") << QStringLiteral("1abc") << false;
        QTest::newRow("dash") << QStringLiteral("a-b") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void rejectsInvalidNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(MetricsRegistry::isValidName(name), valid);
        MetricsRegistry m;
        QCOMPARE(m.define(name, MetricsRegistry::Type::Gauge, QStringLiteral("x")), valid);
    }

    void undefinedFamiliesAreIgnored()
    {
        MetricsRegistry m;
        m.set(QStringLiteral("nothing"), 5);
        QCOMPARE(m.value(QStringLiteral("nothing")), 0.0);
        QVERIFY(m.render().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_MetricsRegistry)
#include "tst_metricsregistry.moc"
