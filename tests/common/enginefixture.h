#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace testsupport {

// A real registryd for integration and UI tests: `registryd init` into a temporary directory,
// every listener moved to 127.0.0.1:0 (so parallel tests never collide), then `registryd run` as a
// child process until stop() or destruction. The engine announces its real ports in
// DIR/run/ready.json, which start() waits for. stdout and stderr go to a log file beside the data
// directory (a pipe nobody drains could block the engine), readable with engineLog().
//
// Lives on the test's thread; not thread-safe. Set REGISTRY_KEEP_TEST_DATA=1 to keep the
// temporary directory for a post-mortem (its path is printed).
class EngineFixture
{
public:
    EngineFixture();
    ~EngineFixture();  // stops the engine if it still runs
    EngineFixture(const EngineFixture &) = delete;
    EngineFixture &operator=(const EngineFixture &) = delete;

    // Arguments appended to `registryd init --data-dir DIR`; the default is {"--demo"}.
    // Only has an effect before the first initialize()/start().
    void setInitArguments(const QStringList &arguments);
    // Applied to registryd.conf before every start, after the listeners were moved to port 0, so an
    // override of "listen" wins. A key not in the file is added; a section not in the file is added.
    void setConfigValue(const QString &section, const QString &key, const QString &value);

    // Runs `registryd init` once (start() does it when needed). false with *error set on failure.
    bool initialize(QString *error);
    // Initialises if needed and rewrites registryd.conf (listeners to port 0, then the overrides);
    // start() does this itself. For tests that run `registryd run` on their own.
    bool writeConfig(QString *error);
    // Initialises if needed, rewrites the configuration, starts `registryd run` and waits (bounded,
    // 20 s) for its ready file. On failure *error holds the reason and the engine log.
    bool start(QString *error);
    // SIGTERM, then waits up to 15 s. Returns the exit code, or -1 if the engine crashed, had to be
    // killed, or was not running.
    int stop();
    bool isRunning() const;

    QString dataDir() const;
    QString configFile() const;
    QString readyFile() const;
    // The port a service listens on, as announced in ready.json; 0 if unknown or not listening.
    quint16 port(const QString &service) const;
    QString adminPassword() const;
    QString caCertificateFile() const;
    // Trusts only the data directory's development CA, TLS 1.2 or newer, peer verification on.
    QSslConfiguration sslConfiguration() const;
    QUrl managementUrl(const QString &path) const;    // https://127.0.0.1:<management>/<path>
    QUrl webSocketUrl(const QString &path) const;     // wss://127.0.0.1:<management>/<path>
    QByteArray engineLog() const;
    qint64 processId() const;

private:
    bool runInit(QString *error);
    bool readReadyFile(QString *error);

    std::unique_ptr<QTemporaryDir> m_root;
    std::unique_ptr<QProcess> m_process;
    QStringList m_initArguments{QStringLiteral("--demo")};
    QList<std::pair<QPair<QString, QString>, QString>> m_overrides;  // ((section, key), value) in call order
    QHash<QString, quint16> m_ports;
    bool m_initialized = false;
};

struct HttpReply
{
    int status = 0;             // 0 when no HTTP response arrived (refused, TLS failure, time-out)
    QByteArray body;
    QJsonDocument json;         // null unless the body is JSON
    QList<QNetworkReply::RawHeaderPair> headers;
    QString networkError;       // empty when the request reached the server and got any answer

    QJsonObject object() const { return json.object(); }
    QByteArray header(const QByteArray &name) const;   // case-insensitive; empty when absent
    QString errorCode() const;  // the "error.code" of a JSON error body, or empty
};

// A request to the fixture's management API with its TLS configuration and, when given, the token.
QNetworkRequest managementRequest(const EngineFixture &engine, const QString &path, const QByteArray &bearerToken = {});

// Blocking HTTPS request for tests (a local event loop, at most 30 s). A non-empty body is sent as
// application/json unless contentType says otherwise.
HttpReply httpsRequest(const EngineFixture &engine, const QByteArray &method, const QString &path,
                       const QByteArray &body = {}, const QByteArray &bearerToken = {},
                       const QByteArray &contentType = QByteArrayLiteral("application/json"));

// POST /api/v1/login; the bearer token, or empty when the login failed.
QByteArray login(const EngineFixture &engine, const QString &user, const QString &password);

} // namespace testsupport
