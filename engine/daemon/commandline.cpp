#include "commandline.h"

#include "engine.h"
#include "signalwatcher.h"

#include "core/engineconfig.h"
#include "core/logging.h"
#include "core/version.h"
#include "dns/masterfile.h"
#include "dns/zonesource.h"
#include "monitor/inventory.h"
#include "monitor/topologyimport.h"
#include "setup/datadirectoryinitializer.h"
#include "store/connection.h"
#include "store/journal.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

namespace reg::daemon::CommandLine {
namespace {

void out(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void err(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

int usageError(const QString &message)
{
    err(QStringLiteral("registryd: %1\nRun `registryd --help` for usage.\n").arg(message));
    return toInt(ExitCode::Usage);
}

int commandError(const QString &command, ExitCode code, const QString &message)
{
    err(QStringLiteral("registryd %1: %2\n").arg(command, message));
    return toInt(code);
}

const QCommandLineOption dataDirOption(QStringLiteral("data-dir"), QStringLiteral("The data directory."), QStringLiteral("DIR"));
const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show help."));

// Parses the arguments after the command word; false (with *exitCode set) when the command must not run.
bool parseCommand(QCommandLineParser &parser, const QStringList &arguments, const QString &command, int *exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption(dataDirOption);
    parser.addOption(helpOption);
    if (!parser.parse(arguments)) {
        *exitCode = usageError(QStringLiteral("%1: %2").arg(command, parser.errorText()));
        return false;
    }
    if (parser.isSet(helpOption)) {
        out(helpText());
        *exitCode = toInt(ExitCode::Ok);
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *exitCode = usageError(QStringLiteral("%1: unexpected argument \"%2\"").arg(command, parser.positionalArguments().first()));
        return false;
    }
    if (parser.values(dataDirOption).size() != 1 || parser.value(dataDirOption).isEmpty()) {
        *exitCode = usageError(QStringLiteral("%1 needs exactly one --data-dir DIR").arg(command));
        return false;
    }
    return true;
}

// The data directory's configuration and a read-only connection to its database. Read-only, so the
// commands are safe beside a running engine (WAL readers never block the writer). On failure the
// error is printed and *exitCode set.
bool openDatabaseReadOnly(const QString &command, const QString &dataDir, EngineConfig &config,
                          std::unique_ptr<store::Connection> &db, int *exitCode)
{
    if (!QFileInfo(dataDir).isDir()) {
        *exitCode = commandError(command, ExitCode::DataDirectory, QStringLiteral("the data directory %1 does not exist").arg(dataDir));
        return false;
    }
    Result<EngineConfig> loaded = EngineConfig::load(dataDir);
    if (!loaded) {
        *exitCode = commandError(command, ExitCode::Config, loaded.error().message);
        return false;
    }
    Result<std::unique_ptr<store::Connection>> opened = store::Connection::open(loaded->store.databaseFile, store::Connection::Mode::ReadOnly);
    if (!opened) {
        *exitCode = commandError(command, ExitCode::DataDirectory, opened.error().message);
        return false;
    }
    config = std::move(*loaded);
    db = std::move(*opened);
    return true;
}

int initCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Add the demo data set."));
    const QCommandLineOption tld(QStringLiteral("tld"), QStringLiteral("A TLD to create (repeatable)."), QStringLiteral("NAME"));
    const QCommandLineOption site(QStringLiteral("site"), QStringLiteral("The site name."), QStringLiteral("NAME"), QStringLiteral("site-a"));
    parser.addOptions({demo, tld, site});
    int exitCode = 0;
    if (!parseCommand(parser, arguments, QStringLiteral("init"), &exitCode))
        return exitCode;
    if (parser.values(site).size() > 1)
        return usageError(QStringLiteral("init: --site may be given once"));

    setup::InitOptions options;
    options.dataDir = parser.value(dataDirOption);
    options.demo = parser.isSet(demo);
    options.tlds = parser.values(tld);
    options.siteName = parser.value(site);

    setup::DataDirectoryInitializer initializer;
    Result<setup::InitReport> report = initializer.initialize(options);
    if (!report) {
        const ErrorCode code = report.error().code;
        const ExitCode exit = code == ErrorCode::InvalidInput ? ExitCode::Usage
                              : code == ErrorCode::Conflict  ? ExitCode::DataDirectory
                                                             : ExitCode::Failure;
        return commandError(QStringLiteral("init"), exit, report.error().message);
    }
    const setup::InitReport &r = *report;
    QString summary = QStringLiteral("Initialised the registry data directory %1\n").arg(r.dataDir);
    summary += QStringLiteral("  configuration   %1\n").arg(r.configFile);
    summary += QStringLiteral("  database        %1 (%2 journal entries)\n").arg(r.databaseFile).arg(r.journalEntries);
    summary += QStringLiteral("  TLDs            %1\n").arg(r.tlds.join(QStringLiteral(", ")));
    summary += QStringLiteral("  CA certificate  %1 (trust it in noc-console)\n").arg(r.caCertificateFile);
    summary += QStringLiteral("  admin password  %1 (user \"admin\"; readable only by you)\n").arg(r.adminPasswordFile);
    for (const QString &dir : r.registrarCertificateDirs)
        summary += QStringLiteral("  registrar       %1 (cert.pem, key.pem, credentials)\n").arg(dir);
    summary += QStringLiteral("Start the engine with: registryd run --data-dir %1\n").arg(r.dataDir);
    out(summary);
    return toInt(ExitCode::Ok);
}

int runCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    int exitCode = 0;
    if (!parseCommand(parser, arguments, QStringLiteral("run"), &exitCode))
        return exitCode;

    // Created before start() so a SIGTERM during start-up is acted on as soon as the loop runs.
    SignalWatcher watcher;
    if (!watcher.isValid())
        return toInt(ExitCode::Failure);
    Engine engine(parser.value(dataDirOption));
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &engine,
                     [&engine](int signal) { engine.shutdown(SignalWatcher::signalName(signal)); });
    // Queued, so the event loop gets one more turn to flush the sockets the API just closed.
    QObject::connect(&engine, &Engine::stopped, qApp, [] { QCoreApplication::exit(toInt(ExitCode::Ok)); }, Qt::QueuedConnection);

