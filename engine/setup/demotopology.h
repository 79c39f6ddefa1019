#pragma once

#include "monitor/inventorytypes.h"

namespace reg::setup {

// The network of the demo registry (docs/monitoring.md, "Inventory and topology"): two SRS data
// centres (A, primary, and B, secondary) with border routers, firewalls, a core switch, a load
// balancer, registryd nodes, database and Whois servers, and four nameserver sites each behind an
// edge router and a firewall, hanging off the data centres' border routers. The parents are the
// real dependency tree (a firewall depends on its router, a server on its switch); links carry
// their interfaces and capacities. Management addresses are in 10.0.0.0/8 and unreachable, so
// those devices are not polled (SNMP settings present, device disabled); the registryd node
// "a-srs1" is this machine: SNMP v2c to 127.0.0.1:1161, community "demo-public", enabled, so a
// developer who starts snmpd there sees one live device. Deterministic.
namespace DemoTopology {
monitor::Topology generate();
} // namespace DemoTopology

} // namespace reg::setup
