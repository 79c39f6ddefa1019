// The monitoring inventory over the management API of a real registryd (demo data): create,
// PATCH and DELETE of sites, devices and links, the 409 refusals, roles, secrets never echoed nor
// stored in clear, the all-or-nothing import and the topology answer.
#include "common/enginefixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace testsupport;
using namespace Qt::StringLiterals;

namespace {

const QByteArray community = "inv-test-community-7f3a";
const QByteArray authPassphrase = "inv-test-auth-9c1d";
const QByteArray privPassphrase = "inv-test-priv-2b8e";

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_MonitorInventory : public QObject
{
    Q_OBJECT
private:
    EngineFixture m_engine;
    QHash<QString, QByteArray> m_tokens;
    QByteArrayList m_bodies;   // every answer, searched for secrets at the end

    HttpReply call(const QByteArray &method, const QString &path, const QByteArray &body = {}, const QString &role = u"noc"_s)
    {
        HttpReply reply = httpsRequest(m_engine, method, u"/api/v1/monitor/"_s + path, body, m_tokens.value(role));
        m_bodies.append(reply.body);
        return reply;
    }
    // The audit trail lives in the database only; counts the rows of one action and outcome. Audit
    // rows are written after the answer, so callers wait for them (QTRY_COMPARE).
    int audited(const QString &action, const QString &outcome)
    {
        sqlite3 *db = nullptr;
        const QByteArray file = QFile::encodeName(QDir(m_engine.dataDir()).filePath(u"registry.db"_s));
        int rows = -1;
        if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_busy_timeout(db, 10000);
            sqlite3_stmt *stmt = nullptr;
            const QByteArray sql = "SELECT count(*) FROM audit_log WHERE action = '" + action.toLatin1() + "' AND outcome = '"
                + outcome.toLatin1() + "' AND actor = 'nocuser'";
            if (sqlite3_prepare_v2(db, sql.constData(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
                rows = sqlite3_column_int(stmt, 0);
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db);
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("REGISTRYD_BINARY"))
            QSKIP("REGISTRYD_BINARY is not set");
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        const QByteArray admin = login(m_engine, u"admin"_s, m_engine.adminPassword());
        QVERIFY(!admin.isEmpty());
        for (const QString &role : {u"noc"_s, u"manager"_s}) {
            const QString user = role + u"user"_s;
            const QString password = u"pass-%1-9-x"_s.arg(role);
            const HttpReply created = httpsRequest(m_engine, "POST", u"/api/v1/users"_s,
                                                   json({{u"name"_s, user}, {u"password"_s, password}, {u"roles"_s, QJsonArray{role}}}), admin);
            QVERIFY2(created.status == 201, created.body.constData());
            m_tokens.insert(role, login(m_engine, user, password));
        }
    }

    void topologyHoldsTheDemoNetwork()
    {
        const HttpReply topology = call("GET", u"topology"_s, {}, u"manager"_s);
        QCOMPARE(topology.status, 200);
        const QJsonObject t = topology.object();
        QCOMPARE(t.value(u"sites"_s).toArray().size(), 6);
        QVERIFY(t.value(u"devices"_s).toArray().size() > 30);
        QVERIFY(t.value(u"links"_s).toArray().size() > 30);
        for (const QJsonValue &device : t.value(u"devices"_s).toArray()) {
            const QJsonObject d = device.toObject();
            if (d.value(u"name"_s).toString() == u"a-fw1") {
                QCOMPARE(d.value(u"parents"_s).toArray(), QJsonArray{u"a-rtr1"_s});
                QCOMPARE(d.value(u"snmp"_s).toObject().value(u"communitySet"_s), QJsonValue(true));
            }
        }
        QVERIFY(!topology.body.contains("demo-public"));
        QVERIFY(!topology.body.contains("demo-auth-passphrase"));
    }

    void createsPatchesAndDeletes()
    {
        HttpReply site = call("POST", u"sites"_s, json({{u"code"_s, u"lab"_s}, {u"name"_s, u"Lab"_s}, {u"role"_s, u"office"_s},
                                                         {u"location"_s, u"Basement"_s}}));
        QVERIFY2(site.status == 201, site.body.constData());
        QCOMPARE(site.object().value(u"code"_s).toString(), u"lab"_s);

        HttpReply device = call("POST", u"devices"_s,
                                json({{u"name"_s, u"lab-rtr"_s}, {u"kind"_s, u"router"_s}, {u"site"_s, u"lab"_s}, {u"address"_s, u"192.0.2.1"_s},
                                      {u"snmp"_s, QJsonObject{{u"version"_s, u"2c"_s}, {u"community"_s, QString::fromLatin1(community)}}},
                                      {u"interfaces"_s, QJsonArray{QJsonObject{{u"ifIndex"_s, 1}, {u"name"_s, u"ge-0/0/0"_s}}}}}));
        QVERIFY2(device.status == 201, device.body.constData());
        QCOMPARE(device.object().value(u"snmp"_s).toObject().value(u"communitySet"_s), QJsonValue(true));
        QVERIFY(!device.body.contains(community));

        HttpReply child = call("POST", u"devices"_s,
                               json({{u"name"_s, u"lab-srv"_s}, {u"kind"_s, u"server"_s}, {u"site"_s, u"lab"_s}, {u"address"_s, u"192.0.2.2"_s},
                                     {u"parents"_s, QJsonArray{u"lab-rtr"_s}},
                                     {u"snmp"_s, QJsonObject{{u"version"_s, u"3"_s}, {u"user"_s, u"noc"_s},
                                                              {u"authPassphrase"_s, QString::fromLatin1(authPassphrase)},
                                                              {u"privPassphrase"_s, QString::fromLatin1(privPassphrase)}}}}));
        QVERIFY2(child.status == 201, child.body.constData());

        HttpReply link = call("POST", u"links"_s, json({{u"a"_s, QJsonObject{{u"device"_s, u"lab-rtr"_s}, {u"interface"_s, u"ge-0/0/0"_s}}},
                                                        {u"b"_s, QJsonObject{{u"device"_s, u"lab-srv"_s}}}, {u"capacityBps"_s, 1e9}}));
        QVERIFY2(link.status == 201, link.body.constData());
        const QString linkId = QString::number(link.object().value(u"id"_s).toInteger());

        // A PATCH of the interval keeps the stored community.
        HttpReply patched = call("PATCH", u"devices/lab-rtr"_s, json({{u"snmp"_s, QJsonObject{{u"intervalSecs"_s, 60}}}}));
        QVERIFY2(patched.status == 200, patched.body.constData());
        QCOMPARE(patched.object().value(u"snmp"_s).toObject().value(u"intervalSecs"_s).toInt(), 60);
        QCOMPARE(patched.object().value(u"snmp"_s).toObject().value(u"communitySet"_s), QJsonValue(true));
        QCOMPARE(call("PATCH", u"links/"_s + linkId, json({{u"capacityBps"_s, 1e10}})).object().value(u"capacityBps"_s).toDouble(), 1e10);

        // The refusals, each with its reason.
        HttpReply cycle = call("PATCH", u"devices/lab-rtr"_s, json({{u"parents"_s, QJsonArray{u"lab-srv"_s}}}));
        QCOMPARE(cycle.status, 409);
        QVERIFY(cycle.object().value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"cycle"));
        HttpReply busySite = call("DELETE", u"sites/lab"_s);
        QCOMPARE(busySite.status, 409);
        QVERIFY(busySite.body.contains("lab-rtr"));
        HttpReply parent = call("DELETE", u"devices/lab-rtr"_s);
        QCOMPARE(parent.status, 409);
        QVERIFY(parent.body.contains("lab-srv"));
        QCOMPARE(call("POST", u"sites"_s, json({{u"code"_s, u"lab"_s}, {u"name"_s, u"x"_s}, {u"role"_s, u"srs"_s}})).status, 409);
        QCOMPARE(call("POST", u"devices"_s, json({{u"name"_s, u"x"_s}, {u"kind"_s, u"router"_s}, {u"site"_s, u"nowhere"_s}})).status, 400);
        QCOMPARE(call("POST", u"devices"_s, json({{u"name"_s, u"x"_s}, {u"kind"_s, u"router"_s}, {u"site"_s, u"lab"_s}, {u"bogus"_s, 1}})).status, 400);
        QCOMPARE(call("GET", u"devices/ghost"_s).status, 404);
        QCOMPARE(call("GET", u"links/abc"_s).status, 400);
        QCOMPARE(call("PUT", u"devices/lab-rtr"_s, "{}").status, 405);

        // Roles: a manager reads, never writes.
        QCOMPARE(call("GET", u"devices/lab-rtr"_s, {}, u"manager"_s).status, 200);
        QCOMPARE(call("DELETE", u"links/"_s + linkId, {}, u"manager"_s).status, 403);

        QCOMPARE(call("DELETE", u"links/"_s + linkId).status, 204);
        QCOMPARE(call("DELETE", u"devices/lab-srv"_s).status, 204);
        QCOMPARE(call("DELETE", u"devices/lab-rtr"_s).status, 204);
        QCOMPARE(call("DELETE", u"sites/lab"_s).status, 204);
        QCOMPARE(call("GET", u"sites/lab"_s).status, 404);

        QTRY_COMPARE(audited(u"monitor.device.create"_s, u"success"_s), 2);
        QTRY_COMPARE(audited(u"monitor.device.update"_s, u"conflict"_s), 1);
        QTRY_COMPARE(audited(u"monitor.site.delete"_s, u"success"_s), 1);
    }

    void importIsAllOrNothing()
    {
        const auto file = [](const QJsonArray &links) {
            return json({{u"format"_s, u"registryd-topology"_s}, {u"version"_s, 1},
                         {u"sites"_s, QJsonArray{QJsonObject{{u"code"_s, u"imp"_s}, {u"name"_s, u"Imported"_s}, {u"role"_s, u"nameserver"_s}}}},
                         {u"devices"_s, QJsonArray{QJsonObject{{u"name"_s, u"imp-rtr"_s}, {u"kind"_s, u"router"_s}, {u"site"_s, u"imp"_s},
                                                               {u"address"_s, u"198.51.100.1"_s}, {u"parents"_s, QJsonArray{u"a-rtr1"_s}},
                                                               {u"snmp"_s, QJsonObject{{u"version"_s, u"2c"_s},
                                                                                        {u"community"_s, QString::fromLatin1(community)}}}}}},
                         {u"links"_s, links}});
        };
        const HttpReply bad = call("POST", u"import"_s, file(QJsonArray{QJsonObject{{u"a"_s, QJsonObject{{u"device"_s, u"imp-rtr"_s}}},
                                                                                    {u"b"_s, QJsonObject{{u"device"_s, u"ghost"_s}}},
                                                                                    {u"capacityBps"_s, 1e9}}}));
        QCOMPARE(bad.status, 400);
        QVERIFY2(bad.object().value(u"error"_s).toObject().value(u"message"_s).toString().startsWith(u"links[0]: b.device"), bad.body.constData());
        QCOMPARE(call("GET", u"sites/imp"_s).status, 404);   // nothing of it was written
        QCOMPARE(call("POST", u"import"_s, "{\n\"format\": ,}").status, 400);

        const HttpReply good = call("POST", u"import"_s, file(QJsonArray{QJsonObject{{u"a"_s, QJsonObject{{u"device"_s, u"imp-rtr"_s}}},
                                                                                     {u"b"_s, QJsonObject{{u"device"_s, u"a-rtr1"_s}}},
                                                                                     {u"capacityBps"_s, 1e9}}}));
        QVERIFY2(good.status == 200, good.body.constData());
        QCOMPARE(good.object().value(u"devices"_s).toInt(), 1);
        QCOMPARE(call("GET", u"devices/imp-rtr"_s).object().value(u"parents"_s).toArray(), QJsonArray{u"a-rtr1"_s});
        QCOMPARE(call("POST", u"import"_s, file({}), u"manager"_s).status, 403);
        QTRY_COMPARE(audited(u"monitor.import"_s, u"success"_s), 1);
        QTRY_COMPARE(audited(u"monitor.import"_s, u"bad_request"_s), 2);

        QCOMPARE(call("POST", u"layout"_s, json({{u"positions"_s, QJsonObject{{u"imp-rtr"_s, QJsonObject{{u"x"_s, 5}, {u"y"_s, 6}}}}}})).status, 204);
        QCOMPARE(call("GET", u"devices/imp-rtr"_s).object().value(u"map"_s).toObject().value(u"x"_s).toDouble(), 5.0);
    }

    // `registryd topology import` beside the running engine: the same file format, all or nothing.
    void commandLineImports()
    {
        QTemporaryDir dir;
        const auto runImport = [&](const QByteArray &content, QByteArray *output) {
            QFile file(dir.filePath(u"topology.json"_s));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return -1;
            file.write(content);
            file.close();
            QProcess registryd;
            registryd.start(qEnvironmentVariable("REGISTRYD_BINARY"), {u"topology"_s, u"import"_s, u"--data-dir"_s, m_engine.dataDir(),
                                                                         u"--file"_s, file.fileName()});
            if (!registryd.waitForFinished(60000))
                return -1;
            *output = registryd.readAllStandardOutput() + registryd.readAllStandardError();
            return registryd.exitCode();
        };
        const QByteArray good = R"({"format": "registryd-topology", "version": 1,
            "sites": [{"code": "cli", "name": "From the command line", "role": "other"}],
            "devices": [{"name": "cli-sw", "kind": "switch", "site": "cli", "parents": ["cli-rtr"]},
                        {"name": "cli-rtr", "kind": "router", "site": "cli"}]})";
        QByteArray output;
        QCOMPARE(runImport(QByteArray(good).replace("\"cli-rtr\"]", "\"ghost\"]"), &output), 2);
        QVERIFY2(output.contains("devices[0]: parents[0]: no device ghost"), output.constData());
        QCOMPARE(call("GET", u"sites/cli"_s).status, 404);
        QCOMPARE(runImport(good, &output), 0);
        QVERIFY2(output.contains("imported 1 sites, 2 devices and 0 links"), output.constData());
        QCOMPARE(call("GET", u"devices/cli-sw"_s).object().value(u"parents"_s).toArray(), QJsonArray{u"cli-rtr"_s});
    }

    // Last: every answer so far, the audit trail and the database files, searched for the secrets.
    void secretsNeverLeave()
    {
        for (const QByteArray &body : std::as_const(m_bodies)) {
            for (const QByteArray &secret : {community, authPassphrase, privPassphrase})
                QVERIFY2(!body.contains(secret), body.constData());
        }
        for (const QString &name : {u"registry.db"_s, u"registry.db-wal"_s}) {
            QFile f(QDir(m_engine.dataDir()).filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = f.readAll();
            for (const QByteArray &secret : {community, authPassphrase, privPassphrase})
                QVERIFY2(!content.contains(secret), qPrintable(name));
        }
        QVERIFY(!m_engine.engineLog().contains(community));
        QFile key(QDir(m_engine.dataDir()).filePath(u"monitor-secrets.key"_s));
        QVERIFY(key.exists());
        QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void cleanupTestCase()
    {
        m_engine.stop();
    }
};

QTEST_GUILESS_MAIN(tst_MonitorInventory)
#include "tst_monitorinventory.moc"
