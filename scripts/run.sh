#!/usr/bin/env bash
# Builds Porthole (release) and launches it against your Docker engine. When no engine answers, it says so, starts
# a private one with sample images (scripts/rig.sh) and points the app at that, so there is always something to see.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}

(cd ui && trunk build --release)
cargo build --release -p porthole

# Ask the same engine the app would use (DOCKER_HOST, the current context, or the default socket).
if ! timeout 5 docker version >/dev/null 2>&1 && ! timeout 5 docker -H unix:///var/run/docker.sock version >/dev/null 2>&1; then
  echo "No Docker engine answers here. Starting a private one with sample images under /tmp/ph (stop it with scripts/rig.sh stop)."
  command -v docker-registry >/dev/null || scripts/setup.sh --test
  eval "$(scripts/rig.sh start)"
  docker inspect sample-web >/dev/null 2>&1 ||
    docker run -d --name sample-web -p 127.0.0.1::80 porthole-test/web:1 >/dev/null
  docker inspect sample-shell >/dev/null 2>&1 ||
    docker create --name sample-shell porthole-test/busybox:1 >/dev/null
fi
exec "$CARGO_TARGET_DIR/release/porthole"
