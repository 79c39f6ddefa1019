// Benchmark (label bench, not run by default): the XRP port under load. Starts a real registryd on
// loopback ports with a temporary data directory, optionally pre-loads it with N domains through the
// store writer (durable commits, synchronous=FULL as shipped), then runs M concurrent TLS sessions,
// each pipelining K commands, through the phases domain:create, domain:info, domain:check and
// domain:renew, and prints throughput and p50/p99/max latency per phase. Asserts nothing about speed.
//
//   bench_xrp [--domains 1000000] [--sessions 64] [--pipeline 8] [--operations 20000]
//             [--client-threads 2] [--xrp-threads 0] [--phases create,info,check,renew] [--keep-data]
//
// Outside ctest it needs the engine binary: REGISTRYD_BINARY=<build>/engine/daemon/registryd. Measure
// a Release build (-DCMAKE_BUILD_TYPE=Release); a Debug build is several times slower.
//
// The client runs on the same machine as the engine, so its CPU use is part of what is measured;
// --client-threads spreads it over cores. Because other work may share the machine, each phase also
// reports the CPU time the engine and the client spent per command (from /proc and getrusage).
#include "registrypopulator.h"

#include "common/enginefixture.h"
#include "core/engineconfig.h"
#include "xrpclient/eppclientconnection.h"
#include "xrpclient/eppcommandbuilder.h"
#include "xrpclient/eppresponse.h"
#include "xrpclient/registrarcredentials.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using namespace reg;
using namespace reg::bench;
using namespace reg::xrpclient;

namespace {

enum class Phase { Create, Info, Check, Renew };

const char *phaseName(Phase p)
{
    switch (p) {
    case Phase::Create: return "domain:create";
    case Phase::Info: return "domain:info";
    case Phase::Check: return "domain:check";
    case Phase::Renew: return "domain:renew";
    }
    return "?";
}

struct BenchOptions
{
    qint64 domains = 1000000;
    int sessions = 64;
    int pipeline = 8;
    qint64 operations = 20000;       // per phase, over all sessions
    int clientThreads = 2;
    int xrpThreads = 0;
    QList<Phase> phases{Phase::Create, Phase::Info, Phase::Check, Phase::Renew};
    bool keepData = false;
};

// What one session needs to know to log in and to make up commands.
struct SessionSetup
{
    int index = 0;
    int registrarIndex = 0;
    int ordinalInRegistrar = 0;      // this session's position among the sessions of its registrar
    int sessionsOfRegistrar = 1;
    EppClientEndpoint endpoint;
    RegistrarCredentials credentials;
    QString contactId;
};

struct PhaseTally
{
    std::vector<qint64> latenciesNs;
    qint64 errors = 0;
    QStringList sampleErrors;        // the first few, for the report
};

// One EPP session of the load: logs in, then runs its share of a phase keeping `pipeline`
// commands in flight. Lives on its worker's thread.
class BenchSession : public QObject
{
    Q_OBJECT
public:
    BenchSession(SessionSetup setup, const PopulatedRegistry &registry, QObject *parent)
        : QObject(parent), m_setup(std::move(setup)), m_registry(registry),
          m_builder(QStringLiteral("b%1").arg(m_setup.index)), m_random(quint32(1000 + m_setup.index))
    {
    }

    void start()
    {
        connect(&m_connection, &EppClientConnection::failed, this, [this](const QString &message) {
            if (!m_loggedIn) {
                Q_EMIT loginFinished(false, message);
                m_loggedIn = true;   // report once
                return;
            }
            note(QStringLiteral("session %1 lost: %2").arg(m_setup.index).arg(message));
            m_tally.errors += m_remaining;
            m_remaining = 0;
            finishIfDone(true);
        });
        connect(&m_connection, &EppClientConnection::greetingReceived, this, [this] {
            LoginParameters p;
            p.clientId = m_setup.credentials.user;
            p.password = m_setup.credentials.password;
            const EppCommand login = m_builder.login(p);
            m_connection.send(login.xml, login.clientTransactionId, [this](Result<QByteArray> answer) {
                m_loggedIn = true;
                if (!answer) {
                    Q_EMIT loginFinished(false, answer.error().message);
                    return;
                }
                const int code = EppResponse::scanResultCode(*answer);
                Q_EMIT loginFinished(code == 1000, QStringLiteral("login %1: %2 %3").arg(m_setup.credentials.user).arg(code)
                                                       .arg(QString::fromUtf8(EppResponse::scanElementText(*answer, "msg"))));
            });
        });
        if (Result<void> opened = m_connection.open(m_setup.endpoint); !opened) {
            m_loggedIn = true;
            Q_EMIT loginFinished(false, opened.error().message);
        }
    }

