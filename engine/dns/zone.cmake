# Zone snapshots, building them from the registry, keeping them current from the journal, export.
target_sources(registry_dns PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/zone.cpp ${CMAKE_CURRENT_LIST_DIR}/zone.h
  ${CMAKE_CURRENT_LIST_DIR}/zonecontent.cpp ${CMAKE_CURRENT_LIST_DIR}/zonecontent.h
  ${CMAKE_CURRENT_LIST_DIR}/zonesource.cpp ${CMAKE_CURRENT_LIST_DIR}/zonesource.h
  ${CMAKE_CURRENT_LIST_DIR}/zoneupdater.cpp ${CMAKE_CURRENT_LIST_DIR}/zoneupdater.h
  ${CMAKE_CURRENT_LIST_DIR}/masterfile.cpp ${CMAKE_CURRENT_LIST_DIR}/masterfile.h)
