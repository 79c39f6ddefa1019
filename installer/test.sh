#!/usr/bin/env bash
# Installs the dependencies, builds everything and runs the whole test suite (unit, integration and
# UI tests; the bench and fuzz labels are left out). Exits non-zero if anything fails. Idempotent.
# .ci/run runs exactly this.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_deps
configure
build
log "Running the tests"
jobs="$(nproc 2>/dev/null || echo 2)"
as_user ctest --test-dir "$BUILD_DIR" --label-exclude 'bench|fuzz' --output-on-failure --parallel "$jobs" --no-tests=error
log "All tests passed"
