#include "common/enginefixture.h"

#include <QDir>
#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

#include <sqlite3.h>

using namespace testsupport;

namespace {

const QString testDomain = QStringLiteral("zz-browse-test.example");
const QString testRegistrar = QStringLiteral("rar-alpha");
constexpr int ledgerRows = 7;
constexpr int auditRows = 5;

// Runs SQL against the engine's database before the engine starts (the ledger and XRP audit are
// empty until registrars work, so the test writes the rows it then reads through the API).
QString runSql(const EngineFixture &engine, const QByteArray &sql)
{
    sqlite3 *db = nullptr;
    const QByteArray file = QFile::encodeName(QDir(engine.dataDir()).filePath(QStringLiteral("registry.db")));
    if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return error;
    }
    char *message = nullptr;
    QString error;
    if (sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK)
        error = QString::fromUtf8(message);
    sqlite3_free(message);
    sqlite3_close(db);
    return error;
}

QString queryString(const QList<std::pair<QString, QString>> &items)
{
    QUrlQuery query;
    for (const auto &[key, value] : items)
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return query.toString(QUrl::FullyEncoded);
}

} // namespace

class tst_ManagementRegistry : public QObject
{
    Q_OBJECT
private:
    EngineFixture m_engine;
    QHash<QString, QByteArray> m_tokens;   // role name -> token of a user holding only that role

