#!/usr/bin/env bash
# Builds Porthole's packages with the Tauri bundler: a .deb and an .rpm holding the binary (the UI embedded), a desktop
# entry and the icons in every size, with their dependencies declared (WebKitGTK 4.1, GTK 3). They land in
# $CARGO_TARGET_DIR/package/<release|debug>/bundle/{deb,rpm}/ and their paths are printed, one per line, on stdout.
#
#   scripts/package.sh           the `dist` build (release, linked whole, no symbols): what a user installs
#   scripts/package.sh --debug   the debug build the tests made (no release build): what the package test installs
#
# The bundler is tauri-cli from the npm registry (@tauri-apps/cli: a prebuilt binary, no compile), installed under the
# target folder. An AppImage is not made: the bundler downloads its tools (linuxdeploy) from GitHub, which is not a
# package registry.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/porthole-target}
log() { printf '[package] %s\n' "$*" >&2; }

profile=release
bundle_args=()
if [ "${1:-}" = "--debug" ]; then
  profile=debug
  bundle_args+=(--debug)
fi

# The bundler, pinned: the same 2.x line as the tauri crate in Cargo.lock.
cli_version=2.12.5
tools=$CARGO_TARGET_DIR/tools/tauri-cli
tauri=$tools/node_modules/.bin/tauri
if ! [ -x "$tauri" ] || ! "$tauri" --version | grep -qx "tauri-cli $cli_version"; then
  log "installing tauri-cli $cli_version from npm"
  npm install --prefix "$tools" --no-audit --no-fund --silent "@tauri-apps/cli@$cli_version" >&2
fi

if [ "$profile" = release ]; then
  (cd ui && trunk build --release) >&2
  cargo build --profile dist -p porthole >&2
  built=$CARGO_TARGET_DIR/dist/porthole
else
  [ -f ui/dist/index.html ] || (cd ui && trunk build) >&2
  cargo build -p porthole >&2
  built=$CARGO_TARGET_DIR/debug/porthole
fi

# The bundler packs $CARGO_TARGET_DIR/<release|debug>/porthole and writes its bundle type into it: it is given a
# copy in a folder of its own, so cargo's builds (which the tests and benchmarks run) stay as cargo made them.
stage=$CARGO_TARGET_DIR/package
rm -rf "${stage:?}/$profile"
mkdir -p "$stage/$profile"
cp "$built" "$stage/$profile/porthole"

# The bundler reads its settings from the folder of the crate it packages (src-tauri); the project keeps them at the
# top (tauri.conf.json, which the build reads too). A link there for the bundler's run only, and the icons' paths
# given from there.
link=src-tauri/tauri.conf.json
if { [ -e "$link" ] || [ -L "$link" ]; } && [ "$(readlink "$link" 2>/dev/null)" != ../tauri.conf.json ]; then
  log "$link exists and is not this script's link: leaving it and stopping"; exit 1
fi
ln -sfn ../tauri.conf.json "$link"
trap 'rm -f "$root/$link"' EXIT
icons=$(node -e 'const c = require(process.argv[1]);
  console.log(JSON.stringify({bundle: {icon: c.bundle.icon.map(p => "../" + p)}}))' "$root/tauri.conf.json")

(cd src-tauri && CI=true CARGO_TARGET_DIR=$stage "$tauri" bundle --bundles deb,rpm "${bundle_args[@]}" --config "$icons") >&2
ls "$stage/$profile/bundle/deb/"*.deb "$stage/$profile/bundle/rpm/"*.rpm
