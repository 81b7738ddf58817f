#!/usr/bin/env bash
# The shipped UI's size budget: builds the release wasm module as the app ships it (trunk --release, stripped by
# scripts/strip-wasm.sh) and fails when it grows past the budget — a size is deterministic, unlike a time, so new
# features cannot silently undo the lean module. Run by scripts/test.sh after the tests (it replaces ui/dist).
set -euo pipefail
cd "$(dirname "$0")/../ui"
# Set from the first stripped build (4,353,913 bytes raw, 1,209,954 gzip -9) with about 10 % of room; the module
# is 3,336,794 / 1,173,834 since it is linked whole (profile wasm-release, Cargo.toml).
RAW_BUDGET=4800000
GZIP_BUDGET=1330000
trunk build --release >/dev/null 2>&1 || { echo "wasm budget: trunk build --release failed" >&2; trunk build --release; exit 1; }
module=$(ls dist/*_bg.wasm)
raw=$(stat -c %s "$module")
packed=$(gzip -9 -c "$module" | wc -c)
echo "wasm budget: $raw bytes raw (budget $RAW_BUDGET), $packed gzip -9 (budget $GZIP_BUDGET)"
if grep -q '"name"' <(wasm-objdump -h "$module" 2>/dev/null || true); then
  echo "wasm budget: the module still has its name section (is wabt installed?)" >&2; exit 1
fi
[ "$raw" -le "$RAW_BUDGET" ] && [ "$packed" -le "$GZIP_BUDGET" ] || { echo "wasm budget: over budget" >&2; exit 1; }
