#!/usr/bin/env bash
# Sourced by test.sh and bench.sh after their builds: starts the test rig (private engine, registries, images) and
# Xvfb, exports their environment, and stops all of it when the calling script exits, also on failure.
cleanup() {
  status=$?
  [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null || true
  bash "$root/scripts/rig.sh" stop || true
  exit $status
}
trap cleanup EXIT
rig_env=$(scripts/rig.sh start) || exit 1
eval "$rig_env"
. scripts/display.sh
