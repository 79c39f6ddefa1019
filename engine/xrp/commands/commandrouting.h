#pragma once

#include "xrp/eppresult.h"
#include "xrp/xrpcommand.h"

#include <QString>

namespace reg::xrp {

enum class ObjectKind { Domain, Host, Contact, None };   // None: poll
enum class CommandVerb { Check, Info, Create, Update, Delete, Renew, Transfer, Poll };

// The extension elements a command carries, each already known to apply to it.
struct CommandExtensions
{
    const EppElement *secDns = nullptr;        // secDNS:create / secDNS:update
    const EppElement *rgp = nullptr;           // rgp:update
    const EppElement *fee = nullptr;           // fee:check / create / renew / transfer / update
    const EppElement *customFields = nullptr;  // cf:create / cf:update
};

struct RoutedCommand
{
    ObjectKind object = ObjectKind::None;
    CommandVerb verb = CommandVerb::Poll;
    CommandExtensions extensions;
    QString auditName;    // "domain:create", "poll"
};

// Decides what a command is before anything is parsed or run, with these refusals (documented in
// docs/xrp-commands.md):
//   2000 a verb EPP does not have;
//   2001 a verb without its object element, an object element that does not match the verb
//        (<check><domain:info/>), or an extension element given twice or unknown in its namespace;
//   2307 an object namespace this server does not offer;
//   2002 an object namespace the client did not announce in its login;
//   2101 a verb the object's mapping does not define (renew of a host or contact, transfer of a host);
//   2103 an extension namespace we do not offer, or one the client did not announce at login;
//   2102 an extension we offer used with a command it does not apply to (secDNS on a host ...).
EppOutcome<RoutedCommand> routeCommand(const XrpCommand &command);

// Whether the session announced `uri` at login (responses carry an extension only then).
bool sessionUses(const XrpCommand &command, QStringView uri);

} // namespace reg::xrp
