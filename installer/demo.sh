#!/usr/bin/env bash
# Installs the dependencies, builds registryd and noc-console, initialises a demo registry in
# ./demo-data (only if it does not exist yet) and starts registryd in the background. With a display
# it also starts noc-console connected to it; without one it prints how to connect.
# Idempotent: a second run reuses the build and the data and does not start a second engine.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DATA_DIR="${REGISTRY_DEMO_DIR:-$REPO_ROOT/demo-data}"
READY="$DATA_DIR/run/ready.json"
LOG="$DATA_DIR/registryd.log"

install_deps
configure
targets=(registryd xrp-client)
if as_user cmake --build "$BUILD_DIR" --target help 2>/dev/null | grep -q '^noc-console:'; then
  targets+=(noc-console)
fi
build "${targets[@]}"
REGISTRYD="$BUILD_DIR/engine/daemon/registryd"
CONSOLE="$BUILD_DIR/console/ui/noc-console"
XRP_CLIENT="$BUILD_DIR/tools/xrp-client/xrp-client"

if [[ ! -e "$DATA_DIR" ]]; then
  log "Initialising the demo registry in $DATA_DIR"
  as_user "$REGISTRYD" init --data-dir "$DATA_DIR" --demo
fi
[[ -f "$DATA_DIR/registryd.conf" ]] || die "$DATA_DIR exists but holds no registryd.conf; move it away and run this again"

engine_pid() {
  # ready.json exists only while an engine runs; a crashed engine's file names a dead pid.
  [[ -f "$READY" ]] || return 1
  local pid
  pid="$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' "$READY")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

if pid="$(engine_pid)"; then
  log "registryd is already running (pid $pid)"
else
  log "Starting registryd (log: $LOG)"
  as_user bash -c 'nohup "$1" run --data-dir "$2" >>"$3" 2>&1 </dev/null & disown' _ "$REGISTRYD" "$DATA_DIR" "$LOG"
  for _ in $(seq 1 300); do
    pid="$(engine_pid)" && break
    sleep 0.1
  done
  if [[ -z "${pid:-}" ]]; then
    tail -n 20 "$LOG" >&2 || true
    die "registryd did not become ready; see $LOG"
  fi
fi

management="$(sed -n 's/.*"management":"\([^"]*\)".*/\1/p' "$READY")"
url="https://$management"
ca="$DATA_DIR/pki/ca.crt"
password_file="$DATA_DIR/admin-password"

cat <<INFO

registryd is running (pid $pid); stop it with: kill $pid
  management API  $url   (see docs/management-api.md)
  CA certificate  $ca
  user            admin
  password        in $password_file (mode 0600)
INFO

xrp="$(sed -n 's/.*"xrp":"\([^"]*\)".*/\1/p' "$READY")"
if [[ -n "$xrp" ]]; then
  first_registrar="$(ls "$DATA_DIR/registrars" | head -n 1)"
  cat <<INFO
  XRP port (EPP)  $xrp   (registrars' certificates and credentials in $DATA_DIR/registrars/)
  try:            $XRP_CLIENT --data-dir $DATA_DIR --registrar-dir $DATA_DIR/registrars/$first_registrar check acme.example
INFO
fi

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -x "$CONSOLE" ]]; then
  log "Starting noc-console"
  as_user bash -c 'nohup "$1" --connect "$2" --ca "$3" --user admin --password-file "$4" >/dev/null 2>&1 </dev/null & disown' \
    _ "$CONSOLE" "$url" "$ca" "$password_file"
else
  cat <<INFO

No display found, so noc-console was not started. To connect from a desktop:
  on this machine:     $CONSOLE --connect $url --ca $ca --user admin --password-file $password_file
  from another host:   ssh -L 9443:$management <user>@$(hostname -f 2>/dev/null || hostname)
                       then connect noc-console to https://127.0.0.1:9443 with a copy of $ca,
                       or choose "SSH tunnel" in its connection dialog to let it open the tunnel itself.
INFO
fi
