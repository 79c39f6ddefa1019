#pragma once

#include "core/result.h"
#include "xrpclient/eppclientconnection.h"
#include "xrpclient/eppcommandbuilder.h"
#include "xrpclient/registrarcredentials.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace reg::xrpclienttool {

// What one run of xrp-client does.
enum class XrpClientMode {
    Send, Script, Check, Info, CreateDomain, Renew, Transfer, Delete, CreateContact, CreateHost, Poll, PollAck, Hello
};

// xrp-client's command line, parsed but not yet resolved: file names are kept as given, nothing is
// read. resolve() then reads ready.json and the credentials into a ResolvedXrpClientOptions.
struct XrpClientOptions
{
    XrpClientMode mode = XrpClientMode::Hello;
    QStringList arguments;             // the mode's positional arguments (file names, domain names, a message id)

    QString host = QStringLiteral("127.0.0.1");
    std::optional<quint16> port;
    QString peerName;
    QString caFile;
    QString certificateFile;
    QString keyFile;
    QString credentialsFile;
    QString user;
    QString passwordFile;
    std::optional<QString> password;   // --password: works, but the command line is visible in ps
    QString dataDir;
    QString registrarDir;

    // create-domain / renew / info / transfer
    QString registrant;
    QStringList contacts;              // "type=id", from --contact, --admin, --tech and --billing
    QStringList nameServers;
    int periodYears = 1;
    bool periodGiven = false;          // transfer request sends <domain:period> only when asked
    QString authInfo;                  // create-domain, create-contact: generated when empty; info, transfer: sent when given
    QDate currentExpiry;
    xrpclient::TransferOperation transferOperation = xrpclient::TransferOperation::Query;

    // create-contact (the id is the positional argument)
    QString contactName;
    QString organisation;
    QStringList street;                // 0-3 lines
    QString city;
    QString stateOrProvince;
    QString postalCode;
    QString countryCode;
    QString voice;
    QString email;

    // create-host
    QStringList hostAddresses;

    bool keepGoing = false;
    bool verbose = false;
    int timeoutSecs = 60;

    bool showHelp = false;             // --help: print helpText() and do nothing else

    // Parses argv (arguments[0] is the program), or says what is wrong. Option/mode combinations
    // are checked here.
    static Result<XrpClientOptions> parse(const QStringList &arguments);
    static QString helpText();
};

// The options with the files read: everything needed to connect and log in.
struct ResolvedXrpClientOptions
{
    xrpclient::EppClientEndpoint endpoint;
    xrpclient::RegistrarCredentials credentials;   // empty for hello, which needs no login
    QStringList warnings;                          // printed to stderr (for example about --password)
};

Result<ResolvedXrpClientOptions> resolve(const XrpClientOptions &options);

} // namespace reg::xrpclienttool
