#pragma once

#include <QLoggingCategory>

// "registry.monitor": inventory, polling, traps, probes and alarms. Never log an SNMP community or
// USM passphrase, nor the contents of a trap beyond its type and source (seed 002: confidential).
Q_DECLARE_LOGGING_CATEGORY(lcMonitor)
