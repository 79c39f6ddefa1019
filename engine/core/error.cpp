#include "error.h"

namespace reg {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput: return "invalid_input";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::Conflict: return "conflict";
    case ErrorCode::Unauthenticated: return "unauthenticated";
    case ErrorCode::Forbidden: return "forbidden";
    case ErrorCode::Locked: return "locked";
    case ErrorCode::TooLarge: return "too_large";
    case ErrorCode::Unavailable: return "unavailable";
    case ErrorCode::Timeout: return "timeout";
    case ErrorCode::Corrupt: return "corrupt";
    case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

} // namespace reg