    void runPhase(Phase phase, qint64 operations, int pipeline)
    {
        m_phase = phase;
        m_tally = PhaseTally();
        m_tally.latenciesNs.reserve(size_t(operations));
        m_remaining = operations;
        m_inFlight = 0;
        m_sequence = 0;
        m_renewCursor = 0;
        m_done = false;
        if (m_remaining == 0) {
            finishIfDone(true);
            return;
        }
        for (int i = 0; i < pipeline && m_remaining > 0; ++i)
            sendNext();
    }

    PhaseTally takeTally() { return std::move(m_tally); }

    void logout()
    {
        const EppCommand c = m_builder.logout();
        m_connection.send(c.xml, c.clientTransactionId, [this](Result<QByteArray>) { m_connection.close(); });
    }

Q_SIGNALS:
    void loginFinished(bool ok, const QString &message);
    void phaseFinished();

private:
    struct Created
    {
        QString name;
        QDate expiry;
    };

    void note(const QString &error)
    {
        if (m_tally.sampleErrors.size() < 5)
            m_tally.sampleErrors << error;
    }

    // A pre-loaded domain of this session's registrar: the k-th one, or a random one.
    QString preloadedName(qint64 k) const
    {
        const qint64 registrars = m_registry.registrars.size();
        const qint64 i = m_setup.registrarIndex + registrars * k;
        return i < m_registry.domains ? m_registry.domainName(i) : QString();
    }
    QString randomPreloadedName()
    {
        const qint64 perRegistrar = m_registry.domains / std::max<qint64>(1, m_registry.registrars.size());
        return perRegistrar > 0 ? preloadedName(qint64(m_random.bounded(quint64(perRegistrar)))) : QString();
    }

    EppCommand makeCommand(QString *createdName, QDate *renewedExpiry)
    {
        const qint64 n = m_sequence++;
        switch (m_phase) {
        case Phase::Create: {
            DomainCreateParameters p;
            p.name = QStringLiteral("bench-%1-%2-%3.%4").arg(m_runTag()).arg(m_setup.index).arg(n).arg(m_registry.tld);
            p.registrantId = m_setup.contactId;
            // Registry policy ([srs] min_admin_contacts / min_tech_contacts) requires them on create.
            p.contacts = {{QStringLiteral("admin"), m_setup.contactId}, {QStringLiteral("tech"), m_setup.contactId}};
            p.authInfo = QStringLiteral("Bench-pw-1");
            *createdName = p.name;
            return m_builder.domainCreate(p);
        }
        case Phase::Info: {
            QString name = randomPreloadedName();
            if (name.isEmpty() && !m_created.isEmpty())
                name = m_created.at(qsizetype(m_random.bounded(quint32(m_created.size())))).name;
            if (name.isEmpty())
                name = QStringLiteral("absent.%1").arg(m_registry.tld);
            return m_builder.domainInfo(name);
        }
        case Phase::Check: {
            QString name = (n % 2 == 0) ? randomPreloadedName() : QString();
            if (name.isEmpty())
                name = QStringLiteral("free-%1-%2.%3").arg(m_setup.index).arg(n).arg(m_registry.tld);
            return m_builder.domainCheck({name});
        }
        case Phase::Renew: {
            // Every domain once: first those this run created, then the pre-loaded ones of this
            // session's share (distinct between the sessions of one registrar).
            if (m_renewCursor < m_created.size()) {
                const Created &c = m_created.at(m_renewCursor++);
                *renewedExpiry = c.expiry;
                return m_builder.domainRenew(c.name, c.expiry, 1);
            }
            const qint64 k = (m_renewCursor++ - m_created.size()) * m_setup.sessionsOfRegistrar + m_setup.ordinalInRegistrar;
            const QString name = preloadedName(k);
            *renewedExpiry = m_registry.expiresAt.date();
            return m_builder.domainRenew(name.isEmpty() ? QStringLiteral("absent.%1").arg(m_registry.tld) : name, *renewedExpiry, 1);
        }
        }
        return {};
    }

    static QString m_runTag()
    {
        static const QString tag = QString::number(QDateTime::currentSecsSinceEpoch(), 36);
        return tag;
    }

