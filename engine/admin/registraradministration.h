#pragma once

#include "registraradminrequests.h"

#include "core/clock.h"
#include "core/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <memory>

namespace reg::store {
class Store;
} // namespace reg::store

namespace reg::srs {
class RegistrarLogin;
} // namespace reg::srs

namespace reg::admin {

// Onboarding and account administration of registrars by the registry operator (the management
// API's write endpoints): accounts, XRP users, client certificates, allowed addresses, payments
// and account limits. Every change is one write transaction with one journal entry; nothing secret
// goes into the journal (a user's password is generated here, returned once and stored only
// hashed). Blocking: call from one worker thread, never from the event loop (it keeps a read
// connection for that thread through srs::RegistrarLogin).
class RegistrarAdministration
{
public:
    // The password length of generated registrar users: EPP's pwType allows at most 16 characters.
    static constexpr int generatedPasswordLength = 16;

    RegistrarAdministration(store::Store &store, const Clock &clock);
    ~RegistrarAdministration();
    RegistrarAdministration(const RegistrarAdministration &) = delete;
    RegistrarAdministration &operator=(const RegistrarAdministration &) = delete;

    // Conflict when the id is taken. Journal "registrar.create".
    Result<void> createRegistrar(const RegistrarAdminRequests::CreateRegistrar &registrar, const QString &actor);
    // Journal "registrar.update" with the changed values; NotFound for an unknown registrar.
    Result<void> updateAccount(const QString &registrarId, const RegistrarAdminRequests::AccountUpdate &update,
                               const QString &actor);
    // A payment into the registrar's account: a ledger row (operation "payment"), journal
    // "registrar.payment". Returns the balance after it.
    Result<qint64> recordPayment(const QString &registrarId, const RegistrarAdminRequests::Payment &payment,
                                 const QString &actor);

    // Creates an XRP user with a generated password and returns that password (the only copy).
    Result<QString> createUser(const QString &registrarId, const QString &userId, const QString &actor);
    // NotFound unless the user belongs to the registrar.
    Result<void> unlockUser(const QString &registrarId, const QString &userId, const QString &actor);
    // Returns the certificate's SHA-256 fingerprint (lower-case hex).
    Result<QString> bindCertificate(const QString &registrarId, const QByteArray &pem, const QString &actor);
    Result<void> addAddress(const QString &registrarId, const QHostAddress &address, const QString &actor);
    Result<void> removeAddress(const QString &registrarId, const QHostAddress &address, const QString &actor);

private:
    store::Store &m_store;
    const Clock &m_clock;
    std::unique_ptr<srs::RegistrarLogin> m_login;
};

} // namespace reg::admin
