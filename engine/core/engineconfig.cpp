#include "engineconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <tuple>

namespace reg {
namespace {

// The services that have a section with a "listen" key, in the order the status page shows them.
const QList<QString> serviceSections = {
    QStringLiteral("management"), QStringLiteral("xrp"),   QStringLiteral("whois"),
    QStringLiteral("rdap"),       QStringLiteral("dns"),   QStringLiteral("replication"),
    QStringLiteral("snmp-traps"),
};

// Reads the keys of one section, remembering which were consumed so leftovers can be reported.
class SectionReader
{
public:
    SectionReader(const IniDocument &doc, const QString &section) : m_doc(doc), m_section(section) {}

    std::optional<IniDocument::Entry> take(const QString &key)
    {
        m_known.insert(key);
        return m_doc.entry(m_section, key);
    }

    Error errorAt(const IniDocument::Entry &e, const Error &error) const
    {
        return Error(error.code, QStringLiteral("%1:%2: [%3] %4: %5")
                                     .arg(m_doc.sourceName()).arg(e.line).arg(m_section, e.key, error.message));
    }

    template<typename T, typename Parse>
    Result<void> read(const QString &key, T &target, Parse parse)
    {
        const auto e = take(key);
        if (!e)
            return success();
        auto parsed = parse(e->value);
        if (!parsed)
            return errorAt(*e, parsed.error());
        target = static_cast<T>(*parsed);
        return success();
    }

    Result<void> requireKey(const QString &key) const
    {
        if (m_doc.entry(m_section, key))
            return success();
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1: [%2] is missing required key \"%3\"")
                                                  .arg(m_doc.sourceName(), m_section, key));
    }

    Result<void> rejectUnknown() const
    {
        const IniDocument::Section *s = m_doc.section(m_section);
        if (!s)
            return success();
        for (const auto &e : s->entries) {
            if (!m_known.contains(e.key))
                return Error(ErrorCode::InvalidInput, QStringLiteral("%1:%2: unknown key \"%3\" in [%4]")
                                                          .arg(m_doc.sourceName()).arg(e.line).arg(e.key, m_section));
        }
        return success();
    }

private:
    const IniDocument &m_doc;
    QString m_section;
    QSet<QString> m_known;
};

Result<QString> nonEmpty(const QString &text)
{
    if (text.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("must not be empty"));
    return text;
}

QString resolve(const QString &dataDir, const QString &path)
{
    return QFileInfo(path).isAbsolute() ? QDir::cleanPath(path) : QDir::cleanPath(dataDir + u'/' + path);
}

// Items of a comma-separated list, trimmed; empty items are an error.
Result<QStringList> listItems(const QString &text)
{
    QStringList items;
    if (text.trimmed().isEmpty())
        return items;
    for (const QString &item : text.split(u',')) {
        const QString trimmed = item.trimmed();
        if (trimmed.isEmpty())
            return Error(ErrorCode::InvalidInput, QStringLiteral("has an empty item in its comma-separated list"));
        items << trimmed;
    }
    return items;
}

Result<QHostAddress> hostAddress(const QString &text)
{
    QHostAddress address;
    if (!address.setAddress(text) || text.contains(u'%'))
        return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not an IPv4 or IPv6 address").arg(text));
    return address;
}

// A host name in the configuration: LDH labels, at most 253 characters, no trailing dot kept.
Result<QString> hostName(const QString &text)
{
    QString name = text.toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    static const QRegularExpression label(QStringLiteral("^[a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?$"));
    const QStringList labels = name.split(u'.');
    if (name.isEmpty() || name.size() > 253 || labels.size() < 2)
        return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a fully qualified host name").arg(text));
    for (const QString &l : labels) {
        if (!label.match(l).hasMatch())
            return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a valid host name").arg(text));
    }
    return name;
}

// A TSIG key name: one or more LDH labels (RFC 8945 keys are domain names, usually one label).
Result<QString> keyName(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?)*$"));
    const QString name = text.toLower();
    if (name.size() > 253 || !re.match(name).hasMatch())
        return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a valid key name").arg(text));
    return name;
}

// "name [address ...], name [address ...]": the apex name servers.
Result<QList<ApexNameServer>> apexNameServers(const QString &text)
{
    Result<QStringList> items = listItems(text);
    if (!items)
        return items.error();
    QList<ApexNameServer> servers;
    for (const QString &item : *items) {
        const QStringList words = item.split(u' ', Qt::SkipEmptyParts);
        Result<QString> name = hostName(words.first());
        if (!name)
            return name.error();
        ApexNameServer server{*name, {}};
        for (qsizetype i = 1; i < words.size(); ++i) {
            Result<QHostAddress> a = hostAddress(words[i]);
            if (!a)
                return a.error();
            server.addresses << *a;
        }
        servers << server;
    }
    return servers;
}

