// Fuzz target: everything the XRP dispatcher does to a command before the SRS sees it (routing,
// the object codecs, the extension codecs). Any input must either pass or be refused with one of
// the parse-time result codes and a short, non-empty message (it goes into the response and the
// audit log).
#include "unit/xrp/commandtesthelpers.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto parsed = testing::parseCommand(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!parsed->parseError.isEmpty() || !parsed->command.action)
        return 0;
    const std::optional<reg::xrp::EppError> error = testing::parseThrough(parsed->command);
    if (!error)
        return 0;
    using reg::xrp::EppResult;
    switch (error->result) {
    case EppResult::UnknownCommand:
    case EppResult::CommandSyntaxError:
    case EppResult::CommandUseError:
    case EppResult::RequiredParameterMissing:
    case EppResult::ParameterValueRangeError:
    case EppResult::ParameterValueSyntaxError:
    case EppResult::UnimplementedCommand:
    case EppResult::UnimplementedOption:
    case EppResult::UnimplementedExtension:
    case EppResult::ParameterValuePolicyError:
    case EppResult::UnimplementedObjectService:
        break;
    default:
        std::abort();
    }
    if (error->message.isEmpty() || error->message.size() > 400)
        std::abort();
    return 0;
}
