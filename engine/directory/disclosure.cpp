#include "disclosure.h"

namespace reg::directory {

ContactDisclosure ContactDisclosure::forLevel(srs::PrivacyLevel level)
{
    switch (level) {
    case srs::PrivacyLevel::Unrestricted:
        return {true, true, true, true, true, true};
    case srs::PrivacyLevel::Restricted:
        return {true, true, true, false, false, false};
    case srs::PrivacyLevel::Private:
        break;
    }
    return {};
}

} // namespace reg::directory
