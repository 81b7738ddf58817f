#!/usr/bin/env bash
# Fetches the UI's JavaScript dependencies from the npm registry into ui/vendor/ (git-ignored), pinned by version
# and checked by SHA-256: xterm.js, the terminal emulator of the container page's Terminal tab, and its fit addon.
# No node or npm is needed: each package is a tarball.
set -euo pipefail
cd "$(dirname "$0")/../ui"
mkdir -p vendor

fetch() { # package version sha256 files...
  local package=$1 version=$2 sum=$3; shift 3
  local have=true
  for file in "$@"; do [ -f "vendor/$(basename "$file")" ] || have=false; done
  [ -f "vendor/.$(basename "$package")-$version" ] || have=false
  $have && return
  local tarball
  tarball=$(mktemp)
  curl -fsSL "https://registry.npmjs.org/$package/-/$(basename "$package")-$version.tgz" -o "$tarball"
  echo "$sum  $tarball" | sha256sum -c --quiet -
  for file in "$@"; do tar -xzf "$tarball" -O "package/$file" >"vendor/$(basename "$file")"; done
  rm -f "$tarball" vendor/."$(basename "$package")"-*
  touch "vendor/.$(basename "$package")-$version"
  printf '[vendor] %s %s\n' "$package" "$version" >&2
}

fetch @xterm/xterm 6.0.0 908e66e04af6c8dc6b00dd3b54de088e2e81e5ed866284fd6c2fb3c2d1c7a3f6 lib/xterm.js css/xterm.css
fetch @xterm/addon-fit 0.11.0 26003b4517a132b64e4ff228fd88a5fda3fff5e606c76093f6dcff772e9ecec0 lib/addon-fit.js
