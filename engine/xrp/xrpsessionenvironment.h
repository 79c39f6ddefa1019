#pragma once

#include "xrpcommand.h"

#include "core/engineconfig.h"

#include <QStringList>

#include <functional>

namespace reg::srs {
class RegistrarLogin;
}

namespace reg::xrp {

class XrpAdmission;
class XrpAuditLog;
class XrpMetrics;
class XrpTransactionIds;

// Runs one command of a logged-in session (xrp::dispatchCommand in the engine; tests inject their
// own). Same contract as dispatchCommand: reply exactly once on context's thread, or never if
// context is destroyed first.
using XrpDispatcher = std::function<void(const XrpCommand &, const XrpServices &, QObject *context, XrpReply reply)>;

// The commands a server offers: the dispatcher and the namespaces announced in the greeting and
// accepted at login. The composition root fills it (dispatchCommand, supportedObjectUris(),
// supportedExtensionUris()); tests fill it with their own.
struct XrpCommandSet
{
    XrpDispatcher dispatcher;
    QStringList objectUris;
    QStringList extensionUris;
};

// What every session of one worker thread shares: the worker's own objects (read connection,
// login, audit log) and the server-wide ones (admission limits, transaction ids, metrics). The
// worker owns it and outlives its sessions; the pointers stay valid for every session's lifetime.
struct XrpSessionEnvironment
{
    XrpConfig config;
    XrpServices services;
    srs::RegistrarLogin *login = nullptr;
    XrpAuditLog *audit = nullptr;
    XrpAdmission *admission = nullptr;
    XrpTransactionIds *transactionIds = nullptr;
    XrpMetrics *metrics = nullptr;
    XrpDispatcher dispatcher;
    QStringList objectUris;       // offered in the greeting, accepted at login
    QStringList extensionUris;
};

} // namespace reg::xrp
