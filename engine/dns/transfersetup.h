#pragma once

#include "core/clock.h"
#include "core/engineconfig.h"
#include "core/result.h"

#include <memory>

namespace reg::dns {

class DnsService;
class Notifier;
class TsigKeyring;

// What the engine adds to a DnsService so it acts as a hidden primary: the TSIG keyring from the
// key file, the ZoneTransfers that answer AXFR/IXFR, and the Notifier fed by the updater's
// publications. Call attach() after constructing the service and before its start(); keep the
// result as long as the service runs (the Notifier lives on the calling thread's event loop).
class TransferSetup
{
public:
    // Fails when the key file is missing, unsafe or malformed (the service must not start then),
    // or the NOTIFY socket cannot be opened.
    static Result<std::unique_ptr<TransferSetup>> attach(DnsService &service, const EngineConfig &config, const Clock &clock);
    ~TransferSetup();

    Notifier *notifier() const { return m_notifier.get(); }

private:
    TransferSetup() = default;
    std::shared_ptr<const TsigKeyring> m_keyring;
    std::unique_ptr<Notifier> m_notifier;
};

} // namespace reg::dns
