#include "xrpclientrunner.h"

#include "blockingeppclient.h"
#include "eppscript.h"
#include "xmlformatting.h"

#include "xrpclient/eppcommandbuilder.h"
#include "xrpclient/eppresponse.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>

namespace reg::xrpclienttool {
namespace {

using xrpclient::EppCommand;
using xrpclient::EppCommandBuilder;
using xrpclient::EppResponse;

// An authInfo the registry's policy accepts (letters, digits and punctuation, 16 characters),
// for create-domain without --auth-info.
QString generateAuthInfo()
{
    static constexpr char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString pw;
    QRandomGenerator *random = QRandomGenerator::system();
    for (int i = 0; i < 13; ++i)
        pw += QLatin1Char(alphabet[random->bounded(int(sizeof(alphabet) - 1))]);
    return pw + QStringLiteral("-") + QString::number(random->bounded(10, 100));
}

class Session
{
public:
    Session(const XrpClientOptions &options, QTextStream &out, QTextStream &err)
        : m_options(options), m_out(out), m_err(err), m_builder(QStringLiteral("xrpc-%1").arg(QCoreApplication::applicationPid()))
    {
    }

    int run()
    {
        Result<ResolvedXrpClientOptions> resolved = resolve(m_options);
        if (!resolved) {
            m_err << "xrp-client: " << resolved.error().message << Qt::endl;
            return ExitUsage;
        }
        for (const QString &warning : std::as_const(resolved->warnings))
            m_err << "xrp-client: " << warning << Qt::endl;

        // Everything local is read before connecting, so a typo costs no session.
        QList<EppCommand> commands;
        QStringList labels;
        if (int status = prepare(commands, labels); status != ExitSuccess)
            return status;

        Result<QByteArray> greeting = m_client.open(resolved->endpoint);
        if (!greeting) {
            m_err << "xrp-client: " << greeting.error().message << Qt::endl;
            return ExitConnection;
        }
        if (m_options.mode == XrpClientMode::Hello) {
            // The server answers hello with a greeting like the one it opened with.
            const int status = execute(EppCommandBuilder::hello(), QStringLiteral("hello"));
            m_client.close();
            return status == ExitCommandFailed ? ExitConnection : status;
        }
        if (int status = login(*greeting, resolved->credentials); status != ExitSuccess) {
            m_client.close();
            return status;
        }

        int worst = ExitSuccess;
        for (qsizetype i = 0; i < commands.size(); ++i) {
            const int status = execute(commands[i], labels[i]);
            worst = std::max(worst, status);
            if (status == ExitConnection)
                return ExitConnection;
            if (status != ExitSuccess && !m_options.keepGoing)
                break;
        }
        logout();
        return worst;
    }

private:
    int prepare(QList<EppCommand> &commands, QStringList &labels)
    {
        const XrpClientOptions &o = m_options;
        switch (o.mode) {
        case XrpClientMode::Hello:
            return ExitSuccess;
        case XrpClientMode::Send:
        case XrpClientMode::Script: {
            QList<ScriptCommand> script;
            if (o.mode == XrpClientMode::Send) {
                QFile file(o.arguments.constFirst());
                if (!file.open(QIODevice::ReadOnly)) {
                    m_err << "xrp-client: cannot read " << file.fileName() << ": " << file.errorString() << Qt::endl;
                    return ExitUsage;
                }
                const QByteArray xml = file.read(EppScript::MaxFileBytes + 1).trimmed();
                if (xml.isEmpty() || xml.size() > EppScript::MaxFileBytes) {
                    m_err << "xrp-client: " << file.fileName() << " is empty or larger than 64 MiB" << Qt::endl;
                    return ExitUsage;
                }
                script.append({file.fileName(), 1, xml});
            } else {
                Result<QList<ScriptCommand>> loaded = EppScript::load(o.arguments);
                if (!loaded) {
                    m_err << "xrp-client: " << loaded.error().message << Qt::endl;
                    return ExitUsage;
                }
                script = *loaded;
            }
            for (const ScriptCommand &c : std::as_const(script)) {
                // The file's own clTRID, if any, is what the answer echoes.
                commands.append({c.xml, QString::fromUtf8(EppResponse::scanElementText(c.xml, "clTRID"))});
                labels.append(QStringLiteral("%1:%2").arg(c.source).arg(c.line));
            }
            return ExitSuccess;
        }
        case XrpClientMode::Check:
            commands.append(m_builder.domainCheck(o.arguments));
            labels.append(QStringLiteral("check"));
            return ExitSuccess;
        case XrpClientMode::Info:
            commands.append(m_builder.domainInfo(o.arguments.constFirst(), o.authInfo));
            labels.append(QStringLiteral("info"));
            return ExitSuccess;
        case XrpClientMode::CreateDomain: {
            xrpclient::DomainCreateParameters p;
            p.name = o.arguments.constFirst();
            p.periodYears = o.periodYears;
            p.nameServers = o.nameServers;
            p.registrantId = o.registrant;
            for (const QString &c : o.contacts)
                p.contacts.append({c.section(u'=', 0, 0), c.section(u'=', 1)});
            p.authInfo = authInfoFor(p.name);
            commands.append(m_builder.domainCreate(p));
            labels.append(QStringLiteral("create-domain"));
            return ExitSuccess;
        }
        case XrpClientMode::Renew:
            commands.append(m_builder.domainRenew(o.arguments.constFirst(), o.currentExpiry, o.periodYears));
            labels.append(QStringLiteral("renew"));
            return ExitSuccess;
        case XrpClientMode::Transfer:
            commands.append(m_builder.domainTransfer({o.arguments.constFirst(), o.transferOperation,
                                                      o.periodGiven ? std::optional<int>(o.periodYears) : std::nullopt, o.authInfo}));
            labels.append(QStringLiteral("transfer ") + EppCommandBuilder::operationName(o.transferOperation));
            return ExitSuccess;
        case XrpClientMode::Delete:
            commands.append(m_builder.domainDelete(o.arguments.constFirst()));
            labels.append(QStringLiteral("delete"));
            return ExitSuccess;
        case XrpClientMode::CreateContact: {
            xrpclient::ContactCreateParameters p;
            p.id = o.arguments.constFirst();
            p.name = o.contactName;
            p.organisation = o.organisation;
            p.street = o.street;
            p.city = o.city;
            p.stateOrProvince = o.stateOrProvince;
            p.postalCode = o.postalCode;
            p.countryCode = o.countryCode;
            p.voice = o.voice;
            p.email = o.email;
            p.authInfo = authInfoFor(QStringLiteral("contact ") + p.id);
            commands.append(m_builder.contactCreate(p));
            labels.append(QStringLiteral("create-contact"));
            return ExitSuccess;
        }
        case XrpClientMode::CreateHost:
            commands.append(m_builder.hostCreate({o.arguments.constFirst(), o.hostAddresses}));
            labels.append(QStringLiteral("create-host"));
            return ExitSuccess;
        case XrpClientMode::Poll:
            commands.append(m_builder.pollRequest());
            labels.append(QStringLiteral("poll"));
            return ExitSuccess;
        case XrpClientMode::PollAck:
            commands.append(m_builder.pollAcknowledge(o.arguments.constFirst()));
            labels.append(QStringLiteral("poll ack"));
            return ExitSuccess;
        }
        return ExitUsage;
    }

