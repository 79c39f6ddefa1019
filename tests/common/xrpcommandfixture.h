#pragma once

// Support for the XRP command tests (tests/integration/tst_xrpcommands*.cpp): a real registryd
// from `init --demo` with test users for every demo registrar, EPP command builders, and a session
// that numbers its clTRIDs and remembers every answer, so a test can check afterwards that
// xrp_audit holds exactly one row per command with the code the client saw.
#include "common/enginefixture.h"
#include "common/eppclient.h"
#include "common/eppschemavalidator.h"

#include "core/clock.h"
#include "srs/registrarlogin.h"
#include "store/connection.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QRegularExpression>

#include <functional>
#include <memory>

namespace testsupport::xrp {

inline const QString testPassword = QStringLiteral("Xrp-e2e-pw-1");
inline const QByteArray domainNs = "urn:ietf:params:xml:ns:domain-1.0";
inline const QByteArray hostNs = "urn:ietf:params:xml:ns:host-1.0";
inline const QByteArray contactNs = "urn:ietf:params:xml:ns:contact-1.0";
inline const QByteArray secDnsNs = "urn:ietf:params:xml:ns:secDNS-1.1";
inline const QByteArray rgpNs = "urn:ietf:params:xml:ns:rgp-1.0";
inline const QByteArray feeNs = "urn:ietf:params:xml:ns:epp:fee-1.0";
inline const QByteArray customFieldsNs = "urn:registryd:params:xml:ns:customFields-1.0";
inline const QList<QByteArray> allExtensions{secDnsNs, rgpNs, feeNs, customFieldsNs};

inline QByteArray epp(const QByteArray &body)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">" + body + "</epp>";
}

// <command><inner/><extension>...</extension><clTRID/></command>; no <extension> when empty.
inline QByteArray command(const QByteArray &inner, const QByteArray &extension, const QByteArray &clTRID)
{
    return epp("<command>" + inner + (extension.isEmpty() ? QByteArray() : "<extension>" + extension + "</extension>")
               + "<clTRID>" + clTRID + "</clTRID></command>");
}

inline QByteArray loginCommand(const QString &user, const QList<QByteArray> &extensions, const QByteArray &clTRID)
{
    QByteArray svcs = "<objURI>" + domainNs + "</objURI><objURI>" + hostNs + "</objURI><objURI>" + contactNs + "</objURI>";
    if (!extensions.isEmpty()) {
        svcs += "<svcExtension>";
        for (const QByteArray &uri : extensions)
            svcs += "<extURI>" + uri + "</extURI>";
        svcs += "</svcExtension>";
    }
    return command("<login><clID>" + user.toUtf8() + "</clID><pw>" + testPassword.toUtf8()
                       + "</pw><options><version>1.0</version><lang>en</lang></options><svcs>" + svcs + "</svcs></login>",
                   {}, clTRID);
}

inline int resultCode(const QByteArray &xml)
{
    static const QRegularExpression re(QStringLiteral("<result code=\"(\\d{4})\""));
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(xml));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

// The text of the first element with this qualified name ("domain:roid"), or a null string.
inline QString elementText(const QByteArray &xml, const QString &qualifiedName)
{
    const QRegularExpression re(u'<' + QRegularExpression::escape(qualifiedName) + QStringLiteral("(?:\\s[^>]*)?>([^<]*)</")
                                + QRegularExpression::escape(qualifiedName) + u'>');
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(xml));
    return m.hasMatch() ? m.captured(1) : QString();
}

inline int countOf(const QByteArray &xml, const QByteArray &needle)
{
    return int(xml.count(needle));
}

// What the client sent and saw, for the audit check.
struct Exchange
{
    QByteArray clTRID;
    QByteArray verb;   // "create", "login", "poll" ...
    int code = 0;
    QString svTRID;    // as the answer carried it
};

class XrpCommandFixture
{
public:
    EngineFixture engine;
    EppSchemaValidator validator;
    QStringList registrars;   // the demo registrars, sorted (rar-alpha, rar-bravo, rar-charlie)
    QList<Exchange> exchanges;
    QString problem;          // why the last verify() failed

