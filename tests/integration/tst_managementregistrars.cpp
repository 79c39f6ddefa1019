#include "common/enginefixture.h"
#include "common/eppclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace testsupport;

namespace {

const QString newRegistrar = QStringLiteral("rar-onboard");
const QString newUser = QStringLiteral("onboard-epp");

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray eppLogin(const QString &user, const QString &password)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><login><clID>"
        + user.toUtf8() + "</clID><pw>" + password.toUtf8()
        + "</pw><options><version>1.0</version><lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI>"
          "</svcs></login><clTRID>onboard-1</clTRID></command></epp>";
}

int resultCode(const QByteArray &xml)
{
    static const QRegularExpression re(QStringLiteral("<result code=\"(\\d{4})\""));
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(xml));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

// openssl CLI: a P-256 client certificate for `commonName`, signed by the data directory's
// development CA, as a registrar's own CA-issued certificate would be. Empty string on success.
QString issueClientCertificate(const QString &dataDir, const QString &dir, const QString &commonName)
{
    QFile ext(dir + QStringLiteral("/ext.cnf"));
    if (!ext.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write ext.cnf");
    ext.write("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n");
    ext.close();
    const QList<QStringList> steps = {
        {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), dir + QStringLiteral("/key.pem"),
         QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName, QStringLiteral("-out"), dir + QStringLiteral("/req.csr")},
        {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), dir + QStringLiteral("/req.csr"), QStringLiteral("-CA"),
         dataDir + QStringLiteral("/pki/ca.crt"), QStringLiteral("-CAkey"), dataDir + QStringLiteral("/pki/ca.key"),
         QStringLiteral("-set_serial"), QStringLiteral("0x5eed01"), QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-sha256"),
         QStringLiteral("-extfile"), dir + QStringLiteral("/ext.cnf"), QStringLiteral("-out"), dir + QStringLiteral("/cert.pem")},
    };
    for (const QStringList &arguments : steps) {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), arguments);
        if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0)
            return QStringLiteral("openssl %1 failed: %2").arg(arguments.first(), QString::fromLocal8Bit(openssl.readAllStandardError()));
    }
    return {};
}

} // namespace

class tst_ManagementRegistrars : public QObject
{
    Q_OBJECT
private:
    EngineFixture m_engine;
    QTemporaryDir m_certDir;
    QHash<QString, QByteArray> m_tokens;   // role name -> token of a user holding only that role
    QString m_generatedPassword;
    QList<QByteArray> m_responses;         // every answer body except the one that shows the password

