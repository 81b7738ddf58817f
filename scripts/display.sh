#!/usr/bin/env bash
# Sourced by test.sh and bench.sh: starts Xvfb on the first free display, sized like Porthole's window, and exports
# DISPLAY. XVFB_PID is set so the caller's cleanup can stop it.
n=99
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1240x780x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY=:$n
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
