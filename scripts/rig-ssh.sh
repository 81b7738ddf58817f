# Sourced by rig.sh: the SSH endpoint of the rig's second engine.
# shellcheck shell=bash

# An SSH endpoint, as `ssh://root@127.0.0.1:PORT` engines are reached: Debian's sshd (its .deb fetched with
# apt-get download and unpacked, never installed) in a container of the second engine, on the host's network but
# listening on loopback only, with that engine's socket mounted so `docker system dial-stdio` reaches it. Its image
# is made here from the host's own files (sshd's libraries as ldd lists them, busybox, the static docker CLI); its
# keys are made with ssh-keygen. The client side is the host's ssh with the rig's config file (`scripts/test-bin/ssh`
# adds `-F` when PORTHOLE_TEST_SSH_CONFIG is set), so nothing under ~/.ssh is read or written.
ssh_endpoint() {
  local d=$RIG/ssh port root lib
  engine 2
  local e2=unix://$E_SOCK
  if DOCKER_HOST=$e2 docker inspect -f '{{.State.Running}}' porthole-rig-sshd 2>/dev/null | grep -q true; then return; fi
  port=${SSH_ADDR##*:}
  listening "$port" && die "$SSH_ADDR is taken by something that is not the rig's sshd"
  mkdir -p "$d"
  if ! DOCKER_HOST=$e2 docker image inspect porthole-test/sshd:2 >/dev/null 2>&1; then
    root=$d/rootfs; rm -rf "$root" "$d/debs"; mkdir -p "$root" "$d/debs"
    # Package lists may be empty on a machine that never ran apt-get update: read them once, then fetch.
    (cd "$d/debs" && { apt-get download openssh-server libwrap0 >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && apt-get download openssh-server libwrap0 >/dev/null 2>&1; }; }) ||
      die "apt-get download openssh-server libwrap0 failed (the Debian mirror is needed once)"
    for deb in "$d"/debs/*.deb; do dpkg-deb -x "$deb" "$d/debs/x"; done
    mkdir -p "$root/usr/sbin" "$root/usr/local/bin" "$root/bin" "$root/etc/ssh" "$root/run/sshd" "$root/root/.ssh" \
      "$root/var/run" "$root/tmp" "$root/lib64"
    cp "$d/debs/x/usr/sbin/sshd" "$root/usr/sbin/sshd"
    for lib in $(LD_LIBRARY_PATH=$d/debs/x/usr/lib/x86_64-linux-gnu ldd "$root/usr/sbin/sshd" | awk '/=> \//{print $3} /ld-linux/{print $1}'); do
      mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"
    done
    [ -e "$root/usr/lib/x86_64-linux-gnu/libwrap.so.0" ] ||
      { mkdir -p "$root/lib/x86_64-linux-gnu"; cp -L "$d"/debs/x/usr/lib/x86_64-linux-gnu/libwrap.so.0* "$root/lib/x86_64-linux-gnu/"; }
    cp /bin/busybox "$root/bin/busybox"; ln -s busybox "$root/bin/sh"
    cp "$(command -v docker)" "$root/usr/local/bin/docker"
    # `nodocker`: a login whose shell finds no docker command (a machine without the CLI, for the failure test).
    printf '#!/bin/sh\nPATH=/bin exec /bin/sh "$@"\n' >"$root/bin/nodocker-sh"; chmod 755 "$root/bin/nodocker-sh"
    printf 'root:x:0:0:root:/root:/bin/sh\nsshd:x:100:65534::/run/sshd:/bin/false\nnodocker:x:1000:65534::/tmp:/bin/nodocker-sh\n' \
      >"$root/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
    tar -C "$root" -c . | DOCKER_HOST=$e2 docker import - porthole-test/sshd:2 >/dev/null
    rm -rf "$root" "$d/debs"
  fi
  [ -f "$d/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C porthole-rig -f "$d/id_ed25519"
  [ -f "$d/other_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C stranger -f "$d/other_ed25519"
  [ -f "$d/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C porthole-rig-host -f "$d/host_ed25519"
  cp "$d/id_ed25519.pub" "$d/authorized_keys"
  cat >"$d/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey /etc/ssh/host_ed25519
AuthorizedKeysFile /etc/ssh/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PidFile /run/sshd.pid
CONF
  # The client's side: this key, and the host key known under both names of the address.
  { echo "[127.0.0.1]:$port $(cut -d' ' -f1-2 "$d/host_ed25519.pub")"
    echo "[localhost]:$port $(cut -d' ' -f1-2 "$d/host_ed25519.pub")"; } >"$d/known_hosts"
  : >"$d/empty_known_hosts"
  echo "[localhost]:$port $(cut -d' ' -f1-2 "$d/other_ed25519.pub")" >"$d/changed_known_hosts"
  # More names for the same endpoint, for the failure tests: one whose host key is not known, one that knows
  # another key for it, one that offers a key the server does not accept. They go to `localhost`, not 127.0.0.1: ssh shares a connection by the host
  # name it connects to, and these must never ride on a good connection made before.
  cat >"$d/config" <<CONF
Host unknown-host
  HostName localhost
  UserKnownHostsFile $d/empty_known_hosts
Host changed-key
  HostName localhost
  UserKnownHostsFile $d/changed_known_hosts
Host stranger
  HostName localhost
  IdentityFile $d/other_ed25519
Host * !stranger
  IdentityFile $d/id_ed25519
Host *
  IdentitiesOnly yes
  UserKnownHostsFile $d/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
CONF
  DOCKER_HOST=$e2 docker rm -f porthole-rig-sshd >/dev/null 2>&1 || true
  DOCKER_HOST=$e2 docker run -d --name porthole-rig-sshd --restart always --network host \
    -v "$E_SOCK:/var/run/docker.sock" -v "$d/sshd_config:/etc/ssh/sshd_config:ro" \
    -v "$d/host_ed25519:/etc/ssh/host_ed25519:ro" -v "$d/authorized_keys:/etc/ssh/authorized_keys:ro" \
    porthole-test/sshd:2 /usr/sbin/sshd -D -e >/dev/null
  for _ in $(seq 1 40); do
    listening "$port" && { log "sshd up on $SSH_ADDR (in engine 2, reaching it)"; return; }
    sleep 0.25
  done
  log "sshd did not start"; DOCKER_HOST=$e2 docker logs porthole-rig-sshd >&2; exit 1
}