    void sendNext()
    {
        --m_remaining;
        ++m_inFlight;
        QString createdName;
        QDate renewedExpiry;
        const EppCommand command = makeCommand(&createdName, &renewedExpiry);
        QElapsedTimer timer;
        timer.start();
        m_connection.send(command.xml, command.clientTransactionId, [this, timer, createdName](Result<QByteArray> answer) {
            m_tally.latenciesNs.push_back(timer.nsecsElapsed());
            --m_inFlight;
            if (!answer) {
                // The connection is gone: what this session has not sent yet is lost too (and is
                // not sent, so a dead connection cannot recurse through its own error handlers).
                m_tally.errors += 1 + m_remaining;
                m_remaining = 0;
                note(answer.error().message);
            } else {
                const int code = EppResponse::scanResultCode(*answer);
                if (code < 1000 || code >= 2000) {
                    ++m_tally.errors;
                    note(QStringLiteral("%1 %2 %3").arg(code).arg(QString::fromUtf8(EppResponse::scanElementText(*answer, "msg")),
                                                              QString::fromUtf8(EppResponse::scanElementText(*answer, "reason"))));
                } else if (!createdName.isEmpty()) {
                    // exDate is UTC ("2027-11-21T08:00:00.0Z"); curExpDate is its date part.
                    const QByteArray exDate = EppResponse::scanElementText(*answer, "exDate");
                    m_created.append({createdName, QDate::fromString(QString::fromLatin1(exDate.left(10)), Qt::ISODate)});
                }
            }
            if (m_remaining > 0 && !m_done)
                sendNext();
            finishIfDone(false);
        });
    }

    void finishIfDone(bool force)
    {
        if (m_done || (!force && (m_inFlight > 0 || m_remaining > 0)))
            return;
        m_done = true;
        Q_EMIT phaseFinished();
    }

    SessionSetup m_setup;
    const PopulatedRegistry &m_registry;
    EppClientConnection m_connection{this};
    EppCommandBuilder m_builder;
    QRandomGenerator m_random;
    QList<Created> m_created;
    bool m_loggedIn = false;
    Phase m_phase = Phase::Create;
    PhaseTally m_tally;
    qint64 m_remaining = 0;
    qint64 m_sequence = 0;
    qsizetype m_renewCursor = 0;
    int m_inFlight = 0;
    bool m_done = true;
};

// The sessions of one client thread. Talks to the main thread only through queued signals.
class BenchWorker : public QObject
{
    Q_OBJECT
public:
    BenchWorker(QList<SessionSetup> setups, const PopulatedRegistry &registry) : m_setups(std::move(setups)), m_registry(registry) {}

    void login()
    {
        m_pending = int(m_setups.size());
        if (m_pending == 0) {
            Q_EMIT loggedIn(0, {});
            return;
        }
        for (const SessionSetup &s : std::as_const(m_setups)) {
            auto *session = new BenchSession(s, m_registry, this);
            m_sessions.append(session);
            connect(session, &BenchSession::loginFinished, this, [this](bool ok, const QString &message) {
                if (!ok) {
                    ++m_failedLogins;
                    if (m_firstError.isEmpty())
                        m_firstError = message;
                }
                if (--m_pending == 0)
                    Q_EMIT loggedIn(m_failedLogins, m_firstError);
            });
            connect(session, &BenchSession::phaseFinished, this, [this] {
                if (--m_pending == 0)
                    Q_EMIT phaseFinished();
            });
            session->start();
        }
    }

    // shares[i]: the operations of m_sessions[i].
    void runPhase(int phase, const QList<qint64> &shares, int pipeline)
    {
        m_pending = int(m_sessions.size());
        if (m_pending == 0) {
            Q_EMIT phaseFinished();
            return;
        }
        for (qsizetype i = 0; i < m_sessions.size(); ++i)
            m_sessions[i]->runPhase(Phase(phase), shares.value(i), pipeline);
    }

    // Called on the main thread after phaseFinished, while the worker is idle.
    PhaseTally collect()
    {
        PhaseTally all;
        for (BenchSession *s : std::as_const(m_sessions)) {
            PhaseTally t = s->takeTally();
            all.latenciesNs.insert(all.latenciesNs.end(), t.latenciesNs.begin(), t.latenciesNs.end());
            all.errors += t.errors;
            for (const QString &e : std::as_const(t.sampleErrors)) {
                if (all.sampleErrors.size() < 5)
                    all.sampleErrors << e;
            }
        }
        return all;
    }

