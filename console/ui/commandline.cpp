#include "commandline.h"

#include "languagemanager.h"

#include <algorithm>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileDevice>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace noc {

namespace {
constexpr qint64 MaxPasswordFileSize = 4096;
} // namespace

std::optional<CommandLineOptions> CommandLineOptions::parse(const QStringList &arguments, QString *error, int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("noc::CommandLineOptions", "NOC console for the domain-name registry engine."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption profile(u"profile"_s,
        QCoreApplication::translate("noc::CommandLineOptions", "Connect with the saved profile <name>."), u"name"_s);
    const QCommandLineOption connectTo(u"connect"_s,
        QCoreApplication::translate("noc::CommandLineOptions", "Connect directly over TLS to <url> (https://host:port)."),
        u"url"_s);
    const QCommandLineOption ca(u"ca"_s,
        QCoreApplication::translate("noc::CommandLineOptions", "Verify the engine's certificate against the CA in <file>."),
        u"file"_s);
    const QCommandLineOption user(u"user"_s,
        QCoreApplication::translate("noc::CommandLineOptions", "Log in as <name>."), u"name"_s);
    const QCommandLineOption passwordFile(u"password-file"_s,
        QCoreApplication::translate("noc::CommandLineOptions",
                                    "Read the password from the first line of <file> (must be mode 0600)."),
        u"file"_s);
    const QCommandLineOption language(u"language"_s,
        QCoreApplication::translate("noc::CommandLineOptions", "Use <language> (en, de or fr) for this run."),
        u"language"_s);
    parser.addOptions({profile, connectTo, ca, user, passwordFile, language});

    auto fail = [&](const QString &message) -> std::optional<CommandLineOptions> {
        *error = message;
        *exitCode = 2;
        return std::nullopt;
    };

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    // --help-all is added by addHelpOption(); answering it here keeps parse() free of exit().
    if (parser.isSet(helpOption) || parser.isSet(u"help-all"_s)) {
        *exitCode = 0;
        *error = parser.helpText();
        return std::nullopt;
    }
    if (parser.isSet(versionOption)) {
        *exitCode = 0;
        *error = QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion() + u'\n';
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return fail(QCoreApplication::translate("noc::CommandLineOptions", "Unexpected argument: %1")
                        .arg(parser.positionalArguments().constFirst()));
    }

    CommandLineOptions options;
    options.profileName = parser.value(profile);
    options.caFile = parser.value(ca);
    options.user = parser.value(user);
    options.passwordFile = parser.value(passwordFile);
    options.language = parser.value(language);

    if (parser.isSet(connectTo)) {
        const QUrl url(parser.value(connectTo), QUrl::StrictMode);
        const bool pathless = url.path().isEmpty() || url.path() == "/"_L1;
        if (!url.isValid() || url.scheme() != "https"_L1 || url.host().isEmpty() || !pathless
            || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()) {
            return fail(QCoreApplication::translate("noc::CommandLineOptions",
                                                    "--connect needs an address like https://127.0.0.1:9443, not \"%1\".")
                            .arg(parser.value(connectTo)));
        }
        options.connectHost = url.host();
        options.connectPort = quint16(url.port(9443));
    }
    if (parser.isSet(language) && !LanguageManager::supportedLanguages().contains(options.language)) {
        return fail(QCoreApplication::translate("noc::CommandLineOptions", "Unknown language \"%1\"; use one of: %2.")
                        .arg(options.language, LanguageManager::supportedLanguages().join(u", "_s)));
    }
    if (!options.wantsConnection() && (parser.isSet(ca) || parser.isSet(user) || parser.isSet(passwordFile))) {
        return fail(QCoreApplication::translate("noc::CommandLineOptions",
                                                "--ca, --user and --password-file need --profile or --connect."));
    }
    return options;
}

std::optional<ConnectionProfile> CommandLineOptions::resolveProfile(const QList<ConnectionProfile> &saved,
                                                                    QString *error) const
{
    ConnectionProfile profile;
    if (!profileName.isEmpty()) {
        auto it = std::find_if(saved.cbegin(), saved.cend(),
                               [this](const ConnectionProfile &p) { return p.name == profileName; });
        if (it == saved.cend()) {
            *error = QCoreApplication::translate("noc::CommandLineOptions", "There is no saved profile called \"%1\".")
                         .arg(profileName);
            return std::nullopt;
        }
        profile = *it;
    } else {
        profile.name = u"%1:%2"_s.arg(connectHost).arg(connectPort);
        profile.transport = ConnectionProfile::Transport::DirectTls;
    }
    if (!connectHost.isEmpty()) {
        profile.apiHost = connectHost;
        profile.apiPort = connectPort;
    }
    if (!caFile.isEmpty())
        profile.caFile = caFile;
    if (!user.isEmpty())
        profile.user = user;
    if (profile.user.isEmpty())
        profile.user = u"admin"_s;
    return profile;
}

std::optional<QString> readPasswordFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("noc::CommandLineOptions", "Cannot read the password file %1: %2")
                     .arg(path, file.errorString());
        return std::nullopt;
    }
    const QFileDevice::Permissions open = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (file.permissions() & open) {
        *error = QCoreApplication::translate("noc::CommandLineOptions",
                                             "The password file %1 is accessible to other users; "
                                             "run \"chmod 600 %1\" first.")
                     .arg(path);
        return std::nullopt;
    }
    const QByteArray content = file.read(MaxPasswordFileSize + 1);
    if (content.size() > MaxPasswordFileSize) {
        *error = QCoreApplication::translate("noc::CommandLineOptions", "The password file %1 is too large.").arg(path);
        return std::nullopt;
    }
    QByteArray line = content;
    const qsizetype newline = line.indexOf('\n');
    if (newline >= 0)
        line.truncate(newline);
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        *error = QCoreApplication::translate("noc::CommandLineOptions", "The password file %1 is empty.").arg(path);
        return std::nullopt;
    }
    return QString::fromUtf8(line);
}

} // namespace noc
