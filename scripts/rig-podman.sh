# Sourced by rig.sh: a Podman engine serving the Docker API, as `podman system service` does for Podman Desktop.
# shellcheck shell=bash

# Its own everything: CONTAINERS_CONF, CONTAINERS_STORAGE_CONF and CONTAINERS_REGISTRIES_CONF name files under
# $RIG/podman, so neither /etc/containers' settings nor a user's own Podman storage, locks (file locks, not the shared
# memory segment every rootful Podman shares), events or networks are read or written. The socket is where Porthole
# looks for a user's Podman ($XDG_RUNTIME_DIR/podman/podman.sock) with XDG_RUNTIME_DIR=$RIG/xdg. Where podman is not
# installed the rig goes on without it (scripts/setup.sh --test installs it) and PORTHOLE_TEST_PODMAN is not set.
PODMAN_DIR=$RIG/podman
PODMAN_SOCK=$RIG/xdg/podman/podman.sock

podman_env() {
  export CONTAINERS_CONF=$PODMAN_DIR/containers.conf CONTAINERS_STORAGE_CONF=$PODMAN_DIR/storage.conf \
    CONTAINERS_REGISTRIES_CONF=$PODMAN_DIR/registries.conf
}

podman_service() {
  command -v podman >/dev/null || { log "no podman here: the Podman tests need it (scripts/setup.sh --test)"; return 0; }
  local pid
  pid=$(cat "$PODMAN_DIR/pid" 2>/dev/null || true)
  if is_ours "$pid" "$PODMAN_SOCK" && DOCKER_HOST=unix://$PODMAN_SOCK timeout 5 docker version >/dev/null 2>&1; then
    return
  fi
  mkdir -p "$PODMAN_DIR/tmp" "$PODMAN_DIR/networks" "$(dirname "$PODMAN_SOCK")"
  chmod 700 "$RIG/xdg"
  cat >"$PODMAN_DIR/containers.conf" <<CONF
[engine]
lock_type = "file"
tmp_dir = "$PODMAN_DIR/tmp"
events_logger = "file"
events_logfile_path = "$PODMAN_DIR/events.log"
cgroup_manager = "cgroupfs"
volume_path = "$PODMAN_DIR/root/volumes"
static_dir = "$PODMAN_DIR/root/libpod"
[network]
network_config_dir = "$PODMAN_DIR/networks"
default_subnet = "10.125.0.0/24"
CONF
  printf '[storage]\ndriver = "vfs"\ngraphroot = "%s"\nrunroot = "%s"\n' "$PODMAN_DIR/root" "$PODMAN_DIR/run" \
    >"$PODMAN_DIR/storage.conf"
  : >"$PODMAN_DIR/registries.conf"
  rm -f "$PODMAN_SOCK"
  (podman_env; setsid podman system service --time=0 "unix://$PODMAN_SOCK" >"$PODMAN_DIR/service.log" 2>&1 &
    echo $! >"$PODMAN_DIR/pid")
  local tries=0
  until DOCKER_HOST=unix://$PODMAN_SOCK docker version >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ $tries -lt 100 ] || die "podman's service did not answer on $PODMAN_SOCK (see $PODMAN_DIR/service.log)"
    sleep 0.1
  done
  # A container Podman made, for the tests to find (starting one fails in this sandbox: runc cannot set rlimits).
  if ! DOCKER_HOST=unix://$PODMAN_SOCK docker image inspect porthole-test/busybox:1 >/dev/null 2>&1; then
    DOCKER_HOST=unix://$SOCK docker save porthole-test/busybox:1 | DOCKER_HOST=unix://$PODMAN_SOCK docker load >/dev/null
    DOCKER_HOST=unix://$PODMAN_SOCK docker create --name porthole-podman-sample porthole-test/busybox:1 sleep 1 >/dev/null
  fi
  log "podman: unix://$PODMAN_SOCK ($(podman --version))"
}

podman_stop() {
  local pid
  pid=$(cat "$PODMAN_DIR/pid" 2>/dev/null || true)
  if is_ours "$pid" "$PODMAN_SOCK"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$PODMAN_DIR/pid"
}
