# registry_add_test(tst_name SOURCES ... LIBS ... LABEL unit|integration|ui|bench|fuzz [TIMEOUT s] [XVFB])
# XVFB runs the test under xvfb-run with the xcb platform (for screenshots); otherwise offscreen.
#
# Every test goes through here so it carries a label and a time-out. The default test command
# excludes the bench and fuzz labels (see installer/test.sh).
set(REGISTRY_TEST_LABELS unit integration ui bench fuzz)

function(registry_add_test name)
  cmake_parse_arguments(ARG "XVFB" "LABEL;TIMEOUT" "SOURCES;LIBS;ARGS;ENVIRONMENT" ${ARGN})
  if(NOT ARG_LABEL IN_LIST REGISTRY_TEST_LABELS)
    message(FATAL_ERROR "registry_add_test(${name}): LABEL must be one of ${REGISTRY_TEST_LABELS}")
  endif()
  if(NOT ARG_TIMEOUT)
    if(ARG_LABEL STREQUAL "unit")
      set(ARG_TIMEOUT 60)
    else()
      set(ARG_TIMEOUT 300)
    endif()
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test registry_warnings ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  if(ARG_XVFB)
    add_test(NAME ${name} COMMAND xvfb-run -a -s "-screen 0 1600x1000x24" $<TARGET_FILE:${name}> ${ARG_ARGS})
    set(platform xcb)
  else()
    add_test(NAME ${name} COMMAND ${name} ${ARG_ARGS})
    set(platform offscreen)
  endif()
  set(env "QT_QPA_PLATFORM=${platform}"
          "REGISTRY_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
          "REGISTRY_BINARY_DIR=${PROJECT_BINARY_DIR}"
          ${ARG_ENVIRONMENT})
  if(TARGET registryd)
    list(APPEND env "REGISTRYD_BINARY=$<TARGET_FILE:registryd>")
  endif()
  set_tests_properties(${name} PROPERTIES LABELS ${ARG_LABEL} TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "${env}")
endfunction()

# registry_add_fuzz_target(fuzz_name SOURCES ... LIBS ...)
#
# A fuzz target defines LLVMFuzzerTestOneInput. With clang and REGISTRY_FUZZ_WITH_LIBFUZZER it links
# libFuzzer; otherwise it links a replay driver that feeds every file of its corpus, so the target is
# always compiled and its corpus can be replayed (label fuzz, not run by default).
function(registry_add_fuzz_target name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE registry_warnings ${ARG_LIBS})
  if(REGISTRY_FUZZ_WITH_LIBFUZZER)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  else()
    target_sources(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/fuzz/replaydriver.cpp)
  endif()
  set(corpus ${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/${name})
  add_test(NAME ${name} COMMAND ${name} ${corpus})
  set_tests_properties(${name} PROPERTIES LABELS fuzz TIMEOUT 600)
endfunction()
