#include "enginefixture.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSaveFile>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace testsupport {
namespace {

constexpr int initTimeoutMs = 120 * 1000;   // scrypt + PKI + a few hundred demo objects on a busy CI box
constexpr int readyTimeoutMs = 20 * 1000;
constexpr int stopTimeoutMs = 15 * 1000;
constexpr int requestTimeoutMs = 30 * 1000;

QString registrydBinary()
{
    return qEnvironmentVariable("REGISTRYD_BINARY");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool isSectionHeader(const QString &trimmed, QString *name)
{
    if (!trimmed.startsWith(u'['))
        return false;
    const qsizetype close = trimmed.indexOf(u']');
    if (close < 0)
        return false;
    *name = trimmed.mid(1, close - 1).trimmed();
    return true;
}

bool isKeyLine(const QString &trimmed, QString *key)
{
    if (trimmed.isEmpty() || trimmed.startsWith(u'#') || trimmed.startsWith(u';'))
        return false;
    const qsizetype eq = trimmed.indexOf(u'=');
    if (eq <= 0)
        return false;
    *key = trimmed.left(eq).trimmed();
    return true;
}

} // namespace

EngineFixture::EngineFixture() = default;

EngineFixture::~EngineFixture()
{
    if (isRunning())
        stop();
    if (m_root && qEnvironmentVariableIntValue("REGISTRY_KEEP_TEST_DATA") != 0) {
        m_root->setAutoRemove(false);
        std::fprintf(stderr, "EngineFixture: kept %s\n", qPrintable(m_root->path()));
    }
}

void EngineFixture::setInitArguments(const QStringList &arguments)
{
    m_initArguments = arguments;
}

void EngineFixture::setConfigValue(const QString &section, const QString &key, const QString &value)
{
    for (auto &o : m_overrides) {
        if (o.first.first == section && o.first.second == key) {
            o.second = value;
            return;
        }
    }
    m_overrides.append({{section, key}, value});
}

QString EngineFixture::dataDir() const
{
    return m_root ? m_root->filePath(QStringLiteral("data")) : QString();
}

QString EngineFixture::configFile() const
{
    return QDir(dataDir()).filePath(QStringLiteral("registryd.conf"));
}

QString EngineFixture::readyFile() const
{
    return QDir(dataDir()).filePath(QStringLiteral("run/ready.json"));
}

bool EngineFixture::initialize(QString *error)
{
    if (m_initialized)
        return true;
    if (registrydBinary().isEmpty()) {
        *error = QStringLiteral("REGISTRYD_BINARY is not set; run the test through ctest");
        return false;
    }
    m_root = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/registryd-test-XXXXXX"));
    if (!m_root->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_root->errorString());
        return false;
    }
    if (!runInit(error))
        return false;
    m_initialized = true;
    return true;
}

bool EngineFixture::runInit(QString *error)
{
    QProcess init;
    init.setProcessChannelMode(QProcess::MergedChannels);
    init.setStandardOutputFile(m_root->filePath(QStringLiteral("init.log")));
    QStringList args{QStringLiteral("init"), QStringLiteral("--data-dir"), dataDir()};
    args += m_initArguments;
    init.start(registrydBinary(), args);
    if (!init.waitForStarted()) {
        *error = QStringLiteral("cannot start %1: %2").arg(registrydBinary(), init.errorString());
        return false;
    }
    if (!init.waitForFinished(initTimeoutMs)) {
        init.kill();
        init.waitForFinished();
        *error = QStringLiteral("registryd init did not finish within %1 s").arg(initTimeoutMs / 1000);
        return false;
    }
    if (init.exitStatus() != QProcess::NormalExit || init.exitCode() != 0) {
        *error = QStringLiteral("registryd init failed (exit code %1):\n%2")
                     .arg(init.exitCode())
                     .arg(QString::fromUtf8(readFile(m_root->filePath(QStringLiteral("init.log")))));
        return false;
    }
    return true;
}

