# The inventory and topology (docs/monitoring.md, "Inventory and topology"): sites, devices with
# their SNMP settings (secrets sealed by the SecretBox), dependencies, interfaces, links, the map
# layout, and the topology import file.
list(APPEND MONITOR_SOURCES
  inventory.cpp inventory.h
  inventoryjson.cpp inventoryjson.h
  inventoryrows.cpp inventoryrows.h
  inventorytypes.cpp inventorytypes.h
  secretbox.cpp secretbox.h
  topologyimport.cpp topologyimport.h)
list(APPEND MONITOR_PUBLIC registry_store OpenSSL::Crypto)
