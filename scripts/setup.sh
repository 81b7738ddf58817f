#!/usr/bin/env bash
# Installs what Porthole needs to build, run and test, skipping what is already there. Debian 12 / Ubuntu, as root
# or with sudo. Nothing is downloaded from outside the package registries (apt, crates.io, npm; PyPI for the tests'
# Compose v2 plugin, scripts/compose-plugin.sh).
#
#   scripts/setup.sh          build + run: system libraries, a Docker engine, the wasm target, trunk, wasm-bindgen,
#                             Node.js and npm (for the packages' bundler)
#   scripts/setup.sh --test   also what the tests need: registry, Xvfb, WebKitWebDriver, tauri-driver
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=false
[ "${1:-}" = "--test" ] && with_tests=true

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
log() { printf '[setup] %s\n' "$*" >&2; }

packages=(build-essential pkg-config file curl iproute2 libwebkit2gtk-4.1-dev libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev busybox-static wabt)
# openssl makes the TLS engine's certificates; openssh-client is the ssh of the SSH engine tests (its server is
# only unpacked by the rig, never installed); podman serves the Docker API for the Podman tests, from the rig's own
# storage and settings (scripts/rig-podman.sh). dunst, on a session bus of the test's own (dbus-daemon), is the
# notification service the notification test clicks through; dbus-monitor (dbus-bin) reads what was sent to it.
$with_tests && packages+=(docker-registry apache2-utils xvfb webkit2gtk-driver imagemagick python3 openssl openssh-client podman
  dunst dbus-daemon dbus-bin)

# The packages' bundler (tauri-cli, scripts/package.sh) comes from the npm registry and runs on Node.js: Debian's,
# where no node and npm are installed (a Node.js of the user's own, with its npm, is used as it is).
command -v npm >/dev/null && command -v node >/dev/null || packages+=(nodejs npm)

# A Docker engine only where none is: a dockerd already here, or Docker's or Podman's packages (docker-ce,
# containerd.io, …: their files conflict with docker.io's and apt would remove them), are never replaced. A docker CLI
# that is no package (a binary in /usr/local/bin, as on some machines) is left as it is: docker.io installs its
# engine beside it, and the user's CLI stays first on PATH.
has_engine() {
  command -v dockerd >/dev/null && return 0
  local package
  for package in docker-ce docker-ce-cli containerd.io moby-engine moby-cli docker.io podman-docker; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" && return 0
  done
  return 1
}
if has_engine; then
  log "a Docker engine or Docker's packages are installed: leaving them as they are"
  command -v dockerd >/dev/null || log "no dockerd here: the tests' private engine needs one (Docker's docker-ce has it)"
else
  packages+=(docker.io)
fi

# The Compose tool Porthole drives: the `docker compose` plugin when the user has it, else Debian's standalone
# docker-compose (1.29), the one a package registry offers here. The tests drive both, so they always get 1.29.
if $with_tests || { ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; }; then
  packages+=(docker-compose)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  $SUDO apt-get update -q
  # apt's own output is shown: what it installs (and would remove) is the user's to see.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends --no-remove "${missing[@]}"
fi

# Debian starts no daemons in containers/CI; make sure the packaged engine did not grab the default socket name
# for a half-started service (no systemd here): nothing to do, rig.sh starts engines explicitly.

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32 target"; rustup target add wasm32-unknown-unknown
fi

installed() { cargo install --list | grep -q "^$1 v$2:"; }

# trunk 0.22 needs a newer rustc than Debian-era toolchains; 0.21 works offline with the settings in ui/Trunk.toml.
if ! command -v trunk >/dev/null || ! trunk --version | grep -q '^trunk 0\.21\.'; then
  log "installing trunk 0.21 (a few minutes)"; cargo install trunk --version '~0.21' --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly; its own lock names a crate the registry may
# lack, hence no --locked.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! installed wasm-bindgen-cli "$wbg"; then
  log "installing wasm-bindgen-cli $wbg"; cargo install wasm-bindgen-cli --version "$wbg"
fi
if ! grep -q "wasm_bindgen = \"$wbg\"" ui/Trunk.toml; then
  log "ui/Trunk.toml names another wasm-bindgen than Cargo.lock ($wbg): update [tools] wasm_bindgen"; exit 1
fi

# The terminal emulator for the UI (xterm.js), from the npm registry, checked by hash.
scripts/vendor.sh

# The Compose v2 plugin for the tests (the rig links it into its own client config; nothing else sees it).
if $with_tests; then scripts/compose-plugin.sh >/dev/null; fi

if $with_tests && ! command -v tauri-driver >/dev/null; then
  log "installing tauri-driver"; cargo install tauri-driver --locked
fi
log "ready"