// An absolute https URL ending in '/', the base that RDAP links are made from (RFC 7480 4.2).
Result<QString> httpsBaseUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"https" || url.host().isEmpty() || url.hasQuery() || url.hasFragment()
        || !text.endsWith(u'/'))
        return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not an https URL ending in '/'").arg(text));
    return text;
}

Result<QList<QHostAddress>> addressList(const QString &text)
{
    Result<QStringList> items = listItems(text);
    if (!items)
        return items.error();
    QList<QHostAddress> addresses;
    for (const QString &item : *items) {
        Result<QHostAddress> a = hostAddress(item);
        if (!a)
            return a.error();
        addresses << *a;
    }
    return addresses;
}

// Comma-separated networks in CIDR form ("192.0.2.0/24, 2001:db8::/32"); a bare address is one host.
Result<QList<QPair<QHostAddress, int>>> networkList(const QString &text)
{
    Result<QStringList> items = listItems(text);
    if (!items)
        return items.error();
    QList<QPair<QHostAddress, int>> networks;
    for (const QString &item : *items) {
        QPair<QHostAddress, int> network = QHostAddress::parseSubnet(item.contains(u'/') ? item : item + u"/128");
        if (!item.contains(u'/') && network.first.isNull())
            network = QHostAddress::parseSubnet(item + u"/32");
        if (network.first.isNull() || network.second < 0)
            return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a network (address/prefix length)").arg(item));
        networks << network;
    }
    return networks;
}

// "address[:port]" or "[v6]:port"; the port defaults to 53.
Result<QList<NotifyTarget>> notifyTargets(const QString &text)
{
    Result<QStringList> items = listItems(text);
    if (!items)
        return items.error();
    QList<NotifyTarget> targets;
    for (const QString &item : *items) {
        const bool bracketed = item.startsWith(u'[');
        const bool hasPort = bracketed ? item.contains(u"]:") : item.count(u':') == 1;
        if (!hasPort) {
            Result<QHostAddress> a = hostAddress(bracketed ? item.mid(1, item.size() - 2) : item);
            if (!a)
                return a.error();
            targets << NotifyTarget{*a, 53};
            continue;
        }
        Result<ListenAddress> l = ListenAddress::parse(item);
        if (!l)
            return l.error();
        if (l->port == 0)
            return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" needs a port other than 0").arg(item));
        targets << NotifyTarget{l->address, l->port};
    }
    return targets;
}

// "service site address:port, ...": the probe targets besides the engine's own services.
Result<QList<ProbeTargetConfig>> probeTargets(const QString &text)
{
    static const QStringList services{QStringLiteral("xrp"), QStringLiteral("whois"), QStringLiteral("rdap"),
                                      QStringLiteral("dns-udp"), QStringLiteral("dns-tcp")};
    static const QRegularExpression siteName(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}$"));
    Result<QStringList> items = listItems(text);
    if (!items)
        return items.error();
    QList<ProbeTargetConfig> targets;
    for (const QString &item : *items) {
        const QStringList words = item.split(u' ', Qt::SkipEmptyParts);
        if (words.size() != 3)
            return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not \"service site address:port\"").arg(item.left(64)));
        if (!services.contains(words[0]))
            return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a probed service (%2)").arg(words[0].left(32), services.join(u", ")));
        if (!siteName.match(words[1]).hasMatch())
            return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a site name").arg(words[1].left(64)));
        Result<ListenAddress> address = ListenAddress::parse(words[2]);
        if (!address)
            return address.error();
        if (address->port == 0)
            return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" needs a port other than 0").arg(words[2]));
        targets << ProbeTargetConfig{words[0], words[1], *address};
    }
    return targets;
}

// "<numeric OID> raise|clear <severity> <alarm>, ...": the shape only; the monitor service
// checks each rule in full (the OID, the severity) when it starts.
Result<QStringList> trapRuleList(const QString &text)
{
    Result<QStringList> items = listItems(text);
    if (!items)
        return items.error();
    if (items->size() > 200)
        return Error(ErrorCode::InvalidInput, QStringLiteral("at most 200 trap rules"));
    for (const QString &item : std::as_const(*items)) {
        const QStringList words = item.split(u' ', Qt::SkipEmptyParts);
        if (words.size() != 4 || (words[1] != u"raise" && words[1] != u"clear"))
            return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not \"<OID> raise|clear <severity> <alarm>\"").arg(item.left(64)));
    }
    return items;
}

