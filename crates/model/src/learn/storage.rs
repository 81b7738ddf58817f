//! Storage: volumes, bind mounts and tmpfs — where each one's data lives and what survives `docker rm`.

use super::{Command, Content, Section};

pub(super) const CONTENT: Content = Content {
    title: "Storage: volumes, bind mounts and tmpfs",
    summary: "A container's own files go with it when it is removed. To keep data, or to share it with the host, \
              mount storage into the container: a volume, a bind mount, or tmpfs for data that should never reach \
              the disk.",
    gui: "Volumes page → Create, Inspect and Remove volumes, and see the bind mounts and tmpfs in use; the Run \
          dialog's storage rows mount all three kinds.",
    sections: &[
        Section {
            heading: "Why mount storage",
            body: "Files a container writes land in its writable layer, which `docker rm` deletes. A mount attaches \
                   storage at a path inside the container — say `/var/lib/postgresql/data` — and whatever is \
                   written under that path goes to the mount instead.\n\n\
                   There are three kinds of mount, told apart by where the data lives. (They are not storage \
                   drivers: that name belongs to the engine's machinery for image layers, such as `overlay2`.)",
        },
        Section {
            heading: "Volumes",
            body: "A volume is storage created and managed by Docker. Its data lives under the engine's data root \
                   (`/var/lib/docker/volumes/<name>/_data` on a Linux host), and you handle it by name rather than \
                   by path: `-v pgdata:/var/lib/postgresql/data`.\n\n\
                   A volume outlives its containers: `docker rm` leaves it, and the next container that mounts it \
                   finds the data. It goes only with `docker volume rm`, which the engine refuses while a container \
                   uses it. An anonymous volume (`-v /data`, no name) is also kept, unless removed with `docker rm \
                   -v` or the container ran with `--rm`.\n\n\
                   A new, empty volume mounted over a folder of the image is first filled with that folder's \
                   files. Volumes are the usual choice for a database's data.",
        },
        Section {
            heading: "Bind mounts",
            body: "A bind mount puts a folder (or file) of the host that you choose into the container, as it is: \
                   `--mount type=bind,source=/home/me/site,target=/usr/share/nginx/html`. The source must be an \
                   absolute path.\n\n\
                   The files belong to the host: changes show on both sides at once, and Docker never deletes them, \
                   whatever happens to the container. That makes bind mounts right for source code and config \
                   files you edit on the host. Mind that the container writes with its own user, often root.",
        },
        Section {
            heading: "tmpfs",
            body: "A tmpfs mount (`--tmpfs /scratch`) lives in the host's memory only and is never written to disk. \
                   It is emptied as soon as the container stops, so a restart begins with nothing there. Use it \
                   for scratch files and secrets that should leave no trace.",
        },
        Section {
            heading: "What survives",
            body: "- The writable layer: kept when the container stops or restarts; deleted by `docker rm`.\n\
                   - A volume: kept through stop, restart and `docker rm`; deleted only by `docker volume rm` (an \
                   anonymous one also by `docker rm -v` or `--rm`).\n\
                   - A bind mount: the files are the host's; Docker never deletes them.\n\
                   - tmpfs: gone when the container stops; nothing survives a restart.",
        },
    ],
    commands: &[
        Command {
            cli: "docker system df -v",
            what: "Shows what each image, container, volume and the build cache take on disk, and how much could go \
                   (the Disk usage page, where Reclaim lists exactly what it removes first).",
        },
        Command {
            cli: "docker volume create pgdata",
            what: "Creates a named volume managed by the engine.",
        },
        Command {
            cli: "docker volume ls",
            what: "Lists the engine's volumes.",
        },
        Command {
            cli: "docker volume inspect pgdata",
            what: "Shows a volume's driver, labels and mountpoint — where its data lives on the engine's host.",
        },
        Command {
            cli: "docker volume rm pgdata",
            what: "Deletes a volume and all its data; refused while a container uses it.",
        },
        Command {
            cli: "docker run -d -v site:/usr/share/nginx/html nginx",
            what: "Mounts the volume `site` (created if missing) at nginx's web root, filled first with the \
                   image's files.",
        },
        Command {
            cli: "docker run -d -p 8080:80 --mount type=bind,source=\"$PWD\",target=/usr/share/nginx/html nginx",
            what: "Serves the current folder of the host through nginx, on the host's port 8080.",
        },
        Command {
            cli: "docker run --rm --tmpfs /scratch busybox df -h /scratch",
            what: "Mounts a memory-only tmpfs at `/scratch` and shows that it is one.",
        },
        Command {
            cli: "docker rm -v <container>",
            what: "Removes a stopped container together with its anonymous volumes; named volumes stay.",
        },
    ],
};
