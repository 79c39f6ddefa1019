#pragma once

// Shared by the XRP command codec tests: builds an XrpCommand from EPP text the way the session
// does (EppXmlReader, then <command>, its verb, the object element, <extension>), and renders a
// response with the codecs' writers.
#include "xrp/commands/commandrouting.h"
#include "xrp/commands/contactcodec.h"
#include "xrp/commands/domaincommandparser.h"
#include "xrp/commands/eppnamespaces.h"
#include "xrp/commands/hostcodec.h"
#include "xrp/commands/pollcodec.h"
#include "xrp/eppresponsewriter.h"
#include "xrp/eppxmlreader.h"
#include "xrp/xrpcommand.h"

#include <QXmlStreamWriter>

#include <functional>
#include <memory>

namespace testing {

using reg::xrp::EppElement;

inline constexpr QStringView Epp = u"urn:ietf:params:xml:ns:epp-1.0";

// An EPP <command> document with every namespace we use declared on the root.
inline QByteArray eppCommand(const QString &verbAndObject, const QString &extension = {})
{
    QString xml = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\" xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\""
        " xmlns:host=\"urn:ietf:params:xml:ns:host-1.0\" xmlns:contact=\"urn:ietf:params:xml:ns:contact-1.0\""
        " xmlns:secDNS=\"urn:ietf:params:xml:ns:secDNS-1.1\" xmlns:rgp=\"urn:ietf:params:xml:ns:rgp-1.0\""
        " xmlns:fee=\"urn:ietf:params:xml:ns:epp:fee-1.0\" xmlns:cf=\"urn:registryd:params:xml:ns:customFields-1.0\">"
        "<command>");
    xml += verbAndObject;
    if (!extension.isEmpty())
        xml += QStringLiteral("<extension>") + extension + QStringLiteral("</extension>");
    xml += QStringLiteral("<clTRID>ABC-12345</clTRID></command></epp>");
    return xml.toUtf8();
}

// A parsed command that owns its tree and session.
struct ParsedCommand
{
    EppElement root;
    reg::xrp::XrpSessionInfo session;
    reg::xrp::XrpCommand command;
    QString parseError;
};

inline QStringList allObjectUris()
{
    return {reg::xrp::DomainNamespace.toString(), reg::xrp::HostNamespace.toString(), reg::xrp::ContactNamespace.toString()};
}

inline QStringList allExtensionUris()
{
    return {reg::xrp::SecDnsNamespace.toString(), reg::xrp::RgpNamespace.toString(), reg::xrp::FeeNamespace.toString(),
            reg::xrp::CustomFieldsNamespace.toString()};
}

inline std::unique_ptr<ParsedCommand> parseCommand(const QByteArray &xml, QStringList objectUris = allObjectUris(),
                                                   QStringList extensionUris = allExtensionUris())
{
    auto parsed = std::make_unique<ParsedCommand>();
    reg::xrp::EppOutcome<EppElement> root = reg::xrp::EppXmlReader().parse(xml);
    if (!root) {
        parsed->parseError = root.error().message;
        return parsed;
    }
    parsed->root = std::move(root).value();
    parsed->session.registrarId = QStringLiteral("registrar-a");
    parsed->session.userId = QStringLiteral("alice");
    parsed->session.objectUris = objectUris;
    parsed->session.extensionUris = extensionUris;
    reg::xrp::XrpCommand &command = parsed->command;
    command.session = &parsed->session;
    command.serverTransactionId = QStringLiteral("SRV-0001");
    command.command = parsed->root.child(Epp, u"command");
    if (!command.command)
        return parsed;
    for (const EppElement &child : command.command->children()) {
        if (child.namespaceUri() != Epp)
            continue;
        if (child.name() == u"extension")
            command.extension = &child;
        else if (child.name() == u"clTRID")
            command.clientTransactionId = child.text();
        else if (!command.action)
            command.action = &child;
    }
    if (command.action && !command.action->children().empty())
        command.object = &command.action->children().front();
    return parsed;
}

// A success response around resData / extension writers, as the dispatcher would send it.
inline QByteArray renderResponse(std::function<void(QXmlStreamWriter &)> resData,
                                 std::function<void(QXmlStreamWriter &)> extension = {},
                                 reg::xrp::EppResult result = reg::xrp::EppResult::Success)
{
    reg::xrp::EppResponseContent content;
    content.result = result;
    content.resData = std::move(resData);
    content.extension = std::move(extension);
    content.clientTransactionId = QStringLiteral("ABC-12345");
    content.serverTransactionId = QStringLiteral("SRV-0001");
    return reg::xrp::writeEppResponse(content);
}

// Everything the dispatcher does before it calls the SRS: routing, then the parser for the object
// and verb with the extensions applied. Nothing when the command would reach the SRS.
inline std::optional<reg::xrp::EppError> parseThrough(const reg::xrp::XrpCommand &command)
{
    using namespace reg::xrp;
    EppOutcome<RoutedCommand> routed = routeCommand(command);
    if (!routed)
        return routed.error();
    const CommandExtensions &ext = routed->extensions;
    auto check = [](const auto &outcome) -> std::optional<EppError> {
        if (!outcome)
            return outcome.error();
        return std::nullopt;
    };
    const EppElement *object = command.object;
    switch (routed->object) {
    case ObjectKind::None:
        return check(parsePoll(*command.action));
    case ObjectKind::Domain:
        switch (routed->verb) {
        case CommandVerb::Check: return check(parseDomainCheckCommand(*object, ext));
        case CommandVerb::Info: return check(parseDomainInfo(*object));
        case CommandVerb::Create: return check(parseDomainCreateCommand(*object, ext));
        case CommandVerb::Update: return check(parseDomainUpdateCommand(*object, ext));
        case CommandVerb::Delete: return check(parseDomainDelete(*object));
        case CommandVerb::Renew: return check(parseDomainRenewCommand(*object, ext));
        case CommandVerb::Transfer: return check(parseDomainTransferCommand(*command.action, *object, ext));
        case CommandVerb::Poll: break;
        }
        break;
    case ObjectKind::Host:
        switch (routed->verb) {
        case CommandVerb::Check: return check(parseHostCheck(*object));
        case CommandVerb::Info: return check(parseHostInfo(*object));
        case CommandVerb::Create: return check(parseHostCreate(*object));
        case CommandVerb::Update: return check(parseHostUpdate(*object));
        case CommandVerb::Delete: return check(parseHostDelete(*object));
        default: break;
        }
        break;
    case ObjectKind::Contact:
        switch (routed->verb) {
        case CommandVerb::Check: return check(parseContactCheck(*object));
        case CommandVerb::Info: return check(parseContactInfo(*object));
        case CommandVerb::Create: return check(parseContactCreate(*object));
        case CommandVerb::Update: return check(parseContactUpdate(*object));
        case CommandVerb::Delete: return check(parseContactDelete(*object));
        case CommandVerb::Transfer: return check(parseContactTransfer(*command.action, *object));
        default: break;
        }
        break;
    }
    return EppError{EppResult::CommandFailed, QStringLiteral("the test helper does not know this command")};
}

} // namespace testing

