#include "xrpclientoptions.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

namespace reg::xrpclienttool {
namespace {

Error usage(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message + QStringLiteral(" (see xrp-client --help)"));
}

struct ModeSpec
{
    const char *name;
    XrpClientMode mode;
    int minArguments;
    int maxArguments;   // -1: unbounded
};

constexpr ModeSpec modes[] = {
    {"send", XrpClientMode::Send, 1, 1},
    {"script", XrpClientMode::Script, 1, -1},
    {"check", XrpClientMode::Check, 1, -1},
    {"info", XrpClientMode::Info, 1, 1},
    {"create-domain", XrpClientMode::CreateDomain, 1, 1},
    {"renew", XrpClientMode::Renew, 1, 1},
    {"transfer", XrpClientMode::Transfer, 1, 1},
    {"delete", XrpClientMode::Delete, 1, 1},
    {"create-contact", XrpClientMode::CreateContact, 1, 1},
    {"create-host", XrpClientMode::CreateHost, 1, 1},
    {"poll", XrpClientMode::Poll, 0, 2},
    {"hello", XrpClientMode::Hello, 0, 0},
};

} // namespace

QString XrpClientOptions::helpText()
{
    return QStringLiteral(
        "Usage: xrp-client [options] MODE [arguments]\n"
        "\n"
        "A registrar client for the registry's XRP port (EPP over TLS, RFC 5730-5734). It connects with\n"
        "a client certificate, logs in, runs the command(s), prints every response, and logs out.\n"
        "\n"
        "Modes:\n"
        "  send FILE.xml            send the file as one command; print the response\n"
        "  script FILE...           run the commands of the files in order; in one file, commands are\n"
        "                           separated by lines \"---\"; stops at the first failure unless --keep-going\n"
        "  check NAME...            domain:check\n"
        "  info NAME                domain:info (--auth-info to see another registrar's domain)\n"
        "  create-domain NAME       domain:create: --registrant ID --admin ID --tech ID [--billing ID]\n"
        "                           (each repeatable; or --contact TYPE=ID) [--period Y] [--ns HOST]...\n"
        "                           [--auth-info PW; if absent a strong one is generated and printed once]\n"
        "  renew NAME               domain:renew: --cur-exp YYYY-MM-DD [--period Y]\n"
        "  transfer NAME            domain:transfer: --op request|approve|reject|cancel|query\n"
        "                           [--auth-info PW] [--period Y, request only]\n"
        "  delete NAME              domain:delete\n"
        "  create-contact ID        contact:create: --name N --email E --city C --cc CC [--org O]\n"
        "                           [--street LINE]... (up to 3) [--sp S] [--pc P] [--voice +1.5555551212]\n"
        "                           [--auth-info PW; generated and printed once if absent]\n"
        "  create-host NAME         host:create [--addr IP]... (glue for a host under your own domain)\n"
        "  poll                     poll request;  poll ack MSGID  acknowledges a message\n"
        "  hello                    hello (no login); prints the greeting\n"
        "\n"
        "Connection:\n"
        "  --data-dir DIR           registryd's data directory: --ca DIR/pki/ca.crt and the XRP\n"
        "                           address from DIR/run/ready.json\n"
        "  --host HOST              server (default 127.0.0.1)   --port PORT   XRP port\n"
        "  --peer-name NAME         name the server certificate must carry (default: HOST)\n"
        "  --ca FILE                CA certificate(s) the server must chain to (PEM)\n"
        "  --registrar-dir DIR      DIR/cert.pem, DIR/key.pem and DIR/credentials\n"
        "  --cert FILE  --key FILE  client certificate and unencrypted private key (PEM)\n"
        "  --credentials FILE       file with user= and password= lines\n"
        "  --user ID  --password-file FILE   login user and a file holding the password\n"
        "  --password PW            the password itself: visible to every user in ps; avoid\n"
        "  --timeout SECONDS        give up on an answer after this long (default 60)\n"
        "\n"
        "Output:\n"
        "  --verbose                also print every frame sent (passwords masked) to stderr\n"
        "  --keep-going             script: run every command even after a failure\n"
        "  --help                   this text\n"
        "\n"
        "Exit status: 0 when every command succeeded (1xxx), 1 when a command failed (2xxx),\n"
        "2 for a usage or local file error, 3 when the connection or login failed.\n");
}

