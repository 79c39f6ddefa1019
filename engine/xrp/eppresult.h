#pragma once

#include <QLatin1StringView>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace reg::xrp {

// The result codes of RFC 5730 section 3. Every refusal the XRP port sends is one of these; the
// mapping from a failure to its code is decided where the failure is detected and carried in
// EppError, so the session never has to guess from a message.
enum class EppResult : int {
    Success = 1000,
    SuccessActionPending = 1001,
    SuccessNoMessages = 1300,
    SuccessAckToDequeue = 1301,
    SuccessEndingSession = 1500,

    UnknownCommand = 2000,
    CommandSyntaxError = 2001,
    CommandUseError = 2002,
    RequiredParameterMissing = 2003,
    ParameterValueRangeError = 2004,
    ParameterValueSyntaxError = 2005,
    UnimplementedProtocolVersion = 2100,
    UnimplementedCommand = 2101,
    UnimplementedOption = 2102,
    UnimplementedExtension = 2103,
    BillingFailure = 2104,
    ObjectNotEligibleForRenewal = 2105,
    ObjectNotEligibleForTransfer = 2106,
    AuthenticationError = 2200,
    AuthorizationError = 2201,
    InvalidAuthorizationInformation = 2202,
    ObjectPendingTransfer = 2300,
    ObjectNotPendingTransfer = 2301,
    ObjectExists = 2302,
    ObjectDoesNotExist = 2303,
    ObjectStatusProhibitsOperation = 2304,
    ObjectAssociationProhibitsOperation = 2305,
    ParameterValuePolicyError = 2306,
    UnimplementedObjectService = 2307,
    DataManagementPolicyViolation = 2308,
    CommandFailed = 2400,
    CommandFailedClosingConnection = 2500,
    AuthenticationErrorClosingConnection = 2501,
    SessionLimitExceededClosingConnection = 2502,
};

// The text RFC 5730 gives for the code, which EPP clients show and log verbatim.
QLatin1StringView eppResultMessage(EppResult result);

// The enumerator for a numeric code, or nothing when RFC 5730 defines no such code.
std::optional<EppResult> eppResultFromCode(int code);

inline int eppResultCode(EppResult result) { return int(result); }
inline bool isSuccess(EppResult result) { return int(result) < 2000; }
// 25xx: RFC 5730 requires the server to end the session after sending the response.
inline bool closesSession(EppResult result) { return int(result) >= 2500; }

// A refusal: the code to answer with and a message that says what was wrong with the input (it goes
// into <msg> or <reason>, so it never contains secrets or internal detail).
struct EppError
{
    EppResult result = EppResult::CommandFailed;
    QString message;
};

// Either a value or an EppError; the EPP counterpart of reg::Result for code that already knows
// the result code a failure maps to.
template<typename T>
class [[nodiscard]] EppOutcome
{
public:
    EppOutcome(const T &value) : m_data(value) {}
    EppOutcome(T &&value) : m_data(std::move(value)) {}
    EppOutcome(EppError error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &std::get<T>(m_data); }

    const EppError &error() const { return std::get<EppError>(m_data); }

private:
    std::variant<T, EppError> m_data;
};

} // namespace reg::xrp
