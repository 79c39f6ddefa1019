#include "core/engineconfig.h"

#include <QTest>

using namespace reg;

namespace {

const QByteArray minimal = "[management]\nlisten = 127.0.0.1:9443\n";

Result<EngineConfig> load(const QByteArray &text)
{
    Result<IniDocument> doc = IniDocument::parse(text, QStringLiteral("registryd.conf"));
    if (!doc)
        return doc.error();
    return EngineConfig::fromDocument(*doc, QStringLiteral("/var/lib/registryd"));
}

} // namespace

class tst_EngineConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void minimalConfigGetsDefaults();
    void readsEveryManagementSetting();
    void resolvesPathsAgainstDataDir();
    void readsEveryXrpSetting();
    void readsEverySrsSetting();
    void readsEveryDnsSetting();
    void readsEveryMonitorSetting();
    void rejectsBadValues_data();
    void rejectsBadValues();
};

void tst_EngineConfig::minimalConfigGetsDefaults()
{
    Result<EngineConfig> config = load(minimal);
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    QCOMPARE(config->management.service.listen.port, quint16(9443));
    QCOMPARE(config->management.maxFailedLogins, 5);
    QCOMPARE(config->management.tokenLifetimeSecs, qint64(8 * 3600));
    QCOMPARE(config->store.databaseFile, QStringLiteral("/var/lib/registryd/registry.db"));
    QCOMPARE(config->services.size(), 1);
}

void tst_EngineConfig::readsEveryManagementSetting()
{
    Result<EngineConfig> config = load("[engine]\nsite = site-b\n"
                                       "[management]\nlisten = [::1]:9443\ntoken_lifetime = 30m\nmax_failed_logins = 3\n"
                                       "lockout = 1h\nmax_body = 64K\nmetrics_require_auth = no\nmax_event_clients = 8\nheartbeat = 2s\n"
                                       "request_timeout = 5s\nidle_timeout = 1m\n"
                                       "[xrp]\nlisten = 127.0.0.1:7000\nenabled = false\n");
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    QCOMPARE(config->siteName, QStringLiteral("site-b"));
    const ManagementConfig &m = config->management;
    QCOMPARE(m.tokenLifetimeSecs, qint64(1800));
    QCOMPARE(m.maxFailedLogins, 3);
    QCOMPARE(m.lockoutSecs, qint64(3600));
    QCOMPARE(m.maxBodyBytes, qint64(65536));
    QCOMPARE(m.metricsRequireAuth, false);
    QCOMPARE(m.maxEventClients, 8);
    QCOMPARE(m.heartbeatSecs, qint64(2));
    QCOMPARE(m.requestTimeoutSecs, qint64(5));
    QCOMPARE(m.idleTimeoutSecs, qint64(60));
    QVERIFY(config->service(QStringLiteral("xrp")));
    QCOMPARE(config->service(QStringLiteral("xrp"))->enabled, false);
}

void tst_EngineConfig::readsEveryXrpSetting()
{
    Result<EngineConfig> defaults = load(minimal);
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->xrp.maxSessionsPerUser, 1);             // seed 001
    QCOMPARE(defaults->xrp.passwordLifetimeSecs, qint64(90 * 86400));
    QCOMPARE(defaults->xrp.serverId, QStringLiteral("registryd site-a"));

    Result<EngineConfig> config = load(minimal + "[xrp]\nlisten = 127.0.0.1:7000\nmax_frame = 128K\nthreads = 3\n"
                                                 "max_connections = 50\nmax_connections_per_address = 5\nmax_sessions_per_user = 4\n"
                                                 "login_timeout = 20s\nidle_timeout = 5m\nframe_timeout = 10s\nmax_failed_logins = 7\n"
                                                 "lockout = 1h\npassword_lifetime = 30d\nserver_id = \"Example Registry\"\n");
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    const XrpConfig &x = config->xrp;
    QCOMPARE(x.maxFrameBytes, qint64(128 * 1024));
    QCOMPARE(x.threads, 3);
    QCOMPARE(x.maxConnections, 50);
    QCOMPARE(x.maxConnectionsPerAddress, 5);
    QCOMPARE(x.maxSessionsPerUser, 4);
    QCOMPARE(x.loginTimeoutSecs, qint64(20));
    QCOMPARE(x.idleTimeoutSecs, qint64(300));
    QCOMPARE(x.frameTimeoutSecs, qint64(10));
    QCOMPARE(x.maxFailedLogins, 7);
    QCOMPARE(x.lockoutSecs, qint64(3600));
    QCOMPARE(x.passwordLifetimeSecs, qint64(30 * 86400));
    QCOMPARE(x.serverId, QStringLiteral("Example Registry"));
}

