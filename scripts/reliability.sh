#!/usr/bin/env bash
# The reliability suite: measures, in the real window against the private engine, what people trust Porthole with,
# and writes the figures to docs/reliability.md. Longer than the regular test run, so not part of it.
#
#   R1  engine restarts under the open window (20 cycles, every tenth a SIGKILL): loss shown, back after the engine
#       answers, the list exact against `docker ps -a`
#   R2  1,000 containers made and removed by the CLI in bursts of 100 under the open window: the list exact after
#       each burst, the page's longest main-thread block
#   R3  every parser fuzzed (proptest, PROPTEST_CASES inputs per property), and every form's refused input shown
#       inline with no command called
#   R4  every deletion names what goes and Cancel removes nothing
#   R5  no secret in what the activity console holds, in any IPC reply or channel message, or in any file the app
#       wrote, after a login, a push, a build with a secret build arg and a run with a secret environment value
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

# The page as users run it (release wasm: its main thread is what R2 measures); the backend in debug.
(cd ui && trunk build --release)
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
echo "== R2: 1,000 containers in bursts"
r2=$(PORTHOLE_BURST_CONTAINERS=1000 run r2 cargo test -p porthole-e2e --test bursts -- --nocapture)
echo "== R3: parsers fuzzed, $cases inputs per property; refused input calls nothing"
r3=$(PROPTEST_CASES=$cases run r3 sh -c 'cargo test -p porthole-model --lib && cargo test -p porthole-e2e --test rejected_input')
echo "== R4: deletions"
r4=$(run r4 cargo test -p porthole-e2e --test deletions --test dialogs)
echo "== R5: secrets"
r5=$(run r5 sh -c 'cargo test -p porthole-engine --test activity && cargo test -p porthole-e2e --test secrets')
echo "== R6: 1,000 views"
r6=$(run r6 cargo test -p porthole --lib cleanup -- --nocapture)
echo "== R7: settings"
r7=$(run r7 sh -c 'cargo test -p porthole --lib settings && cargo test -p porthole-e2e --test window settings')

restarts=$(grep -c '^RESTART' "$logs/r1" || true)
max_of() { grep '^RESTART' "$logs/r1" | awk -v f="$1" '{ for (i = 1; i <= NF; i++) if ($i == f) print $(i + 1) }' | sort -n | tail -1; }
properties=$(grep -c 'proptest\|never_panics\|round_trip\|round-trip' "$logs/r3" || true)
views=$(grep -o 'time per kind.*' "$logs/r6" | head -1 || true)
burst() { grep '^BURSTS' "$logs/r2" | awk -v f="$1" '{ for (i = 1; i <= NF; i++) if ($i == f) print $(i + 1) }' | tail -1; }

cat >docs/reliability.md <<MD
# Reliability

Measured by \`scripts/reliability.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, in the real window (the page's wasm in its release build, the backend in debug) against
the private test engine the script starts. Each row's test fails when its goal is missed.

| | What | Result | Figures |
|---|---|---|---|
| R1 | $cycles engine restarts under the open window (every tenth SIGKILL), the list compared with \`docker ps -a\` after each | $r1 | $restarts of $cycles cycles exact; loss shown at most $(max_of loss-shown-ms) ms after the engine stopped; lists back at most $(max_of back-ms) ms after the engine answered (goal: ≤ 2,000 ms) |
| R2 | 1,000 containers made by \`docker create\` (8 at a time) and removed by \`docker rm\` in bursts of 100 under the open window; the page's longest main-thread block (a 5 ms timer's lateness; at rest $(burst idle-longest-ms) ms) | $r2 | list exact after every burst, at most $(burst exact-after-ms) ms after it ended; longest block $(burst create-longest-ms) ms while creating (p99 $(burst create-p99-ms) ms), $(burst remove-longest-ms) ms while removing (p99 $(burst remove-p99-ms) ms) (goal: ≤ 100 ms) |
| R3 | every parser fuzzed: image references, ports, mounts, env, labels, names, sizes, restart policies, platform, registry addresses, .dockerignore, the run command's words, CIDR blocks, compose and context inputs; every form's refused input in the window | $r3 | $cases inputs per property; 0 panics; run dialog (image, port), rename, pull (reference, platform), build (folder, name), tag, registry address, volume, network create and connect, engine, compose file — each shown inline and no command called (Swarm's service and stack forms: in the swarm test) |
| R4 | every deletion's dialog names what goes; Cancel removes nothing; dialogs reopen after Cancel | $r4 | container remove and force, bulk remove, image remove and "its containers, then the image" (exact containers), prune preview, volume remove, Remove unused volumes |
| R5 | secrets: a login, a push, a build with a secret build arg, a run with a secret env value | $r5 | 0 hits in every record of the activity console (entries, requests, answers, commands, curls), in every IPC reply and channel message the page received (except the container's own details, which carry its environment as \`docker inspect\` does), and in every file the app wrote (settings store, logs) |
| R6 | 1,000 opened-and-closed container views | $r6 | 0 subscriptions, tasks, file descriptors or shells left; $views |
| R7 | a damaged settings file; a save interrupted | $r7 | set aside and defaults used; a save is a new file renamed over the old, none left half-written |

Notes on R2 (not met). Found and fixed: a box-shadow on the lists' scroll box, which WebKit's software rendering (no
GPU compositing, as under Xvfb and in many VMs) redrew with every change inside it — 140 ms a frame with ten rows
moved, 8 ms without; and every container event rereading the image, volume and network lists (each asking the engine
for all containers to count users) — now only the container list is read at once, the counting lists once the burst
settles. The table row above is from the suite's run between the two fixes. After both, the burst test alone
(\`PORTHOLE_BURST_CONTAINERS=1000 cargo test -p porthole-e2e --test bursts\`) measured 192–270 ms longest (p99
137 ms) while creating, 34–37 ms while removing, the list exact 146 ms after each burst (was 255 ms), the whole run
27 s instead of 42 s. Bisected further in the window (probes in the page, not kept), creating: rows cut to one
cell 122–169 ms; the sort reversed so that no row in view changes 23–113 ms (113 is the first burst, which fills the
view); the list's body \`display: none\` 75 ms; \`visibility: hidden\` (laid out, not painted) 149 ms; with GPU
compositing on 126 ms. The app's own work per list update (reading 1,000 containers from IPC, the memos, the keyed
diff) measured 1–19 ms. So what remains is not mounting rows in wasm, as this note said before, but WebKit's style,
layout and paint of the rows that shift, on 2 cores shared with eight \`docker create\` processes and dockerd; two
runs of the same build differ by as much (120–220 ms) as any single change tried. Next: read only the containers an
event names (by id) during a burst instead of all 1,000, and measure on a machine with more cores.

MD
echo "docs/reliability.md written"
[ "$r1$r2$r3$r4$r5$r6$r7" = "passpasspasspasspasspasspass" ] || { echo "some rows failed: logs in $logs"; exit 1; }
