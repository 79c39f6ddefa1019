// Fuzz target: the topology import file (engine/monitor/topologyimport.cpp) and the inventory JSON
// decoders behind it. Any input must give a file or an error, never a crash, hang or unbounded
// allocation; a file that parses must encode back to JSON.
#include "monitor/inventoryjson.h"
#include "monitor/topologyimport.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    reg::Result<reg::monitor::TopologyImportFile> file = reg::monitor::TopologyImportFile::parse(input);
    if (file.ok())
        (void)reg::monitor::InventoryJson::toJson(file->topology);
    return 0;
}
