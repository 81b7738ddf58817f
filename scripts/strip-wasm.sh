#!/bin/sh
# Trunk's post_build hook (ui/Trunk.toml): in a release build, drops the wasm module's custom sections — the
# `name` section of debug names is nearly half the module, and WebKit reads and compiles whatever it is given. The
# module's integrity is then not pinned in index.html (data-integrity="none"): it is embedded in the app binary.
# Without wasm-strip (Debian's wabt), the module ships unstripped and a warning says so.
set -eu
[ "${TRUNK_PROFILE:-debug}" = release ] || exit 0
if ! command -v wasm-strip >/dev/null 2>&1; then
  echo "strip-wasm: wasm-strip not found (apt-get install wabt): the wasm module keeps its debug names" >&2
  exit 0
fi
for module in "$TRUNK_STAGING_DIR"/*_bg.wasm; do
  [ -f "$module" ] && wasm-strip "$module"
done
