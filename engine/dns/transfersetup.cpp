#include "transfersetup.h"

#include "dnsservice.h"
#include "notifier.h"
#include "zonetransferservice.h"

namespace reg::dns {

TransferSetup::~TransferSetup() = default;

Result<std::unique_ptr<TransferSetup>> TransferSetup::attach(DnsService &service, const EngineConfig &config, const Clock &clock)
{
    Result<std::shared_ptr<const TsigKeyring>> keyring = ZoneTransfers::loadKeyring(config.dns);
    if (!keyring)
        return keyring.error().withContext(QStringLiteral("DNS transfers: "));
    std::unique_ptr<TransferSetup> setup(new TransferSetup);
    setup->m_keyring = *keyring;
    service.setTsigKeyring(setup->m_keyring);   // signed ordinary queries get signed answers too
    service.setTransferService(std::make_shared<ZoneTransfers>(config.dns, setup->m_keyring, clock));

    if (!config.dns.notifyTargets.isEmpty()) {
        setup->m_notifier = std::make_unique<Notifier>(config.dns, setup->m_keyring, service.publisher(), clock);
        if (!setup->m_notifier->start())
            return Error(ErrorCode::Unavailable, QStringLiteral("DNS NOTIFY: cannot open a UDP socket"));
        // The updater publishes on its own thread; NOTIFY goes out from this one.
        QObject::connect(&service.updater(), &ZoneUpdater::published, setup->m_notifier.get(), &Notifier::notify, Qt::QueuedConnection);
        const Notifier *notifier = setup->m_notifier.get();
        service.addStatisticsSource([notifier](DnsStatisticsSnapshot &s) { notifier->addCounters(s); });
    }
    return setup;
}

} // namespace reg::dns
