//! Containers: running instances of images, the writable layer, publishing ports, and the lifecycle commands.

use super::{Command, Content, Section};

pub(super) const CONTENT: Content = Content {
    title: "Containers",
    summary: "A container is a running instance of an image: an isolated process that sees the image's read-only \
              files plus a thin writable layer of its own.",
    gui: "Containers page → Run to start one, Stop, Kill and Remove on the selected row, and Open for its logs, \
          terminal and details.",
    sections: &[
        Section {
            heading: "An image, running",
            body: "`docker run` creates a container from an image and starts the image's command in it. The process \
                   sees only the image's files, its own network interface and its own process list; for the host \
                   it is just one more process.\n\n\
                   Each container is independent: start three from the same image and each has its own files, \
                   name and ID. Commands accept either the name or the ID.",
        },
        Section {
            heading: "The writable layer",
            body: "Whatever a container writes — logs, uploads, a database — goes into its writable layer, on top of \
                   the image's read-only layers. The image itself never changes.\n\n\
                   Stopping a container keeps that layer: `docker start` brings it back with its files exactly as \
                   they were. Removing the container with `docker rm` deletes the layer and everything in it, for \
                   good.\n\n\
                   So data that must outlive the container belongs in a volume or a bind mount, not in the \
                   writable layer (see Storage).",
        },
        Section {
            heading: "Publishing ports",
            body: "A container has a network of its own, so a server listening on port 80 inside it cannot be \
                   reached from the host at first. `-p 80:80` publishes it: connections to port 80 on the host are \
                   forwarded to port 80 in the container. The host port comes first, so `-p 8080:80` would use \
                   port 8080 on the host.\n\n\
                   After `docker run -p 80:80 nginx`, `curl http://localhost:80` (or a browser) gets nginx's \
                   welcome page. A published port is open on all of the host's addresses; `-p 127.0.0.1:80:80` \
                   keeps it to this machine.",
        },
        Section {
            heading: "Stop, kill, remove",
            body: "`docker stop` sends the container's main process SIGTERM, the polite request to shut down, and \
                   waits 10 seconds; if it is still running then, SIGKILL ends it. When a container will not stop \
                   in time, `docker kill` sends SIGKILL at once: the process cannot ignore it and gets no chance to \
                   clean up.\n\n\
                   A stopped container still exists. `docker ps` lists only running containers; `docker ps -a` \
                   lists stopped ones too. `docker rm` removes a stopped container and its writable layer; a \
                   running one is refused unless you add `-f`.\n\n\
                   An image cannot be removed while any container made from it exists, even a stopped one: \
                   `docker rmi` fails with a conflict naming the container. Remove the container first.",
        },
        Section {
            heading: "Limits",
            body: "By default a container may use all of the host's CPUs and memory. `--cpus 1.5` caps it at one and \
                   a half CPUs' worth of time; `--memory 512m` caps its memory, and a process that needs more is \
                   ended by the kernel (the container exits with code 137, \"OOM killed\"). `docker update` \
                   changes both, and the restart policy, on a container that already exists — running or not, \
                   without restarting it. The container page's Limits shows what it has and uses now.",
        },
        Section {
            heading: "Looking inside",
            body: "`docker logs` shows what the main process wrote to its output and error streams. `docker exec` \
                   runs an extra command in a running container — `docker exec -it web sh` opens a shell in it, \
                   which is handy for looking around; whatever you change there lives in the writable layer.\n\n\
                   The container page's Files tab shows the layer: Browse reads any file of the container, running \
                   or stopped (`docker cp` copies out and in), and Changes lists what the layer added, changed and \
                   deleted (`docker diff`) on top of the image's layers, with its size. `docker commit` makes a new \
                   image of the container — the image's layers plus this one; `docker export` writes its whole \
                   filesystem as one tar.",
        },
    ],
    commands: &[
        Command {
            cli: "docker run -p 80:80 nginx",
            what: "Creates and starts a container from `nginx`, publishing its port 80 on the host's port 80.",
        },
        Command {
            cli: "curl http://localhost:80",
            what: "Fetches the page the container serves, through the published port.",
        },
        Command {
            cli: "docker ps",
            what: "Lists the running containers with their ID, image, state and published ports.",
        },
        Command {
            cli: "docker ps -a",
            what: "Lists all containers, including the stopped ones.",
        },
        Command {
            cli: "docker stop <container>",
            what: "Asks the main process to exit with SIGTERM, and kills it with SIGKILL if it is still running 10 \
                   seconds later.",
        },
        Command {
            cli: "docker kill <container>",
            what: "Sends SIGKILL at once, for a container that does not stop.",
        },
        Command {
            cli: "docker start <container>",
            what: "Starts a stopped container again, with its writable layer as it was left.",
        },
        Command {
            cli: "docker logs <container>",
            what: "Prints what the container's main process has written to its output.",
        },
        Command {
            cli: "docker exec -it <container> sh",
            what: "Opens an interactive shell inside a running container.",
        },
        Command {
            cli: "docker update --cpus 1.5 --memory 512m <container>",
            what: "Changes a container's CPU and memory limits (and `--restart`) in place, without restarting it.",
        },
        Command {
            cli: "docker diff <container>",
            what: "Lists the paths the container's writable layer added (A), changed (C) or deleted (D).",
        },
        Command {
            cli: "docker cp <container>:/etc/hosts .",
            what: "Copies a file or folder out of a container (running or stopped) into a folder here; \
                   `docker cp FILE <container>:/data` copies the other way.",
        },
        Command {
            cli: "docker commit <container> my-snapshot:1",
            what: "Makes a new image from the container: its image's layers plus its writable layer as one more.",
        },
        Command {
            cli: "docker export -o fs.tar <container>",
            what: "Writes the container's whole filesystem as one flat tar (no volumes, no layer history).",
        },
        Command {
            cli: "docker rm <container>",
            what: "Removes a stopped container together with its writable layer, and prints the name or ID you gave.",
        },
    ],
};
