#include "netlogging.h"

Q_LOGGING_CATEGORY(lcNet, "noc.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNetTls, "noc.net.tls", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNetSsh, "noc.net.ssh", QtInfoMsg)