    if (std::optional<Engine::Failure> failure = engine.start()) {
        qCCritical(lcDaemon, "cannot start: %s", qPrintable(failure->error.message));
        return toInt(failure->code);
    }
    return QCoreApplication::exec();
}

int journalVerifyCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    int exitCode = 0;
    if (!parseCommand(parser, arguments, QStringLiteral("journal verify"), &exitCode))
        return exitCode;
    const QString command = QStringLiteral("journal verify");
    EngineConfig config;
    std::unique_ptr<store::Connection> db;
    if (!openDatabaseReadOnly(command, parser.value(dataDirOption), config, db, &exitCode))
        return exitCode;
    Result<store::ChainVerification> verification = store::Journal::verify(*db);
    if (!verification)
        return commandError(command, ExitCode::DataDirectory, verification.error().message);
    if (!verification->ok) {
        err(QStringLiteral("registryd journal verify: the journal is BROKEN at entry %1: %2 (%3 entries before it are intact)\n")
                .arg(verification->firstBadSequence)
                .arg(verification->reason)
                .arg(verification->entriesChecked));
        return toInt(ExitCode::JournalBroken);
    }
    Result<store::JournalHead> head = store::Journal::head(*db);
    if (!head)
        return commandError(command, ExitCode::DataDirectory, head.error().message);
    out(QStringLiteral("journal OK: %1 entries verified, head %2 (%3)\n")
            .arg(verification->entriesChecked)
            .arg(head->sequence)
            .arg(QString::fromLatin1(head->hash.toHex())));
    return toInt(ExitCode::Ok);
}

int zoneExportCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("zone export");
    QCommandLineParser parser;
    const QCommandLineOption zone(QStringLiteral("zone"), QStringLiteral("The zone (a TLD) to write."), QStringLiteral("NAME"));
    const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("The file to write (default: stdout)."), QStringLiteral("FILE"));
    parser.addOptions({zone, output});
    int exitCode = 0;
    if (!parseCommand(parser, arguments, command, &exitCode))
        return exitCode;
    if (parser.values(zone).size() != 1 || parser.value(zone).isEmpty())
        return usageError(QStringLiteral("zone export needs exactly one --zone NAME"));
    if (parser.values(output).size() > 1 || (parser.isSet(output) && parser.value(output).isEmpty()))
        return usageError(QStringLiteral("zone export: --output may be given once, with a file name"));
    EngineConfig config;
    std::unique_ptr<store::Connection> db;
    if (!openDatabaseReadOnly(command, parser.value(dataDirOption), config, db, &exitCode))
        return exitCode;
    Result<dns::LoadedZones> loaded = dns::loadZones(*db, config.dns, 1, parser.value(zone));
    if (!loaded) {
        const ErrorCode code = loaded.error().code;
        const ExitCode exit = code == ErrorCode::NotFound ? ExitCode::Usage
                              : code == ErrorCode::InvalidInput ? ExitCode::Config
                                                                : ExitCode::DataDirectory;
        return commandError(command, exit, loaded.error().message);
    }
    const dns::Zone &exported = *loaded->zones.first();
    if (!parser.isSet(output)) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return commandError(command, ExitCode::Failure, stdoutFile.errorString());
        if (Result<void> r = dns::MasterFileWriter::write(exported, stdoutFile); !r)
            return commandError(command, ExitCode::Failure, r.error().message);
        stdoutFile.flush();
        return toInt(ExitCode::Ok);
    }
    // Written beside the target and renamed over it, so a reader never sees half a zone.
    QSaveFile file(parser.value(output));
    if (!file.open(QIODevice::WriteOnly))
        return commandError(command, ExitCode::Failure, QStringLiteral("cannot write %1: %2").arg(parser.value(output), file.errorString()));
    if (Result<void> r = dns::MasterFileWriter::write(exported, file); !r)
        return commandError(command, ExitCode::Failure, r.error().message);
    if (!file.commit())
        return commandError(command, ExitCode::Failure, QStringLiteral("cannot write %1: %2").arg(parser.value(output), file.errorString()));
    err(QStringLiteral("registryd zone export: wrote %1 (serial %2, %3 names) to %4\n")
            .arg(exported.apex().toText())
            .arg(exported.serial())
            .arg(exported.nodeCount())
            .arg(parser.value(output)));
    return toInt(ExitCode::Ok);
}

// The topology import file (docs/monitoring.md) loaded into the inventory in one transaction.
// Opens the store read-write beside a running engine too: SQLite serialises the writers, and the
// inventory writes no journal entries, so the engine's journal chain is untouched.
int topologyImportCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("topology import");
    QCommandLineParser parser;
    const QCommandLineOption fileOption(QStringLiteral("file"), QStringLiteral("The import file."), QStringLiteral("FILE"));
    parser.addOption(fileOption);
    int exitCode = 0;
    if (!parseCommand(parser, arguments, command, &exitCode))
        return exitCode;
    if (parser.values(fileOption).size() != 1 || parser.value(fileOption).isEmpty())
        return usageError(QStringLiteral("topology import needs exactly one --file FILE"));
    const QString dataDir = parser.value(dataDirOption);
    if (!QFileInfo(dataDir).isDir())
        return commandError(command, ExitCode::DataDirectory, QStringLiteral("the data directory %1 does not exist").arg(dataDir));
    Result<EngineConfig> config = EngineConfig::load(dataDir);
    if (!config)
        return commandError(command, ExitCode::Config, config.error().message);

    QFile input(parser.value(fileOption));
    if (!input.open(QIODevice::ReadOnly))
        return commandError(command, ExitCode::Usage, QStringLiteral("cannot read %1: %2").arg(input.fileName(), input.errorString()));
    // One byte over the limit is enough for the parser to refuse the file as too large.
    Result<monitor::TopologyImportFile> file = monitor::TopologyImportFile::parse(input.read(monitor::TopologyImportFile::maxBytes + 1));
    if (!file)
        return commandError(command, ExitCode::Usage, QStringLiteral("%1: %2").arg(input.fileName(), file.error().message));

    Result<std::unique_ptr<store::Store>> store =
        store::Store::open({config->store.databaseFile, config->store.groupCommitMaxBatch, /*create=*/false});
    if (!store)
        return commandError(command, ExitCode::DataDirectory, store.error().message);
    monitor::Inventory inventory(**store, SystemClock::instance(), QDir(dataDir).filePath(QStringLiteral("monitor-secrets.key")));
    Result<monitor::ImportSummary> imported = inventory.importTopology(*file);
    if (!imported) {
        const ExitCode exit = imported.error().code == ErrorCode::InvalidInput || imported.error().code == ErrorCode::Conflict
            ? ExitCode::Usage
            : ExitCode::Failure;
        return commandError(command, exit, QStringLiteral("%1: %2 (nothing was imported)").arg(input.fileName(), imported.error().message));
    }
    out(QStringLiteral("imported %1 sites, %2 devices and %3 links%4\n")
            .arg(imported->sites)
            .arg(imported->devices)
            .arg(imported->links)
            .arg(file->replace ? QStringLiteral(" (the inventory was replaced)") : QString()));
    return toInt(ExitCode::Ok);
}

} // namespace