Result<XrpClientOptions> XrpClientOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const auto value = [](const char *name, const char *valueName) {
        return QCommandLineOption(QString::fromLatin1(name), QString(), QString::fromLatin1(valueName));
    };
    const QCommandLineOption host = value("host", "host"), port = value("port", "port"), peerName = value("peer-name", "name"),
                             ca = value("ca", "file"), cert = value("cert", "file"), key = value("key", "file"),
                             credentials = value("credentials", "file"), user = value("user", "id"),
                             passwordFile = value("password-file", "file"), password = value("password", "password"),
                             dataDir = value("data-dir", "dir"), registrarDir = value("registrar-dir", "dir"),
                             registrant = value("registrant", "id"), contact = value("contact", "type=id"),
                             ns = value("ns", "host"), period = value("period", "years"),
                             authInfo = value("auth-info", "password"), curExp = value("cur-exp", "date"),
                             timeout = value("timeout", "seconds"), admin = value("admin", "id"), tech = value("tech", "id"),
                             billing = value("billing", "id"), op = value("op", "operation"), name = value("name", "name"),
                             org = value("org", "organisation"), street = value("street", "line"), city = value("city", "city"),
                             sp = value("sp", "state"), pc = value("pc", "code"), cc = value("cc", "country"),
                             voice = value("voice", "number"), email = value("email", "address"), addr = value("addr", "ip");
    const QCommandLineOption keepGoing(QStringLiteral("keep-going")), verbose(QStringLiteral("verbose")),
        help(QStringList{QStringLiteral("help"), QStringLiteral("h")});
    parser.addOptions({host, port, peerName, ca, cert, key, credentials, user, passwordFile, password, dataDir, registrarDir,
                       registrant, contact, ns, period, authInfo, curExp, timeout, admin, tech, billing, op, name, org,
                       street, city, sp, pc, cc, voice, email, addr, keepGoing, verbose, help});
    if (!parser.parse(arguments))
        return usage(parser.errorText());

    XrpClientOptions o;
    if (parser.isSet(help)) {
        o.showHelp = true;
        return o;
    }
    // Every option that takes a value is given at most once, except the repeatable ones.
    for (const QCommandLineOption *single : {&host, &port, &peerName, &ca, &cert, &key, &credentials, &user, &passwordFile,
                                             &password, &dataDir, &registrarDir, &registrant, &period, &authInfo, &curExp, &timeout,
                                             &op, &name, &org, &city, &sp, &pc, &cc, &voice, &email}) {
        if (parser.values(*single).size() > 1)
            return usage(QStringLiteral("--%1 is given more than once").arg(single->names().constFirst()));
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(QStringLiteral("no mode given"));
    const ModeSpec *spec = nullptr;
    for (const ModeSpec &m : modes) {
        if (positional.constFirst() == QLatin1StringView(m.name))
            spec = &m;
    }
    if (!spec)
        return usage(QStringLiteral("unknown mode \"%1\"").arg(positional.constFirst().left(40)));
    o.mode = spec->mode;
    o.arguments = positional.mid(1);
    const int count = int(o.arguments.size());
    if (count < spec->minArguments || (spec->maxArguments >= 0 && count > spec->maxArguments))
        return usage(QStringLiteral("wrong number of arguments for %1").arg(QLatin1StringView(spec->name)));
    if (o.mode == XrpClientMode::Poll && count > 0) {
        if (count != 2 || o.arguments.constFirst() != u"ack")
            return usage(QStringLiteral("poll takes no arguments, or \"ack MSGID\""));
        o.mode = XrpClientMode::PollAck;
        o.arguments = o.arguments.mid(1);
    }

    o.host = parser.isSet(host) ? parser.value(host) : o.host;
    if (parser.isSet(port)) {
        bool ok = false;
        const uint p = parser.value(port).toUInt(&ok);
        if (!ok || p == 0 || p > 65535)
            return usage(QStringLiteral("--port must be 1-65535"));
        o.port = quint16(p);
    }
    o.peerName = parser.value(peerName);
    o.caFile = parser.value(ca);
    o.certificateFile = parser.value(cert);
    o.keyFile = parser.value(key);
    o.credentialsFile = parser.value(credentials);
    o.user = parser.value(user);
    o.passwordFile = parser.value(passwordFile);
    if (parser.isSet(password))
        o.password = parser.value(password);
    o.dataDir = parser.value(dataDir);
    o.registrarDir = parser.value(registrarDir);
    o.keepGoing = parser.isSet(keepGoing);
    o.verbose = parser.isSet(verbose);
    if (parser.isSet(timeout)) {
        bool ok = false;
        o.timeoutSecs = parser.value(timeout).toInt(&ok);
        if (!ok || o.timeoutSecs < 1 || o.timeoutSecs > 3600)
            return usage(QStringLiteral("--timeout must be 1-3600 seconds"));
    }

    const int passwordSources = int(parser.isSet(password)) + int(parser.isSet(passwordFile)) + int(parser.isSet(credentials));
    if (passwordSources > 1)
        return usage(QStringLiteral("give the password one way only: --credentials, --password-file or --password"));
    if (parser.isSet(credentials) && parser.isSet(user))
        return usage(QStringLiteral("--user comes from --credentials; do not give both"));

    // Options that belong to one mode only are refused elsewhere, so a typo does not go unnoticed.
    const bool create = o.mode == XrpClientMode::CreateDomain;
    const bool renew = o.mode == XrpClientMode::Renew;
    const bool transfer = o.mode == XrpClientMode::Transfer;
    const bool createContact = o.mode == XrpClientMode::CreateContact;
    if (!create && (parser.isSet(registrant) || parser.isSet(ns) || parser.isSet(contact) || parser.isSet(admin) || parser.isSet(tech)
                    || parser.isSet(billing)))
        return usage(QStringLiteral("--registrant, --admin, --tech, --billing, --contact and --ns are for create-domain"));
    if (!create && !renew && !transfer && parser.isSet(period))
        return usage(QStringLiteral("--period is for create-domain, renew and transfer"));
    if (!renew && parser.isSet(curExp))
        return usage(QStringLiteral("--cur-exp is for renew"));
    if (!create && !createContact && o.mode != XrpClientMode::Info && !transfer && parser.isSet(authInfo))
        return usage(QStringLiteral("--auth-info is for create-domain, create-contact, info and transfer"));
    if (!transfer && parser.isSet(op))
        return usage(QStringLiteral("--op is for transfer"));
    if (!createContact
        && (parser.isSet(name) || parser.isSet(org) || parser.isSet(street) || parser.isSet(city) || parser.isSet(sp) || parser.isSet(pc)
            || parser.isSet(cc) || parser.isSet(voice) || parser.isSet(email)))
        return usage(QStringLiteral("--name, --org, --street, --city, --sp, --pc, --cc, --voice and --email are for create-contact"));
    if (o.mode != XrpClientMode::CreateHost && parser.isSet(addr))
        return usage(QStringLiteral("--addr is for create-host"));
    if (o.mode != XrpClientMode::Script && o.keepGoing)
        return usage(QStringLiteral("--keep-going is for script"));

    if (parser.isSet(period)) {
        bool ok = false;
        o.periodYears = parser.value(period).toInt(&ok);
        if (!ok || o.periodYears < 1 || o.periodYears > 99)
            return usage(QStringLiteral("--period must be a number of years, 1-99"));
        o.periodGiven = true;
    }
    if (create) {
        o.registrant = parser.value(registrant);
        if (o.registrant.isEmpty())
            return usage(QStringLiteral("create-domain needs --registrant"));
        o.nameServers = parser.values(ns);
        for (const QString &c : parser.values(contact)) {
            const qsizetype eq = c.indexOf(u'=');
            const QString type = c.left(eq);
            if (eq <= 0 || eq == c.size() - 1 || (type != u"admin" && type != u"tech" && type != u"billing"))
                return usage(QStringLiteral("--contact must be admin=ID, tech=ID or billing=ID"));
            o.contacts << c;
        }
        for (const QCommandLineOption *typed : {&admin, &tech, &billing}) {
            for (const QString &id : parser.values(*typed)) {
                if (id.isEmpty())
                    return usage(QStringLiteral("--%1 needs a contact id").arg(typed->names().constFirst()));
                o.contacts << typed->names().constFirst() + u'=' + id;
            }
        }
    }
    o.authInfo = parser.value(authInfo);
    if (renew) {
        if (!parser.isSet(curExp))
            return usage(QStringLiteral("renew needs --cur-exp YYYY-MM-DD (the current expiry date)"));
        o.currentExpiry = QDate::fromString(parser.value(curExp), Qt::ISODate);
        if (!o.currentExpiry.isValid() || parser.value(curExp).size() != 10)
            return usage(QStringLiteral("--cur-exp must be a date YYYY-MM-DD"));
    }
    if (transfer) {
        using xrpclient::TransferOperation;
        const QString operation = parser.value(op);
        bool known = false;
        for (TransferOperation candidate : {TransferOperation::Request, TransferOperation::Approve, TransferOperation::Reject,
                                            TransferOperation::Cancel, TransferOperation::Query}) {
            if (operation == xrpclient::EppCommandBuilder::operationName(candidate)) {
                o.transferOperation = candidate;
                known = true;
            }
        }
        if (!known)
            return usage(QStringLiteral("transfer needs --op request, approve, reject, cancel or query"));
        if (o.periodGiven && o.transferOperation != TransferOperation::Request)
            return usage(QStringLiteral("--period is for a transfer request only"));
    }
    if (createContact) {
        o.contactName = parser.value(name);
        o.organisation = parser.value(org);
        o.street = parser.values(street);
        o.city = parser.value(city);
        o.stateOrProvince = parser.value(sp);
        o.postalCode = parser.value(pc);
        o.countryCode = parser.value(cc);
        o.voice = parser.value(voice);
        o.email = parser.value(email);
        if (o.contactName.isEmpty() || o.email.isEmpty() || o.city.isEmpty() || o.countryCode.isEmpty())
            return usage(QStringLiteral("create-contact needs --name, --email, --city and --cc"));
        if (o.street.size() > 3)
            return usage(QStringLiteral("--street is given at most 3 times"));
    }
    if (o.mode == XrpClientMode::CreateHost)
        o.hostAddresses = parser.values(addr);
    return o;
}

