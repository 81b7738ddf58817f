#!/usr/bin/env bash
# The whole test suite, from a clean clone: installs what is missing, checks formatting and lints (native and
# wasm), starts a private Docker engine, a registry with htpasswd auth and Xvfb, runs unit, engine-integration and
# end-to-end tests, and stops everything it started, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/setup.sh --test

# A target directory outside the clone, reused across clones when present (CI clones afresh each run).
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/porthole-target}
export CARGO_TERM_COLOR=never

echo "== formatting"
cargo fmt --all --check

echo "== UI (trunk, wasm)"
(cd ui && trunk build)

echo "== lints (native, then wasm)"
cargo clippy --workspace --exclude porthole-ui --all-targets -- -D warnings
cargo clippy -p porthole-ui -p porthole-model --target wasm32-unknown-unknown -- -D warnings

echo "== the UI's own unit tests (its pure parts, natively: no browser needed)"
cargo test -p porthole-ui

echo "== build the app"
cargo build -p porthole
cargo test --workspace --exclude porthole-ui --no-run

echo "== the .deb of this build (e2e/tests/package.rs installs, launches and removes it)"
PORTHOLE_TEST_DEB=$(scripts/package.sh --debug | grep '\.deb$')
export PORTHOLE_TEST_DEB

echo "== test rig"
. scripts/with-rig.sh
export PORTHOLE_APP=$CARGO_TARGET_DIR/debug/porthole

echo "== tests"
cargo test --workspace --exclude porthole-ui

echo "== the shipped UI's size budget (release wasm)"
scripts/wasm-budget.sh
