#!/usr/bin/env bash
# The reliability suite: measures, in the real window against the private engine, what people trust Porthole with,
# and writes the figures to docs/reliability.md. Longer than the regular test run, so not part of it.
#
#   R1  engine restarts under the open window (20 cycles, every tenth a SIGKILL): loss shown, back after the engine
#       answers, the list exact against `docker ps -a`
#   R3  every parser fuzzed (proptest, PROPTEST_CASES inputs per property)
#   R4  every deletion names what goes and Cancel removes nothing
#   R5  no secret in what the activity console holds after a login, a push, a build with a secret build arg and a
#       run with a secret environment value
#   R6  1,000 opened-and-closed container views leave nothing behind
#   R7  a damaged settings file is set aside; a save is all or nothing
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/setup.sh --test
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/porthole-target}
export CARGO_TERM_COLOR=never
cycles=${PORTHOLE_RESTART_CYCLES:-20}
cases=${PROPTEST_CASES:-20000}

(cd ui && trunk build)
cargo build -p porthole
cargo test --workspace --exclude porthole-ui --no-run

. scripts/with-rig.sh
export PORTHOLE_APP=$CARGO_TARGET_DIR/debug/porthole
logs=$(mktemp -d)

run() { # name, then the command; its output kept in $logs/name, its result echoed
  local name=$1; shift
  if "$@" >"$logs/$name" 2>&1; then echo pass; else echo FAIL; fi
}

echo "== R1: $cycles engine restarts"
r1=$(PORTHOLE_RESTART_CYCLES=$cycles run r1 cargo test -p porthole-e2e --test reconnect -- --nocapture)
echo "== R3: parsers fuzzed, $cases inputs per property"
r3=$(PROPTEST_CASES=$cases run r3 cargo test -p porthole-model --lib)
echo "== R4: deletions"
r4=$(run r4 cargo test -p porthole-e2e --test deletions --test dialogs)
echo "== R5: secrets"
r5=$(run r5 cargo test -p porthole-engine --test activity)
echo "== R6: 1,000 views"
r6=$(run r6 cargo test -p porthole --lib cleanup -- --nocapture)
echo "== R7: settings"
r7=$(run r7 sh -c 'cargo test -p porthole --lib settings && cargo test -p porthole-e2e --test window settings')

restarts=$(grep -c '^RESTART' "$logs/r1" || true)
max_of() { grep '^RESTART' "$logs/r1" | awk -v f="$1" '{ for (i = 1; i <= NF; i++) if ($i == f) print $(i + 1) }' | sort -n | tail -1; }
properties=$(grep -c 'proptest\|never_panics\|round_trip\|round-trip' "$logs/r3" || true)
views=$(grep -o 'time per kind.*' "$logs/r6" | head -1 || true)

cat >docs/reliability.md <<MD
# Reliability

Measured by \`scripts/reliability.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, in the real window (debug build) against
the private test engine the script starts. Each row's test fails when its goal is missed.

| | What | Result | Figures |
|---|---|---|---|
| R1 | $cycles engine restarts under the open window (every tenth SIGKILL), the list compared with \`docker ps -a\` after each | $r1 | $restarts of $cycles cycles exact; loss shown at most $(max_of loss-shown-ms) ms after the engine stopped; lists back at most $(max_of back-ms) ms after the engine answered (goal: ≤ 2,000 ms) |
| R2 | 1,000 containers created and removed in bursts; the page's longest main-thread block | not measured yet | see docs/benchmarks.md (list exact within 0.5 s of each burst; blocks up to 875 ms measured before — open) |
| R3 | every parser fuzzed: image references, ports, mounts, env, labels, names, sizes, restart policies, platform, registry addresses, .dockerignore, the run command's words | $r3 | $cases inputs per property; 0 panics |
| R4 | every deletion's dialog names what goes; Cancel removes nothing; dialogs reopen after Cancel | $r4 | container remove and force, bulk remove, image remove and "its containers, then the image" (exact containers), prune preview, volume remove, Remove unused volumes |
| R5 | secrets: a login, a push, a build with a secret build arg, a run with a secret env value | $r5 | 0 hits in every record of the activity console (entries, requests, answers, commands, curls) |
| R6 | 1,000 opened-and-closed container views | $r6 | 0 subscriptions, tasks, file descriptors or shells left; $views |
| R7 | a damaged settings file; a save interrupted | $r7 | set aside and defaults used; a save is a new file renamed over the old, none left half-written |

Not yet covered: R2 (the burst benchmark with main-thread blocks), R5's grep of the settings store, the app's log and
every IPC reply (the activity records are checked), and R3's end-to-end check that every rejected form input is shown
inline with no engine call.
MD
echo "docs/reliability.md written"
[ "$r1$r3$r4$r5$r6$r7" = "passpasspasspasspasspass" ] || { echo "some rows failed: logs in $logs"; exit 1; }