Result<ResolvedXrpClientOptions> resolve(const XrpClientOptions &o)
{
    ResolvedXrpClientOptions r;
    xrpclient::EppClientEndpoint &e = r.endpoint;
    e.host = o.host;
    e.peerName = o.peerName;
    e.responseTimeoutMs = o.timeoutSecs * 1000;

    if (!o.dataDir.isEmpty()) {
        const QDir dir(o.dataDir);
        e.caFile = dir.filePath(QStringLiteral("pki/ca.crt"));
        if (!o.port) {
            Result<xrpclient::ServiceAddress> address = xrpclient::ServiceAddress::fromReadyFile(o.dataDir, QStringLiteral("xrp"));
            if (!address)
                return address.error();
            e.port = address->port;
            if (o.host == u"127.0.0.1")   // the default: follow where the engine actually listens
                e.host = address->host;
        }
    }
    if (o.port)
        e.port = *o.port;
    if (!o.caFile.isEmpty())
        e.caFile = o.caFile;

    QString credentialsFile = o.credentialsFile;
    if (!o.registrarDir.isEmpty()) {
        const QDir dir(o.registrarDir);
        e.certificateFile = dir.filePath(QStringLiteral("cert.pem"));
        e.keyFile = dir.filePath(QStringLiteral("key.pem"));
        if (credentialsFile.isEmpty() && o.user.isEmpty() && !o.password && o.passwordFile.isEmpty())
            credentialsFile = dir.filePath(QStringLiteral("credentials"));
    }
    if (!o.certificateFile.isEmpty())
        e.certificateFile = o.certificateFile;
    if (!o.keyFile.isEmpty())
        e.keyFile = o.keyFile;

    if (e.port == 0)
        return usage(QStringLiteral("no XRP port: give --port or --data-dir of a running registryd"));
    if (e.caFile.isEmpty())
        return usage(QStringLiteral("no CA certificate: give --ca or --data-dir"));
    if (e.certificateFile.isEmpty() || e.keyFile.isEmpty())
        return usage(QStringLiteral("no client certificate: give --cert and --key, or --registrar-dir"));

    if (o.mode == XrpClientMode::Hello)
        return r;   // hello needs no login
    if (!credentialsFile.isEmpty()) {
        Result<xrpclient::RegistrarCredentials> c = xrpclient::RegistrarCredentials::readFile(credentialsFile);
        if (!c)
            return c.error();
        r.credentials = *c;
        return r;
    }
    if (o.user.isEmpty())
        return usage(QStringLiteral("no login: give --credentials, --registrar-dir, or --user with --password-file"));
    r.credentials.user = o.user;
    if (o.password) {
        r.credentials.password = *o.password;
        r.warnings << QStringLiteral("warning: --password is visible to other users (ps, /proc); prefer --password-file or --credentials");
    } else if (!o.passwordFile.isEmpty()) {
        Result<QString> password = xrpclient::RegistrarCredentials::readPasswordFile(o.passwordFile);
        if (!password)
            return password.error();
        r.credentials.password = *password;
    } else {
        return usage(QStringLiteral("--user needs --password-file (or --password)"));
    }
    return r;
}

} // namespace reg::xrpclienttool
