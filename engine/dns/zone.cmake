# Zone snapshots, building them from the registry, keeping them current from the journal, export.
target_sources(registry_dns PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/zone.cpp ${CMAKE_CURRENT_LIST_DIR}/zone.h)
