#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace reg::srs {

// Why the registry refused a command, in the registry's own terms. Each front-end maps these to its
// protocol in one place (the XRP port to RFC 5730 result codes, the management API to HTTP).
enum class Refusal {
    MissingParameter,          // a required value is absent                                    (EPP 2003)
    SyntaxError,               // a value does not have the required form                       (2005)
    RangeError,                // a value is outside the allowed range                          (2004)
    PolicyError,               // allowed by the protocol, not by this registry's policy        (2306)
    UnimplementedOption,       // a protocol option this registry does not offer                (2102)
    NotFound,                  // no such object (or not visible to the caller)                 (2303)
    Exists,                    // the object already exists                                     (2302)
    AuthorizationError,        // the caller may not do this to this object (not its sponsor)   (2201)
    InvalidAuthInfo,           // the authorization information does not match                  (2202)
    StatusProhibits,           // a status of the object forbids the command                    (2304)
    AssociationProhibits,      // a link to another object forbids the command (linked host)    (2305)
    PendingTransfer,           // a transfer is pending                                         (2300)
    NotPendingTransfer,        // no transfer is pending                                        (2301)
    NotEligibleForRenewal,     //                                                               (2105)
    NotEligibleForTransfer,    //                                                               (2106)
    BillingFailure,            // the charge would pass the registrar's credit limit            (2104)
    DataManagementPolicy,      // e.g. a restore report that does not satisfy the policy        (2308)
    CommandFailed,             // an internal failure; the message says nothing internal        (2400)
};

// A refusal with a message for the client (never secrets or internals) and, when one input value
// caused it, which element and value that was (EPP <extValue>).
struct SrsError
{
    Refusal refusal = Refusal::CommandFailed;
    QString message;
    QString field;   // the element the value came from, e.g. "domain:name"; empty when none
    QString value;   // the offending value as the client sent it (cut to 64 characters by the writer)

    SrsError() = default;
    SrsError(Refusal r, QString m, QString f = {}, QString v = {})
        : refusal(r), message(std::move(m)), field(std::move(f)), value(std::move(v)) {}
};

// The name of a refusal for logs and the management API ("NotFound").
const char *refusalName(Refusal refusal);

// A value or a refusal: what every SRS command returns.
template<typename T>
class [[nodiscard]] SrsOutcome
{
public:
    SrsOutcome(const T &value) : m_data(value) {}
    SrsOutcome(T &&value) : m_data(std::move(value)) {}
    SrsOutcome(SrsError error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &std::get<T>(m_data); }
    T *operator->() { return &std::get<T>(m_data); }
    const SrsError &error() const { return std::get<SrsError>(m_data); }

private:
    std::variant<T, SrsError> m_data;
};

struct Done {};   // the value of an outcome that carries nothing but success

} // namespace reg::srs
