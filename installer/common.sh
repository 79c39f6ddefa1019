# Shared by install-deps.sh, demo.sh and test.sh; sourced, not run.
#
# The scripts work from any directory, as a normal user (with sudo for apt-get), as root, or under
# sudo. Under sudo, everything except apt-get runs as the invoking user, so the checkout, the build
# directory and the demo data never end up owned by root.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${REGISTRY_BUILD_DIR:-$REPO_ROOT/build}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as the user who invoked sudo (or as ourselves when not under sudo).
as_user() {
  if [[ $EUID -eq 0 && -n "${SUDO_USER:-}" && "${SUDO_USER}" != root ]]; then
    sudo -u "$SUDO_USER" --preserve-env=DISPLAY,WAYLAND_DISPLAY,XAUTHORITY,XDG_RUNTIME_DIR,QT_QPA_PLATFORM,REGISTRY_BUILD_DIR -- "$@"
  else
    "$@"
  fi
}

install_deps() {
  bash "$REPO_ROOT/installer/install-deps.sh"
}

configure() {
  if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
    log "Configuring $BUILD_DIR"
    as_user cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
  fi
}

build() {
  log "Building ${*:-everything}"
  if (($#)); then
    as_user cmake --build "$BUILD_DIR" --target "$@"
  else
    as_user cmake --build "$BUILD_DIR"
  fi
}
