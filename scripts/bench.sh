#!/usr/bin/env bash
# The benchmark command: figures for docs/benchmarks.md, measured against the raw Engine API and the docker CLI on
# this machine. Starts the test rig and Xvfb, builds the release app, runs e2e/src/bin/bench.rs, stops everything.
# `scripts/bench.sh` measures every section but Swarm, Packages, the UI module and Files; `scripts/bench.sh main` rows
# a-j only; `scripts/bench.sh compose|engines|files|swarm|wasm` that section only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/setup.sh --test
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/porthole-target}

(cd ui && trunk build --release)
cargo build --release -p porthole -p porthole-e2e -p porthole-empty-window

. scripts/with-rig.sh
export PORTHOLE_APP=$CARGO_TARGET_DIR/release/porthole
"$CARGO_TARGET_DIR/release/bench" "${1:-1000}"
