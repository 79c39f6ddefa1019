#pragma once

#include "registryrequests.h"

#include "core/result.h"

#include <QJsonObject>

#include <functional>
#include <memory>

namespace reg::store {
class Connection;
} // namespace reg::store

namespace reg::admin {

// The read side of the registry endpoints (/api/v1/registry/...): turns a parsed request into
// SQL on its own read connection and the answer into the contract's JSON. Every query is capped
// and uses an index of schema v2 (name/id uniques, ledger_registrar, xrp_audit_registrar); an
// object's detail is read inside one read transaction, so its parts belong to the same commit.
// Secrets never leave: authInfo and password hashes are not even selected.
// Not thread-safe: owned by ManagementServer and used only from its one registry worker thread.
class RegistryBrowser
{
public:
    explicit RegistryBrowser(std::unique_ptr<store::Connection> reader);
    ~RegistryBrowser();

    // {"type", "results": [...], "next": cursor or null}
    Result<QJsonObject> search(const RegistryRequests::Search &search);
    // NotFound when there is no such object.
    Result<QJsonObject> domain(const QString &name);
    Result<QJsonObject> host(const QString &name);
    Result<QJsonObject> contact(const QString &id);
    Result<QJsonObject> registrars();
    Result<QJsonObject> registrar(const QString &id);
    // Newest first: {"entries": [...], "next": before-id for the next page, or null}
    Result<QJsonObject> ledger(const QString &registrarId, const RegistryRequests::Page &page);
    Result<QJsonObject> xrpAudit(const QString &registrarId, const RegistryRequests::Page &page);

    static constexpr int maxRegistrars = 1000;
    static constexpr int maxLinkedObjects = 100;   // domains listed on a host, hosts under a domain

private:
    Result<QJsonObject> readDomain(const QString &name);
    Result<QJsonObject> readHost(const QString &name);
    Result<QJsonObject> readContact(const QString &id);
    Result<QJsonObject> readRegistrar(const QString &id);
    Result<bool> registrarExists(const QString &id);
    // A newest-first page of one registrar's rows: `sql` takes (registrar, before id, limit).
    Result<QJsonObject> registrarPage(const QString &registrarId, const RegistryRequests::Page &page, const QString &sql,
                                      const std::function<QJsonObject(const QVariantList &)> &toJson);
    // Runs read inside BEGIN ... COMMIT so a detail is one snapshot.
    template<typename Read>
    Result<QJsonObject> inSnapshot(Read read);

    std::unique_ptr<store::Connection> m_reader;
};

} // namespace reg::admin
