#pragma once

#include "directoryviews.h"

#include "core/result.h"

#include <QDateTime>
#include <QHostAddress>
#include <QString>

#include <memory>
#include <optional>

namespace reg::store {
class Connection;
}

namespace reg::directory {

// The SQL behind Directory: builds the published views of domains, hosts and registrars from one
// read connection. Every function expects the caller to hold a read transaction (ReadSnapshot) so
// the pieces of one view come from one state. Stateless; runs on whichever thread borrowed the
// connection. Domain rows and their details come from the SRS read code (domainrepository.h), so
// Whois and RDAP show what XRP shows.
namespace reader {

// A domain as published, or nullptr. `validUntil` is set to the moment a time-bound part of the
// view (an RGP grace period running out) stops being true, so the cache does not keep it longer.
Result<std::shared_ptr<const DomainView>> domain(store::Connection &c, const QString &aceName, const QDateTime &now,
                                                 QDateTime *validUntil);
// What a host view depends on besides the host itself, added to *dependencies: "hd:<domain>" for
// each domain that delegates to it (its "linked" status) and for its superordinate domain (its
// sponsor), or "hd:*" when more than a few domains delegate to it.
Result<std::shared_ptr<const HostView>> host(store::Connection &c, const QString &aceName, QStringList *dependencies);
// The same for every host listed, plus "ha:<host>" for each.
Result<QList<std::shared_ptr<const HostView>>> hostsWithAddress(store::Connection &c, const QString &canonicalAddress,
                                                                int maxHosts, QStringList *dependencies);
// By client id, else by name (case-insensitive).
Result<std::optional<RegistrarView>> registrar(store::Connection &c, const QString &idOrName);
Result<QList<RegistrarView>> registrars(store::Connection &c, int maxRegistrars);
// A contact by its id (unique in the registry), with its statuses, or nullptr.
Result<std::shared_ptr<const ContactView>> contact(store::Connection &c, const QString &id);

// Names in [from, to) of the unique name index (never a table scan), in order, that `accept`
// keeps; stops after `wanted` accepted names or `maxScanned` rows, whichever comes first.
// Sets *exhausted when the range had no more rows.
enum class NameTable { Domains, Hosts };
Result<QStringList> namesInRange(store::Connection &c, NameTable table, const QString &from, const QString &to,
                                 const std::function<bool(QStringView)> &accept, int wanted, int maxScanned,
                                 bool *exhausted);

} // namespace reader
} // namespace reg::directory