    void logoutAll()
    {
        for (BenchSession *s : std::as_const(m_sessions))
            s->logout();
    }

    qsizetype sessionCount() const { return m_setups.size(); }

Q_SIGNALS:
    void loggedIn(int failures, const QString &firstError);
    void phaseFinished();

private:
    QList<SessionSetup> m_setups;
    const PopulatedRegistry &m_registry;
    QList<BenchSession *> m_sessions;
    int m_pending = 0;
    int m_failedLogins = 0;
    QString m_firstError;
};

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_xrp: %s\n", qPrintable(message));
    std::exit(1);
}

BenchOptions parseOptions()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("XRP load benchmark"));
    parser.addHelpOption();
    const QCommandLineOption domains(QStringLiteral("domains"), QStringLiteral("domains to pre-load (default 1000000)"), QStringLiteral("n"));
    const QCommandLineOption sessions(QStringLiteral("sessions"), QStringLiteral("concurrent TLS sessions (default 64)"), QStringLiteral("m"));
    const QCommandLineOption pipeline(QStringLiteral("pipeline"), QStringLiteral("commands in flight per session (default 8)"), QStringLiteral("k"));
    const QCommandLineOption operations(QStringLiteral("operations"), QStringLiteral("commands per phase (default 20000)"), QStringLiteral("n"));
    const QCommandLineOption threads(QStringLiteral("client-threads"), QStringLiteral("client threads (default 2)"), QStringLiteral("t"));
    const QCommandLineOption xrpThreads(QStringLiteral("xrp-threads"), QStringLiteral("[xrp] threads of the engine (default 0: one per core)"), QStringLiteral("t"));
    const QCommandLineOption phases(QStringLiteral("phases"), QStringLiteral("comma-separated: create,info,check,renew"), QStringLiteral("list"));
    const QCommandLineOption keep(QStringLiteral("keep-data"), QStringLiteral("keep the data directory"));
    parser.addOptions({domains, sessions, pipeline, operations, threads, xrpThreads, phases, keep});
    parser.process(*QCoreApplication::instance());

    BenchOptions o;
    const auto number = [&parser](const QCommandLineOption &opt, qint64 min, qint64 max, qint64 fallback) {
        if (!parser.isSet(opt))
            return fallback;
        bool ok = false;
        const qint64 v = parser.value(opt).toLongLong(&ok);
        if (!ok || v < min || v > max)
            die(QStringLiteral("--%1 must be %2-%3").arg(opt.names().constFirst()).arg(min).arg(max));
        return v;
    };
    o.domains = number(domains, 0, 100000000, o.domains);
    o.sessions = int(number(sessions, 1, 1000, o.sessions));
    o.pipeline = int(number(pipeline, 1, 1000, o.pipeline));
    o.operations = number(operations, 1, 100000000, o.operations);
    o.clientThreads = int(number(threads, 1, 64, o.clientThreads));
    o.xrpThreads = int(number(xrpThreads, 0, 64, o.xrpThreads));
    if (parser.isSet(phases)) {
        o.phases.clear();
        for (const QString &p : parser.value(phases).split(u',', Qt::SkipEmptyParts)) {
            if (p == u"create") o.phases << Phase::Create;
            else if (p == u"info") o.phases << Phase::Info;
            else if (p == u"check") o.phases << Phase::Check;
            else if (p == u"renew") o.phases << Phase::Renew;
            else die(QStringLiteral("unknown phase \"%1\"").arg(p));
        }
    }
    o.keepData = parser.isSet(keep);
    return o;
}

// Waits on the main thread's event loop until `signal` of `sender` fires (the workers report
// through queued signals); bounded so a stuck engine ends the benchmark with a message.
template<typename Sender, typename Signal>
bool waitFor(int count, Sender *const *senders, Signal signal, int timeoutSecs)
{
    QEventLoop loop;
    int remaining = count;
    for (int i = 0; i < count; ++i) {
        QObject::connect(senders[i], signal, &loop, [&remaining, &loop] {
            if (--remaining == 0)
                loop.quit();
        });
    }
    QTimer::singleShot(timeoutSecs * 1000, &loop, [&loop] { loop.exit(1); });
    return loop.exec() == 0;
}

// CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; -1 if unknown.
// Throughput on a shared machine depends on what else runs; CPU per command does not (much).
double processCpuSecs(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

double ownCpuSecs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto secs = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return secs(usage.ru_utime) + secs(usage.ru_stime);
}

QByteArray loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray("?");
}

