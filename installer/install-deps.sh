#!/usr/bin/env bash
# Installs the Debian packages listed in installer/debian-packages.txt that are not installed yet.
# Idempotent: when everything is present it changes nothing and needs neither network nor root.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

mapfile -t packages < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$REPO_ROOT/installer/debian-packages.txt" | awk '{print $1}')
((${#packages[@]})) || die "installer/debian-packages.txt lists no packages"

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} == 0)); then
  log "All ${#packages[@]} Debian packages are installed"
  exit 0
fi

if [[ $EUID -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  die "installing ${missing[*]} needs root; run this script as root or install sudo"
fi
log "Installing ${#missing[@]} Debian packages: ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
