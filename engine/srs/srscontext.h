#pragma once

#include "core/srspolicy.h"

#include "core/clock.h"

#include <QString>

namespace reg::srs {

// Who asks, under which transaction, and the rules and clock that apply. Built by the front-end per
// command; the SRS commands take it by const reference and never keep it.
struct RequestContext
{
    QString registrarId;             // the sponsoring registrar acting (from the XRP login)
    QString userId;                  // the registrar user logged in, for the audit trail
    QString clientTransactionId;
    QString serverTransactionId;
    const SrsPolicy *policy = nullptr;
    const Clock *clock = nullptr;

    QString actor() const { return QStringLiteral("registrar:") + registrarId; }
};

} // namespace reg::srs