    HttpReply get(const QString &path, const QString &role = QStringLiteral("admin"))
    {
        return httpsRequest(m_engine, "GET", path, {}, m_tokens.value(role));
    }
    HttpReply search(const QList<std::pair<QString, QString>> &items, const QString &role = QStringLiteral("admin"))
    {
        return get(QStringLiteral("/api/v1/registry/search?") + queryString(items), role);
    }
    QList<QJsonObject> auditRowsFor(const QString &action)
    {
        // The audit trail is not served by the API yet; read it where it is written.
        QList<QJsonObject> rows;
        sqlite3 *db = nullptr;
        const QByteArray file = QFile::encodeName(QDir(m_engine.dataDir()).filePath(QStringLiteral("registry.db")));
        if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(db);
            return rows;
        }
        sqlite3_busy_timeout(db, 10000);
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, "SELECT actor, outcome, detail FROM audit_log WHERE action = ? ORDER BY id", -1, &stmt, nullptr);
        const QByteArray a = action.toUtf8();
        sqlite3_bind_text(stmt, 1, a.constData(), int(a.size()), SQLITE_TRANSIENT);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            rows.append(QJsonObject{{QStringLiteral("actor"), QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)))},
                                    {QStringLiteral("outcome"), QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1)))},
                                    {QStringLiteral("detail"), QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 2)))}});
        }
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("REGISTRYD_BINARY"))
            QSKIP("REGISTRYD_BINARY is not set");
        QString error;
        QVERIFY2(m_engine.initialize(&error), qPrintable(error));
        QByteArray sql = "BEGIN;"
                         "INSERT INTO domains (roid, name, tld, registrar_id, registrant_roid, statuses, created_at, updated_at, expires_at) "
                         "SELECT 'D999001-REG', 'zz-browse-test.example', 'example', 'rar-alpha', roid, 'clientHold clientTransferProhibited', "
                         "1700000000000, 1700000000000, 1900000000000 FROM contacts WHERE registrar_id = 'rar-alpha' ORDER BY roid LIMIT 1;"
                         "INSERT INTO domain_ds VALUES ('D999001-REG', 12345, 13, 2, 'ABCDEF0123');"
                         "INSERT INTO custom_fields VALUES ('domain', 'D999001-REG', 'customer-ref', 'A-17');"
                         // Registrar access rows with names no demo data uses.
                         "INSERT INTO registrar_users (id, registrar_id, password_hash, password_changed_at, created_at) "
                         "VALUES ('zz-browse-user', 'rar-alpha', 'scrypt$zz-secret-hash', 1700000000000, 1700000000000);"
                         "INSERT INTO registrar_certificates VALUES ('rar-alpha', '" + QByteArray(64, 'e') + "', 'CN=zz-browse', 1900000000000);"
                         "INSERT INTO registrar_addresses VALUES ('rar-alpha', '192.0.2.77');";
        for (int i = 1; i <= ledgerRows; ++i)
            sql += "INSERT INTO ledger (registrar_id, at, operation, object, tld, period_years, amount_cents, balance_after_cents) VALUES "
                   "('rar-alpha', " + QByteArray::number(1700000000000LL + i) + ", 'create', 'ledger" + QByteArray::number(i)
                + ".example', 'example', 1, -1000, " + QByteArray::number(2500000 - i * 1000) + ");";
        // A row of another registrar between them: it must never show in rar-alpha's pages.
        sql += "INSERT INTO ledger (registrar_id, at, operation, amount_cents, balance_after_cents) VALUES ('rar-bravo', 1, 'payment', 5, 5);";
        for (int i = 1; i <= auditRows; ++i)
            sql += "INSERT INTO xrp_audit (at, registrar_id, user_id, client_address, command, object, client_trid, server_trid, result_code, latency_us) "
                   "VALUES (" + QByteArray::number(1700000000000LL + i) + ", 'rar-alpha', 'alpha-epp', '127.0.0.1', 'domain:info', 'x.example', 'c"
                + QByteArray::number(i) + "', 's" + QByteArray::number(i) + "', 1000, 250);";
        sql += "COMMIT;";
        const QString sqlError = runSql(m_engine, sql);
        QVERIFY2(sqlError.isEmpty(), qPrintable(sqlError));
        QVERIFY2(m_engine.start(&error), qPrintable(error));

        m_tokens.insert(QStringLiteral("admin"), login(m_engine, QStringLiteral("admin"), m_engine.adminPassword()));
        QVERIFY(!m_tokens.value(QStringLiteral("admin")).isEmpty());
        for (const QString &role : {QStringLiteral("noc"), QStringLiteral("helpdesk-tier1"), QStringLiteral("helpdesk-tier2"),
                                   QStringLiteral("manager"), QStringLiteral("auditor")}) {
            const QString user = QString(role).remove(u'-') + QStringLiteral("user");
            const QString password = QStringLiteral("pass-%1-9").arg(role);
            const QJsonObject body{{QStringLiteral("name"), user}, {QStringLiteral("password"), password},
                                   {QStringLiteral("roles"), QJsonArray{role}}};
            const HttpReply created = httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/users"), QJsonDocument(body).toJson(),
                                                   m_tokens.value(QStringLiteral("admin")));
            QVERIFY2(created.status == 201, created.body.constData());
            m_tokens.insert(role, login(m_engine, user, password));
            QVERIFY(!m_tokens.value(role).isEmpty());
        }
    }

    void searchFindsDomainByPrefix()
    {
        const HttpReply reply = search({{QStringLiteral("q"), QStringLiteral("ZZ-browse")}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.object().value(QStringLiteral("type")).toString(), QStringLiteral("domain"));
        const QJsonArray results = reply.object().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject hit = results.first().toObject();
        QCOMPARE(hit.value(QStringLiteral("key")).toString(), testDomain);
        QCOMPARE(hit.value(QStringLiteral("roid")).toString(), QStringLiteral("D999001-REG"));
        QCOMPARE(hit.value(QStringLiteral("registrar")).toString(), testRegistrar);
        QCOMPARE(hit.value(QStringLiteral("statuses")).toArray(),
                 (QJsonArray{QStringLiteral("clientHold"), QStringLiteral("clientTransferProhibited")}));
        QVERIFY(reply.object().value(QStringLiteral("next")).isNull());
    }

    void searchContainsTreatsWildcardsLiterally()
    {
        const HttpReply found = search({{QStringLiteral("q"), QStringLiteral("browse-te")}, {QStringLiteral("match"), QStringLiteral("contains")}});
        QCOMPARE(found.status, 200);
        QCOMPARE(found.object().value(QStringLiteral("results")).toArray().size(), 1);
        // "%" and "_" are what the user typed, not LIKE wildcards.
        for (const QString &q : {QStringLiteral("%"), QStringLiteral("_")}) {
            const HttpReply none = search({{QStringLiteral("q"), q}, {QStringLiteral("match"), QStringLiteral("contains")}});
            QCOMPARE(none.status, 200);
            QCOMPARE(none.object().value(QStringLiteral("results")).toArray().size(), 0);
        }
    }

    void searchPagesWithCursorWithoutGapsOrRepeats()
    {
        // Every demo domain is under .example; walk them three at a time for a few pages and
        // compare with one larger page.
        const HttpReply whole = search({{QStringLiteral("q"), QStringLiteral("a")}, {QStringLiteral("match"), QStringLiteral("contains")},
                                        {QStringLiteral("limit"), QStringLiteral("12")}});
        QCOMPARE(whole.status, 200);
        const QJsonArray all = whole.object().value(QStringLiteral("results")).toArray();
        QCOMPARE(all.size(), 12);
        QStringList paged;
        QString cursor;
        for (int page = 0; page < 4; ++page) {
            QList<std::pair<QString, QString>> items{{QStringLiteral("q"), QStringLiteral("a")},
                                                     {QStringLiteral("match"), QStringLiteral("contains")},
                                                     {QStringLiteral("limit"), QStringLiteral("3")}};
            if (!cursor.isEmpty())
                items.append({QStringLiteral("cursor"), cursor});
            const HttpReply reply = search(items);
            QCOMPARE(reply.status, 200);
            const QJsonArray results = reply.object().value(QStringLiteral("results")).toArray();
            QCOMPARE(results.size(), 3);
            for (const QJsonValue &r : results)
                paged.append(r[QStringLiteral("key")].toString());
            cursor = reply.object().value(QStringLiteral("next")).toString();
            QVERIFY(!cursor.isEmpty());
        }
        QStringList expected;
        for (const QJsonValue &r : all)
            expected.append(r[QStringLiteral("key")].toString());
        QCOMPARE(paged, expected);
    }

    void searchOtherTypes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("q");
        QTest::addColumn<QString>("expectedKey");
        QTest::newRow("registrar by id") << QStringLiteral("registrar") << QStringLiteral("rar-b") << QStringLiteral("rar-bravo");
        QTest::newRow("registrar by name") << QStringLiteral("registrar") << QStringLiteral("charlie") << QStringLiteral("rar-charlie");
        QTest::newRow("host") << QStringLiteral("host") << QStringLiteral("ns1.bluefjord") << QStringLiteral("ns1.bluefjord-dns.net");
    }
    void searchOtherTypes()
    {
        QFETCH(QString, type);
        QFETCH(QString, q);
        QFETCH(QString, expectedKey);
        const HttpReply reply = search({{QStringLiteral("q"), q}, {QStringLiteral("type"), type}}, QStringLiteral("noc"));
        QCOMPARE(reply.status, 200);
        const QJsonArray results = reply.object().value(QStringLiteral("results")).toArray();
        QVERIFY2(!results.isEmpty(), reply.body.constData());
        QCOMPARE(results.first()[QStringLiteral("key")].toString(), expectedKey);
    }

    void badSearchInputIsRefused_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("no q") << QStringLiteral("type=domain");
        QTest::newRow("empty q") << QStringLiteral("q=");
        QTest::newRow("unknown type") << QStringLiteral("q=a&type=ticket");
        QTest::newRow("unknown match") << QStringLiteral("q=a&match=regex");
        QTest::newRow("limit zero") << QStringLiteral("q=a&limit=0");
        QTest::newRow("limit too big") << QStringLiteral("q=a&limit=201");
        QTest::newRow("limit not a number") << QStringLiteral("q=a&limit=ten");
        QTest::newRow("q twice") << QStringLiteral("q=a&q=b");
        QTest::newRow("unknown parameter") << QStringLiteral("q=a&sort=name");
        QTest::newRow("forged cursor") << QStringLiteral("q=a&cursor=!!!");
        QTest::newRow("q with space") << QStringLiteral("q=a%20b");
        QTest::newRow("q with control") << QStringLiteral("q=a%01");
        QTest::newRow("q too long") << QStringLiteral("q=") + QString(300, u'a');
    }
    void badSearchInputIsRefused()
    {
        QFETCH(QString, query);
        const HttpReply reply = get(QStringLiteral("/api/v1/registry/search?") + query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("bad_request"));
        QVERIFY(!reply.object().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    }

    void domainDetailShowsEverythingButAuthInfo()
    {
        const HttpReply reply = get(QStringLiteral("/api/v1/registry/domains/ZZ-Browse-Test.example"), QStringLiteral("helpdesk-tier1"));
        QCOMPARE(reply.status, 200);
        const QJsonObject d = reply.object();
        QCOMPARE(d.value(QStringLiteral("name")).toString(), testDomain);
        QCOMPARE(d.value(QStringLiteral("registrar")).toString(), testRegistrar);
        QVERIFY(!d.value(QStringLiteral("registrant")).toString().isEmpty());
        QCOMPARE(d.value(QStringLiteral("expiresAt")).toString(), QStringLiteral("2030-03-17T17:46:40.000Z"));
        QCOMPARE(d.value(QStringLiteral("dsData")).toArray().first()[QStringLiteral("keyTag")].toInt(), 12345);
        QCOMPARE(d.value(QStringLiteral("customFields")).toArray().first()[QStringLiteral("value")].toString(), QStringLiteral("A-17"));
        QVERIFY(!d.contains(QStringLiteral("authInfo")));
        QVERIFY(!reply.body.contains("auth"));
    }

    void hostDetailListsAddressesAndLinkedDomains()
    {
        const HttpReply reply = get(QStringLiteral("/api/v1/registry/hosts/ns1.bluefjord-dns.net"), QStringLiteral("manager"));
        QCOMPARE(reply.status, 200);
        const QJsonObject h = reply.object();
        QCOMPARE(h.value(QStringLiteral("name")).toString(), QStringLiteral("ns1.bluefjord-dns.net"));
        QVERIFY(h.value(QStringLiteral("superordinateDomain")).isNull());
        QCOMPARE(h.value(QStringLiteral("linkedDomains")).toArray().size(),
                 qMin(100, h.value(QStringLiteral("linkedDomainCount")).toInt()));
    }

    void unknownObjectsAre404_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("domain") << QStringLiteral("/api/v1/registry/domains/nothing-here.example");
        QTest::newRow("host") << QStringLiteral("/api/v1/registry/hosts/ns9.nothing-here.example");
        QTest::newRow("contact") << QStringLiteral("/api/v1/registry/contacts/no-such-contact");
        QTest::newRow("registrar") << QStringLiteral("/api/v1/registry/registrars/rar-zulu");
        QTest::newRow("ledger") << QStringLiteral("/api/v1/registry/registrars/rar-zulu/ledger");
        QTest::newRow("audit") << QStringLiteral("/api/v1/registry/registrars/rar-zulu/audit");
    }
    void unknownObjectsAre404()
    {
        QFETCH(QString, path);
        const HttpReply reply = get(path);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), QStringLiteral("not_found"));
    }

    void badPathsAndParametersAre400_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("domain with underscore") << QStringLiteral("/api/v1/registry/domains/a_b.example");
        QTest::newRow("domain too long") << QStringLiteral("/api/v1/registry/domains/") + QString(254, u'a');
        QTest::newRow("empty domain") << QStringLiteral("/api/v1/registry/domains/");
        QTest::newRow("detail with parameter") << QStringLiteral("/api/v1/registry/domains/a.example?x=1");
        QTest::newRow("ledger before zero") << QStringLiteral("/api/v1/registry/registrars/rar-alpha/ledger?before=0");
        QTest::newRow("ledger limit too big") << QStringLiteral("/api/v1/registry/registrars/rar-alpha/ledger?limit=501");
        QTest::newRow("audit unknown parameter") << QStringLiteral("/api/v1/registry/registrars/rar-alpha/audit?from=1");
        QTest::newRow("registrars with parameter") << QStringLiteral("/api/v1/registry/registrars?limit=1");
    }
    void badPathsAndParametersAre400()
    {
        QFETCH(QString, path);
        const HttpReply reply = get(path);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("bad_request"));
    }

    void registrarsListBalanceAndCredit()
    {
        const HttpReply reply = get(QStringLiteral("/api/v1/registry/registrars"), QStringLiteral("manager"));
        QCOMPARE(reply.status, 200);
        const QJsonArray list = reply.object().value(QStringLiteral("registrars")).toArray();
        QVERIFY(list.size() >= 2);
        const QJsonObject alpha = list.first().toObject();
        QCOMPARE(alpha.value(QStringLiteral("id")).toString(), testRegistrar);
        QCOMPARE(alpha.value(QStringLiteral("balanceCents")).toInteger(), 2500000);
        QCOMPARE(alpha.value(QStringLiteral("creditLimitCents")).toInteger(), 500000);
        QCOMPARE(alpha.value(QStringLiteral("availableCents")).toInteger(), 3000000);
    }

    void registrarDetailHasAccessAndCounts()
    {
        const HttpReply reply = get(QStringLiteral("/api/v1/registry/registrars/rar-alpha"), QStringLiteral("noc"));
        QCOMPARE(reply.status, 200);
        const QJsonObject r = reply.object();
        QCOMPARE(r.value(QStringLiteral("name")).toString(), QStringLiteral("Alpha Names GmbH"));
        bool sawUser = false;
        const QJsonArray users = r.value(QStringLiteral("users")).toArray();
        for (const QJsonValue &u : users)
            sawUser = sawUser || u[QStringLiteral("id")].toString() == u"zz-browse-user";
        QVERIFY(sawUser);
        QVERIFY(r.value(QStringLiteral("addresses")).toArray().contains(QStringLiteral("192.0.2.77")));
        bool sawCertificate = false;
        const QJsonArray certificates = r.value(QStringLiteral("certificates")).toArray();
        for (const QJsonValue &c : certificates)
            sawCertificate = sawCertificate || c[QStringLiteral("sha256")].toString() == QString(64, u'e');
        QVERIFY(sawCertificate);
        QVERIFY(r.value(QStringLiteral("domainCount")).toInteger() >= 1);
        QVERIFY(!reply.body.contains("zz-secret-hash"));
        QVERIFY(!reply.body.contains("scrypt"));
    }

    void ledgerPagesNewestFirst()
    {
        const HttpReply first = get(QStringLiteral("/api/v1/registry/registrars/rar-alpha/ledger?limit=4"), QStringLiteral("auditor"));
        QCOMPARE(first.status, 200);
        const QJsonArray entries = first.object().value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.first()[QStringLiteral("object")].toString(), QStringLiteral("ledger%1.example").arg(ledgerRows));
        QCOMPARE(entries.first()[QStringLiteral("amountCents")].toInteger(), -1000);
        for (qsizetype i = 1; i < entries.size(); ++i)
            QVERIFY(entries[i][QStringLiteral("id")].toInteger() < entries[i - 1][QStringLiteral("id")].toInteger());
        const qint64 next = first.object().value(QStringLiteral("next")).toInteger();
        QCOMPARE(next, entries.last()[QStringLiteral("id")].toInteger());

        const HttpReply second = get(QStringLiteral("/api/v1/registry/registrars/rar-alpha/ledger?limit=4&before=%1").arg(next),
                                     QStringLiteral("auditor"));
        QCOMPARE(second.status, 200);
        const QJsonArray rest = second.object().value(QStringLiteral("entries")).toArray();
        QCOMPARE(rest.size(), ledgerRows - 4);
        QCOMPARE(rest.last()[QStringLiteral("object")].toString(), QStringLiteral("ledger1.example"));
        QVERIFY(second.object().value(QStringLiteral("next")).isNull());
    }

    void xrpAuditPagesNewestFirst()
    {
        const HttpReply reply = get(QStringLiteral("/api/v1/registry/registrars/rar-alpha/audit?limit=2"), QStringLiteral("noc"));
        QCOMPARE(reply.status, 200);
        const QJsonArray entries = reply.object().value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.first()[QStringLiteral("clientTrid")].toString(), QStringLiteral("c%1").arg(auditRows));
        QCOMPARE(entries.first()[QStringLiteral("resultCode")].toInt(), 1000);
        QVERIFY(!reply.object().value(QStringLiteral("next")).isNull());
        const HttpReply empty = get(QStringLiteral("/api/v1/registry/registrars/rar-bravo/audit"), QStringLiteral("noc"));
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.object().value(QStringLiteral("entries")).toArray().size(), 0);
    }

    void rolesAllowedAndDenied_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        const QString domain = QStringLiteral("/api/v1/registry/domains/") + testDomain;
        const QString contactSearch = QStringLiteral("/api/v1/registry/search?type=contact&q=alp");
        const QString ledger = QStringLiteral("/api/v1/registry/registrars/rar-alpha/ledger");
        const QString audit = QStringLiteral("/api/v1/registry/registrars/rar-alpha/audit");
        QTest::newRow("noc domain") << QStringLiteral("noc") << domain << 200;
        QTest::newRow("noc contact search") << QStringLiteral("noc") << contactSearch << 403;
        QTest::newRow("noc ledger") << QStringLiteral("noc") << ledger << 200;
        QTest::newRow("manager contact search") << QStringLiteral("manager") << contactSearch << 403;
        QTest::newRow("auditor contact search") << QStringLiteral("auditor") << contactSearch << 403;
        QTest::newRow("tier1 contact search") << QStringLiteral("helpdesk-tier1") << contactSearch << 200;
        QTest::newRow("tier1 ledger") << QStringLiteral("helpdesk-tier1") << ledger << 403;
        QTest::newRow("tier1 audit") << QStringLiteral("helpdesk-tier1") << audit << 403;
        QTest::newRow("tier2 audit") << QStringLiteral("helpdesk-tier2") << audit << 200;
        QTest::newRow("no token") << QStringLiteral("nobody") << domain << 401;
    }
    void rolesAllowedAndDenied()
    {
        QFETCH(QString, role);
        QFETCH(QString, path);
        QFETCH(int, status);
        QCOMPARE(get(path, role).status, status);
    }

    void contactViewsAreForPermittedRolesAndAudited()
    {
        const HttpReply found = search({{QStringLiteral("q"), QStringLiteral("alp-")}, {QStringLiteral("type"), QStringLiteral("contact")}},
                                       QStringLiteral("helpdesk-tier2"));
        QCOMPARE(found.status, 200);
        const QJsonArray results = found.object().value(QStringLiteral("results")).toArray();
        QVERIFY(!results.isEmpty());
        const QString id = results.first()[QStringLiteral("key")].toString();

        const HttpReply denied = get(QStringLiteral("/api/v1/registry/contacts/") + id, QStringLiteral("noc"));
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.errorCode(), QStringLiteral("forbidden"));

        const HttpReply shown = get(QStringLiteral("/api/v1/registry/contacts/") + id, QStringLiteral("helpdesk-tier2"));
        QCOMPARE(shown.status, 200);
        QCOMPARE(shown.object().value(QStringLiteral("id")).toString(), id);
        QVERIFY(!shown.object().value(QStringLiteral("email")).toString().isEmpty());
        QVERIFY(!shown.object().contains(QStringLiteral("authInfo")));

        // The audit record is a separate write that follows the answer; wait for it to land.
        const auto viewRecorded = [&] {
            const QList<QJsonObject> views = auditRowsFor(QStringLiteral("registry.contact.view"));
            for (const QJsonObject &v : views) {
                if (v.value(QStringLiteral("actor")).toString() == u"helpdesktier2user" && v.value(QStringLiteral("detail")).toString() == id)
                    return v.value(QStringLiteral("outcome")).toString() == u"success";
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(viewRecorded(), 10000);
        // The refused searches of rolesAllowedAndDenied are on record too, with who tried.
        const auto refusedSearchRecorded = [&] {
            const QList<QJsonObject> searches = auditRowsFor(QStringLiteral("registry.contact.search"));
            for (const QJsonObject &s : searches) {
                if (s.value(QStringLiteral("actor")).toString() == u"nocuser" && s.value(QStringLiteral("outcome")).toString() == u"forbidden")
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(refusedSearchRecorded(), 10000);
    }

    void onlyGetIsAllowed()
    {
        // Registrar administration (POST/PATCH under /registry/registrars) is tst_managementregistrars'.
        const HttpReply reply = httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/registry/search"), "{}",
                                             m_tokens.value(QStringLiteral("admin")));
        QCOMPARE(reply.status, 405);
        const HttpReply domain = httpsRequest(m_engine, "DELETE", QStringLiteral("/api/v1/registry/domains/") + testDomain, {},
                                              m_tokens.value(QStringLiteral("admin")));
        QCOMPARE(domain.status, 405);
    }
};

QTEST_GUILESS_MAIN(tst_ManagementRegistry)
#include "tst_managementregistry.moc"
