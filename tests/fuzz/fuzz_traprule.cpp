// Fuzz target: a configured trap rule and the numeric OID inside it. Any input gives a rule or an
// error, never a crash, a hang or an unbounded allocation; an accepted rule parses again unchanged.
#include "monitor/trapmapping.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString line = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)reg::monitor::normaliseNumericOid(line);
    const reg::Result<reg::monitor::TrapRule> rule = reg::monitor::parseTrapRule(line);
    if (rule) {
        const QString again = rule->trapOid + QStringLiteral(" raise ") + reg::monitor::trapSeverityName(rule->severity)
                              + QLatin1Char(' ') + rule->alarm;
        const auto reparsed = reg::monitor::parseTrapRule(again);
        if (!reparsed || reparsed->trapOid != rule->trapOid || reparsed->alarm != rule->alarm)
            std::abort();
    }
    return 0;
}
