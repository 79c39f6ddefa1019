#include "setup/configtemplate.h"

#include "core/engineconfig.h"
#include "core/inidocument.h"

#include <QTest>

using namespace reg;
using namespace reg::setup;

namespace {

IniDocument parseTemplate(const QString &site = QStringLiteral("site-a"))
{
    Result<QByteArray> text = ConfigTemplate::render(site);
    if (!text)
        qFatal("render failed: %s", qPrintable(text.error().message));
    Result<IniDocument> doc = IniDocument::parse(*text, QStringLiteral("registryd.conf"));
    if (!doc)
        qFatal("parse failed: %s", qPrintable(doc.error().message));
    return *doc;
}

} // namespace

class tst_ConfigTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsWithEngineConfig()
    {
        Result<EngineConfig> config = EngineConfig::fromDocument(parseTemplate(QStringLiteral("site-b")), QStringLiteral("/srv/reg"));
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
        QCOMPARE(config->siteName, QStringLiteral("site-b"));
        QCOMPARE(config->store.databaseFile, QStringLiteral("/srv/reg/registry.db"));
        QCOMPARE(config->tls.caFile, QStringLiteral("/srv/reg/pki/ca.crt"));
        QCOMPARE(config->tls.certificateFile, QStringLiteral("/srv/reg/pki/server.crt"));
        QCOMPARE(config->tls.keyFile, QStringLiteral("/srv/reg/pki/server.key"));
        // The template states the defaults explicitly; they must be the engine's defaults.
        const ManagementConfig defaults;
        QCOMPARE(config->management.tokenLifetimeSecs, defaults.tokenLifetimeSecs);
        QCOMPARE(config->management.maxFailedLogins, defaults.maxFailedLogins);
        QCOMPARE(config->management.lockoutSecs, defaults.lockoutSecs);
        QCOMPARE(config->management.maxBodyBytes, defaults.maxBodyBytes);
        QCOMPARE(config->management.metricsRequireAuth, defaults.metricsRequireAuth);
        QCOMPARE(config->management.maxEventClients, defaults.maxEventClients);
        QCOMPARE(config->management.heartbeatSecs, defaults.heartbeatSecs);
        QCOMPARE(config->store.groupCommitMaxBatch, StoreConfig().groupCommitMaxBatch);
        const ProbesConfig probes;
        QCOMPARE(config->probes.enabled, probes.enabled);
        QCOMPARE(config->probes.intervalSecs, probes.intervalSecs);
        QCOMPARE(config->probes.timeoutSecs, probes.timeoutSecs);
        QCOMPARE(config->probes.retentionSecs, probes.retentionSecs);
        QCOMPARE(config->probes.caFile, QStringLiteral("/srv/reg/pki/ca.crt"));
    }

    void everyServiceOnLoopbackWithItsDevelopmentPort_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("port");
        QTest::newRow("management") << QStringLiteral("management") << 9443;
        QTest::newRow("xrp") << QStringLiteral("xrp") << 7000;
        QTest::newRow("whois") << QStringLiteral("whois") << 4343;
        QTest::newRow("rdap") << QStringLiteral("rdap") << 8443;
        QTest::newRow("dns") << QStringLiteral("dns") << 5300;
        QTest::newRow("replication") << QStringLiteral("replication") << 7400;
        QTest::newRow("snmp-traps") << QStringLiteral("snmp-traps") << 1162;
    }
    void everyServiceOnLoopbackWithItsDevelopmentPort()
    {
        QFETCH(QString, service);
        QFETCH(int, port);
        Result<EngineConfig> config = EngineConfig::fromDocument(parseTemplate(), QStringLiteral("/srv/reg"));
        QVERIFY(config.ok());
        const ServiceConfig *s = config->service(service);
        QVERIFY(s);
        QVERIFY(s->enabled);
        QCOMPARE(s->listen.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(int(s->listen.port), port);
    }

    void everyKeyHasACommentAboveIt()
    {
        const QList<QByteArray> lines = ConfigTemplate::render(QStringLiteral("site-a"))->split('\n');
        int keys = 0;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            if (line.isEmpty() || line.startsWith('#') || line.startsWith('['))
                continue;
            ++keys;
            QVERIFY2(i > 0 && lines[i - 1].trimmed().startsWith('#'),
                     qPrintable(QStringLiteral("line %1 (%2) has no comment above it").arg(i + 1).arg(QString::fromUtf8(line))));
        }
        QVERIFY(keys > 0);
    }

    // The template must offer every key the engine accepts: a key the engine knows but the template
    // lacks is a setting operators cannot discover. The expected list mirrors engineconfig.cpp.
    void containsEveryKeyTheEngineAccepts_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        const auto add = [](const char *section, const char *key) {
            QTest::addRow("%s.%s", section, key) << QString::fromLatin1(section) << QString::fromLatin1(key);
        };
        add("engine", "site");
        add("store", "database");
        add("store", "group_commit_max_batch");
        add("tls", "ca");
        add("tls", "certificate");
        add("tls", "key");
        for (const char *service : {"management", "xrp", "whois", "rdap", "dns", "replication", "snmp-traps"}) {
            add(service, "listen");
            add(service, "enabled");
        }
        for (const char *key : {"token_lifetime", "max_failed_logins", "lockout", "max_body", "metrics_require_auth",
                                "max_event_clients", "heartbeat"})
            add("management", key);
        for (const char *key : {"max_frame", "threads", "max_connections", "max_connections_per_address",
                                "max_sessions_per_user", "login_timeout", "idle_timeout", "frame_timeout",
                                "max_failed_logins", "lockout", "password_lifetime"})
            add("xrp", key);
        for (const char *key : {"add_grace", "renew_grace", "auto_renew_grace", "transfer_grace", "redemption",
                                "pending_restore", "pending_delete", "transfer_pending", "max_period",
                                "max_name_servers", "max_ds_records", "allow_documentation_addresses", "auto_renew",
                                "maintenance_interval"})
            add("srs", key);
        // soa_primary, notify and notify_key are offered commented out: they have no sensible default.
        for (const char *key : {"enabled", "probe_local", "interval", "timeout", "retention"})
            add("probes", key);
        for (const char *key : {"udp_threads", "max_tcp_connections", "max_tcp_connections_per_address", "tcp_idle_timeout",
                                "max_tcp_queries_per_connection", "max_udp_payload", "nameservers", "soa_contact",
                                "soa_refresh", "soa_retry", "soa_expire", "soa_minimum", "soa_ttl", "apex_ns_ttl",
                                "delegation_ttl", "ds_ttl", "publish_delay", "ixfr_history", "transfer_allowed",
                                "require_tsig", "tsig_key_file", "rrl_responses_per_second", "rrl_slip", "rrl_ipv4_prefix",
                                "rrl_ipv6_prefix"})
            add("dns", key);
    }
    void containsEveryKeyTheEngineAccepts()
    {
        QFETCH(QString, section);
        QFETCH(QString, key);
        QVERIFY(parseTemplate().entry(section, key).has_value());
    }

    void rejectsInvalidSiteNames_data()
    {
        QTest::addColumn<QString>("site");
        QTest::newRow("empty") << QString();
        QTest::newRow("upper case") << QStringLiteral("Site-A");
        QTest::newRow("leading dash") << QStringLiteral("-a");
        QTest::newRow("newline injects a key") << QStringLiteral("a\nlisten = 0.0.0.0:1");
        QTest::newRow("too long") << QString(64, u'a');
    }
    void rejectsInvalidSiteNames()
    {
        QFETCH(QString, site);
        Result<QByteArray> text = ConfigTemplate::render(site);
        QVERIFY(!text.ok());
        QCOMPARE(text.error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(tst_ConfigTemplate)
#include "tst_configtemplate.moc"