#define REG_TRY(expr)                      \
    do {                                   \
        if (auto r_ = (expr); !r_.ok())    \
            return r_.error();             \
    } while (false)

} // namespace

Result<EngineConfig> EngineConfig::load(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(QString::fromLatin1(fileName));
    Result<IniDocument> doc = IniDocument::parseFile(path);
    if (!doc)
        return doc.error();
    return fromDocument(*doc, QDir(dataDir).absolutePath());
}

Result<EngineConfig> EngineConfig::fromDocument(const IniDocument &doc, const QString &dataDir)
{
    EngineConfig config;
    config.dataDir = dataDir;

    const QSet<QString> knownSections = [] {
        QSet<QString> s{QStringLiteral("engine"), QStringLiteral("store"), QStringLiteral("tls"), QStringLiteral("srs"),
                        QStringLiteral("directory"), QStringLiteral("probes"), QStringLiteral("monitor")};
        for (const QString &name : serviceSections)
            s.insert(name);
        return s;
    }();
    for (const auto &section : doc.sections()) {
        if (!knownSections.contains(section.name))
            return Error(ErrorCode::InvalidInput, QStringLiteral("%1:%2: unknown section [%3]")
                                                      .arg(doc.sourceName()).arg(section.line).arg(section.name));
    }

    {
        SectionReader engine(doc, QStringLiteral("engine"));
        REG_TRY(engine.read(QStringLiteral("site"), config.siteName, nonEmpty));
        REG_TRY(engine.rejectUnknown());
    }
    {
        SectionReader store(doc, QStringLiteral("store"));
        QString database = QStringLiteral("registry.db");
        REG_TRY(store.read(QStringLiteral("database"), database, nonEmpty));
        config.store.databaseFile = resolve(dataDir, database);
        REG_TRY(store.read(QStringLiteral("group_commit_max_batch"), config.store.groupCommitMaxBatch,
                           [](const QString &v) { return ConfigValue::parseInteger(v, 1, 65536); }));
        REG_TRY(store.rejectUnknown());
    }
    {
        SectionReader tls(doc, QStringLiteral("tls"));
        QString ca = QStringLiteral("pki/ca.crt");
        QString cert = QStringLiteral("pki/server.crt");
        QString key = QStringLiteral("pki/server.key");
        REG_TRY(tls.read(QStringLiteral("ca"), ca, nonEmpty));
        REG_TRY(tls.read(QStringLiteral("certificate"), cert, nonEmpty));
        REG_TRY(tls.read(QStringLiteral("key"), key, nonEmpty));
        config.tls = TlsConfig{resolve(dataDir, ca), resolve(dataDir, cert), resolve(dataDir, key)};
        REG_TRY(tls.rejectUnknown());
    }

    {
        SectionReader srs(doc, QStringLiteral("srs"));
        SrsPolicy &p = config.srs;
        const auto days = [](qint64 min, qint64 max) {
            return [=](const QString &v) { return ConfigValue::parseDurationSeconds(v, min, max); };
        };
        REG_TRY(srs.read(QStringLiteral("add_grace"), p.addGraceSecs, days(0, 30 * 86400)));
        REG_TRY(srs.read(QStringLiteral("renew_grace"), p.renewGraceSecs, days(0, 30 * 86400)));
        REG_TRY(srs.read(QStringLiteral("auto_renew_grace"), p.autoRenewGraceSecs, days(0, 60 * 86400)));
        REG_TRY(srs.read(QStringLiteral("transfer_grace"), p.transferGraceSecs, days(0, 30 * 86400)));
        REG_TRY(srs.read(QStringLiteral("redemption"), p.redemptionSecs, days(60, 90 * 86400)));
        REG_TRY(srs.read(QStringLiteral("pending_restore"), p.pendingRestoreSecs, days(60, 30 * 86400)));
        REG_TRY(srs.read(QStringLiteral("pending_delete"), p.pendingDeleteSecs, days(60, 30 * 86400)));
        REG_TRY(srs.read(QStringLiteral("transfer_pending"), p.transferPendingSecs, days(60, 30 * 86400)));
        REG_TRY(srs.read(QStringLiteral("max_period"), p.maxPeriodYears,
                         [](const QString &v) { return ConfigValue::parseInteger(v, 1, 99); }));
        REG_TRY(srs.read(QStringLiteral("max_name_servers"), p.maxNameServers,
                         [](const QString &v) { return ConfigValue::parseInteger(v, 1, 64); }));
        REG_TRY(srs.read(QStringLiteral("max_ds_records"), p.maxDsRecords,
                         [](const QString &v) { return ConfigValue::parseInteger(v, 0, 64); }));
        REG_TRY(srs.read(QStringLiteral("allow_documentation_addresses"), p.allowDocumentationAddresses,
                         ConfigValue::parseBool));
        REG_TRY(srs.read(QStringLiteral("auto_renew"), p.autoRenew, ConfigValue::parseBool));
        REG_TRY(srs.read(QStringLiteral("maintenance_interval"), p.maintenanceIntervalSecs, days(1, 3600)));
        REG_TRY(srs.rejectUnknown());
    }

    {
        SectionReader directory(doc, QStringLiteral("directory"));
        DirectoryConfig &d = config.directory;
        REG_TRY(directory.read(QStringLiteral("cache_lifetime"), d.cacheLifetimeSecs,
                               [](const QString &v) { return ConfigValue::parseDurationSeconds(v, 0, 86400); }));
        REG_TRY(directory.read(QStringLiteral("cache_entries"), d.cacheMaxEntries,
                               [](const QString &v) { return ConfigValue::parseInteger(v, 0, 100000000); }));
        REG_TRY(directory.read(QStringLiteral("registrar_networks"), d.registrarNetworks, networkList));
        REG_TRY(directory.read(QStringLiteral("top_clients"), d.topClients,
                               [](const QString &v) { return ConfigValue::parseInteger(v, 1, 1000); }));
        REG_TRY(directory.rejectUnknown());
    }

    for (const QString &name : serviceSections) {
        if (!doc.section(name))
            continue;
        SectionReader reader(doc, name);
        ServiceConfig service;
        service.name = name;
        REG_TRY(reader.requireKey(QStringLiteral("listen")));
        REG_TRY(reader.read(QStringLiteral("listen"), service.listen, ListenAddress::parse));
        REG_TRY(reader.read(QStringLiteral("enabled"), service.enabled, ConfigValue::parseBool));

        if (name == u"management") {
            ManagementConfig &m = config.management;
            const auto duration = [](qint64 min, qint64 max) {
                return [=](const QString &v) { return ConfigValue::parseDurationSeconds(v, min, max); };
            };
            REG_TRY(reader.read(QStringLiteral("token_lifetime"), m.tokenLifetimeSecs, duration(5, 7 * 86400)));
            REG_TRY(reader.read(QStringLiteral("max_failed_logins"), m.maxFailedLogins,
                                [](const QString &v) { return ConfigValue::parseInteger(v, 1, 100); }));
            REG_TRY(reader.read(QStringLiteral("lockout"), m.lockoutSecs, duration(1, 30 * 86400)));
            REG_TRY(reader.read(QStringLiteral("max_body"), m.maxBodyBytes,
                                [](const QString &v) { return ConfigValue::parseByteSize(v, 1024, 64 * 1024 * 1024); }));
            REG_TRY(reader.read(QStringLiteral("metrics_require_auth"), m.metricsRequireAuth, ConfigValue::parseBool));
            REG_TRY(reader.read(QStringLiteral("max_event_clients"), m.maxEventClients,
                                [](const QString &v) { return ConfigValue::parseInteger(v, 1, 10000); }));
            REG_TRY(reader.read(QStringLiteral("heartbeat"), m.heartbeatSecs, duration(1, 300)));
            REG_TRY(reader.read(QStringLiteral("request_timeout"), m.requestTimeoutSecs, duration(1, 600)));
            REG_TRY(reader.read(QStringLiteral("idle_timeout"), m.idleTimeoutSecs, duration(1, 3600)));
            if (!service.enabled)
                return Error(ErrorCode::InvalidInput, QStringLiteral("%1: [management] cannot be disabled: it is the only way to operate the engine")
                                                          .arg(doc.sourceName()));
            m.service = service;
        }
        if (name == u"xrp") {
            XrpConfig &x = config.xrp;
            const auto duration = [](qint64 min, qint64 max) {
                return [=](const QString &v) { return ConfigValue::parseDurationSeconds(v, min, max); };
            };
            const auto integer = [](qint64 min, qint64 max) {
                return [=](const QString &v) { return ConfigValue::parseInteger(v, min, max); };
            };
            REG_TRY(reader.read(QStringLiteral("max_frame"), x.maxFrameBytes,
                                [](const QString &v) { return ConfigValue::parseByteSize(v, 4096, 16 * 1024 * 1024); }));
            REG_TRY(reader.read(QStringLiteral("threads"), x.threads, integer(0, 64)));
            REG_TRY(reader.read(QStringLiteral("max_connections"), x.maxConnections, integer(1, 100000)));
            REG_TRY(reader.read(QStringLiteral("max_connections_per_address"), x.maxConnectionsPerAddress, integer(1, 10000)));
            REG_TRY(reader.read(QStringLiteral("max_sessions_per_user"), x.maxSessionsPerUser, integer(1, 1000)));
            REG_TRY(reader.read(QStringLiteral("login_timeout"), x.loginTimeoutSecs, duration(1, 600)));
            REG_TRY(reader.read(QStringLiteral("idle_timeout"), x.idleTimeoutSecs, duration(1, 86400)));
            REG_TRY(reader.read(QStringLiteral("frame_timeout"), x.frameTimeoutSecs, duration(1, 600)));
            REG_TRY(reader.read(QStringLiteral("max_failed_logins"), x.maxFailedLogins, integer(1, 100)));
            REG_TRY(reader.read(QStringLiteral("lockout"), x.lockoutSecs, duration(1, 30 * 86400)));
            REG_TRY(reader.read(QStringLiteral("password_lifetime"), x.passwordLifetimeSecs, duration(86400, 3650 * 86400)));
            REG_TRY(reader.read(QStringLiteral("server_id"), x.serverId, nonEmpty));
        }
        if (name == u"dns") {
            DnsConfig &d = config.dns;
            const auto duration = [](qint64 min, qint64 max) {
                return [=](const QString &v) { return ConfigValue::parseDurationSeconds(v, min, max); };
            };
            const auto integer = [](qint64 min, qint64 max) {
                return [=](const QString &v) { return ConfigValue::parseInteger(v, min, max); };
            };
            REG_TRY(reader.read(QStringLiteral("udp_threads"), d.udpThreads, integer(0, 64)));
            REG_TRY(reader.read(QStringLiteral("max_tcp_connections"), d.maxTcpConnections, integer(1, 100000)));
            REG_TRY(reader.read(QStringLiteral("max_tcp_connections_per_address"), d.maxTcpConnectionsPerAddress, integer(1, 10000)));
            REG_TRY(reader.read(QStringLiteral("tcp_idle_timeout"), d.tcpIdleTimeoutSecs, duration(1, 600)));
            REG_TRY(reader.read(QStringLiteral("max_tcp_queries_per_connection"), d.maxTcpQueriesPerConnection, integer(0, 1000000)));
            REG_TRY(reader.read(QStringLiteral("max_udp_payload"), d.maxUdpPayload, integer(512, 4096)));
            REG_TRY(reader.read(QStringLiteral("soa_primary"), d.soaPrimary, hostName));
            REG_TRY(reader.read(QStringLiteral("soa_contact"), d.soaContact, hostName));
            REG_TRY(reader.read(QStringLiteral("soa_refresh"), d.soaRefreshSecs, duration(60, 86400 * 7)));
            REG_TRY(reader.read(QStringLiteral("soa_retry"), d.soaRetrySecs, duration(60, 86400 * 7)));
            REG_TRY(reader.read(QStringLiteral("soa_expire"), d.soaExpireSecs, duration(3600, 86400 * 60)));
            REG_TRY(reader.read(QStringLiteral("soa_minimum"), d.soaMinimumSecs, duration(0, 86400)));
            REG_TRY(reader.read(QStringLiteral("soa_ttl"), d.soaTtlSecs, duration(0, 86400 * 7)));
            REG_TRY(reader.read(QStringLiteral("nameservers"), d.apexNameServers, apexNameServers));
            REG_TRY(reader.read(QStringLiteral("apex_ns_ttl"), d.apexNsTtlSecs, duration(0, 86400 * 7)));
            REG_TRY(reader.read(QStringLiteral("delegation_ttl"), d.delegationTtlSecs, duration(0, 86400 * 7)));
            REG_TRY(reader.read(QStringLiteral("ds_ttl"), d.dsTtlSecs, duration(0, 86400 * 7)));
            REG_TRY(reader.read(QStringLiteral("publish_delay"), d.publishDelayMs,
                                [](const QString &v) { return ConfigValue::parseInteger(v, 0, 900); }));
            REG_TRY(reader.read(QStringLiteral("ixfr_history"), d.ixfrHistory, integer(1, 100000)));
            REG_TRY(reader.read(QStringLiteral("transfer_allowed"), d.transferAllowed, addressList));
            REG_TRY(reader.read(QStringLiteral("require_tsig"), d.requireTsig, ConfigValue::parseBool));
            QString keyFile;
            REG_TRY(reader.read(QStringLiteral("tsig_key_file"), keyFile, nonEmpty));
            if (!keyFile.isEmpty())
                d.tsigKeyFile = resolve(dataDir, keyFile);
            REG_TRY(reader.read(QStringLiteral("notify"), d.notifyTargets, notifyTargets));
            REG_TRY(reader.read(QStringLiteral("notify_key"), d.notifyKey, keyName));
            REG_TRY(reader.read(QStringLiteral("rrl_responses_per_second"), d.rrlResponsesPerSecond, integer(0, 1000000)));
            REG_TRY(reader.read(QStringLiteral("rrl_slip"), d.rrlSlip, integer(0, 10)));
            REG_TRY(reader.read(QStringLiteral("rrl_ipv4_prefix"), d.rrlIpv4PrefixLength, integer(8, 32)));
            REG_TRY(reader.read(QStringLiteral("rrl_ipv6_prefix"), d.rrlIpv6PrefixLength, integer(16, 128)));
            if (service.enabled && d.apexNameServers.isEmpty())
                return Error(ErrorCode::InvalidInput, QStringLiteral("%1: [dns] needs \"nameservers\", the zones' apex name servers")
                                                          .arg(doc.sourceName()));
            if (d.soaPrimary.isEmpty() && !d.apexNameServers.isEmpty())
                d.soaPrimary = d.apexNameServers.first().name;
            if (service.enabled && d.requireTsig && !d.transferAllowed.isEmpty() && d.tsigKeyFile.isEmpty())
                return Error(ErrorCode::InvalidInput, QStringLiteral("%1: [dns] allows zone transfers with require_tsig = true but names no "
                                                                     "tsig_key_file").arg(doc.sourceName()));
        }
        if (name == u"whois") {
            WhoisConfig &w = config.whois;
            const auto integer = [](qint64 min, qint64 max) {
                return [=](const QString &v) { return ConfigValue::parseInteger(v, min, max); };
            };
            REG_TRY(reader.read(QStringLiteral("threads"), w.threads, integer(0, 64)));
            REG_TRY(reader.read(QStringLiteral("max_connections"), w.maxConnections, integer(1, 1000000)));
            REG_TRY(reader.read(QStringLiteral("max_connections_per_address"), w.maxConnectionsPerAddress, integer(1, 100000)));
            REG_TRY(reader.read(QStringLiteral("query_timeout"), w.queryTimeoutSecs,
                                [](const QString &v) { return ConfigValue::parseDurationSeconds(v, 1, 600); }));
            REG_TRY(reader.read(QStringLiteral("max_query"), w.maxQueryBytes,
                                [](const QString &v) { return ConfigValue::parseByteSize(v, 64, 4096); }));
            REG_TRY(reader.read(QStringLiteral("queries_per_minute"), w.queriesPerMinute, integer(1, 10000000)));
            REG_TRY(reader.read(QStringLiteral("registrar_queries_per_minute"), w.registrarQueriesPerMinute, integer(1, 10000000)));
        }
        if (name == u"rdap") {
            RdapConfig &r = config.rdap;
            const auto integer = [](qint64 min, qint64 max) {
                return [=](const QString &v) { return ConfigValue::parseInteger(v, min, max); };
            };
            const auto duration = [](qint64 min, qint64 max) {
                return [=](const QString &v) { return ConfigValue::parseDurationSeconds(v, min, max); };
            };
            REG_TRY(reader.read(QStringLiteral("threads"), r.threads, integer(0, 64)));
            REG_TRY(reader.read(QStringLiteral("max_connections"), r.maxConnections, integer(1, 1000000)));
            REG_TRY(reader.read(QStringLiteral("max_connections_per_address"), r.maxConnectionsPerAddress, integer(1, 100000)));
            REG_TRY(reader.read(QStringLiteral("idle_timeout"), r.idleTimeoutSecs, duration(1, 3600)));
            REG_TRY(reader.read(QStringLiteral("request_timeout"), r.requestTimeoutSecs, duration(1, 600)));
            REG_TRY(reader.read(QStringLiteral("max_request"), r.maxRequestBytes,
                                [](const QString &v) { return ConfigValue::parseByteSize(v, 1024, 65536); }));
            REG_TRY(reader.read(QStringLiteral("requests_per_minute"), r.requestsPerMinute, integer(1, 10000000)));
            REG_TRY(reader.read(QStringLiteral("registrar_requests_per_minute"), r.registrarRequestsPerMinute, integer(1, 10000000)));
            REG_TRY(reader.read(QStringLiteral("search_result_limit"), r.searchResultLimit, integer(1, 10000)));
            REG_TRY(reader.read(QStringLiteral("base_url"), r.baseUrl, httpsBaseUrl));
            REG_TRY(reader.read(QStringLiteral("cors_allow_origin"), r.corsAllowOrigin, nonEmpty));
            REG_TRY(reader.read(QStringLiteral("http_cache_max_age"), r.httpCacheMaxAgeSecs, duration(0, 86400)));
            QString certificate, key;
            REG_TRY(reader.read(QStringLiteral("certificate"), certificate, nonEmpty));
            REG_TRY(reader.read(QStringLiteral("key"), key, nonEmpty));
            r.certificateFile = certificate.isEmpty() ? config.tls.certificateFile : resolve(dataDir, certificate);
            r.keyFile = key.isEmpty() ? config.tls.keyFile : resolve(dataDir, key);
            if (certificate.isEmpty() != key.isEmpty())
                return Error(ErrorCode::InvalidInput, QStringLiteral("%1: [rdap] needs both \"certificate\" and \"key\", or neither")
                                                          .arg(doc.sourceName()));
        }
        REG_TRY(reader.rejectUnknown());
        config.services.append(service);
    }
    {
        SectionReader probes(doc, QStringLiteral("probes"));
        ProbesConfig &p = config.probes;
        const auto duration = [](qint64 min, qint64 max) {
            return [=](const QString &v) { return ConfigValue::parseDurationSeconds(v, min, max); };
        };
        REG_TRY(probes.read(QStringLiteral("enabled"), p.enabled, ConfigValue::parseBool));
        REG_TRY(probes.read(QStringLiteral("probe_local"), p.probeLocal, ConfigValue::parseBool));
        REG_TRY(probes.read(QStringLiteral("interval"), p.intervalSecs, duration(1, 86400)));
        REG_TRY(probes.read(QStringLiteral("timeout"), p.timeoutSecs, duration(1, 600)));
        REG_TRY(probes.read(QStringLiteral("retention"), p.retentionSecs, duration(86400, 10 * 366 * 86400)));
        REG_TRY(probes.read(QStringLiteral("registrar"), p.registrarId, nonEmpty));
        QString password, certificate, key, ca;
        REG_TRY(probes.read(QStringLiteral("password_file"), password, nonEmpty));
        REG_TRY(probes.read(QStringLiteral("certificate"), certificate, nonEmpty));
        REG_TRY(probes.read(QStringLiteral("key"), key, nonEmpty));
        REG_TRY(probes.read(QStringLiteral("ca"), ca, nonEmpty));
        p.passwordFile = password.isEmpty() ? QString() : resolve(dataDir, password);
        p.certificateFile = certificate.isEmpty() ? QString() : resolve(dataDir, certificate);
        p.keyFile = key.isEmpty() ? QString() : resolve(dataDir, key);
        p.caFile = ca.isEmpty() ? config.tls.caFile : resolve(dataDir, ca);
        REG_TRY(probes.read(QStringLiteral("domain"), p.domain, hostName));
        REG_TRY(probes.read(QStringLiteral("targets"), p.targets, probeTargets));
        REG_TRY(probes.rejectUnknown());
        if (p.timeoutSecs >= p.intervalSecs)
            return Error(ErrorCode::InvalidInput, QStringLiteral("%1: [probes] timeout (%2 s) must be shorter than interval (%3 s)")
                                                      .arg(doc.sourceName()).arg(p.timeoutSecs).arg(p.intervalSecs));
        const ServiceConfig *xrp = config.service(QStringLiteral("xrp"));
        const bool probesXrp = (p.probeLocal && xrp && xrp->enabled)
                               || std::any_of(p.targets.cbegin(), p.targets.cend(), [](const ProbeTargetConfig &t) { return t.service == u"xrp"; });
        if (p.enabled && probesXrp) {
            for (const auto &[required, value] : {std::pair{"registrar", &p.registrarId}, std::pair{"password_file", &p.passwordFile},
                                                  std::pair{"certificate", &p.certificateFile}, std::pair{"key", &p.keyFile}}) {
                if (value->isEmpty())
                    return Error(ErrorCode::InvalidInput, QStringLiteral("%1: [probes] probes XRP and needs \"%2\" (the probe registrar's login)")
                                                              .arg(doc.sourceName(), QLatin1StringView(required)));
            }
        }
    }
    {
        SectionReader monitor(doc, QStringLiteral("monitor"));
        MonitorConfig &m = config.monitor;
        const auto duration = [](qint64 min, qint64 max) {
            return [=](const QString &v) { return ConfigValue::parseDurationSeconds(v, min, max); };
        };
        const auto count = [](const QString &v) { return ConfigValue::parseInteger(v, 1, 100); };
        const auto percent = [](const QString &v) { return ConfigValue::parseInteger(v, 1, 100); };
        REG_TRY(monitor.read(QStringLiteral("enabled"), m.enabled, ConfigValue::parseBool));
        REG_TRY(monitor.read(QStringLiteral("trap_listen"), m.trapListen, ListenAddress::parse));
        QString communities;
        REG_TRY(monitor.read(QStringLiteral("trap_communities_file"), communities, nonEmpty));
        m.trapCommunitiesFile = communities.isEmpty() ? QString() : resolve(dataDir, communities);
        QString users;
        REG_TRY(monitor.read(QStringLiteral("trap_users_file"), users, nonEmpty));
        m.trapUsersFile = users.isEmpty() ? QString() : resolve(dataDir, users);
        REG_TRY(monitor.read(QStringLiteral("trap_rules"), m.trapRules, trapRuleList));
        REG_TRY(monitor.read(QStringLiteral("raise_after"), m.raiseAfter, count));
        REG_TRY(monitor.read(QStringLiteral("clear_after"), m.clearAfter, count));
        REG_TRY(monitor.read(QStringLiteral("cpu_warning"), m.cpuWarning, percent));
        REG_TRY(monitor.read(QStringLiteral("cpu_critical"), m.cpuCritical, percent));
        REG_TRY(monitor.read(QStringLiteral("memory_warning"), m.memoryWarning, percent));
        REG_TRY(monitor.read(QStringLiteral("memory_critical"), m.memoryCritical, percent));
        REG_TRY(monitor.read(QStringLiteral("storage_warning"), m.storageWarning, percent));
        REG_TRY(monitor.read(QStringLiteral("storage_critical"), m.storageCritical, percent));
        REG_TRY(monitor.read(QStringLiteral("sample_retention"), m.sampleRetentionSecs, duration(86400, 10 * 366 * 86400)));
        REG_TRY(monitor.read(QStringLiteral("trap_log_retention"), m.trapLogRetentionSecs, duration(86400, 10 * 366 * 86400)));
        REG_TRY(monitor.read(QStringLiteral("inventory_refresh"), m.inventoryRefreshSecs, duration(5, 3600)));
        REG_TRY(monitor.rejectUnknown());
        for (const auto &[name, warning, critical] : {std::tuple{"cpu", m.cpuWarning, m.cpuCritical},
                                                      std::tuple{"memory", m.memoryWarning, m.memoryCritical},
                                                      std::tuple{"storage", m.storageWarning, m.storageCritical}}) {
            if (warning >= critical)
                return Error(ErrorCode::InvalidInput, QStringLiteral("%1: [monitor] %2_warning (%3) must be below %2_critical (%4)")
                                                          .arg(doc.sourceName(), QLatin1StringView(name)).arg(warning).arg(critical));
        }
    }
    if (config.xrp.serverId.isEmpty())
        config.xrp.serverId = QStringLiteral("registryd ") + config.siteName;
    if (!config.service(QStringLiteral("management")))
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1: the [management] section with a listen address is required")
                                                  .arg(doc.sourceName()));

    // Two services on one address would make the second fail at start; say so now, with both names.
    for (qsizetype i = 0; i < config.services.size(); ++i) {
        for (qsizetype j = i + 1; j < config.services.size(); ++j) {
            const ServiceConfig &a = config.services[i];
            const ServiceConfig &b = config.services[j];
            if (a.enabled && b.enabled && a.listen.port != 0 && a.listen == b.listen)
                return Error(ErrorCode::InvalidInput, QStringLiteral("%1: [%2] and [%3] both listen on %4")
                                                          .arg(doc.sourceName(), a.name, b.name, a.listen.toString()));
        }
    }
    return config;
}

const ServiceConfig *EngineConfig::service(const QString &name) const
{
    for (const ServiceConfig &s : services) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

} // namespace reg
