#!/usr/bin/env bash
# The test rig: a private Docker engine on its own socket, data root and bridge (so a user's containers are never
# touched), a local registry with htpasswd authentication on 127.0.0.1, and test images built offline from
# busybox-static. Everything lives under $PH_RIG (default /tmp/ph, short because it holds unix sockets).
#
#   scripts/rig.sh start          start engine + registry, build the test images; prints the env to use
#                                 (the engine also listens with TLS on a loopback port, certificates made here; a
#                                 second engine with an SSH endpoint; Podman's Docker API when podman is installed)
#   scripts/rig.sh stop           stop everything this rig started and remove its state
#   scripts/rig.sh stop-engine [2] stop only the engine (the app should show "unreachable"), or the second one
#   scripts/rig.sh kill-engine [2] the same with SIGKILL (a crash: no clean shutdown)
#   scripts/rig.sh start-engine [2] start only the engine (or the second one) again
#   scripts/rig.sh gateway-bridges  before a swarm test: each engine's docker_gwbridge on a bridge of the rig's name
#   scripts/rig.sh swarm-down     after one: both engines leave any swarm, their docker_gwbridge networks go
#   scripts/rig.sh env            print the environment variables for the rig
set -euo pipefail

RIG=${PH_RIG:-/tmp/ph}
SOCK=$RIG/docker.sock
BRIDGE=${PH_BRIDGE:-ph0}
BRIDGE_CIDR=${PH_BRIDGE_CIDR:-10.123.0.1/24}
BRIDGE2=${PH_BRIDGE2:-ph1}
BRIDGE2_CIDR=${PH_BRIDGE2_CIDR:-10.124.0.1/24}
REGISTRY_USER=porthole
REGISTRY_NAME=docker-local-registry
# Set on the private engine (`docker info` shows it); the tests refuse any engine without it.
RIG_LABEL=dev.porthole.rig
# Marks the folder, the /etc/hosts line and the bridge as the rig's own: only what carries it is reused or removed.
MARK=.porthole-rig
HOSTS_TAG="# added by porthole's test rig"

# Every docker command of the rig uses the rig's own client config, never the user's ~/.docker.
export DOCKER_CONFIG=$RIG/docker-config
# A docker credential helper speaking the real protocol, for tests of `credsStore` (scripts/test-bin).
TEST_BIN=$(cd "$(dirname "$0")" && pwd)/test-bin

log() { printf '[rig] %s\n' "$*" >&2; }
# The TLS listener's certificates (tls_material) and the SSH endpoint (ssh_endpoint), each in a file of its own.
. "$(dirname "$0")/rig-tls.sh"
. "$(dirname "$0")/rig-ssh.sh"
. "$(dirname "$0")/rig-podman.sh"
die() { log "$*"; exit 1; }

# The rig's folder: made by the rig (mode 711, with its mark) or refused. A path that is a symlink, belongs to
# someone else or lacks the mark was not made by the rig, and the rig writes nothing into it as root.
own_folder() {
  if [ -L "$RIG" ]; then die "$RIG is a symbolic link: not the rig's folder; remove it or set PH_RIG"; fi
  if [ -e "$RIG" ]; then
    [ -d "$RIG" ] && [ -O "$RIG" ] && [ -f "$RIG/$MARK" ] ||
      die "$RIG exists and is not the rig's (no $MARK, or not yours): set PH_RIG to a folder of its own"
    return
  fi
  # 711: others may reach the socket by its path (the permission test connects as nobody) but cannot list or write.
  mkdir -m 711 "$RIG" || die "cannot create $RIG"
  touch "$RIG/$MARK"
}

# Whether `pid` is alive and its command line holds `pattern` (the rig's socket or config path): a pidfile can be
# stale, and its number reused by someone else's process.
is_ours() {
  local pid=$1 pattern=$2
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$pattern"
}

