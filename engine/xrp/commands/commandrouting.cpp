#include "commandrouting.h"

#include "elementreader.h"
#include "eppnamespaces.h"

#include "xrp/eppxmlreader.h"

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

std::optional<CommandVerb> verbFor(QStringView name)
{
    static const std::pair<QStringView, CommandVerb> verbs[] = {
        {u"check", CommandVerb::Check},   {u"info", CommandVerb::Info},         {u"create", CommandVerb::Create},
        {u"update", CommandVerb::Update}, {u"delete", CommandVerb::Delete},     {u"renew", CommandVerb::Renew},
        {u"transfer", CommandVerb::Transfer}, {u"poll", CommandVerb::Poll},
    };
    for (const auto &[text, verb] : verbs) {
        if (name == text)
            return verb;
    }
    return std::nullopt;
}

// Which extension elements apply to which domain commands; hosts and contacts take none.
bool extensionApplies(QStringView ns, QStringView element, ObjectKind object, CommandVerb verb)
{
    if (object != ObjectKind::Domain)
        return false;
    if (ns == SecDnsNamespace || ns == CustomFieldsNamespace)
        return (verb == CommandVerb::Create && element == u"create") || (verb == CommandVerb::Update && element == u"update");
    if (ns == RgpNamespace)
        return verb == CommandVerb::Update && element == u"update";
    if (ns == FeeNamespace) {
        return (verb == CommandVerb::Check && element == u"check") || (verb == CommandVerb::Create && element == u"create")
               || (verb == CommandVerb::Renew && element == u"renew") || (verb == CommandVerb::Transfer && element == u"transfer")
               || (verb == CommandVerb::Update && element == u"update");
    }
    return false;
}

// The command elements each extension namespace defines (anything else in it is 2001).
bool isCommandElement(QStringView ns, QStringView element)
{
    if (ns == SecDnsNamespace || ns == CustomFieldsNamespace)
        return element == u"create" || element == u"update";
    if (ns == RgpNamespace)
        return element == u"update";
    if (ns == FeeNamespace)
        return element == u"check" || element == u"create" || element == u"renew" || element == u"transfer"
               || element == u"update";
    return false;
}

} // namespace

bool sessionUses(const XrpCommand &command, QStringView uri)
{
    return command.session && command.session->extensionUris.contains(uri.toString());
}

QStringList supportedObjectUris()
{
    return {DomainNamespace.toString(), HostNamespace.toString(), ContactNamespace.toString()};
}

QStringList supportedExtensionUris()
{
    return {SecDnsNamespace.toString(), RgpNamespace.toString(), FeeNamespace.toString(), CustomFieldsNamespace.toString()};
}

EppOutcome<RoutedCommand> routeCommand(const XrpCommand &command)
{
    if (!command.action)
        return EppError{EppResult::CommandSyntaxError, u"the command has no verb"_s};
    RoutedCommand routed;
    const EppElement &action = *command.action;
    const std::optional<CommandVerb> verb = action.namespaceUri() == EppNamespace ? verbFor(action.name()) : std::nullopt;
    if (!verb)
        return EppError{EppResult::UnknownCommand, u"unknown command "_s + qualifiedName(action)};
    routed.verb = *verb;

    if (*verb == CommandVerb::Poll) {
        routed.auditName = u"poll"_s;
        if (command.extension && !command.extension->children().empty())
            return EppError{EppResult::UnimplementedOption, u"poll takes no extension"_s};
        return routed;
    }

    if (!command.object)
        return EppError{EppResult::CommandSyntaxError, action.name() + u" needs an object element (domain, host or contact)"_s};
    const EppElement &object = *command.object;
    const QString &ns = object.namespaceUri();
    if (ns == DomainNamespace)
        routed.object = ObjectKind::Domain;
    else if (ns == HostNamespace)
        routed.object = ObjectKind::Host;
    else if (ns == ContactNamespace)
        routed.object = ObjectKind::Contact;
    else
        return EppError{EppResult::UnimplementedObjectService, u"object service "_s + qualifiedName(object) + u" is not offered by this server"_s};
    if (!command.session || !command.session->objectUris.contains(ns))
        return EppError{EppResult::CommandUseError, namespacePrefix(ns) + u" was not announced in the login's objURI list"_s};
    if (object.name() != action.name())
        return EppError{EppResult::CommandSyntaxError, qualifiedName(object) + u" does not belong in <"_s + action.name() + u'>'};
    if ((*verb == CommandVerb::Renew && routed.object != ObjectKind::Domain)
        || (*verb == CommandVerb::Transfer && routed.object == ObjectKind::Host))
        return EppError{EppResult::UnimplementedCommand, qualifiedName(object) + u" is not a command of the "_s + namespacePrefix(ns)
                                                             + u" mapping"_s};
    routed.auditName = qualifiedName(object);

    if (command.extension) {
        for (const EppElement &element : command.extension->children()) {
            const QString &extNs = element.namespaceUri();
            static const QStringList offered = supportedExtensionUris();
            if (!offered.contains(extNs))
                return EppError{EppResult::UnimplementedExtension, u"extension "_s + qualifiedName(element) + u" is not offered by this server"_s};
            if (!sessionUses(command, extNs))
                return EppError{EppResult::UnimplementedExtension, u"extension "_s + qualifiedName(element)
                                                                       + u" was not announced in the login's svcExtension"_s};
            if (!isCommandElement(extNs, element.name()))
                return EppError{EppResult::CommandSyntaxError, u"unexpected element "_s + qualifiedName(element) + u" in extension"_s};
            if (!extensionApplies(extNs, element.name(), routed.object, *verb))
                return EppError{EppResult::UnimplementedOption, qualifiedName(element) + u" does not apply to "_s + routed.auditName};
            const EppElement **slot = extNs == SecDnsNamespace ? &routed.extensions.secDns
                                      : extNs == RgpNamespace  ? &routed.extensions.rgp
                                      : extNs == FeeNamespace  ? &routed.extensions.fee
                                                               : &routed.extensions.customFields;
            if (*slot)
                return EppError{EppResult::CommandSyntaxError, qualifiedName(element) + u" is given twice"_s};
            *slot = &element;
        }
    }
    return routed;
}

} // namespace reg::xrp