bool EngineFixture::writeConfig(QString *error)
{
    if (!initialize(error))
        return false;
    QFile in(configFile());
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(configFile(), in.errorString());
        return false;
    }
    QStringList lines = QString::fromUtf8(in.readAll()).split(u'\n');
    in.close();
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();

    QList<bool> applied(m_overrides.size(), false);
    QHash<QString, qsizetype> sectionHeaderLine;
    QString section;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString trimmed = lines[i].trimmed();
        QString name;
        if (isSectionHeader(trimmed, &name)) {
            section = name;
            sectionHeaderLine.insert(section, i);
            continue;
        }
        QString key;
        if (!isKeyLine(trimmed, &key))
            continue;
        if (key == u"listen")
            lines[i] = QStringLiteral("listen = 127.0.0.1:0");
        for (qsizetype o = 0; o < m_overrides.size(); ++o) {
            if (m_overrides[o].first.first == section && m_overrides[o].first.second == key) {
                lines[i] = key + QStringLiteral(" = ") + m_overrides[o].second;
                applied[o] = true;
            }
        }
    }
    // Keys the file does not have yet go right under their section header; unknown sections go last.
    for (qsizetype o = m_overrides.size() - 1; o >= 0; --o) {
        if (applied[o])
            continue;
        const auto &[where, value] = m_overrides[o];
        const QString line = where.second + QStringLiteral(" = ") + value;
        if (auto it = sectionHeaderLine.constFind(where.first); it != sectionHeaderLine.constEnd()) {
            lines.insert(*it + 1, line);
            for (auto &pos : sectionHeaderLine) {
                if (pos > *it)
                    ++pos;
            }
        } else {
            lines << QString() << u'[' + where.first + u']' << line;
            sectionHeaderLine.insert(where.first, lines.size() - 2);
        }
    }

    QSaveFile out(configFile());
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot write %1: %2").arg(configFile(), out.errorString());
        return false;
    }
    out.write(lines.join(u'\n').toUtf8() + '\n');
    if (!out.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(configFile(), out.errorString());
        return false;
    }
    return true;
}

bool EngineFixture::start(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (isRunning()) {
        *error = QStringLiteral("the engine is already running");
        return false;
    }
    if (!writeConfig(error))
        return false;
    QFile::remove(readyFile());
    m_ports.clear();

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_root->filePath(QStringLiteral("registryd.log")), QIODevice::Append);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NOTIFY_SOCKET"));  // a test runner under systemd must not get our READY=1
    m_process->setProcessEnvironment(env);
    m_process->start(registrydBinary(), {QStringLiteral("run"), QStringLiteral("--data-dir"), dataDir()});
    if (!m_process->waitForStarted()) {
        *error = QStringLiteral("cannot start %1: %2").arg(registrydBinary(), m_process->errorString());
        m_process.reset();
        return false;
    }

    // waitForFinished() doubles as the poll interval and notices an engine that gave up early.
    int waited = 0;
    while (waited < readyTimeoutMs) {
        if (m_process->waitForFinished(50)) {
            *error = QStringLiteral("registryd run exited with code %1 before it was ready:\n%2")
                         .arg(m_process->exitCode())
                         .arg(QString::fromUtf8(engineLog()));
            m_process.reset();
            return false;
        }
        waited += 50;
        if (QFile::exists(readyFile())) {
            QString readError;
            if (readReadyFile(&readError))
                return true;
            // The engine writes the file atomically, so a parse failure is a real error.
            *error = readError;
            stop();
            return false;
        }
    }
    *error = QStringLiteral("registryd was not ready within %1 s:\n%2").arg(readyTimeoutMs / 1000).arg(QString::fromUtf8(engineLog()));
    stop();
    return false;
}