void tst_EngineConfig::readsEverySrsSetting()
{
    Result<EngineConfig> config = load(minimal + "[srs]\nadd_grace = 3d\nrenew_grace = 4d\nauto_renew_grace = 40d\n"
                                                 "transfer_grace = 2d\nredemption = 20d\npending_restore = 6d\npending_delete = 4d\n"
                                                 "transfer_pending = 3d\nmax_period = 5\nmax_name_servers = 6\nmax_ds_records = 2\n"
                                                 "allow_documentation_addresses = yes\nauto_renew = no\nmaintenance_interval = 5m\n");
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    const SrsPolicy &p = config->srs;
    const qint64 day = 86400;
    QCOMPARE(p.addGraceSecs, 3 * day);
    QCOMPARE(p.renewGraceSecs, 4 * day);
    QCOMPARE(p.autoRenewGraceSecs, 40 * day);
    QCOMPARE(p.transferGraceSecs, 2 * day);
    QCOMPARE(p.redemptionSecs, 20 * day);
    QCOMPARE(p.pendingRestoreSecs, 6 * day);
    QCOMPARE(p.pendingDeleteSecs, 4 * day);
    QCOMPARE(p.transferPendingSecs, 3 * day);
    QCOMPARE(p.maxPeriodYears, 5);
    QCOMPARE(p.maxNameServers, 6);
    QCOMPARE(p.maxDsRecords, 2);
    QCOMPARE(p.allowDocumentationAddresses, true);
    QCOMPARE(p.autoRenew, false);
    QCOMPARE(p.maintenanceIntervalSecs, qint64(300));
    QVERIFY(p.tlds.isEmpty());   // the TLDs live in the database
}