QString helpText()
{
    return QStringLiteral(
               "registryd %1: the domain-name registry engine\n"
               "\n"
               "Usage:\n"
               "  registryd init --data-dir DIR [--demo] [--tld NAME]... [--site NAME]\n"
               "      Create a new data directory: registryd.conf, the SQLite database, a development CA\n"
               "      with server and registrar certificates, and the \"admin\" account whose generated\n"
               "      password is written to DIR/admin-password (mode 0600). DIR must not exist or be empty.\n"
               "      --tld NAME   create this TLD (repeatable; default \"example\")\n"
               "      --site NAME  this instance's site name (default \"site-a\")\n"
               "      --demo       add demo registrars, contacts, hosts, domains and a site topology; each\n"
               "                   registrar's client certificate, key and EPP login (user=, password=) go\n"
               "                   to DIR/registrars/<id>/cert.pem, key.pem and credentials (0600)\n"
               "\n"
               "  registryd run --data-dir DIR\n"
               "      Run the engine in the foreground, logging to stderr. When every listener is up it\n"
               "      writes DIR/run/ready.json and notifies systemd (Type=notify). SIGTERM or SIGINT shut\n"
               "      it down cleanly.\n"
               "\n"
               "  registryd journal verify --data-dir DIR\n"
               "      Recompute the journal's hash chain and report the first gap or altered entry.\n"
               "\n"
               "  registryd zone export --data-dir DIR --zone NAME [--output FILE]\n"
               "      Write the DNS zone of the TLD NAME as the engine would serve it now, in RFC 1035\n"
               "      master-file format (for named-checkzone, kzonecheck or a hand-fed secondary), to\n"
               "      FILE or stdout. Reads the database read-only, so it is safe beside a running engine.\n"
               "      An unknown zone is a usage error (exit code 2).\n"
               "\n"
               "  registryd topology import --data-dir DIR --file FILE\n"
               "      Load the sites, devices (with SNMP settings) and links of a topology import file\n"
               "      (docs/monitoring.md) into the monitoring inventory, all or nothing: an error names\n"
               "      the entry (\"devices[3].site: ...\") and changes nothing. Works beside a running engine.\n"
               "\n"
               "  registryd --help | --version\n"
               "\n"
               "Exit codes:\n"
               "  0  success\n"
               "  1  unexpected failure (I/O, OpenSSL, internal error; the message says which)\n"
               "  2  bad command line\n"
               "  3  bad configuration (registryd.conf missing, malformed or invalid)\n"
               "  4  data directory problem: init target not empty, database missing, from a newer\n"
               "     registryd or corrupt, or another registryd already running on it\n"
               "  5  a service could not listen (address in use, certificate or key unreadable)\n"
               "  6  journal verify found a broken hash chain\n"
               "\n"
               "Logging: QT_LOGGING_RULES=\"registry.*.debug=true\" turns on debug output per area\n"
               "(registry.store, registry.admin, registry.daemon, ...).\n")
        .arg(QString::fromLatin1(registryVersion));
}

int run(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return usageError(QStringLiteral("no command given"));
    const QString command = arguments.at(1);
    if (command == u"--help" || command == u"-h" || command == u"help") {
        out(helpText());
        return toInt(ExitCode::Ok);
    }
    if (command == u"--version" || command == u"-v" || command == u"version") {
        out(QStringLiteral("registryd %1\n").arg(QString::fromLatin1(registryVersion)));
        return toInt(ExitCode::Ok);
    }
    // The sub-parsers expect the program name first; the command word is dropped.
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.first());
    if (command == u"init")
        return initCommand(rest);
    if (command == u"run")
        return runCommand(rest);
    if (command == u"journal") {
        if (arguments.size() < 3 || arguments.at(2) != u"verify")
            return usageError(QStringLiteral("journal: the only subcommand is \"verify\""));
        rest.removeAt(1);
        return journalVerifyCommand(rest);
    }
    if (command == u"zone") {
        if (arguments.size() < 3 || arguments.at(2) != u"export")
            return usageError(QStringLiteral("zone: the only subcommand is \"export\""));
        rest.removeAt(1);
        return zoneExportCommand(rest);
    }
    if (command == u"topology") {
        if (arguments.size() < 3 || arguments.at(2) != u"import")
            return usageError(QStringLiteral("topology: the only subcommand is \"import\""));
        rest.removeAt(1);
        return topologyImportCommand(rest);
    }
    return usageError(QStringLiteral("unknown command \"%1\"").arg(command));
}

} // namespace reg::daemon::CommandLine