bool EngineFixture::readReadyFile(QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(readyFile()), &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("%1 is not a JSON object: %2").arg(readyFile(), parseError.errorString());
        return false;
    }
    const QJsonObject ready = doc.object();
    if (ready.value(QLatin1StringView("pid")).toInteger() != m_process->processId()) {
        *error = QStringLiteral("%1 names pid %2, but the engine is pid %3")
                     .arg(readyFile())
                     .arg(ready.value(QLatin1StringView("pid")).toInteger())
                     .arg(m_process->processId());
        return false;
    }
    const QJsonObject services = ready.value(QLatin1StringView("services")).toObject();
    for (auto it = services.begin(); it != services.end(); ++it) {
        const QString address = it.value().toString();
        const qsizetype colon = address.lastIndexOf(u':');
        bool ok = false;
        const uint port = colon < 0 ? 0 : address.mid(colon + 1).toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            *error = QStringLiteral("%1: service %2 has no usable address \"%3\"").arg(readyFile(), it.key(), address);
            return false;
        }
        m_ports.insert(it.key(), quint16(port));
    }
    if (!m_ports.contains(QStringLiteral("management"))) {
        *error = QStringLiteral("%1 does not list the management service").arg(readyFile());
        return false;
    }
    return true;
}

int EngineFixture::stop()
{
    if (!m_process)
        return -1;
    int code = -1;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(stopTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished();
            m_process.reset();
            return -1;
        }
    }
    if (m_process->exitStatus() == QProcess::NormalExit)
        code = m_process->exitCode();
    m_process.reset();
    m_ports.clear();
    return code;
}

bool EngineFixture::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 EngineFixture::processId() const
{
    return m_process ? m_process->processId() : 0;
}

quint16 EngineFixture::port(const QString &service) const
{
    return m_ports.value(service, 0);
}

QString EngineFixture::adminPassword() const
{
    return QString::fromUtf8(readFile(QDir(dataDir()).filePath(QStringLiteral("admin-password")))).trimmed();
}

QString EngineFixture::caCertificateFile() const
{
    return QDir(dataDir()).filePath(QStringLiteral("pki/ca.crt"));
}

QSslConfiguration EngineFixture::sslConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(caCertificateFile(), QSsl::Pem));
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return config;
}

QUrl EngineFixture::managementUrl(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port(QStringLiteral("management")));
    const qsizetype query = path.indexOf(u'?');
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    return url;
}

QUrl EngineFixture::webSocketUrl(const QString &path) const
{
    QUrl url = managementUrl(path);
    url.setScheme(QStringLiteral("wss"));
    return url;
}

QByteArray EngineFixture::engineLog() const
{
    if (!m_root)
        return {};
    return readFile(m_root->filePath(QStringLiteral("registryd.log")));
}

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpReply::errorCode() const
{
    return json.object().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
}

QNetworkRequest managementRequest(const EngineFixture &engine, const QString &path, const QByteArray &bearerToken)
{
    QNetworkRequest request(engine.managementUrl(path));
    request.setSslConfiguration(engine.sslConfiguration());
    request.setTransferTimeout(requestTimeoutMs);
    if (!bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearerToken);
    return request;
}

HttpReply httpsRequest(const EngineFixture &engine, const QByteArray &method, const QString &path,
                       const QByteArray &body, const QByteArray &bearerToken, const QByteArray &contentType)
{
    QNetworkAccessManager manager;
    QNetworkRequest request = managementRequest(engine, path, bearerToken);
    if (!body.isEmpty() && !contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    // One connection per request keeps tests independent of HTTP keep-alive behaviour.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(requestTimeoutMs + 1000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();

    HttpReply result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = QStringLiteral("no answer within %1 s").arg(requestTimeoutMs / 1000);
        delete reply;
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body);
    result.headers = reply->rawHeaderPairs();
    if (result.status == 0)
        result.networkError = reply->errorString();
    delete reply;
    return result;
}

QByteArray login(const EngineFixture &engine, const QString &user, const QString &password)
{
    const QJsonObject credentials{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}};
    const HttpReply reply = httpsRequest(engine, "POST", QStringLiteral("/api/v1/login"),
                                         QJsonDocument(credentials).toJson(QJsonDocument::Compact));
    if (reply.status != 200)
        return {};
    return reply.object().value(QLatin1StringView("token")).toString().toUtf8();
}

} // namespace testsupport
