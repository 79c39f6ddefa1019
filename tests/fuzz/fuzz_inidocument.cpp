// Fuzz target: the configuration parser and the typed configuration built from it. Any input must
// give either a document or an error, never a crash, hang or unbounded allocation.
#include "core/engineconfig.h"
#include "core/inidocument.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    reg::Result<reg::IniDocument> doc = reg::IniDocument::parse(input, QStringLiteral("fuzz.conf"));
    if (doc.ok())
        (void)reg::EngineConfig::fromDocument(*doc, QStringLiteral("/nonexistent"));
    return 0;
}
