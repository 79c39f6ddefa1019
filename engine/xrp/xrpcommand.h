#pragma once

#include "eppelement.h"
#include "eppresponsewriter.h"

#include "core/clock.h"
#include "core/srspolicy.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace reg::store {
class Connection;
class Writer;
} // namespace reg::store

namespace reg::xrp {

// What a logged-in session is: set by XrpSession at login, read by command handlers.
struct XrpSessionInfo
{
    QString registrarId;
    QString userId;
    QString clientAddress;
    QStringList objectUris;       // from <login><svcs>: the objects the client asked for
    QStringList extensionUris;    // from <svcExtension>: only these extensions may be used
};

// The shared things a command needs on the thread it runs on (an XRP worker thread): that
// thread's read connection, the writer, the clock and the registry policy.
struct XrpServices
{
    store::Connection *reader = nullptr;
    store::Writer *writer = nullptr;
    const Clock *clock = nullptr;
    const SrsPolicy *policy = nullptr;
};

// One parsed <command> of a logged-in session, for the object command handlers. Pointers into the
// parsed message, valid until the reply is sent.
struct XrpCommand
{
    const EppElement *command = nullptr;     // <command>
    const EppElement *action = nullptr;      // its verb: <check>, <info>, <create>, <poll> ...
    const EppElement *object = nullptr;      // the object element inside the verb (domain:create), null for poll
    const EppElement *extension = nullptr;   // <extension>, or null
    QString clientTransactionId;
    QString serverTransactionId;
    const XrpSessionInfo *session = nullptr;
};

// What the audit log records of a command besides its result: "domain:create" and the object name.
struct XrpAuditSubject
{
    QString command;
    QString object;
};

using XrpReply = std::function<void(EppResponseContent response, XrpAuditSubject subject)>;

// Runs every command after login except logout: check/info/create/update/delete/renew/transfer
// for domain, host and contact, and poll. Parses the object element and extensions strictly
// (2001 for anything the schemas do not allow, 2003 for a missing required element, 2005 for a
// malformed value, 2103 for an extension the client did not announce at login), calls the SRS,
// and renders the response. `reply` is called exactly once, on `context`'s thread; a command
// whose context dies before the commit gets no reply.
void dispatchCommand(const XrpCommand &command, const XrpServices &services, QObject *context, XrpReply reply);

// The object and extension namespaces this server offers in its greeting and accepts at login.
QStringList supportedObjectUris();
QStringList supportedExtensionUris();

} // namespace reg::xrp