    // Initialises the data directory, adds users <short>-1..3 per registrar (short: the id without
    // "rar-"), binds the demo certificates, lets beforeStart change the database, starts the engine.
    QString start(const std::function<QString(reg::store::Connection &)> &beforeStart = {})
    {
        if (QString why = validator.prepare(); !why.isEmpty())
            return why;
        QString error;
        if (!engine.initialize(&error))
            return error;
        registrars = QDir(engine.dataDir() + QStringLiteral("/registrars")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        if (registrars.size() < 3)
            return QStringLiteral("init --demo must set up three registrars");
        {
            auto opened = reg::store::Store::open({databaseFile(), 16, false});
            if (!opened)
                return opened.error().message;
            std::unique_ptr<reg::store::Store> store = std::move(opened).value();
            reg::srs::RegistrarLogin logins(*store, reg::SystemClock::instance());
            for (int r = 0; r < registrars.size(); ++r) {
                for (int n = 1; n <= 3; ++n) {
                    const reg::Result<void> created = logins.createUser(registrars[r], user(r, n), testPassword, QStringLiteral("test"));
                    if (!created)
                        return created.error().message;
                }
                QFile pem(certFile(r));
                if (!pem.open(QIODevice::ReadOnly))
                    return QStringLiteral("cannot read ") + pem.fileName();
                (void)logins.bindCertificate(registrars[r], pem.readAll(), QStringLiteral("test"));
                (void)logins.addAddress(registrars[r], QHostAddress(QStringLiteral("127.0.0.1")), QStringLiteral("test"));
            }
            store->close();
        }
        if (beforeStart) {
            auto opened = reg::store::Connection::open(databaseFile(), reg::store::Connection::Mode::ReadWrite);
            if (!opened)
                return opened.error().message;
            if (QString why = beforeStart(**opened); !why.isEmpty())
                return why;
        }
        engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("threads"), QStringLiteral("2"));
        if (!engine.start(&error))
            return error;
        return {};
    }

    QString databaseFile() const { return engine.dataDir() + QStringLiteral("/registry.db"); }
    QString user(int registrar, int n) const { return registrars.value(registrar).mid(4) + u'-' + QString::number(n); }
    QString certFile(int registrar) const { return engine.dataDir() + QStringLiteral("/registrars/") + registrars.value(registrar) + QStringLiteral("/cert.pem"); }
    QString keyFile(int registrar) const { return engine.dataDir() + QStringLiteral("/registrars/") + registrars.value(registrar) + QStringLiteral("/key.pem"); }
    quint16 port() const { return engine.port(QStringLiteral("xrp")); }

    // A clTRID no other command of this test binary uses.
    QByteArray nextTrid(const QByteArray &prefix) { return prefix + '-' + QByteArray::number(++m_trids); }

    // The answer arrived, is valid against the XSDs and carries the expected code.
    bool verify(const QByteArray &answer, int code)
    {
        if (answer.isEmpty()) {
            problem = QStringLiteral("no answer from the server");
            return false;
        }
        if (const QString invalid = validator.validate(answer); !invalid.isEmpty()) {
            problem = QStringLiteral("the answer is not valid EPP: ") + invalid + u'\n' + QString::fromUtf8(answer);
            return false;
        }
        if (resultCode(answer) != code) {
            problem = QStringLiteral("expected result %1, got %2\n").arg(code).arg(resultCode(answer)) + QString::fromUtf8(answer);
            return false;
        }
        return true;
    }

