#pragma once

#include "xrpclientoptions.h"

#include <QTextStream>

namespace reg::xrpclienttool {

// Exit statuses of xrp-client (documented in --help).
enum XrpClientExit : int { ExitSuccess = 0, ExitCommandFailed = 1, ExitUsage = 2, ExitConnection = 3 };

// Runs one xrp-client invocation: resolve the options, connect, log in (except for hello), run
// the mode's commands, print every answer (pretty XML) to out and a one-line summary per command
// plus any diagnostics to err, log out. Returns the exit status. Blocking; needs a QCoreApplication.
int runXrpClient(const XrpClientOptions &options, QTextStream &out, QTextStream &err);

} // namespace reg::xrpclienttool
