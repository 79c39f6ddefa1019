#include "clock.h"

namespace reg {

SystemClock &SystemClock::instance()
{
    static SystemClock clock;
    return clock;
}

} // namespace reg