# A loopback address for one of the rig's registries: the one it chose before (kept in $RIG/addresses), else the
# first free port from `port` up — never a port someone else listens on (5000 is many developers' own registry).
listening() { ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; }
choose_address() {
  local name=$1 host=$2 port=$3 saved
  saved=$(grep -s "^$name=" "$RIG/addresses" | cut -d= -f2 || true)
  if [ -n "$saved" ]; then echo "$saved"; return; fi
  while listening "$port"; do port=$((port + 1)); done
  echo "$name=$host:$port" >>"$RIG/addresses"
  echo "$host:$port"
}
addresses() {
  REGISTRY_ADDR=${PH_REGISTRY_ADDR:-$(choose_address registry 127.0.0.1 5001)}
  OPEN_REGISTRY_ADDR=${PH_OPEN_REGISTRY_ADDR:-$(choose_address open-registry 127.0.0.1 5000)}
  LAN_REGISTRY_ADDR=${PH_LAN_REGISTRY_ADDR:-$(choose_address lan-registry "${BRIDGE_CIDR%/*}" 5002)}
  TLS_ADDR=${PH_TLS_ADDR:-$(choose_address tls 127.0.0.1 2386)}
  SSH_ADDR=${PH_SSH_ADDR:-$(choose_address ssh 127.0.0.1 2222)}
}