void tst_EngineConfig::readsEveryDnsSetting()
{
    Result<EngineConfig> config = load(minimal + "[dns]\nlisten = 127.0.0.1:5300\nudp_threads = 2\nmax_tcp_connections = 40\n"
                                                 "max_tcp_connections_per_address = 4\ntcp_idle_timeout = 20s\nmax_tcp_queries_per_connection = 100\n"
                                                 "max_udp_payload = 1400\n"
                                                 "nameservers = A.NIC.Example. 192.0.2.1 2001:db8::53, ns.other-dns.net\n"
                                                 "soa_contact = hostmaster.nic.example\nsoa_refresh = 1h\nsoa_retry = 10m\nsoa_expire = 21d\n"
                                                 "soa_minimum = 5m\nsoa_ttl = 1h\napex_ns_ttl = 1d\ndelegation_ttl = 12h\nds_ttl = 2h\n"
                                                 "publish_delay = 50\nixfr_history = 20\ntransfer_allowed = 127.0.0.1, ::1\nrequire_tsig = yes\n"
                                                 "tsig_key_file = dns/keys\nnotify = 127.0.0.1:5301, [::1]:5302, 192.0.2.9\nnotify_key = Registry-XFR\n"
                                                 "rrl_responses_per_second = 15\nrrl_slip = 3\nrrl_ipv4_prefix = 22\nrrl_ipv6_prefix = 48\n");
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    const DnsConfig &d = config->dns;
    QCOMPARE(d.udpThreads, 2);
    QCOMPARE(d.maxTcpConnections, 40);
    QCOMPARE(d.maxTcpConnectionsPerAddress, 4);
    QCOMPARE(d.tcpIdleTimeoutSecs, qint64(20));
    QCOMPARE(d.maxTcpQueriesPerConnection, 100);
    QCOMPARE(d.maxUdpPayload, 1400);
    QCOMPARE(d.apexNameServers.size(), 2);
    QCOMPARE(d.apexNameServers[0].name, QStringLiteral("a.nic.example"));
    QCOMPARE(d.apexNameServers[0].addresses, (QList<QHostAddress>{QHostAddress(QStringLiteral("192.0.2.1")), QHostAddress(QStringLiteral("2001:db8::53"))}));
    QCOMPARE(d.apexNameServers[1].name, QStringLiteral("ns.other-dns.net"));
    QVERIFY(d.apexNameServers[1].addresses.isEmpty());
    QCOMPARE(d.soaPrimary, QStringLiteral("a.nic.example"));   // the first name server unless set
    QCOMPARE(d.soaContact, QStringLiteral("hostmaster.nic.example"));
    QCOMPARE(d.soaRefreshSecs, qint64(3600));
    QCOMPARE(d.soaRetrySecs, qint64(600));
    QCOMPARE(d.soaExpireSecs, qint64(21 * 86400));
    QCOMPARE(d.soaMinimumSecs, qint64(300));
    QCOMPARE(d.soaTtlSecs, qint64(3600));
    QCOMPARE(d.apexNsTtlSecs, qint64(86400));
    QCOMPARE(d.delegationTtlSecs, qint64(12 * 3600));
    QCOMPARE(d.dsTtlSecs, qint64(7200));
    QCOMPARE(d.publishDelayMs, qint64(50));
    QCOMPARE(d.ixfrHistory, 20);
    QCOMPARE(d.transferAllowed, (QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.1")), QHostAddress(QStringLiteral("::1"))}));
    QCOMPARE(d.requireTsig, true);
    QCOMPARE(d.tsigKeyFile, QStringLiteral("/var/lib/registryd/dns/keys"));
    QCOMPARE(d.notifyTargets.size(), 3);
    QCOMPARE(d.notifyTargets[0], (NotifyTarget{QHostAddress(QStringLiteral("127.0.0.1")), 5301}));
    QCOMPARE(d.notifyTargets[1], (NotifyTarget{QHostAddress(QStringLiteral("::1")), 5302}));
    QCOMPARE(d.notifyTargets[2], (NotifyTarget{QHostAddress(QStringLiteral("192.0.2.9")), 53}));
    QCOMPARE(d.notifyKey, QStringLiteral("registry-xfr"));
    QCOMPARE(d.rrlResponsesPerSecond, 15);
    QCOMPARE(d.rrlSlip, 3);
    QCOMPARE(d.rrlIpv4PrefixLength, 22);
    QCOMPARE(d.rrlIpv6PrefixLength, 48);
}

void tst_EngineConfig::readsEveryMonitorSetting()
{
    Result<EngineConfig> defaults = load(minimal);
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->monitor.enabled, false);
    QCOMPARE(defaults->monitor.trapListen.toString(), QStringLiteral("127.0.0.1:1162"));
    QCOMPARE(defaults->monitor.sampleRetentionSecs, qint64(35 * 86400));

    Result<EngineConfig> config = load(minimal + "[monitor]\nenabled = true\ntrap_listen = 127.0.0.1:0\ntrap_communities_file = traps.secret\n"
                                                 "trap_users_file = /etc/registryd/trap-users\n"
                                                 "trap_rules = 1.3.6.1.4.1.2021.251.1 raise critical ups-on-battery, 1.3.6.1.4.1.2021.251.2 clear critical ups-on-battery\n"
                                                 "raise_after = 2\nclear_after = 1\ncpu_warning = 70\ncpu_critical = 80\nmemory_warning = 60\n"
                                                 "memory_critical = 65\nstorage_warning = 50\nstorage_critical = 55\nsample_retention = 7d\n"
                                                 "trap_log_retention = 30d\ninventory_refresh = 10s\n");
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    const MonitorConfig &m = config->monitor;
    QVERIFY(m.enabled);
    QCOMPARE(m.trapListen.port, quint16(0));
    QCOMPARE(m.trapCommunitiesFile, QStringLiteral("/var/lib/registryd/traps.secret"));
    QCOMPARE(m.trapUsersFile, QStringLiteral("/etc/registryd/trap-users"));
    QVERIFY(defaults->monitor.trapUsersFile.isEmpty());
    QCOMPARE(m.trapRules.size(), 2);
    QCOMPARE(m.raiseAfter, 2);
    QCOMPARE(m.clearAfter, 1);
    QCOMPARE(m.cpuWarning, 70.0);
    QCOMPARE(m.cpuCritical, 80.0);
    QCOMPARE(m.memoryCritical, 65.0);
    QCOMPARE(m.storageWarning, 50.0);
    QCOMPARE(m.sampleRetentionSecs, qint64(7 * 86400));
    QCOMPARE(m.trapLogRetentionSecs, qint64(30 * 86400));
    QCOMPARE(m.inventoryRefreshSecs, qint64(10));
}

void tst_EngineConfig::resolvesPathsAgainstDataDir()
{
    Result<EngineConfig> config = load(minimal + "[store]\ndatabase = db/reg.db\n[tls]\ncertificate = /etc/ssl/x.crt\n");
    QVERIFY(config.ok());
    QCOMPARE(config->store.databaseFile, QStringLiteral("/var/lib/registryd/db/reg.db"));
    QCOMPARE(config->tls.certificateFile, QStringLiteral("/etc/ssl/x.crt"));
    QCOMPARE(config->tls.keyFile, QStringLiteral("/var/lib/registryd/pki/server.key"));
}

void tst_EngineConfig::rejectsBadValues_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no management") << QByteArray("[store]\ndatabase = x.db\n") << QStringLiteral("[management] section");
    QTest::newRow("management disabled") << (minimal + "enabled = false\n") << QStringLiteral("cannot be disabled");
    QTest::newRow("unknown section") << (minimal + "[wohis]\nlisten = 127.0.0.1:43\n") << QStringLiteral("registryd.conf:3: unknown section [wohis]");
    QTest::newRow("unknown key") << (minimal + "lisen = 1\n") << QStringLiteral("registryd.conf:3: unknown key \"lisen\" in [management]");
    QTest::newRow("bad port") << QByteArray("[management]\nlisten = 127.0.0.1:99999\n") << QStringLiteral("registryd.conf:2: [management] listen");
    QTest::newRow("missing listen") << QByteArray("[management]\nlisten = 127.0.0.1:1\n[xrp]\nenabled = true\n") << QStringLiteral("[xrp] is missing required key \"listen\"");
    QTest::newRow("zero logins") << (minimal + "max_failed_logins = 0\n") << QStringLiteral("must be between 1 and 100");
    QTest::newRow("bad duration") << (minimal + "lockout = soon\n") << QStringLiteral("lockout");
    QTest::newRow("request timeout zero") << (minimal + "request_timeout = 0s\n") << QStringLiteral("request_timeout");
    QTest::newRow("idle timeout too long") << (minimal + "idle_timeout = 2h\n") << QStringLiteral("idle_timeout");
    QTest::newRow("port clash") << (minimal + "[whois]\nlisten = 127.0.0.1:9443\n") << QStringLiteral("[management] and [whois] both listen on 127.0.0.1:9443");
    QTest::newRow("empty site") << (minimal + "[engine]\nsite =\n") << QStringLiteral("must not be empty");
    QTest::newRow("frame too small") << (minimal + "[xrp]\nlisten = 127.0.0.1:7000\nmax_frame = 100\n") << QStringLiteral("max_frame");
    QTest::newRow("unknown xrp key") << (minimal + "[xrp]\nlisten = 127.0.0.1:7000\nmax_sesions = 2\n") << QStringLiteral("unknown key \"max_sesions\" in [xrp]");
    QTest::newRow("redemption too long") << (minimal + "[srs]\nredemption = 120d\n") << QStringLiteral("redemption");
    QTest::newRow("period zero") << (minimal + "[srs]\nmax_period = 0\n") << QStringLiteral("max_period");
    QTest::newRow("unknown srs key") << (minimal + "[srs]\ngrace = 5d\n") << QStringLiteral("unknown key \"grace\" in [srs]");
    const QByteArray dns = minimal + "[dns]\nlisten = 127.0.0.1:5300\n";
    QTest::newRow("dns without name servers") << dns << QStringLiteral("[dns] needs \"nameservers\"");
    QTest::newRow("dns name server not a name") << (dns + "nameservers = -bad-.example\n") << QStringLiteral("not a valid host name");
    QTest::newRow("dns name server bad address") << (dns + "nameservers = a.nic.example 300.1.1.1\n") << QStringLiteral("not an IPv4 or IPv6 address");
    QTest::newRow("dns empty list item") << (dns + "nameservers = a.nic.example,,b.nic.example\n") << QStringLiteral("empty item");
    QTest::newRow("dns transfers without key file") << (dns + "nameservers = a.nic.example\ntransfer_allowed = 127.0.0.1\n")
                                                     << QStringLiteral("names no tsig_key_file");
    QTest::newRow("dns notify port zero") << (dns + "nameservers = a.nic.example\nnotify = 127.0.0.1:0\n") << QStringLiteral("port other than 0");
    QTest::newRow("dns udp payload too small") << (dns + "nameservers = a.nic.example\nmax_udp_payload = 100\n") << QStringLiteral("max_udp_payload");
    QTest::newRow("dns publish delay too long") << (dns + "nameservers = a.nic.example\npublish_delay = 5000\n") << QStringLiteral("publish_delay");
    QTest::newRow("unknown monitor key") << (minimal + "[monitor]\nenabled = true\ntrap_community = x\n")
                                         << QStringLiteral("registryd.conf:5: unknown key \"trap_community\" in [monitor]");
    QTest::newRow("monitor warning above critical") << (minimal + "[monitor]\ncpu_warning = 96\n") << QStringLiteral("cpu_warning (96) must be below cpu_critical (95)");
    QTest::newRow("monitor raise_after zero") << (minimal + "[monitor]\nraise_after = 0\n") << QStringLiteral("raise_after");
    QTest::newRow("monitor bad trap rule") << (minimal + "[monitor]\ntrap_rules = 1.3.6.1 page everyone\n") << QStringLiteral("trap_rules");
    QTest::newRow("batch zero") << (minimal + "[store]\ngroup_commit_max_batch = 0\n") << QStringLiteral("group_commit_max_batch");
}

void tst_EngineConfig::rejectsBadValues()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    Result<EngineConfig> config = load(text);
    QVERIFY(!config.ok());
    QVERIFY2(config.error().message.contains(expected), qPrintable(config.error().message));
}

QTEST_GUILESS_MAIN(tst_EngineConfig)
#include "tst_engineconfig.moc"
