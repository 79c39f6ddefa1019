#pragma once

#include <QLoggingCategory>

// "registry.whois": the port-43 service (defined in whoisservice.cpp).
Q_DECLARE_LOGGING_CATEGORY(lcWhois)