print_env() {
  cat <<ENV
export PORTHOLE_TEST_ENGINE=unix://$SOCK
export DOCKER_HOST=unix://$SOCK
export DOCKER_CONFIG=$RIG/docker-config
export PORTHOLE_TEST_REGISTRY=$REGISTRY_ADDR
export PORTHOLE_TEST_OPEN_REGISTRY=$OPEN_REGISTRY_ADDR
export PORTHOLE_TEST_LAN_REGISTRY=$LAN_REGISTRY_ADDR
export PORTHOLE_TEST_REGISTRY_USER=$REGISTRY_USER
export PORTHOLE_TEST_REGISTRY_PASSWORD_FILE=$RIG/registry-password
export PORTHOLE_TEST_REGISTRY_BY_NAME=$REGISTRY_NAME:${REGISTRY_ADDR##*:}
export PORTHOLE_HELPER_STORE=$RIG/helper-store.json
export PORTHOLE_TEST_TLS_ENGINE=tcp://$TLS_ADDR
export PORTHOLE_TEST_TLS=$RIG/tls
export PORTHOLE_TEST_ENGINE2=unix://$RIG/e2/docker.sock
export PORTHOLE_TEST_SSH_ENGINE=ssh://root@$SSH_ADDR
export PORTHOLE_TEST_SSH_CONFIG=$RIG/ssh/config
export PORTHOLE_TEST_SSH=$RIG/ssh
export PORTHOLE_TEST_ENGINE_ADDRESS=${BRIDGE_CIDR%/*}
export PORTHOLE_TEST_ENGINE2_ADDRESS=${BRIDGE2_CIDR%/*}
export PORTHOLE_TEST_COMPOSE_PLUGIN=$RIG/docker-config/cli-plugins/docker-compose
export PATH=$TEST_BIN:\$PATH
ENV
  if [ -S "$PODMAN_SOCK" ]; then
    echo "export PORTHOLE_TEST_PODMAN=unix://$PODMAN_SOCK"
    echo "export PORTHOLE_TEST_PODMAN_XDG=$RIG/xdg"
  fi
}

# The learner's notes pull from `docker-local-registry:4000`: a registry known by a name only /etc/hosts resolves.
# The rig maps that name to loopback (where the engine allows plain HTTP), so tests can use the registry by name.
map_registry_name() {
  grep -qE "^127\.0\.0\.1[[:space:]].*\b$REGISTRY_NAME\b" /etc/hosts 2>/dev/null && return
  if [ -w /etc/hosts ]; then
    echo "127.0.0.1 $REGISTRY_NAME $HOSTS_TAG" >>/etc/hosts
    log "/etc/hosts maps $REGISTRY_NAME to 127.0.0.1 (removed by stop)"
  else
    log "cannot write /etc/hosts: tests that use $REGISTRY_NAME will fail"
  fi
}

# Removes only the line the rig added. Written in place (not renamed over), since /etc/hosts is often a mount.
unmap_registry_name() {
  grep -qF "$HOSTS_TAG" /etc/hosts 2>/dev/null || return 0
  local kept
  kept=$(grep -vF "$HOSTS_TAG" /etc/hosts || true)
  printf '%s\n' "$kept" >/etc/hosts
  log "/etc/hosts: the rig's line removed"
}


# The rig's engines: 1 is the one every test uses (and the one with the TLS listener); 2 is a second private
# engine, for switching between engines and for a two-node swarm. `engine N` sets where engine N lives.
engine() {
  case $1 in
    1) E_DIR=$RIG; E_BRIDGE=$BRIDGE; E_CIDR=$BRIDGE_CIDR; E_NS=porthole-rig ;;
    2) E_DIR=$RIG/e2; E_BRIDGE=$BRIDGE2; E_CIDR=$BRIDGE2_CIDR; E_NS=porthole-rig2 ;;
    *) die "no engine $1" ;;
  esac
  E_SOCK=$E_DIR/docker.sock
}

engine_alive() { DOCKER_HOST=unix://$E_SOCK timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# A bridge for an engine: made by the rig (and marked so), or refused.
own_bridge() {
  local name=$1 cidr=$2
  if ! ip link show "$name" >/dev/null 2>&1; then
    ip link add "$name" type bridge
    ip addr add "$cidr" dev "$name"
    ip link set "$name" up
    touch "$RIG/bridge-created-$name"
  elif [ ! -f "$RIG/bridge-created-$name" ]; then
    die "a network interface $name exists that the rig did not make: set PH_BRIDGE/PH_BRIDGE2 (and their _CIDR)"
  fi
}

start_engine() {
  engine "${1:-1}"
  if engine_alive; then log "engine ${1:-1} already answers on $E_SOCK"; return; fi
  mkdir -p "$E_DIR/data" "$E_DIR/x"
  own_bridge "$E_BRIDGE" "$E_CIDR"
  local listeners=(-H "unix://$E_SOCK")
  if [ "${1:-1}" = 1 ]; then
    tls_material
    # The TLS listener is loopback only; --tlsverify: a client must show a certificate signed by the rig's CA.
    listening "${TLS_ADDR##*:}" && die "$TLS_ADDR is taken by something that is not the rig's engine"
    listeners+=(-H "tcp://$TLS_ADDR" --tlsverify --tlscacert "$RIG/tls/ca.pem" --tlscert "$RIG/tls/server-cert.pem"
      --tlskey "$RIG/tls/server-key.pem")
  fi
  # Own bridge and no iptables: never touch another engine's docker0 or firewall (see shared/ENVIRONMENT.md). Own
  # containerd namespaces: where a system containerd runs, the engine must not share `moby`, the user's engine's.
  setsid dockerd "${listeners[@]}" --data-root "$E_DIR/data" --exec-root "$E_DIR/x" --pidfile "$E_DIR/docker.pid" \
    --bridge "$E_BRIDGE" --iptables=false --ip-masq=false --label "$RIG_LABEL=$RIG" \
    --containerd-namespace "$E_NS" --containerd-plugins-namespace "$E_NS-plugins" \
    >>"$E_DIR/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    engine_alive && { log "engine ${1:-1} up on $E_SOCK"; return; }
    sleep 0.5
  done
  log "engine did not start; last lines of $E_DIR/dockerd.log:"; tail -n 20 "$E_DIR/dockerd.log" >&2; exit 1
}

stop_engine() {
  local pid signal=${1:-TERM}
  engine "${2:-1}"
  pid=$(cat "$E_DIR/docker.pid" 2>/dev/null || true)
  if is_ours "$pid" "$E_SOCK"; then
    kill -s "$signal" "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    log "engine ${2:-1} stopped"
  fi
  # containerd-shim processes of this engine outlive it only while containers run; the engine stops them.
}

# Before a swarm test: each engine's swarm gateway network (docker_gwbridge) made with a bridge of the rig's own
# name. Left to itself, each engine would make — and two engines share — one called docker_gwbridge on this
# machine, where a user's own swarm may have one.
gateway_bridges() {
  local n
  for n in 1 2; do
    engine $n
    DOCKER_HOST=unix://$E_SOCK docker network inspect docker_gwbridge >/dev/null 2>&1 && continue
    if ip link show "${E_BRIDGE}gw" >/dev/null 2>&1 && [ ! -f "$RIG/bridge-created-${E_BRIDGE}gw" ]; then
      die "a network interface ${E_BRIDGE}gw exists that the rig did not make"
    fi
    # Marked as the rig's: `stop` deletes it even if a test ended before leaving its swarm.
    touch "$RIG/bridge-created-${E_BRIDGE}gw"
    DOCKER_HOST=unix://$E_SOCK docker network create --subnet "10.12$((4 + n)).0.0/24" \
      --opt "com.docker.network.bridge.name=${E_BRIDGE}gw" --opt com.docker.network.bridge.enable_icc=false \
      --opt com.docker.network.bridge.enable_ip_masquerade=false docker_gwbridge >/dev/null
  done
}

# After a swarm test: both engines out of any swarm, their gateway networks gone.
swarm_down() {
  local n
  for n in 2 1; do
    engine $n
    # A manager that just removed many services can refuse a leave for a moment ("the client connection is
    # closing"): asked again until it is out, for up to 30 s.
    local tries=0 state
    while [ $tries -lt 30 ]; do
      state=$(DOCKER_HOST=unix://$E_SOCK docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || true)
      case $state in inactive | "") break ;; esac
      DOCKER_HOST=unix://$E_SOCK docker swarm leave --force >/dev/null 2>&1 || sleep 1
      tries=$((tries + 1))
    done
    DOCKER_HOST=unix://$E_SOCK docker network rm docker_gwbridge >/dev/null 2>&1 || true
  done
}


# The second engine gets the test images from the first (a save and load, no registry involved).
second_engine_images() {
  engine 2
  DOCKER_HOST=unix://$E_SOCK docker image inspect porthole-test/busybox:1 >/dev/null 2>&1 && return
  DOCKER_HOST=unix://$SOCK docker save porthole-test/busybox:1 porthole-test/web:1 |
    DOCKER_HOST=unix://$E_SOCK docker load -q >/dev/null
  log "engine 2 has the test images"
}

start_registry() {
  if is_ours "$(cat "$RIG/registry.pid" 2>/dev/null || true)" "$RIG/registry/config.yml"; then
    log "registry already runs on $REGISTRY_ADDR"; return
  fi
  listening "${REGISTRY_ADDR##*:}" && die "$REGISTRY_ADDR is taken by something that is not the rig's registry"
  mkdir -p "$RIG/registry"
  [ -s "$RIG/registry-password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$RIG/registry-password"
  htpasswd -Bbn "$REGISTRY_USER" "$(cat "$RIG/registry-password")" >"$RIG/registry/htpasswd"
  cat >"$RIG/registry/config.yml" <<YML
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $RIG/registry/data }, delete: { enabled: true } }
http: { addr: $REGISTRY_ADDR }
auth: { htpasswd: { realm: porthole-test, path: $RIG/registry/htpasswd } }
YML
  setsid docker-registry serve "$RIG/registry/config.yml" >>"$RIG/registry.log" 2>&1 </dev/null &
  echo $! >"$RIG/registry.pid"
  for _ in $(seq 1 40); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://$REGISTRY_ADDR/v2/" || true)
    [ "$code" = 401 ] && { log "registry up on $REGISTRY_ADDR (htpasswd)"; return; }
    sleep 0.25
  done
  log "registry did not start"; tail -n 20 "$RIG/registry.log" >&2; exit 1
}

# Registries without authentication, `open_registry NAME ADDR`. The one on loopback (open-registry) the engine
# pulls from over plain HTTP, as it allows for loopback; the one on the rig's bridge address (lan-registry) stands
# for a plain-HTTP registry elsewhere on the network, which the engine refuses until it is listed as insecure.
open_registry() {
  local name=$1 addr=$2
  if is_ours "$(cat "$RIG/$name.pid" 2>/dev/null || true)" "$RIG/$name/config.yml"; then return; fi
  listening "${addr##*:}" && die "$addr is taken by something that is not the rig's $name"
  mkdir -p "$RIG/$name"
  cat >"$RIG/$name/config.yml" <<YML
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $RIG/$name/data }, delete: { enabled: true } }
http: { addr: $addr }
YML
  setsid docker-registry serve "$RIG/$name/config.yml" >>"$RIG/$name.log" 2>&1 </dev/null &
  echo $! >"$RIG/$name.pid"
  for _ in $(seq 1 40); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$addr/v2/" || true)" = 200 ] &&
      { log "$name up on $addr"; return; }
    sleep 0.25
  done
  log "$name did not start"; tail -n 20 "$RIG/$name.log" >&2; exit 1
}

stop_registry() {
  local pid
  for name in registry open-registry lan-registry; do
    pid=$(cat "$RIG/$name.pid" 2>/dev/null || true)
    if is_ours "$pid" "$RIG/$name/config.yml"; then kill "$pid" 2>/dev/null || true; fi
  done
  log "registries stopped"
}

# An image that exists only in the open registry (its own layer), for pull tests.
seed_open_registry() {
  export DOCKER_HOST=unix://$SOCK
  local ref=$OPEN_REGISTRY_ADDR/porthole/hello:1
  if curl -sf "http://$OPEN_REGISTRY_ADDR/v2/porthole/hello/tags/list" | grep -q '"1"'; then return; fi
  local root=$RIG/hello-rootfs
  rm -rf "$root"; mkdir -p "$root/bin"
  cp /bin/busybox "$root/bin/busybox"; ln -s busybox "$root/bin/sh"; ln -s busybox "$root/bin/echo"
  echo "hello from the open registry, $(date +%s)" >"$root/hello.txt"
  tar -C "$root" -c . | docker import --change 'CMD ["/bin/sh","-c","cat /hello.txt"]' - "$ref" >/dev/null
  docker push "$ref" >/dev/null
  docker rmi "$ref" >/dev/null
  log "open registry holds $ref"
}

# The guided tour's offline source: the test web server as porthole/web (latest and 1.0) in the open registry, and
# as porthole/web in the registry that wants a login — so the tour pulls for real, as it would nginx from Docker Hub.
seed_tour() {
  export DOCKER_HOST=unix://$SOCK
  [ -f "$RIG/tour-seeded" ] && return
  local config=$RIG/seed-config ref
  mkdir -p "$config"; echo '{}' >"$config/config.json"
  docker --config "$config" login -u "$REGISTRY_USER" --password-stdin "$REGISTRY_ADDR" \
    <"$RIG/registry-password" >/dev/null 2>&1
  # One image per name (a label of its own), as nginx:latest and nginx:1.12-alpine-perl are different images: removing
  # a name that is an image's only one really removes it, and meets the in-use refusal while a container uses it.
  for ref in "$OPEN_REGISTRY_ADDR/porthole/web:latest" "$OPEN_REGISTRY_ADDR/porthole/web:1.0" \
             "$REGISTRY_ADDR/porthole/web:latest"; do
    printf 'FROM porthole-test/web:1\nLABEL dev.porthole.tour=%s\n' "$ref" | DOCKER_BUILDKIT=0 docker build -q -t "$ref" - >/dev/null
    docker --config "$config" push "$ref" >/dev/null
    docker rmi "$ref" >/dev/null
  done
  rm -rf "$config"
  touch "$RIG/tour-seeded"
  log "tour images: $OPEN_REGISTRY_ADDR/porthole/web:{latest,1.0}, $REGISTRY_ADDR/porthole/web:latest"
}

# The Compose v2 plugin (scripts/compose-plugin.sh), linked into the rig's own client config only: the rig's
# `docker compose` (and the tests') finds it there, a user's docker CLI never does. The standalone docker-compose
# stays on PATH, so both tools Porthole drives can run.
compose_plugin() {
  local plugin
  plugin=$("$(dirname "$0")/compose-plugin.sh")
  mkdir -p "$RIG/docker-config/cli-plugins"
  ln -sfn "$plugin" "$RIG/docker-config/cli-plugins/docker-compose"
}

# Test images, made offline: a busybox root filesystem imported as an image, and the same with httpd as a tiny web
# server standing in for nginx.
build_images() {
  export DOCKER_HOST=unix://$SOCK
  if docker image inspect porthole-test/busybox:1 porthole-test/web:1 >/dev/null 2>&1; then return; fi
  local root=$RIG/rootfs
  rm -rf "$root"; mkdir -p "$root/bin" "$root/etc" "$root/www" "$root/tmp" "$root/root" "$root/data"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"; done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
  echo 'root:x:0:' >"$root/etc/group"
  echo '<!doctype html><title>Porthole test web</title><h1>Hello from a Porthole test container</h1>' >"$root/www/index.html"
  tar -C "$root" -c . | docker import --change 'CMD ["/bin/sh"]' - porthole-test/busybox:1 >/dev/null
  tar -C "$root" -c . | docker import --change 'CMD ["/bin/httpd","-f","-p","80","-h","/www"]' \
    --change 'EXPOSE 80' - porthole-test/web:1 >/dev/null
  log "images: porthole-test/busybox:1, porthole-test/web:1"
}

case "${1:-}" in
  start)
    own_folder; addresses
    mkdir -p "$RIG/docker-config"
    [ -f "$RIG/docker-config/config.json" ] || echo '{}' >"$RIG/docker-config/config.json"
    compose_plugin
    map_registry_name; start_engine 1; start_engine 2; start_registry
    open_registry open-registry "$OPEN_REGISTRY_ADDR"; open_registry lan-registry "$LAN_REGISTRY_ADDR"
    build_images; second_engine_images; ssh_endpoint; podman_service; seed_open_registry; seed_tour; print_env ;;
  stop)
    # Nothing to undo where the rig never was; and never a folder the rig did not make.
    if [ -L "$RIG" ] || [ ! -f "$RIG/$MARK" ]; then log "no rig at $RIG"; exit 0; fi
    podman_stop; stop_engine TERM 2; stop_engine TERM 1; stop_registry
    for made in "$RIG"/bridge-created-*; do
      [ -f "$made" ] && ip link del "${made##*/bridge-created-}" 2>/dev/null || true
    done
    unmap_registry_name
    # Leftover mounts under the rig's folder (a data root's, the network namespaces a swarm's overlay networks leave
    # in an exec root) would make rm fail: each is unmounted, deepest first — only ever below the rig's own folder.
    awk -v root="$RIG/" 'index($2, root) == 1 {print $2}' /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
    rm -rf "$RIG" ;;
  stop-engine) stop_engine TERM "${2:-1}" ;;
  kill-engine) stop_engine KILL "${2:-1}" ;;
  start-engine) own_folder; addresses; start_engine "${2:-1}" ;;
  gateway-bridges) gateway_bridges ;;
  swarm-down) swarm_down ;;
  env) own_folder; addresses; print_env ;;
  *) echo "usage: $0 start|stop|stop-engine|kill-engine|start-engine|gateway-bridges|swarm-down|env" >&2; exit 2 ;;
esac
