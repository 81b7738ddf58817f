#!/usr/bin/env bash
# The benchmark command: figures for docs/benchmarks.md, measured against the raw Engine API and the docker CLI on
# this machine. Starts the test rig and Xvfb, builds the release app, runs e2e/src/bin/bench.rs, stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/setup.sh --test
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/porthole-target}

(cd ui && trunk build --release)
cargo build --release -p porthole -p porthole-e2e

cleanup() {
  status=$?
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  bash "$root/scripts/rig.sh" stop || true
  exit $status
}
trap cleanup EXIT
eval "$(scripts/rig.sh start)"
n=99
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1240x780x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=:$n
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
export PORTHOLE_APP=$CARGO_TARGET_DIR/release/porthole
"$CARGO_TARGET_DIR/release/bench" "${1:-1000}"
