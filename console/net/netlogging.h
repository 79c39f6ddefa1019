#pragma once

#include <QLoggingCategory>

// Logging categories of the console's connection layer, so an operator can trace one area with
// QT_LOGGING_RULES="noc.net.ssh.debug=true". Nothing logged here ever contains a password, a key
// passphrase or a bearer token.
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcNetTls)
Q_DECLARE_LOGGING_CATEGORY(lcNetSsh)
