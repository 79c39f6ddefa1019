#include "monitor/monitorlogging.h"

Q_LOGGING_CATEGORY(lcMonitor, "registry.monitor", QtInfoMsg)