    // Opens the database read-only (after engine.stop()) and checks that every remembered exchange
    // has exactly one audit row with its clTRID, verb and result code. Empty when all is well.
    QString checkAudit() const
    {
        auto opened = reg::store::Connection::open(databaseFile(), reg::store::Connection::Mode::ReadOnly);
        if (!opened)
            return opened.error().message;
        reg::store::Connection &db = **opened;
        for (const Exchange &e : exchanges) {
            const QString trid = QString::fromUtf8(e.clTRID);
            auto rows = db.queryValue(QStringLiteral("SELECT count(*) FROM xrp_audit WHERE client_trid = ?1"), {trid});
            if (!rows || rows->toInt() != 1)
                return QStringLiteral("%1: %2 audit rows, expected 1").arg(trid).arg(rows ? rows->toInt() : -1);
            auto code = db.queryValue(QStringLiteral("SELECT result_code FROM xrp_audit WHERE client_trid = ?1"), {trid});
            if (!code || code->toInt() != e.code)
                return QStringLiteral("%1: audit code %2, the client saw %3").arg(trid).arg(code ? code->toInt() : -1).arg(e.code);
            auto svTRID = db.queryValue(QStringLiteral("SELECT server_trid FROM xrp_audit WHERE client_trid = ?1"), {trid});
            if (!svTRID || svTRID->toString() != e.svTRID)
                return QStringLiteral("%1: audit svTRID %2, the answer carried %3").arg(trid, svTRID ? svTRID->toString() : QString(), e.svTRID);
            auto verb = db.queryValue(QStringLiteral("SELECT command FROM xrp_audit WHERE client_trid = ?1"), {trid});
            const QString expected = QString::fromUtf8(e.verb);
            // A restore travels as a domain:update but is audited as what it is.
            const bool restore = expected == u"update" && verb && verb->toString().startsWith(QStringLiteral("domain:restore"));
            if (!verb || !(verb->toString() == expected || verb->toString().endsWith(u':' + expected) || restore))
                return QStringLiteral("%1: audit command %2, expected %3").arg(trid, verb ? verb->toString() : QString(), expected);
        }
        return {};
    }

private:
    int m_trids = 0;
};

// One logged-in EPP session of a registrar's test user.
class XrpTestSession
{
public:
    explicit XrpTestSession(XrpCommandFixture &fx) : m_fx(fx) {}
    ~XrpTestSession()
    {
        // A polite logout frees the user's session slot at once (max_sessions_per_user).
        if (m_loggedIn && m_client.isConnected()) {
            m_client.sendFrame(command("<logout/>", {}, m_fx.nextTrid("bye")));
            m_client.readFrame(5000);
            m_client.waitForClosed(5000);
        }
    }

    // Connects with the registrar's certificate, reads the greeting and logs in; false with *error.
    bool open(int registrar, int userNumber, const QList<QByteArray> &extensions = allExtensions, QString *error = nullptr)
    {
        m_client.setCredentials(m_fx.engine.caCertificateFile(), m_fx.certFile(registrar), m_fx.keyFile(registrar));
        if (m_client.connectAndReadGreeting(m_fx.port(), error).isEmpty())
            return false;
        const QByteArray answer = m_client.exchange(loginCommand(m_fx.user(registrar, userNumber), extensions, m_fx.nextTrid("login")));
        if (resultCode(answer) != 1000) {
            if (error)
                *error = QStringLiteral("login failed: ") + QString::fromUtf8(answer);
            return false;
        }
        m_loggedIn = true;
        return true;
    }

    // Sends <command>inner [extension] <clTRID/></command> and returns the answer; remembered for
    // the audit check.
    QByteArray send(const QByteArray &inner, const QByteArray &extension = {})
    {
        static const QRegularExpression verbRe(QStringLiteral("^<(\\w+)"));
        const QByteArray verb = verbRe.match(QString::fromUtf8(inner)).captured(1).toUtf8();
        const QByteArray trid = m_fx.nextTrid(verb.isEmpty() ? QByteArray("cmd") : verb);
        m_lastTrid = trid;
        const QByteArray answer = m_client.exchange(command(inner, extension, trid));
        m_fx.exchanges.append({trid, verb, resultCode(answer), elementText(answer, QStringLiteral("svTRID"))});
        return answer;
    }

    QByteArray logout()
    {
        m_loggedIn = false;
        return send("<logout/>");
    }

    QByteArray lastTrid() const { return m_lastTrid; }
    EppClient &client() { return m_client; }

private:
    XrpCommandFixture &m_fx;
    EppClient m_client;
    QByteArray m_lastTrid;
    bool m_loggedIn = false;
};

} // namespace testsupport::xrp

// Inside a test function of a class with an XrpCommandFixture m_fx: the answer is valid EPP with
// the expected result code. XRP_EXPECT keeps the answer in a named variable.
#define XRP_CHECK(expr, code)                                   \
    do {                                                        \
        if (!m_fx.verify((expr), (code)))                       \
            QFAIL(qPrintable(m_fx.problem));                    \
    } while (false)

#define XRP_EXPECT(var, expr, code)                             \
    const QByteArray var = (expr);                              \
    do {                                                        \
        if (!m_fx.verify(var, (code)))                          \
            QFAIL(qPrintable(m_fx.problem));                    \
    } while (false)
