#pragma once

#include "inventorytypes.h"

#include "core/result.h"

#include <QByteArray>

namespace reg::monitor {

// The topology import file (docs/monitoring.md, "The import file"): one JSON document with the
// sites, devices (SNMP settings and secrets included) and links of a network, loaded in one
// transaction by Inventory::importTopology(). JSON because the API already speaks it and its
// objects are exactly the API's, so one decoder serves both; a syntax error names its line and
// column, a bad value its path ("devices[3].snmp.community: ..."). Hostile input: size and
// counts are capped before anything is decoded. Pure functions, any thread; fuzzed by
// tests/fuzz/fuzz_topologyimport.cpp.
struct TopologyImportFile
{
    static constexpr qsizetype maxBytes = 4 * 1024 * 1024;
    static constexpr int maxSites = 256;
    static constexpr int maxDevices = 10000;
    static constexpr int maxLinks = 20000;
    static constexpr int formatVersion = 1;

    Topology topology;
    bool replace = false;      // empty the inventory first (in the same transaction)

    static Result<TopologyImportFile> parse(const QByteArray &data);
};

struct ImportSummary
{
    int sites = 0;
    int devices = 0;
    int links = 0;
};

} // namespace reg::monitor
