#include "monitor/snmppollresult.h"

namespace reg::monitor {

QString pollErrorName(PollError error)
{
    switch (error) {
    case PollError::None:
        return QStringLiteral("none");
    case PollError::Timeout:
        return QStringLiteral("timeout");
    case PollError::AuthenticationFailure:
        return QStringLiteral("authentication-failure");
    case PollError::Malformed:
        return QStringLiteral("malformed");
    case PollError::AgentError:
        return QStringLiteral("agent-error");
    case PollError::Transport:
        return QStringLiteral("transport");
    }
    return QStringLiteral("unknown");
}

} // namespace reg::monitor
