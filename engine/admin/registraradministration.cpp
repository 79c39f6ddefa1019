#include "registraradministration.h"

#include "core/passwordhasher.h"
#include "core/passwordpolicy.h"
#include "srs/billing.h"
#include "srs/registrarlogin.h"
#include "store/connection.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QSslCertificate>

namespace reg::admin {
namespace {

using store::Connection;
using store::JournalChange;
using WorkResult = Result<std::optional<JournalChange>>;

Result<void> toVoid(const Result<store::CommitReceipt> &result)
{
    if (!result)
        return result.error();
    return success();
}

Result<void> requireRegistrar(Connection &c, const QString &registrarId)
{
    Result<QVariant> found = c.queryValue(QStringLiteral("SELECT 1 FROM registrars WHERE id = ?1"), {registrarId});
    if (!found)
        return found.error();
    if (!found->isValid())
        return Error(ErrorCode::NotFound, QStringLiteral("no registrar %1").arg(registrarId));
    return success();
}

// The SRS refusals a payment can meet, in the engine's error codes.
Error fromRefusal(const srs::SrsError &error)
{
    switch (error.refusal) {
    case srs::Refusal::NotFound: return Error(ErrorCode::NotFound, error.message);
    case srs::Refusal::MissingParameter:
    case srs::Refusal::SyntaxError:
    case srs::Refusal::RangeError:
    case srs::Refusal::PolicyError: return Error(ErrorCode::InvalidInput, error.message);
    default: return Error(ErrorCode::Internal, error.message);
    }
}

} // namespace

RegistrarAdministration::RegistrarAdministration(store::Store &store, const Clock &clock)
    : m_store(store), m_clock(clock), m_login(std::make_unique<srs::RegistrarLogin>(store, clock))
{
}

RegistrarAdministration::~RegistrarAdministration() = default;

Result<void> RegistrarAdministration::createRegistrar(const RegistrarAdminRequests::CreateRegistrar &r, const QString &actor)
{
    const Clock *clock = &m_clock;
    return toVoid(m_store.writer().submitAndWait([r, actor, clock](Connection &c) -> WorkResult {
        Result<QVariant> exists = c.queryValue(QStringLiteral("SELECT 1 FROM registrars WHERE id = ?1"), {r.id});
        if (!exists)
            return exists.error();
        if (exists->isValid())
            return Error(ErrorCode::Conflict, QStringLiteral("a registrar %1 already exists").arg(r.id));
        const QVariant ianaId = r.ianaId ? QVariant(*r.ianaId) : QVariant();
        if (auto e = c.execute(QStringLiteral("INSERT INTO registrars (id, name, iana_id, email, phone, url, status, balance_cents, "
                                              "credit_limit_cents, low_balance_cents, created_at, whois_server, web_whois_url, rdap_base_url) "
                                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'ok', 0, ?7, ?8, ?9, ?10, ?11, ?12)"),
                               {r.id, r.name, ianaId, r.email, r.phone, r.url, r.creditLimitCents, r.lowBalanceCents,
                                clock->now().toMSecsSinceEpoch(), r.whoisServer, r.webWhoisUrl, r.rdapBaseUrl});
            !e)
            return e.error();
        // The same data as the demo seeder's "registrar.create", so a replica replays both alike.
        return std::optional<JournalChange>(JournalChange{
            actor, QStringLiteral("registrar.create"), r.id,
            QJsonObject{{QStringLiteral("name"), r.name},
                        {QStringLiteral("ianaId"), r.ianaId ? QJsonValue(double(*r.ianaId)) : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("email"), r.email}, {QStringLiteral("phone"), r.phone}, {QStringLiteral("url"), r.url},
                        {QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("balanceCents"), 0},
                        {QStringLiteral("creditLimitCents"), double(r.creditLimitCents)},
                        {QStringLiteral("lowBalanceCents"), double(r.lowBalanceCents)},
                        {QStringLiteral("whoisServer"), r.whoisServer}, {QStringLiteral("webWhoisUrl"), r.webWhoisUrl},
                        {QStringLiteral("rdapBaseUrl"), r.rdapBaseUrl}}});
    }));
}

Result<void> RegistrarAdministration::updateAccount(const QString &registrarId, const RegistrarAdminRequests::AccountUpdate &update,
                                                    const QString &actor)
{
    return toVoid(m_store.writer().submitAndWait([registrarId, update, actor](Connection &c) -> WorkResult {
        if (auto r = requireRegistrar(c, registrarId); !r)
            return r.error();
        QJsonObject changed;
        if (update.creditLimitCents) {
            if (auto e = c.execute(QStringLiteral("UPDATE registrars SET credit_limit_cents = ?2 WHERE id = ?1"),
                                   {registrarId, *update.creditLimitCents});
                !e)
                return e.error();
            changed.insert(QStringLiteral("creditLimitCents"), double(*update.creditLimitCents));
        }
        if (update.lowBalanceCents) {
            // A new threshold starts a new watch: the next fall below it sends a poll message again.
            if (auto e = c.execute(QStringLiteral("UPDATE registrars SET low_balance_cents = ?2, low_balance_notified = 0 WHERE id = ?1"),
                                   {registrarId, *update.lowBalanceCents});
                !e)
                return e.error();
            changed.insert(QStringLiteral("lowBalanceCents"), double(*update.lowBalanceCents));
        }
        if (update.whoisServer) {
            if (auto e = c.execute(QStringLiteral("UPDATE registrars SET whois_server = ?2 WHERE id = ?1"), {registrarId, *update.whoisServer});
                !e)
                return e.error();
            changed.insert(QStringLiteral("whoisServer"), *update.whoisServer);
        }
        if (update.webWhoisUrl) {
            if (auto e = c.execute(QStringLiteral("UPDATE registrars SET web_whois_url = ?2 WHERE id = ?1"), {registrarId, *update.webWhoisUrl});
                !e)
                return e.error();
            changed.insert(QStringLiteral("webWhoisUrl"), *update.webWhoisUrl);
        }
        if (update.rdapBaseUrl) {
            if (auto e = c.execute(QStringLiteral("UPDATE registrars SET rdap_base_url = ?2 WHERE id = ?1"), {registrarId, *update.rdapBaseUrl});
                !e)
                return e.error();
            changed.insert(QStringLiteral("rdapBaseUrl"), *update.rdapBaseUrl);
        }
        return std::optional<JournalChange>(JournalChange{actor, QStringLiteral("registrar.update"), registrarId, changed});
    }));
}

Result<qint64> RegistrarAdministration::recordPayment(const QString &registrarId, const RegistrarAdminRequests::Payment &payment,
                                                      const QString &actor)
{
    auto balanceAfter = std::make_shared<qint64>(0);
    const Clock *clock = &m_clock;
    Result<void> done = toVoid(m_store.writer().submitAndWait([=](Connection &c) -> WorkResult {
        srs::RequestContext ctx;
        ctx.clock = clock;
        srs::SrsOutcome<srs::Charge> credited =
            srs::Billing::credit(c, ctx, registrarId, payment.amountCents, QStringLiteral("payment"), payment.description);
        if (!credited)
            return fromRefusal(credited.error());
        *balanceAfter = credited->balanceCents;
        return std::optional<JournalChange>(JournalChange{
            actor, QStringLiteral("registrar.payment"), registrarId,
            QJsonObject{{QStringLiteral("amountCents"), double(payment.amountCents)},
                        {QStringLiteral("balanceCents"), double(credited->balanceCents)},
                        {QStringLiteral("description"), payment.description}}});
    }));
    if (!done)
        return done.error();
    return *balanceAfter;
}

Result<QString> RegistrarAdministration::createUser(const QString &registrarId, const QString &userId, const QString &actor)
{
    // generatePassword() satisfies the policy; the check guards against a future generator change
    // handing out a password the login would later refuse.
    QString password;
    for (int attempt = 0; attempt < 8 && password.isEmpty(); ++attempt) {
        QString candidate = PasswordHasher::generatePassword(generatedPasswordLength);
        if (PasswordPolicy::checkStrength(candidate))
            password = std::move(candidate);
    }
    if (password.isEmpty())
        return Error(ErrorCode::Internal, QStringLiteral("could not generate a password that satisfies the policy"));
    if (auto r = m_login->createUser(registrarId, userId, password, actor); !r)
        return r.error();
    return password;
}

Result<void> RegistrarAdministration::unlockUser(const QString &registrarId, const QString &userId, const QString &actor)
{
    Result<std::unique_ptr<Connection>> reader = m_store.openReader();
    if (!reader)
        return reader.error();
    Result<QVariant> owner = (*reader)->queryValue(QStringLiteral("SELECT registrar_id FROM registrar_users WHERE id = ?1"), {userId});
    if (!owner)
        return owner.error();
    // Another registrar's user is as unknown here as a user that does not exist.
    if (!owner->isValid() || owner->toString() != registrarId)
        return Error(ErrorCode::NotFound, QStringLiteral("%1 has no user %2").arg(registrarId, userId));
    return m_login->unlockUser(userId, actor);
}

Result<QString> RegistrarAdministration::bindCertificate(const QString &registrarId, const QByteArray &pem, const QString &actor)
{
    if (auto r = m_login->bindCertificate(registrarId, pem, actor); !r)
        return r.error();
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty())
        return Error(ErrorCode::Internal, QStringLiteral("the bound certificate could not be read back"));
    return QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex());
}

Result<void> RegistrarAdministration::addAddress(const QString &registrarId, const QHostAddress &address, const QString &actor)
{
    return m_login->addAddress(registrarId, address, actor);
}

Result<void> RegistrarAdministration::removeAddress(const QString &registrarId, const QHostAddress &address, const QString &actor)
{
    return m_login->removeAddress(registrarId, address, actor);
}

} // namespace reg::admin