    // --auth-info, or a generated one. The registry keeps only a hash, so a generated value is
    // printed once, to the terminal (stderr), never into a log: the registrar needs it for transfers.
    QString authInfoFor(const QString &object)
    {
        if (!m_options.authInfo.isEmpty())
            return m_options.authInfo;
        const QString generated = generateAuthInfo();
        m_err << "xrp-client: generated authInfo for " << object << ": " << generated << Qt::endl;
        return generated;
    }

    int login(const QByteArray &greetingXml, const xrpclient::RegistrarCredentials &credentials)
    {
        Result<EppResponse> greeting = EppResponse::parse(greetingXml);
        if (!greeting || !greeting->isGreeting) {
            m_err << "xrp-client: the server did not open with an EPP greeting" << Qt::endl;
            return ExitConnection;
        }
        if (m_options.verbose)
            m_err << "<<< greeting from " << greeting->serverId << "\n" << prettyXml(greetingXml) << Qt::endl;
        xrpclient::LoginParameters p;
        p.clientId = credentials.user;
        p.password = credentials.password;
        // Ask for every object the server offers and every extension it offers, so whatever a sent
        // file uses is allowed for this session.
        if (!greeting->objectUris.isEmpty())
            p.objectUris = greeting->objectUris;
        p.extensionUris = greeting->extensionUris;
        Result<QByteArray> answer = exchange(m_builder.login(p));
        if (!answer) {
            m_err << "xrp-client: login: " << answer.error().message << Qt::endl;
            return ExitConnection;
        }
        Result<EppResponse> response = EppResponse::parse(*answer);
        if (!response || !response->succeeded()) {
            m_out << prettyXml(*answer) << Qt::flush;
            m_err << "xrp-client: login as " << credentials.user << " failed: "
                  << (response ? QStringLiteral("%1 %2 %3").arg(response->resultCode).arg(response->message, response->reason)
                               : response.error().message)
                  << Qt::endl;
            return ExitConnection;
        }
        return ExitSuccess;
    }

    void logout()
    {
        Result<QByteArray> answer = exchange(m_builder.logout());
        if (m_options.verbose && answer)
            m_err << "<<< logout\n" << prettyXml(*answer) << Qt::endl;
        m_client.close();
    }

    Result<QByteArray> exchange(const EppCommand &command)
    {
        if (m_options.verbose)
            m_err << ">>> sending\n" << prettyXml(maskPasswords(command.xml)) << Qt::endl;
        return m_client.request(command.xml, command.clientTransactionId);
    }

    int execute(const EppCommand &command, const QString &label)
    {
        Result<QByteArray> answer = exchange(command);
        if (!answer) {
            m_err << "xrp-client: " << label << ": " << answer.error().message << Qt::endl;
            return ExitConnection;
        }
        m_out << prettyXml(*answer) << Qt::flush;
        Result<EppResponse> response = EppResponse::parse(*answer);
        if (!response) {
            m_err << "xrp-client: " << label << ": " << response.error().message << Qt::endl;
            return ExitConnection;
        }
        if (response->isGreeting) {
            m_err << label << ": greeting from " << response->serverId << Qt::endl;
            return ExitSuccess;
        }
        m_err << label << ": " << response->resultCode << ' ' << response->message;
        if (!response->reason.isEmpty() && response->reason != response->message)   // the server often repeats it
            m_err << " (" << response->reason << ')';
        m_err << Qt::endl;
        if (response->endsSession() && response->resultCode != 1500)
            return ExitConnection;
        return response->succeeded() ? ExitSuccess : ExitCommandFailed;
    }

    const XrpClientOptions &m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    EppCommandBuilder m_builder;
    BlockingEppClient m_client;
};

} // namespace

int runXrpClient(const XrpClientOptions &options, QTextStream &out, QTextStream &err)
{
    if (options.showHelp) {
        out << XrpClientOptions::helpText() << Qt::flush;
        return ExitSuccess;
    }
    return Session(options, out, err).run();
}

} // namespace reg::xrpclienttool