    HttpReply call(const QByteArray &method, const QString &path, const QByteArray &body = {}, const QString &role = QStringLiteral("admin"),
                   const QByteArray &contentType = QByteArrayLiteral("application/json"))
    {
        HttpReply reply = httpsRequest(m_engine, method, path, body, m_tokens.value(role), contentType);
        m_responses.append(reply.body);
        return reply;
    }
    static QString registrarPath(const QString &id, const QString &rest = {})
    {
        return QStringLiteral("/api/v1/registry/registrars/") + id + rest;
    }
    QByteArray certificatePem() const
    {
        QFile file(m_certDir.filePath(QStringLiteral("cert.pem")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // The audit trail is not served by the API; read it where it is written.
    QList<QStringList> auditRows(const QString &action)
    {
        QList<QStringList> rows;
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
            QStringList row;
            for (int column = 0; column < 3; ++column)
                row.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column))));
            rows.append(row);
        }
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        return rows;
    }
    bool hasAuditRow(const QString &action, const QString &actor, const QString &outcome, const QString &detail = {})
    {
        for (const QStringList &row : auditRows(action)) {
            if (row.at(0) == actor && row.at(1) == outcome && (detail.isEmpty() || row.at(2) == detail))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("REGISTRYD_BINARY"))
            QSKIP("REGISTRYD_BINARY is not set");
        QVERIFY(m_certDir.isValid());
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        m_tokens.insert(QStringLiteral("admin"), login(m_engine, QStringLiteral("admin"), m_engine.adminPassword()));
        QVERIFY(!m_tokens.value(QStringLiteral("admin")).isEmpty());
        for (const QString &role : {QStringLiteral("noc"), QStringLiteral("helpdesk-tier3"), QStringLiteral("manager")}) {
            const QString user = QString(role).remove(u'-') + QStringLiteral("user");
            const QString password = QStringLiteral("pass-%1-9").arg(role);
            const HttpReply created = httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/users"),
                                                   json({{QStringLiteral("name"), user}, {QStringLiteral("password"), password},
                                                         {QStringLiteral("roles"), QJsonArray{role}}}),
                                                   m_tokens.value(QStringLiteral("admin")));
            QVERIFY2(created.status == 201, created.body.constData());
            m_tokens.insert(role, login(m_engine, user, password));
            QVERIFY(!m_tokens.value(role).isEmpty());
        }
        QVERIFY2(issueClientCertificate(m_engine.dataDir(), m_certDir.path(), newRegistrar).isEmpty(),
                 qPrintable(issueClientCertificate(m_engine.dataDir(), m_certDir.path(), newRegistrar)));
    }

    // The whole onboarding: account, user, certificate, address; then the registrar logs in over XRP.
    void onboardRegistrarEndToEnd()
    {
        const HttpReply created = call("POST", QStringLiteral("/api/v1/registry/registrars"),
                                       json({{QStringLiteral("id"), newRegistrar}, {QStringLiteral("name"), QStringLiteral("Onboard Registrar Ltd")},
                                             {QStringLiteral("ianaId"), 9901}, {QStringLiteral("email"), QStringLiteral("ops@onboard.test")},
                                             {QStringLiteral("phone"), QStringLiteral("+1.7035555555")},
                                             {QStringLiteral("whoisServer"), QStringLiteral("whois.onboard.test")},
                                             {QStringLiteral("creditLimitCents"), 50000}, {QStringLiteral("lowBalanceCents"), 1000}}));
        QVERIFY2(created.status == 201, created.body.constData());
        QCOMPARE(created.object().value(QStringLiteral("id")).toString(), newRegistrar);
        QCOMPARE(created.object().value(QStringLiteral("whoisServer")).toString(), QStringLiteral("whois.onboard.test"));
        QCOMPARE(created.object().value(QStringLiteral("webWhoisUrl")).toString(), QString());
        QCOMPARE(created.object().value(QStringLiteral("rdapBaseUrl")).toString(), QString());
        QCOMPARE(call("GET", registrarPath(newRegistrar)).status, 200);

        // The user: a generated password, shown once, fit for EPP (at most 16 characters).
        const HttpReply user = httpsRequest(m_engine, "POST", registrarPath(newRegistrar, QStringLiteral("/users")),
                                            json({{QStringLiteral("userId"), newUser}}), m_tokens.value(QStringLiteral("admin")));
        QVERIFY2(user.status == 201, user.body.constData());
        QCOMPARE(user.object().value(QStringLiteral("userId")).toString(), newUser);
        m_generatedPassword = user.object().value(QStringLiteral("password")).toString();
        QVERIFY(m_generatedPassword.size() >= 6 && m_generatedPassword.size() <= 16);
        QCOMPARE(user.header("cache-control"), QByteArray("no-store"));

        // The certificate as the PEM file itself; the answer is its SHA-256.
        const QByteArray pem = certificatePem();
        QVERIFY(!pem.isEmpty());
        const HttpReply bound = call("POST", registrarPath(newRegistrar, QStringLiteral("/certificates")), pem, QStringLiteral("admin"),
                                     QByteArrayLiteral("application/x-pem-file"));
        QVERIFY2(bound.status == 201, bound.body.constData());
        const QByteArray expected = QSslCertificate(pem, QSsl::Pem).digest(QCryptographicHash::Sha256).toHex();
        QCOMPARE(bound.object().value(QStringLiteral("sha256")).toString().toLatin1(), expected);

        // Before its address is listed... (127.0.0.1 is already known from the demo registrars, so
        // the connection is accepted; the login itself must be refused.)
        {
            EppClient client;
            client.setCredentials(m_engine.caCertificateFile(), m_certDir.filePath(QStringLiteral("cert.pem")),
                                  m_certDir.filePath(QStringLiteral("key.pem")));
            QString error;
            QVERIFY2(!client.connectAndReadGreeting(m_engine.port(QStringLiteral("xrp")), &error).isEmpty(), qPrintable(error));
            const int code = resultCode(client.exchange(eppLogin(newUser, m_generatedPassword)));
            QVERIFY2(code >= 2000, qPrintable(QString::number(code)));
        }

        const HttpReply address = call("POST", registrarPath(newRegistrar, QStringLiteral("/addresses")),
                                       json({{QStringLiteral("address"), QStringLiteral("127.0.0.1")}}));
        QVERIFY2(address.status == 201, address.body.constData());
        QCOMPARE(address.object().value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));

        // Now the registrar logs in over XRP with its own certificate, user and password.
        EppClient client;
        client.setCredentials(m_engine.caCertificateFile(), m_certDir.filePath(QStringLiteral("cert.pem")),
                              m_certDir.filePath(QStringLiteral("key.pem")));
        QString error;
        QVERIFY2(!client.connectAndReadGreeting(m_engine.port(QStringLiteral("xrp")), &error).isEmpty(), qPrintable(error));
        const QByteArray answer = client.exchange(eppLogin(newUser, m_generatedPassword));
        QVERIFY2(resultCode(answer) == 1000, answer.constData());

        // The detail shows the user, the certificate and the address, and no hash.
        const HttpReply detail = call("GET", registrarPath(newRegistrar));
        QCOMPARE(detail.status, 200);
        QVERIFY(detail.body.contains(newUser.toUtf8()));
        QVERIFY(detail.body.contains(expected));
        QVERIFY(detail.body.contains("127.0.0.1"));
        QVERIFY(!detail.body.contains("scrypt"));

        QTRY_VERIFY_WITH_TIMEOUT(hasAuditRow(QStringLiteral("registrar.create"), QStringLiteral("admin"), QStringLiteral("success"), newRegistrar), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(hasAuditRow(QStringLiteral("registrar.user.create"), QStringLiteral("admin"), QStringLiteral("success"),
                                             newRegistrar + u' ' + newUser), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(hasAuditRow(QStringLiteral("registrar.certificate"), QStringLiteral("admin"), QStringLiteral("success")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(hasAuditRow(QStringLiteral("registrar.address.add"), QStringLiteral("admin"), QStringLiteral("success"),
                                             newRegistrar + QStringLiteral(" 127.0.0.1")), 10000);
    }

    void paymentsAndAccountLimits()
    {
        const HttpReply paid = call("POST", registrarPath(newRegistrar, QStringLiteral("/payments")),
                                    json({{QStringLiteral("amountCents"), 125000}, {QStringLiteral("description"), QStringLiteral("wire 2026-11-21")}}));
        QVERIFY2(paid.status == 201, paid.body.constData());
        QCOMPARE(paid.object().value(QStringLiteral("balanceCents")).toInteger(), qint64(125000));
        const HttpReply ledger = call("GET", registrarPath(newRegistrar, QStringLiteral("/ledger")));
        QCOMPARE(ledger.status, 200);
        QVERIFY(ledger.body.contains("payment"));
        QVERIFY(ledger.body.contains("wire 2026-11-21"));

        const HttpReply updated = call("PATCH", registrarPath(newRegistrar),
                                       json({{QStringLiteral("creditLimitCents"), 7000}, {QStringLiteral("lowBalanceCents"), 300}}));
        QVERIFY2(updated.status == 200, updated.body.constData());
        QVERIFY2(updated.body.contains("7000") && updated.body.contains("300"), updated.body.constData());

        // Whois and RDAP publish these two; an empty value removes one.
        const HttpReply whois = call("PATCH", registrarPath(newRegistrar),
                                     json({{QStringLiteral("whoisServer"), QString()},
                                           {QStringLiteral("webWhoisUrl"), QStringLiteral("https://onboard.test/whois")}}));
        QVERIFY2(whois.status == 200, whois.body.constData());
        QCOMPARE(whois.object().value(QStringLiteral("whoisServer")).toString(), QString());
        QCOMPARE(whois.object().value(QStringLiteral("webWhoisUrl")).toString(), QStringLiteral("https://onboard.test/whois"));

        // Its own RDAP service (the "related" link of the domains it sponsors): set, then removed.
        const HttpReply rdapSet = call("PATCH", registrarPath(newRegistrar),
                                       json({{QStringLiteral("rdapBaseUrl"), QStringLiteral("https://rdap.onboard.test/v1/")}}));
        QVERIFY2(rdapSet.status == 200, rdapSet.body.constData());
        QCOMPARE(rdapSet.object().value(QStringLiteral("rdapBaseUrl")).toString(), QStringLiteral("https://rdap.onboard.test/v1/"));
        QCOMPARE(call("GET", registrarPath(newRegistrar)).object().value(QStringLiteral("rdapBaseUrl")).toString(),
                 QStringLiteral("https://rdap.onboard.test/v1/"));
        const HttpReply rdapCleared = call("PATCH", registrarPath(newRegistrar), json({{QStringLiteral("rdapBaseUrl"), QString()}}));
        QVERIFY2(rdapCleared.status == 200, rdapCleared.body.constData());
        QCOMPARE(rdapCleared.object().value(QStringLiteral("rdapBaseUrl")).toString(), QString());
        QCOMPARE(rdapCleared.object().value(QStringLiteral("webWhoisUrl")).toString(), QStringLiteral("https://onboard.test/whois"));

        // Journal entries for both, with the operator as actor.
        const HttpReply journal = call("GET", QStringLiteral("/api/v1/journal?from=1&limit=1000"));
        QCOMPARE(journal.status, 200);
        QStringList kinds;
        for (const QJsonValue &entry : journal.object().value(QStringLiteral("entries")).toArray()) {
            if (entry[QStringLiteral("object")].toString() == newRegistrar)
                kinds.append(entry[QStringLiteral("kind")].toString());
        }
        for (const QString &kind : {QStringLiteral("registrar.create"), QStringLiteral("registrar.certificate"), QStringLiteral("registrar.address"),
                                    QStringLiteral("registrar.payment"), QStringLiteral("registrar.update")})
            QVERIFY2(kinds.contains(kind), qPrintable(kind + QStringLiteral(" missing from ") + kinds.join(u',')));
        QTRY_VERIFY_WITH_TIMEOUT(hasAuditRow(QStringLiteral("registrar.payment"), QStringLiteral("admin"), QStringLiteral("success")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(hasAuditRow(QStringLiteral("registrar.update"), QStringLiteral("admin"), QStringLiteral("success")), 10000);
    }

    void unlockAndRemoveAddress()
    {
        QCOMPARE(call("POST", registrarPath(newRegistrar, QStringLiteral("/users/") + newUser + QStringLiteral("/unlock"))).status, 204);
        // Another registrar's user is unknown here.
        QCOMPARE(call("POST", registrarPath(QStringLiteral("rar-alpha"), QStringLiteral("/users/") + newUser + QStringLiteral("/unlock"))).status, 404);

        const QByteArray body = json({{QStringLiteral("address"), QStringLiteral("192.0.2.99")}});
        QCOMPARE(call("POST", registrarPath(newRegistrar, QStringLiteral("/addresses")), body).status, 201);
        QCOMPARE(call("POST", registrarPath(newRegistrar, QStringLiteral("/addresses")), body).status, 409);
        QCOMPARE(call("DELETE", registrarPath(newRegistrar, QStringLiteral("/addresses")), body).status, 204);
        QCOMPARE(call("DELETE", registrarPath(newRegistrar, QStringLiteral("/addresses")), body).status, 404);
        QVERIFY(!call("GET", registrarPath(newRegistrar)).body.contains("192.0.2.99"));
        QTRY_VERIFY_WITH_TIMEOUT(hasAuditRow(QStringLiteral("registrar.address.remove"), QStringLiteral("admin"), QStringLiteral("success"),
                                             newRegistrar + QStringLiteral(" 192.0.2.99")), 10000);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("role");
        QTest::addColumn<int>("status");
        const QString create = QStringLiteral("/api/v1/registry/registrars");
        const QByteArray valid = json({{QStringLiteral("id"), QStringLiteral("rar-zz")}, {QStringLiteral("name"), QStringLiteral("Z")},
                                       {QStringLiteral("email"), QStringLiteral("z@z.test")}});
        const auto addr = [](const QString &a) { return json({{QStringLiteral("address"), a}}); };
        QTest::newRow("noc may not create") << QByteArray("POST") << create << valid << QStringLiteral("noc") << 403;
        QTest::newRow("manager may not create") << QByteArray("POST") << create << valid << QStringLiteral("manager") << 403;
        QTest::newRow("tier3 may not pay") << QByteArray("POST") << registrarPath(newRegistrar, QStringLiteral("/payments"))
                                           << json({{QStringLiteral("amountCents"), 1}, {QStringLiteral("description"), QStringLiteral("x")}})
                                           << QStringLiteral("helpdesk-tier3") << 403;
        QTest::newRow("no token") << QByteArray("POST") << create << valid << QStringLiteral("nobody") << 401;
        QTest::newRow("duplicate registrar") << QByteArray("POST") << create
                                             << json({{QStringLiteral("id"), QStringLiteral("rar-alpha")}, {QStringLiteral("name"), QStringLiteral("A")},
                                                      {QStringLiteral("email"), QStringLiteral("a@a.test")}})
                                             << QStringLiteral("admin") << 409;
        QTest::newRow("id too short") << QByteArray("POST") << create
                                      << json({{QStringLiteral("id"), QStringLiteral("ab")}, {QStringLiteral("name"), QStringLiteral("A")},
                                               {QStringLiteral("email"), QStringLiteral("a@a.test")}})
                                      << QStringLiteral("admin") << 400;
        QTest::newRow("id too long") << QByteArray("POST") << create
                                     << json({{QStringLiteral("id"), QStringLiteral("abcdefghijklmnopq")}, {QStringLiteral("name"), QStringLiteral("A")},
                                              {QStringLiteral("email"), QStringLiteral("a@a.test")}})
                                     << QStringLiteral("admin") << 400;
        QTest::newRow("unknown field") << QByteArray("POST") << create
                                       << json({{QStringLiteral("id"), QStringLiteral("rar-zz")}, {QStringLiteral("name"), QStringLiteral("A")},
                                                {QStringLiteral("email"), QStringLiteral("a@a.test")}, {QStringLiteral("balanceCents"), 5}})
                                       << QStringLiteral("admin") << 400;
        QTest::newRow("negative credit limit") << QByteArray("POST") << create
                                               << json({{QStringLiteral("id"), QStringLiteral("rar-zz")}, {QStringLiteral("name"), QStringLiteral("A")},
                                                        {QStringLiteral("email"), QStringLiteral("a@a.test")}, {QStringLiteral("creditLimitCents"), -1}})
                                               << QStringLiteral("admin") << 400;
        QTest::newRow("range refused") << QByteArray("POST") << registrarPath(newRegistrar, QStringLiteral("/addresses"))
                                       << addr(QStringLiteral("10.0.0.0/8")) << QStringLiteral("admin") << 400;
        QTest::newRow("not an address") << QByteArray("POST") << registrarPath(newRegistrar, QStringLiteral("/addresses"))
                                        << addr(QStringLiteral("example.net")) << QStringLiteral("admin") << 400;
        QTest::newRow("any address") << QByteArray("POST") << registrarPath(newRegistrar, QStringLiteral("/addresses"))
                                     << addr(QStringLiteral("0.0.0.0")) << QStringLiteral("admin") << 400;
        QTest::newRow("address of unknown registrar") << QByteArray("POST") << registrarPath(QStringLiteral("rar-nobody"), QStringLiteral("/addresses"))
                                                      << addr(QStringLiteral("192.0.2.5")) << QStringLiteral("admin") << 404;
        QTest::newRow("user of unknown registrar") << QByteArray("POST") << registrarPath(QStringLiteral("rar-nobody"), QStringLiteral("/users"))
                                                   << json({{QStringLiteral("userId"), QStringLiteral("nobody-epp")}}) << QStringLiteral("admin") << 404;
        QTest::newRow("duplicate user") << QByteArray("POST") << registrarPath(newRegistrar, QStringLiteral("/users"))
                                        << json({{QStringLiteral("userId"), newUser}}) << QStringLiteral("admin") << 409;
        QTest::newRow("payment of unknown registrar") << QByteArray("POST") << registrarPath(QStringLiteral("rar-nobody"), QStringLiteral("/payments"))
                                                      << json({{QStringLiteral("amountCents"), 100}, {QStringLiteral("description"), QStringLiteral("x")}})
                                                      << QStringLiteral("admin") << 404;
        QTest::newRow("zero payment") << QByteArray("POST") << registrarPath(newRegistrar, QStringLiteral("/payments"))
                                      << json({{QStringLiteral("amountCents"), 0}, {QStringLiteral("description"), QStringLiteral("x")}})
                                      << QStringLiteral("admin") << 400;
        QTest::newRow("fractional payment") << QByteArray("POST") << registrarPath(newRegistrar, QStringLiteral("/payments"))
                                            << json({{QStringLiteral("amountCents"), 1.5}, {QStringLiteral("description"), QStringLiteral("x")}})
                                            << QStringLiteral("admin") << 400;
        QTest::newRow("empty update") << QByteArray("PATCH") << registrarPath(newRegistrar) << QByteArray("{}") << QStringLiteral("admin") << 400;
        QTest::newRow("whois server not a host name") << QByteArray("PATCH") << registrarPath(newRegistrar)
                                                      << json({{QStringLiteral("whoisServer"), QStringLiteral("whois.onboard.test:43")}})
                                                      << QStringLiteral("admin") << 400;
        QTest::newRow("web whois not http") << QByteArray("PATCH") << registrarPath(newRegistrar)
                                            << json({{QStringLiteral("webWhoisUrl"), QStringLiteral("javascript:alert(1)")}})
                                            << QStringLiteral("admin") << 400;
        QTest::newRow("rdap base not https") << QByteArray("PATCH") << registrarPath(newRegistrar)
                                             << json({{QStringLiteral("rdapBaseUrl"), QStringLiteral("http://rdap.onboard.test/")}})
                                             << QStringLiteral("admin") << 400;
        QTest::newRow("rdap base with query") << QByteArray("PATCH") << registrarPath(newRegistrar)
                                              << json({{QStringLiteral("rdapBaseUrl"), QStringLiteral("https://rdap.onboard.test/?q=1")}})
                                              << QStringLiteral("admin") << 400;
        QTest::newRow("rdap base too long") << QByteArray("PATCH") << registrarPath(newRegistrar)
                                            << json({{QStringLiteral("rdapBaseUrl"), QString(QStringLiteral("https://rdap.onboard.test/") + QString(250, u'a'))}})
                                            << QStringLiteral("admin") << 400;
        QTest::newRow("update unknown registrar") << QByteArray("PATCH") << registrarPath(QStringLiteral("rar-nobody"))
                                                  << json({{QStringLiteral("creditLimitCents"), 1}}) << QStringLiteral("admin") << 404;
        QTest::newRow("certificate not PEM") << QByteArray("POST") << registrarPath(newRegistrar, QStringLiteral("/certificates"))
                                             << json({{QStringLiteral("pem"), QStringLiteral("hello")}}) << QStringLiteral("admin") << 400;
        QTest::newRow("private key refused") << QByteArray("POST") << registrarPath(newRegistrar, QStringLiteral("/certificates"))
                                             << json({{QStringLiteral("pem"), QStringLiteral("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")}})
                                             << QStringLiteral("admin") << 400;
        QTest::newRow("certificate too large") << QByteArray("POST") << registrarPath(newRegistrar, QStringLiteral("/certificates"))
                                               << json({{QStringLiteral("pem"), QString(20000, u'A')}}) << QStringLiteral("admin") << 413;
        QTest::newRow("unlock unknown user") << QByteArray("POST") << registrarPath(newRegistrar, QStringLiteral("/users/no-such-user/unlock"))
                                             << QByteArray() << QStringLiteral("admin") << 404;
    }

    void refusals()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, role);
        QFETCH(int, status);
        const HttpReply reply = call(method, path, body, role);
        QVERIFY2(reply.status == status, reply.body.constData());
        QVERIFY(!reply.errorCode().isEmpty());
    }

    void certificateAlreadyBoundIsAConflict()
    {
        const HttpReply again = call("POST", registrarPath(newRegistrar, QStringLiteral("/certificates")),
                                     json({{QStringLiteral("pem"), QString::fromLatin1(certificatePem())}}));
        QVERIFY2(again.status == 409, again.body.constData());
        const HttpReply other = call("POST", registrarPath(QStringLiteral("rar-alpha"), QStringLiteral("/certificates")),
                                     json({{QStringLiteral("pem"), QString::fromLatin1(certificatePem())}}));
        QVERIFY2(other.status == 409, other.body.constData());
    }

    void refusalsAreAudited()
    {
        QTRY_VERIFY_WITH_TIMEOUT(hasAuditRow(QStringLiteral("POST /api/v1/registry/registrars"), QStringLiteral("nocuser"), QStringLiteral("forbidden")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(hasAuditRow(QStringLiteral("registrar.create"), QStringLiteral("admin"), QStringLiteral("conflict"),
                                             QStringLiteral("rar-alpha")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(hasAuditRow(QStringLiteral("registrar.address.add"), QStringLiteral("admin"), QStringLiteral("bad_request")), 10000);
    }

    // The one-time password appears in no other answer, no journal entry and no audit row.
    void noSecretsOutsideTheOneTimeAnswer()
    {
        QVERIFY(!m_generatedPassword.isEmpty());
        const QByteArray secret = m_generatedPassword.toUtf8();
        const HttpReply journal = call("GET", QStringLiteral("/api/v1/journal?from=1&limit=1000"));
        QCOMPARE(journal.status, 200);
        for (const QByteArray &body : std::as_const(m_responses))
            QVERIFY(!body.contains(secret));
        for (const QString &action : {QStringLiteral("registrar.user.create"), QStringLiteral("registrar.create")}) {
            for (const QStringList &row : auditRows(action))
                QVERIFY(!row.join(u' ').contains(m_generatedPassword));
        }
        QVERIFY(!m_engine.engineLog().contains(secret));
    }

    void cleanupTestCase()
    {
        if (m_engine.isRunning())
            QCOMPARE(m_engine.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ManagementRegistrars)
#include "tst_managementregistrars.moc"