double percentileMs(const std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const size_t index = std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5));
    return double(sorted[index]) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const BenchOptions options = parseOptions();
    if (options.keepData)
        qputenv("REGISTRY_KEEP_TEST_DATA", "1");

    testsupport::EngineFixture engine;
    // One registrar user per demo registrar, many sessions each: the per-user limit of seed 001
    // is raised for the benchmark only.
    engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("max_sessions_per_user"), QString::number(options.sessions));
    engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("max_connections_per_address"), QString::number(options.sessions + 16));
    engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("max_connections"), QString::number(options.sessions + 64));
    if (options.xrpThreads > 0)
        engine.setConfigValue(QStringLiteral("xrp"), QStringLiteral("threads"), QString::number(options.xrpThreads));
    QString error;
    if (!engine.writeConfig(&error))
        die(error);
    Result<EngineConfig> config = EngineConfig::load(engine.dataDir());
    if (!config)
        die(config.error().message);

    QElapsedTimer populateTimer;
    populateTimer.start();
    Result<PopulatedRegistry> populated = RegistryPopulator::populate(engine.dataDir(), config->store.databaseFile, options.domains, QDateTime::currentDateTimeUtc());
    if (!populated)
        die(populated.error().message);
    const PopulatedRegistry &registry = *populated;
    const double populateSecs = double(populateTimer.nsecsElapsed()) / 1e9;
    std::printf("pre-loaded %lld domains in %.1f s (%.0f/s)\n", static_cast<long long>(registry.domains), populateSecs,
                populateSecs > 0 ? double(registry.domains) / populateSecs : 0.0);

    if (!engine.start(&error))
        die(error);
    if (engine.port(QStringLiteral("xrp")) == 0) {
        std::printf("SKIP: the engine does not report an \"xrp\" service in run/ready.json yet; nothing to measure\n");
        return 0;
    }

    // Sessions round-robin over the registrars (all of them can log in: see RegistryPopulator).
    struct RarLogin { int index; RegistrarCredentials credentials; EppClientEndpoint endpoint; };
    QList<RarLogin> logins;
    const QDir dataDir(engine.dataDir());
    for (qsizetype i = 0; i < registry.registrars.size(); ++i) {
        const QString dir = dataDir.filePath(QStringLiteral("registrars/") + registry.registrars[i].id);
        EppClientEndpoint e;
        e.host = QStringLiteral("127.0.0.1");
        e.port = engine.port(QStringLiteral("xrp"));
        e.caFile = engine.caCertificateFile();
        e.certificateFile = dir + QStringLiteral("/cert.pem");
        e.keyFile = dir + QStringLiteral("/key.pem");
        logins.append({int(i), registry.registrars[i].login, e});
    }

    QList<SessionSetup> setups;
    for (int s = 0; s < options.sessions; ++s) {
        const RarLogin &l = logins.at(s % logins.size());
        SessionSetup setup;
        setup.index = s;
        setup.registrarIndex = l.index;
        setup.ordinalInRegistrar = s / int(logins.size());
        setup.sessionsOfRegistrar = options.sessions / int(logins.size()) + (s % logins.size() < options.sessions % logins.size() ? 1 : 0);
        setup.endpoint = l.endpoint;
        setup.credentials = l.credentials;
        setup.contactId = registry.registrars.at(l.index).contactId;
        setups.append(setup);
    }

    const int threadCount = std::min(options.clientThreads, options.sessions);
    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<BenchWorker *> workers;
    std::vector<QList<qsizetype>> sessionIndexes;
    sessionIndexes.resize(static_cast<size_t>(threadCount));
    for (int t = 0; t < threadCount; ++t) {
        QList<SessionSetup> mine;
        for (qsizetype s = t; s < setups.size(); s += threadCount) {
            mine.append(setups[s]);
            sessionIndexes[size_t(t)].append(s);
        }
        auto thread = std::make_unique<QThread>();
        auto *worker = new BenchWorker(mine, registry);
        worker->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        workers.push_back(worker);
        threads.push_back(std::move(thread));
    }

    // Log in every session.
    std::atomic<int> loginFailures{0};
    QString loginError;
    for (BenchWorker *w : workers) {
        QObject::connect(w, &BenchWorker::loggedIn, &app, [&loginFailures, &loginError](int failures, const QString &first) {
            loginFailures += failures;
            if (loginError.isEmpty())
                loginError = first;
        });
        QMetaObject::invokeMethod(w, &BenchWorker::login, Qt::QueuedConnection);
    }
    if (!waitFor(int(workers.size()), workers.data(), &BenchWorker::loggedIn, 300))
        die(QStringLiteral("the sessions did not log in within 300 s"));
    if (loginFailures > 0)
        die(QStringLiteral("%1 of %2 sessions could not log in; first: %3").arg(loginFailures.load()).arg(options.sessions).arg(loginError));

    std::printf("\nXRP benchmark: %d sessions over %lld registrar(s), pipeline %d, %d client thread(s), %lld domains pre-loaded,\n"
                "%lld commands per phase, durable commits (synchronous=FULL)\n\n",
                options.sessions, static_cast<long long>(logins.size()), options.pipeline, threadCount,
                static_cast<long long>(registry.domains), static_cast<long long>(options.operations));
    std::printf("load average at start: %s (other work on the machine shares its cores)\n", loadAverage().constData());
    std::printf("%-14s %9s %7s %8s %10s %8s %8s %8s %12s %12s\n", "phase", "commands", "errors", "secs", "cmds/s", "p50 ms", "p99 ms",
                "max ms", "engine us/c", "client us/c");
    std::fflush(stdout);   // a redirected stdout is fully buffered; whoever watches the run sees the phases start

    QStringList errorSamples;
    for (Phase phase : options.phases) {
        QElapsedTimer wall;
        wall.start();
        const double engineCpuBefore = processCpuSecs(engine.processId());
        const double clientCpuBefore = ownCpuSecs();
        for (int t = 0; t < threadCount; ++t) {
            QList<qint64> shares;
            for (qsizetype s : std::as_const(sessionIndexes[size_t(t)]))
                shares << options.operations / options.sessions + (s < options.operations % options.sessions ? 1 : 0);
            BenchWorker *w = workers[size_t(t)];
            QMetaObject::invokeMethod(w, [w, phase, shares, k = options.pipeline] { w->runPhase(int(phase), shares, k); }, Qt::QueuedConnection);
        }
        if (!waitFor(int(workers.size()), workers.data(), &BenchWorker::phaseFinished, 3600))
            die(QStringLiteral("%1 did not finish within an hour").arg(QLatin1StringView(phaseName(phase))));
        const double secs = double(wall.nsecsElapsed()) / 1e9;
        const double engineCpu = processCpuSecs(engine.processId()) - engineCpuBefore;
        const double clientCpu = ownCpuSecs() - clientCpuBefore;
        PhaseTally all;
        for (BenchWorker *w : workers) {
            PhaseTally t = w->collect();
            all.latenciesNs.insert(all.latenciesNs.end(), t.latenciesNs.begin(), t.latenciesNs.end());
            all.errors += t.errors;
            for (const QString &e : std::as_const(t.sampleErrors))
                errorSamples << QStringLiteral("%1: %2").arg(QLatin1StringView(phaseName(phase)), e);
        }
        std::sort(all.latenciesNs.begin(), all.latenciesNs.end());
        const qint64 count = qint64(all.latenciesNs.size());
        // CPU microseconds per command, of the engine process (all its threads) and of this client.
        const double perCommand = count > 0 ? 1e6 / double(count) : 0.0;
        std::printf("%-14s %9lld %7lld %8.2f %10.0f %8.2f %8.2f %8.2f %12.0f %12.0f\n", phaseName(phase), static_cast<long long>(count),
                    static_cast<long long>(all.errors), secs, secs > 0 ? double(count) / secs : 0.0,
                    percentileMs(all.latenciesNs, 0.50), percentileMs(all.latenciesNs, 0.99),
                    all.latenciesNs.empty() ? 0.0 : double(all.latenciesNs.back()) / 1e6,
                    engineCpu >= 0 ? engineCpu * perCommand : -1.0, clientCpu * perCommand);
        std::fflush(stdout);
    }
    if (!errorSamples.isEmpty()) {
        std::printf("\nfirst errors:\n");
        for (qsizetype i = 0; i < std::min<qsizetype>(errorSamples.size(), 20); ++i)
            std::printf("  %s\n", qPrintable(errorSamples[i]));
    }

    for (BenchWorker *w : workers)
        QMetaObject::invokeMethod(w, &BenchWorker::logoutAll, Qt::QueuedConnection);
    QThread::msleep(200);   // let the logouts go out; the engine stops either way
    for (auto &t : threads) {
        t->quit();
        t->wait();
    }
    engine.stop();
    return 0;
}

#include "bench_xrp.moc"
